"""Where a request stands in its life, and which deadlines apply there.

A *stage* refines the status: "partially successful" before a review and "partially successful"
after the review outcome are one status but two stages (the first may still ask for a review,
the second may only go to the regulator). The event table (``events.py``) says which stages each
event may follow; this table says, per stage, which deadlines from the law engine apply and which
of them drive the request's next deadline.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from bot.tracking.statuses import Status

log = logging.getLogger(__name__)


class Stage(enum.StrEnum):
    START = "start"  # before the first event
    DRAFT = "draft"
    AWAITING_RESPONSE = "awaiting_response"
    AWAITING_CLARIFICATION = "awaiting_clarification"
    RESPONDED = "responded"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"
    COMPLAINT = "complaint"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class StageInfo:
    stage: Stage
    status: Status | None  # None: the latest outcome (response or review) decides
    primary: tuple[str, ...]  # deadlines that drive the next deadline: the earliest present wins
    also: tuple[str, ...]  # further deadlines that apply at this stage (shown, exported, alerted)
    actions: tuple[str, ...]  # event kinds offered as the next sensible actions (buttons on `show`)


# The later readings (receipt or clarification on a non-working day: the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026) and the school
# backstop are shown and alerted on, but the first date drives the next deadline.
_WAITING_ALSO = (
    "response_due_next_working_day", "clarified_part_due_next_working_day", "school_backstop", "review_request_by",
    "complaint_by", "authority_promised", "authority_extended_to",
)

STAGES: dict[Stage, StageInfo] = {
    info.stage: info
    for info in (
        StageInfo(Stage.START, None, (), (), ("sent",)),
        StageInfo(Stage.DRAFT, Status.DRAFT, (), (), ("sent", "withdrawn")),
        StageInfo(
            Stage.AWAITING_RESPONSE,
            Status.WAITING_RESPONSE,
            ("response_due", "response_due_extended", "clarified_part_due"),
            _WAITING_ALSO,
            ("response", "clarification_requested", "extension", "acknowledged"),
        ),
        StageInfo(
            Stage.AWAITING_CLARIFICATION,
            Status.WAITING_CLARIFICATION,
            # Only a partial clarification leaves a response_due (the other parts keep their date).
            ("response_due", "response_due_extended", "clarified_part_due"),
            _WAITING_ALSO,
            ("clarification_sent", "part_withdrawn", "response", "withdrawn"),
        ),
        StageInfo(
            Stage.RESPONDED,
            None,
            ("review_request_by", "complaint_by"),  # subject access has no review: complaint_by only
            (),
            ("review_requested", "complaint_made"),
        ),
        StageInfo(
            Stage.IN_REVIEW,
            Status.INTERNAL_REVIEW,
            ("review_due",),
            ("review_due_next_working_day", "review_due_max", "review_school_backstop", "complaint_by"),
            ("review_response", "complaint_made"),
        ),
        StageInfo(Stage.REVIEWED, None, ("complaint_by",), (), ("complaint_made",)),
        StageInfo(Stage.COMPLAINT, Status.COMPLAINT, (), (), ("regulator_decision",)),
        StageInfo(Stage.CLOSED, Status.CLOSED, (), (), ()),
        StageInfo(Stage.WITHDRAWN, Status.USER_WITHDRAWN, (), (), ()),
    )
}

# Stages in which the request is still open (for "open" filters and the show view's wording).
OPEN_STAGES = frozenset({Stage.DRAFT, Stage.AWAITING_RESPONSE, Stage.AWAITING_CLARIFICATION, Stage.IN_REVIEW, Stage.COMPLAINT})
