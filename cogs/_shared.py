"""What every cog needs to turn an interaction into a service call and back: who is asking, how a
date is shown, how member text is shown, and how a button's or form's errors reach the member.

(Modules whose name starts with ``_`` are helpers, not extensions: ``FoiBot`` loads only the others.)
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

from bot.client import Interaction, report_error
from bot.clock import UK
from bot.errors import UserError
from bot.law.regimes import Law, regime
from bot.services import Viewer

if TYPE_CHECKING:
    from collections.abc import Awaitable

log = logging.getLogger(__name__)

T = TypeVar("T")

LAW_CHOICES = [app_commands.Choice(name=regime(law).short, value=law.value) for law in Law]


def viewer_of(interaction: Interaction) -> Viewer:
    return Viewer(interaction.user.id, interaction.guild_id)


def stamp(day: date, style: str) -> str:
    # Noon UK time reads as the same calendar day in every time zone from UTC-11 to UTC+11.
    return discord.utils.format_dt(datetime.combine(day, time(12), tzinfo=UK), style)  # type: ignore[arg-type]


def cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters (a Discord limit), ending in "…" when shortened and
    never in the middle of an escape."""
    if len(text) <= limit:
        return text
    if limit < 2:
        return "…"[:limit]
    return text[: limit - 1].rstrip().rstrip("\\") + "…"


def safe(text: str | None, limit: int | None = None) -> str:
    """Member text shown as written: markdown escaped, then shortened (for display only) so that the
    result, escapes included, is at most ``limit`` characters and no escape is cut in half."""
    escaped = discord.utils.escape_markdown(" ".join((text or "").split()))
    if not limit or len(escaped) <= limit:
        return escaped
    cut = escaped[: limit - 1]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:  # an escape whose character was cut off: drop it, or it would escape the "…"
        cut = cut[:-1]
    return cut + "…"


# Discord gives 3 s for the first response. A form must be that first response, so the read that
# fills it in cannot be deferred: it gets this long, and then the member is told to try again.
BEFORE_FORM_SECONDS = 2.0
BUSY = "foibot's database is slow to answer just now, so the form could not be opened: try again in a moment."


async def before_form(read: Awaitable[T]) -> T:
    """A read that must finish before a form opens, bounded so the interaction never fails silently."""
    try:
        return await asyncio.wait_for(read, BEFORE_FORM_SECONDS)
    except TimeoutError:
        raise UserError(BUSY) from None


# A reply that is ready within a second goes in the first response: one call to Discord instead of
# a defer ("thinking...") and a followup. Anything slower is deferred then and followed up: the house
# rule is to defer whatever may take more than a second. Discord's 3 s for the first response run
# from when the interaction was created (its id's timestamp), not from when this process got to it,
# so a command that starts late (a busy event loop) waits less, and one 1.5 s old defers at once:
# the defer itself can take a while to go out when the loop is that busy.
QUICK_ANSWER_SECONDS = 1.0
DEFER_BY_SECONDS = 1.5


def quick_answer_wait(created_at: datetime, now: datetime, within: float = QUICK_ANSWER_SECONDS) -> float:
    """How long a reply may take before the interaction is deferred. A host clock behind
    Discord's makes the interaction look younger: the wait is still never over ``within``."""
    age = (now - created_at).total_seconds()
    return min(within, max(0.0, DEFER_BY_SECONDS - age))


async def answer_privately(interaction: Interaction, reply: Awaitable[dict[str, Any]],
                           *, within: float = QUICK_ANSWER_SECONDS) -> None:
    """Send the private message ``reply`` builds (keyword arguments of a send: content, embed, view):
    at once when it is ready in time (``quick_answer_wait``), otherwise after a defer. An error in
    ``reply`` reaches the tree's error path either way."""
    task = asyncio.ensure_future(reply)
    try:
        wait = quick_answer_wait(interaction.created_at, discord.utils.utcnow(), within)
        done, _ = await asyncio.wait({task}, timeout=wait) if wait > 0 else (set(), set())
        if done:
            await interaction.response.send_message(ephemeral=True, **task.result())
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(ephemeral=True, **await task)
    finally:
        if not task.done():  # the defer failed, or the command was cancelled: stop the work too
            task.cancel()


async def guarded(interaction: Interaction, work: Awaitable[None], what: str) -> None:
    """Run a button's or form's work; a View's errors never reach the tree's ``on_error``."""
    try:
        await work
    except Exception as exc:
        await report_error(interaction, exc, what=what)


async def take_down(client: discord.Client, messages: tuple[tuple[int, int], ...]) -> int:
    """Delete board card messages whose rows are gone (data erased, a request deleted), through the
    board cog's poster; best effort, after the commit. Returns how many went."""
    get_cog = getattr(client, "get_cog", None)
    poster = getattr(get_cog("Board"), "poster", None) if get_cog is not None else None
    if poster is None:
        return 0
    return sum([await poster.delete_message(channel_id, message_id) for channel_id, message_id in messages])
