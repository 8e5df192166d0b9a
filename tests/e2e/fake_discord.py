"""The fake Discord (``tests.fakediscord``) as foibot's end-to-end tests use it: ``env()`` gives
the variables foibot reads (``FOIBOT_DISCORD_API_BASE``, ``FOIBOT_DISCORD_GATEWAY``), named by the
bot launcher (``tests.e2e.bot_process.DISCORD_ENDPOINTS``), not by the fake."""

from __future__ import annotations

from typing import Any

from tests.e2e.bot_process import DISCORD_ENDPOINTS
from tests.fakediscord import server
from tests.fakediscord.models import FakeChannel, FakeFile, FakeGuild, FakeMember, FakeMessage, FakeRole, FakeUser

__all__ = ["FakeChannel", "FakeDiscord", "FakeFile", "FakeGuild", "FakeMember", "FakeMessage", "FakeRole", "FakeUser"]


class FakeDiscord(server.FakeDiscord):
    def __init__(self, **options: Any) -> None:
        options.setdefault("env_names", DISCORD_ENDPOINTS)
        super().__init__(**options)
