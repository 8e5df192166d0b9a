"""Cards and digests posted once, with two loops racing on one database (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from bot.community.cards import CardContext
from bot.db import Database
from bot.models import BoardCard, Digest
from bot.reminders.dispatcher import SendResult
from bot.services import Viewer
from bot.services import privacy
from bot.services import server as server_settings
from bot.services.board_delivery import CommunityLoop
from bot.services.requests import NewRequest, append_event, create_request, delete_request

pytestmark = pytest.mark.asyncio

GUILD = 9000
OWNER = Viewer(111, GUILD)
NOW = datetime(2026, 3, 4, 12, tzinfo=timezone.utc)  # a Wednesday
_ids = itertools.count(10_000)


class FakePoster:
    """Discord's side, as the loop sees it: records each post; can fail the first tries."""

    def __init__(self, failures: int = 0) -> None:
        self.cards: list[CardContext] = []
        self.digests: list[tuple[int, str, str]] = []
        self.failures = failures
        self.deleted: list[tuple[int, int]] = []
        self.while_posting: Callable[[], Awaitable[None]] | None = None

    def stamp(self, day: date, style: str) -> str:
        return day.isoformat()

    def clean(self, text: str) -> str:
        return text

    async def post_card(self, card: CardContext) -> SendResult:
        await asyncio.sleep(0)  # let a rival loop run in between
        if self.failures:
            self.failures -= 1
            return SendResult.transient("HTTP 503")
        if self.while_posting is not None:
            await self.while_posting()
        self.cards.append(card)
        return SendResult.sent(next(_ids))

    async def post_digest(self, channel_id: int, text: str, nonce: str) -> SendResult:
        await asyncio.sleep(0)
        self.digests.append((channel_id, text, nonce))
        return SendResult.sent(next(_ids))

    async def delete_message(self, channel_id: int, message_id: int) -> bool:
        self.deleted.append((channel_id, message_id))
        return True


async def setup_server(db: Database, **change: object) -> None:
    await server_settings.update_settings(
        db, GUILD, server_settings.SettingsChange(board_channel_id=501, digest_channel_id=502, **change),  # type: ignore[arg-type]
        can_manage=True, now=NOW)


def loop(db: Database, poster: FakePoster, worker: str, now: datetime = NOW) -> CommunityLoop:
    return CommunityLoop(db, poster, now=lambda: now, worker=worker)


async def test_two_loops_post_a_logged_card_once_and_record_its_message(db: Database) -> None:
    await setup_server(db)
    detail = await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/03/2026", visibility="server"), now=NOW)
    poster = FakePoster()
    first, second = loop(db, poster, "w1"), loop(db, poster, "w2")
    await asyncio.gather(first.post_due_cards(), second.post_due_cards(), first.post_due_cards())
    assert [(c.occasion, c.public_id, c.channel_id) for c in poster.cards] == [("logged", detail.public_id, 501)]
    assert poster.cards[0].nonce == f"c{poster.cards[0].card_id}"
    async with db.session() as session:
        card = (await session.exec(select(BoardCard).where(BoardCard.occasion == "logged"))).one()
    assert (card.state, card.channel_id, card.message_id is not None) == ("sent", 501, True)


async def test_a_card_erased_while_it_was_being_posted_has_its_message_taken_down(db: Database) -> None:
    await setup_server(db)
    await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/03/2026", visibility="server"), now=NOW)
    poster = FakePoster()

    async def the_owner_erases_their_data() -> None:
        await privacy.erase_member(db, OWNER.user_id)

    poster.while_posting = the_owner_erases_their_data
    assert await loop(db, poster, "w1").post_due_cards() == 0
    assert len(poster.cards) == 1 and len(poster.deleted) == 1 and poster.deleted[0][0] == 501
    async with db.session() as session:
        assert (await session.exec(select(BoardCard))).all() == []


async def test_deleting_a_request_hands_back_its_posted_cards_to_take_down(db: Database) -> None:
    await setup_server(db)
    detail = await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/03/2026", visibility="server"), now=NOW)
    poster = FakePoster()
    await loop(db, poster, "w1").post_due_cards()
    deleted = await delete_request(db, OWNER, detail.public_id)
    assert deleted.title == "Bin data" and len(deleted.messages) == 1 and deleted.messages[0][0] == 501
    async with db.session() as session:
        assert (await session.exec(select(BoardCard))).all() == []


