"""Report cards from a server's shared requests only (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.db import Database
from bot.errors import BadInput, NotFound
from bot.services import Viewer
from bot.services import report_cards as service
from bot.services.requests import NewRequest, append_event, create_request

pytestmark = pytest.mark.asyncio

GUILD = 9000
NOW = datetime(2026, 4, 1, 12, tzinfo=timezone.utc)


async def log(db: Database, viewer: Viewer, sent: str, answered: str | None, outcome: str = "successful",
              visibility: str = "server", exemptions: str | None = None) -> None:
    detail = await create_request(db, viewer, NewRequest("Anytown Council", f"Sent {sent}", sent, visibility=visibility), now=NOW)
    if answered:
        details = {"outcome": outcome, **({"exemptions": exemptions} if exemptions else {})}
        await append_event(db, viewer, detail.public_id, "response", on=answered, details=details, now=NOW)


async def test_the_card_counts_shared_requests_of_this_server_only_in_working_days(db: Database) -> None:
    alice, bob = Viewer(111, GUILD), Viewer(222, GUILD)
    # Received Monday 2 February 2026: 20 working days end on Monday 2 March (FOIA s.10(1)).
    await log(db, alice, "02/02/2026", "16/02/2026")  # 10 working days
    await log(db, bob, "02/02/2026", "04/03/2026", outcome="refused", exemptions="s.43")  # 22: late
    await log(db, alice, "02/02/2026", "20/02/2026", visibility="private")  # private: not counted
    await log(db, Viewer(333, GUILD + 1), "02/02/2026", "20/02/2026")  # another server's
    card = await service.authority_card(db, GUILD, "anytown council", today=date(2026, 4, 1))
    assert (card.requests, card.answered, card.median_working_days) == (2, 2, 16)
    assert (card.late_share, card.refused_share) == (0.5, 0.5)
    assert card.exemptions == (("s.43", 1),) and not card.enough
    ranking = await service.top(db, GUILD, today=date(2026, 4, 1))
    assert ranking.slowest == () and ranking.too_few == 1


async def test_an_authority_nobody_shared_a_request_to_is_not_found_and_dms_are_refused(db: Database) -> None:
    with pytest.raises(NotFound):
        await service.authority_card(db, GUILD, "Nowhere Council")
    with pytest.raises(BadInput, match="inside one"):
        await service.top(db, None)
