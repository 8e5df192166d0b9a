"""Render time of the timeline picture (target: p99 under 300 ms).

    python tests/benchmarks/bench_timeline.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date

from bot.community.timeline_layout import alt_text, build_layout
from bot.community.timeline_png import render_png
from bot.law.calendar import calendar_for
from bot.law.deadlines import RequestFacts, compute_deadlines
from bot.law.regimes import Law


def main(runs: int = 200) -> None:
    facts = RequestFacts(law=Law.FOIA, received=date(2022, 4, 7), clarification_requested=date(2022, 4, 11),
                         clarification_received=date(2022, 4, 13), responded=date(2022, 5, 20))
    calendar = calendar_for(Law.FOIA)
    first = time.perf_counter()
    render_png(build_layout("R7K3Q", facts, compute_deadlines(facts), calendar, date(2022, 6, 1)))  # type: ignore[arg-type]
    cold = time.perf_counter() - first
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        layout = build_layout("R7K3Q", facts, compute_deadlines(facts), calendar, date(2022, 6, 1))
        assert layout is not None
        render_png(layout)
        alt_text(layout)
        times.append(time.perf_counter() - start)
    times.sort()
    p50, p99 = statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"timeline picture: {runs} renders, cold {cold * 1000:.0f} ms, p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms (target < 300 ms)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
