from __future__ import annotations

import asyncio

import pytest

from sqlmodel import select

from bot.models import BotMeta


async def test_concurrent_read_then_write_transactions_queue_instead_of_failing(sqlite_db) -> None:
    """Two transactions that each read a row and then write it: on SQLite a deferred transaction
    would fail with 'database is locked' when its snapshot went stale; both must succeed."""
    async with sqlite_db.transaction() as session:
        session.add(BotMeta(key="counter", value="0"))

    async def increment() -> None:
        async with sqlite_db.transaction() as session:
            row = (await session.exec(select(BotMeta).where(BotMeta.key == "counter"))).one()
            await asyncio.sleep(0.01)  # let the other transaction interleave
            row.value = str(int(row.value) + 1)
            session.add(row)

    await asyncio.gather(*(increment() for _ in range(8)))
    async with sqlite_db.session() as session:
        assert (await session.get(BotMeta, "counter")).value == "8"


async def test_a_failed_transaction_leaves_nothing_behind(db) -> None:
    try:
        async with db.transaction() as session:
            session.add(BotMeta(key="half", value="written"))
            await session.flush()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    async with db.session() as session:
        assert await session.get(BotMeta, "half") is None


async def test_sqlite_reads_complete_while_another_connection_holds_the_write_lock(sqlite_db) -> None:
    """Another process (here: another engine on the same file) is in the middle of a write: the
    services' read paths answer from their snapshot at once instead of queueing behind it (they
    used to take the write lock too, and failed after the 10 s busy timeout)."""
    from datetime import date

    from bot.db import Database
    from bot.services import alerts, drafts, request_list, requests
    from bot.services import Viewer
    from bot.tracking.inputs import NewRequest

    alice = Viewer(1001)
    detail = await requests.create_request(sqlite_db, alice, NewRequest("Anytown Council", "Bin collections", date(2026, 3, 2)))
    writer = Database(sqlite_db.url)
    try:
        async with writer.transaction() as session:
            session.add(BotMeta(key="held", value="by another writer"))
            await session.flush()  # this connection now holds SQLite's write lock
            reads = asyncio.gather(
                requests.get_request(sqlite_db, alice, detail.public_id),
                request_list.list_requests(sqlite_db, alice),
                request_list.search_requests(sqlite_db, alice, "Bin"),
                drafts.list_drafts(sqlite_db, alice),
                alerts.settings_of(sqlite_db, alice.user_id),
                alerts.upcoming(sqlite_db, alice.user_id, limit=16),
            )
            shown, page, found, _, _, (_, upcoming) = await asyncio.wait_for(reads, 5)
            assert {a.public_id for a in upcoming} == {detail.public_id}
            assert shown.public_id == detail.public_id
            assert [s.public_id for s in page.items] == [detail.public_id]
            assert found == [(detail.public_id, "Bin collections")]
    finally:
        await writer.dispose()


@pytest.mark.postgres
async def test_a_read_transaction_refuses_writes_on_postgres_and_leaves_the_pool_writable(tmp_path) -> None:
    from sqlalchemy.exc import DBAPIError

    from tests.conftest import drop_database, make_database

    db, schema = await make_database("postgres", tmp_path, pool_size=1, max_overflow=0)  # one connection, reused
    try:
        with pytest.raises(DBAPIError, match="read-only"):
            async with db.read() as session:
                session.add(BotMeta(key="sneaky", value="write"))
                await session.flush()
        with pytest.raises(DBAPIError, match="read-only"):  # the Core read of the lists, likewise
            await db.run_read(lambda conn: conn.execute(BotMeta.__table__.insert().values(key="sneaky", value="write")))
        async with db.transaction() as session:  # the same connection writes again afterwards
            session.add(BotMeta(key="honest", value="write"))
        async with db.read() as session:
            assert (await session.get(BotMeta, "honest")).value == "write"
            assert await session.get(BotMeta, "sneaky") is None
    finally:
        await drop_database(db, schema)


async def test_run_read_refuses_a_write_on_both_databases_and_the_database_stays_writable(db) -> None:
    from sqlalchemy.exc import DBAPIError

    insert = BotMeta.__table__.insert().values(key="sneaky", value="write")
    with pytest.raises(DBAPIError, match="read-only|readonly"):  # SQLite: query_only; PostgreSQL: READ ONLY
        await db.run_read(lambda conn: conn.execute(insert))
    async with db.transaction() as session:
        session.add(BotMeta(key="honest", value="write"))
    keys = await db.run_read(lambda conn: set(conn.scalars(select(BotMeta.key)).all()))
    assert "honest" in keys and "sneaky" not in keys


async def test_run_read_on_sqlite_reads_one_snapshot_while_another_connection_commits(sqlite_db) -> None:
    """The reader thread's transaction is one WAL snapshot: a commit by another connection between
    its two statements is not seen by the second (a list's page and its count agree)."""
    import sqlite3

    from sqlalchemy import func
    from sqlalchemy.engine import make_url

    async with sqlite_db.transaction() as session:
        session.add(BotMeta(key="first", value="1"))
    path = make_url(sqlite_db.url).database
    count = select(func.count()).select_from(BotMeta)

    def read_twice(conn):
        before = conn.scalar(count)
        other = sqlite3.connect(path)  # another writer, committing in the middle of the read
        with other:
            other.execute("INSERT INTO bot_meta (key, value, updated_at) VALUES ('second', '2', '2026-12-03 12:00:00')")
        other.close()
        return before, conn.scalar(count)

    before, after = await sqlite_db.run_read(read_twice)
    assert after == before
    assert await sqlite_db.run_read(lambda conn: conn.scalar(count)) == before + 1  # the next read sees it


async def test_run_read_on_sqlite_keeps_the_event_loop_free_while_a_read_waits(sqlite_db) -> None:
    """The read runs on a reader thread: while it is busy, the event loop keeps running."""
    import threading

    release = threading.Event()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while not release.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    def slow(conn) -> bool:
        release.wait(5)
        return conn.scalar(select(BotMeta.key).limit(1)) is None

    ticker = asyncio.create_task(tick())
    read = asyncio.ensure_future(sqlite_db.run_read(slow))
    await asyncio.sleep(0.3)
    assert not read.done() and ticks >= 10
    release.set()
    assert await asyncio.wait_for(read, 5) is True
    await ticker


async def test_an_authority_name_that_folding_lengthens_is_stored_on_both_databases(db) -> None:
    """Audit defect 6: 150 'ß' fold to 300 characters, past name_key's varchar(200) on PostgreSQL."""
    from datetime import date

    from bot.services import Viewer, requests
    from bot.services.authorities import search_authorities
    from bot.tracking.inputs import NewRequest

    detail = await requests.create_request(db, Viewer(1001), NewRequest("Straße " + "ß" * 150, "Bins", date(2026, 3, 2)))
    assert detail.public_id
    assert len(await search_authorities(db, "straße ßß")) == 1
    assert await search_authorities(db, "ß" * 100_000) == []  # a huge search is cut, not a too-complex LIKE
