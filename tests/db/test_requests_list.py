"""Listing, searching and exporting requests, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import icalendar
import pytest

from bot.db import Database
from bot.errors import BadInput
from bot.services import Viewer
from bot.services.export import export_requests
from bot.services.requests import NewRequest, append_event, create_request, list_requests, search_requests
from bot.tracking import Status

pytestmark = pytest.mark.asyncio

ME = Viewer(user_id=111, guild_id=9000)
TODAY = date(2022, 6, 1)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


async def log(db: Database, title: str, sent: date, viewer: Viewer = ME, **changes: object) -> str:
    new = NewRequest(**{"authority_name": "Home Office", "title": title, "sent_on": sent, **changes})  # type: ignore[arg-type]
    return (await create_request(db, viewer, new, now=at(sent))).public_id


async def scenario(db: Database) -> dict[str, str]:
    """Requests in every position of the list, as of 1 June 2022."""
    ids = {
        "very late": await log(db, "Very late", date(2022, 3, 1)),  # due 29 March: very overdue by 1 June
        "late": await log(db, "Late", date(2022, 4, 20)),  # due 19 May: overdue
        "upcoming": await log(db, "Upcoming", date(2022, 5, 25)),  # due 23 June
        "answered": await log(db, "Answered", date(2022, 1, 4)),
        "withdrawn": await log(db, "Withdrawn", date(2022, 5, 3)),
        "in review": await log(db, "In review", date(2022, 2, 1)),
    }
    # answered long ago: its review window closed on 25 March 2022
    await append_event(db, ME, ids["answered"], "response", on=date(2022, 1, 25), details={"outcome": "refused"}, now=at(TODAY))
    await append_event(db, ME, ids["withdrawn"], "withdrawn", on=date(2022, 5, 4), now=at(TODAY))
    await append_event(db, ME, ids["in review"], "response", on=date(2022, 2, 20), details={"outcome": "not held"}, now=at(TODAY))
    await append_event(db, ME, ids["in review"], "review_requested", on=date(2022, 3, 1), now=at(TODAY))  # review due 29 March
    return ids


async def test_the_list_puts_late_and_upcoming_first_then_closed_windows_then_no_deadline(db: Database) -> None:
    ids = await scenario(db)
    page = await list_requests(db, ME, now=at(TODAY))
    assert [item.title for item in page.items] == ["Very late", "In review", "Late", "Upcoming", "Answered", "Withdrawn"]
    shown = {item.title: item.status for item in page.items}
    assert shown == {
        "Very late": Status.VERY_OVERDUE,
        "In review": Status.REVIEW_OVERDUE,
        "Late": Status.OVERDUE,
        "Upcoming": Status.WAITING_RESPONSE,
        "Answered": Status.REJECTED,
        "Withdrawn": Status.USER_WITHDRAWN,
    }
    assert [i.lapsed for i in page.items] == [False, False, False, False, True, False]
    assert page.total == 6 and page.pages == 1 and ids


@pytest.mark.parametrize(
    ("status", "titles"),
    [
        (Status.OVERDUE, ["Very late", "Late"]),  # every late response, very overdue included
        (Status.VERY_OVERDUE, ["Very late"]),
        (Status.WAITING_RESPONSE, ["Upcoming"]),
        (Status.REVIEW_OVERDUE, ["In review"]),
        (Status.INTERNAL_REVIEW, []),
        (Status.REJECTED, ["Answered"]),
        (Status.USER_WITHDRAWN, ["Withdrawn"]),
    ],
)
async def test_the_list_filters_by_the_status_shown_today(db: Database, status: Status, titles: list[str]) -> None:
    await scenario(db)
    page = await list_requests(db, ME, status=status, now=at(TODAY))
    assert [item.title for item in page.items] == titles
    assert page.total == len(titles)


async def test_the_list_is_paginated_and_a_page_past_the_end_shows_the_last(db: Database) -> None:
    for n in range(12):
        await log(db, f"Request {n:02}", date(2022, 5, 2 + n))
    first = await list_requests(db, ME, page_size=5, now=at(TODAY))
    last = await list_requests(db, ME, page=9, page_size=5, now=at(TODAY))
    assert (first.pages, first.total, [i.title for i in first.items][:2]) == (3, 12, ["Request 00", "Request 01"])
    assert (last.page, [i.title for i in last.items]) == (2, ["Request 10", "Request 11"])


async def test_a_member_with_no_requests_gets_one_empty_page_whatever_page_they_ask_for(db: Database) -> None:
    for asked in (0, 3, -2):
        page = await list_requests(db, ME, page=asked, now=at(TODAY))
        assert (page.items, page.page, page.pages, page.total) == ((), 0, 1, 0)


async def test_a_page_before_the_first_shows_the_first(db: Database) -> None:
    for n in range(7):
        await log(db, f"Request {n:02}", date(2022, 5, 2 + n))
    page = await list_requests(db, ME, page=-1, page_size=5, now=at(TODAY))
    assert (page.page, page.pages, page.total, len(page.items)) == (0, 2, 7, 5)


async def test_the_server_scope_shows_only_requests_shared_with_this_server(db: Database) -> None:
    await log(db, "Mine, private", date(2022, 5, 2))
    await log(db, "Mine, shared", date(2022, 5, 3), visibility="server")
    await log(db, "Theirs, shared", date(2022, 5, 4), viewer=Viewer(222, 9000), visibility="server")
    await log(db, "Elsewhere, shared", date(2022, 5, 5), viewer=Viewer(222, 8000), visibility="server")
    page = await list_requests(db, ME, scope="server", now=at(TODAY))
    assert [i.title for i in page.items] == ["Mine, shared", "Theirs, shared"]
    with pytest.raises(BadInput, match="There is no server in DMs"):
        await list_requests(db, Viewer(111, None), scope="server")


async def test_search_finds_by_id_or_title_among_the_requests_the_member_may_see(db: Database) -> None:
    mine = await log(db, "Caseworkers at the PHSO", date(2022, 5, 2))
    theirs = await log(db, "PHSO complaints 100%", date(2022, 5, 3), viewer=Viewer(222, 9000), visibility="server")
    await log(db, "PHSO, private to them", date(2022, 5, 4), viewer=Viewer(222, 9000))
    assert {pid for pid, _ in await search_requests(db, ME, "phso")} == {mine, theirs}
    assert [pid for pid, _ in await search_requests(db, ME, "phso", owned_only=True)] == [mine]
    assert [pid for pid, _ in await search_requests(db, ME, mine[:3].lower())][0] == mine
    assert [title for _, title in await search_requests(db, ME, "100%")] == ["PHSO complaints 100%"]
    assert await search_requests(db, ME, "_") == []  # a wildcard typed is a character, not "any one"


async def test_export_gives_every_request_as_json_and_every_deadline_as_an_ics_event(db: Database) -> None:
    ids = await scenario(db)
    await log(db, "Someone else's", date(2022, 5, 2), viewer=Viewer(222, 9000), visibility="server")
    export = await export_requests(db, ME, now=at(TODAY))
    document = json.loads(export.json_bytes)
    assert export.requests == 6 and len(document["requests"]) == 6
    late = next(r for r in document["requests"] if r["id"] == ids["late"])
    assert late["status"] == "overdue" and late["deadlines"]["response_due"]["date"] == "2022-05-19"
    assert late["events"][0]["kind"] == "sent" and late["authority"]["name"] == "Home Office"
    calendar = icalendar.Calendar.from_ical(export.ics_bytes)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == export.deadlines
    due = next(e for e in events if str(e["uid"]) == f"{ids['late']}-response_due@foibot")
    assert due.decoded("dtstart") == date(2022, 5, 19)
    assert str(due["summary"]) == "Response due: Late (Home Office)"
    assert not any(str(e["uid"]).startswith(ids["withdrawn"]) for e in events)


async def test_authorities_autocomplete_names_starting_with_the_text_first(db: Database) -> None:
    from bot.services.authorities import resolve_name, search_authorities

    for name in ("Home Office", "Office of the Scottish Charity Regulator", "Cabinet Office", "Homes England"):
        await log(db, "T", date(2022, 5, 2), authority_name=name)
    found = await search_authorities(db, "office")
    logged = [a.name for a in found if a.id is not None]  # the built-in list adds bodies not yet stored (id None)
    assert logged == ["Office of the Scottish Charity Regulator", "Home Office", "Cabinet Office"]
    long_name = "The " + "Very " * 30 + "Long Authority"
    await log(db, "T", date(2022, 5, 2), authority_name=long_name)
    (choice,) = await search_authorities(db, "very very")
    assert choice.value.startswith("authority:")  # a choice value holds 100 characters: the id stands in
    assert await resolve_name(db, choice.value) == (long_name, True)
    assert await resolve_name(db, "  home   office ") == ("Home Office", True)
    assert await resolve_name(db, "Brand New Council") == ("Brand New Council", False)
