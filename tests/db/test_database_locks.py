"""``Database.lock``: one holder at a time across processes (separate engines here, as separate
processes have; real subprocesses for migrations), released on error and on cancellation."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.db import Database, lock_key
from tests.conftest import drop_database, make_database


async def another_process(db: Database) -> Database:
    """A second engine on the same database (and schema), as another process would open."""
    if db.dialect == "postgresql":
        async with db.engine.connect() as conn:
            schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar()
        return Database(db.url, connect_args={"server_settings": {"search_path": schema}})
    return Database(db.url)


async def test_a_held_lock_is_refused_to_a_second_holder_until_it_is_released(db) -> None:
    other = await another_process(db)
    try:
        async with db.lock("digest") as first:
            assert first is True
            async with other.lock("digest", wait=False) as second:
                assert second is False
            async with other.lock("another name", wait=False) as unrelated:
                assert unrelated is True  # names are separate locks
        async with other.lock("digest", wait=False) as after:
            assert after is True
    finally:
        await other.dispose()


async def test_a_lock_is_released_when_its_block_raises(db) -> None:
    with pytest.raises(RuntimeError):
        async with db.lock("digest"):
            raise RuntimeError("boom")
    other = await another_process(db)
    try:
        async with other.lock("digest", wait=False) as held:
            assert held is True
    finally:
        await other.dispose()


async def test_a_waiting_holder_gets_the_lock_once_the_first_lets_go(db) -> None:
    other = await another_process(db)
    order: list[str] = []
    release = asyncio.Event()
    first_in = asyncio.Event()

    async def first() -> None:
        async with db.lock("migrations"):
            order.append("first in")
            first_in.set()
            await release.wait()
            order.append("first out")

    async def second() -> None:
        await first_in.wait()
        async with other.lock("migrations") as held:
            assert held is True
            order.append("second in")

    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    try:
        await first_in.wait()
        await _until_someone_waits(db, "migrations", tasks[1])
        assert order == ["first in"]
        release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
        assert order == ["first in", "first out", "second in"]
    finally:
        for task in tasks:
            task.cancel()
        await other.dispose()


async def _until_someone_waits(db: Database, name: str, waiter: asyncio.Task[None]) -> None:
    """Until the waiter is queued on the lock (PostgreSQL shows it in pg_locks; SQLite's in-process
    lock has no such view, so there a few turns of the loop let it reach the lock)."""
    if db.dialect != "postgresql":
        for _ in range(20):
            await asyncio.sleep(0)
        return
    key = await _key_of(db, name)
    for _ in range(500):
        async with db.engine.connect() as conn:
            waiting = (await conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                "AND ((classid::bigint << 32) | objid::bigint) = (:key & x'ffffffffffffffff'::bigint)"
            ), {"key": key})).scalar()
        if waiting:
            return
        assert not waiter.done()
        await asyncio.sleep(0.01)
    raise AssertionError("the second holder never queued on the lock")


async def _key_of(db: Database, name: str) -> int:
    async with db.engine.connect() as conn:
        schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar()
    return lock_key(f"{schema}:{name}")


async def test_a_holder_cancelled_while_waiting_leaves_the_lock_free_for_the_next(db) -> None:
    other = await another_process(db)
    try:
        async with db.lock("digest"):
            waiter = asyncio.create_task(_hold(other, "digest"))
            await _until_someone_waits(db, "digest", waiter)
            waiter.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiter
        async with other.lock("digest", wait=False) as held:
            assert held is True
        async with db.lock("digest", wait=False) as held_again:
            assert held_again is True
    finally:
        await other.dispose()


async def _hold(db: Database, name: str) -> None:
    async with db.lock(name):
        await asyncio.Event().wait()


@pytest.mark.postgres
async def test_postgres_locks_take_no_pooled_connection_and_do_not_cross_schemas(tmp_path: Path) -> None:
    db, schema = await make_database("postgres", tmp_path, pool_size=1, max_overflow=0)
    elsewhere, other_schema = await make_database("postgres", tmp_path)
    try:
        async with db.lock("digest"), db.transaction() as session:  # the one pooled connection is free
            assert (await session.exec(text("SELECT 1"))).scalar() == 1
            async with elsewhere.lock("digest", wait=False) as held:
                assert held is True  # another foibot in another schema is not blocked
    finally:
        await drop_database(elsewhere, other_schema)
        await drop_database(db, schema)


def test_lock_keys_are_stable_signed_64_bit_numbers() -> None:
    # Every process must compute the same key: a digest, never Python's per-process hash().
    assert lock_key("public:migrations") == lock_key("public:migrations")
    assert lock_key("public:migrations") != lock_key("public:digest")
    assert -(2**63) <= lock_key("x" * 1000) < 2**63
