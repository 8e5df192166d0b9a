"""Request statuses (WhatDoTheyKnow's, so an imported request maps 1:1) and the ones time derives.

A request's *base* status comes from its timeline and is cached in ``requests.status``. The
statuses that only time changes (overdue, very overdue, review overdue) cannot be frozen in a
column, so they are derived at read time from the base status and the cached next deadline:
``derive_status``. Pure: ``today`` is a parameter.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bot.law.calendar import WorkingDayCalendar
from bot.law.regimes import regime
from bot.law.report import DeadlineKey

log = logging.getLogger(__name__)

# WhatDoTheyKnow calls a request "long overdue" 20 working days after the response was due
# (alaveteli REPLY_VERY_LATE_AFTER_DAYS 40 = 20 + 20).
VERY_OVERDUE_AFTER_WORKING_DAYS = 20


class Status(enum.StrEnum):
    # Stored (folded from the timeline); the values are WhatDoTheyKnow's described_state names.
    DRAFT = "draft"
    WAITING_RESPONSE = "waiting_response"
    WAITING_CLARIFICATION = "waiting_clarification"
    SUCCESSFUL = "successful"
    PARTIALLY_SUCCESSFUL = "partially_successful"
    REJECTED = "rejected"
    NOT_HELD = "not_held"
    INTERNAL_REVIEW = "internal_review"
    USER_WITHDRAWN = "user_withdrawn"
    COMPLAINT = "complaint"
    CLOSED = "closed"
    # Derived at read time from the base status, the next deadline and today.
    OVERDUE = "overdue"
    VERY_OVERDUE = "very_overdue"
    REVIEW_OVERDUE = "review_overdue"


@dataclass(frozen=True)
class StatusInfo:
    status: Status
    label: str  # what a member sees
    meaning: str  # one line: where the request stands and whose move it is
    derived: bool = False


STATUS_INFO: dict[Status, StatusInfo] = {
    info.status: info
    for info in (
        StatusInfo(Status.DRAFT, "Draft", "Not sent yet."),
        StatusInfo(Status.WAITING_RESPONSE, "Awaiting response", "Sent; the authority's answer is not due yet."),
        StatusInfo(Status.WAITING_CLARIFICATION, "Clarification asked", "The authority asked you to clarify; your move."),
        StatusInfo(Status.SUCCESSFUL, "Successful", "The authority gave the information asked for."),
        StatusInfo(Status.PARTIALLY_SUCCESSFUL, "Partially successful", "Some of the information was given."),
        StatusInfo(Status.REJECTED, "Refused", "The authority refused the request."),
        StatusInfo(Status.NOT_HELD, "Information not held", "The authority says it does not hold the information."),
        StatusInfo(Status.INTERNAL_REVIEW, "Awaiting internal review", "You asked for a review; the answer is not due yet."),
        StatusInfo(Status.USER_WITHDRAWN, "Withdrawn", "You withdrew the request."),
        StatusInfo(Status.COMPLAINT, "With the regulator", "You complained to the regulator (ICO or SIC)."),
        StatusInfo(Status.CLOSED, "Closed", "The regulator decided; nothing more is tracked."),
        StatusInfo(Status.OVERDUE, "Overdue", "The response is late: chase the authority.", derived=True),
        StatusInfo(
            Status.VERY_OVERDUE,
            "Very overdue",
            "The response is more than 20 working days late: a complaint to the regulator is open to you.",
            derived=True,
        ),
        StatusInfo(Status.REVIEW_OVERDUE, "Internal review overdue", "The review answer is late.", derived=True),
    )
}

BASE_STATUSES: tuple[Status, ...] = tuple(s for s in Status if not STATUS_INFO[s].derived)

# A school or academy is "Overdue" after 20 working days, as WhatDoTheyKnow counts, but the law gives it
# until the earlier of the 20th school day or the 60th working day (SI 2004/3364 reg 3, SI 2010/2768),
# and foibot's chaser waits for the 60th (it has no school calendar): the meaning says so.
SCHOOL_OVERDUE_MEANING = (
    "Past the usual 20 working days, so WhatDoTheyKnow calls it late; but a school or academy has until the "
    "earlier of the 20th school day or the 60th working day ({backstop}): chase it after that date."
)

# Deadlines the authority owes (passing them makes the request late) and the member's own windows.
AUTHORITY_DEADLINES = frozenset({
    DeadlineKey.RESPONSE_DUE, DeadlineKey.RESPONSE_DUE_EXTENDED, DeadlineKey.CLARIFIED_PART_DUE,
    DeadlineKey.SCHOOL_BACKSTOP, DeadlineKey.REVIEW_DUE, DeadlineKey.REVIEW_DUE_MAX,
})
MEMBER_DEADLINES = frozenset({DeadlineKey.REVIEW_REQUEST_BY, DeadlineKey.COMPLAINT_BY})

# Base statuses whose next deadline, once passed, makes the response late (partial clarification
# keeps the other parts' date, so a request waiting on clarification can still be late: PHSO case).
RESPONSE_LATE_BASES = frozenset({Status.WAITING_RESPONSE, Status.WAITING_CLARIFICATION})
REVIEW_LATE_BASES = frozenset({Status.INTERNAL_REVIEW})


def label(status: Status | str) -> str:
    return STATUS_INFO[Status(status)].label


# Where the law's route differs, the meaning says so (asked of the law's entry, never of its name).
# FOISA s.47(1), EISR reg 17: the Scottish Information Commissioner only after a review (s.20).
REVIEW_FIRST_MEANINGS: dict[Status, str] = {
    Status.OVERDUE: "The response is late: chase the authority, then require a review; the Commissioner comes after the review.",
    Status.VERY_OVERDUE: (
        "The response is more than 20 working days late: require a review if you have not; only after the review "
        "can you apply to the Scottish Information Commissioner."
    ),
    Status.REVIEW_OVERDUE: "The review answer is late: you can now apply to the Scottish Information Commissioner.",
}
# UK GDPR art.12(3): one month, extendable by two further months; no statutory review (complain, then the ICO).
SUBJECT_ACCESS_MEANINGS: dict[Status, str] = {
    Status.WAITING_RESPONSE: "Sent; the answer is due within one month of receipt (three if the organisation extends).",
    Status.OVERDUE: "The month (or the extension) has passed: chase the organisation.",
    Status.VERY_OVERDUE: (
        "Long past the month (and any extension): complain to the organisation, then to the ICO within 3 months "
        "of your last contact."
    ),
}


def status_meaning(status: Status | str, school_backstop: str | None = None, law: str | None = None) -> str:
    """What ``status`` means for this request; ``school_backstop`` (the 60th working day, as it
    should be shown) when the request is to a school or academy; ``law`` for its own route."""
    status = Status(status)
    if status is Status.OVERDUE and school_backstop:
        return SCHOOL_OVERDUE_MEANING.format(backstop=school_backstop)
    if law is not None:
        entry = regime(law)
        own = SUBJECT_ACCESS_MEANINGS if entry.subject_access else REVIEW_FIRST_MEANINGS if entry.review_before_regulator else {}
        if status in own:
            return own[status]
    return STATUS_INFO[status].meaning


def very_overdue_before(calendar: WorkingDayCalendar, today: date) -> date:
    """Due dates strictly before this day are very overdue today.

    ``today > nth_working_day_after(due, 20)`` holds exactly when at least 20 working days lie
    strictly between ``due`` and ``today``, i.e. when ``due`` is before the 20th working day
    counted back from today. One look-up, usable as a bound in a query.
    """
    return calendar.nth_working_day_after(today, -VERY_OVERDUE_AFTER_WORKING_DAYS)


def derive_status(
    base: Status | str,
    next_key: str | None,
    next_due: date | None,
    today: date,
    calendar: WorkingDayCalendar,
    deadlines: Mapping[str, str] | None = None,
) -> Status:
    """The status to show today, from what is cached on the request row.

    Overdue starts the day *after* the due date (WhatDoTheyKnow compares by date). For a school,
    WhatDoTheyKnow's SchoolLateCalculator moves "very late" to the 60-working-day backstop.
    """
    base = Status(base)
    if next_due is None or next_key not in AUTHORITY_DEADLINES or today <= next_due:
        return base
    if base in RESPONSE_LATE_BASES:
        backstop = (deadlines or {}).get(DeadlineKey.SCHOOL_BACKSTOP)
        if backstop:
            return Status.VERY_OVERDUE if today > date.fromisoformat(backstop) else Status.OVERDUE
        return Status.VERY_OVERDUE if next_due < very_overdue_before(calendar, today) else Status.OVERDUE
    if base in REVIEW_LATE_BASES:
        return Status.REVIEW_OVERDUE
    return base


@dataclass(frozen=True)
class ListFilter:
    """How `/request list status:<x>` picks rows by what is cached: base statuses, and whether the
    next (authority-owed) deadline has passed. ``exact``: also check the derived status per row
    (very overdue needs the working-day calendar of each request's law)."""

    status: Status
    bases: frozenset[Status]
    late: bool | None = None  # True: the next deadline has passed; False: it has not (or none)
    exact: bool = False


LIST_FILTERS: dict[Status, ListFilter] = {
    f.status: f
    for f in (
        *(ListFilter(s, frozenset({s})) for s in BASE_STATUSES),
        ListFilter(Status.WAITING_RESPONSE, frozenset({Status.WAITING_RESPONSE}), late=False),
        ListFilter(Status.WAITING_CLARIFICATION, frozenset({Status.WAITING_CLARIFICATION}), late=False),
        ListFilter(Status.INTERNAL_REVIEW, frozenset({Status.INTERNAL_REVIEW}), late=False),
        # "Overdue" lists every late response, very overdue ones included.
        ListFilter(Status.OVERDUE, RESPONSE_LATE_BASES, late=True),
        ListFilter(Status.VERY_OVERDUE, RESPONSE_LATE_BASES, late=True, exact=True),
        ListFilter(Status.REVIEW_OVERDUE, REVIEW_LATE_BASES, late=True),
    )
}
