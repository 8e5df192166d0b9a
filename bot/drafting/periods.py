"""Relative periods ("in the last 3 years") and the exact dates they stand for on a given day.

An authority reads "the last 3 years" from the day it *receives* the request, and may read it as
calendar years, financial years or 36 months; councils' guidance (City of York) asks requesters to
say which. The fix writes the dates out. The conventions, stated in every rewrite:
- "the last/past N years|months|weeks|days" is a rolling period that ends the day before the request
  (the day the request is sent is not complete yet): 25 Nov 2026 -> 25 Nov 2023 to 24 Nov 2026;
- "the last N calendar years" are the N complete calendar years before this one;
- "the last N financial years" are the N complete public-sector financial years (1 April to 31 March)
  before the current one;
- bare "last year" / "last month" (no "the") mean the previous calendar year / month;
- "this year" / "this financial year" / "this month" run from their first day to the day before.
Anything vaguer ("recently", "the last few years", "each of the last 3 years", tax or academic years)
is reported without an automatic fix.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from bot.law.counting import MONTHS
from bot.law.counting import plain_date

log = logging.getLogger(__name__)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36,
}  # fmt: skip
_VAGUE_NUMBERS = r"few|several|couple\s+of"
_NUMBER = r"\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

# The core of a relative period starts with a fixed word ("last", "past", "this"...), so ``re`` can
# skip ahead quickly; the optional lead-in ("in", "for each of", "the") is matched backwards from it.
RELATIVE_CORE_RE = re.compile(
    rf"""
    \b(?:
        (?P<rel>last|past|previous|preceding|most\s+recent)\s+
        (?:(?P<n>{_NUMBER}|{_VAGUE_NUMBERS})\s+)?
      | (?P<this>this|current)\s+
    )
    (?P<kind>calendar\s+|financial\s+|fiscal\s+|academic\s+|school\s+|tax\s+)?
    (?P<unit>years?|months?|weeks?|days?|quarters?)\b
    (?P<todate>\s+(?:to\s+date|up\s+to\s+now|until\s+now|so\s+far))?
    """,
    re.VERBOSE,
)
_LEAD_IN_RE = re.compile(
    r"(?P<prep>\b(?:in|over|during|for|within|across|from)\s+)?(?P<each>each\s+of\s+)?(?P<the>the\s+)?\Z"
)
_LEAD_IN_WINDOW = 30
# Vague periods with no number to compute from; flagged only inside questions.
VAGUE_PERIOD_RE = re.compile(
    r"\b(?:in\s+)?recent\s+(?:years|months|weeks|times)\b|\brecently\b|\bof\s+late\b|\blately\b"
)
# These patterns are lower case (fast): run them on lower-cased text, as the functions below do.


@dataclass(frozen=True)
class PeriodMatch:
    """A relative period found in the text: its span and its parts (prep, each, the, rel, n, ...)."""

    span: tuple[int, int]
    phrase: str
    parts: dict[str, str | None]

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]

    def group(self, name: str | int = 0) -> str | None:
        return self.phrase if name == 0 else self.parts.get(str(name))


def find_relative_periods(lower: str, pos: int = 0, endpos: int | None = None) -> list[PeriodMatch]:
    """Relative periods in already lower-cased ``lower`` between ``pos`` and ``endpos``."""
    endpos = len(lower) if endpos is None else endpos
    found: list[PeriodMatch] = []
    for core in RELATIVE_CORE_RE.finditer(lower, pos, endpos):
        window = max(pos, core.start() - _LEAD_IN_WINDOW, found[-1].end() if found else pos)
        lead_in = _LEAD_IN_RE.search(lower, window, core.start())
        start = lead_in.start() if lead_in and lead_in.group() else core.start()
        parts = {**core.groupdict(), **(lead_in.groupdict() if lead_in else {})}
        found.append(PeriodMatch((start, core.end()), lower[start : core.end()], parts))
    return found


def relative_periods_in(text: str) -> list[PeriodMatch]:
    """Every relative period in ``text`` (matched on its lower-cased copy; offsets are the same)."""
    return find_relative_periods(lowered(text))


def lowered(text: str) -> str:
    """``text`` in lower case with every character in place (so spans stay valid).

    ``str.lower`` lengthens a few characters (U+0130 "İ" becomes two); those are left as they are.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True)
class ExplicitPeriod:
    """What a relative period means on the day the request is sent."""

    start: date
    end: date
    phrase: str  # replaces the relative phrase, preposition included: "between 25 November 2023 and ..."
    convention: str  # how it was read, shown to the member
    rolling: bool = False  # a rolling period (so calendar and financial years are the other readings)


def _range(start: date, end: date) -> str:
    if start.year == end.year and start.month == end.month and start.day == 1:
        return f"{start.day} to {plain_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} to {plain_date(end)}"
    return f"{plain_date(start)} to {plain_date(end)}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def financial_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def current_financial_year_start(today: date) -> int:
    """UK public-sector financial years run 1 April to 31 March."""
    return today.year if today >= date(today.year, 4, 1) else today.year - 1


def years_in(match: PeriodMatch) -> int | None:
    """N in "the last N years" (None for months, weeks, days or a vague number)."""
    if not match.group("unit").lower().startswith("year"):
        return None
    return _count(match)


