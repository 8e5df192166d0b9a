"""The WhatDoTheyKnow poller: claims due tracked requests from the database and reads each one.

Claiming is the alert dispatcher's pattern (``bot.reminders.claims``), so any number of processes
may poll from one database and a request is read by one of them at a time:

* PostgreSQL: ``WITH due AS (SELECT ... FOR UPDATE SKIP LOCKED) UPDATE wdtk_tracks SET claimed_by,
  lease_until FROM due ... RETURNING``: a poller skips rows another one has locked;
* SQLite: ``UPDATE ... WHERE request_id IN (SELECT ...) AND <still free>`` as a compare-and-set
  under SQLite's single writer lock.

A claim is a lease (a poller that dies leaves rows that are free again once it expires); every
write after it checks ``claimed_by`` (``bot.services.wdtk``). Only ``active`` rows are claimed:
finished requests and those back in manual tracking are never read again. Reads go through the
process's one polite client (one request a second to the site, conditional on the stored ETag).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select, update

from bot import metrics
from bot.clock import utcnow
from bot.models import WdtkTrack
from bot.services import wdtk as service
from bot.sources.polite import SourceError

if TYPE_CHECKING:
    from bot.db import Database
    from bot.sources.wdtk import WdtkClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claimed:
    request_id: int
    url_title: str
    etag: str | None
    last_modified: str | None


def _free(now: datetime) -> Any:
    return and_(WdtkTrack.state == "active", or_(WdtkTrack.claimed_by.is_(None), WdtkTrack.lease_until < now))


async def claim_due(db: Database, *, worker: str, now: datetime, limit: int, lease: timedelta) -> list[Claimed]:
    due = (select(WdtkTrack.request_id).where(_free(now), WdtkTrack.next_poll_at <= now)
           .order_by(WdtkTrack.next_poll_at).limit(limit))
    values = {"claimed_by": worker, "lease_until": now + lease, "updated_at": now}
    if db.dialect == "postgresql":
        cte = due.with_for_update(skip_locked=True).cte("due")
        stmt = update(WdtkTrack).where(WdtkTrack.request_id == cte.c.request_id, _free(now))
    else:
        stmt = update(WdtkTrack).where(WdtkTrack.request_id.in_(due.scalar_subquery()), _free(now))
    stmt = stmt.values(**values).returning(WdtkTrack.request_id, WdtkTrack.url_title, WdtkTrack.etag, WdtkTrack.last_modified)
    async with db.engine.begin() as conn:
        rows = (await conn.execute(stmt)).all()
    return [Claimed(*row) for row in rows]


def default_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:wdtk"


class Poller:
    def __init__(self, db: Database, client: WdtkClient, *, interval: float, now: Callable[[], datetime] = utcnow,
                 worker: str | None = None, batch: int = 10, lease: timedelta = timedelta(minutes=10)) -> None:
        self.db, self.client, self.interval, self.now = db, client, interval, now
        self.worker = worker or default_worker_id()
        self.batch, self.lease = batch, lease
        # How often to look for due rows: often enough that a row falls due on time, never busy.
        self.tick = max(1.0, min(60.0, interval / 10))
        self._task: asyncio.Task[None] | None = None

    async def run_once(self) -> int:
        """Claim and read every due request (in batches); returns how many were read."""
        read = 0
        while True:
            claimed = await claim_due(self.db, worker=self.worker, now=self.now(), limit=self.batch, lease=self.lease)
            if not claimed:
                return read
            for item in claimed:
                await self.poll(item)
                read += 1

    async def poll(self, item: Claimed) -> None:
        """Read one claimed request and apply what it says; counted in ``foibot_polls_total``
        (``changed``: new events or a notice; ``ok``: nothing new; ``failed``: the read failed;
        ``skipped``: the lease was lost before the failure could be written)."""
        try:
            got = await self.client.read_request(item.url_title, etag=item.etag, last_modified=item.last_modified, fresh=False)
        except SourceError as exc:
            outcome = await service.apply_problem(self.db, item.request_id, exc, worker=self.worker, interval=self.interval,
                                                  now=self.now())
            metrics.poll_done("wdtk", "skipped" if outcome == "lost" else "failed")
            return
        applied = await service.apply_read(self.db, item.request_id, got.request, worker=self.worker, interval=self.interval,
                                           etag=got.etag, last_modified=got.last_modified, now=self.now())
        if applied.new_events or applied.notices:
            log.info("WDTK %s: %d new event(s), %d notice(s)", item.url_title, applied.new_events, applied.notices)
            metrics.poll_done("wdtk", "changed")
        else:
            metrics.poll_done("wdtk", "ok")

    async def run_forever(self) -> None:
        log.info("WDTK poller %s started (every %.0f s per request)", self.worker, self.interval)
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # supervised: log it and go on
                log.exception("WDTK poll pass failed; trying again in %.0f s", self.tick)
            await asyncio.sleep(self.tick)

    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self.run_forever(), name=f"wdtk-poller-{self.worker}")
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
