"""Posting the board's cards and the digests: a supervised loop beside the alert dispatcher.

Cards are delivered the way alerts are (``bot.reminders.claims``): a batch is claimed in one
statement with a lease (PostgreSQL ``FOR UPDATE SKIP LOCKED`` in a CTE; SQLite a compare-and-set
on ``state='pending'``), each card is posted with a deterministic nonce (``c<id>``, so a retry
after a lost reply is not a second message), and the result is written only while the lease is
still ours. A card is therefore posted once even with several bot processes.

The digest runs in the same pass (``bot.services.digest``). The loop wakes when this process
plans a card (``wakeups``) and otherwise polls, like the dispatcher.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, select, update

from bot.clock import utcnow
from bot.community.cards import CardContext
from bot.law.regimes import Law, regime
from bot.law.report import DeadlineKey
from bot.models import Authority, BoardCard, Request, ServerSettings, UserSettings
from bot.reminders.dispatcher import DispatchSettings, SendResult, backoff, default_worker_id
from bot.reminders.wakeups import AlertWakeups, wakeups
from bot.tracking import STATUS_INFO, Status

if TYPE_CHECKING:
    from bot.db import Database

log = logging.getLogger(__name__)


class Poster(Protocol):
    """The Discord side (the board cog), or a fake in tests. ``stamp`` shows a date (Discord
    timestamps in the bot), ``clean`` makes member text safe to show (markdown escaped)."""

    def stamp(self, day: date, style: str) -> str: ...

    def clean(self, text: str) -> str: ...

    async def post_card(self, card: CardContext) -> SendResult: ...

    async def post_digest(self, channel_id: int, text: str, nonce: str) -> SendResult: ...

    async def delete_message(self, channel_id: int, message_id: int) -> bool: ...


@dataclass(frozen=True)
class LoopSettings:
    batch_size: int = 20
    lease: timedelta = timedelta(minutes=5)
    poll_interval: float = 30.0
    max_attempts: int = 8
    error_pause: float = 5.0


def _label(status: str) -> str:
    try:
        return STATUS_INFO[Status(status)].label
    except ValueError:
        return status


async def release_expired(db: Database, *, now: datetime) -> int:
    async with db.engine.begin() as conn:
        result = await conn.execute(
            update(BoardCard).where(BoardCard.state == "sending", BoardCard.lease_until < now)
            .values(state="pending", claimed_by=None, lease_until=None, updated_at=now, last_error="lease expired")
        )
    return result.rowcount or 0


async def claim_cards(db: Database, *, worker: str, now: datetime, limit: int, lease: timedelta) -> list[int]:
    due = select(BoardCard.id).where(BoardCard.state == "pending", BoardCard.fire_at <= now).order_by(BoardCard.fire_at).limit(limit)
    values = {"state": "sending", "claimed_by": worker, "lease_until": now + lease, "attempts": BoardCard.attempts + 1, "updated_at": now}
    if db.dialect == "postgresql":
        cte = due.with_for_update(skip_locked=True).cte("due")  # evaluated once (see claims._claim_statement)
        stmt = update(BoardCard).where(BoardCard.id == cte.c.id, BoardCard.state == "pending")
    else:
        stmt = update(BoardCard).where(BoardCard.id.in_(due.scalar_subquery()), BoardCard.state == "pending")
    async with db.engine.begin() as conn:
        return sorted((await conn.execute(stmt.values(**values).returning(BoardCard.id))).scalars().all())


async def prepare(db: Database, ids: list[int]) -> tuple[dict[int, CardContext], dict[int, str], dict[int, int]]:
    """(what to post, why some are not posted, attempts so far) for claimed cards."""
    async with db.engine.connect() as conn:
        rows = (await conn.execute(
            select(BoardCard.id, BoardCard.request_id, BoardCard.occasion, BoardCard.occasion_key, BoardCard.attempts,
                   BoardCard.guild_id, Request.public_id, Request.title, Request.law, Request.status, Request.visibility,
                   Request.guild_id.label("request_guild"), Request.deadlines, Authority.name.label("authority"),
                   UserSettings.board_name, ServerSettings.board_channel_id)
            .join(Request, Request.id == BoardCard.request_id)
            .join(Authority, Authority.id == Request.authority_id)
            .join(UserSettings, UserSettings.user_id == Request.owner_id, isouter=True)
            .join(ServerSettings, ServerSettings.guild_id == BoardCard.guild_id, isouter=True)
            .where(BoardCard.id.in_(ids))
        )).all()
    contexts: dict[int, CardContext] = {}
    skip: dict[int, str] = {i: "its request no longer exists" for i in ids}
    attempts: dict[int, int] = {}
    for row in rows:
        skip.pop(row.id)
        attempts[row.id] = row.attempts
        if row.visibility != "server" or row.request_guild != row.guild_id:
            skip[row.id] = "the request is no longer shared with this server"
            continue
        if row.board_channel_id is None:
            skip[row.id] = "the server has no board channel now"
            continue
        deadlines = row.deadlines or {}
        due_text = deadlines.get(DeadlineKey.RESPONSE_DUE_EXTENDED) or deadlines.get(DeadlineKey.RESPONSE_DUE)
        if row.occasion == "overdue":
            due_text = deadlines.get(DeadlineKey.RESPONSE_DUE_EXTENDED) or deadlines.get(DeadlineKey.RESPONSE_DUE) or row.occasion_key
        try:
            law_short = regime(Law(row.law)).short
        except ValueError:
            law_short = row.law.upper()
        contexts[row.id] = CardContext(
            card_id=row.id, request_id=row.request_id, guild_id=row.guild_id, channel_id=row.board_channel_id,
            occasion=row.occasion, occasion_key=row.occasion_key, public_id=row.public_id, title=row.title,
            authority=row.authority, law_short=law_short, status_label=_label(row.status), owner_name=row.board_name,
            due=datetime.fromisoformat(due_text).date() if isinstance(due_text, str) else None,
            outcome=_label(row.status) if row.occasion == "answered" else None,
        )
    return contexts, skip, attempts


async def record(db: Database, card_id: int, *, worker: str, now: datetime, state: str, message_id: int | None = None,
                 channel_id: int | None = None, retry_at: datetime | None = None, error: str | None = None) -> bool:
    values: dict[str, object] = {"state": state, "lease_until": None, "updated_at": now, "last_error": error}
    if state == "sent":
        values.update(message_id=message_id, channel_id=channel_id, sent_at=now)
    elif state == "pending":
        values.update(fire_at=retry_at or now, claimed_by=None)
    async with db.engine.begin() as conn:
        result = await conn.execute(
            update(BoardCard).where(BoardCard.id == card_id, BoardCard.state == "sending", BoardCard.claimed_by == worker)
            .values(**values)
        )
    return bool(result.rowcount)


async def card_exists(db: Database, card_id: int) -> bool:
    async with db.read() as session:
        return (await session.exec(select(BoardCard.id).where(BoardCard.id == card_id))).first() is not None


async def next_fire_at(db: Database) -> datetime | None:
    async with db.engine.connect() as conn:
        return (await conn.execute(select(func.min(BoardCard.fire_at)).where(BoardCard.state == "pending"))).scalar()


class CommunityLoop:
    """Posts due cards and due digests; one per process, any number of processes."""

    def __init__(self, db: Database, poster: Poster, *, now: Callable[[], datetime] = utcnow,
                 settings: LoopSettings | None = None, worker: str | None = None, signals: AlertWakeups = wakeups) -> None:
        self.db, self.poster, self.now = db, poster, now
        self.settings = settings or LoopSettings()
        self.worker = worker or default_worker_id()
        self.signals = signals
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    async def post_due_cards(self) -> int:
        await release_expired(self.db, now=self.now())
        posted = 0
        while ids := await claim_cards(self.db, worker=self.worker, now=self.now(), limit=self.settings.batch_size,
                                       lease=self.settings.lease):
            contexts, skip, attempts = await prepare(self.db, ids)
            for card_id, why in skip.items():
                await record(self.db, card_id, worker=self.worker, now=self.now(), state="cancelled", error=why)
            for card_id, card in contexts.items():
                posted += await self._post(card, attempts.get(card_id, 1))
        return posted

    async def _post(self, card: CardContext, attempts: int) -> bool:
        try:
            result = await self.poster.post_card(card)
        except Exception as exc:  # a bug on our side: retry later, and say so in the log
            log.exception("posting board card %s failed unexpectedly", card.card_id)
            result = SendResult.transient(f"{type(exc).__name__}: {exc}")
        now = self.now()
        if result.outcome == "sent":
            recorded = await record(self.db, card.card_id, worker=self.worker, now=now, state="sent",
                                    message_id=result.message_id, channel_id=card.channel_id)
            if not recorded and result.message_id is not None and not await card_exists(self.db, card.card_id):
                # The member erased their data (or deleted the request) while this card was being posted:
                # the erasure could not see this message, so take it down here.
                await self.poster.delete_message(card.channel_id, result.message_id)
                log.info("board card %s was erased while posting: message %s deleted", card.card_id, result.message_id)
                return False
            log.info("board card %s (%s of %s) posted as message %s", card.card_id, card.occasion, card.public_id, result.message_id)
            return True
        if result.outcome == "transient" and attempts < self.settings.max_attempts:
            delay = backoff(attempts, DispatchSettings(), result.retry_after)
            await record(self.db, card.card_id, worker=self.worker, now=now, state="pending",
                         retry_at=now + timedelta(seconds=delay), error=result.error)
            return False
        log.warning("board card %s given up: %s", card.card_id, result.error)
        await record(self.db, card.card_id, worker=self.worker, now=now, state="failed", error=result.error)
        return False

    async def run_once(self) -> None:
        from bot.services import digest  # the digest builds on the board's card links

        await self.post_due_cards()
        await digest.post_due_digests(self.db, self.poster, worker=self.worker, now=self.now(), lease=self.settings.lease)

    async def _delay(self) -> float:
        soonest = await next_fire_at(self.db)
        if soonest is None:
            return self.settings.poll_interval
        return max(0.0, min(self.settings.poll_interval, (soonest - self.now()).total_seconds()))

    async def run_forever(self) -> None:
        log.info("board and digest loop %s started", self.worker)
        while True:
            self._wake.clear()
            try:
                await self.run_once()
                delay = await self._delay()
            except asyncio.CancelledError:
                raise
            except Exception:  # supervised: log and go on
                log.exception("board loop pass failed; trying again in %.0f s", self.settings.error_pause)
                delay = self.settings.error_pause
            if delay > 0:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
                except asyncio.TimeoutError:
                    pass

    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._unsubscribe = self.signals.subscribe(lambda _fire_at: self._wake.set())
            self._task = asyncio.create_task(self.run_forever(), name=f"board-loop-{self.worker}")
        return self._task

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
