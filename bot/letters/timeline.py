"""A request's deadlines as a letter needs them, from the deadline engine (``bot.law``).

Letters that accuse lateness wait for the latest reading of the deadline: the next-working-day
reading when receipt fell on a non-working day (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026), the 60-working-day backstop for a
school (SI 2004/3364; foibot has no school calendar), and the extended period only when the
authority actually extended (FOIA s.10(3), EIR/EISR reg 7, UK GDPR art.12(3)). The same goes for a
review: a request for review received on a non-working day is late only after the later reading.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.law.calendar import WorkingDayCalendar, calendar_for
from bot.law.counting import WEEKDAYS
from bot.law.counting import plain_date
from bot.law.deadlines import Deadline, DeadlineKey, DeadlineReport, RequestFacts, compute_deadlines
from bot.law.regimes import Law, regime
from bot.letters.facts import LetterFacts

log = logging.getLogger(__name__)


def day_date(d: date) -> str:
    """"Friday 8 April 2022": how a warning writes a date, so the weekday is checkable."""
    return f"{WEEKDAYS[d.weekday()]} {plain_date(d)}"


def request_facts(facts: LetterFacts, **overrides: object) -> RequestFacts:
    """The deadline engine's view of ``facts``; ``overrides`` replace fields (e.g. a review asked today)."""
    return facts.request_facts(**overrides)


@dataclass(frozen=True)
class Timeline:
    """The deadlines of one request on one day, and how late its response is."""

    facts: LetterFacts
    today: date
    report: DeadlineReport
    calendar: WorkingDayCalendar
    due: Deadline | None  # the day after which the response may be called late (latest reading)
    days_late: int  # working days (SAR: calendar days) past ``due`` at the response or today; 0 if not late

    @property
    def statutory_due(self) -> Deadline | None:
        """The ICO reading of the response deadline (or the extended one, when extended)."""
        if self.facts.extended_to is not None and self.report.get(DeadlineKey.RESPONSE_DUE_EXTENDED):
            return self.report.get(DeadlineKey.RESPONSE_DUE_EXTENDED)
        return self.report.get(DeadlineKey.RESPONSE_DUE)

    @property
    def late(self) -> bool:
        return self.days_late > 0

    def get(self, key: str) -> date | None:
        found = self.report.get(key)
        return found.due if found else None

    def review_late_after(self) -> date | None:
        """The day after which the review is late on every reading: when the request for review
        arrived on a non-working day, the later reading (SIC Decision 092/2026)."""
        found = [d for d in (self.get(DeadlineKey.REVIEW_DUE), self.get(DeadlineKey.REVIEW_DUE_NEXT_WORKING_DAY)) if d is not None]
        return max(found) if found else None

    def with_overrides(self, **overrides: object) -> DeadlineReport:
        """The report as it would be with changed facts (a review asked today, a clarification sent today)."""
        return compute_deadlines(request_facts(self.facts, **overrides))


_LATENESS_KEYS = (DeadlineKey.RESPONSE_DUE, DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY)


def lateness_due(report: DeadlineReport, facts: LetterFacts) -> Deadline | None:
    """The latest reading of the response deadline: only after it is a response surely late."""
    keys = list(_LATENESS_KEYS)
    if facts.extended_to is not None:
        keys.append(DeadlineKey.RESPONSE_DUE_EXTENDED)
    if facts.school:
        keys.append(DeadlineKey.SCHOOL_BACKSTOP)
    found = [d for d in (report.get(k) for k in keys) if d is not None]
    return max(found, key=lambda d: d.due) if found else None


def count_late(calendar: WorkingDayCalendar, law: Law, due: date, until: date) -> int:
    """Days late at ``until``: working days for FOI laws, calendar days for subject access."""
    if until <= due:
        return 0
    if not regime(law).words.working_days:
        return (until - due).days
    return calendar.working_days_between(due, until)


def build_timeline(facts: LetterFacts, today: date) -> Timeline:
    report = compute_deadlines(request_facts(facts))
    calendar = calendar_for(facts.law, facts.division)
    due = lateness_due(report, facts)
    days_late = count_late(calendar, facts.law, due.due, facts.responded or today) if due else 0
    return Timeline(facts, today, report, calendar, due, days_late)
