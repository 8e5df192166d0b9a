"""The board: cards about shared requests, planned in the transaction of what they report.

``plan_cards`` runs at the end of every transaction that changes a request (next to the alerts'
``reconcile_alerts``), so a card is planned if and only if its event committed. A card is a row
of ``board_cards``, unique per (request, occasion, occasion key): planning twice, or two
processes planning at once, still makes one card; ``board_delivery`` posts each row once.

Occasions: ``logged`` (the first time a request is shared with the server), ``answered``,
``review`` and ``regulator`` (the day of the response, of the request for review, of the
complaint), and ``overdue``: planned ahead for the first working day after the day it is late on
every reading (the alerts' ``response-late`` chain), and cancelled if the answer comes first.

Following (the card's "Follow" button): a row of ``follows``; the alerts outbox plans the
follower's own alerts from it (``outbox.reconcile_alerts``).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot import clock
from bot.errors import BadInput
from bot.models import BoardCard, Follow, Request, ServerSettings
from bot.reminders import outbox
from bot.reminders.kinds import Chain, base_status
from bot.reminders.planner import chain_dates
from bot.reminders.wakeups import wake_after_commit
from bot.services import Viewer, normalise_public_id, not_found, visible_to
from bot.tracking import EventKind

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database

log = logging.getLogger(__name__)

OCCASION_OF_EVENT: dict[str, str] = {
    EventKind.RESPONSE.value: "answered",
    EventKind.REVIEW_REQUESTED.value: "review",
    EventKind.COMPLAINT_MADE.value: "regulator",
}
OVERDUE_CARD_TIME = time(9, 0)  # in the server's time zone, on the first working day it is late


def server_zone(settings: ServerSettings | None) -> ZoneInfo:
    try:
        return ZoneInfo(settings.timezone if settings is not None else "Europe/London")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/London")


def _insert(session: AsyncSession) -> Any:
    return (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)(BoardCard)


async def _cancel(session: AsyncSession, request_id: int, now: datetime, why: str, *, occasion: str | None = None,
                  keep_key: str | None = None) -> int:
    stmt = update(BoardCard).where(BoardCard.request_id == request_id, BoardCard.state == "pending")
    if occasion is not None:
        stmt = stmt.where(BoardCard.occasion == occasion)
    if keep_key is not None:
        stmt = stmt.where(BoardCard.occasion_key != keep_key)
    result = await session.exec(stmt.values(state="cancelled", last_error=why, updated_at=now))  # type: ignore[call-overload]
    return result.rowcount or 0


async def overdue_plan(session: AsyncSession, request: Request, settings: ServerSettings | None) -> tuple[str, datetime, date] | None:
    """(occasion key, when to post, the due date) of the request's overdue card, or None."""
    if base_status(request.status) != "waiting_response":
        return None
    snapshot = await outbox.request_snapshot(session, request)
    chains = chain_dates(snapshot)
    if not chains[Chain.RESPONSE_LATE] or not chains[Chain.RESPONSE_DUE]:
        return None
    _, late_on = chains[Chain.RESPONSE_LATE][0]
    _, due = chains[Chain.RESPONSE_DUE][0]
    calendar = await outbox.request_calendar(session, request)
    day = calendar.nth_working_day_after(late_on, 1)
    fire_at = datetime.combine(day, OVERDUE_CARD_TIME, tzinfo=server_zone(settings)).astimezone(timezone.utc)
    return late_on.isoformat(), fire_at, due


