"""The audit's alert faults (issue #11), against real databases with a hand-moved clock: a row of
an unknown kind set aside on its own, a dispatcher paused past its lease sends nothing, a rate
limit longer than the lease rescheduled, outcomes recorded with retry, a graceful stop gives back
its claims, closed DMs stop further claims; and all of it at once with several dispatchers."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import discord
import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from bot.models import Alert
from bot.reminders import claims
from bot.reminders.dispatcher import DispatchSettings, Dispatcher
from bot.reminders.sender import classify
from bot.services import users
from tests.conftest import drop_database, make_database
from tests.db.test_alert_support import ALICE, UTC, Clock, FakeDMs, add_request, alerts_of, seed_due_alerts, states
from tests.db.test_alerts_dispatch import make_database_like

T0 = datetime(2026, 4, 9, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=3)
QUICK = DispatchSettings(batch_size=20, lease=LEASE, concurrency=2, record_pause=0.01)


def dispatcher(db, dms, clock, name: str, settings: DispatchSettings = QUICK) -> Dispatcher:
    return Dispatcher(db, dms, now=clock, settings=settings, worker=name)


async def set_kind(db, alert_id: int, kind: str) -> None:
    async with db.transaction() as session:
        await session.exec(update(Alert).where(Alert.id == alert_id).values(kind=kind))


class LeaseWatch(FakeDMs):
    """Discord's side, which also checks at each POST that the alert's lease is still live in the
    database (a POST after its lease is the duplicate the audit saw)."""

    def __init__(self, db, clock, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.db, self.clock = db, clock
        self.after_lease: list[int] = []

    async def send(self, context):  # type: ignore[override]
        async with self.db.read() as session:
            state, lease_until = (await session.exec(select(Alert.state, Alert.lease_until).where(Alert.id == context.alert_id))).one()
        if state != "sending" or lease_until is None or lease_until < self.clock():
            self.after_lease.append(context.alert_id)
        return await super().send(context)


async def test_an_alert_of_an_unknown_kind_is_set_aside_alone_and_its_batch_is_sent(db) -> None:
    """Before: kind_named raised inside the claim and the whole batch stayed 'sending' for ever."""
    ids = await seed_due_alerts(db, 10, fire_at=T0 - timedelta(minutes=1))
    await set_kind(db, ids[3], "kind_from_a_newer_foibot")
    dms, clock = FakeDMs(), Clock(T0)
    assert await dispatcher(db, dms, clock, "w").run_once() == 9
    assert set(dms.delivered) == set(ids) - {ids[3]}
    async with db.read() as session:
        held = (await session.exec(select(Alert).where(Alert.id == ids[3]))).scalars().one()
    assert (held.state, held.attempts, held.claimed_by) == ("held", 0, None)
    assert "unknown alert kind" in held.last_error
    clock.advance(hours=1)
    assert await dispatcher(db, dms, clock, "w").run_once() == 0  # not claimed again, not retried
    assert await states(db, [ids[3]]) == {"held": 1}
    await set_kind(db, ids[3], "response_overdue")  # a version that knows the kind takes it back
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    assert dms.delivered[ids[3]] == 1


async def test_a_dispatcher_paused_past_its_lease_sends_nothing_when_it_wakes(db) -> None:
    """Before: nothing checked the lease before sending, so the paused process sent a second DM."""
    ids = await seed_due_alerts(db, 5, fire_at=T0 - timedelta(minutes=1))
    clock = Clock(T0)
    paused = dispatcher(db, LeaseWatch(db, clock), clock, "paused")
    batch, info = await claims.claim_batch(db, worker="paused", now=clock(), limit=20, lease=LEASE)
    clock.advance(seconds=LEASE.total_seconds() + 1)  # SIGSTOP'd past its lease
    survivor_dms = LeaseWatch(db, clock)
    assert await dispatcher(db, survivor_dms, clock, "survivor").run_once() == 5
    assert await paused.deliver(batch, info) == 0  # SIGCONT: it finds its lease gone
    assert paused.sender.attempts == {}  # type: ignore[attr-defined]
    assert set(survivor_dms.delivered) == set(ids) and survivor_dms.after_lease == []


async def test_a_rate_limit_longer_than_the_lease_reschedules_the_alert_after_the_retry_after(db) -> None:
    """discord.py raises RateLimited (max_ratelimit_timeout is set) instead of sleeping inside the
    claim; the alert goes back to pending, due after Discord's retry-after."""
    from bot.client import MAX_RATELIMIT_WAIT

    assert MAX_RATELIMIT_WAIT < DispatchSettings().lease.total_seconds()
    request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    limited = classify(discord.RateLimited(600.0))
    dms, clock = FakeDMs(script={None: [limited]}), Clock(T0)
    assert await dispatcher(db, dms, clock, "w").run_once() == 0
    alert = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
    assert (alert.state, alert.fire_at) == ("pending", T0 + timedelta(seconds=600))
    clock.moment = alert.fire_at
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    assert len(set(dms.nonces)) == 1


