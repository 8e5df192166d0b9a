"""Deadline alerts end to end: the real bot process, its SQLite file, and the fake Discord.

Each test logs a request whose response was due on the last working day before the most recent
working day ("yesterday" on a Tuesday to Friday), with the member's time of day set to 00:00, so
its "overdue" alert fell due at 00:00 today (or on the last working day): the bot must send it
within seconds of starting, once, whatever happens around it.
"""

from __future__ import annotations

import asyncio
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import uk_today, utcnow
from bot.db import Database
from bot.law.calendar import calendar_for
from bot.law.regimes import Law
from bot.models import Alert, UserSettings
from bot.services import users
from bot.services.requests import NewRequest, Viewer, create_request
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_models import FakeMessage

pytestmark = pytest.mark.e2e

DM_ROUTE = "POST /channels/{channel_id}/messages"


def due_yesterday() -> tuple[date, date]:
    """(response due, date sent): due on the working day before the latest working day."""
    calendar = calendar_for(Law.FOIA)
    today = uk_today()
    latest = today if calendar.is_working_day(today) else calendar.nth_working_day_after(today, -1)
    due = calendar.nth_working_day_after(latest, -1)
    return due, calendar.nth_working_day_after(due, -20)  # FOIA s.10(1): 20 working days after receipt


async def seed(tmp_path: Path, user_id: int) -> tuple[str, str]:
    """The member's overdue request, logged through the tracking service before the bot starts;
    returns (database url, public id)."""
    url, (public_id,) = await seed_members(tmp_path, [user_id])
    return url, public_id


async def seed_members(tmp_path: Path, user_ids: list[int]) -> tuple[str, list[str]]:
    """``seed`` for several members, one overdue request each; returns (database url, public ids)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    db = Database(url)
    try:
        await db.upgrade()
        due, sent = due_yesterday()
        public_ids = []
        for user_id in user_ids:
            async with db.transaction() as session:
                await users.update_settings(session, user_id, now=utcnow(), time_of_day="00:00")
            detail = await create_request(db, Viewer(user_id), NewRequest("Anytown Council", "Bin collection data", sent))
            assert detail.request.deadlines["response_due"] == due.isoformat()
            public_ids.append(detail.public_id)
        return url, public_ids
    finally:
        await db.dispose()


async def read(url: str, statement):  # type: ignore[no-untyped-def]
    db = Database(url)
    try:
        async with db.session() as session:
            return (await session.exec(statement)).all()
    finally:
        await db.dispose()


def alert_id_of(dm: FakeMessage) -> int:
    ids = [m.group(1) for cid in dm.custom_ids() if (m := re.fullmatch(r"alert:snooze:(\d+)", cid))]
    assert ids, f"no snooze button on the DM: {dm.custom_ids()}"
    return int(ids[0])


async def dispatcher_ran(bot, fake: FakeDiscord) -> None:  # type: ignore[no-untyped-def]
    """Until this run's log shows the dispatcher started, then a moment for its first pass."""
    await fake.wait_for(lambda: "alert dispatcher" in bot.run_log(), timeout=10, what="the alert dispatcher to start")
    await asyncio.sleep(1.0)


