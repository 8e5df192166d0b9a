"""Forms through real interactions: `/request log` opens its form, and what the member submits is
saved (or, when wrong, said plainly and nothing saved)."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.client import FoiBot
from bot.models import Request
from tests.cogs.conftest import StartBot
from tests.fakediscord import FakeDiscord

PHSO = "Parliamentary and Health Service Ombudsman"  # in foibot's built-in list: the form opens at once


async def _requests(bot: FoiBot) -> int:
    async with bot.db.read() as session:
        return int(await session.scalar(select(func.count()).select_from(Request)) or 0)


async def test_the_log_form_saves_the_request_and_answers_privately_with_its_id(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot()
    opened = await fake.slash("request log", {"authority": PHSO}, guild=False)
    assert (await opened.modal())["title"] == "Log a request you sent"
    logged = await (await fake.submit_modal(opened, {"title": "Number of caseworkers", "sent_on": "28/03/2022"})).reply()
    assert logged.ephemeral and logged.text.startswith("Logged as **")
    assert "Number of caseworkers" in logged.text
    assert await _requests(bot) == 1


async def test_a_form_with_a_date_that_does_not_exist_says_so_privately_and_saves_nothing(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot()
    opened = await fake.slash("request log", {"authority": PHSO}, guild=False)
    refused = await (await fake.submit_modal(opened, {"title": "Number of caseworkers", "sent_on": "31/02/2022"})).reply()
    assert refused.ephemeral and "February 2022 has no day 31" in refused.text
    assert await _requests(bot) == 0
    fake.assert_no_tracebacks()
