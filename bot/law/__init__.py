"""The law as pure rules: working-day calendars, the regimes' time limits, deadlines, dates.

Nothing here imports discord or the database or reads the clock; callers pass ``today``.
"""

from __future__ import annotations

from bot.law.calendar import SkippedDay, WorkingDayCalendar, calendar_for
from bot.law.dates import parse_user_date
from bot.law.deadlines import Deadline, DeadlineReport, ReceiptConvention, RequestFacts, compute_deadlines
from bot.law.regimes import Division, Law, Regime, regime

__all__ = [
    "Deadline",
    "DeadlineReport",
    "Division",
    "Law",
    "ReceiptConvention",
    "Regime",
    "RequestFacts",
    "SkippedDay",
    "WorkingDayCalendar",
    "calendar_for",
    "compute_deadlines",
    "parse_user_date",
    "regime",
]
