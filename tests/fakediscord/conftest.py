"""Fixtures for the fake's own tests: a started fake, and the mini bot connected to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from discord.ext import commands

from tests.fakediscord.mini_bot import running_mini_bot
from tests.fakediscord.server import FakeDiscord


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as started:
        yield started


@pytest.fixture
async def mini_bot(fake: FakeDiscord) -> AsyncIterator[commands.Bot]:
    async with running_mini_bot(fake) as bot:
        yield bot