def test_the_bot_gives_discord_py_a_rate_limit_wait_shorter_than_the_alert_lease(tmp_path: Path) -> None:
    from bot.client import MAX_RATELIMIT_WAIT, FoiBot
    from bot.config import Settings
    from bot.db import Database

    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    bot = FoiBot(Settings(), db, services=False)
    assert bot.http.max_ratelimit_timeout == MAX_RATELIMIT_WAIT


async def test_outcomes_whose_first_write_fails_are_written_on_a_retry(db, monkeypatch) -> None:
    """Before: the outcomes were cleared before writing and a failed write dropped them, so the
    DMs went out again after the lease."""
    ids = await seed_due_alerts(db, 4, fire_at=T0 - timedelta(minutes=1))
    real_record = claims.record
    failures = {"left": 2}

    async def flaky_record(*args, **kwargs):  # the database going away for a moment
        if failures["left"]:
            failures["left"] -= 1
            raise OperationalError("UPDATE alerts", {}, ConnectionResetError("connection reset"))
        return await real_record(*args, **kwargs)

    monkeypatch.setattr(claims, "record", flaky_record)
    dms = FakeDMs()
    assert await dispatcher(db, dms, Clock(T0), "w").run_once() == 4
    assert await states(db, ids) == {"sent": 4}


async def test_a_graceful_stop_finishes_what_is_in_flight_and_gives_back_the_rest(db) -> None:
    """Before: stop() cancelled the loop and every claim stayed 'sending' until its lease ran out."""
    ids = await seed_due_alerts(db, 20, fire_at=T0 - timedelta(minutes=1))
    started = asyncio.Event()

    class Slow(FakeDMs):
        async def send(self, context):  # type: ignore[override]
            started.set()
            await asyncio.sleep(0.05)
            return await super().send(context)

    dms = Slow()
    loop = Dispatcher(db, dms, now=Clock(T0), settings=DispatchSettings(batch_size=20, concurrency=1, lease=timedelta(seconds=30)),
                      worker="stopping")
    loop.start()
    await asyncio.wait_for(started.wait(), 10)
    await loop.stop(grace=10)
    counts = await states(db, ids)
    assert counts["sending"] == 0
    assert counts["sent"] == sum(dms.delivered.values()) >= 1
    assert counts["sent"] + counts["pending"] == 20
    async with db.read() as session:
        given_back = (await session.exec(select(Alert.attempts).where(Alert.state == "pending"))).scalars().all()
    assert set(given_back) <= {0}  # the attempt was never made, so it is not counted


