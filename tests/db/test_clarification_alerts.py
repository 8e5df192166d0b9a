"""While the authority waits for the member's clarification, through the tracking service into the
alert outbox (SQLite and PostgreSQL): the reminders are planned from the question, and the member's
answer (or withdrawing the part asked about) cancels those still pending and plans the new
deadline's alerts (FOIA s.1(3), s.10(6))."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import update
from sqlmodel import select

from bot.db import Database
from bot.models import Alert, Event, Follow, Request
from bot.reminders import outbox
from bot.services import Viewer
from bot.services.requests import NewRequest, append_event, create_request
from tests.db.test_alert_support import add_request

pytestmark = pytest.mark.asyncio

ME = Viewer(user_id=111, guild_id=9000)
REMINDERS = ("clarification_reminder_1", "clarification_reminder_2", "clarification_reminder_3")


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


async def _alerts(db: Database, public_id: str) -> dict[str, Alert]:
    async with db.read() as session:
        request = (await session.exec(select(Request).where(Request.public_id == public_id))).one()
        rows = (await session.exec(select(Alert).where(Alert.request_id == request.id))).all()
    return {f"{a.kind}@{a.deadline_on.isoformat()}": a for a in rows}


async def _asked(db: Database, *, partial: bool = False) -> str:
    """A request sent Mon 2 Nov 2026; the authority asked for clarification on Thu 5 Nov."""
    detail = await create_request(db, ME, NewRequest("Anytown Council", "Bin collection data", "2/11/2026"),
                                  now=at(date(2026, 11, 2)))
    await append_event(db, ME, detail.public_id, "clarification_requested", on="5/11/2026",
                       details={"partial": partial}, now=at(date(2026, 11, 5)))
    return detail.public_id


async def test_a_request_for_clarification_plans_three_reminders_and_stops_the_response_alerts(db: Database) -> None:
    public_id = await _asked(db)
    alerts = await _alerts(db, public_id)
    pending = {key: a.fire_at.replace(tzinfo=timezone.utc) for key, a in alerts.items() if a.state == "pending"}
    # Three working days after Thu 5 Nov is Tue 10 Nov, then weekly; 09:00 in London is 09:00 UTC (GMT).
    assert pending == {
        "clarification_reminder_1@2026-11-05": at(date(2026, 11, 10), 9),
        "clarification_reminder_2@2026-11-05": at(date(2026, 11, 17), 9),
        "clarification_reminder_3@2026-11-05": at(date(2026, 11, 24), 9),
    }
    # The clock is stopped: the first 20 working days' alerts are cancelled, not deleted.
    assert {a.state for key, a in alerts.items() if key.startswith("response_")} == {"cancelled"}


async def test_the_members_clarification_cancels_the_pending_reminders_and_plans_the_new_deadline(db: Database) -> None:
    public_id = await _asked(db)
    first = (await _alerts(db, public_id))["clarification_reminder_1@2026-11-05"]
    async with db.transaction() as session:  # the dispatcher sent the first reminder on Tue 10 Nov
        await session.exec(update(Alert).where(Alert.id == first.id).values(state="sent", sent_at=at(date(2026, 11, 10), 9)))
    detail = await append_event(db, ME, public_id, "clarification_sent", on="12/11/2026", now=at(date(2026, 11, 12)))
    due = date.fromisoformat(detail.request.deadlines["response_due"])
    alerts = await _alerts(db, public_id)
    assert alerts["clarification_reminder_1@2026-11-05"].state == "sent"  # what was sent stays sent
    assert alerts["clarification_reminder_2@2026-11-05"].state == "cancelled"
    assert alerts["clarification_reminder_3@2026-11-05"].state == "cancelled"
    # FOIA s.10(6): the clarification's day is the new date of receipt, so the ladder counts from it.
    assert due > date(2026, 12, 1)
    assert alerts[f"response_due_today@{due.isoformat()}"].state == "pending"
    assert alerts[f"response_overdue@{due.isoformat()}"].state == "pending"


async def test_withdrawing_the_part_asked_about_ends_the_wait_and_its_reminders(db: Database) -> None:
    public_id = await _asked(db, partial=True)
    before = await _alerts(db, public_id)
    assert {before[f"{kind}@2026-11-05"].state for kind in REMINDERS} == {"pending"}
    # The rest of the request kept its first date meanwhile (the PHSO case).
    assert any(key.startswith("response_due_today@") and a.state == "pending" for key, a in before.items())
    await append_event(db, ME, public_id, "part_withdrawn", on="9/11/2026", details={"questions": "2"},
                       now=at(date(2026, 11, 9)))
    after = await _alerts(db, public_id)
    assert {after[f"{kind}@2026-11-05"].state for kind in REMINDERS} == {"cancelled"}
    assert any(key.startswith("response_due_today@") and a.state == "pending" for key, a in after.items())


async def test_a_second_round_of_questions_plans_its_own_reminders(db: Database) -> None:
    public_id = await _asked(db)
    await append_event(db, ME, public_id, "clarification_sent", on="9/11/2026", now=at(date(2026, 11, 9)))
    await append_event(db, ME, public_id, "clarification_requested", on="16/11/2026", now=at(date(2026, 11, 16)))
    alerts = await _alerts(db, public_id)
    assert {alerts[f"{kind}@2026-11-05"].state for kind in REMINDERS} == {"cancelled"}
    assert {alerts[f"{kind}@2026-11-16"].state for kind in REMINDERS} == {"pending"}
    # Mon 16 Nov + 3 working days: Thu 19 Nov.
    assert alerts["clarification_reminder_1@2026-11-16"].fire_at.replace(tzinfo=timezone.utc) == at(date(2026, 11, 19), 9)


async def test_a_member_following_a_shared_request_gets_its_deadlines_but_not_the_reminders_to_clarify(db: Database) -> None:
    # Only part was asked about on Thu 5 Nov 2026; the rest stays due Wed 2 Dec 2026.
    request = await add_request(db, now=at(date(2026, 11, 5)), deadlines={"response_due": "2026-12-02"},
                                status="waiting_clarification", reconcile=False)
    async with db.transaction() as session:
        row = await session.get(Request, request.id)
        assert row is not None
        row.visibility = "server"
        session.add(row)
        session.add(Event(request_id=request.id, kind="clarification_requested", occurred_on=date(2026, 11, 5), data={"partial": True}))
        session.add(Follow(request_id=request.id, user_id=222))
        await session.flush()
        await outbox.reconcile_alerts(session, row, now=at(date(2026, 11, 5)))
    async with db.read() as session:
        rows = (await session.exec(select(Alert).where(Alert.request_id == request.id, Alert.state == "pending"))).all()
    owner = {a.kind for a in rows if a.user_id == request.owner_id}
    follower = {a.kind for a in rows if a.user_id == 222}
    assert set(REMINDERS) <= owner and "response_due_today" in owner
    assert "response_due_today" in follower and not set(REMINDERS) & follower
