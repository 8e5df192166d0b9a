"""Member settings: alerts on or off, time of day, time zone, lead days; and the closed-DMs notice.

Changing a setting re-plans the member's alerts in the same transaction, so ``/reminders list``
shows the new times at once.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import bindparam, select, update
from sqlmodel import col

from bot.clock import utcnow
from bot.errors import BadInput
from bot.models import UserSettings
from bot.reminders import outbox
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database

log = logging.getLogger(__name__)

LEAD_DAYS_MIN, LEAD_DAYS_MAX = 0, 10
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*$")

DMS_CLOSED_NOTICE = (
    "I tried to send you an alert by DM, but Discord said you don't accept DMs from me (error 50007), "
    "so I have stopped trying. To get alerts, allow direct messages from this server's members "
    "(Server menu → Privacy Settings → Direct Messages) or add foibot to your apps, then run "
    "`/reminders test`."
)


def parse_alert_time(text: str) -> str:
    """``"9:05"``, ``"09:05"``, ``"9.05"`` or ``"9"`` → ``"09:05"`` (24-hour clock)."""
    text = member_text(text)[:40]  # the one cleaner; no time of day is longer (the message quotes it)
    match = _TIME.match(text)
    if match is None:
        raise BadInput(f"I can't read {text!r} as a time of day: use the 24-hour clock, HH:MM, e.g. 09:00 or 18:30.")
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise BadInput(f"{text!r} is not a time of day: hours go from 00 to 23 and minutes from 00 to 59, e.g. 21:45.")
    return f"{hours:02d}:{minutes:02d}"


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones() if "/" in name or name == "UTC"}


def parse_timezone(text: str) -> str:
    """An IANA zone name, matched without regard to case (``europe/london`` → ``Europe/London``)."""
    text = member_text(text)[:60]  # the one cleaner; the longest IANA name is 32 characters
    name = text.replace(" ", "_")
    canonical = _zones().get(name.casefold())
    if canonical is None:
        raise BadInput(
            f"{text!r} is not a time zone I know: use an IANA name such as Europe/London, Europe/Dublin or "
            "America/New_York (start typing and pick one from the list)."
        )
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput(f"{text!r} is not a usable time zone on this system: pick another from the list.") from None
    return canonical


def timezone_choices(current: str, *, limit: int = 25) -> list[str]:
    """Zone names for autocomplete: those starting with what was typed first, then containing it."""
    typed = (current or "").strip().replace(" ", "_").casefold()
    names = sorted(_zones().values())
    if not typed:
        popular = ["Europe/London", "Europe/Dublin", "UTC", "Europe/Paris", "America/New_York"]
        return popular[:limit]
    starts = [n for n in names if n.casefold().startswith(typed) or n.casefold().split("/")[-1].startswith(typed)]
    contains = [n for n in names if typed in n.casefold() and n not in starts]
    return (starts + contains)[:limit]


def check_lead_days(value: int) -> int:
    if not LEAD_DAYS_MIN <= value <= LEAD_DAYS_MAX:
        raise BadInput(
            f"lead_days must be between {LEAD_DAYS_MIN} and {LEAD_DAYS_MAX} working days (you gave {value}); "
            "0 turns off the 'due soon' alert."
        )
    return value


def default_settings(user_id: int, zone: str, now: datetime) -> UserSettings:
    """Defaults for a member who never changed any, in ``zone``."""
    return UserSettings(user_id=user_id, timezone=zone, updated_at=now)


def new_settings(session: AsyncSession, user_id: int, now: datetime) -> UserSettings:
    """Defaults for a member who never changed any, in the zone the database was given (DEFAULT_TIMEZONE)."""
    return default_settings(user_id, outbox.default_zone(session), now)


async def get_settings(session: AsyncSession, user_id: int) -> UserSettings:
    """The member's settings; defaults (not saved) when they never changed any."""
    settings = await session.get(UserSettings, user_id)
    return settings if settings is not None else new_settings(session, user_id, utcnow())


_SETTINGS = select(UserSettings.__table__).where(UserSettings.__table__.c.user_id == bindparam("user_id"))  # type: ignore[attr-defined]


def read_settings(conn: Connection, user_id: int, *, zone: str) -> UserSettings:
    """``get_settings`` on a Core connection (``Database.run_read``): the member's settings, or
    the defaults (not saved) in ``zone`` when they never changed any."""
    row = conn.execute(_SETTINGS, {"user_id": user_id}).first()
    if row is None:
        return default_settings(user_id, zone, utcnow())
    return UserSettings(**row._mapping)


