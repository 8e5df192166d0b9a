"""Services: the transactions that cogs, the CLI and the tests call.

Shared here: who is asking (``Viewer``), what they may see (``visible_to``) and the short public
ids requests are known by.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from bot.errors import NotFound
from bot.models import Request
from bot.tracking.inputs import Visibility
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

log = logging.getLogger(__name__)

__all__ = ["Viewer", "Visibility", "new_public_id", "normalise_public_id", "not_found", "unused_public_id", "visible_to"]

# Public ids: 5 characters from an alphabet without look-alikes (no 0/O, 1/I), chosen at random:
# 32^5 = 33.5 million ids, not a counter, so an id says nothing about how many requests exist.
PUBLIC_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PUBLIC_ID_LENGTH = 5
_PUBLIC_ID_SHAPE = re.compile(f"[{PUBLIC_ID_ALPHABET}]{{{PUBLIC_ID_LENGTH}}}")
_PUBLIC_ID_ATTEMPTS = 10


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a Discord user, in a server (its id) or in DMs (None)."""

    user_id: int
    guild_id: int | None = None


def visible_to(viewer: Viewer) -> Any:
    """The request rows ``viewer`` may read: their own, and in a server those shared with it."""
    own = col(Request.owner_id) == viewer.user_id
    if viewer.guild_id is None:
        return own
    shared = (col(Request.guild_id) == viewer.guild_id) & (col(Request.visibility) == Visibility.SERVER.value)
    return own | shared


def new_public_id() -> str:
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


def normalise_public_id(text: str) -> str | None:
    """"#r7k3q " -> "R7K3Q"; None when it cannot be an id (then it is simply not found)."""
    candidate = member_text(text).lstrip("#").upper()
    return candidate if _PUBLIC_ID_SHAPE.fullmatch(candidate) else None


def not_found(text: str) -> NotFound:
    """The one answer for an id that does not exist *and* for one the member may not see."""
    shown = member_text(text)[:20] or "(empty)"
    return NotFound(
        f"No request {shown} among the requests you can see. Check the id (5 characters, like R7K3Q) "
        "or pick one from the list as you type."
    )


async def unused_public_id(session: AsyncSession, table: type[Any] = Request) -> str:
    """A fresh public id not yet used in ``table`` (requests by default; drafts use their own)."""
    for _ in range(_PUBLIC_ID_ATTEMPTS):
        candidate = new_public_id()
        taken = await session.exec(select(table.id).where(col(table.public_id) == candidate))
        if taken.first() is None:
            return candidate
    raise RuntimeError(f"could not find an unused public id in {table.__tablename__}")  # 10 collisions in 33 million: a bug
