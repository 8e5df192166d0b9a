"""A real FoiBot in this process, its cogs loaded, answering interactions the fake Discord builds.

The bot logs in over REST only (``/users/@me`` and the application, on the fake); there is no
gateway. A member's action (``fake.slash``, ``fake.click``, ``fake.submit_modal``) builds the
INTERACTION_CREATE payload Discord would send, and ``deliver`` turns it into a real
``discord.Interaction`` handed to the command tree or the view store, as discord.py's
``ConnectionState.parse_interaction_create`` does with a gateway event. The bot's answers
(callbacks, followups, edits) go over HTTP to the fake, which records them.

    async def test_x(fake, start_bot):
        await start_bot()
        reply = await (await fake.slash("deadline", {...}, guild=False)).reply()
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.client import FoiBot
from bot.config import Settings
from bot.db import Database
from tests.conftest import make_database
from tests.dbutil import drop_database
from tests.fakediscord import FakeDiscord

log = logging.getLogger(__name__)

TOKEN = "MTA1MDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"  # shaped like a token

StartBot = Callable[..., Awaitable[FoiBot]]


def deliver(bot: FoiBot, payload: dict[str, Any]) -> discord.Interaction[FoiBot]:
    """A gateway INTERACTION_CREATE, as discord.py's ``ConnectionState.parse_interaction_create``
    handles it: a real Interaction, to the tree (commands, autocomplete), to the view store
    (buttons, selects) or to the form that is waiting for it (modal submit)."""
    state = bot._connection
    interaction: discord.Interaction[FoiBot] = discord.Interaction(data=payload, state=state)  # type: ignore[arg-type]
    data = payload["data"]
    if payload["type"] in (2, 4):
        bot.tree._from_interaction(interaction)
    elif payload["type"] == 3:
        state._view_store.dispatch_view(data["component_type"], data["custom_id"], interaction)
    elif payload["type"] == 5:
        state._view_store.dispatch_modal(data["custom_id"], interaction, data["components"], data.get("resolved", {}))
    bot.dispatch("interaction", interaction)
    return interaction


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(default_timeout=10.0)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def start_bot(fake: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[StartBot]:
    """Start a FoiBot (services off: no background loops) on a fresh SQLite file (``migrate=False``:
    an empty one, for a database that fails), its commands registered with the fake."""
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    started: list[tuple[FoiBot, Database, str | None]] = []

    async def start(*, migrate: bool = True) -> FoiBot:
        directory = tmp_path / f"bot{len(started)}"
        directory.mkdir()
        db, schema = await make_database("sqlite", directory, migrate=migrate)
        bot = FoiBot(Settings(DISCORD_TOKEN=TOKEN), db, services=False)
        started.append((bot, db, schema))
        await bot.login(TOKEN)  # REST only; setup_hook loads every cog
        await bot.tree.sync()  # the fake learns the commands, as Discord would
        fake.deliver = lambda payload: deliver(bot, payload)
        return bot

    try:
        yield start
    finally:
        fake.deliver = None
        for bot, db, schema in started:
            await bot.close()
            await drop_database(db, schema)