async def update_settings(
    session: AsyncSession,
    user_id: int,
    *,
    now: datetime,
    enabled: bool | None = None,
    time_of_day: str | None = None,
    timezone: str | None = None,
    lead_days: int | None = None,
) -> UserSettings:
    """Change any of the settings (validated first: nothing is saved if one is wrong), then re-plan."""
    time_value = parse_alert_time(time_of_day) if time_of_day is not None else None
    zone_value = parse_timezone(timezone) if timezone is not None else None
    lead_value = check_lead_days(lead_days) if lead_days is not None else None
    settings = await session.get(UserSettings, user_id) or new_settings(session, user_id, now)
    if enabled is not None:
        settings.alerts_enabled = enabled
    if time_value is not None:
        settings.alert_time = time_value
    if zone_value is not None:
        settings.timezone = zone_value
    if lead_value is not None:
        settings.lead_days = lead_value
    settings.updated_at = now
    session.add(settings)
    await session.flush()
    await outbox.reconcile_member(session, user_id, now=now)
    return settings


async def mark_dms_open(session: AsyncSession, user_id: int, *, now: datetime) -> None:
    """A DM went through: forget any earlier 50007."""
    settings = await session.get(UserSettings, user_id)
    if settings is not None and (settings.dms_closed or settings.dm_notice_pending):
        settings.dms_closed = False
        settings.dm_notice_pending = False
        settings.updated_at = now
        session.add(settings)


async def mark_dms_closed(session: AsyncSession, user_id: int, *, now: datetime, notice: bool = True) -> None:
    """Discord error 50007; ``notice``: tell them on their next command (not when told already)."""
    settings = await session.get(UserSettings, user_id) or new_settings(session, user_id, now)
    settings.dms_closed = True
    settings.dms_closed_at = now
    settings.dm_notice_pending = notice
    settings.updated_at = now
    session.add(settings)


_NOTICE_PENDING = select(UserSettings.dm_notice_pending).where(UserSettings.user_id == bindparam("user_id"))
_NOTICES_PENDING = select(UserSettings.user_id).where(col(UserSettings.dm_notice_pending).is_(True))


def _notice_pending(conn: Connection, user_id: int) -> bool:
    return bool(conn.scalar(_NOTICE_PENDING, {"user_id": user_id}))


def _pending_notices(conn: Connection) -> set[int]:
    return set(conn.scalars(_NOTICES_PENDING).all())


NOTICE_REFRESH_SECONDS = 2.0


class DmNotices:
    """Who has a closed-DMs notice waiting, known without a query per command.

    The notice check runs after every command, and almost nobody has a notice waiting, so a
    look-up per command was work for nothing (about 0.5 ms of CPU each). Instead this keeps the
    set of members with a notice pending: read in one statement at most every ``refresh``
    seconds, and told at once by this process's alert dispatcher when it marks someone's DMs
    closed. A member in the set has the notice taken from the database (once, whichever process
    takes it); anyone else costs a set look-up. A notice marked by another process shows on the
    member's first command after the next refresh, at most ``refresh`` seconds later.
    """

    def __init__(self, db: Database, *, refresh: float = NOTICE_REFRESH_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.db, self.refresh, self.clock = db, refresh, clock
        self._pending: set[int] = set()
        self._fresh_until = float("-inf")
        self._reading = asyncio.Lock()

    def expect(self, user_ids: Iterable[int]) -> None:
        """This process just marked these members' DMs closed (with a notice)."""
        self._pending.update(user_ids)

    async def take(self, user_id: int) -> str | None:
        """The closed-DMs notice for ``user_id``, once; None when there is none."""
        if self.clock() >= self._fresh_until:
            async with self._reading:  # one read for all the commands that find the set stale
                if self.clock() >= self._fresh_until:
                    started, before = self.clock(), set(self._pending)
                    found = await self.db.run_read(_pending_notices)
                    # What the database holds, plus whatever the dispatcher told us during the read.
                    self._pending = found | (self._pending - before)
                    self._fresh_until = started + self.refresh
        if user_id not in self._pending:
            return None
        self._pending.discard(user_id)
        return await take_dm_notice(self.db, user_id)


async def take_dm_notice(db: Database, user_id: int) -> str | None:
    """The closed-DMs notice, once: returns it and clears the flag, then returns None.

    Read first (one primary-key look-up per command, no write), then cleared with a conditional
    update, so two processes never both show it. The look-up runs after every command: one
    statement built once, on a Core connection (no ORM session to set up).
    """
    if not await db.run_read(_notice_pending, user_id):
        return None
    async with db.transaction() as session:
        result = await session.exec(
            update(UserSettings).where(UserSettings.user_id == user_id, UserSettings.dm_notice_pending.is_(True))
            .values(dm_notice_pending=False)
        )
    return DMS_CLOSED_NOTICE if result.rowcount == 1 else None
