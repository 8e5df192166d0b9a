"""Posting each server's digest once per period, whatever the number of bot processes.

The claim is a row: ``INSERT INTO digests (guild_id, period, ...) ON CONFLICT DO NOTHING``.
The process whose insert wrote the row posts that period's digest; the others see no row
written and move on. No timer in memory decides it, so a restart or a second process never
posts it again. A process that dies mid-post leaves a ``sending`` row whose lease expires; the
next pass takes it over (compare-and-set on the lease), and the message nonce (``g<id>``) keeps a
retry from being a second message. An empty digest is recorded as ``skipped`` and not posted.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.community.digest import DigestContent, DigestItem, current_period, digest_text, period_length
from bot.models import Authority, Digest, Event, Request, ServerSettings
from bot.services.board import latest_card_links, server_zone
from bot.tracking import EventKind

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

    from bot.db import Database
    from bot.services.board_delivery import Poster

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
DUE_WINDOW_DAYS = 7


def _time(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    return time(hours, minutes)


async def content_for(db: Database, guild_id: int, period: date, rhythm: str, today: date) -> DigestContent:
    """What the digest of ``period`` lists: the server's shared requests only."""
    shared = (Request.guild_id == guild_id) & (Request.visibility == "server")
    columns = (Request.id, Request.public_id, Request.title, Request.status, Request.next_deadline, Authority.name.label("authority"))
    async with db.session() as session:
        rows = (await session.exec(
            select(*columns).join(Authority, Authority.id == Request.authority_id)
            .where(shared, Request.status.in_(("waiting_response", "internal_review")))
            .order_by(Request.next_deadline, Request.id)
        )).all()
        since = period - period_length(rhythm)
        answered = (await session.exec(
            select(*columns, Event.occurred_on).join(Authority, Authority.id == Request.authority_id)
            .join(Event, Event.request_id == Request.id)
            .where(shared, Event.kind == EventKind.RESPONSE.value, Event.occurred_on > since, Event.occurred_on <= today)
            .order_by(Event.occurred_on, Request.id)
        )).all()
        links = await latest_card_links(session, [r.id for r in rows] + [r.id for r in answered])

    def item(row, day: date | None) -> DigestItem:  # type: ignore[no-untyped-def]
        return DigestItem(row.public_id, row.title, row.authority, day, links.get(row.id))

    horizon = today + timedelta(days=DUE_WINDOW_DAYS)
    sections = {
        "overdue": [item(r, r.next_deadline) for r in rows
                    if r.status == "waiting_response" and r.next_deadline is not None and r.next_deadline < today],
        "due": [item(r, r.next_deadline) for r in rows if r.next_deadline is not None and today <= r.next_deadline < horizon],
        "answered": [item(r, r.occurred_on) for r in answered],
        "review": [item(r, r.next_deadline) for r in rows if r.status == "internal_review"],
    }
    return DigestContent(period, sections)


async def _claim(conn: AsyncConnection, guild_id: int, period: str, *, worker: str, now: datetime, lease: timedelta) -> int | None:
    """The digest row's id if this worker now owns the period's digest, else None."""
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(Digest)
    written = (await conn.execute(insert.values(
        guild_id=guild_id, period=period, state="sending", claimed_by=worker, lease_until=now + lease, attempts=1,
        items=0, created_at=now, updated_at=now,
    ).on_conflict_do_nothing(index_elements=["guild_id", "period"]).returning(Digest.id))).scalar()
    if written is not None:
        return written
    # Taken over only when its owner's lease ran out (a crash mid-post) and tries are left.
    return (await conn.execute(
        update(Digest).where(Digest.guild_id == guild_id, Digest.period == period, Digest.state == "sending",
                             Digest.lease_until < now, Digest.attempts < MAX_ATTEMPTS)
        .values(claimed_by=worker, lease_until=now + lease, attempts=Digest.attempts + 1, updated_at=now)
        .returning(Digest.id)
    )).scalar()


async def _finish(db: Database, digest_id: int, worker: str, now: datetime, **values: object) -> None:
    async with db.engine.begin() as conn:
        await conn.execute(update(Digest).where(Digest.id == digest_id, Digest.claimed_by == worker, Digest.state == "sending")
                           .values(updated_at=now, **values))


async def post_due_digests(db: Database, poster: Poster, *, worker: str, now: datetime, lease: timedelta) -> int:
    """Post every server's digest whose period has come and that nobody posted yet."""
    async with db.session() as session:
        servers = (await session.exec(select(ServerSettings).where(ServerSettings.digest_channel_id.is_not(None)))).scalars().all()
    posted = 0
    for settings in servers:
        zone = server_zone(settings)
        day, _moment = current_period(settings.digest_rhythm, settings.digest_weekday, _time(settings.digest_time), zone, now)
        async with db.engine.begin() as conn:
            digest_id = await _claim(conn, settings.guild_id, day.isoformat(), worker=worker, now=now, lease=lease)
        if digest_id is None:
            continue
        content = await content_for(db, settings.guild_id, day, settings.digest_rhythm, now.astimezone(zone).date())
        if content.empty:
            await _finish(db, digest_id, worker, now, state="skipped", lease_until=None)
            log.info("digest for server %s, period %s: nothing to say, skipped", settings.guild_id, day)
            continue
        channel_id = settings.digest_channel_id
        assert channel_id is not None
        result = await poster.post_digest(channel_id, digest_text(content, stamp=poster.stamp, clean=poster.clean), f"g{digest_id}")
        if result.outcome == "sent":
            await _finish(db, digest_id, worker, now, state="sent", lease_until=None, message_id=result.message_id,
                          channel_id=channel_id, items=content.count)
            log.info("digest for server %s, period %s posted (%d items)", settings.guild_id, day, content.count)
            posted += 1
        elif result.outcome == "transient":  # left "sending": taken up again once the lease runs out
            await _finish(db, digest_id, worker, now, last_error=result.error)
        else:
            await _finish(db, digest_id, worker, now, state="failed", lease_until=None, last_error=result.error)
            log.warning("digest for server %s, period %s failed: %s", settings.guild_id, day, result.error)
    return posted
