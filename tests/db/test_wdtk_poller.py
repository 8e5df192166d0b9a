"""The WhatDoTheyKnow poller: claims, one DM per reply through the outbox, conditional reads,
back-off, manual tracking after a hidden / blocked request, and no polling of finished requests."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.db import Database
from bot.models import Alert, Event, WdtkTrack
from bot.services import Viewer
from bot.services import wdtk as service
from bot.services.wdtk_poll import Poller, claim_due
from bot.sources.polite import PoliteClient
from bot.sources.wdtk import WdtkClient
from tests.fakewdtk import FakeWdtk, cases

T0 = datetime(2026, 1, 19, 9, 0, tzinfo=timezone.utc)
HOUR = 3600.0


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
async def wdtk(fake_wdtk: FakeWdtk):
    client = WdtkClient(PoliteClient(contact="ops@example.org", min_interval=0.0, fresh_for=0.0, backoff_base=0.05), fake_wdtk.base_url)
    yield client
    await client.close()


async def tracked(db: Database, fake: FakeWdtk, client: WdtkClient, payload: dict) -> int:
    fake.requests[payload["url_title"]] = payload
    result = await service.track_url(db, client, Viewer(42), f"{fake.base_url}/request/{payload['url_title']}", interval=HOUR, now=T0)
    return result.detail.request.id  # type: ignore[return-value]


async def notices(db: Database) -> list[tuple[str, str, str]]:
    async with db.engine.connect() as conn:
        rows = (await conn.execute(select(Alert.kind, Alert.deadline_key, Alert.state).where(Alert.kind.like("wdtk_%")))).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


async def track_row(db: Database, request_id: int) -> WdtkTrack:
    async with db.session() as session:
        row = await session.get(WdtkTrack, request_id)
        assert row is not None
        return row


async def test_a_new_reply_puts_exactly_one_notice_in_the_outbox_however_often_it_is_read(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    clock = Clock(T0)
    await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    poller = Poller(db, wdtk, interval=HOUR, now=clock)
    assert await poller.run_once() == 0  # not due yet: nothing read
    fake_wdtk.add_event("asylum_hotel_contracts", cases.response_event(2001, "2026-01-19T11:00:00.000+00:00", incoming=777),
                        awaiting_description=True)
    clock.advance(HOUR * 1.2)
    assert await poller.run_once() == 1
    assert await notices(db) == [("wdtk_response", "in:777", "pending")]
    clock.advance(HOUR * 1.2)
    assert await Poller(db, wdtk, interval=HOUR, now=clock, worker="another").run_once() == 1  # a second process
    assert await notices(db) == [("wdtk_response", "in:777", "pending")]


async def test_a_repeat_read_is_conditional_and_a_304_changes_nothing(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    clock = Clock(T0)
    await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    last = fake_wdtk.request_hits("asylum_hotel_contracts")[-1]
    assert last.headers.get("If-None-Match") and last.status == 304
    assert await notices(db) == []


async def test_a_classified_reply_is_recorded_with_its_outcome_and_a_finished_request_is_never_read_again(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    clock = Clock(T0)
    request_id = await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    fake_wdtk.add_event("asylum_hotel_contracts", cases.response_event(2001, "2026-01-19T11:00:00.000+00:00", incoming=777, state="successful"),
                        described_state="successful")
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    async with db.engine.connect() as conn:
        kinds = (await conn.execute(select(Event.kind).where(Event.request_id == request_id).order_by(Event.id))).scalars().all()
    assert kinds == ["sent", "response"]
    assert (await track_row(db, request_id)).state == "finished"
    hits = len(fake_wdtk.hits)
    clock.advance(HOUR * 30)
    assert await Poller(db, wdtk, interval=HOUR, now=clock).run_once() == 0
    assert len(fake_wdtk.hits) == hits


async def test_an_unclassified_reply_classified_later_is_recorded_then(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    clock = Clock(T0)
    request_id = await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    payload = fake_wdtk.requests["asylum_hotel_contracts"]
    fake_wdtk.add_event("asylum_hotel_contracts", cases.response_event(2001, "2026-01-19T11:00:00.000+00:00", incoming=777))
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    payload["info_request_events"][-1]["calculated_state"] = "rejected"
    payload["described_state"] = "rejected"
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    async with db.engine.connect() as conn:
        rows = (await conn.execute(select(Event.kind, Event.data).where(Event.request_id == request_id).order_by(Event.id))).all()
    assert [(k, d.get("outcome")) for k, d in rows] == [("sent", None), ("response", "refused")]
    assert len(await notices(db)) == 1


@pytest.mark.parametrize(("how", "problem"), [("hidden", "hidden"), ("embargoed", "gone"), ("challenge", "blocked")])
async def test_a_request_that_becomes_unreadable_says_so_once_and_falls_back_to_manual(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient, how: str, problem: str) -> None:
    clock = Clock(T0)
    request_id = await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    fake_wdtk.behave("asylum_hotel_contracts", how)
    for _ in range(3):
        clock.advance(HOUR * 1.2)
        await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    assert await notices(db) == [("wdtk_problem", problem, "pending")]
    row = await track_row(db, request_id)
    assert (row.state, row.problem) == ("manual", problem)
    assert len(fake_wdtk.request_hits("asylum_hotel_contracts")) == 2  # the track's read, then one poll: never again
    async with db.engine.connect() as conn:
        assert (await conn.execute(select(Event.kind).where(Event.request_id == request_id))).scalars().all() == ["sent"]


async def test_a_429_backs_off_for_at_least_retry_after_before_the_next_poll(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    clock = Clock(T0)
    request_id = await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    fake_wdtk.slow_down(times=5, retry_after=1800)
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    row = await track_row(db, request_id)
    assert row.failures == 1 and row.next_poll_at >= clock() + timedelta(seconds=1800) and row.state == "active"
    hits = len(fake_wdtk.hits)
    clock.advance(60)
    assert await Poller(db, wdtk, interval=HOUR, now=clock).run_once() == 0 and len(fake_wdtk.hits) == hits


async def test_polls_are_spread_with_jitter_around_the_interval(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    for n in range(6):
        await tracked(db, fake_wdtk, wdtk, cases.waiting_response(f"req_{n}", id=200 + n))
    async with db.engine.connect() as conn:
        due = (await conn.execute(select(WdtkTrack.next_poll_at))).scalars().all()
    offsets = [(d - T0).total_seconds() for d in due]
    assert all(0.9 * HOUR <= o <= 1.1 * HOUR for o in offsets) and len(set(offsets)) > 1


async def test_two_pollers_claiming_at_once_never_take_the_same_request(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    for n in range(8):
        await tracked(db, fake_wdtk, wdtk, cases.waiting_response(f"req_{n}", id=300 + n))
    later = T0 + timedelta(hours=2)
    a, b = await asyncio.gather(*(claim_due(db, worker=w, now=later, limit=5, lease=timedelta(minutes=5)) for w in ("a", "b")))
    ids_a, ids_b = {c.request_id for c in a}, {c.request_id for c in b}
    assert not ids_a & ids_b and len(ids_a | ids_b) == 8
    assert await claim_due(db, worker="c", now=later, limit=5, lease=timedelta(minutes=5)) == []


async def test_the_planner_never_cancels_a_reply_notice_when_the_member_records_something(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    from bot.services.requests import append_event

    clock = Clock(T0)
    request_id = await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    fake_wdtk.add_event("asylum_hotel_contracts", cases.response_event(2001, "2026-01-19T11:00:00.000+00:00", incoming=777))
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()
    async with db.engine.connect() as conn:
        from bot.models import Request

        public_id = (await conn.execute(select(Request.public_id).where(Request.id == request_id))).scalar_one()
    await append_event(db, Viewer(42), public_id, "response", details={"outcome": "refused"}, now=clock())
    assert await notices(db) == [("wdtk_response", "in:777", "pending")]


def polls_counted() -> dict[str, float]:
    from bot import metrics

    return {result: metrics.REGISTRY.get_sample_value("foibot_polls_total", {"source": "wdtk", "result": result}) or 0.0
            for result in ("ok", "changed", "failed", "skipped")}


async def test_each_poll_is_counted_in_the_operator_metrics_by_what_it_found(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    clock = Clock(T0)
    await tracked(db, fake_wdtk, wdtk, cases.waiting_response())
    before = polls_counted()
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()  # nothing new
    fake_wdtk.add_event("asylum_hotel_contracts", cases.response_event(2001, "2026-01-19T11:00:00.000+00:00", incoming=777),
                        awaiting_description=True)
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()  # a reply
    fake_wdtk.slow_down(times=5, retry_after=1800)
    clock.advance(HOUR * 1.2)
    await Poller(db, wdtk, interval=HOUR, now=clock).run_once()  # a 429
    after = polls_counted()
    assert {result: after[result] - before[result] for result in after} == {"ok": 1, "changed": 1, "failed": 1, "skipped": 0}
