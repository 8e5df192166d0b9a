"""The outbox on SQLite and PostgreSQL: reconcile, snooze, stop, settings, the closed-DMs notice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.errors import BadInput, NotFound
from bot.models import Alert, Request
from bot.reminders import outbox
from bot.reminders.wakeups import wakeups
from bot.services import users
from tests.dbutil import drop_database, fresh_database
from tests.db.test_alert_support import ALICE, BOB, UTC, add_request, alerts_of

pytestmark = pytest.mark.asyncio

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # Mon 2 March 2026, before every alert below
WAITING = {"response_due": "2026-04-08"}  # Wed 8 April 2026


async def reconcile(db, request_id: int, *, now: datetime = T0, **changes) -> outbox.Reconciled:
    async with db.transaction() as session:
        request = await session.get(Request, request_id)
        for name, value in changes.items():
            setattr(request, name, value)
        session.add(request)
        await session.flush()
        return await outbox.reconcile_alerts(session, request, now=now)


async def test_reconciling_inserts_the_ladder_once_and_again_changes_nothing(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    alerts = await alerts_of(db, request.id)
    assert sorted(alerts) == [
        "response_due_soon@2026-04-08", "response_due_today@2026-04-08",
        "response_overdue@2026-04-08", "response_very_overdue@2026-04-08",
    ]
    assert {a.state for a in alerts.values()} == {"pending"}
    assert {a.user_id for a in alerts.values()} == {ALICE}
    again = await reconcile(db, request.id)
    assert again.changed == 0
    assert await alerts_of(db, request.id) == alerts


async def test_a_response_cancels_the_pending_response_alerts_and_leaves_sent_ones_alone(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    async with db.transaction() as session:
        await session.exec(update(Alert).where(Alert.request_id == request.id, Alert.kind == "response_due_soon").values(state="sent"))
    result = await reconcile(db, request.id, status="rejected", deadlines={"review_request_by": "2026-06-03"})
    alerts = await alerts_of(db, request.id)
    assert result.cancelled == 3 and result.inserted == 1
    assert alerts["response_due_soon@2026-04-08"].state == "sent"
    assert {alerts[k].state for k in alerts if k.startswith(("response_due_today", "response_overdue", "response_very"))} == {"cancelled"}
    assert alerts["review_window_closing@2026-06-03"].state == "pending"
    assert len(alerts) == 5  # nothing deleted


async def test_a_clarification_restart_moves_the_ladder_to_the_new_date(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    await reconcile(db, request.id, deadlines={"response_due": "2026-05-13"})
    alerts = await alerts_of(db, request.id)
    assert {k for k, a in alerts.items() if a.state == "pending"} == {
        "response_due_soon@2026-05-13", "response_due_today@2026-05-13",
        "response_overdue@2026-05-13", "response_very_overdue@2026-05-13",
    }
    assert {a.state for k, a in alerts.items() if k.endswith("2026-04-08")} == {"cancelled"}


async def test_a_cancelled_alert_planned_again_is_re_armed(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    await reconcile(db, request.id, status="successful", deadlines={})
    result = await reconcile(db, request.id, status="waiting_response", deadlines=WAITING)
    assert result.revived == 4
    assert {a.state for a in (await alerts_of(db, request.id)).values()} == {"pending"}


async def test_changing_the_time_of_day_moves_pending_alerts_and_disabling_cancels_them(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    async with db.transaction() as session:
        await users.update_settings(session, ALICE, now=T0, time_of_day="18:30", timezone="europe/dublin")
    due_today = (await alerts_of(db, request.id))["response_due_today@2026-04-08"]
    assert due_today.fire_at == datetime(2026, 4, 8, 17, 30, tzinfo=UTC)  # 18:30 IST (summer time)
    async with db.transaction() as session:
        settings = await users.update_settings(session, ALICE, now=T0, enabled=False)
    assert settings.timezone == "Europe/Dublin" and settings.alert_time == "18:30"
    assert {a.state for a in (await alerts_of(db, request.id)).values()} == {"cancelled"}


async def test_a_member_who_never_chose_a_zone_gets_the_zone_the_database_was_built_with(tmp_path) -> None:
    db, schema = await fresh_database("sqlite", tmp_path, default_zone="America/New_York")
    try:
        request = await add_request(db, now=T0, deadlines=WAITING)
        due_today = (await alerts_of(db, request.id))["response_due_today@2026-04-08"]
        assert due_today.fire_at == datetime(2026, 4, 8, 13, 0, tzinfo=UTC)  # 09:00 EDT
        async with db.session() as session:
            assert (await users.get_settings(session, ALICE)).timezone == "America/New_York"
        # The same defaults on the list's Core connection.
        assert (await db.run_read(users.read_settings, ALICE, zone=db.default_zone)).timezone == "America/New_York"
    finally:
        await drop_database(db, schema)


async def test_settings_read_as_rows_are_the_settings_the_member_saved(db) -> None:
    async with db.transaction() as session:
        await users.update_settings(session, ALICE, now=T0, enabled=False, time_of_day="18:30",
                                    timezone="Europe/Dublin", lead_days=5)
    def read(conn):
        return users.read_settings(conn, ALICE, zone="Europe/London"), users.read_settings(conn, BOB, zone="Europe/London")

    saved, never = await db.run_read(read)
    assert (saved.alerts_enabled, saved.alert_time, saved.timezone, saved.lead_days) == (False, "18:30", "Europe/Dublin", 5)
    assert saved.updated_at == T0
    assert (never.user_id, never.alerts_enabled, never.alert_time, never.timezone) == (BOB, True, "09:00", "Europe/London")


async def test_a_bad_setting_saves_nothing(db) -> None:
    with pytest.raises(BadInput, match="not a time of day"):
        async with db.transaction() as session:
            await users.update_settings(session, ALICE, now=T0, enabled=False, time_of_day="25:00")
    async with db.session() as session:
        assert (await users.get_settings(session, ALICE)).alerts_enabled is True


async def test_stopping_alerts_for_a_request_cancels_them_until_resumed(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    async with db.transaction() as session:
        assert await outbox.stop_alerts(session, request.id, ALICE, now=T0) == 4
    assert (await reconcile(db, request.id, deadlines={"response_due": "2026-05-13"})).inserted == 0
    async with db.transaction() as session:
        assert await outbox.alerts_stopped(session, request.id)
        resumed = await outbox.resume_alerts(session, request.id, ALICE, now=T0)
    assert resumed.inserted == 4
    with pytest.raises(NotFound):
        async with db.transaction() as session:
            await outbox.stop_alerts(session, request.id, BOB, now=T0)


async def test_snooze_re_arms_a_sent_alert_three_days_later_on_a_working_day_at_the_members_time(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    overdue = (await alerts_of(db, request.id))["response_overdue@2026-04-08"]
    async with db.transaction() as session:
        await session.exec(update(Alert).where(Alert.id == overdue.id).values(state="sent", deliveries=1))
    clicked = datetime(2026, 4, 9, 8, 5, tzinfo=UTC)  # Thu 9 April: +3 days is Sunday 12th
    async with db.transaction() as session:
        snoozed = await outbox.snooze_alert(session, overdue.id, ALICE, now=clicked)
    assert snoozed.state == "pending" and snoozed.deliveries == 1
    assert snoozed.fire_at == datetime(2026, 4, 13, 8, 0, tzinfo=UTC)  # Mon 13 April 09:00 BST
    # A later reconcile keeps the snoozed moment.
    await reconcile(db, request.id, now=clicked)
    assert (await alerts_of(db, request.id))["response_overdue@2026-04-08"].fire_at == snoozed.fire_at


async def test_snoozing_an_alert_the_request_has_moved_past_is_refused(db) -> None:
    request = await add_request(db, now=T0, deadlines=WAITING)
    due_today = (await alerts_of(db, request.id))["response_due_today@2026-04-08"]
    with pytest.raises(NotFound, match="no longer current"):
        async with db.transaction() as session:
            await outbox.snooze_alert(session, due_today.id, ALICE, now=datetime(2026, 4, 20, tzinfo=UTC))
    with pytest.raises(NotFound):
        async with db.transaction() as session:
            await outbox.snooze_alert(session, due_today.id, BOB, now=T0)


async def test_the_local_dispatcher_is_woken_after_commit_and_not_after_rollback(db) -> None:
    woken: list[datetime] = []
    unsubscribe = wakeups.subscribe(woken.append)
    try:
        request = await add_request(db, now=T0, deadlines=WAITING)
        assert woken == [datetime(2026, 4, 1, 8, 0, tzinfo=UTC)]  # the earliest planned: due soon
        with pytest.raises(RuntimeError):
            async with db.transaction() as session:
                row = await session.get(Request, request.id)
                row.deadlines = {"response_due": "2026-03-18"}
                await outbox.reconcile_alerts(session, row, now=T0)
                raise RuntimeError("the event was refused")
        assert len(woken) == 1
    finally:
        unsubscribe()


async def test_upcoming_alerts_lists_a_members_pending_alerts_soonest_first(db) -> None:
    later = await add_request(db, now=T0, deadlines={"response_due": "2026-05-13"})
    sooner = await add_request(db, now=T0, deadlines=WAITING)
    await add_request(db, now=T0, deadlines=WAITING, owner=BOB)
    upcoming = await db.run_read(outbox.upcoming_alerts, ALICE)
    assert [a.public_id for a in upcoming[:4]] == [sooner.public_id] * 4
    assert [a.public_id for a in upcoming[4:]] == [later.public_id] * 4
    assert [a.fire_at for a in upcoming] == sorted(a.fire_at for a in upcoming)
    assert all(a.fire_at.tzinfo is not None for a in upcoming)  # an instant, shown as a Discord timestamp


async def test_the_closed_dms_notice_is_given_once(db) -> None:
    async with db.transaction() as session:
        await users.mark_dms_closed(session, ALICE, now=T0)
    assert await users.take_dm_notice(db, ALICE) == users.DMS_CLOSED_NOTICE
    assert await users.take_dm_notice(db, ALICE) is None
    assert await users.take_dm_notice(db, BOB) is None
    async with db.transaction() as session:
        await users.mark_dms_open(session, ALICE, now=T0)
    async with db.session() as session:
        assert (await users.get_settings(session, ALICE)).dms_closed is False


async def test_the_tracking_service_plans_alerts_and_a_logged_response_cancels_them(db) -> None:
    from bot.services.requests import NewRequest, Viewer, append_event, create_request

    viewer = Viewer(ALICE)
    detail = await create_request(db, viewer, NewRequest("Anytown Council", "Bin data", date(2026, 3, 2)), now=T0)
    alerts = await alerts_of(db, detail.request.id)
    assert {a.kind for a in alerts.values()} >= {"response_due_today", "response_overdue"}
    assert {a.state for a in alerts.values()} == {"pending"}
    later = T0 + timedelta(days=10)
    await append_event(db, viewer, detail.public_id, "response", details={"outcome": "refused"}, now=later)
    alerts = await alerts_of(db, detail.request.id)
    assert {a.state for a in alerts.values() if a.kind.startswith("response_")} == {"cancelled"}
    assert [a.state for a in alerts.values() if a.kind == "review_window_closing"] == ["pending"]
    async with db.session() as session:
        assert (await session.exec(select(Request.status).where(Request.id == detail.request.id))).scalar() == "rejected"


async def test_deleting_a_request_takes_its_alerts_and_its_stop_with_it(db) -> None:
    from bot.models import AlertMute
    from bot.services.requests import NewRequest, Viewer, create_request, delete_request

    viewer = Viewer(ALICE)
    detail = await create_request(db, viewer, NewRequest("Anytown Council", "Bin data", date(2026, 3, 2)), now=T0)
    async with db.transaction() as session:
        await outbox.stop_alerts(session, detail.request.id, ALICE, now=T0)
    await delete_request(db, viewer, detail.public_id)
    async with db.session() as session:
        assert (await session.exec(select(Alert.id))).all() == []
        assert (await session.exec(select(AlertMute.request_id))).all() == []
