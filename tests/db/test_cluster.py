"""Heartbeat rows: each process is seen by the others, one that stops answering is marked stale,
a clean stop leaves no row (on SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from bot.db import Database
from bot.models import ProcessHeartbeat
from bot.services.cluster import Heartbeat, alert_counts, seen_processes

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


async def test_a_process_sees_the_others_and_marks_one_that_stopped_beating_as_stale(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    first = Heartbeat(db, "shard 0 of 2", interval=30, now=clock)
    second = Heartbeat(db, "shard 1 of 2", interval=30, now=clock)
    caplog.set_level(logging.INFO, logger="bot.services.cluster")
    await first.start()
    await second.start()
    assert "runs shard 1 of 2; 1 other process(es)" in caplog.text and "shard 0 of 2" in caplog.text
    seen = await seen_processes(db, now=clock.now, interval=30)
    assert [(p.shards, p.stale) for p in seen] == [("shard 0 of 2", False), ("shard 1 of 2", False)]

    assert first._task is not None
    first._task.cancel()  # the first process is "killed": it no longer beats
    clock.now += timedelta(seconds=89)
    await second.beat()
    assert [p.stale for p in await seen_processes(db, now=clock.now, interval=30)] == [False, False]
    clock.now += timedelta(seconds=2)  # three beats (90 s) without a word
    await second.beat()
    stale = [p for p in await seen_processes(db, now=clock.now, interval=30) if p.stale]
    assert [p.shards for p in stale] == ["shard 0 of 2"] and "STALE" in stale[0].describe(clock.now)
    assert caplog.text.count("WARNING") == 1
    await second.beat()
    assert caplog.text.count("WARNING") == 1  # said once, not at every beat

    await second.stop()
    async with db.read() as session:
        left = (await session.exec(select(ProcessHeartbeat))).all()
    assert [row.shards for row in left] == ["shard 0 of 2"]  # the killed one's row stays, for the operator
    clock.now += timedelta(days=1, seconds=1)
    third = Heartbeat(db, "unsharded", interval=30, now=clock)
    await third.start()
    await third.beat()
    assert [p.shards for p in await seen_processes(db, now=clock.now)] == ["unsharded"]  # forgotten after a day
    await third.stop()
    assert await alert_counts(db) == {}


@pytest.mark.postgres
async def test_statement_cache_size_0_in_the_url_turns_asyncpgs_cache_off_for_pgbouncer() -> None:
    from tests.conftest import postgres_url_or_skip

    url = postgres_url_or_skip()
    db = Database(f"{url}{'&' if '?' in url else '?'}prepared_statement_cache_size=0&statement_cache_size=0")
    try:
        async with db.engine.connect() as conn:
            raw = await conn.get_raw_connection()
            assert (await conn.exec_driver_sql("SELECT 1")).scalar() == 1
            assert raw.driver_connection._stmt_cache.get_max_size() == 0  # type: ignore[union-attr]
        async with db.lock("pgbouncer-check") as held:
            assert held
    finally:
        await db.dispose()
