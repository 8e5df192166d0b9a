"""A form left open across a restart, or a menu whose view died with it: the member gets a private
answer instead of "This interaction failed", and a form's text comes back to them."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.bot_process import StartBot
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

QUESTIONS = "1. How many potholes were reported to the council between 1 April 2025 and 31 March 2026?"


async def test_a_form_submitted_after_a_restart_hands_back_what_was_typed(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    bot = await bot_process()
    opened = await fake_discord.slash("draft new")
    await opened.modal()
    await bot.restart()
    submitted = await fake_discord.submit_modal(opened, {"authority": "Anytown Council", "subject": "Potholes",
                                                         "questions": QUESTIONS, "requester_name": "Jo Bloggs"})
    reply = await submitted.reply()
    assert reply.ephemeral and "That form has expired" in reply.text
    typed = reply.files["what-you-typed.txt"].decode("utf-8")
    assert QUESTIONS in typed and "Jo Bloggs" in typed
    fake_discord.assert_no_tracebacks()


async def test_a_menu_whose_view_died_with_a_restart_says_so(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    bot = await bot_process()
    picker = await (await fake_discord.slash("request log", {"authority": "Nowhere Parish Council"})).reply()
    await bot.restart()
    picked = await (await fake_discord.select(picker, "req:division", ["england-and-wales"])).reply()
    assert picked.ephemeral and "has expired" in picked.text and "run the command again" in picked.text


async def test_a_live_button_is_answered_by_its_own_handler_only(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    reply = await (await fake_discord.slash("deadline", {"received": "28/03/2022", "law": "foia"})).reply()
    count = await fake_discord.click(reply, "deadline:count:foia:england-and-wales:2022-03-28")
    assert "Good Friday" in (await count.reply()).text
    await asyncio.sleep(3)  # past the safety net's grace: it must not answer a second time
    assert not any("expired" in m.text for m in count.visible_messages)


async def test_the_part_of_the_uk_menu_opens_one_form_only(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    picker = await (await fake_discord.slash("request log", {"authority": "Elsewhere Town Council"})).reply()
    first = await fake_discord.select(picker, "req:division", ["england-and-wales"])
    await first.modal()
    second = await (await fake_discord.select(picker, "req:division", ["scotland"])).reply()
    assert second.ephemeral and "has expired" in second.text
