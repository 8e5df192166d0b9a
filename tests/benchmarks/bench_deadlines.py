"""Benchmark: FOIA ``response_due`` (20 working days) for 100,000 receipt dates, three ways.

    .venv/bin/python tests/benchmarks/bench_deadlines.py [--n 100000] [--seed 1]

1. ours: ``calendar_for(Law.FOIA).nth_working_day_after(d, 20)`` (constant-time index look-ups);
2. a naive day-by-day loop over the same UK-wide holiday set;
3. ``numpy.busday_offset`` called once per date with the same holidays (a prebuilt
   ``busdaycalendar``; ``roll="backward"`` makes a non-working receipt day count as day 0, as the
   ICO does).

All three must agree on every date. Prints calls per second and the ratios; the targets (issue 3)
are at least 20x the naive loop and faster per call than numpy's scalar calls. Not collected by
pytest (its name does not start with ``test_``) and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from bot.law import Law, RequestFacts, calendar_for, compute_deadlines
from bot.law.bank_holidays import non_working_weekdays
from bot.law.regimes import Division

log = logging.getLogger(__name__)

FIRST, LAST = date(2015, 1, 1), date(2030, 12, 31)
N_WORKING_DAYS = 20


def receipt_dates(n: int, seed: int) -> list[date]:
    rng = random.Random(seed)
    span = (LAST - FIRST).days
    return [FIRST + timedelta(days=rng.randrange(span + 1)) for _ in range(n)]


def uk_holidays() -> set[date]:
    """The FOIA calendar's weekday holidays 2014-2032 (weekends are excluded by the loops anyway)."""
    days: set[date] = set()
    for year in range(FIRST.year - 1, LAST.year + 3):
        days.update(non_working_weekdays(year, frozenset(Division), ("Christmas Day", "Good Friday")))
    return days


def naive_after(start: date, n: int, holidays: set[date]) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            counted += 1
    return day


def timed(label: str, fn: Callable[[date], date], dates: list[date]) -> tuple[list[date], float]:
    started = time.perf_counter()
    results = [fn(d) for d in dates]
    seconds = time.perf_counter() - started
    print(f"{label:<44} {len(dates) / seconds:>12,.0f} calls/s   {seconds * 1e6 / len(dates):8.2f} µs/call")
    return results, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    dates = receipt_dates(args.n, args.seed)
    holidays = uk_holidays()
    cal = calendar_for(Law.FOIA)
    started = time.perf_counter()
    cal.nth_working_day_after(FIRST, 1)
    cal.nth_working_day_after(LAST, 1)
    print(f"index build (lazy, first use):               {(time.perf_counter() - started) * 1e3:8.1f} ms")

    busdays = np.busdaycalendar(weekmask="1111100", holidays=np.array(sorted(holidays), dtype="datetime64[D]"))

    def with_numpy(d: date) -> date:
        return np.busday_offset(np.datetime64(d, "D"), N_WORKING_DAYS, roll="backward", busdaycal=busdays).astype(date)

    print(f"{args.n:,} FOIA response_due dates, receipt {FIRST}..{LAST}:")
    ours, t_ours = timed("ours: nth_working_day_after", lambda d: cal.nth_working_day_after(d, N_WORKING_DAYS), dates)
    naive, t_naive = timed("naive day-by-day loop", lambda d: naive_after(d, N_WORKING_DAYS, holidays), dates)
    numpy_results, t_numpy = timed("numpy.busday_offset, one call per date", with_numpy, dates)

    mismatches = sum(1 for a, b, c in zip(ours, naive, numpy_results, strict=True) if not a == b == c)
    print(f"results agree on all dates: {mismatches == 0} ({mismatches} mismatches)")

    sample = dates[: max(1, args.n // 10)]
    timed(
        f"full compute_deadlines (FOIA, {len(sample):,} dates)",
        lambda d: compute_deadlines(RequestFacts(Law.FOIA, received=d)).deadlines["response_due"].due,
        sample,
    )

    speedup_naive = t_naive / t_ours
    speedup_numpy = t_numpy / t_ours
    print(f"ours vs naive loop: {speedup_naive:6.1f}x  (target >= 20x: {'met' if speedup_naive >= 20 else 'MISSED'})")
    print(f"ours vs numpy:      {speedup_numpy:6.1f}x  (target > 1x per call: {'met' if speedup_numpy > 1 else 'MISSED'})")


if __name__ == "__main__":
    main()
