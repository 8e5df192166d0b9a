"""Member text with NUL, lone surrogates and control characters, at every service that takes text,
on SQLite and PostgreSQL (which refuses NUL in any text column, and neither stores a surrogate):
each text goes through the one cleaner (``bot.tracking.text.member_text``), so what is stored and
shown is the text without them, and text that was nothing but them is refused as empty."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from bot.db import Database
from bot.drafting import Draft
from bot.errors import BadInput, NotFound
from bot.law.regimes import Law
from bot.models import Authority, Draft as DraftRow, Event, Request
from bot.services import Viewer
from bot.services import authorities, drafts, privacy, request_list
from bot.services import server as server_settings
from bot.services.letters import prepare_letter
from bot.services.reading import Corrections, read_for_request, save_reading
from bot.services.requests import NewRequest, RequestChanges, append_event, create_request, edit_request, get_request
from bot.services.server import SettingsChange
from bot.tracking import EventKind

pytestmark = pytest.mark.asyncio

OWNER = Viewer(user_id=111, guild_id=9000)
NOW = datetime(2024, 5, 20, 12, tzinfo=timezone.utc)
NOT_TEXT = "\x00\ud800\udfff"  # NUL and two lone surrogates: no database can store them
CONTROLS = "\x07\x1b"  # BEL, ESC: gone from one-line text too (free text keeps them: only NUL and surrogates go)


def poisoned(text: str) -> str:
    """``text`` with what is not text in the middle of its first word and at its end."""
    return text[:3] + NOT_TEXT + text[3:] + NOT_TEXT


def poisoned_line(text: str) -> str:
    return poisoned(text[:2] + CONTROLS + text[2:])


REFUSAL = """Dear Ms Patel,

The information you have requested is exempt from disclosure under section 43(2) of the Freedom of
Information Act 2000, as its release would be likely to prejudice the commercial interests of the contractor.

You have the right to ask for an internal review, and then to complain to the Information Commissioner.

