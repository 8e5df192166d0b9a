"""The dispatcher against real databases, with a fake of Discord's DM side and a hand-moved clock.

Exactly once with several dispatchers (four on PostgreSQL, two on SQLite, each with its own
engine, as separate processes would have), nothing lost when a dispatcher dies mid-batch,
error 50007, transient failures with capped backoff, and after-downtime supersession.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.models import Alert, UserSettings
from bot.reminders import claims
from bot.reminders.dispatcher import DispatchSettings, Dispatcher, SendResult
from bot.services import users
from tests.conftest import drop_database, make_database
from tests.db.test_alert_support import ALICE, UTC, Clock, FakeDMs, add_request, alerts_of, seed_due_alerts, states

pytestmark = pytest.mark.asyncio

T0 = datetime(2026, 4, 9, 9, 0, tzinfo=UTC)
FAST = DispatchSettings(batch_size=25, lease=timedelta(minutes=5), backoff_base=30, backoff_cap=120, max_attempts=5)
BATCH100 = DispatchSettings(batch_size=100, concurrency=8)


def dispatcher(db, dms, clock, name: str, settings: DispatchSettings = FAST) -> Dispatcher:
    return Dispatcher(db, dms, now=clock, settings=settings, worker=name)


# -- exactly once, in parallel ------------------------------------------------------------------

async def _exactly_once(backend: str, tmp_path: Path, workers: int, count: int) -> None:
    db, schema = await make_database(backend, tmp_path)
    engines = [db] + [(await make_database_like(db)) for _ in range(workers - 1)]
    try:
        ids = await seed_due_alerts(db, count, fire_at=T0 - timedelta(hours=1))
        dms, clock = FakeDMs(), Clock(T0)
        results = await asyncio.gather(*(dispatcher(e, dms, clock, f"w{i}", BATCH100).run_once() for i, e in enumerate(engines)))
        assert sum(results) == count
        assert set(dms.delivered) == set(ids)
        assert set(dms.delivered.values()) == {1}  # each exactly once
        assert await states(db) == {"sent": count}
        async with db.session() as session:
            sent_ids = (await session.exec(select(Alert.sent_message_id))).scalars().all()
        assert len(set(sent_ids)) == count
    finally:
        for extra in engines[1:]:
            await extra.dispose()
        await drop_database(db, schema)


async def make_database_like(db):
    """A second engine on the same database (and schema), as another process would open."""
    from bot.db import Database

    search_path = db.engine.dialect.name == "postgresql"
    if search_path:
        schema = (await _current_schema(db))
        return Database(db.url, connect_args={"server_settings": {"search_path": schema}})
    return Database(db.url)


async def _current_schema(db) -> str:
    async with db.engine.connect() as conn:
        return (await conn.exec_driver_sql("SELECT current_schema()")).scalar()


@pytest.mark.postgres
async def test_four_postgres_dispatchers_deliver_two_thousand_due_alerts_exactly_once(tmp_path: Path) -> None:
    await _exactly_once("postgres", tmp_path, workers=4, count=2000)


async def test_two_sqlite_dispatchers_deliver_two_thousand_due_alerts_exactly_once(tmp_path: Path) -> None:
    await _exactly_once("sqlite", tmp_path, workers=2, count=2000)


# -- a dispatcher killed mid-batch --------------------------------------------------------------

class DiesAfter(FakeDMs):
    """Delivers ``n`` DMs, then hangs for ever on the next (the process is about to be killed)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n
        self.hanging = asyncio.Event()

    async def send(self, context):  # type: ignore[override]
        if sum(self.delivered.values()) >= self.n:
            self.hanging.set()
            await asyncio.Event().wait()
        return await super().send(context)


