"""Reading a reply for a tracked request and saving it, on SQLite and PostgreSQL: the reading's
facts reach the event and the letters; the member's corrections win; bad input saves nothing."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlmodel import col, select

from bot.db import Database
from bot.errors import BadInput, InvalidTransition, NotFound
from bot.letters import LetterKind
from bot.models import Event
from bot.services import Viewer
from bot.services.letters import prepare_letter
from bot.services.reading import Corrections, read_for_request, save_reading
from bot.services.requests import NewRequest, append_event, create_request
from bot.tracking import EventKind, Status
from tests.unit.reading.pdfs import encrypted_pdf, pdf_bomb, text_pdf

pytestmark = pytest.mark.asyncio

OWNER = Viewer(user_id=111, guild_id=9000)
OTHER = Viewer(user_id=222, guild_id=9000)
NOW = datetime(2024, 5, 20, 12, tzinfo=timezone.utc)

# Modelled on foinews.co.uk's Royal Mail refusal ("exempt from disclosure under S.43(2) of the Act"):
# a qualified exemption relied on with no public interest reasons at all.
REFUSAL_43 = """Dear Ms Patel,

The information you have requested is exempt from disclosure under section 43(2) of the Freedom of
Information Act 2000, as its release would be likely to prejudice the commercial interests of the contractor.

If you are dissatisfied with the handling of your request, you have the right to ask for an internal review.
You can then complain to the Information Commissioner.

