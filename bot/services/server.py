"""Server settings (``/server``): the board and digest channels, the digest's rhythm, and whether
members may share requests with the server at all.

Only a member with Discord's Manage Server permission may change them. The cog passes what the
interaction says about the member (``can_manage``) and this service refuses without it: Discord's
``default_permissions`` only hides a command, and a server's admins can override it per role or
channel, so foibot checks again itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot import clock
from bot.errors import BadInput, NotAllowed
from bot.models import ServerSettings
from bot.services.users import parse_alert_time, parse_timezone
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database

log = logging.getLogger(__name__)

RHYTHMS = ("weekly", "daily")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NEEDS_MANAGE_SERVER = (
    "Only members with the Manage Server permission can change foibot's settings for this server. "
    "Ask a server admin, or see them with `/server show`."
)
SHARING_OFF = (
    "This server's admins have turned off sharing requests with the server, so it stays private to you. "
    "Log it with `visibility: Private` (the default)."
)
NOT_IN_SERVER = "Server settings only make sense inside a server: run this in the server's channels."

_UNSET = object()


@dataclass(frozen=True)
class SettingsChange:
    """What ``/server`` asked to change; ``None`` leaves a setting as it is, ``clear_*`` unsets a channel."""

    board_channel_id: int | None = None
    clear_board: bool = False
    digest_channel_id: int | None = None
    clear_digest: bool = False
    digest_rhythm: str | None = None
    digest_weekday: str | None = None
    digest_time: str | None = None
    timezone: str | None = None
    sharing_allowed: bool | None = None


def defaults(guild_id: int) -> ServerSettings:
    return ServerSettings(guild_id=guild_id)


async def settings_in(session: AsyncSession, guild_id: int) -> ServerSettings:
    """The server's settings (the defaults, not stored, when nobody changed any)."""
    return await session.get(ServerSettings, guild_id) or defaults(guild_id)


async def get_settings(db: Database, guild_id: int | None) -> ServerSettings:
    if guild_id is None:
        raise BadInput(NOT_IN_SERVER)
    async with db.session() as session:
        return await settings_in(session, guild_id)


def weekday_number(text: str) -> int:
    """"Monday", "mon", "1" (Monday) ... → 0..6."""
    text = member_text(text)[:40]  # the one cleaner; no day's name is longer (the message quotes it)
    typed = text.casefold()
    if typed.isdigit() and 1 <= int(typed) <= 7:
        return int(typed) - 1
    for number, name in enumerate(WEEKDAYS):
        if len(typed) >= 3 and name.startswith(typed):
            return number
    raise BadInput(f"I can't read {text!r} as a day of the week: use its name, e.g. Monday or fri.")


def apply_change(settings: ServerSettings, change: SettingsChange) -> ServerSettings:
    """The settings with ``change`` applied (validated); raises ``BadInput`` on a bad value."""
    if change.clear_board:
        settings.board_channel_id = None
    elif change.board_channel_id is not None:
        settings.board_channel_id = change.board_channel_id
    if change.clear_digest:
        settings.digest_channel_id = None
    elif change.digest_channel_id is not None:
        settings.digest_channel_id = change.digest_channel_id
    if change.digest_rhythm is not None:
        if change.digest_rhythm not in RHYTHMS:
            raise BadInput(f"The digest comes {' or '.join(RHYTHMS)}: pick one of those.")
        settings.digest_rhythm = change.digest_rhythm
    if change.digest_weekday is not None:
        settings.digest_weekday = weekday_number(change.digest_weekday)
    if change.digest_time is not None:
        settings.digest_time = parse_alert_time(change.digest_time)
    if change.timezone is not None:
        settings.timezone = parse_timezone(change.timezone)
    if change.sharing_allowed is not None:
        settings.sharing_allowed = change.sharing_allowed
    return settings


async def update_settings(
    db: Database, guild_id: int | None, change: SettingsChange, *, can_manage: bool, now: datetime | None = None
) -> ServerSettings:
    """Change the server's settings: refused unless the member may manage the server."""
    if guild_id is None:
        raise BadInput(NOT_IN_SERVER)
    if not can_manage:
        raise NotAllowed(NEEDS_MANAGE_SERVER)
    now = now or clock.utcnow()
    async with db.transaction() as session:
        stored = await session.get(ServerSettings, guild_id)
        settings = apply_change(stored or defaults(guild_id), change)
        settings.updated_at = now
        session.add(settings)
        await session.flush()
    log.info("server %s settings changed: %s", guild_id, change)
    return settings


async def check_sharing(session: AsyncSession, guild_id: int | None) -> None:
    """Refuse to share a request with a server whose admins turned sharing off."""
    if guild_id is None:
        return
    settings = await session.get(ServerSettings, guild_id)
    if settings is not None and not settings.sharing_allowed:
        raise NotAllowed(SHARING_OFF)


def weekday_name(number: int) -> str:
    return WEEKDAYS[number % 7].capitalize()