async def test_an_overdue_request_gets_one_dm_at_start_up_and_none_again_after_a_restart(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    alice = fake_discord.alice
    url, public_id = await seed(tmp_path, alice.id)
    bot = await bot_process(database_url=url)
    dm = await fake_discord.wait_for_dm(alice, timeout=10)
    assert "overdue" in dm.text.lower() and public_id in dm.text and "FOIA s.10(1)" in dm.text
    alert_id = alert_id_of(dm)
    assert dm.nonce == f"a{alert_id}d0"
    assert {f"alert:{a}:{alert_id}" for a in ("got", "snooze", "stop")} <= set(dm.custom_ids())
    # The outcome is written once Discord has answered the POST, so just after the DM arrives.
    for _ in range(50):
        ((state, message_id),) = await read(url, select(Alert.state, Alert.sent_message_id).where(Alert.id == alert_id))
        if state != "sending":
            break
        await asyncio.sleep(0.1)
    assert (state, message_id) == ("sent", dm.id)

    await bot.restart()
    await dispatcher_ran(bot, fake_discord)
    assert len(fake_discord.dms(alice)) == 1, "the alert was sent again after a restart"

    # The buttons still work after the restart: Snooze 3 days re-arms the alert for later.
    snooze = await fake_discord.click(dm, f"alert:snooze:{alert_id}", user=alice)
    reply = await snooze.reply()
    assert reply.ephemeral and "Snoozed" in reply.text
    ((state, fire_at),) = await read(url, select(Alert.state, Alert.fire_at).where(Alert.id == alert_id))
    assert state == "pending" and (fire_at - utcnow()).days >= 2
    assert len(fake_discord.dms(alice)) == 1

    # "I got a response" records it through the tracking service, which cancels the alert.
    got = await fake_discord.click(dm, f"alert:got:{alert_id}", user=alice)
    question = await got.reply()
    answered = await fake_discord.select(question, "alert:outcome", ["refused"], user=alice)
    assert "Recorded" in (await answered.reply()).text
    ((state,),) = await read(url, select(Alert.state).where(Alert.id == alert_id))
    assert state == "cancelled"
    fake_discord.assert_no_tracebacks()


async def test_closed_dms_are_not_retried_and_the_member_is_told_on_their_next_command(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    alice = fake_discord.alice
    fake_discord.block_dms(alice)
    url, _ = await seed(tmp_path, alice.id)
    await bot_process(database_url=url)
    refused = await fake_discord.wait_for(
        lambda: [r for r in fake_discord.requests_to(DM_ROUTE) if r.status == 403], timeout=10, what="the refused DM"
    )
    # The bot records the refusal just after Discord's 403 reaches it: wait for that write, briefly.
    for _ in range(100):
        ((state, attempts),) = await read(url, select(Alert.state, Alert.attempts).where(Alert.state != "pending"))
        if state != "sending":
            break
        await asyncio.sleep(0.05)
    assert (state, attempts) == ("failed", 1)  # given up at once: no retry is scheduled
    ((closed, pending),) = await read(url, select(UserSettings.dms_closed, UserSettings.dm_notice_pending))
    assert closed and pending

    # A command answered with a form can carry no notice: it waits for the next command.
    form = await fake_discord.slash("draft new", user=alice)
    await form.modal()
    ((pending,),) = await read(url, select(UserSettings.dm_notice_pending))
    assert pending, "the notice was used up by a command that could not show it"

    ix = await fake_discord.slash("reminders list", user=alice)
    listed = await ix.reply()  # the list itself, then the notice in a private followup
    (notice,) = await ix.followups(1)
    assert "error 50007" not in listed.text and "error 50007" in notice.text and notice.ephemeral
    again = await fake_discord.slash("reminders list", user=alice)
    await again.reply()
    await asyncio.sleep(0.5)
    assert not any("50007" in m.text for m in again.visible_messages), "the notice was given twice"
    assert len([r for r in fake_discord.requests_to(DM_ROUTE) if r.status == 403]) == len(refused) == 1

    # Once DMs are open again, /reminders test says so and clears the mark.
    fake_discord.unblock_dms(alice)
    test = await fake_discord.slash("reminders test", user=alice)
    assert "check your DMs" in (await test.reply()).text
    assert "Test alert" in (await fake_discord.wait_for_dm(alice, timeout=10)).text
    ((closed,),) = await read(url, select(UserSettings.dms_closed))
    assert closed is False


async def test_a_rate_limited_dm_is_delayed_not_lost(fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path) -> None:
    alice = fake_discord.alice
    url, public_id = await seed(tmp_path, alice.id)
    fake_discord.fail_next(DM_ROUTE, status=429, times=2, retry_after=0.3)
    await bot_process(database_url=url)
    dm = await fake_discord.wait_for_dm(alice, timeout=15)
    assert public_id in dm.text
    assert [r.status for r in fake_discord.requests_to(DM_ROUTE)][:3] == [429, 429, 200]
    await asyncio.sleep(0.5)
    assert len(fake_discord.dms(alice)) == 1


async def test_a_backlog_of_alerts_goes_out_under_discords_global_rate_limit(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    """After downtime 30 members each have an alert due; opening their DMs and sending them is 60
    requests, which unpaced go out in well under a second. Discord allows 50 a second per token
    (here 20, so the test is short; the bot is told the same limit)."""
    fake_discord.global_rate_limit = 20
    members = [fake_discord.add_user(f"member{i}") for i in range(30)]
    url, _ = await seed_members(tmp_path, [m.id for m in members])
    await bot_process(database_url=url, env={"DISCORD_GLOBAL_RATE_LIMIT": "20"})
    await fake_discord.wait_for(lambda: all(fake_discord.dms(m) for m in members), timeout=60, what="every member's alert")
    assert [len(fake_discord.dms(m)) for m in members] == [1] * 30
    assert not fake_discord.globally_limited, f"{len(fake_discord.globally_limited)} request(s) over the global limit"
    counted = sorted(r.at for r in fake_discord.requests if r.route in (DM_ROUTE, "POST /users/@me/channels"))
    busiest = max(sum(1 for t in counted[i:] if t - start < 1.0) for i, start in enumerate(counted))
    assert busiest <= 20 and len(counted) >= 30
    fake_discord.assert_no_tracebacks()


async def test_reminders_settings_and_list_show_the_members_alerts(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    alice = fake_discord.alice
    url, public_id = await seed(tmp_path, alice.id)
    await bot_process(database_url=url)
    await fake_discord.wait_for_dm(alice, timeout=10)
    choices = await (await fake_discord.autocomplete("reminders settings", "timezone", "europe/lon", user=alice)).choices()
    assert choices[0]["value"] == "Europe/London"
    ix = await fake_discord.slash("reminders settings", {"time": "7:30", "timezone": "Europe/Dublin", "lead_days": 5}, user=alice)
    reply = await ix.reply()
    assert reply.ephemeral and "07:30" in reply.text and "Europe/Dublin" in reply.text
    bad = await fake_discord.slash("reminders settings", {"time": "25:00"}, user=alice)
    assert "not a time of day" in (await bad.reply()).text
    listing = await (await fake_discord.slash("reminders list", user=alice)).reply()
    assert public_id in listing.text and "Response very overdue" in listing.text and "<t:" in listing.text
