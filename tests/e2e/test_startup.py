"""The real bot, started the way a host starts it, against the fake Discord.

Discord's daily limit on command creates (error 30034, discord.py#9439) is why a restart with
unchanged commands must not register them again; a member must never see a traceback, and an
error after a public "thinking..." placeholder must still reach them privately (Discord keeps the
deferral's visibility for the first followup: discord-api-docs#2742).
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.boom_cog import BAD_INPUT_TEXT, SECRET_DETAIL
from tests.e2e.bot_process import FAKE_TOKEN, StartBot, clean_env
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_interactions import InteractionRecord
from tests.e2e.fake_models import FakeMessage

log = logging.getLogger(__name__)

pytestmark = pytest.mark.e2e

GLOBAL_PUT = "PUT /applications/{application_id}/commands"
GUILD_PUT = "PUT /applications/{application_id}/guilds/{guild_id}/commands"


async def private_answer(fake: FakeDiscord, ix: InteractionRecord) -> FakeMessage:
    """The member's private (ephemeral) answer, checking nothing public says anything meanwhile."""

    answer = await fake.wait_for(lambda: next((m for m in ix.visible_messages if m.ephemeral and m.text), None),
                                 timeout=10, what=f"a private answer to {ix.label}")
    public = [str(m) for m in ix.visible_messages if not m.ephemeral and m.text]
    assert not public, f"{ix.label}: the error was shown publicly: {public}"
    return answer


async def test_with_only_a_token_the_bot_starts_registers_once_and_answers_help(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    bot = await bot_process(database_url=None)  # no DATABASE_URL: the default, in the working directory
    assert fake_discord.command_puts == 1
    assert len(fake_discord.requests_to(GLOBAL_PUT)) == 1
    names = {c["name"] for c in fake_discord.registered_commands()}
    assert "help" in names

    reply = await (await fake_discord.slash("help")).reply()
    assert reply.ephemeral
    for name in names - {"help"}:
        assert f"/{name}" in reply.text, f"/help does not mention /{name}:\n{reply.text}"

    await bot.restart()
    assert fake_discord.command_puts == 1, "an unchanged command set was registered again on restart"
    again = await (await fake_discord.slash("help")).reply()
    assert again.ephemeral and again.text == reply.text
    assert fake_discord.gateway.identify_count == 2
    fake_discord.assert_no_unknown_routes()
    fake_discord.assert_no_tracebacks()


async def test_with_dev_guild_id_commands_are_registered_in_that_server_only(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    await bot_process(dev_guild=True, extensions=["tests.e2e.boom_cog"])
    assert fake_discord.requests_to(GLOBAL_PUT) == []
    assert len(fake_discord.requests_to(GUILD_PUT)) == 1
    names = {c["name"] for c in fake_discord.registered_commands(fake_discord.guild)}
    assert {"help", "boom"} <= names
    reply = await (await fake_discord.slash("help")).reply()
    assert "/boom" in reply.text
    fake_discord.assert_no_unknown_routes()


@pytest.mark.parametrize("token", [None, "", "not-a-token"], ids=["missing", "blank", "malformed"])
def test_run_without_a_usable_token_exits_2_with_one_line_naming_the_token_and_env_file(tmp_path: Path, token: str | None) -> None:
    settings = {} if token is None else {"DISCORD_TOKEN": token}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=clean_env(tmp_path, **settings),
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{done.stderr}"
    assert "DISCORD_TOKEN" in lines[0] and ".env" in lines[0]
    assert FAKE_TOKEN not in done.stderr and "Traceback" not in done.stderr


async def test_errors_reach_the_member_privately_whether_or_not_the_command_deferred(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    bot = await bot_process(extensions=["tests.e2e.boom_cog"])
    for defer in ("no", "private"):
        crash = await fake_discord.slash("boom crash", {"defer": defer})
        answer = await private_answer(fake_discord, crash)
        assert SECRET_DETAIL not in answer.text and "RuntimeError" not in answer.text

        bad = await fake_discord.slash("boom bad", {"defer": defer}, guild=False)
        answer = await private_answer(fake_discord, bad)
        assert BAD_INPUT_TEXT in answer.text

    assert SECRET_DETAIL not in fake_discord.received_text()
    fake_discord.assert_no_tracebacks()
    fake_discord.assert_no_unknown_routes()
    assert SECRET_DETAIL in bot.log_text(), "an unexpected error must be logged for the developers"


async def test_an_error_after_a_public_defer_is_shown_only_to_the_member(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    # The first followup after a defer fills the "thinking..." placeholder and keeps its
    # visibility, so the error path has to remove a public placeholder before answering privately.
    await bot_process(extensions=["tests.e2e.boom_cog"])
    crash = await fake_discord.slash("boom crash", {"defer": "public"})
    answer = await private_answer(fake_discord, crash)
    assert SECRET_DETAIL not in answer.text
    bad = await fake_discord.slash("boom bad", {"defer": "public"})
    assert BAD_INPUT_TEXT in (await private_answer(fake_discord, bad)).text
    fake_discord.assert_no_tracebacks()
