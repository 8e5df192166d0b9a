"""Every text input of every service, under hypothesis, on SQLite and PostgreSQL: text with NUL, lone
surrogates, control characters, direction marks (U+202E, U+200F), LIKE wildcards, case-folding
letters and 100,000 characters. The outcome is success or a clear refusal (a ``UserError``: the
member reads its message), never another exception; after a refusal the database is unchanged.

Each function's text inputs are drawn together, each hostile or a plain value that works, so every
input meets hostile text in most examples and a refusal of one does not always hide the others."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.db import Database
from bot.drafting import Draft
from bot.errors import UserError
from bot.law.regimes import Law
from bot.services import Viewer, alerts, authorities, board, drafts, privacy, report_cards, request_list
from bot.services import requests as tracking
from bot.services import server as server_settings
from bot.services.authority_import import import_csv
from bot.services.letters import prepare_letter
from bot.services.reading import Corrections, read_for_request, save_reading
from bot.services.requests import NewRequest, RequestChanges
from bot.services.server import SettingsChange
from bot.sources.urls import request_slug, user_slug
from bot.tracking import EventKind
from tests.conftest import make_database
from tests.dbutil import drop_database
from tests.property.hostile import database_rows, hostile_or

pytestmark = pytest.mark.asyncio(loop_scope="module")

OWNER = Viewer(user_id=111, guild_id=9000)
NOW = datetime(2024, 5, 20, 12, tzinfo=timezone.utc)
EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
REFUSAL = ("Dear Ms Patel,\n\nThe information is exempt under section 43(2) of the Freedom of Information Act 2000.\n\n"
           "You may ask for an internal review.\n\nYours sincerely\nInformation Team\n")
CSV_HEADER = ("Internal ID,Name,Short name,URL name,Tags,Home page,Publication scheme,Disclosure log,Notes,"
              "Created at,Updated at,Version\n")


@dataclass
class World:
    """What the hostile calls work on: a request with a refusal whose review is asked for, an open draft."""

    db: Database
    request_id: str
    draft_id: str

    async def fresh_request(self) -> str:
        """Another request like the first (for calls whose success changes what may follow)."""
        return await _request_in_review(self.db)

    async def fresh_sent_request(self) -> str:
        """A request only sent: an acknowledgement may follow."""
        return (await tracking.create_request(self.db, OWNER, NewRequest("Home Office", "Visas", "01/05/2024"), now=NOW)).public_id

    async def fresh_draft(self) -> str:
        content = Draft("Leeds City Council", "Fees", "1) The fees", "Asha Patel", Law.FOIA)
        return (await drafts.create_draft(self.db, OWNER, content, now=NOW)).public_id


async def _request_in_review(db: Database) -> str:
    new = NewRequest(authority_name="Leeds City Council", title="Parking contract values", sent_on="01/05/2024",
                     requester_name="Asha Patel", questions="1) The contract value\n2) The bid")
    public_id = (await tracking.create_request(db, OWNER, new, now=NOW)).public_id
    await tracking.append_event(db, OWNER, public_id, EventKind.RESPONSE, on="15/05/2024",
                                details={"outcome": "refused", "exemptions": "s.43(2)"}, now=NOW)
    await tracking.append_event(db, OWNER, public_id, EventKind.REVIEW_REQUESTED, on="16/05/2024", now=NOW)
    return public_id


@pytest_asyncio.fixture(scope="module", loop_scope="module",
                        params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    """One database per backend for every service here (a fresh one each would cost more than the calls)."""
    database, schema = await make_database(request.param, tmp_path_factory.mktemp("hostile"))
    try:
        world = World(database, await _request_in_review(database), "")
        world.draft_id = await world.fresh_draft()
        yield world
    finally:
        await drop_database(database, schema)


async def refused_or_done(db: Database, call: Awaitable[Any]) -> None:
    """The property: success, or a UserError that left every row as it was."""
    before = await database_rows(db)
    try:
        await call
    except UserError as refusal:
        assert refusal.message.strip()
        assert await database_rows(db) == before, f"refused ({refusal.message}) but the database changed"


@dataclass(frozen=True)
class Service:
    """A service's text inputs (name -> a plain value that works) and how to call it with them;
    ``setup``: what the call acts on, made before the database is compared (a fresh request or draft)."""

    plain: dict[str, str]
    call: Callable[[World, dict[str, str], str], Awaitable[Any]]
    setup: Callable[[World], Awaitable[str]] | None = None


def _review_details(w: World, t: dict[str, str], public_id: str) -> Awaitable[Any]:
    details = {"outcome": t["outcome"], "exemptions": t["exemptions"], "answers": t["answers"]}
    return tracking.append_event(w.db, OWNER, public_id, EventKind.REVIEW_RESPONSE, on=t["on"], details=details, now=NOW)


async def _read_then_save(w: World, t: dict[str, str], public_id: str) -> Any:
    draft = await read_for_request(w.db, OWNER, public_id, text=t["reply"], now=NOW)
    fixes = Corrections(outcome=t["outcome"], exemptions=[t["exemption"]], answers=t["answers"])
    return await save_reading(w.db, OWNER, draft, fixes, on=t["on"], now=NOW)


async def _sync(function: Callable[..., Any], *args: Any) -> Any:
    return function(*args)


def _authorities_csv(t: dict[str, str]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow([t["id"], t["name"], t["short"], t["url_name"], t["tags"], t["home"], "", "", t["notes"],
                              "2024-01-01", "2024-01-01", "1"])
    return (CSV_HEADER + out.getvalue()).encode("utf-8", "surrogatepass")  # a lone surrogate: bytes that are not UTF-8


FRESH_REQUEST = World.fresh_request
SERVICES: dict[str, Service] = {
    "create_request": Service(
        {"authority_name": "Home Office", "title": "Visas", "sent_on": "02/05/2024", "reference": "R1",
         "requester_name": "Asha Patel", "questions": "1) How many", "link": "https://example.org/r"},
        lambda w, t, _: tracking.create_request(w.db, OWNER, NewRequest(**t), now=NOW),
    ),
    "append_event note": Service(
        {"public_id": "", "note": "Phoned", "on": "17/05/2024"},
        lambda w, t, _: tracking.append_event(w.db, OWNER, t["public_id"] or w.request_id, EventKind.NOTE, on=t["on"],
                                              note=t["note"], now=NOW),
    ),
    "append_event acknowledged": Service(
        {"public_id": "", "reference": "REF-1", "promised_by": "30/05/2024", "on": "02/05/2024"},
        lambda w, t, pid: tracking.append_event(w.db, OWNER, t["public_id"] or pid, EventKind.ACKNOWLEDGED, on=t["on"],
                                                details={"reference": t["reference"], "promised_by": t["promised_by"]}, now=NOW),
        World.fresh_sent_request,
    ),
    "append_event review_response": Service(
        {"outcome": "upheld", "exemptions": "s.43(2)", "answers": "1: withheld", "on": "18/05/2024"},
        _review_details, FRESH_REQUEST,
    ),
    "edit_request": Service(
        {"public_id": "", "title": "Visas", "reference": "R2", "requester_name": "Asha", "questions": "1) x",
         "link": "https://example.org/x", "sent_on": "01/05/2024"},
        lambda w, t, _: tracking.edit_request(w.db, OWNER, t.pop("public_id") or w.request_id, RequestChanges(**t), now=NOW),
    ),
    "get_request": Service({"public_id": "R7K3Q"}, lambda w, t, _: tracking.get_request(w.db, OWNER, t["public_id"], now=NOW)),
    "get_own_request": Service({"public_id": "R7K3Q"}, lambda w, t, _: tracking.get_own_request(w.db, OWNER, t["public_id"], now=NOW)),
    "delete_request": Service({"public_id": "R7K3Q"}, lambda w, t, _: tracking.delete_request(w.db, OWNER, t["public_id"])),
    "search_requests": Service({"text": "Park"}, lambda w, t, _: request_list.search_requests(w.db, OWNER, t["text"])),
    "lint_text": Service({"text": "Please send"}, lambda w, t, _: _sync(drafts.lint_text, t["text"], Law.FOIA, NOW.date())),
    "create_draft": Service(
        {"authority": "Home Office", "subject": "Visas", "questions": "1) How many", "requester_name": "Asha Patel"},
        lambda w, t, _: drafts.create_draft(w.db, OWNER, Draft(law=Law.FOIA, **t), now=NOW),
    ),
    "update_draft": Service(
        {"public_id": "", "authority": "Home Office", "subject": "Visas", "questions": "1) How many", "requester_name": "Asha"},
        lambda w, t, _: drafts.update_draft(w.db, OWNER, t.pop("public_id") or w.draft_id, Draft(law=Law.FOIA, **t), now=NOW),
    ),
    "get_draft": Service({"public_id": "K7Q2M"}, lambda w, t, _: drafts.get_draft(w.db, OWNER, t["public_id"])),
    "search_drafts": Service({"text": "Fees"}, lambda w, t, _: drafts.search_drafts(w.db, OWNER, t["text"])),
    "mark_sent": Service(
        {"public_id": "", "sent_on": "20/05/2024", "title": "Fees"},
        lambda w, t, pid: drafts.mark_sent(w.db, OWNER, t["public_id"] or pid, t["sent_on"], title=t["title"], now=NOW),
        World.fresh_draft,
    ),
    "search_authorities": Service({"text": "Leeds"}, lambda w, t, _: authorities.search_authorities(w.db, t["text"])),
    "resolve authority": Service({"text": "Leeds City Council"}, lambda w, t, _: authorities.resolve(w.db, t["text"])),
    "authority_card": Service({"text": "Leeds City Council"},
                              lambda w, t, _: report_cards.authority_card(w.db, OWNER.guild_id, t["text"])),
    "prepare_letter": Service(
        {"public_id": "", "notes": "Please look again.", "signer": "Asha"},
        lambda w, t, _: prepare_letter(w.db, OWNER, t["public_id"] or w.request_id, "complaint", notes=t["notes"],
                                       signer=t["signer"], now=NOW),
    ),
    "read_for_request": Service(
        {"public_id": "", "text": REFUSAL},
        lambda w, t, _: read_for_request(w.db, OWNER, t["public_id"] or w.request_id, text=t["text"], now=NOW),
    ),
    "save_reading": Service(
        {"reply": REFUSAL, "outcome": "upheld", "exemption": "s.43(2)", "answers": "1: withheld", "on": "20/05/2024"},
        _read_then_save, FRESH_REQUEST,
    ),
    "set_board_name": Service({"name": "Asha"}, lambda w, t, _: privacy.set_board_name(w.db, OWNER.user_id, t["name"], now=NOW)),
    "server update_settings": Service(
        {"digest_rhythm": "weekly", "digest_weekday": "friday", "digest_time": "09:30", "timezone": "Europe/London"},
        lambda w, t, _: server_settings.update_settings(w.db, OWNER.guild_id, SettingsChange(**t), can_manage=True, now=NOW),
    ),
    "alerts change_settings": Service(
        {"time_of_day": "08:00", "timezone": "Europe/Dublin"},
        lambda w, t, _: alerts.change_settings(w.db, OWNER.user_id, now=NOW, **t),
    ),
    "follow": Service({"public_id": "R7K3Q"}, lambda w, t, _: board.follow(w.db, Viewer(222, OWNER.guild_id), t["public_id"], now=NOW)),
    "import_csv": Service(
        {"name": "Leeds City Council", "short": "LCC", "url_name": "leeds_city_council", "tags": "local_council",
         "home": "https://www.leeds.gov.uk", "notes": "", "id": "7"},
        lambda w, t, _: import_csv(w.db, _authorities_csv(t), now=NOW),
    ),
    "WhatDoTheyKnow links": Service(
        {"request": "https://www.whatdotheyknow.com/request/x", "user": "https://www.whatdotheyknow.com/user/y"},
        lambda w, t, _: _sync(lambda: (request_slug(t["request"]), user_slug(t["user"])))),
}


@pytest.mark.parametrize("name", sorted(SERVICES))
@EXAMPLES
@given(data=st.data())
async def test_hostile_text_is_taken_or_refused_in_words_and_a_refusal_changes_nothing(world: World, name: str, data: st.DataObject) -> None:
    service = SERVICES[name]
    texts = data.draw(st.fixed_dictionaries({field: hostile_or(value) for field, value in service.plain.items()}))
    acted_on = await service.setup(world) if service.setup is not None else ""
    await refused_or_done(world.db, service.call(world, texts, acted_on))
