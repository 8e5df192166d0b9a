"""foibot as shard clusters: SHARD_COUNT and SHARD_IDS against the fake Discord's shards.

Discord: ``shard_id = (guild_id >> 22) % num_shards``, DMs on shard 0, at most 2,500 servers a
shard, else the gateway closes with 4011 "Sharding required"
(https://discord.com/developers/docs/events/gateway#sharding).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from tests.e2e.bot_process import StartBot
from tests.fakediscord import FakeDiscord

log = logging.getLogger(__name__)

pytestmark = pytest.mark.e2e


async def test_a_shard_count_discord_refuses_stops_start_up_with_one_line(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    fake_discord.max_guilds_per_shard = 1
    fake_discord.add_guild("Second Server", owner=fake_discord.owner)
    bot = await bot_process(env={"SHARD_COUNT": "1"}, wait=False)
    assert bot.proc is not None
    status = await asyncio.wait_for(bot.proc.wait(), timeout=30)
    lines = bot.run_log().strip().splitlines()
    assert status == 2, bot.run_log()
    assert lines[-1].startswith("foibot: Discord refused SHARD_COUNT=1: a shard would hold more than 2,500 servers")
    assert "Traceback" not in bot.run_log()
    assert fake_discord.gateway.identifies[-1]["shard"] == [0, 1]
