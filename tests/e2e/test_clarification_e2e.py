"""The reminder to clarify end to end (issue 13): the real bot process, its SQLite file, the fake
Discord. A member tracks two requests; on the second, the authority asked for clarification three
working days before the latest working day, which the member records through /request update. With
their time of day at 00:00 the first reminder fell due at the start of that working day: it must
arrive once, about the second request, saying the clock is stopped (FOIA s.1(3), s.10(6)), and the
first request must bring nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import uk_today, utcnow
from bot.db import Database
from bot.law.calendar import calendar_for
from bot.law.regimes import Law
from bot.services import users
from bot.services.requests import NewRequest, Viewer, create_request
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_alerts_e2e import dispatcher_ran

pytestmark = pytest.mark.e2e


async def test_a_second_request_waiting_for_clarification_gets_the_reminder_after_three_working_days(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    alice = fake_discord.alice
    calendar = calendar_for(Law.FOIA)
    today = uk_today()
    latest = today if calendar.is_working_day(today) else calendar.nth_working_day_after(today, -1)
    asked = calendar.nth_working_day_after(latest, -3)
    url = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    db = Database(url)
    try:
        await db.upgrade()
        async with db.transaction() as session:
            await users.update_settings(session, alice.id, now=utcnow(), time_of_day="00:00")
        first = await create_request(db, Viewer(alice.id), NewRequest("Anytown Council", "Bin collection data", today - timedelta(days=2)))
        second = await create_request(db, Viewer(alice.id), NewRequest("Anytown Council", "Pothole repairs", asked - timedelta(days=7)))
    finally:
        await db.dispose()
    bot = await bot_process(database_url=url)
    answered = await (await fake_discord.slash("request update", {
        "request": second.public_id, "event": "clarification_requested", "date": asked.strftime("%d/%m/%Y"),
    }, user=alice)).reply()
    assert answered.ephemeral and second.public_id in answered.text, answered.text
    dm = await fake_discord.wait_for_dm(alice, timeout=15)
    assert "Your clarification is awaited" in dm.text and second.public_id in dm.text, dm.text
    assert "the clock is stopped" in dm.text and "FOIA s.1(3)" in dm.text and "Reminder 1 of 3" in dm.text
    assert first.public_id not in dm.text
    await dispatcher_ran(bot, fake_discord)
    assert len(fake_discord.dms(alice)) == 1, [m.text for m in fake_discord.dms(alice)]
    fake_discord.assert_no_tracebacks()
