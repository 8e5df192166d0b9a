"""The fake's shards, as Discord's gateway docs describe them ("Sharding",
https://discord.com/developers/docs/events/gateway#sharding): IDENTIFY with ``shard: [id, count]``,
READY and GUILD_CREATE for that shard's servers only, a server's events on shard
``(guild_id >> 22) % count``, DMs on shard 0, and the close codes for a shard Discord refuses.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp
import pytest

from tests.fakediscord import FakeDiscord
from tests.fakediscord.gateway import INVALID_SHARD, SHARDING_REQUIRED, shard_of
from tests.fakediscord.mini_bot import running_mini_bot

log = logging.getLogger(__name__)


async def identify(fake: FakeDiscord, shard: list[int] | None) -> tuple[list[dict[str, Any]], int | None]:
    """Connect a raw websocket, IDENTIFY (with ``shard`` if given) and collect the dispatches
    until the last GUILD_CREATE or a close; returns (frames, close code)."""
    frames: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as http, http.ws_connect(fake.gateway_url) as ws:
        hello = json.loads((await ws.receive()).data)
        assert hello["op"] == 10
        data: dict[str, Any] = {"token": "Bot x", "intents": 1, "properties": {}}
        if shard is not None:
            data["shard"] = shard
        await ws.send_str(json.dumps({"op": 2, "d": data}))
        expected: int | None = None
        while expected is None or len(frames) < expected:
            msg = await ws.receive(timeout=5)
            if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                return frames, ws.close_code
            frame = json.loads(msg.data)
            frames.append(frame)
            if frame["t"] == "READY":
                expected = 1 + len(frame["d"]["guilds"])
        return frames, None


def two_shard_world(fake: FakeDiscord) -> dict[int, list[int]]:
    """Two new servers on each shard of 2, besides the default one (on either)."""
    for index, shard in enumerate((0, 0, 1, 1)):
        fake.add_guild(f"Server {index}", owner=fake.owner, shard=(shard, 2))
    by_shard: dict[int, list[int]] = {0: [], 1: []}
    for guild_id in fake.guilds:
        by_shard[shard_of(guild_id, 2)].append(guild_id)
    return by_shard


def test_ids_made_for_a_shard_land_on_it_by_discords_formula() -> None:
    fake = FakeDiscord()
    for count in (1, 2, 3, 16):
        for shard in range(count):
            guild = fake.add_guild("s", owner=fake.owner, shard=(shard, count))
            assert (guild.id >> 22) % count == shard == shard_of(guild.id, count)
    assert shard_of(None, 16) == 0


async def test_each_shard_gets_ready_and_guild_create_for_its_own_servers_only(fake: FakeDiscord) -> None:
    by_shard = two_shard_world(fake)
    for shard in (0, 1):
        frames, closed = await identify(fake, [shard, 2])
        assert closed is None
        ready, *creates = frames
        assert ready["t"] == "READY" and ready["d"]["shard"] == [shard, 2]
        assert sorted(int(g["id"]) for g in ready["d"]["guilds"]) == sorted(by_shard[shard])
        assert [f["t"] for f in creates] == ["GUILD_CREATE"] * len(by_shard[shard])
        assert sorted(int(f["d"]["id"]) for f in creates) == sorted(by_shard[shard])


async def test_an_identify_without_a_shard_is_shard_0_of_1_with_every_server(fake: FakeDiscord) -> None:
    two_shard_world(fake)
    frames, _ = await identify(fake, None)
    assert frames[0]["d"]["shard"] == [0, 1] and len(frames[0]["d"]["guilds"]) == len(fake.guilds)


async def test_a_shard_id_outside_the_count_is_closed_with_4010(fake: FakeDiscord) -> None:
    for shard in ([2, 2], [0, 0], [-1, 2]):
        frames, closed = await identify(fake, shard)
        assert (frames, closed) == ([], INVALID_SHARD)


async def test_too_many_servers_on_one_shard_is_closed_with_4011(fake: FakeDiscord) -> None:
    fake.max_guilds_per_shard = 2
    by_shard = two_shard_world(fake)  # 5 servers: 3 on one shard of 2, 2 on the other
    crowded = max(by_shard, key=lambda shard: len(by_shard[shard]))
    assert (await identify(fake, [0, 1]))[1] == SHARDING_REQUIRED
    assert (await identify(fake, [crowded, 2]))[1] == SHARDING_REQUIRED
    assert (await identify(fake, [1 - crowded, 2]))[1] is None


async def test_gateway_bot_recommends_a_shard_per_thousand_servers(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{fake.api_base}/gateway/bot", headers={"Authorization": "Bot x"}) as response:
            assert (await response.json())["shards"] == 1
        for index in range(1000):
            fake.add_guild(f"s{index}", owner=fake.owner)
        async with http.get(f"{fake.api_base}/gateway/bot", headers={"Authorization": "Bot x"}) as response:
            assert (await response.json())["shards"] == 2


async def test_two_sharded_bots_each_answer_their_own_servers_and_shard_0_the_dms(fake: FakeDiscord) -> None:
    by_shard = two_shard_world(fake)
    carol = fake.add_user("carol", guild=None)
    for guild in fake.guilds.values():
        fake.add_member(guild, carol)
    async with running_mini_bot(fake, shard_ids=[0], shard_count=2) as first, \
            running_mini_bot(fake, shard_ids=[1], shard_count=2) as second:
        assert sorted(g.id for g in first.guilds) == sorted(by_shard[0])
        assert sorted(g.id for g in second.guilds) == sorted(by_shard[1])
        for guild in fake.guilds.values():
            shard = shard_of(guild.id, 2)
            ix = await fake.slash("shards", user=carol, guild=guild)
            reply = await ix.reply()
            assert ix.shard == (shard, 2)
            assert reply.text == f"shards [{shard}] of 2; servers {len(by_shard[shard])}"
        dm = await fake.slash("shards", user=carol, guild=False)
        assert dm.shard == (0, 2) and (await dm.reply()).text.startswith("shards [0] of 2")
        shard0, shard1 = fake.gateway.session_of_shard(0), fake.gateway.session_of_shard(1)
        assert shard0 is not None and shard1 is not None
        assert shard0.events.count("INTERACTION_CREATE") == len(by_shard[0]) + 1
        assert shard1.events.count("INTERACTION_CREATE") == len(by_shard[1])


async def test_an_event_for_a_shard_nobody_runs_waits_and_then_says_so(fake: FakeDiscord) -> None:
    two_shard_world(fake)
    on_shard_1 = next(g for g in fake.guilds.values() if shard_of(g.id, 2) == 1)
    async with running_mini_bot(fake, shard_ids=[0], shard_count=2):
        with pytest.raises(AssertionError, match=r"shard of server \d+"):
            await fake.slash("ping", user=fake.owner, guild=on_shard_1, timeout=0.2)