async def test_a_transient_failure_is_retried_later_and_posts_once(db: Database) -> None:
    await setup_server(db)
    await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/03/2026", visibility="server"), now=NOW)
    poster = FakePoster(failures=1)
    assert await loop(db, poster, "w1").post_due_cards() == 0
    assert await loop(db, poster, "w1").post_due_cards() == 0  # the retry is not due yet
    assert await loop(db, poster, "w1", NOW + timedelta(minutes=5)).post_due_cards() == 1
    assert len(poster.cards) == 1


async def test_a_card_whose_server_removed_its_board_is_cancelled_not_posted(db: Database) -> None:
    await setup_server(db)
    await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/03/2026", visibility="server"), now=NOW)
    await server_settings.update_settings(db, GUILD, server_settings.SettingsChange(clear_board=True), can_manage=True, now=NOW)
    poster = FakePoster()
    await loop(db, poster, "w1").post_due_cards()
    assert poster.cards == []
    async with db.session() as session:
        assert (await session.exec(select(BoardCard.state).where(BoardCard.occasion == "logged"))).all() == ["cancelled"]


async def test_the_overdue_card_posts_on_the_first_working_day_it_is_late(db: Database) -> None:
    await setup_server(db)
    await create_request(db, OWNER, NewRequest("Anytown Council", "Bin data", "02/02/2026", visibility="server"),
                         now=datetime(2026, 2, 2, 12, tzinfo=timezone.utc))
    poster = FakePoster()
    await loop(db, poster, "w1", datetime(2026, 3, 3, 8, 59, tzinfo=timezone.utc)).post_due_cards()
    assert [c.occasion for c in poster.cards] == ["logged"]
    await loop(db, poster, "w1", datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc)).post_due_cards()
    assert [c.occasion for c in poster.cards] == ["logged", "overdue"]
    assert poster.cards[1].due == date(2026, 3, 2)


async def test_the_weekly_digest_is_posted_once_per_period_by_two_loops(db: Database) -> None:
    await setup_server(db, digest_weekday="monday", digest_time="09:00")
    answered = await create_request(db, OWNER, NewRequest("Anytown Council", "Answered one", "02/02/2026", visibility="server"), now=NOW)
    await append_event(db, OWNER, answered.public_id, "response", on="03/03/2026", details={"outcome": "successful"}, now=NOW)
    await create_request(db, OWNER, NewRequest("Anytown Council", "Late one", "02/02/2026", visibility="server"), now=NOW)
    await create_request(db, OWNER, NewRequest("Anytown Council", "Not mine to show", "02/02/2026"), now=NOW)  # private
    poster = FakePoster()
    first, second = loop(db, poster, "w1"), loop(db, poster, "w2")
    await first.post_due_cards()  # the cards the digest links to
    await asyncio.gather(first.run_once(), second.run_once())
    await first.run_once()
    assert len(poster.digests) == 1
    channel, text, nonce = poster.digests[0]
    assert channel == 502 and "2026-03-02" in text  # the period: Monday 2 March
    assert "**Overdue (1)**" in text and "Late one" in text and "**Answered since the last digest (1)**" in text
    assert "Not mine to show" not in text and "[card](https://discord.com/channels/9000/501/" in text
    async with db.session() as session:
        rows = (await session.exec(select(Digest.period, Digest.state, Digest.items))).all()
    assert [tuple(r) for r in rows] == [("2026-03-02", "sent", 2)] and nonce.startswith("g")
    # Next Monday is a new period: posted again, once.
    await loop(db, poster, "w2", NOW + timedelta(days=5)).run_once()
    assert len(poster.digests) == 2


async def test_an_empty_digest_is_skipped_and_not_posted(db: Database) -> None:
    await setup_server(db)
    poster = FakePoster()
    await loop(db, poster, "w1").run_once()
    await loop(db, poster, "w2").run_once()
    assert poster.digests == []
    async with db.session() as session:
        assert (await session.exec(select(Digest.state))).all() == ["skipped"]
