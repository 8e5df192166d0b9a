"""The reasons a review succeeds on, for a review whose facts give no ground of their own.

A review needs a reason: the ICO's template for asking for one reads "I am dissatisfied with your
response for the following reason(s)", and a review that gives none is dismissed (an authority may
answer that nothing specific was queried). When the facts recorded support no ground, foibot asks the
member to pick one of these, or to write their own.

Each reason is a review ground of the table (``bot.letters.grounds_table``): its title and citations
are the ground's. Its paragraph (``prompts/letters/reasons/<id>.txt.j2``) is the ground's argument as
the member states it, without the recorded details the ground's own paragraph quotes (which questions,
which exemption), so it can be written from what the member says alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from bot.errors import BadInput
from bot.law.regimes import REGIMES, Law, regime
from bot.letters.ground import Ground
from bot.letters.grounds import all_grounds
from bot.letters.wording import LetterKind, has_kind

log = logging.getLogger(__name__)

OWN_WORDS = "own_words"  # the menu's last option: the member's own paragraph (a form opens)

# The grounds a member can state without recorded details, in the order the menu shows them: the
# reasons reviews succeed on (ICO guidance on internal reviews and the s.45 Code of Practice, part 5:
# information not provided, searches not adequate, refusal not explained, advice not given).
STATED = ("partial_answer", "not_held_in_form", "not_held", "missing_attachment", "no_exemption_named")


@dataclass(frozen=True)
class Reason:
    """One option of the reasons menu."""

    id: str  # the ground's id
    title: str
    citations: tuple[str, ...]

    @property
    def template(self) -> str:
        return f"letters/reasons/{self.id}.txt.j2"


def _stated_grounds(law: Law | str) -> list[Ground]:
    by_id = {g.id: g for g in all_grounds()}
    return [by_id[i] for i in STATED if LetterKind.REVIEW in by_id[i].kinds and law in by_id[i].laws]


def review_reasons(law: Law | str) -> tuple[Reason, ...]:
    """The reasons menu for a review under ``law`` (empty for a law that has no review)."""
    # The law's own entry: a law registered at run time is no member of the ``Law`` enum.
    if law not in REGIMES or not has_kind(law, LetterKind.REVIEW):
        return ()
    entry = regime(law).law
    return tuple(Reason(g.id, g.title, g.citations(entry)) for g in _stated_grounds(entry))


def check_reasons(law: Law | str, ids: Iterable[str]) -> list[str]:
    """``ids`` in menu order, each a reason of ``law``'s menu; otherwise ``BadInput``."""
    known = [r.id for r in review_reasons(law)]
    wanted = list(dict.fromkeys(i for i in ids if i))
    for reason_id in wanted:
        if reason_id not in known:
            raise BadInput(f"'{reason_id}' is not one of the reasons for a review; choose from: {', '.join(known)}.")
    return sorted(wanted, key=known.index)
