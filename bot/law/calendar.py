"""Working-day calendars: which days count, and counting them in constant time.

A calendar keeps an index over a range of whole years: ``rank[i]``, the number of working days
from the range's first day up to and including day ``i``, and ``days``, the ordinals of the
working days in order. Then

* ``working_days_between(s, e) = rank(e) - rank(s)``, and
* the ``n``-th working day after ``s`` is ``days[rank(s) + n - 1]``,

each a couple of list look-ups. The index is built on first use around the year asked for and
rebuilt wider when a date outside it is asked for (never a day-by-day loop per question).

Which bank holidays count depends on the law (``regimes.CalendarKind``): FOIA and the EIR use
every part of the UK (FOIA s.10(6), EIR reg 2(1)); FOISA and the EISR only Scotland (FOISA
s.73); a subject access roll-forward uses the controller's own part of the UK.
"""

from __future__ import annotations

import logging
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from bot.errors import BadInput
from bot.law.bank_holidays import STATUTORY_DAYS, non_working_weekdays
from bot.law.regimes import DIVISION_NAMES, CalendarKind, Division, Law, regime

log = logging.getLogger(__name__)

_GROW_YEARS = 5  # widen the index by at least this many years at a time
# The years an index can span. Typed dates are 2000-2030 (bot.law.bank_holidays); a file's ISO date
# can be anything from year 1 to 9999, and counting from 9999 would need a year 10000 Python's dates
# cannot hold, while an index from year 1 takes ten seconds to build. Counting outside is refused.
FIRST_YEAR, LAST_YEAR = 1900, 2999
_FIRST_ORDINAL, _LAST_ORDINAL = date(FIRST_YEAR, 1, 1).toordinal(), date(LAST_YEAR, 12, 31).toordinal()


class OutsideCalendar(BadInput):
    """A count that runs past the years any calendar can span (a date such as 9999-12-31 given in a file)."""


@dataclass(frozen=True)
class SkippedDay:
    """A weekday that is not a working day, e.g. Good Friday, "St Andrew's Day (Scotland)"."""

    day: date
    name: str


@dataclass(frozen=True)
class _Index:
    first_year: int
    last_year: int
    origin: int  # ordinal of 1 January of first_year
    rank: list[int]  # rank[i]: working days in [origin, origin + i]
    days: list[date]  # the working days, ascending
    holidays: list[SkippedDay]  # non-working weekdays in range, ascending
    holiday_days: list[date]  # their dates, for bisect

    def covers(self, ordinal: int) -> bool:
        return 0 <= ordinal - self.origin < len(self.rank)


