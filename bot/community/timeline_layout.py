"""The picture of a request's clock, as data (pure): what the drawing places where, and the same
in words for the image's alt text.

Everything is in days from receipt (x = 0 is the day the request was received). Rows, top down:
the response clock (running from receipt, stopped while a clarification or a fee notice is
outstanding: FOIA s.1(3) and s.9(2), EIR reg 9, FOISA s.1(3) and s.9(4), UK GDPR art. 12(3) as
amended by DUAA 2025 s.76 for subject access), the review (window to ask, then the authority's
time to answer) and the window to complain to the regulator. Marks: the due date (extended, if
so), the answer, today. Weekday bank holidays in the range are shaded: they are not working
days (FOIA s.10(6)), which is why a due date moves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from bot.law.calendar import SkippedDay
from bot.law.counting import plain_date
from bot.law.deadlines import DeadlineKey, DeadlineReport, RequestFacts

log = logging.getLogger(__name__)

ALT_TEXT_MAX = 1024  # Discord's limit on an attachment's description
MARGIN_DAYS = 3
TODAY_REACH_DAYS = 60  # today is drawn only when it is this close to the rest of the picture


class HolidayCalendar(Protocol):
    def skipped_between(self, start: date, end: date) -> list[SkippedDay]: ...

    def working_days_between(self, start: date, end: date) -> int: ...


@dataclass(frozen=True)
class Span:
    row: str  # "clock" | "review" | "complaint"
    kind: str  # running | stopped | window | review
    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Mark:
    kind: str  # received | due | extended | answered | review_due | today
    day: date
    label: str


@dataclass(frozen=True)
class TimelineLayout:
    public_id: str
    start: date
    end: date
    spans: tuple[Span, ...]
    marks: tuple[Mark, ...]
    holidays: tuple[SkippedDay, ...]
    today: date
    today_shown: bool
    working_days_to_answer: int | None = None
    rows: tuple[str, ...] = field(default=("clock", "review", "complaint"))

    def x(self, day: date) -> int:
        """Where ``day`` sits: days from receipt."""
        return (day - self.start).days

    def mark(self, kind: str) -> Mark | None:
        return next((m for m in self.marks if m.kind == kind), None)

    def spans_of(self, kind: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]


def build_layout(public_id: str, facts: RequestFacts, report: DeadlineReport, calendar: HolidayCalendar, today: date) -> TimelineLayout | None:
    """The picture's layout, or None before the request was received (nothing to draw)."""
    received = facts.received
    if received is None:
        return None
    due = report.get(DeadlineKey.RESPONSE_DUE)
    extended = report.get(DeadlineKey.RESPONSE_DUE_EXTENDED) if facts.extended_to else None
    clock_end = facts.responded or today
    spans: list[Span] = [Span("clock", "running", received, clock_end, "clock running")]
    if facts.clarification_requested:
        spans.append(Span("clock", "stopped", facts.clarification_requested, facts.clarification_received or clock_end,
                           "stopped: clarification"))
    if facts.fee_notice:
        spans.append(Span("clock", "stopped", facts.fee_notice, facts.fee_paid or clock_end, "stopped: fee notice"))
    marks: list[Mark] = [Mark("received", received, "received")]
    if due:
        marks.append(Mark("due", due.due, "due"))
    if extended:
        marks.append(Mark("extended", extended.due, "extended to"))
    if facts.responded:
        marks.append(Mark("answered", facts.responded, "answered"))
    review_by = report.get(DeadlineKey.REVIEW_REQUEST_BY)
    if facts.responded and review_by and not facts.review_requested:
        spans.append(Span("review", "window", facts.responded, review_by.due, "window to ask for a review"))
    review_due = report.get(DeadlineKey.REVIEW_DUE)
    if facts.review_requested:
        review_end = facts.review_responded or (review_due.due if review_due else today)
        spans.append(Span("review", "review", facts.review_requested, review_end, "review"))
        if review_due:
            marks.append(Mark("review_due", review_due.due, "review due"))
    complaint_by = report.get(DeadlineKey.COMPLAINT_BY)
    if complaint_by:
        opened = facts.review_responded or facts.responded or received
        spans.append(Span("complaint", "window", opened, complaint_by.due, "window to complain to the regulator"))
    last = max([s.end for s in spans] + [m.day for m in marks])
    today_shown = today <= last + timedelta(days=TODAY_REACH_DAYS)
    if today_shown:
        marks.append(Mark("today", today, "today"))
        last = max(last, today)
    start, end = received - timedelta(days=MARGIN_DAYS), last + timedelta(days=MARGIN_DAYS)
    holidays = tuple(calendar.skipped_between(received, last))
    worked = calendar.working_days_between(received, facts.responded) if facts.responded else None
    return TimelineLayout(public_id, received, end, tuple(spans), tuple(marks), holidays, today, today_shown, worked)


def alt_text(layout: TimelineLayout) -> str:
    """The picture in words, at most 1024 characters (Discord's limit for an image description)."""
    parts = [f"Timeline of request {layout.public_id}: received {plain_date(layout.start)}"]
    for span in layout.spans_of("stopped"):
        parts.append(f"clock {span.label.removeprefix('stopped: ')} from {plain_date(span.start)} to {plain_date(span.end)} (stopped)")
    for kind, words in (("due", "answer due"), ("extended", "extended to"), ("answered", "answered")):
        mark = layout.mark(kind)
        if mark:
            extra = f", {layout.working_days_to_answer} working days after receipt" if kind == "answered" and layout.working_days_to_answer is not None else ""
            parts.append(f"{words} {plain_date(mark.day)}{extra}")
    for span in layout.spans:
        if span.kind in ("window", "review"):
            parts.append(f"{span.label} {plain_date(span.start)} to {plain_date(span.end)}")
    if layout.today_shown:
        parts.append(f"today {plain_date(layout.today)}")
    if layout.holidays:
        parts.append("bank holidays shaded: " + ", ".join(f"{plain_date(h.day)} ({h.name})" for h in layout.holidays))
    text = "; ".join(parts) + "."
    return text if len(text) <= ALT_TEXT_MAX else text[: ALT_TEXT_MAX - 1] + "…"
