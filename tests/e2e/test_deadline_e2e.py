"""``/deadline`` as a member uses it: in a server and in a DM, with the count behind a button that
still works after a restart, and a private message for a date that cannot be read."""

from __future__ import annotations

import pytest

from tests.e2e.bot_process import StartBot
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

COUNT_BUTTON = "deadline:count:foia:england-and-wales:2022-03-28"


async def test_deadline_gives_the_phso_due_date_and_the_count_survives_a_restart(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    bot = await bot_process()
    # The PHSO request was received on Monday 28 March 2022 (WhatDoTheyKnow thread, acknowledgement:
    # "We aim to issue a full response by 27 April 2022").
    ix = await fake_discord.slash("deadline", {"received": "28/03/2022", "law": "foia"})
    reply = await ix.reply()
    assert "27 April 2022" in reply.text
    assert "<t:" in reply.text and ":D>" in reply.text  # a Discord timestamp, in the reader's own zone
    assert "s.10(1)" in reply.text
    assert COUNT_BUTTON in reply.custom_ids()

    await bot.restart()
    count = await (await fake_discord.click(reply, COUNT_BUTTON)).reply()
    assert count.ephemeral
    assert "Good Friday" in count.text and "Easter Monday" in count.text
    assert "27 April 2022" in count.text

    in_dm = await (await fake_discord.slash("deadline", {"received": "2022-03-28", "law": "foisa", "where": "scotland"}, guild=False)).reply()
    # FOISA s.73: Easter Monday is a working day in Scotland, so the date is one day earlier.
    assert "26 April 2022" in in_dm.text
    fake_discord.assert_no_unknown_routes()


async def test_an_impossible_date_gets_a_private_message_saying_why(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    reply = await (await fake_discord.slash("deadline", {"received": "31/02/2022", "law": "foia"})).reply()
    assert reply.ephemeral
    assert "February 2022 has no day 31" in reply.text
    assert "28/03/2022" in reply.text  # shows a form that works
    fake_discord.assert_no_tracebacks()