class WorkingDayCalendar:
    """Working days for one set of bank holidays (plus weekends, which never count)."""

    def __init__(self, name: str, divisions: frozenset[Division], statutory: tuple[str, ...] = ()) -> None:
        self.name = name
        self.divisions = divisions
        self.statutory = statutory
        self._index: _Index | None = None
        # (origin, rank, days) of the current index, read in one go by the hot paths.
        self._fast: tuple[int, list[int], list[date]] = (0, [], [])
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"WorkingDayCalendar({self.name!r})"

    # -- the index ------------------------------------------------------------------------------

    def _build(self, first_year: int, last_year: int) -> _Index:
        holidays: dict[date, str] = {}
        for year in range(first_year, last_year + 1):
            holidays.update(non_working_weekdays(year, self.divisions, self.statutory))
        origin = date(first_year, 1, 1).toordinal()
        end = date(last_year, 12, 31).toordinal()
        rank: list[int] = []
        days: list[date] = []
        count = 0
        weekday = date(first_year, 1, 1).weekday()
        holiday_ordinals = {d.toordinal() for d in holidays}
        for ordinal in range(origin, end + 1):
            if weekday < 5 and ordinal not in holiday_ordinals:
                count += 1
                days.append(date.fromordinal(ordinal))
            rank.append(count)
            weekday = (weekday + 1) % 7
        skipped = [SkippedDay(day, name) for day, name in sorted(holidays.items())]
        log.debug("built %s working-day index %d-%d (%d working days)", self.name, first_year, last_year, count)
        index = _Index(first_year, last_year, origin, rank, days, skipped, [s.day for s in skipped])
        self._fast = (origin, rank, days)
        return index

    def _index_covering(self, *ordinals: int) -> _Index:
        index = self._index
        if index is not None and all(index.covers(o) for o in ordinals):
            return index
        if not all(_FIRST_ORDINAL <= o <= _LAST_ORDINAL for o in ordinals):
            shown = date.fromordinal(min(max(ordinals[0], 1), date.max.toordinal()))
            raise OutsideCalendar(
                f"Counting working days from {shown.isoformat()} runs past the years foibot's calendar covers "
                f"({FIRST_YEAR} to {LAST_YEAR}): check the dates."
            )
        with self._lock:
            index = self._index
            years = [date.fromordinal(o).year for o in ordinals]
            if index is None:
                first, last = min(years) - 1, max(years) + 2
            else:
                first, last = index.first_year, index.last_year
                if min(years) < first:
                    first = min(min(years), first - _GROW_YEARS)
                if max(years) > last:
                    last = max(max(years), last + _GROW_YEARS)
            if index is None or (first, last) != (index.first_year, index.last_year):
                index = self._build(max(first, FIRST_YEAR), min(last, LAST_YEAR))
                self._index = index
            return index

    # -- questions ------------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        origin, rank, _ = self._fast
        i = d.toordinal() - origin
        if 0 < i < len(rank):
            return rank[i] != rank[i - 1]
        ordinal = d.toordinal()
        index = self._index_covering(ordinal)
        i = ordinal - index.origin
        return index.rank[i] != (index.rank[i - 1] if i else 0)

    def nth_working_day_after(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start``; ``start`` is day 0 whatever it is.

        ``n == 0`` gives ``start``; a negative ``n`` counts back (``-1``: the last working day
        before ``start``).
        """
        # Fast path (the common case): inside the index, counting forwards.
        origin, rank, days = self._fast
        i = start.toordinal() - origin
        if n > 0 and 0 <= i < len(rank):
            position = rank[i] + n - 1
            if position < len(days):
                return days[position]
        if n == 0:
            return start
        ordinal = start.toordinal()
        index = self._index_covering(ordinal)
        stretch = 2
        while True:
            i = ordinal - index.origin
            rank = index.rank[i]
            if n > 0:
                position = rank + n - 1
            else:
                here = rank != (index.rank[i - 1] if i else 0)
                position = rank - here + n
            if 0 <= position < len(index.days):
                return index.days[position]
            # Past either end of the index: widen it by about the distance needed (a working day
            # is ~1.4 calendar days on average), then try again, reaching further each time.
            index = self._index_covering(ordinal, ordinal + stretch * n + (7 if n > 0 else -7))
            stretch *= 2

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days ``d`` have ``start < d <= end`` (negative when ``end < start``)."""
        origin, rank, _ = self._fast
        s, e = start.toordinal(), end.toordinal()
        if 0 <= s - origin < len(rank) and 0 <= e - origin < len(rank):
            return rank[e - origin] - rank[s - origin]
        index = self._index_covering(s, e)
        return index.rank[e - index.origin] - index.rank[s - index.origin]

    def next_working_day(self, d: date) -> date:
        """``d`` itself when it is a working day, else the first working day after it."""
        return d if self.is_working_day(d) else self.nth_working_day_after(d, 1)

    def skipped_between(self, start: date, end: date) -> list[SkippedDay]:
        """Weekday non-working days ``d`` with ``start < d <= end``, with their names.

        Weekends are left out, and so are weekend-dated holiday entries (the substitute weekday
        is what is listed), so a list shown to a person holds only days they might have expected
        to count.
        """
        if end <= start:
            return []
        index = self._index_covering(start.toordinal(), end.toordinal())
        return index.holidays[bisect_right(index.holiday_days, start) : bisect_right(index.holiday_days, end)]

    def holiday_name(self, d: date) -> str | None:
        """The name of a weekday bank holiday in this calendar, or None."""
        index = self._index_covering(d.toordinal())
        i = bisect_left(index.holiday_days, d)
        if i < len(index.holiday_days) and index.holiday_days[i] == d:
            return index.holidays[i].name
        return None


# The calendar each law's clock uses (rules as data: CalendarKind -> which parts of the UK).
_ALL_DIVISIONS = frozenset(Division)


@lru_cache(maxsize=None)
def _calendar(kind: CalendarKind, division: Division) -> WorkingDayCalendar:
    if kind is CalendarKind.UK_UNION:
        return WorkingDayCalendar("UK (any part)", _ALL_DIVISIONS, STATUTORY_DAYS[kind])
    if kind is CalendarKind.SCOTLAND:
        return WorkingDayCalendar("Scotland", frozenset({Division.SCOTLAND}), STATUTORY_DAYS[kind])
    return WorkingDayCalendar(DIVISION_NAMES[division], frozenset({division}))


def calendar_for(law: Law, division: Division = Division.ENGLAND_AND_WALES) -> WorkingDayCalendar:
    """The working-day calendar for ``law`` (cached; one per law kind and part of the UK).

    FOIA/EIR: the union of every part of the UK, whatever ``division``; FOISA/EISR: Scotland;
    SAR: ``division``, where the controller is.
    """
    kind = regime(law).calendar
    division = Division(division)
    if kind is not CalendarKind.DIVISION:
        division = Division.ENGLAND_AND_WALES  # not used: share one cached calendar
    return _calendar(kind, division)
