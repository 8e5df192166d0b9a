"""Letters from rules: the grounds engine, timing advice and rendering (pure: no discord, no clock).

A cog or the CLI builds a ``LetterFacts``, asks ``propose_grounds`` what to argue, lets the member
add or remove grounds, then calls ``render_letter``. Templates live in ``prompts/letters/``.
"""

from __future__ import annotations

from bot.letters.facts import LetterFacts, Outcome
from bot.letters.grounds import (
    Ground,
    ProposedGround,
    all_grounds,
    choose_grounds,
    default_ground_ids,
    ground,
    propose_grounds,
)
from bot.letters.render import Letter, render_letter
from bot.letters.timing import TimingWarning
from bot.letters.wording import LetterKind

__all__ = [
    "Ground",
    "Letter",
    "LetterFacts",
    "LetterKind",
    "Outcome",
    "ProposedGround",
    "TimingWarning",
    "all_grounds",
    "choose_grounds",
    "default_ground_ids",
    "ground",
    "propose_grounds",
    "render_letter",
]
