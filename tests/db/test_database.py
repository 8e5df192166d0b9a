from __future__ import annotations

import asyncio

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
