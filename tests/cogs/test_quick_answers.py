"""Lists answer in the first response when they are ready quickly (one call to Discord, no
"thinking..."), and defer first when they are not, so the 3 s window is never at risk."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from discord import app_commands

from bot.client import FoiBot
from cogs._shared import QUICK_ANSWER_SECONDS, answer_privately
from tests.cogs.conftest import StartBot
from tests.fakediscord import FakeDiscord
from tests.fakediscord.interactions import DEFERRED_MESSAGE, MESSAGE


@pytest.mark.parametrize("command", ["request list", "reminders list", "draft list"])
async def test_a_quick_list_is_the_first_response_itself(fake: FakeDiscord, start_bot: StartBot, command: str) -> None:
    await start_bot()
    ix = await fake.slash(command)
    reply = await ix.reply()
    callback = await ix.response()
    assert callback.type == MESSAGE and callback.ephemeral, f"{command} was answered with {callback}"
    assert reply.ephemeral and (reply.text or reply.embeds)
    assert ix.followup_ids == []
    fake.assert_no_tracebacks()


def add_slow_command(bot: FoiBot, seconds: float, *, fail: bool = False) -> None:
    @app_commands.command(name="slowlist", description="A list that takes a while (test only)")
    async def slowlist(interaction: Any) -> None:
        async def reply() -> dict[str, Any]:
            await asyncio.sleep(seconds)
            if fail:
                raise RuntimeError("the slow list broke")
            return {"content": "here is the slow list"}

        await answer_privately(interaction, reply())

    bot.tree.add_command(slowlist)


async def test_a_slow_answer_is_deferred_first_then_followed_up_privately(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot()
    add_slow_command(bot, QUICK_ANSWER_SECONDS + 0.5)
    await bot.tree.sync()
    ix = await fake.slash("slowlist")
    reply = await ix.reply()
    callback = await ix.response()
    assert callback.type == DEFERRED_MESSAGE and callback.ephemeral
    assert callback.latency < QUICK_ANSWER_SECONDS + 0.4  # the defer did not wait for the answer
    assert reply.text == "here is the slow list" and reply.ephemeral
    fake.assert_no_tracebacks()


async def test_a_slow_answer_that_fails_after_the_defer_gets_the_private_error_message(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot()
    add_slow_command(bot, QUICK_ANSWER_SECONDS + 0.2, fail=True)
    await bot.tree.sync()
    ix = await fake.slash("slowlist")
    reply = await ix.reply()
    assert (await ix.response()).deferred
    assert reply.ephemeral and "slow list broke" not in reply.text
    fake.assert_no_tracebacks()