async def test_closed_dms_stop_further_claims_until_the_member_uses_a_command(db) -> None:
    """Before: each new alert for a member with closed DMs cost another 403."""
    async with db.transaction() as session:
        await users.mark_dms_closed(session, ALICE, now=T0 - timedelta(days=1))
    request = await add_request(db, now=T0 - timedelta(days=30), deadlines={"response_due": "2026-04-08"})
    dms, clock = FakeDMs(), Clock(T0)
    assert await dispatcher(db, dms, clock, "w").run_once() == 0
    assert dms.attempts == {}
    assert await claims.next_fire_at(db) is None  # nothing to wake up for, either
    assert await users.take_dm_notice(db, ALICE) == users.DMS_CLOSED_NOTICE  # a command: told, then tried again
    assert await dispatcher(db, dms, clock, "w").run_once() == 1
    assert (await alerts_of(db, request.id))["response_overdue@2026-04-08"].state == "sent"


# -- all at once, several dispatchers ------------------------------------------------------------

async def _chaos(backend: str, tmp_path: Path, workers: int) -> None:
    """``workers`` dispatchers, each on its own engine as separate processes have, over 120 due
    alerts and one of an unknown kind: one killed mid-batch (SIGKILL), one stopped gracefully
    (SIGTERM), one paused past its lease (SIGSTOP, then SIGCONT), and a 429 longer than the lease.
    Every alert is delivered exactly once, none is POSTed after its lease, one nonce per alert."""
    db, schema = await make_database(backend, tmp_path)
    engines = [db] + [await make_database_like(db) for _ in range(workers - 1)]
    try:
        ids = await seed_due_alerts(db, 120, fire_at=T0 - timedelta(minutes=1))
        await set_kind(db, ids[0], "kind_from_a_newer_foibot")
        clock = Clock(T0)
        dms = LeaseWatch(db, clock, script={ids[7]: [classify(discord.RateLimited(LEASE.total_seconds() * 10))]})

        # SIGSTOP: claims a batch, then is paused past its lease.
        paused = dispatcher(engines[1 % workers], dms, clock, "paused")
        stopped_batch, stopped_info = await claims.claim_batch(engines[1 % workers], worker="paused", now=clock(),
                                                               limit=20, lease=LEASE)
        # SIGKILL: claims a batch and dies with nothing recorded.
        await claims.claim_batch(engines[0], worker="killed", now=clock(), limit=20, lease=LEASE)
        # SIGTERM: a looping dispatcher stopped gracefully as soon as it has sent something.
        graceful = dispatcher(engines[-1], dms, clock, "sigterm")
        graceful.start()
        for _ in range(500):
            if dms.delivered:
                break
            await asyncio.sleep(0.01)
        await graceful.stop(grace=10)
        clock.advance(seconds=LEASE.total_seconds() + 1)  # the killed and the paused leases run out
        survivors = [dispatcher(e, dms, clock, f"w{i}") for i, e in enumerate(engines)]
        await asyncio.gather(*(s.run_once() for s in survivors))
        assert await paused.deliver(stopped_batch, stopped_info) == 0  # SIGCONT: its lease is gone
        clock.advance(minutes=10)  # past the rate limit's retry-after (and the backoff, which may be longer)
        await asyncio.gather(*(s.run_once() for s in survivors))

        expected = set(ids) - {ids[0]}
        assert set(dms.delivered) == expected, (expected - set(dms.delivered), set(dms.delivered) - expected, await states(db))
        assert set(dms.delivered.values()) == {1}
        assert dms.after_lease == []
        nonces_per_alert: dict[int, set[str]] = {}
        for nonce in dms.nonces:
            alert_id = int(nonce[1:].split("d")[0])
            nonces_per_alert.setdefault(alert_id, set()).add(nonce)
        assert all(len(n) == 1 for n in nonces_per_alert.values())
        assert await states(db) == {"sent": 119, "held": 1}
    finally:
        for extra in engines[1:]:
            await extra.dispose()
        await drop_database(db, schema)


@pytest.mark.postgres
async def test_four_postgres_dispatchers_survive_kill_stop_pause_rate_limit_and_an_unknown_kind(tmp_path: Path) -> None:
    await _chaos("postgres", tmp_path, workers=4)


async def test_two_sqlite_dispatchers_survive_kill_stop_pause_rate_limit_and_an_unknown_kind(tmp_path: Path) -> None:
    await _chaos("sqlite", tmp_path, workers=2)
