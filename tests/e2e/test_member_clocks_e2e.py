"""A member's own reminder end to end (issue 15): the real bot process, its SQLite file, the fake
Discord. The reminder, set yesterday for today, is due at the member's time of day (00:00 here,
so already due): it must arrive once, with the member's words, and not again after a restart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import uk_today, utcnow
from bot.db import Database
from bot.services import users
from bot.services.requests import NewRequest, Viewer, append_event, create_request
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_alerts_e2e import dispatcher_ran

pytestmark = pytest.mark.e2e


async def seed(tmp_path: Path, user_id: int) -> tuple[str, str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    db = Database(url)
    try:
        await db.upgrade()
        async with db.transaction() as session:
            await users.update_settings(session, user_id, now=utcnow(), time_of_day="00:00")
        today = uk_today()
        detail = await create_request(db, Viewer(user_id), NewRequest("Anytown Council", "Bin collection data", today - timedelta(days=5)))
        await append_event(db, Viewer(user_id), detail.public_id, "reminder", on=today - timedelta(days=1),
                           details={"remind_on": today, "about": "they promised publication today"})
        return url, detail.public_id
    finally:
        await db.dispose()


async def test_a_members_own_reminder_arrives_once_on_its_day(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    alice = fake_discord.alice
    url, public_id = await seed(tmp_path, alice.id)
    bot = await bot_process(database_url=url)
    dm = await fake_discord.wait_for_dm(alice, timeout=10)
    assert "Your reminder" in dm.text and "they promised publication today" in dm.text and public_id in dm.text
    await bot.restart()
    await dispatcher_ran(bot, fake_discord)
    assert len(fake_discord.dms(alice)) == 1, "the reminder was sent again"
    fake_discord.assert_no_tracebacks()


async def test_a_refusal_for_future_publication_recorded_in_discord_brings_the_check_on_its_day(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    """The member records a s.22 refusal with its date through /request update (FOIA s.22: information
    intended for future publication); the check is planned from it and its DM arrives once, on the day,
    with the review letter and a new request one click away."""
    alice = fake_discord.alice
    url = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    db = Database(url)
    try:
        await db.upgrade()
        async with db.transaction() as session:
            await users.update_settings(session, alice.id, now=utcnow(), time_of_day="00:00")
        today = uk_today()
        detail = await create_request(db, Viewer(alice.id), NewRequest("Anytown Council", "Air quality report", today - timedelta(days=5)))
    finally:
        await db.dispose()
    bot = await bot_process(database_url=url)
    answered = await (await fake_discord.slash("request update", {
        "request": detail.public_id, "event": "response", "date": (today - timedelta(days=1)).strftime("%d/%m/%Y"),
        "outcome": "refused", "exemptions": "s.22", "publication_date": today.strftime("%d/%m/%Y"),
    }, user=alice)).reply()
    assert answered.ephemeral and "Refused" in answered.text, answered.text
    dm = await fake_discord.wait_for_dm(alice, timeout=15)
    assert "Check it was published" in dm.text and detail.public_id in dm.text
    assert any(cid.startswith("alert:review:") for cid in dm.custom_ids()), dm.custom_ids()
    assert any(cid.startswith("alert:ask:") for cid in dm.custom_ids()), dm.custom_ids()
    await dispatcher_ran(bot, fake_discord)
    assert len([m for m in fake_discord.dms(alice) if "Check it was published" in m.text]) == 1
    fake_discord.assert_no_tracebacks()
