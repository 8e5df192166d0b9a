"""The alert dispatcher: a supervised loop that claims due alerts, sends them, and records the result.

Why not RoboDanny's timer (research notes 1.2): it deletes a timer *before* dispatching (a failed
send is lost), has no claim (two processes both send), and dies silently on an unexpected error.
Here delivery is at-least-once with the duplicate window closed by Discord's nonce:

1. claim a batch atomically with a short lease (``claims.claim_due``), renewed while the batch
   is worked on;
2. drop the stale ones: superseded by a later alert of the same request, or a closed window; set
   aside (``held``) one this version cannot handle, on its own;
3. renew the lease in the database right before each POST (a lease already lost means another
   dispatcher owns the alert: do not send), then send the DM with a deterministic nonce
   (``AlertContext.nonce``), ``enforce_nonce`` on. discord.py's ``max_ratelimit_timeout`` (set
   in ``bot.client``, shorter than the lease) makes a long 429 come back as ``RateLimited``
   instead of being slept through inside the claim;
4. record, retrying a failed write: ``sent`` with the message id; a transient failure (5xx,
   timeout, 401, rate limit) goes back to ``pending`` with exponential backoff up to a cap, never
   sooner than Discord's retry-after; Discord error 50007 (the member's DMs are closed) fails the
   alert without retrying, marks the member, and tells them on their next command.

Sends are paced under Discord's global limit (``dm_pace``): it is per bot token, shared by every
process, and each DM may cost two requests (open the DM channel, then post). Without the pace a
backlog (after downtime, or a busy morning) goes out as fast as the sends return, which is a
stream of global 429s on Discord, and each 429 counts towards its invalid-request ban.

``stop()`` is graceful: DMs already being POSTed finish and are recorded, the rest of the claim
is given back (pending again at once).

The loop sleeps until the soonest pending alert, but never longer than ``poll_interval`` (so
alerts planned by other processes are seen, and asyncio's long-sleep limits never matter), and
wakes at once when this process plans a sooner one (``wakeups``). An unexpected error is logged
and the loop goes on after a pause.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from aiolimiter import AsyncLimiter

from bot.clock import utcnow
from bot.reminders import claims
from bot.reminders.claims import Claimed, Outcome
from bot.reminders.messages import AlertContext
from bot.reminders.wakeups import AlertWakeups, wakeups

if TYPE_CHECKING:
    from bot.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    """What Discord said to one DM."""

    outcome: str  # sent | dms_closed | transient | failed
    message_id: int | None = None
    retry_after: float | None = None
    error: str = ""

    @classmethod
    def sent(cls, message_id: int) -> SendResult:
        return cls("sent", message_id=message_id)

    @classmethod
    def dms_closed(cls, error: str = "Discord error 50007: cannot send messages to this user") -> SendResult:
        return cls("dms_closed", error=error)

    @classmethod
    def transient(cls, error: str, retry_after: float | None = None) -> SendResult:
        return cls("transient", retry_after=retry_after, error=error)

    @classmethod
    def failed(cls, error: str) -> SendResult:
        return cls("failed", error=error)


class Sender(Protocol):
    """The Discord side: ``bot.reminders.sender.DiscordSender`` in the bot, a fake in tests."""

    async def send(self, context: AlertContext) -> SendResult: ...


@dataclass(frozen=True)
class DispatchSettings:
    batch_size: int = 50  # a few seconds of DMs at Discord's global 50 requests/s
    # Far shorter than Discord's nonce window ("a few minutes"), so a re-send after a crash falls
    # inside it; longer than one POST can take with discord.py's rate-limit wait capped (see
    # bot.client.MAX_RATELIMIT_WAIT). Renewed every third of itself while the batch is worked on.
    lease: timedelta = timedelta(seconds=90)
    poll_interval: float = 30.0  # seconds: how soon alerts planned by another process are seen
    concurrency: int = 4  # DMs in flight at once; discord.py queues them under the rate limits
    backoff_base: float = 30.0
    backoff_cap: float = 30 * 60.0
    max_attempts: int = 12  # 30 s doubling to the cap: about 3 hours of retries, then given up
    record_retries: int = 5  # a failed write of outcomes is tried again this many times
    record_pause: float = 0.5  # seconds, doubling, between those tries
    error_pause: float = 5.0  # after an unexpected error in the loop
    dms_per_second: float | None = None  # this process's pace (``dm_pace``); None: unpaced


# Discord's global limit: "All bots can make up to 50 requests per second to our API", per token,
# whatever the number of processes; interaction answers do not count towards it.
# https://discord.com/developers/docs/topics/rate-limits#global-rate-limit
# Alert DMs take at most this share of it; the rest is left for board cards, digests and edits.
DM_SHARE_OF_GLOBAL_LIMIT = 0.8
REQUESTS_PER_DM = 2  # at most: open the DM channel (POST /users/@me/channels), then the message


def dm_pace(global_limit: float, shards_here: int, shard_count: int) -> float:
    """DMs a second this process may send: its part of the token's DM share, by how many of the
    shards it runs (every process delivers alerts, so a cluster of 2 of 4 shards takes half)."""
    return global_limit * DM_SHARE_OF_GLOBAL_LIMIT * shards_here / shard_count / REQUESTS_PER_DM


def pacer(dms_per_second: float) -> AsyncLimiter:
    """A leaky bucket that lets at most about 1.1 x ``dms_per_second`` through in any one second
    (Discord counts a sliding second): a bucket of a tenth of a second's sends, never under one."""
    period = max(0.1, 1.0 / dms_per_second)
    return AsyncLimiter(dms_per_second * period, period)


