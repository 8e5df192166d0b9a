"""Input a member can type that must never break a request's messages or lose what they typed."""

from __future__ import annotations

import pytest

from tests.e2e.bot_process import StartBot
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

# A title of the maximum length whose every other character is markdown: escaping doubles it.
MARKDOWN_TITLE = ("ward_1_" * 29)[:200]


async def log_request(fake: FakeDiscord, title: str) -> str:
    picker = await (await fake.slash("request log", {"authority": "Anytown Council", "name": "Jo Bloggs"})).reply()
    picked = await fake.select(picker, "req:division", ["england-and-wales"])
    logged = await (await fake.submit_modal(picked, {"title": title, "sent_on": "02/03/2026"})).reply()
    assert "Logged as" in logged.text, logged.text
    return logged.content.split("**")[1]


async def test_a_title_full_of_markdown_still_shows_within_discords_limits(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    public_id = await log_request(fake_discord, MARKDOWN_TITLE)
    shown = await (await fake_discord.slash("request show", {"request": public_id})).reply()
    [embed] = shown.embeds
    assert len(embed["title"]) <= 256 and embed["title"].startswith(public_id)
    assert "\\_" in embed["title"], "the title's markdown is shown as written, not as formatting"
    fake_discord.assert_no_tracebacks()


async def test_an_update_whose_form_could_not_hold_the_note_is_refused_before_anything_is_typed(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    await bot_process()
    public_id = await log_request(fake_discord, "Bin collections")
    ix = await fake_discord.slash("request update", {"request": public_id, "event": "response", "date": "10/03/2026",
                                                     "note": "They sent three PDFs"})
    reply = await ix.reply()
    assert reply.ephemeral and "`outcome:`" in reply.text and "`note:`" in reply.text
    shown = await (await fake_discord.slash("request show", {"request": public_id})).reply()
    assert "• <t:" in shown.text and "Response:" not in shown.text  # the timeline holds only "Sent": nothing recorded


async def test_a_name_too_long_for_letters_is_refused_by_discord_before_the_form(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    with pytest.raises(AssertionError, match="outside 1..100"):
        await fake_discord.slash("request log", {"authority": "Anytown Council", "name": "N" * 101})
