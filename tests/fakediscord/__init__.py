"""A protocol-level fake Discord for testing a discord.py bot without a network or a token.

An aiohttp HTTP API (``/api/v10``) and gateway websocket on 127.0.0.1 that speak Discord's wire
formats, hold a small world (servers, channels, members, DMs), act as members (slash commands,
buttons, selects, forms) and record everything the bot sends. It knows nothing of the bot it
tests: the bot's environment variable names for the fake's addresses are passed in
(``EnvNames``). ``server.py`` explains how to use it; ``test_fake.py`` and ``test_shards.py``
are its own tests, driven by the in-process ``mini_bot``.
"""

from tests.fakediscord.interactions import CallbackRecord, InteractionRecord
from tests.fakediscord.models import FakeChannel, FakeFile, FakeGuild, FakeMember, FakeMessage, FakeRole, FakeUser
from tests.fakediscord.server import EnvNames, FakeDiscord
from tests.fakediscord.wire import RequestRecord

__all__ = [
    "CallbackRecord",
    "EnvNames",
    "FakeChannel",
    "FakeDiscord",
    "FakeFile",
    "FakeGuild",
    "FakeMember",
    "FakeMessage",
    "FakeRole",
    "FakeUser",
    "InteractionRecord",
    "RequestRecord",
]
