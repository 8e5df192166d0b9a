"""How each law words the things a letter cites, read from the law's entry (``regime(law).words``).

Templates never branch on a law's name to pick a section number; they print ``law.refusal_notice``
and the like, the words each entry in ``bot/law/entries/`` gives (``LawWords`` in
``bot/law/entry.py``). This module adds the letter kinds and which of them a law has.
"""

from __future__ import annotations

import enum
import logging

from bot.law.entry import LawWords
from bot.law.regimes import REGIMES, Law, regime

log = logging.getLogger(__name__)

LawWording = LawWords  # the older name


class LetterKind(enum.StrEnum):
    REVIEW = "review"
    CHASER = "chaser"
    COMPLAINT = "complaint"
    CLARIFICATION = "clarification"


def wording(law: str) -> LawWords:
    words = regime(law).words
    if words is None:
        raise ValueError(f"the law {law!r} has no letter words")
    return words


def has_kind(law: str, kind: LetterKind) -> bool:
    """Whether ``law`` has a use for ``kind``: a review letter needs a review to ask for (SAR has none)."""
    return kind is not LetterKind.REVIEW or regime(law).has_review


# Which letter each law supports, for the laws foibot ships (see ``has_kind``).
KIND_LAWS: dict[LetterKind, frozenset[Law]] = {
    kind: frozenset(law for law in REGIMES if has_kind(law, kind)) for kind in LetterKind
}

# The subject lines every law shares; ``str.format`` with the member's text as arguments, never as
# the format string. A review's and a complaint's subject come from the law's words.
CHASER_SUBJECT = "Overdue response to my request: {title}"
CLARIFICATION_SUBJECT = "Clarification of my request: {title}"


def subject(kind: LetterKind, law: str, *, title: str, authority: str) -> str:
    words = wording(law)
    template = {
        LetterKind.REVIEW: words.review_subject,
        LetterKind.COMPLAINT: words.complaint_subject,
        LetterKind.CHASER: CHASER_SUBJECT,
        LetterKind.CLARIFICATION: CLARIFICATION_SUBJECT,
    }[kind]
    return template.format(title=title, authority=authority)