async def test_a_dispatcher_killed_mid_batch_loses_nothing_once_its_lease_expires(db) -> None:
    ids = await seed_due_alerts(db, 60, fire_at=T0 - timedelta(minutes=1))
    clock = Clock(T0)
    doomed = DiesAfter(10)
    task = asyncio.create_task(dispatcher(db, doomed, clock, "doomed", DispatchSettings(batch_size=30, concurrency=1)).run_once())
    await asyncio.wait_for(doomed.hanging.wait(), 10)
    for _ in range(200):  # let the ten DMs it did send be recorded, as a real one would have
        if (await states(db))["sent"] == 10:
            break
        await asyncio.sleep(0.01)
    task.cancel()  # killed: nothing more is recorded, its claims stay "sending"
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await states(db))["sending"] == 20  # the rest of its batch of 30
    survivor = FakeDMs()
    assert await dispatcher(db, survivor, clock, "survivor").run_once() == 30  # the other batch only
    clock.advance(minutes=5, seconds=1)  # the lease runs out
    assert await dispatcher(db, survivor, clock, "survivor").run_once() == 20
    delivered = doomed.delivered + survivor.delivered
    assert set(delivered) == set(ids) and set(delivered.values()) == {1}
    assert await states(db) == {"sent": 60}


# -- Discord's answers --------------------------------------------------------------------------

async def test_closed_dms_fail_the_alert_without_retrying_and_mark_the_member(db) -> None:
    request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    dms, clock = FakeDMs(script={None: [SendResult.dms_closed()]}), Clock(T0)
    assert await dispatcher(db, dms, clock, "w").run_once() == 0
    overdue = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
    assert (overdue.state, overdue.attempts) == ("failed", 1)
    clock.advance(days=2)
    await dispatcher(db, dms, clock, "w").run_once()
    assert dms.attempts[overdue.id] == 1  # never retried
    async with db.session() as session:
        settings = await session.get(UserSettings, ALICE)
    assert settings.dms_closed and settings.dm_notice_pending
    assert await users.take_dm_notice(db, ALICE) == users.DMS_CLOSED_NOTICE


async def test_transient_failures_retry_with_capped_backoff_then_deliver(db) -> None:
    request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    failures = [SendResult.transient("HTTP 503"), SendResult.transient("timeout"),
                SendResult.transient("rate limited", retry_after=90), SendResult.transient("HTTP 502")]
    dms, clock = FakeDMs(script={None: failures}), Clock(T0)
    delays = []
    for _ in range(4):
        assert await dispatcher(db, dms, clock, "w").run_once() == 0
        alert = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
        assert alert.state == "pending"
        delays.append((alert.fire_at - clock()).total_seconds())
        assert await dispatcher(db, dms, clock, "w").run_once() == 0  # not due again yet
        clock.moment = alert.fire_at
    assert delays == [30, 60, 120, 120]  # doubling, capped at 120 s; never sooner than retry_after
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    alert = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
    assert (alert.state, alert.attempts, alert.sent_message_id) == ("sent", 5, 900_000_000 + alert.id)
    assert len(set(dms.nonces)) == 1  # one delivery: the same nonce on every retry


async def test_an_alert_that_keeps_failing_is_given_up_at_the_attempt_cap(db) -> None:
    request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    dms, clock = FakeDMs(script={None: [SendResult.transient("HTTP 500")] * 10}), Clock(T0)
    for _ in range(FAST.max_attempts):
        await dispatcher(db, dms, clock, "w").run_once()
        clock.advance(hours=1)
    alert = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
    assert (alert.state, alert.attempts, alert.last_error) == ("failed", 5, "HTTP 500")


# -- after downtime ------------------------------------------------------------------------------

async def test_after_downtime_only_the_latest_alert_of_a_request_is_sent(db) -> None:
    planned_at = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    request = await add_request(db, now=planned_at, deadlines={"response_due": "2026-04-08"})
    dms, clock = FakeDMs(), Clock(datetime(2026, 4, 10, 10, 0, tzinfo=UTC))  # down from 1 to 10 April
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    alerts = await alerts_of(db, request.id)
    assert alerts["response_overdue@2026-04-08"].state == "sent"
    for key in ("response_due_soon@2026-04-08", "response_due_today@2026-04-08"):
        assert alerts[key].state == "cancelled" and "superseded" in alerts[key].last_error
    assert alerts["response_very_overdue@2026-04-08"].state == "pending"


