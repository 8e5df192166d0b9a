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

from bot.law.report import DeadlineKey
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
    DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, DeadlineKey.CLARIFIED_PART_DUE_NEXT_WORKING_DAY, DeadlineKey.SCHOOL_BACKSTOP,
    DeadlineKey.REVIEW_REQUEST_BY, DeadlineKey.COMPLAINT_BY, DeadlineKey.AUTHORITY_PROMISED, DeadlineKey.AUTHORITY_EXTENDED_TO,
)

STAGES: dict[Stage, StageInfo] = {
    info.stage: info
    for info in (
        StageInfo(Stage.START, None, (), (), ("sent",)),
        StageInfo(Stage.DRAFT, Status.DRAFT, (), (), ("sent", "withdrawn")),
        StageInfo(
            Stage.AWAITING_RESPONSE,
            Status.WAITING_RESPONSE,
            (DeadlineKey.RESPONSE_DUE, DeadlineKey.RESPONSE_DUE_EXTENDED, DeadlineKey.CLARIFIED_PART_DUE),
            _WAITING_ALSO,
            ("response", "clarification_requested", "extension", "acknowledged"),
        ),
        StageInfo(
            Stage.AWAITING_CLARIFICATION,
            Status.WAITING_CLARIFICATION,
            # Only a partial clarification leaves a response_due (the other parts keep their date).
            (DeadlineKey.RESPONSE_DUE, DeadlineKey.RESPONSE_DUE_EXTENDED, DeadlineKey.CLARIFIED_PART_DUE),
            _WAITING_ALSO,
            ("clarification_sent", "part_withdrawn", "response", "withdrawn"),
        ),
        StageInfo(
            Stage.RESPONDED,
            None,
            (DeadlineKey.REVIEW_REQUEST_BY, DeadlineKey.COMPLAINT_BY),  # subject access has no review: complaint_by only
            (),
            ("review_requested", "complaint_made"),
        ),
        StageInfo(
            Stage.IN_REVIEW,
            Status.INTERNAL_REVIEW,
            (DeadlineKey.REVIEW_DUE,),
            (DeadlineKey.REVIEW_DUE_NEXT_WORKING_DAY, DeadlineKey.REVIEW_DUE_MAX, DeadlineKey.REVIEW_SCHOOL_BACKSTOP, DeadlineKey.COMPLAINT_BY),
            ("review_response", "complaint_made"),
        ),
        StageInfo(Stage.REVIEWED, None, (DeadlineKey.COMPLAINT_BY,), (), ("complaint_made",)),
        StageInfo(Stage.COMPLAINT, Status.COMPLAINT, (), (), ("regulator_decision",)),
        StageInfo(Stage.CLOSED, Status.CLOSED, (), (), ()),
        StageInfo(Stage.WITHDRAWN, Status.USER_WITHDRAWN, (), (), ()),
    )
}

# Stages in which the request is still open (for "open" filters and the show view's wording).
OPEN_STAGES = frozenset({Stage.DRAFT, Stage.AWAITING_RESPONSE, Stage.AWAITING_CLARIFICATION, Stage.IN_REVIEW, Stage.COMPLAINT})
