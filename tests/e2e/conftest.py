"""Fixtures for end-to-end tests: a fresh fake Discord per test and a factory for the real bot.

    async def test_x(fake_discord, bot_process):
        bot = await bot_process()                        # started and ready
        bot = await bot_process(extensions=["tests.e2e.boom_cog"], dev_guild=True)
        await bot.restart()                              # same working dir and database

Each test gets its own SQLite file (``<tmp>/foibot.db``) unless ``database_url`` is given
(``database_url=None`` leaves DATABASE_URL unset, so the bot uses its default in its working
directory). Processes still running at the end of the test are stopped; a failing test shows each
bot's log in its report.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.db import Database
from tests.conftest import postgres_url_or_skip
from tests.e2e.bot_process import DISCORD_ENDPOINTS, FAKE_TOKEN, BotProcess, StartBot, clean_env
from tests.fakediscord import FakeDiscord

log = logging.getLogger(__name__)

_FRESH: Any = object()


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(env_names=DISCORD_ENDPOINTS)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def bot_process(fake_discord: FakeDiscord, tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[StartBot]:
    started: list[BotProcess] = []

    async def start(
        *,
        extensions: Sequence[str] = (),
        dev_guild: bool = False,
        database_url: str | None = _FRESH,
        token: str | None = FAKE_TOKEN,
        env: dict[str, str] | None = None,
        wait: bool = True,
        timeout: float = 30.0,
    ) -> BotProcess:
        """Start ``python -m bot run`` against the fake; returns once it is ready (``wait``)."""
        workdir = tmp_path / f"bot{len(started) + 1}"
        settings = dict(fake_discord.env())
        # The fake sends every server at once: no need for discord.py's 2 s wait for stragglers.
        settings["FOIBOT_GUILD_READY_TIMEOUT"] = "0.1"
        if token is not None:
            settings["DISCORD_TOKEN"] = token
        if database_url is _FRESH:
            settings["DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
        elif database_url is not None:
            settings["DATABASE_URL"] = database_url
        if extensions:
            settings["FOIBOT_EXTRA_EXTENSIONS"] = ",".join(extensions)
        if dev_guild:
            settings["DEV_GUILD_ID"] = str(fake_discord.guild.id)
        settings.update(env or {})
        process = BotProcess(fake_discord, workdir, clean_env(tmp_path / "home", **settings))
        started.append(process)
        fake_discord.add_diagnostic(f"bot log ({workdir.name}, latest lines)", process.log_tail)
        return await process.start(wait=wait, timeout=timeout)

    try:
        yield start
    finally:
        for process in started:
            await process.stop()
            request.node.add_report_section("teardown", f"bot log {process.workdir.name}", process.log_text())


@pytest.fixture
async def postgres_database() -> AsyncIterator[str]:
    """A database of its own on the test PostgreSQL server (each bot process connects by URL, so
    not a schema), dropped afterwards even with processes still connected."""
    base = make_url(postgres_url_or_skip())
    name = f"foibot_e2e_{uuid.uuid4().hex[:10]}"
    admin = Database(base.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    async with admin.engine.connect() as conn:
        await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.engine.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()
