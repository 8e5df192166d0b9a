"""What `/request show` and `/request list` put in their embeds stays within Discord's limits."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from bot.db import Database
from bot.services import Viewer
from bot.errors import InvalidTransition
from bot.services.requests import NewRequest, append_event, create_request, get_own_request, get_request, list_requests
from cogs._request_views import EMBED_DESCRIPTION_MAX, list_embed, show_embed, show_view

pytestmark = pytest.mark.asyncio

ME = Viewer(111, 9000)
NOW = datetime(2022, 6, 1, 12, tzinfo=timezone.utc)


async def test_a_long_timeline_is_cut_to_fit_the_embed_oldest_first(sqlite_db: Database) -> None:
    new = NewRequest("A" * 200, "T" * 200, date(2022, 3, 28), reference="R" * 100, link="https://example.org/" + "x" * 400)
    public_id = (await create_request(sqlite_db, ME, new, now=NOW)).public_id
    for n in range(40):
        await append_event(sqlite_db, ME, public_id, "note", on=date(2022, 4, 1), note=f"{n:02} " + "n" * 990, now=NOW)
    embed = show_embed(await get_request(sqlite_db, ME, public_id, now=NOW))
    assert embed.description is not None and len(embed.description) <= EMBED_DESCRIPTION_MAX
    assert "earlier events" in embed.description and "39 nnn" in embed.description  # the latest kept
    assert len(embed) <= 6000 and len(embed.title or "") <= 256


async def test_only_the_owner_gets_the_action_buttons(sqlite_db: Database) -> None:
    public_id = (await create_request(sqlite_db, ME, NewRequest("Home Office", "T", date(2022, 3, 28), visibility="server"), now=NOW)).public_id
    mine = show_view(await get_request(sqlite_db, ME, public_id, now=NOW))
    assert mine is not None and f"req:act:{public_id}:response" in [getattr(i, "custom_id", "") for i in mine.children]
    assert show_view(await get_request(sqlite_db, Viewer(222, 9000), public_id, now=NOW)) is None


async def test_a_page_of_long_titles_fits_and_pages_have_buttons(sqlite_db: Database) -> None:
    for n in range(12):
        await create_request(sqlite_db, ME, NewRequest("B" * 200, f"{n:02} " + "t" * 197, date(2022, 3, 1 + n)), now=NOW)
    embed, view = list_embed(await list_requests(sqlite_db, ME, now=NOW))
    assert embed.description is not None and len(embed.description) <= EMBED_DESCRIPTION_MAX
    assert view is not None
    assert [getattr(i, "custom_id", "") for i in view.children] == ["req:page:mine::0:p", "req:page:mine::1:n"]


async def test_show_offers_no_button_for_an_event_the_law_does_not_have(sqlite_db: Database) -> None:
    def buttons(detail):  # type: ignore[no-untyped-def]
        view = show_view(detail)
        return [getattr(i, "custom_id", "") for i in view.children] if view else []

    # FOISA has no extension of the time for response; FOIA has (s.10(3)).
    foisa = await create_request(sqlite_db, ME, NewRequest("Glasgow City Council", "T", date(2022, 3, 28), law="foisa",
                                                           division="scotland"), now=NOW)
    foia = await create_request(sqlite_db, ME, NewRequest("Home Office", "T", date(2022, 3, 28)), now=NOW)
    assert f"req:act:{foisa.public_id}:extension" not in buttons(foisa)
    assert f"req:act:{foia.public_id}:extension" in buttons(foia)
    # Subject access has no review stage: after a refusal, no "review request" button.
    sar = await create_request(sqlite_db, ME, NewRequest("Home Office", "My data", date(2022, 3, 28), law="sar"), now=NOW)
    answered = await append_event(sqlite_db, ME, sar.public_id, "response", on=date(2022, 4, 8),
                                  details={"outcome": "refused"}, now=NOW)
    assert not any(c.endswith(":review_requested") for c in buttons(answered))
    # And the form that button would open is refused before anything is typed.
    with pytest.raises(InvalidTransition, match="no extension"):
        await get_own_request(sqlite_db, ME, foisa.public_id, kind="extension", now=NOW)
