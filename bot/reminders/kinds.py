"""The alert ladder as data: one entry per kind of alert.

Each kind says which deadline it is about, when it fires relative to that deadline, in which
request statuses it applies, and whether it stops being useful once its deadline day is over.
The planner reads only this table; adding a rung is one entry.

``stage`` orders the kinds along a request's life. Two alerts of one request compare by
(deadline date, stage): the greater one *supersedes* the other, which is how, after downtime,
only the latest still-actionable alert of a request is sent.

Some kinds *yield*: on a day another alert of the same request already has, they move to the next
day they may come on instead of being dropped (``planner.one_a_day``). They are the alerts that
can wait a day without losing their point: the member's own clocks and the reminders to answer a
request for clarification.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


class Chain(enum.StrEnum):
    """Which deadline of a request a kind of alert counts from (see ``planner.chain_dates``)."""

    RESPONSE_DUE = "response-due"  # the day the answer is owed (extended date once extended)
    RESPONSE_LATE = "response-late"  # the day after which it is late on every reading
    REVIEW_REQUEST_BY = "review-request-by"
    REVIEW_DUE = "review-due"
    REVIEW_LATE = "review-late"  # the day after which the review is late on every reading
    COMPLAINT_BY = "complaint-by"
    MEMBER_REMINDER = "member-reminder"  # a day the member chose (bot/tracking/clocks.py)
    PUBLICATION_CHECK = "publication-check"  # the day a refusal said the information would be published
    # The day the authority asked the member to clarify (FOIA s.1(3)): the clock is stopped until
    # the member answers, so the reminders count from the question, not from a deadline.
    CLARIFICATION_ASKED = "clarification-asked"


class Offset(enum.StrEnum):
    WORKING_DAYS = "working days"
    CALENDAR_DAYS = "days"


# Statuses (WhatDoTheyKnow's). The derived ones fold onto their base status.
STATUS_ALIASES: dict[str, str] = {
    "overdue": "waiting_response",
    "very_overdue": "waiting_response",
    "review_overdue": "internal_review",
}
# While a clarification is awaited the response deadlines are only cached when one part was
# clarified and the rest kept their date (the PHSO case); a full restart leaves none to plan from.
WAITING = frozenset({"waiting_response", "waiting_clarification"})
AWAITING_MEMBER = frozenset({"waiting_clarification"})
NOT_FULLY_SUCCESSFUL = frozenset({"partially_successful", "rejected", "not_held"})
IN_REVIEW = frozenset({"internal_review"})


@dataclass(frozen=True)
class AlertKind:
    name: str  # stored in Alert.kind
    label: str  # what a member reads in /reminders list
    stage: int
    chain: Chain
    offset: int  # negative: before the deadline; positive: after it
    unit: Offset = Offset.WORKING_DAYS
    statuses: frozenset[str] | None = WAITING  # None: whatever the status
    uses_lead_days: bool = False  # the offset is the member's own lead days, before the deadline
    expires: bool = False  # pointless once the deadline day is over (a window that closed)
    # A clock of the member's own: it fires on its very day (weekend or not), and a missed one is
    # still sent late, once, rather than superseded by the ladder's alerts.
    own_clock: bool = False
    notice: bool = False  # news, not a deadline: never planned, superseded or cancelled by the planner
    weeks_after: int = 0  # whole weeks after the working-day offset (a weekly reminder), then a working day
    yields: bool = False  # gives its day to another alert of the request and comes the next free day

    @property
    def waits_for_member(self) -> bool:
        """A reminder to the member to act, counted from the authority's question, not a deadline."""
        return self.chain is Chain.CLARIFICATION_ASKED


