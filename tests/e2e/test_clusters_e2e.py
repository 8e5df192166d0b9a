"""Two foibot processes on one PostgreSQL database, as shard clusters (shards [0] and [1] of 2).

Discord sends a server's events to shard ``(guild_id >> 22) % 2`` and DMs to shard 0
(https://discord.com/developers/docs/events/gateway#sharding), so each interaction reaches one
process and must be answered once; the command tree is registered once (Discord's daily limit on
creates); due alerts are claimed from the shared outbox, so each is delivered once between the two,
and a process killed with SIGKILL loses nothing: its leased alerts go out from the other process
once the lease ends, and it restarts cleanly.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import Counter

import pytest
from sqlalchemy import func, select

from bot.clock import utcnow
from bot.db import Database
from bot.models import Alert
from bot.services import users
from bot.services.requests import NewRequest, Viewer, create_request_in
from tests.e2e.bot_process import StartBot
from tests.e2e.test_alerts_e2e import due_yesterday
from tests.fakediscord import FakeDiscord, FakeUser
from tests.fakediscord.gateway import shard_of

log = logging.getLogger(__name__)

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

CALLBACK = "POST /interactions/{interaction_id}/{token}/callback"
MEMBERS, REQUESTS_EACH, COMMANDS = 50, 10, 200
LEASE = 3.0  # seconds: short, so the killed process's alerts come back within the test
GLOBAL_LIMIT = 250  # requests a second for the token: 50 DMs a second for each process


def world(fake: FakeDiscord) -> list[FakeUser]:
    """Eight servers, four on each shard of 2, and members in all of them."""
    while len(fake.guilds) < 8:
        counts = Counter(shard_of(g, 2) for g in fake.guilds)
        fake.add_guild(f"Server {len(fake.guilds)}", owner=fake.owner, shard=(0 if counts[0] < 4 else 1, 2))
    members = [fake.add_user(f"member{i}", guild=None) for i in range(MEMBERS)]
    for guild in fake.guilds.values():
        for member in members:
            if member.id not in guild.members:
                fake.add_member(guild, member)
    return members


async def seed_alerts(url: str, members: list[FakeUser]) -> None:
    """REQUESTS_EACH overdue requests per member, each with one alert due now."""
    db = Database(url)
    try:
        await db.upgrade()
        due, sent = due_yesterday()
        for member in members:
            async with db.transaction() as session:
                await users.update_settings(session, member.id, now=utcnow(), time_of_day="00:00")
                for n in range(REQUESTS_EACH):
                    await create_request_in(session, Viewer(member.id), NewRequest(f"Council {n}", f"Bin data {n}", sent))
    finally:
        await db.dispose()


async def alerts_by_state(url: str) -> dict[str, int]:
    db = Database(url)
    try:
        async with db.session() as session:
            rows = (await session.exec(select(Alert.state, func.count()).group_by(Alert.state))).all()  # type: ignore[call-overload]
        return dict(rows)
    finally:
        await db.dispose()


def alert_ids(fake: FakeDiscord) -> Counter[str]:
    """Alert ids of every alert DM the members got (from the snooze button's custom id)."""
    found: Counter[str] = Counter()
    for message in fake.messages.values():
        if message.kind == "dm":
            for custom_id in message.custom_ids():
                if match := re.fullmatch(r"alert:snooze:(\d+)", custom_id):
                    found[match.group(1)] += 1
    return found


async def test_two_shard_clusters_answer_each_interaction_once_and_deliver_each_alert_once_through_a_kill(
    postgres_database: str, fake_discord: FakeDiscord, bot_process: StartBot
) -> None:  # the database first, so it outlives the processes at teardown
    members = world(fake_discord)
    url = postgres_database
    await seed_alerts(url, members)
    assert (await alerts_by_state(url)).get("pending", 0) >= MEMBERS * REQUESTS_EACH
    # Discord's global limit is per token, for both processes together; a raised one (Discord
    # grants them to big bots) keeps the test short: each process paces its DMs to its half.
    fake_discord.global_rate_limit = GLOBAL_LIMIT
    cluster = {"DATABASE_URL": url, "SHARD_COUNT": "2", "FOIBOT_ALERT_LEASE_SECONDS": str(LEASE),
               "FOIBOT_ALERT_POLL_SECONDS": "0.5", "FOIBOT_HEARTBEAT_SECONDS": "1",
               "DISCORD_GLOBAL_RATE_LIMIT": str(GLOBAL_LIMIT)}
    # Both start at once, racing for the command registration.
    first, second = await asyncio.gather(bot_process(env={**cluster, "SHARD_IDS": "0"}, database_url=url),
                                         bot_process(env={**cluster, "SHARD_IDS": "1"}, database_url=url))
    assert fake_discord.command_puts == 1, "both processes registered the commands"
    assert sorted(s.shard for s in fake_discord.gateway.live_sessions) == [(0, 2), (1, 2)]

    # Mid-delivery, the second process is killed: no goodbye, its claimed alerts still leased.
    total = MEMBERS * REQUESTS_EACH
    await fake_discord.wait_for(lambda: len(alert_ids(fake_discord)) >= total // 5, timeout=30, what="a fifth of the alerts")
    assert second.proc is not None
    second.proc.kill()
    await second.proc.wait()
    delivered = await fake_discord.wait_for(lambda: (ids := alert_ids(fake_discord)) and len(ids) >= total and ids,
                                            timeout=30, what=f"all {total} alerts")
    assert len(delivered) == total and set(delivered.values()) == {1}, "an alert reached a member twice"
    # The killed process's last claims (sent, not yet recorded) come back after the lease: sent
    # again with the same nonce, which Discord answers with the first message, then recorded.
    states = await alerts_by_state(url)
    for _ in range(int(LEASE * 10) + 50):
        if states.get("sent") == total and not states.get("sending"):
            break
        await asyncio.sleep(0.2)
        states = await alerts_by_state(url)
    assert states.get("sent") == total and not states.get("sending"), states
    assert not fake_discord.globally_limited, "the two processes together went over the token's global limit"
    assert len(alert_ids(fake_discord)) == total and set(alert_ids(fake_discord).values()) == {1}
    await fake_discord.wait_for(lambda: "stopped answering" in first.run_log(), timeout=10,
                                what="the first process to log that the second stopped answering")

    await second.start()  # a clean restart on the same shard, the commands still registered once
    assert re.search(r"runs shard 1 of 2; 2 other process\(es\)", second.run_log()), second.run_log()[-2000:]
    assert "STALE" in second.run_log() and fake_discord.command_puts == 1

    guilds = list(fake_discord.guilds.values())
    sends = []
    for n in range(COMMANDS):
        member = members[n % MEMBERS]
        where = guilds[n % len(guilds)] if n % 10 else False  # one in ten in the member's DM
        name = "help" if n % 2 else "reminders list"
        sends.append(fake_discord.slash(name, user=member, guild=where))
    interactions = await asyncio.gather(*sends)
    await asyncio.gather(*(ix.reply(timeout=30) for ix in interactions))
    for ix in interactions:
        assert ix.shard == (shard_of(ix.guild_id, 2), 2), f"{ix} went to the wrong shard"
    answered = Counter(r.path.split("/")[4] for r in fake_discord.requests_to(CALLBACK))
    assert all(answered[str(ix.id)] == 1 for ix in interactions), "an interaction was acknowledged twice"
    assert not [r for r in fake_discord.requests_to(CALLBACK) if r.status == 400]
    assert fake_discord.command_puts == 1
    fake_discord.assert_no_tracebacks()
