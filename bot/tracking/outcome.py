"""The one ``Outcome``: what a response (or a review) gave, in WhatDoTheyKnow's terms.

Its own module, with nothing above it but the statuses, so the letters (``bot.letters.facts``)
and the tracking fold share it without importing each other.
"""

from __future__ import annotations

import enum
import logging
import re

from bot.errors import BadInput
from bot.tracking.statuses import Status

log = logging.getLogger(__name__)

__all__ = ["OUTCOME_LABELS", "OUTCOME_STATUS", "RESPONSE_OUTCOMES", "REVIEW_VERDICTS", "Outcome"]


class Outcome(enum.StrEnum):
    """What a response (or a review outcome) gave."""

    SUCCESSFUL = "successful"
    PARTIALLY_SUCCESSFUL = "partially_successful"
    REFUSED = "refused"
    NOT_HELD = "not_held"
    NCND = "ncnd"  # neither confirm nor deny (FOIA s.1(1)(a) excluded by a Part II subsection, e.g. s.40(5))
    # A review's verdict on the original decision (the reader finds these; the fold turns them
    # into what the request now stands at: upheld keeps the response's outcome).
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    PARTLY_UPHELD = "partly_upheld"

    @property
    def is_verdict(self) -> bool:
        return self in REVIEW_VERDICTS

    @property
    def status(self) -> Status:
        return OUTCOME_STATUS[self]

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]

    @classmethod
    def parse(cls, text: str | Outcome) -> Outcome:
        """An outcome from a value or from how people write it ("partial", "Not held", "rejected")."""
        if isinstance(text, Outcome):
            return text
        key = re.sub(r"[\s\-]+", "_", str(text).strip().lower())
        found = _OUTCOME_WORDS.get(key)
        if found is None:
            raise BadInput(
                f"'{str(text).strip()[:40]}' is not an outcome: write successful, partially successful, refused or not held (also ncnd; for a review upheld, overturned or partly upheld)."
            )
        return found


OUTCOME_STATUS = {
    Outcome.SUCCESSFUL: Status.SUCCESSFUL,
    Outcome.PARTIALLY_SUCCESSFUL: Status.PARTIALLY_SUCCESSFUL,
    Outcome.REFUSED: Status.REJECTED,  # WhatDoTheyKnow's "rejected", shown "Refused"
    Outcome.NOT_HELD: Status.NOT_HELD,
    Outcome.NCND: Status.REJECTED,  # a refusal to confirm or deny is a refusal (WhatDoTheyKnow: "rejected")
    Outcome.UPHELD: Status.REJECTED,  # only as a fallback: the fold gives an upheld review the response's outcome
    Outcome.OVERTURNED: Status.SUCCESSFUL,
    Outcome.PARTLY_UPHELD: Status.PARTIALLY_SUCCESSFUL,
}
REVIEW_VERDICTS = frozenset({Outcome.UPHELD, Outcome.OVERTURNED, Outcome.PARTLY_UPHELD})
RESPONSE_OUTCOMES = tuple(o for o in Outcome if o not in REVIEW_VERDICTS)
OUTCOME_LABELS = {
    Outcome.SUCCESSFUL: "successful",
    Outcome.PARTIALLY_SUCCESSFUL: "partially successful",
    Outcome.REFUSED: "refused",
    Outcome.NOT_HELD: "information not held",
    Outcome.NCND: "neither confirm nor deny",
    Outcome.UPHELD: "review upheld the decision",
    Outcome.OVERTURNED: "review overturned the decision",
    Outcome.PARTLY_UPHELD: "review upheld the decision in part",
}
_OUTCOME_WORDS = {
    **{o.value: o for o in Outcome},
    "success": Outcome.SUCCESSFUL,
    "full": Outcome.SUCCESSFUL,
    "partial": Outcome.PARTIALLY_SUCCESSFUL,
    "partly_successful": Outcome.PARTIALLY_SUCCESSFUL,
    "partially": Outcome.PARTIALLY_SUCCESSFUL,
    "rejected": Outcome.REFUSED,
    "refusal": Outcome.REFUSED,
    "not_held": Outcome.NOT_HELD,
    "nothing_held": Outcome.NOT_HELD,
    "neither_confirm_nor_deny": Outcome.NCND,
    "partially_upheld": Outcome.PARTLY_UPHELD,
    "upheld_in_part": Outcome.PARTLY_UPHELD,
}