KINDS: tuple[AlertKind, ...] = (
    # FOIA s.1(3) with s.10(6) (EIR reg 9(2), 9(4); FOISA s.1(3); subject access: DUAA 2025 s.76):
    # while the authority waits for the member's clarification it need not answer, and the clock
    # is stopped. The member is reminded 3 working days after the question, then weekly, 3 times
    # at most. ICO, "Interpreting and clarifying requests":
    # https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-information-regulations/interpreting-and-clarifying-requests/
    AlertKind(
        "clarification_reminder_1", "Your clarification is awaited", 1, Chain.CLARIFICATION_ASKED, 3,
        statuses=AWAITING_MEMBER, yields=True,
    ),
    AlertKind(
        "clarification_reminder_2", "Your clarification is awaited", 2, Chain.CLARIFICATION_ASKED, 3,
        statuses=AWAITING_MEMBER, weeks_after=1, yields=True,
    ),
    AlertKind(
        "clarification_reminder_3", "Your clarification is awaited", 3, Chain.CLARIFICATION_ASKED, 3,
        statuses=AWAITING_MEMBER, weeks_after=2, yields=True,
    ),
    # FOIA s.10(1), EIR reg 5(2), FOISA s.10(1): the answer is owed by the 20th working day.
    AlertKind("response_due_soon", "Response due soon", 10, Chain.RESPONSE_DUE, 0, uses_lead_days=True, expires=True),
    AlertKind("response_due_today", "Response due today", 20, Chain.RESPONSE_DUE, 0, expires=True),
    # Late on the first working day after the deadline: the chaser letter is ready then.
    AlertKind("response_overdue", "Response overdue", 30, Chain.RESPONSE_LATE, 1),
    # 20 working days late (40 in all, the ICO's outer limit even for a public-interest
    # extension): time for the regulator route.
    AlertKind("response_very_overdue", "Response very overdue", 40, Chain.RESPONSE_LATE, 20),
    # s.45 Code / EIR reg 11(2) / FOISA s.20(5): 40 working days to ask for a review. Ten
    # working days' warning, only when the outcome was not fully successful and no review asked.
    AlertKind(
        "review_window_closing", "Review window closing", 50, Chain.REVIEW_REQUEST_BY, -10,
        statuses=NOT_FULLY_SUCCESSFUL | WAITING, expires=True,
    ),
    # s.45 Code (20, at most 40), EIR reg 11(4) (40), FOISA s.21(1) (20).
    AlertKind("review_due", "Review due", 60, Chain.REVIEW_DUE, 0, statuses=IN_REVIEW, expires=True),
    # Late only once late on every reading (a request for review received on a non-working day).
    AlertKind("review_overdue", "Review overdue", 70, Chain.REVIEW_LATE, 1, statuses=IN_REVIEW),
    # FOIA s.50 (ICO: 6 weeks), FOISA s.47(4) (6 months), SAR (3 months): a week's warning.
    AlertKind(
        "complaint_window_closing", "Complaint window closing", 80, Chain.COMPLAINT_BY, -7, Offset.CALENDAR_DAYS,
        statuses=NOT_FULLY_SUCCESSFUL | IN_REVIEW, expires=True,
    ),
    # Clocks the member sets, and the publication a refusal promised (FOIA s.22, FOISA s.27, EIR reg
    # 12(4)(d)): on the day itself, whatever the request's status.
    AlertKind(
        "publication_check", "Check it was published", 90, Chain.PUBLICATION_CHECK, 0, statuses=None, own_clock=True,
        yields=True,
    ),
    AlertKind("member_reminder", "Your reminder", 95, Chain.MEMBER_REMINDER, 0, statuses=None, own_clock=True, yields=True),
)

# Notices: one-off DMs about news from outside (WhatDoTheyKnow), put in the outbox by the service
# that read the news, so they share its once-only delivery; the ladder's planner never touches them.
NOTICES: tuple[AlertKind, ...] = (
    AlertKind("wdtk_response", "Reply on WhatDoTheyKnow", 0, Chain.RESPONSE_DUE, 0, notice=True),
    AlertKind("wdtk_problem", "WhatDoTheyKnow can't be read", 0, Chain.RESPONSE_DUE, 0, notice=True),
)

KINDS_BY_NAME: dict[str, AlertKind] = {kind.name: kind for kind in (*KINDS, *NOTICES)}
NOTICE_NAMES = frozenset(kind.name for kind in NOTICES)


def is_notice(name: str) -> bool:
    return name in NOTICE_NAMES


def kind_named(name: str) -> AlertKind:
    try:
        return KINDS_BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown alert kind {name!r}") from None


def base_status(status: str) -> str:
    return STATUS_ALIASES.get(status, status)


CLARIFICATION_REMINDERS = frozenset(kind.name for kind in KINDS if kind.waits_for_member)


def supersession_key(kind: str, deadline_on: object) -> tuple[object, int]:
    """Of two alerts of one request, the one with the greater key supersedes the other."""
    return (deadline_on, kind_named(kind).stage)
