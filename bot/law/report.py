"""What a deadline computation works with and produces: the request's dated facts, the deadlines
(one ``DeadlineKey`` each), the report, and the ``Builder`` the rules in ``deadlines`` and
``reviews`` fill in. Its own module so that neither of those imports the other.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import date

from bot.law.calendar import SkippedDay, WorkingDayCalendar
from bot.law.counting import Pause, long_date, working_days_with_pauses
from bot.law.regimes import Division, Law, Period, Regime

log = logging.getLogger(__name__)


class DeadlineKey(enum.StrEnum):
    """Every deadline the engine can give; the values are the JSON keys of ``foibot deadline --json``."""

    RESPONSE_DUE = "response_due"
    RESPONSE_DUE_NEXT_WORKING_DAY = "response_due_next_working_day"
    CLARIFIED_PART_DUE = "clarified_part_due"
    CLARIFIED_PART_DUE_NEXT_WORKING_DAY = "clarified_part_due_next_working_day"
    RESPONSE_DUE_EXTENDED = "response_due_extended"
    SCHOOL_BACKSTOP = "school_backstop"
    AUTHORITY_PROMISED = "authority_promised"  # the authority's own date, beside the law's (issue 15)
    AUTHORITY_EXTENDED_TO = "authority_extended_to"  # an extension to an earlier date than the law's limit
    REVIEW_REQUEST_BY = "review_request_by"
    REVIEW_DUE = "review_due"
    REVIEW_DUE_MAX = "review_due_max"
    REVIEW_DUE_NEXT_WORKING_DAY = "review_due_next_working_day"
    REVIEW_SCHOOL_BACKSTOP = "review_school_backstop"  # SSI 2016/346: a Scottish special school's review
    COMPLAINT_BY = "complaint_by"
    # Clocks that are not the law's (bot/tracking/clocks.py): the check a refusal for future
    # publication sets, and the member's own reminders, one key per day: "member_reminder_<ISO date>".
    PUBLICATION_CHECK = "publication_check"
    MEMBER_REMINDER = "member_reminder"


NON_WORKING_RECEIPT_NOTE = "Received on a non-working day"


class ReceiptConvention(enum.StrEnum):
    ICO = "ico"  # receipt day is day 0 even when it is not a working day
    NEXT_WORKING_DAY = "next-working-day"  # receipt on a non-working day counts from the next working day


@dataclass(frozen=True)
class RequestFacts:
    law: Law
    division: Division = Division.ENGLAND_AND_WALES
    received: date | None = None
    clarification_requested: date | None = None
    clarification_received: date | None = None
    clarification_partial: bool = False  # clarification asked on one part only: the rest keeps its date (PHSO case)
    earlier_pause_days: int = 0  # SAR: days the clock stood still in earlier, completed clarification rounds (DUAA 2025 s.76)
    fee_notice: date | None = None
    fee_paid: date | None = None
    extended_to: date | None = None  # a new date the authority notified (FOIA s.10(3) PIT, EIR/EISR reg 7, SAR +2 months)
    extension_notified: date | None = None  # the day that extension was notified (None: not known, taken as in time)
    promised_by: date | None = None  # the authority's own date, e.g. an acknowledgement's "we aim to respond by"
    identity_requested: date | None = None  # SAR: the controller asked for evidence of identity (UK GDPR art.12(6))
    identity_received: date | None = None  # SAR: that evidence arrived; the month runs from then (art.12A)
    responded: date | None = None
    review_requested: date | None = None
    review_responded: date | None = None
    school: bool = False


@dataclass(frozen=True)
class Deadline:
    key: str
    due: date
    rule: str
    citation: str
    skipped: tuple[SkippedDay, ...] = ()


@dataclass(frozen=True)
class DeadlineReport:
    deadlines: dict[str, Deadline]  # insertion-ordered, only the keys that apply
    basis: tuple[str, ...]  # citations
    notes: tuple[str, ...]  # plain-English caveats
    law: Law | None = None
    division: Division | None = None
    convention: ReceiptConvention = ReceiptConvention.ICO

    def get(self, key: str) -> Deadline | None:
        return self.deadlines.get(key)

    def skipped(self) -> list[SkippedDay]:
        """Every non-working weekday skipped by any count in the report, in date order."""
        days = {s.day: s for d in self.deadlines.values() for s in d.skipped}
        return [days[k] for k in sorted(days)]

    def as_json(self, titles: dict[str, str] | None = None) -> dict:
        """``{key: ISO date, ..., "skipped", "basis", "deadlines", "notes"}``: the top-level dates are
        the contract other tools read (issue 3); ``deadlines`` names each with its rule and source."""
        out: dict[str, object] = {key: d.due.isoformat() for key, d in self.deadlines.items()}
        out["skipped"] = [{"date": s.day.isoformat(), "name": s.name} for s in self.skipped()]
        out["basis"] = list(self.basis)
        out["deadlines"] = {
            key: {"date": d.due.isoformat(), "title": (titles or {}).get(key, key), "rule": d.rule, "citation": d.citation}
            for key, d in self.deadlines.items()
        }
        out["notes"] = list(self.notes)
        return out


@dataclass
class Builder:
    """Collects deadlines, citations and notes while the rules run (shared with ``reviews``)."""

    facts: RequestFacts
    convention: ReceiptConvention
    regime: Regime
    calendar: WorkingDayCalendar
    deadlines: dict[str, Deadline] = field(default_factory=dict)
    basis: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extension_counts: bool = True  # False once an extension is found to have been notified too late

    def note(self, text: str) -> None:
        if text and text not in self.notes:
            self.notes.append(text)

    def cite(self, *citations: str) -> None:
        for citation in citations:
            if citation and citation not in self.basis:
                self.basis.append(citation)

    def add(self, key: DeadlineKey, due: date, rule: str, citation: str, skipped: list[SkippedDay] | tuple[SkippedDay, ...] = ()) -> Deadline:
        deadline = Deadline(key, due, rule, citation, tuple(skipped))
        self.deadlines[key] = deadline
        self.cite(citation)
        return deadline

    def day_zero(self, received: date) -> date:
        """Day 0 of a count from a day the authority received something, under the convention."""
        if self.convention is ReceiptConvention.NEXT_WORKING_DAY:
            return self.calendar.next_working_day(received)
        return received

    def count(self, day0: date, period: Period, pauses: tuple[Pause, ...] = ()) -> tuple[date, list[SkippedDay], int]:
        due, disregarded = working_days_with_pauses(self.calendar, day0, period.amount, pauses)
        return due, self.calendar.skipped_between(day0, due), disregarded

    def later_reading(self, key: DeadlineKey, received: date, period: Period, what: str, pauses: tuple[Pause, ...] = ()) -> date:
        """Add ``key``: ``period`` counted as if ``received`` (a non-working day) were the next working
        day, the reading some authorities use (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026). Its date."""
        next_day = self.calendar.next_working_day(received)
        later, skipped, _ = self.count(next_day, period, pauses)
        rule = f"{what} ({long_date(next_day)}): {period.describe()} after that"
        self.add(key, later, rule, self.regime.next_working_day_reading or period.citation, skipped)
        return later

    def report(self) -> DeadlineReport:
        return DeadlineReport(
            dict(self.deadlines), tuple(self.basis), tuple(self.notes), self.facts.law, self.facts.division, self.convention
        )
