"""Counting periods: working days with pauses, calendar months with the month-end rule."""

from __future__ import annotations

import calendar as _calendar
import logging
from dataclasses import dataclass
from datetime import date, timedelta

from bot.law.calendar import WorkingDayCalendar
from bot.law.regimes import Period, Unit

log = logging.getLogger(__name__)


# English names, whatever the process's locale (strftime's %B/%a would follow LC_TIME).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def plain_date(d: date) -> str:
    """``27 April 2022``: how letters, timelines and rewrites write a date."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def long_date(d: date) -> str:
    """``Wed 27 April 2022``: the form used in every explanation."""
    return f"{WEEKDAYS[d.weekday()][:3]} {plain_date(d)}"


def sentence(text: str) -> str:
    """``text`` with a capital first letter (``str.capitalize`` would lower "ICO")."""
    return text[:1].upper() + text[1:]


def add_months(d: date, months: int) -> date:
    """The corresponding date ``months`` later; when that month is too short, its last day.

    ICO right of access guidance: from the day of receipt "until the corresponding calendar date
    in the next month ... if there is no corresponding calendar date, the last day of the
    following month" (30 January -> 28 February, or 29 in a leap year).
    """
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(d.day, _calendar.monthrange(year, month)[1]))


def add_calendar_period(d: date, period: Period) -> date:
    """``d`` plus a period of calendar time (weeks, days or months); no working-day roll."""
    if period.unit is Unit.MONTHS:
        return add_months(d, period.amount)
    if period.unit is Unit.WEEKS:
        return d + timedelta(weeks=period.amount)
    if period.unit is Unit.CALENDAR_DAYS:
        return d + timedelta(days=period.amount)
    raise ValueError(f"{period.unit} is not calendar time")


def last_day_of_period_beginning_with(d: date, period: Period) -> date:
    """The last day of a period of calendar time that *begins with* ``d`` (``d`` is its first day).

    FOIA s.9(2) (and FOISA s.9(4)): "the period of three months beginning with the day on which the
    fees notice is given". A period beginning with ``d`` is the period after the day before ``d``,
    which ends on that day's corresponding date (or, with none, the month's last day): a notice
    given on 10 December must be paid by the end of 9 March.
    """
    return add_calendar_period(d - timedelta(days=1), period)


@dataclass(frozen=True)
class Pause:
    """Days disregarded when counting, both ends included (e.g. FOIA s.10(2): "beginning with
    the day on which the fees notice is given ... ending with the day on which the fee is received")."""

    first: date
    last: date


def working_days_with_pauses(cal: WorkingDayCalendar, start: date, n: int, pauses: tuple[Pause, ...] = ()) -> tuple[date, int]:
    """The ``n``-th working day after ``start`` not counting working days inside ``pauses``.

    Returns the day and how many working days the pauses took out. A pause that begins after
    the unpaused count is already complete has no effect.
    """
    cursor, remaining, disregarded = start, n, 0
    for pause in sorted(pauses, key=lambda p: p.first):
        if pause.last <= cursor:
            continue
        if pause.first > cursor:
            # Working days d with cursor < d < pause.first still count.
            counted = cal.working_days_between(cursor, pause.first - timedelta(days=1))
            if counted >= remaining:
                break
            remaining -= counted
            inside_from = pause.first - timedelta(days=1)
        else:
            inside_from = cursor
        disregarded += cal.working_days_between(inside_from, pause.last)
        cursor = pause.last
    return cal.nth_working_day_after(cursor, remaining), disregarded