Yours sincerely
Information Governance Team
"""


async def log_request(db: Database, **changes: str) -> str:
    fields = {"authority_name": "Leeds City Council", "title": "Parking contract values", "sent_on": "01/05/2024",
              "requester_name": "Asha Patel", "questions": "1) The contract value\n2) The contractor's bid"}
    return (await create_request(db, OWNER, NewRequest(**{**fields, **changes}), now=NOW)).public_id


async def counts(db: Database) -> tuple[int, ...]:
    async with db.read() as session:
        return tuple([(await session.exec(select(func.count()).select_from(t))).one() for t in (Authority, Request, Event, DraftRow)])


async def test_a_request_logged_with_nul_and_surrogates_is_stored_without_them(db: Database) -> None:
    public_id = await log_request(
        db, authority_name=poisoned_line("Leeds City Council"), title=poisoned_line("Parking contract values"),
        reference=poisoned_line("FOI-123"), requester_name=poisoned_line("Asha Patel"),
        questions=poisoned("1) The contract value\r\n2) The bid"), link=poisoned("https://www.whatdotheyknow.com/request/x"),
    )
    detail = await get_request(db, OWNER, public_id, now=NOW)
    request = detail.request
    assert (request.title, request.reference, request.requester_name) == ("Parking contract values", "FOI-123", "Asha Patel")
    assert request.questions == "1) The contract value\n2) The bid" and request.link == "https://www.whatdotheyknow.com/request/x"
    assert detail.authority.name == "Leeds City Council"


async def test_notes_edits_and_event_details_are_stored_without_them(db: Database) -> None:
    public_id = await log_request(db)
    await append_event(db, OWNER, public_id, EventKind.NOTE, note=poisoned("Phoned them\nno answer"), on="02/05/2024", now=NOW)
    await append_event(db, OWNER, public_id, EventKind.ACKNOWLEDGED, on=poisoned("03/05/2024"),
                       details={"reference": poisoned("REF-9")}, now=NOW)
    detail = await edit_request(db, OWNER, poisoned(public_id), RequestChanges(title=poisoned("Parking contracts")), now=NOW)
    assert detail.request.title == "Parking contracts" and detail.request.reference == "REF-9"
    assert [e.note for e in detail.events if e.kind == EventKind.NOTE.value] == ["Phoned them\nno answer"]


async def test_searches_with_nul_and_surrogates_find_what_the_rest_finds(db: Database) -> None:
    public_id = await log_request(db)
    draft = await drafts.create_draft(db, OWNER, Draft("Leeds City Council", poisoned("Parking"), "1) The value", "Asha Patel", Law.FOIA))
    assert await request_list.search_requests(db, OWNER, poisoned("Parking")) == [(public_id, "Parking contract values")]
    assert [pid for pid, _ in await drafts.search_drafts(db, OWNER, poisoned("Parking"))] == [draft.public_id]
    assert "Leeds City Council" in [c.name for c in await authorities.search_authorities(db, poisoned("Leeds City"))]
    assert (await authorities.resolve(db, poisoned("Leeds City Council"))).known


async def test_a_draft_with_nul_and_surrogates_is_stored_and_sent_without_them(db: Database) -> None:
    content = Draft(poisoned("Leeds City Council"), poisoned("Parking"), poisoned("1) The value\r\n2) The bid"),
                    poisoned("Asha Patel"), Law.FOIA)
    record = await drafts.create_draft(db, OWNER, content, now=NOW)
    assert record.content == Draft("Leeds City Council", "Parking", "1) The value\n2) The bid", "Asha Patel", Law.FOIA)
    record = await drafts.update_draft(db, OWNER, record.public_id, content.with_changes(subject=poisoned("Parking fees")), now=NOW)
    assert record.content.subject == "Parking fees"
    sent = await drafts.mark_sent(db, OWNER, poisoned(record.public_id), poisoned("20/05/2024"), title=poisoned("Fees"), now=NOW)
    assert sent.request.request.title == "Fees"


async def test_board_name_and_server_settings_typed_with_nul_are_stored_without_it(db: Database) -> None:
    assert await privacy.set_board_name(db, OWNER.user_id, poisoned("Asha"), now=NOW) == "Asha"
    change = SettingsChange(digest_time=poisoned("09:30"), timezone=poisoned("Europe/London"), digest_weekday=poisoned("friday"))
    settings = await server_settings.update_settings(db, OWNER.guild_id, change, can_manage=True, now=NOW)
    assert (settings.digest_time, settings.timezone, settings.digest_weekday) == ("09:30", "Europe/London", 4)


async def test_a_pasted_reply_and_corrections_with_nul_and_surrogates_are_read_and_saved(db: Database) -> None:
    public_id = await log_request(db)
    draft = await read_for_request(db, OWNER, public_id, text=REFUSAL.replace("section", "sec\x00\ud800tion"), now=NOW)
    assert draft.reading.relied_labels() == ["FOIA s.43(2)"]
    fixes = Corrections(outcome="refused", exemptions=[poisoned("s.43(2)")], answers=poisoned("1: withheld"))
    detail = await save_reading(db, OWNER, draft, fixes, on=poisoned("20/05/2024"), now=NOW)
    stored = detail.events[-1].data
    assert stored["exemptions"] == ["s43(2)"] and stored["reading"]["corrections"]["answers"] == "1: withheld"


async def test_a_letters_own_paragraph_and_signer_lose_nul_and_surrogates(db: Database) -> None:
    public_id = await log_request(db, requester_name="")
    await append_event(db, OWNER, public_id, EventKind.RESPONSE, on="15/05/2024", details={"outcome": "refused"}, now=NOW)
    draft = await prepare_letter(db, OWNER, public_id, "review", notes=poisoned("Please look again."),
                                 signer=poisoned("Asha Patel"), now=NOW)
    text = draft.letter.text()
    assert "Please look again." in text and "Asha Patel" in text
    assert not any(ch in text for ch in NOT_TEXT)


async def test_text_that_is_nothing_but_nul_and_surrogates_is_refused_as_empty_and_changes_nothing(db: Database) -> None:
    public_id = await log_request(db)
    before = await counts(db)
    with pytest.raises(BadInput, match="The title is empty"):
        await log_request(db, title=NOT_TEXT)
    with pytest.raises(BadInput, match="note needs some text"):
        await append_event(db, OWNER, public_id, EventKind.NOTE, note=NOT_TEXT, now=NOW)
    with pytest.raises(NotFound, match=r"No request \(empty\)"):
        await get_request(db, OWNER, NOT_TEXT, now=NOW)
    assert await counts(db) == before
    async with db.read() as session:
        notes = (await session.exec(select(Event.note).where(col(Event.note).is_not(None)))).all()
    assert notes == []
