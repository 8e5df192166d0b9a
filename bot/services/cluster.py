"""Every bot process on one database, as the database sees them: a heartbeat row per process.

A shard cluster that dies says nothing, so each process writes its row (host, pid, shards, version,
started) at start and refreshes ``last_seen_at`` every ``interval``; a row not refreshed for
``STALE_AFTER_BEATS`` intervals is a process that stopped (killed, frozen, lost its network). The
logs and ``foibot check`` show them. A clean stop deletes its own row; a stale row is deleted
after a day, so the table holds only what an operator needs to see. Nothing here decides who
does what: work is claimed from the database with leases (alerts) or done under its locks
(``Database.lock``), so a dead process's row is information, never a lock.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import metadata
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update

from bot.clock import utcnow
from bot.models import ProcessHeartbeat

if TYPE_CHECKING:
    from bot.db import Database

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 30.0
STALE_AFTER_BEATS = 3  # a missed beat or two is a busy loop or a slow database; three is a dead process
FORGET_AFTER = timedelta(days=1)


def foibot_version() -> str:
    try:
        return metadata.version("foibot")
    except metadata.PackageNotFoundError:
        return "unknown"


def process_id() -> str:
    """Unique per start: the pid alone repeats after a restart in a container."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(4)}"


@dataclass(frozen=True)
class SeenProcess:
    id: str
    host: str
    pid: int
    shards: str
    version: str
    started_at: datetime
    last_seen_at: datetime
    stale: bool

    def describe(self, now: datetime) -> str:
        ago = max(0, int((now - self.last_seen_at).total_seconds()))
        state = "STALE (stopped answering)" if self.stale else "alive"
        return (f"{self.host} pid {self.pid}: {self.shards}, foibot {self.version}, started "
                f"{self.started_at:%Y-%m-%d %H:%M} UTC, last seen {ago} s ago: {state}")


async def seen_processes(db: Database, *, now: datetime | None = None, interval: float = HEARTBEAT_SECONDS) -> list[SeenProcess]:
    """Every process with a heartbeat row, oldest start first, stale ones marked."""
    now = now or utcnow()
    cutoff = now - timedelta(seconds=interval * STALE_AFTER_BEATS)
    async with db.read() as session:
        rows = (await session.exec(select(ProcessHeartbeat).order_by(ProcessHeartbeat.started_at))).scalars().all()  # type: ignore[call-overload]
    return [SeenProcess(r.id, r.host, r.pid, r.shards, r.version, r.started_at, r.last_seen_at, r.last_seen_at < cutoff)
            for r in rows]


class Heartbeat:
    """This process's row: written at ``start()``, refreshed every ``interval``, deleted at ``stop()``.

    ``on_beat`` (if given) runs after each beat: the metrics use it to refresh database figures.
    """

    def __init__(self, db: Database, shards: str, *, interval: float = HEARTBEAT_SECONDS,
                 now: Callable[[], datetime] = utcnow, on_beat: Callable[[], Awaitable[None]] | None = None) -> None:
        self.db = db
        self.shards = shards
        self.interval = interval
        self.now = now
        self.on_beat = on_beat
        self.id = process_id()
        self._known_stale: set[str] = set()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        moment = self.now()
        host, pid = socket.gethostname()[:64], os.getpid()
        async with self.db.transaction() as session:
            session.add(ProcessHeartbeat(id=self.id, host=host, pid=pid, shards=self.shards, version=foibot_version(),
                                         started_at=moment, last_seen_at=moment))
        others = [p for p in await seen_processes(self.db, now=moment, interval=self.interval) if p.id != self.id]
        log.info("this process (%s) runs %s; %d other process(es) on this database%s", self.id, self.shards, len(others),
                 "".join(f"\n  {p.describe(moment)}" for p in others))
        self._known_stale = {p.id for p in others if p.stale}
        self._task = asyncio.create_task(self._run(), name="heartbeat")

    async def beat(self) -> None:
        moment = self.now()
        async with self.db.transaction() as session:
            await session.exec(update(ProcessHeartbeat).where(ProcessHeartbeat.id == self.id)  # type: ignore[call-overload]
                               .values(last_seen_at=moment))
            await session.exec(delete(ProcessHeartbeat).where(ProcessHeartbeat.last_seen_at < moment - FORGET_AFTER))  # type: ignore[call-overload]
        for process in await seen_processes(self.db, now=moment, interval=self.interval):
            if process.stale and process.id not in self._known_stale:
                log.warning("process %s stopped answering: %s", process.id, process.describe(moment))
                self._known_stale.add(process.id)
            elif not process.stale:
                self._known_stale.discard(process.id)
        if self.on_beat is not None:
            await self.on_beat()

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.beat()
            except asyncio.CancelledError:
                raise
            except Exception:  # a database blip: the next beat tries again
                log.exception("heartbeat failed; trying again in %.0f s", self.interval)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        try:
            async with self.db.transaction() as session:
                await session.exec(delete(ProcessHeartbeat).where(ProcessHeartbeat.id == self.id))  # type: ignore[call-overload]
        except Exception:  # stopping anyway; the row goes stale and is forgotten after a day
            log.warning("could not remove this process's heartbeat row", exc_info=True)


async def alert_counts(db: Database) -> dict[str, int]:
    """Alerts in the shared outbox by state (for the metrics)."""
    from sqlalchemy import func

    from bot.models import Alert

    async with db.read() as session:
        rows = (await session.exec(select(Alert.state, func.count()).group_by(Alert.state))).all()  # type: ignore[call-overload]
    return {state: count for state, count in rows}
