"""Board cards planned with the events they report, and followers' own alerts (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlmodel import select

from bot.db import Database
from bot.errors import BadInput, NotFound
from bot.models import Alert, BoardCard
from bot.services import Viewer, board
from bot.services import server as server_settings
from bot.services.requests import NewRequest, RequestChanges, append_event, create_request, edit_request

pytestmark = pytest.mark.asyncio

GUILD = 9000
OWNER = Viewer(111, GUILD)
FOLLOWER = Viewer(222, GUILD)
NOW = datetime(2026, 3, 2, 12, tzinfo=timezone.utc)  # a Monday


async def with_board(db: Database) -> None:
    await server_settings.update_settings(db, GUILD, server_settings.SettingsChange(board_channel_id=501), can_manage=True, now=NOW)


async def cards(db: Database) -> list[tuple[str, str, str]]:
    async with db.session() as session:
        rows = (await session.exec(select(BoardCard.occasion, BoardCard.occasion_key, BoardCard.state).order_by(BoardCard.id))).all()
    return [tuple(r) for r in rows]


async def log_shared(db: Database, sent: str = "02/02/2026") -> str:
    detail = await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", sent, visibility="server"), now=NOW)
    return detail.public_id


async def test_a_shared_request_plans_one_logged_card_and_its_overdue_card_ahead(db: Database) -> None:
    await with_board(db)
    await log_shared(db)
    # Sent 2 Feb 2026: the 20th working day is 2 March; late from 3 March, so the card posts then.
    assert await cards(db) == [("logged", "", "pending"), ("overdue", "2026-03-02", "pending")]
    async with db.session() as session:
        overdue = (await session.exec(select(BoardCard.fire_at).where(BoardCard.occasion == "overdue"))).one()
    assert overdue == datetime(2026, 3, 3, 9, tzinfo=timezone.utc)  # 09:00 in London (GMT in March)


async def test_a_private_request_or_a_server_without_a_board_plans_no_card(db: Database) -> None:
    await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/02/2026"), now=NOW)
    await log_shared(db)  # shared, but no board channel set
    assert await cards(db) == []


async def test_an_answer_plans_its_card_and_cancels_the_overdue_one_and_replanning_adds_nothing(db: Database) -> None:
    await with_board(db)
    public_id = await log_shared(db)
    await append_event(db, OWNER, public_id, "response", on="27/02/2026", details={"outcome": "refused", "exemptions": "s.43"}, now=NOW)
    assert await cards(db) == [("logged", "", "pending"), ("overdue", "2026-03-02", "cancelled"), ("answered", "2026-02-27", "pending")]
    await edit_request(db, OWNER, public_id, RequestChanges(visibility="server"), now=NOW)  # shared again: no second "logged"
    await append_event(db, OWNER, public_id, "review_requested", on="02/03/2026", now=NOW)
    assert [c[0] for c in await cards(db)] == ["logged", "overdue", "answered", "review"]


async def test_making_a_request_private_cancels_its_pending_cards(db: Database) -> None:
    await with_board(db)
    public_id = await log_shared(db)
    await edit_request(db, OWNER, public_id, RequestChanges(visibility="private"), now=NOW)
    assert {c[2] for c in await cards(db)} == {"cancelled"}


async def alerts_of(db: Database, user_id: int) -> list[tuple[str, str]]:
    async with db.session() as session:
        rows = (await session.exec(select(Alert.kind, Alert.state).where(Alert.user_id == user_id).order_by(Alert.fire_at))).all()
    return [tuple(r) for r in rows]


async def test_a_follower_gets_alerts_of_their_own_and_the_owners_are_unchanged(db: Database) -> None:
    public_id = await log_shared(db, sent="16/02/2026")
    owners_before = await alerts_of(db, OWNER.user_id)
    await board.follow(db, FOLLOWER, public_id, now=NOW)
    assert await alerts_of(db, FOLLOWER.user_id) == owners_before and owners_before
    assert await alerts_of(db, OWNER.user_id) == owners_before
    await board.unfollow(db, FOLLOWER, public_id, now=NOW)
    assert {state for _, state in await alerts_of(db, FOLLOWER.user_id)} == {"cancelled"}
    assert await alerts_of(db, OWNER.user_id) == owners_before


async def test_following_is_refused_for_your_own_a_private_or_another_servers_request(db: Database) -> None:
    public_id = await log_shared(db)
    with pytest.raises(BadInput, match="yours"):
        await board.follow(db, OWNER, public_id, now=NOW)
    with pytest.raises(NotFound):
        await board.follow(db, Viewer(222, GUILD + 1), public_id, now=NOW)
    private = await create_request(db, OWNER, NewRequest("Anytown Council", "Other", "02/02/2026"), now=NOW)
    with pytest.raises(NotFound):
        await board.follow(db, FOLLOWER, private.public_id, now=NOW)
    assert date(2026, 2, 2) == private.request.sent_on