def dispatch_settings(settings: Any) -> DispatchSettings:
    """The defaults, with the lease, the longest sleep and the first retry delay from
    ``bot.config.Settings`` when set (the tests shorten them to see a killed process's alerts,
    and a rate-limited one, delivered within seconds), and the pace from the global limit and
    the shards this process runs. A retry still waits out Discord's retry-after."""
    chosen = DispatchSettings()
    if settings.alert_lease_seconds:
        chosen = replace(chosen, lease=timedelta(seconds=settings.alert_lease_seconds))
    if settings.alert_poll_seconds:
        chosen = replace(chosen, poll_interval=settings.alert_poll_seconds)
    if settings.alert_backoff_seconds:
        chosen = replace(chosen, backoff_base=settings.alert_backoff_seconds)
    plan = settings.shard_plan()
    pace = dm_pace(settings.discord_global_rate_limit, len(plan.shard_ids), plan.count or 1)
    return replace(chosen, dms_per_second=pace)


def backoff(attempts: int, settings: DispatchSettings, retry_after: float | None = None) -> float:
    """Seconds before retry number ``attempts``: doubling from the base, capped; never sooner
    than Discord's ``retry_after``."""
    delay = min(settings.backoff_cap, settings.backoff_base * 2 ** max(attempts - 1, 0))
    return max(delay, retry_after or 0.0)


def default_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