async def test_a_window_alert_that_could_not_be_sent_before_its_day_ended_is_dropped(db) -> None:
    request = await add_request(db, now=datetime(2026, 3, 2, tzinfo=UTC), status="rejected",
                                deadlines={"review_request_by": "2026-05-20"})
    clock = Clock(datetime(2026, 5, 21, 9, 0, tzinfo=UTC))
    assert await dispatcher(db, FakeDMs(), clock, "w").run_once() == 0
    alert = (await alerts_of(db, request.id))["review_window_closing@2026-05-20"]
    assert alert.state == "cancelled" and alert.last_error.startswith("expired")


async def test_a_snoozed_alert_is_sent_again_with_a_new_nonce(db) -> None:
    from bot.reminders import outbox

    request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    dms, clock = FakeDMs(), Clock(T0)
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    overdue = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
    async with db.transaction() as session:
        snoozed = await outbox.snooze_alert(session, overdue.id, ALICE, now=clock())
    assert await dispatcher(db, dms, clock, "w").run_once() == 0
    clock.moment = snoozed.fire_at
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    assert dms.nonces == [f"a{overdue.id}d0", f"a{overdue.id}d1"]
    assert all(len(n) <= 25 for n in dms.nonces)


async def test_a_result_arriving_after_the_lease_was_lost_does_not_overwrite_the_new_owner(db) -> None:
    ids = await seed_due_alerts(db, 1, fire_at=T0 - timedelta(minutes=1))
    clock = Clock(T0)
    first = await claims.claim_due(db, worker="slow", now=clock(), limit=5, lease=timedelta(minutes=5))
    clock.advance(minutes=6)
    await claims.release_expired_leases(db, now=clock())
    second = await claims.claim_due(db, worker="fast", now=clock(), limit=5, lease=timedelta(minutes=5))
    assert [c.id for c in first] == [c.id for c in second] == ids
    owned = await claims.record(db, [claims.Outcome(first[0], "failed", error="late")], worker="slow", now=clock())
    assert owned == 0
    async with db.session() as session:
        assert (await session.exec(select(Alert.claimed_by, Alert.state))).one() == ("fast", "sending")


# -- the loop -----------------------------------------------------------------------------------

async def test_the_loop_survives_an_unexpected_error_and_wakes_early_for_a_sooner_local_alert(db, monkeypatch) -> None:
    clock = Clock(T0)
    dms = FakeDMs()
    loop = Dispatcher(db, dms, now=clock, settings=DispatchSettings(poll_interval=60, error_pause=0.01), worker="loop")
    real_claim = claims.claim_batch
    calls = {"n": 0}

    async def flaky_claim(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("database went away for a moment")
        return await real_claim(*args, **kwargs)

    monkeypatch.setattr(claims, "claim_batch", flaky_claim)
    try:
        loop.start()
        await asyncio.sleep(0.3)  # the first pass failed, the second found nothing: sleeping 60 s
        assert calls["n"] >= 2 and loop._task is not None and not loop._task.done()
        request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
        for _ in range(100):  # woken by the commit, long before the 60 s poll
            if dms.delivered:
                break
            await asyncio.sleep(0.02)
        overdue = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
        assert dms.delivered == {overdue.id: 1}
    finally:
        await loop.stop()


async def test_a_member_whose_dms_work_again_is_unmarked_by_the_next_delivery(db) -> None:
    async with db.transaction() as session:
        await users.mark_dms_closed(session, ALICE, now=T0)
    await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    assert await users.take_dm_notice(db, ALICE) == users.DMS_CLOSED_NOTICE  # they used a command
    assert await dispatcher(db, FakeDMs(), Clock(T0), "w").run_once() == 1
    async with db.session() as session:
        assert (await session.get(UserSettings, ALICE)).dms_closed is False