Yours sincerely
Information Governance Team
"""


async def log_request(db: Database) -> str:
    new = NewRequest(authority_name="Leeds City Council", title="Parking contract values", sent_on="01/05/2024",
                     requester_name="Asha Patel", questions="1) The contract value\n2) The contractor's bid")
    return (await create_request(db, OWNER, new, now=NOW)).public_id


async def events(db: Database) -> list[Event]:
    async with db.transaction() as session:
        return list((await session.exec(select(Event).order_by(col(Event.id)))).all())


async def test_a_pasted_refusal_is_read_then_saved_with_its_facts(db: Database) -> None:
    public_id = await log_request(db)
    draft = await read_for_request(db, OWNER, public_id, text=REFUSAL_43, now=NOW)
    assert draft.suggested is EventKind.RESPONSE and EventKind.RESPONSE in draft.kinds
    assert draft.reading.relied_labels() == ["FOIA s.43(2)"]
    detail = await save_reading(db, OWNER, draft, Corrections(), on="20/05/2024", now=NOW)
    assert detail.folded.status is Status.REJECTED
    data = (await events(db))[-1].data
    assert data["outcome"] == "refused" and data["exemptions"] == ["s43(2)"]
    assert data["public_interest_reasons_given"] is False
    assert data["review_rights_stated"] is True and data["regulator_rights_stated"] is True
    assert data["attachments_referred"] == 0
    assert data["reading"]["citations"] == ["FOIA s.43(2)"] and data["reading"]["corrections"] == {}
    assert "cost_estimate_given" not in data  # unknown (no cost refusal): not stored

    letter = await prepare_letter(db, OWNER, public_id, LetterKind.REVIEW, today=date(2024, 5, 21), now=NOW)
    ticked = {p.id for p in letter.proposals if p.selected}
    assert {"commercial_interests", "no_public_interest_reasons"} <= ticked
    assert letter.facts.public_interest_reasons_given is False


async def test_the_members_corrections_win(db: Database) -> None:
    public_id = await log_request(db)
    draft = await read_for_request(db, OWNER, public_id, text=REFUSAL_43, now=NOW)
    fixes = Corrections(outcome="partially_successful", exemptions=["FOIA s.43(2)", "s.40(2)"],
                        flags={"public_interest_reasons_given": True}, attachment_missing=True, answers="1: answered; 2: withheld")
    await save_reading(db, OWNER, draft, fixes, on="20/05/2024", now=NOW)
    data = (await events(db))[-1].data
    assert data["outcome"] == "partially_successful"
    assert data["exemptions"] == ["s43(2)", "s40(2)"]
    assert data["public_interest_reasons_given"] is True
    assert data["attachment_missing"] is True
    assert data["answers"] == {"1": {"status": "answered"}, "2": {"status": "withheld"}}
    assert data["reading"]["corrections"]["outcome"] == "partially_successful"
    letter = await prepare_letter(db, OWNER, public_id, LetterKind.REVIEW, today=date(2024, 5, 21), now=NOW)
    assert "no_public_interest_reasons" not in {p.id for p in letter.proposals if p.selected}


async def test_an_extension_read_from_a_pdf_keeps_its_new_date(db: Database) -> None:
    public_id = await log_request(db)
    pdf = text_pdf(["Dear Ms Patel", "We need further time to consider the public interest under section 10(3) of the FOIA.",
                    "We now aim to respond by 14 June 2024."])
    draft = await read_for_request(db, OWNER, public_id, data=pdf, filename="extension.pdf", now=NOW)
    assert draft.suggested is EventKind.EXTENSION
    detail = await save_reading(db, OWNER, draft, Corrections(), on="20/05/2024", now=NOW)
    assert detail.folded.extended_to == date(2024, 6, 14)


async def test_a_review_verdict_upheld_keeps_the_responses_outcome(db: Database) -> None:
    public_id = await log_request(db)
    await append_event(db, OWNER, public_id, EventKind.RESPONSE, on="10/05/2024", details={"outcome": "refused", "exemptions": "s.43(2)"}, now=NOW)
    await append_event(db, OWNER, public_id, EventKind.REVIEW_REQUESTED, on="13/05/2024", now=NOW)
    text = ("Dear Ms Patel\n\nI have now completed the internal review. I am satisfied that section 43(2) of the Act was "
            "correctly applied, and I uphold the original decision.\n\nYou may apply to the Information Commissioner.\n\nYours sincerely")
    draft = await read_for_request(db, OWNER, public_id, text=text, now=NOW)
    assert draft.suggested is EventKind.REVIEW_RESPONSE and draft.reading.outcome.value == "upheld"
    detail = await save_reading(db, OWNER, draft, Corrections(), on="20/05/2024", now=NOW)
    assert detail.folded.review.outcome.value == "refused" and detail.folded.review.verdict.value == "upheld"
    assert (await events(db))[-1].data["outcome"] == "upheld"


@pytest.mark.parametrize(("text", "data", "name", "message"), [
    ("", None, None, "no text to read"),
    ("x" * 100_000, None, None, "characters long"),
    (None, bytes(range(256)) * 30, "junk.txt", "binary"),
    (None, pdf_bomb(), "bomb.pdf", "expands to far more data"),
    (None, encrypted_pdf(), "locked.pdf", "password-protected"),
    (None, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png", "is an image"),
])
async def test_bad_input_says_what_was_wrong_and_saves_nothing(db: Database, text, data, name, message: str) -> None:
    public_id = await log_request(db)
    before = len(await events(db))
    with pytest.raises(BadInput, match=message):
        await read_for_request(db, OWNER, public_id, text=text, data=data, filename=name, now=NOW)
    assert len(await events(db)) == before


async def test_another_member_cannot_read_a_reply_onto_a_private_request(db: Database) -> None:
    public_id = await log_request(db)
    with pytest.raises(NotFound):  # private by default: the same words as an id that does not exist
        await read_for_request(db, OTHER, public_id, text=REFUSAL_43, now=NOW)


async def test_a_reply_that_cannot_follow_the_timeline_is_refused_before_anything_is_saved(db: Database) -> None:
    public_id = await log_request(db)
    with pytest.raises(InvalidTransition):
        await read_for_request(db, OWNER, public_id, text=REFUSAL_43, kind=EventKind.REVIEW_RESPONSE, now=NOW)
    draft = await read_for_request(db, OWNER, public_id, text="Dear Ms Patel\n\nWe acknowledge receipt of your request.\n\nRegards", now=NOW)
    assert draft.suggested is EventKind.ACKNOWLEDGED
    with pytest.raises(BadInput, match="outcome"):
        await save_reading(db, OWNER, draft, Corrections(kind=EventKind.RESPONSE), now=NOW)