class Dispatcher:
    def __init__(
        self,
        db: Database,
        sender: Sender,
        *,
        now: Callable[[], datetime] = utcnow,
        settings: DispatchSettings | None = None,
        worker: str | None = None,
        signals: AlertWakeups = wakeups,
        dms_closed: Callable[[set[int]], None] | None = None,
    ) -> None:
        self.db = db
        self.sender = sender
        self.now = now
        self.settings = settings or DispatchSettings()
        self.worker = worker or default_worker_id()
        self.signals = signals
        self.dms_closed = dms_closed  # told who now has a closed-DMs notice waiting, after each record
        self._wake = asyncio.Event()
        self._sleeping_until: datetime | None = None
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._stopping = asyncio.Event()
        self._pace = pacer(self.settings.dms_per_second) if self.settings.dms_per_second else None

    # -- one pass ------------------------------------------------------------------------------

    async def run_once(self) -> int:
        """Release expired leases, then claim and deliver batches until nothing is due.
        Returns how many DMs were sent."""
        await claims.release_expired_leases(self.db, now=self.now())
        await claims.release_held(self.db, now=self.now())
        sent = 0
        while not self._stopping.is_set():
            batch, prepared = await claims.claim_batch(
                self.db, worker=self.worker, now=self.now(), limit=self.settings.batch_size, lease=self.settings.lease
            )
            if not batch:
                return sent
            sent += await self.deliver(batch, prepared)
        return sent

    async def deliver(self, batch: list[Claimed], batch_info: claims.Batch | None = None) -> int:
        """Send a claimed batch; each result is recorded as soon as it is known (results that
        arrive together are written in one transaction)."""
        if batch_info is None:
            batch_info = await claims.prepare(self.db, batch, now=self.now())
        contexts = batch_info.contexts
        pending: list[Outcome] = [Outcome(c, "cancelled", error=batch_info.skip[c.id]) for c in batch if c.id in batch_info.skip]
        pending += [Outcome(c, "held", error=batch_info.held[c.id]) for c in batch if c.id in batch_info.held]
        lock = asyncio.Lock()
        semaphore = asyncio.Semaphore(self.settings.concurrency)
        working = {c.id for c in batch if c.id in contexts}  # claimed, not yet recorded or given back
        given_back: list[int] = []
        sent = 0

        async def flush() -> None:
            async with lock:
                if pending:
                    items = pending[:]
                    pending.clear()
                    await self._record(items)

        async def one(claimed: Claimed) -> None:
            nonlocal sent
            async with semaphore:
                if not self._stopping.is_set() and self._pace is not None:
                    await self._pace.acquire()
                if self._stopping.is_set():  # stopping: give it back rather than start it
                    given_back.append(claimed.id)
                    working.discard(claimed.id)
                    return
                outcome = await self._attempt(claimed, contexts[claimed.id])
            working.discard(claimed.id)
            if outcome is None:
                return
            sent += outcome.state == "sent"
            pending.append(outcome)
            await flush()

        heartbeat = asyncio.create_task(self._keep_leases(working))
        try:
            await flush()
            await asyncio.gather(*(one(c) for c in batch if c.id in contexts))
        finally:
            heartbeat.cancel()
        if given_back:
            released = await claims.release_mine(self.db, given_back, worker=self.worker, now=self.now())
            log.info("alert dispatcher %s stopping: gave back %d claimed alert(s)", self.worker, released)
        return sent

    async def _record(self, items: list[Outcome]) -> None:
        """Write outcomes, trying again when the write fails: an outcome lost here is a DM sent again
        after the lease (inside Discord's nonce window, but still avoidable)."""
        pause = self.settings.record_pause
        for attempt in range(self.settings.record_retries + 1):
            try:
                await claims.record(self.db, items, worker=self.worker, now=self.now())
                closed = {o.alert.user_id for o in items if o.dms_closed}
                if closed and self.dms_closed is not None:
                    self.dms_closed(closed)
                return
            except Exception:
                if attempt == self.settings.record_retries:
                    log.exception("could not record %d alert outcome(s); their leases will expire", len(items))
                    return
                log.warning("recording %d alert outcome(s) failed; trying again in %.1f s", len(items), pause, exc_info=True)
                await asyncio.sleep(pause)
                pause *= 2

    async def _keep_leases(self, working: set[int]) -> None:
        """Renew the batch's leases every third of the lease while it is worked on."""
        every = self.settings.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(every)
            try:
                await claims.renew(self.db, sorted(working), worker=self.worker, now=self.now(), lease=self.settings.lease)
            except Exception:  # the check before each send still holds: nothing unsafe follows
                log.warning("renewing alert leases failed", exc_info=True)

    async def _attempt(self, claimed: Claimed, context: AlertContext) -> Outcome | None:
        """Send one claimed alert, or None when its lease was lost (another dispatcher owns it)."""
        renewed = await claims.renew(self.db, [claimed.id], worker=self.worker, now=self.now(), lease=self.settings.lease)
        if claimed.id not in renewed:
            log.warning("alert %s: lease lost before sending (paused or slow?); not sending", claimed.id)
            return None
        try:
            result = await self.sender.send(context)
        except Exception as exc:  # a bug in rendering or the sender: retry later, and say so in the log
            log.exception("sending alert %s failed unexpectedly", claimed.id)
            result = SendResult.transient(f"{type(exc).__name__}: {exc}")
        return self._outcome(claimed, result)

    def _outcome(self, claimed: Claimed, result: SendResult) -> Outcome:
        if result.outcome == "sent":
            log.info("alert %s (%s) sent to %s as message %s", claimed.id, claimed.kind, claimed.user_id, result.message_id)
            return Outcome(claimed, "sent", message_id=result.message_id)
        if result.outcome == "dms_closed":
            log.info("alert %s: member %s does not accept DMs; not retrying", claimed.id, claimed.user_id)
            return Outcome(claimed, "failed", error=result.error or "DMs closed (50007)", dms_closed=True)
        if result.outcome == "transient" and claimed.attempts < self.settings.max_attempts:
            delay = backoff(claimed.attempts, self.settings, result.retry_after)
            log.info("alert %s: transient failure (%s); retry %d in %.0f s", claimed.id, result.error, claimed.attempts + 1, delay)
            return Outcome(claimed, "pending", retry_at=self.now() + timedelta(seconds=delay), error=result.error)
        log.warning("alert %s given up after %d attempt(s): %s", claimed.id, claimed.attempts, result.error)
        return Outcome(claimed, "failed", error=result.error)

    # -- the loop ------------------------------------------------------------------------------

    async def seconds_until_next(self) -> float:
        soonest = await claims.next_fire_at(self.db)
        self._sleeping_until = soonest
        if soonest is None:
            return self.settings.poll_interval
        return max(0.0, min(self.settings.poll_interval, (soonest - self.now()).total_seconds()))

    def _planned(self, fire_at: datetime) -> None:
        """Called after a local commit planned an alert: wake if it is sooner than our sleep."""
        if self._sleeping_until is None or fire_at < self._sleeping_until:
            self._sleeping_until = fire_at
            self._wake.set()

    async def run_forever(self) -> None:
        pace = self.settings.dms_per_second
        log.info("alert dispatcher %s started%s", self.worker, f" (DMs paced at {pace:g} a second)" if pace else "")
        while not self._stopping.is_set():
            # Cleared before looking, so a wake-up that arrives while we look is not lost.
            self._wake.clear()
            try:
                await self.run_once()
                delay = await self.seconds_until_next()
            except asyncio.CancelledError:
                raise
            except Exception:  # supervised: log it and go on (RoboDanny's loop died silently here)
                log.exception("alert dispatcher pass failed; trying again in %.0f s", self.settings.error_pause)
                delay = self.settings.error_pause
            if delay > 0:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
                except asyncio.TimeoutError:
                    pass

    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._unsubscribe = self.signals.subscribe(self._planned)
            self._task = asyncio.create_task(self.run_forever(), name=f"alert-dispatcher-{self.worker}")
        return self._task

    async def stop(self, *, grace: float | None = None) -> None:
        """Stop gracefully: DMs in flight finish and are recorded, unstarted claims are given back.
        After ``grace`` seconds (default: a third of the lease) the loop is cancelled; whatever it
        still held goes back when its lease expires."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._stopping.set()
        self._wake.set()
        task, self._task = self._task, None
        if task is not None and not task.done():
            grace = self.settings.lease.total_seconds() / 3 if grace is None else grace
            try:
                await asyncio.wait_for(asyncio.shield(task), grace)
            except asyncio.TimeoutError:
                task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        self._stopping.clear()
        log.info("alert dispatcher %s stopped", self.worker)

