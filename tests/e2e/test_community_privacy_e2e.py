"""`/privacy delete` end to end: after the confirmation nothing in any table names the member, and
their board cards are gone from the channel; and the weekly digest is posted once by two bot
processes sharing one PostgreSQL database."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.clock import UK
from bot.db import Database
from bot.models import Digest
from bot.services import Viewer
from bot.services import server as server_settings
from bot.services.requests import NewRequest, create_request
from tests.db.community.test_privacy import rows_naming
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

PHSO = "Parliamentary and Health Service Ombudsman"


async def test_privacy_delete_leaves_no_row_naming_the_member_and_removes_their_cards(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    fake, board = fake_discord, fake_discord.guild.channel("alerts")
    await bot_process()
    await (await fake.slash("server board", {"channel": board}, user=fake.admin)).reply()
    await (await fake.slash("privacy name", {"name": "Alice Example"}, user=fake.alice)).reply()
    picked = await fake.slash("request log", {"authority": PHSO, "visibility": "server"}, user=fake.alice)
    public_id = (await (await fake.submit_modal(picked, {"title": "Caseworkers", "sent_on": "28/03/2022"})).reply()).content.split("**")[1]
    card = await fake.wait_for_message(board, timeout=15)
    assert "shared by Alice Example" in card.text
    await (await fake.click(card, f"board:follow:{public_id}", user=fake.bob)).reply()
    await fake.wait_for(lambda: len(fake.channel_messages(board)) >= 2, timeout=15, what="the overdue card")

    # A second shared request, deleted: its card goes from the channel with it.
    picked = await fake.slash("request log", {"authority": PHSO, "visibility": "server"}, user=fake.alice)
    second = (await (await fake.submit_modal(picked, {"title": "Outsourcing", "sent_on": "today"})).reply()).content.split("**")[1]
    await fake.wait_for(lambda: len(fake.channel_messages(board)) >= 3, timeout=15, what="the second request's card")
    asked = await (await fake.slash("request delete", {"request": second}, user=fake.alice)).reply()
    gone = await (await fake.click(asked, f"req:delete:{second}", user=fake.alice)).reply()
    assert f"Deleted {second}" in gone.text and "1 board card message(s)" in gone.text
    assert all(second not in m.text for m in fake.channel_messages(board))

    asked = await (await fake.slash("privacy delete", user=fake.alice)).reply()
    assert asked.ephemeral and "tracked request" in asked.text and "can't be undone" in asked.text
    done = await (await fake.click(asked, f"privacy:erase:{fake.alice.id}", user=fake.alice)).reply()
    assert done.ephemeral and "no longer holds anything about you" in done.text
    await fake.wait_for(lambda: not fake.channel_messages(board) or None, timeout=10, what="the cards to be deleted")

    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}")
    try:
        assert await rows_naming(db, fake.alice.id, "Alice Example") == []
    finally:
        await db.dispose()
    fake.assert_no_tracebacks()


async def test_the_weekly_digest_is_posted_once_by_two_bot_processes_on_postgresql(
    fake_discord: FakeDiscord, bot_process: StartBot, postgres_database: str
) -> None:
    fake, channel = fake_discord, fake_discord.guild.channel("alerts")
    today = datetime.now(timezone.utc).astimezone(UK)
    db = Database(postgres_database)
    try:
        await db.upgrade()
        await server_settings.update_settings(db, fake.guild.id, server_settings.SettingsChange(
            digest_channel_id=channel.id, digest_weekday=str(today.isoweekday()), digest_time="00:00"), can_manage=True)
        await create_request(db, Viewer(fake.alice.id, fake.guild.id),
                             NewRequest("Anytown Council", "Bin collection data", "02/02/2026", visibility="server"))
        first = await bot_process(database_url=postgres_database)
        second = await bot_process(database_url=postgres_database)
        digest = await fake.wait_for_message(channel, timeout=20)
        assert digest.text.startswith("**foibot digest**") and "Bin collection data" in digest.text
        for bot in (first, second):  # both loops have made a pass since
            await fake.wait_for(lambda bot=bot: "board and digest loop" in bot.run_log() or None, timeout=10, what="the loop")
        await asyncio.sleep(1.5)
        assert len(fake.channel_messages(channel)) == 1
        async with db.session() as session:
            rows = (await session.exec(select(Digest.state, Digest.message_id))).all()
        assert [tuple(r) for r in rows] == [("sent", digest.id)]
    finally:
        await db.dispose()
    fake.assert_no_tracebacks()
