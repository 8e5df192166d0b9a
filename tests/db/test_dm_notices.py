"""The closed-DMs notice gate (``users.DmNotices``): the notice still reaches the member once,
on their next command, while members with no notice cost no query at all.

Two gates on two engines over one database stand for two bot processes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot.models import UserSettings
from bot.reminders.dispatcher import SendResult
from bot.services import users
from tests.db.test_alert_support import ALICE, UTC, Clock, FakeDMs, add_request
from tests.db.test_alerts_dispatch import dispatcher, make_database_like

pytestmark = pytest.mark.asyncio

T0 = datetime(2026, 4, 9, 9, 0, tzinfo=UTC)
BOB = ALICE + 1


class Ticks:
    """A hand-moved monotonic clock for the gate's refresh."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every statement any engine in this process runs while the test does (on SQLite the lists'
    reads go through a reader engine of their own, beside the async one)."""
    seen: list[str] = []

    def record(*args) -> None:
        seen.append(args[2])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


async def close_dms(db, user_id: int) -> None:
    async with db.transaction() as session:
        await users.mark_dms_closed(session, user_id, now=T0)


async def test_members_without_a_notice_cost_no_query_between_refreshes(db, statements) -> None:
    ticks = Ticks()
    gate = users.DmNotices(db, refresh=2.0, clock=ticks)
    assert await gate.take(ALICE) is None  # the first command reads the pending set
    read_once = len(statements)
    assert read_once >= 1
    for _ in range(50):
        assert await gate.take(ALICE) is None
        assert await gate.take(BOB) is None
    assert len(statements) == read_once, "a member with no notice waiting cost a query"
    ticks.now += 2.0
    assert await gate.take(ALICE) is None
    assert len(statements) > read_once  # stale: read again


async def test_a_notice_marked_by_another_process_shows_after_the_next_refresh_and_only_once(db) -> None:
    other = await make_database_like(db)
    try:
        ticks = Ticks()
        here, there = users.DmNotices(db, refresh=2.0, clock=ticks), users.DmNotices(other, refresh=2.0, clock=ticks)
        assert await here.take(ALICE) is None and await there.take(ALICE) is None
        await close_dms(other, ALICE)  # the other process's dispatcher met error 50007
        assert await here.take(ALICE) is None  # not yet known here: the set is fresh
        ticks.now += 2.0
        assert await here.take(ALICE) == users.DMS_CLOSED_NOTICE
        assert await here.take(ALICE) is None
        assert await there.take(ALICE) is None  # the other process knows it but it was taken once already
        async with db.session() as session:
            settings = await session.get(UserSettings, ALICE)
        assert settings.dms_closed and not settings.dm_notice_pending
    finally:
        await other.dispose()


async def test_this_process_s_dispatcher_tells_the_gate_at_once(db) -> None:
    ticks = Ticks()
    gate = users.DmNotices(db, refresh=3600.0, clock=ticks)
    assert await gate.take(ALICE) is None  # fresh for an hour from now on
    await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    dms = FakeDMs(script={None: [SendResult.dms_closed()]})
    loop = dispatcher(db, dms, Clock(T0), "w")
    loop.dms_closed = gate.expect
    await loop.run_once()
    assert await gate.take(ALICE) == users.DMS_CLOSED_NOTICE  # without waiting for a refresh
    assert await gate.take(ALICE) is None