def _count(match: PeriodMatch) -> int | None:
    raw = (match.group("n") or "").lower()
    if not raw:
        return 1
    if raw.isdigit():
        return int(raw) or None
    return _NUMBER_WORDS.get(raw)


def explicit_period(match: PeriodMatch, today: date) -> ExplicitPeriod | None:
    """The explicit dates for a relative period, or None when no reading is safe."""
    unit = match.group("unit").lower().rstrip("s")
    kind = (match.group("kind") or "").strip().lower()
    n = _count(match)
    each = bool(match.group("each"))
    prep = (match.group("prep") or "").strip().lower()
    yesterday = today - timedelta(days=1)
    if n is None or unit == "quarter" or kind in ("academic", "school", "tax"):
        return None
    if match.group("this"):
        return _this_period(unit, kind, today, yesterday)
    if kind in ("financial", "fiscal") and unit == "year":
        return _financial_years(n, today, each, prep)
    if kind == "calendar" and unit == "year":
        return _calendar_years(n, today, each, prep)
    if kind or each:
        return None  # "each of the last 3 years": calendar or financial? The member must say.
    if not match.group("the") and n == 1 and unit in ("year", "month", "week"):
        return _previous_calendar(unit, today)
    start = today - _delta(unit, n)
    return ExplicitPeriod(
        start,
        yesterday,
        f"between {plain_date(start)} and {plain_date(yesterday)}",
        f"a rolling period ending the day before {plain_date(today)}, not calendar or financial years",
        rolling=True,
    )


def _delta(unit: str, n: int) -> relativedelta:
    return {
        "year": relativedelta(years=n),
        "month": relativedelta(months=n),
        "week": relativedelta(weeks=n),
        "day": relativedelta(days=n),
    }[unit]


def _this_period(unit: str, kind: str, today: date, yesterday: date) -> ExplicitPeriod | None:
    if unit == "year" and kind in ("financial", "fiscal"):
        start, what = date(current_financial_year_start(today), 4, 1), "the current financial year"
    elif unit == "year" and kind in ("", "calendar"):
        start, what = date(today.year, 1, 1), "the current calendar year"
    elif unit == "month" and not kind:
        start, what = today.replace(day=1), "the current month"
    else:
        return None
    if yesterday < start:
        return None  # the period has not started yet: nothing to ask about
    return ExplicitPeriod(
        start, yesterday, f"between {plain_date(start)} and {plain_date(yesterday)}", f"{what}, to the day before"
    )


def _previous_calendar(unit: str, today: date) -> ExplicitPeriod:
    if unit == "year":
        start, end = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        return ExplicitPeriod(
            start, end, f"in the calendar year {start.year} ({_range(start, end)})", "the previous calendar year"
        )
    if unit == "month":
        end = today.replace(day=1) - timedelta(days=1)
        start = end.replace(day=1)
        return ExplicitPeriod(
            start,
            end,
            f"in {MONTHS[start.month - 1]} {start.year} ({_range(start, end)})",
            "the previous calendar month",
        )
    start = today - timedelta(days=today.weekday() + 7)
    end = start + timedelta(days=6)
    return ExplicitPeriod(
        start,
        end,
        f"between Monday {plain_date(start)} and Sunday {plain_date(end)}",
        "the previous week, Monday to Sunday",
    )


def _calendar_years(n: int, today: date, each: bool, prep: str) -> ExplicitPeriod:
    years = list(range(today.year - n, today.year))
    start, end = date(years[0], 1, 1), date(years[-1], 12, 31)
    noun = "calendar year" if n == 1 else "calendar years"
    lead = f"{prep or 'for'} each of the" if each else "in the"
    return ExplicitPeriod(
        start,
        end,
        f"{lead} {noun} {_join([str(y) for y in years])} ({_range(start, end)})",
        f"the {n} complete calendar year{'s' if n > 1 else ''} before {today.year}",
    )


def _financial_years(n: int, today: date, each: bool, prep: str) -> ExplicitPeriod:
    current = current_financial_year_start(today)
    years = list(range(current - n, current))
    start, end = date(years[0], 4, 1), date(years[-1] + 1, 3, 31)
    noun = "financial year" if n == 1 else "financial years"
    lead = f"{prep or 'for'} each of the" if each else "in the"
    return ExplicitPeriod(
        start,
        end,
        f"{lead} {noun} {_join([financial_year_label(y) for y in years])} ({_range(start, end)})",
        f"the {n} complete financial year{'s' if n > 1 else ''} (1 April to 31 March) before the current one",
    )


def example_ranges(today: date, years: int = 3, *, rolling: bool = True) -> str:
    """A worked example of the readings of "the last N years", for rewrites that cannot be automatic."""
    rolling_start = today - relativedelta(years=years)
    fy = current_financial_year_start(today)
    readings = [f"between {plain_date(rolling_start)} and {plain_date(today - timedelta(days=1))}"] if rolling else []
    readings.append(
        f"the calendar years {today.year - years} to {today.year - 1} "
        f"(1 January {today.year - years} to 31 December {today.year - 1})"
    )
    readings.append(
        f"the financial years {financial_year_label(fy - years)} to {financial_year_label(fy - 1)} "
        f"(1 April {fy - years} to 31 March {fy})"
    )
    return "; or ".join(readings)
