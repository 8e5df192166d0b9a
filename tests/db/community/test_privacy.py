"""A member's own data (SQLite and PostgreSQL): exported whole, then erased so that no row in any
table (read from the SQLModel metadata, so new tables are walked too) still names them."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, select

from bot.db import Database
from bot.models import Alert, BoardCard, Draft, Follow, Request, UserSettings
from bot.services import Viewer, board, privacy, users
from bot.services import server as server_settings
from bot.drafting import Draft as DraftFields
from bot.services.drafts import create_draft
from bot.services.requests import NewRequest, append_event, create_request

pytestmark = pytest.mark.asyncio

GUILD = 9000
MEMBER = Viewer(111, GUILD)
OTHER = Viewer(222, GUILD)
NAME = "Jane Q. Requester"
NOW = datetime(2026, 3, 4, 12, tzinfo=timezone.utc)


async def everything_about_the_member(db: Database) -> None:
    await server_settings.update_settings(db, GUILD, server_settings.SettingsChange(board_channel_id=501), can_manage=True, now=NOW)
    async with db.transaction() as session:
        await users.update_settings(session, MEMBER.user_id, now=NOW, time_of_day="07:30")
        settings = await session.get(UserSettings, MEMBER.user_id)
        settings.board_name = NAME  # type: ignore[union-attr]
    mine = await create_request(db, MEMBER, NewRequest("Anytown Council", "Bin data", "02/02/2026", visibility="server",
                                                       requester_name=NAME), now=NOW)
    await append_event(db, MEMBER, mine.public_id, "note", note=f"Phoned them, {NAME}", now=NOW)
    theirs = await create_request(db, OTHER, NewRequest("Othertown Council", "Parks", "16/02/2026", visibility="server"), now=NOW)
    await board.follow(db, MEMBER, theirs.public_id, now=NOW)  # alerts of their own on another's request
    await board.follow(db, OTHER, mine.public_id, now=NOW)
    async with db.transaction() as session:
        card = (await session.exec(select(BoardCard).where(BoardCard.request_id == mine.request.id))).first()
        card.state, card.channel_id, card.message_id = "sent", 501, 777  # type: ignore[union-attr]
        session.add(card)
    await create_draft(db, MEMBER, DraftFields(authority="Anytown Council", subject="Trees", questions="How many?",
                                               requester_name=NAME), now=NOW)


async def rows_naming(db: Database, user_id: int, name: str) -> list[str]:
    found: list[str] = []
    async with db.engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in (await conn.execute(sa.select(table))).all():
                for column, value in row._mapping.items():
                    if value == user_id or (isinstance(value, str) and name in value) or (
                            isinstance(value, (dict, list)) and (str(user_id) in json.dumps(value) or name in json.dumps(value))):
                        found.append(f"{table.name}.{column}")
    return found


async def test_the_export_holds_every_kind_of_row_about_the_member(db: Database) -> None:
    await everything_about_the_member(db)
    exported = await privacy.export_member(db, MEMBER.user_id, now=NOW)
    document = json.loads(exported.json_bytes)
    tables = document["tables"]
    for name in ("requests", "events", "alerts", "follows", "board_cards", "drafts", "user_settings"):
        assert tables[name], f"the export has no {name}"
    assert {f["user_id"] for f in tables["follows"]} == {MEMBER.user_id, OTHER.user_id}  # mine, and who follows mine
    assert document["requests_with_timelines"] and b"BEGIN:VCALENDAR" in exported.ics_bytes
    assert tables["user_settings"][0]["board_name"] == NAME


async def test_erasing_leaves_no_row_that_names_the_member_and_keeps_everyone_elses(db: Database) -> None:
    await everything_about_the_member(db)
    assert await rows_naming(db, MEMBER.user_id, NAME)
    async with db.session() as session:
        others_alerts = (await session.exec(select(Alert.id).where(Alert.user_id == OTHER.user_id,
                                                                   Alert.request_id.in_(select(Request.id).where(Request.owner_id == OTHER.user_id))))).all()
    erased = await privacy.erase_member(db, MEMBER.user_id)
    assert erased.messages == ((501, 777),)
    assert erased.counts["requests"] == 1 and erased.counts["drafts"] == 1
    assert await rows_naming(db, MEMBER.user_id, NAME) == []
    async with db.session() as session:
        assert (await session.exec(select(Request.owner_id))).all() == [OTHER.user_id]
        assert (await session.exec(select(Follow.user_id))).all() == []
        assert sorted((await session.exec(select(Alert.id).where(Alert.user_id == OTHER.user_id))).all()) == sorted(others_alerts)
        assert (await session.exec(select(Draft.id))).all() == []


async def test_erasing_a_member_foibot_never_met_changes_nothing(db: Database) -> None:
    erased = await privacy.erase_member(db, 999)
    assert erased.counts == {} and erased.messages == ()
