"""Render time per letter: p50 and p99 over every example letter (target: p99 under 10 ms).

Run: ``.venv/bin/python tests/benchmarks/bench_letters.py [ROUNDS]``. Each round renders every
example in ``tests/unit/letters/cases.py`` from its facts: grounds proposed, deadlines computed,
templates rendered, timing advice checked, as a cog or the CLI would. The first round (template
compilation, calendar index) is reported separately and left out of the percentiles.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.letters import LetterFacts, default_ground_ids, propose_grounds, render_letter  # noqa: E402
from tests.unit.letters.cases import CASES, Case  # noqa: E402


def render_once(case: Case, facts: LetterFacts) -> float:
    start = time.perf_counter()
    ids = case.grounds if case.grounds is not None else default_ground_ids(propose_grounds(case.kind, facts, case.today))
    render_letter(case.kind, facts, ids, case.today, notes=case.notes)
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(rounds: int = 200) -> None:
    prepared = [(case, LetterFacts.from_json(case.facts)) for case in CASES]
    first = [render_once(case, facts) for case, facts in prepared]
    by_kind: dict[str, list[float]] = defaultdict(list)
    every: list[float] = []
    for _ in range(rounds):
        for case, facts in prepared:
            ms = render_once(case, facts)
            by_kind[case.kind].append(ms)
            every.append(ms)
    print(f"letters: {len(prepared)} examples x {rounds} rounds = {len(every)} renders")
    print(f"first round (cold: template compilation, calendar index): max {max(first):.2f} ms, total {sum(first):.1f} ms")
    print(f"{'kind':<14}{'n':>7}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for kind, values in sorted(by_kind.items()):
        print(f"{kind:<14}{len(values):>7}{percentile(values, 50):>10.3f}{percentile(values, 99):>10.3f}{max(values):>10.3f}")
    p99 = percentile(every, 99)
    print(f"{'all':<14}{len(every):>7}{statistics.median(every):>10.3f}{p99:>10.3f}{max(every):>10.3f}")
    print(f"target p99 < 10 ms: {'met' if p99 < 10 else 'NOT MET'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
