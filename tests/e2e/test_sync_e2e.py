"""``python -m bot sync``: registering commands on purpose (a deploy step), and what ``run`` does
after it: nothing, because the registered payload's hash is already in the database."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from tests.e2e.bot_process import FAKE_TOKEN, StartBot, clean_env
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

GLOBAL_PUT = "PUT /applications/{application_id}/commands"
GUILD_PUT = "PUT /applications/{application_id}/guilds/{guild_id}/commands"


async def run_sync(fake: FakeDiscord, tmp_path: Path, *args: str, **settings: str) -> tuple[int, str]:
    env = clean_env(tmp_path / "home", DISCORD_TOKEN=FAKE_TOKEN, **fake.env(), **settings)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "sync", *args, cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode or 0, out.decode()


async def test_sync_to_one_server_registers_there_and_never_logs_the_token(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    code, output = await run_sync(fake_discord, tmp_path, "--guild", str(fake_discord.guild.id), DATABASE_URL=database, LOG_LEVEL="DEBUG")
    assert code == 0, output
    assert f"in server {fake_discord.guild.id}" in output
    assert len(fake_discord.requests_to(GUILD_PUT)) == 1 and not fake_discord.requests_to(GLOBAL_PUT)
    names = {c["name"] for c in fake_discord.registered_commands(fake_discord.guild)}
    assert {"help", "deadline", "request", "reminders"} <= names
    assert FAKE_TOKEN not in output  # not even at DEBUG, where discord.py logs its requests
    assert fake_discord.gateway.identify_count == 0, "sync must not connect to the gateway"


async def test_after_a_global_sync_run_registers_nothing(fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    code, output = await run_sync(fake_discord, tmp_path, DATABASE_URL=database)
    assert code == 0, output
    assert len(fake_discord.requests_to(GLOBAL_PUT)) == 1
    bot = await bot_process(database_url=database)
    assert len(fake_discord.requests_to(GLOBAL_PUT)) == 1, "run registered again after sync had"
    assert FAKE_TOKEN not in bot.log_text()
