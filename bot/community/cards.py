"""The text of a board card: what happened to a shared request, in a line or two (pure).

Never a ping (the sender posts with ``AllowedMentions.none()``), and never a member's Discord
identity: a card names the owner only by the board name they chose (``/privacy name``), else
nobody. Member text is passed through ``clean`` (the cog's markdown escaping).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

log = logging.getLogger(__name__)

# What each occasion says, in the order a request lives them.
OCCASIONS: dict[str, str] = {
    "logged": "New shared request",
    "answered": "Answered",
    "overdue": "Overdue",
    "review": "Taken to internal review",
    "regulator": "Taken to the regulator",
}
CARD_MAX = 2000  # Discord's message limit


@dataclass(frozen=True)
class CardContext:
    """Everything a claimed card needs to be posted."""

    card_id: int
    request_id: int
    guild_id: int
    channel_id: int
    occasion: str
    occasion_key: str
    public_id: str
    title: str
    authority: str
    law_short: str
    status_label: str
    owner_name: str | None = None
    due: date | None = None
    outcome: str | None = None

    @property
    def nonce(self) -> str:
        """Discord's message nonce (at most 25 characters): a retry of one card is one message."""
        return f"c{self.card_id}"


def _as_is(text: str) -> str:
    return text


def card_text(card: CardContext, *, stamp: Callable[[date, str], str], clean: Callable[[str], str] = _as_is) -> str:
    headline = OCCASIONS.get(card.occasion, card.occasion)
    lines = [f"**{headline}** · `{card.public_id}` {clean(card.title)}",
             f"To: {clean(card.authority)} ({card.law_short})" + (f" · shared by {clean(card.owner_name)}" if card.owner_name else "")]
    if card.occasion == "logged" and card.due:
        lines.append(f"Answer due by {stamp(card.due, 'D')}.")
    elif card.occasion == "overdue" and card.due:
        lines.append(f"The answer was due by {stamp(card.due, 'D')} ({stamp(card.due, 'R')}).")
    elif card.occasion == "answered" and card.outcome:
        lines.append(f"Outcome: {card.outcome}.")
    lines.append(f"-# Status: {card.status_label} · **Follow** to get its alerts by DM too · **Open** shows it to you privately")
    text = "\n".join(lines)
    return text if len(text) <= CARD_MAX else text[: CARD_MAX - 1] + "…"
