"""/reminders list with many alerts and long, markdown-heavy titles: within 2000 characters, escaped."""

from __future__ import annotations

import pytest

from bot.clock import uk_today
from tests.e2e.bot_process import StartBot
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e


async def test_a_long_list_of_alerts_fits_one_message_and_shows_titles_as_written(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    today = uk_today().strftime("%d/%m/%Y")
    for n in range(16):
        options = {"authority": "Anytown Council", "name": "Jo Bloggs"}
        first = await (await fake_discord.slash("request log", options)).reply() if n == 0 else None
        if first is not None:  # the first time, foibot asks where the new authority is
            form = await fake_discord.select(first, "req:division", ["england-and-wales"])
        else:
            form = await fake_discord.slash("request log", options)
        title = f"**Request {n:02d}** about bins_and_recycling_collections_in_every_ward_of_the_borough"
        logged = await (await fake_discord.submit_modal(form, {"title": title, "sent_on": today})).reply()
        assert "Logged as" in logged.text
    listed = await (await fake_discord.slash("reminders list")).reply()
    assert listed.ephemeral and len(listed.content) <= 2000
    assert "…and more later" in listed.content
    assert "\\*\\*Request 00\\*\\*" in listed.content and "**Request 00**" not in listed.content
    fake_discord.assert_no_tracebacks()