async def plan_cards(
    session: AsyncSession, request: Request, *, now: datetime, occasion: str | None = None, on: date | None = None
) -> int:
    """Plan the request's board cards in the caller's transaction; returns how many were added.

    ``occasion`` is what just happened (``logged``, or ``answered``/``review``/``regulator`` with
    the day ``on``); the overdue card is planned (or moved, or cancelled) on every call.
    """
    if request.id is None:
        await session.flush()
    assert request.id is not None
    shared = request.visibility == "server" and request.guild_id is not None
    settings = await session.get(ServerSettings, request.guild_id) if shared else None
    if not shared or settings is None or settings.board_channel_id is None:
        await _cancel(session, request.id, now, "the request is no longer shared with a server that has a board")
        return 0
    wanted: list[dict[str, Any]] = []
    if occasion == "logged" or (occasion is not None and on is not None):
        wanted.append({"occasion": occasion, "occasion_key": on.isoformat() if on and occasion != "logged" else "", "fire_at": now})
    overdue = await overdue_plan(session, request, settings)
    if overdue is None:
        await _cancel(session, request.id, now, f"not overdue (status {request.status})", occasion="overdue")
    else:
        key, fire_at, _ = overdue
        await _cancel(session, request.id, now, "the due date moved", occasion="overdue", keep_key=key)
        wanted.append({"occasion": "overdue", "occasion_key": key, "fire_at": max(fire_at, now)})
    if not wanted:
        return 0
    rows = [{**w, "request_id": request.id, "guild_id": request.guild_id, "state": "pending", "attempts": 0,
             "created_at": now, "updated_at": now} for w in wanted]
    result = await session.exec(_insert(session).values(rows).on_conflict_do_nothing(  # type: ignore[call-overload]
        index_elements=["request_id", "occasion", "occasion_key"]))
    wake_after_commit(session, min(w["fire_at"] for w in wanted))
    return result.rowcount or 0


# -- following ----------------------------------------------------------------------------------

async def _shared_request(session: AsyncSession, viewer: Viewer, text: str) -> Request:
    public_id = normalise_public_id(text)
    if public_id is None:
        raise not_found(text)
    request = (await session.exec(select(Request).where(Request.public_id == public_id, visible_to(viewer)))).scalars().first()
    if request is None:
        raise not_found(text)
    return request


async def follow(db: Database, viewer: Viewer, public_id: str, *, now: datetime | None = None) -> Request:
    """Follow a request shared with the viewer's server: its alerts come to them by DM too."""
    now = now or clock.utcnow()
    async with db.transaction() as session:
        request = await _shared_request(session, viewer, public_id)
        if request.owner_id == viewer.user_id:
            raise BadInput(f"{request.public_id} is yours: you get its alerts already.")
        if request.visibility != "server" or request.guild_id != viewer.guild_id:
            raise not_found(public_id)
        if await session.get(Follow, (request.id, viewer.user_id)) is None:
            session.add(Follow(request_id=request.id, user_id=viewer.user_id, created_at=now))
            await session.flush()
        await outbox.reconcile_alerts(session, request, now=now)
        log.info("member %s follows %s", viewer.user_id, request.public_id)
        return request


async def unfollow(db: Database, viewer: Viewer, public_id: str, *, now: datetime | None = None) -> Request:
    now = now or clock.utcnow()
    async with db.transaction() as session:
        request = await _followed(session, viewer.user_id, public_id)
        await session.exec(delete(Follow).where(Follow.request_id == request.id, Follow.user_id == viewer.user_id))  # type: ignore[call-overload]
        await outbox.cancel_member_alerts(session, request, viewer.user_id, now=now)
        log.info("member %s no longer follows %s", viewer.user_id, request.public_id)
        return request


async def _followed(session: AsyncSession, user_id: int, text: str) -> Request:
    public_id = normalise_public_id(text)
    request = (await session.exec(
        select(Request).join(Follow, Follow.request_id == Request.id)
        .where(Request.public_id == public_id, Follow.user_id == user_id)
    )).scalars().first() if public_id else None
    if request is None:
        raise BadInput("You don't follow that request (or it no longer exists).")
    return request


async def latest_card_links(session: AsyncSession, request_ids: list[int]) -> dict[int, str]:
    """Each request's most recent posted card, as a message link."""
    if not request_ids:
        return {}
    rows = (await session.exec(
        select(BoardCard.request_id, BoardCard.guild_id, BoardCard.channel_id, BoardCard.message_id)
        .where(BoardCard.request_id.in_(request_ids), BoardCard.state == "sent")
        .order_by(BoardCard.sent_at, BoardCard.id)
    )).all()
    return {row.request_id: f"https://discord.com/channels/{row.guild_id}/{row.channel_id}/{row.message_id}" for row in rows}


__all__ = ["OCCASION_OF_EVENT", "follow", "latest_card_links", "plan_cards", "unfollow"]
