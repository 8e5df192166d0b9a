"""The letters service on SQLite and PostgreSQL: letters written from a tracked request's timeline,
who may draft and record them, and what recording a sent letter does to the request.

The PHSO case is real (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of
time taken to respond to complaints"); the lines it rests on are quoted in
``tests/unit/letters/cases.py``: sent 28 March 2022, clarification asked on the outsourcing
question only, which the requester withdrew on 31 March 2022 ("delete the outsourcing request"),
"We instead responded on 8 April 2022" with totals (36 intake, 198 caseworkers, 64 senior
caseworkers), the per-type splits of questions 1 and 3 not held in that form, 4 "As question 1",
6 "As question 3", and the table attached. ``phso_with_gaps`` is an invented variant (questions 3
and 6 unanswered, the table missing) for the tests of those grounds.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.db import Database
from bot.errors import BadInput, InvalidTransition, NotAllowed, NotFound
from bot.letters import LetterKind
from bot.services import Viewer
from bot.services.letters import (
    draft_for_request,
    letter_facts_for,
    prepare_letter,
    record_letter_sent,
)
from bot.services.requests import NewRequest, RequestChanges, append_event, create_request, edit_request, get_request
from bot.tracking import EventKind, Status
from tests.unit.letters.cases import PHSO, PHSO_QUESTIONS

pytestmark = pytest.mark.asyncio

GUILD = 9000
OWNER = Viewer(user_id=111, guild_id=GUILD)
OWNER_IN_DMS = Viewer(user_id=111)
NEIGHBOUR = Viewer(user_id=222, guild_id=GUILD)  # same server, not the owner
STRANGER = Viewer(user_id=333, guild_id=4242)
GOLDEN = Path(__file__).resolve().parents[1] / "unit" / "letters" / "golden"


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


async def log_phso(db: Database, viewer: Viewer = OWNER, **changes: Any) -> str:
    fields: dict[str, Any] = {
        "authority_name": PHSO["authority"], "title": PHSO["title"], "sent_on": "28/03/2022",
        "reference": PHSO["reference"], "link": PHSO["link"], "requester_name": "Dudley Jones",
        "questions": "\n".join(f"{n}) {q}" for n, q in enumerate(PHSO_QUESTIONS, 1)),
    }
    detail = await create_request(db, viewer, NewRequest(**{**fields, **changes}), now=at(date(2022, 3, 28)))
    return detail.public_id


async def record(db: Database, public_id: str, kind: EventKind, day: date, **details: Any) -> None:
    await append_event(db, OWNER, public_id, kind, on=day.strftime("%d/%m/%Y"), details=details, now=at(day))


PHSO_ANSWERS = "1,3: not held in form; 4->1; 6->3; 2,5,7: answered"


async def phso_answered(db: Database, **changes: Any) -> str:
    """As it happened: one part queried and withdrawn on 31 March, answered on 8 April 2022."""
    public_id = await log_phso(db, **changes)
    await record(db, public_id, EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 31), partial=True)
    await record(db, public_id, EventKind.PART_WITHDRAWN, date(2022, 3, 31), questions="8")
    await record(db, public_id, EventKind.RESPONSE, date(2022, 4, 8), outcome="partially successful", answers=PHSO_ANSWERS)
    return public_id


async def phso_with_gaps(db: Database, **changes: Any) -> str:
    """Invented: the same request clarified on one part, answered with 3 and 6 unanswered and the table missing."""
    public_id = await log_phso(db, **changes)
    await record(db, public_id, EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 31), partial=True)
    await record(db, public_id, EventKind.CLARIFICATION_SENT, date(2022, 3, 31))
    await record(db, public_id, EventKind.RESPONSE, date(2022, 4, 8), outcome="partially successful",
                 unanswered="3, 6", attachment_missing=True)
    return public_id


async def test_the_facts_come_from_the_timeline(db: Database) -> None:
    public_id = await phso_with_gaps(db)
    detail = await get_request(db, OWNER, public_id, now=at(date(2022, 4, 9)))
    facts = letter_facts_for(detail)
    assert (facts.sent, facts.responded, facts.clarification_received) == (date(2022, 3, 28), date(2022, 4, 8), date(2022, 3, 31))
    assert facts.clarification_partial and facts.attachment_missing
    assert facts.outcome is not None and facts.outcome.value == "partially_successful"
    assert facts.questions == PHSO_QUESTIONS
    assert facts.unanswered_lines() == [f"Question 3: {PHSO_QUESTIONS[2]}", f"Question 6: {PHSO_QUESTIONS[5]}"]
    assert (facts.requester, facts.reference) == ("Dudley Jones", "00000206")


async def test_the_tracked_phso_request_gives_the_golden_review_letter(db: Database) -> None:
    public_id = await phso_answered(db)
    draft = await prepare_letter(db, OWNER, public_id, "review", None, date(2022, 4, 9), now=at(date(2022, 4, 9)))
    assert [(p.id, p.selected) for p in draft.proposals] == [
        ("not_held_in_form", True), ("totals_for_breakdown", False), ("refers_to_answer", True),
    ]
    assert draft.letter.ground_ids == ("not_held_in_form", "refers_to_answer")
    # The same letter as the one written from the JSON facts (tests/unit/letters): the tracked
    # request and the CLI agree to the character.
    assert draft.letter.text() == (GOLDEN / "phso-review.txt").read_text(encoding="utf-8")
    assert "explain" not in draft.letter.body.lower()  # the member's own review failed on "explain"
    assert draft.letter.deadline_stated == date(2022, 5, 11)  # s.45 Code: 20 working days from 9 April
    assert draft.letter.warnings == [] and draft.can_record and not draft.signer_is_fallback


async def test_removing_a_ground_rewrites_the_letter_without_it(db: Database) -> None:
    public_id = await phso_with_gaps(db)
    draft = await prepare_letter(db, OWNER, public_id, "review", ["missing_attachment"], date(2022, 4, 9), now=at(date(2022, 4, 9)))
    assert draft.letter.ground_ids == ("missing_attachment",)
    assert "senior caseworkers" not in draft.letter.body and "attachment" in draft.letter.body
    assert [p.id for p in draft.offered] == ["partial_answer"]
    with pytest.raises(BadInput, match="not_held"):
        await prepare_letter(db, OWNER, public_id, "review", ["not_held"], date(2022, 4, 9), now=at(date(2022, 4, 9)))


async def test_recording_the_review_moves_the_request_to_internal_review_with_its_due_date(db: Database) -> None:
    public_id = await phso_answered(db)
    draft = await prepare_letter(db, OWNER, public_id, "review", now=at(date(2022, 4, 9)))
    detail = await record_letter_sent(db, OWNER, public_id, "review", now=at(date(2022, 4, 9)))
    assert detail.folded.status is Status.INTERNAL_REVIEW
    assert [(e.kind, e.occurred_on) for e in detail.events][-1] == ("review_requested", date(2022, 4, 9))
    # The date the letter gave is the date the tracker now waits for.
    assert detail.request.next_deadline == draft.letter.deadline_stated == date(2022, 5, 11)
    assert detail.request.deadlines["review_due_max"] == "2022-06-10"
    # A second click cannot ask twice.
    with pytest.raises(InvalidTransition):
        await record_letter_sent(db, OWNER, public_id, "review", now=at(date(2022, 4, 9)))
    again = await prepare_letter(db, OWNER, public_id, "review", now=at(date(2022, 4, 10)))
    assert not again.can_record


async def test_each_letter_records_its_own_event(db: Database) -> None:
    late = await log_phso(db)  # no answer by 27 April 2022: a chaser, kept as a note
    chased = await record_letter_sent(db, OWNER, late, LetterKind.CHASER, now=at(date(2022, 4, 29)))
    assert (chased.events[-1].kind, chased.events[-1].note) == ("note", "Chaser sent: the response was overdue.")
    assert chased.folded.status is Status.WAITING_RESPONSE
    complained = await record_letter_sent(db, OWNER, late, LetterKind.COMPLAINT, now=at(date(2022, 6, 1)))
    assert complained.folded.status is Status.COMPLAINT

    asked = await log_phso(db)
    await record(db, asked, EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 31))
    draft = await prepare_letter(db, OWNER, asked, "clarification", notes="I mean the outsourced activities only.",
                                 now=at(date(2022, 4, 1)))
    assert "I mean the outsourced activities only." in draft.letter.body and draft.can_record
    clarified = await record_letter_sent(db, OWNER, asked, LetterKind.CLARIFICATION, now=at(date(2022, 4, 1)))
    assert clarified.folded.status is Status.WAITING_RESPONSE and clarified.events[-1].kind == "clarification_sent"


async def test_members_who_cannot_see_a_request_get_not_found_and_only_the_owner_records(db: Database) -> None:
    private = await phso_answered(db)
    for viewer in (NEIGHBOUR, STRANGER):
        with pytest.raises(NotFound, match=f"No request {private}"):
            await prepare_letter(db, viewer, private, "review", now=at(date(2022, 4, 9)))
        with pytest.raises(NotFound):
            await record_letter_sent(db, viewer, private, "review", now=at(date(2022, 4, 9)))
    assert (await prepare_letter(db, OWNER_IN_DMS, private, "review", now=at(date(2022, 4, 9)))).can_record

    shared = await phso_answered(db, visibility="server")
    seen = await prepare_letter(db, NEIGHBOUR, shared, "review", signer="neighbour", now=at(date(2022, 4, 9)))
    assert seen.letter.ground_ids and not seen.can_record  # a neighbour may draft, not record
    with pytest.raises(NotAllowed):
        await record_letter_sent(db, NEIGHBOUR, shared, "review", now=at(date(2022, 4, 9)))
    with pytest.raises(NotFound):
        await prepare_letter(db, STRANGER, shared, "review", now=at(date(2022, 4, 9)))
    assert (await get_request(db, OWNER, shared)).folded.status is Status.PARTIALLY_SUCCESSFUL


async def test_without_a_requester_name_the_letter_is_signed_with_the_members_name(db: Database) -> None:
    public_id = await phso_answered(db, requester_name=None)
    draft = await prepare_letter(db, OWNER, public_id, "review", signer="  Dee   Jay ", now=at(date(2022, 4, 9)))
    assert draft.signer_is_fallback and draft.signed_as == "Dee Jay"
    assert draft.letter.body.rstrip().endswith("Yours faithfully,\n\nDee Jay")
    with pytest.raises(BadInput, match="no requester name"):
        await prepare_letter(db, OWNER, public_id, "review", now=at(date(2022, 4, 9)))
    await edit_request(db, OWNER, public_id, RequestChanges(requester_name="Dudley Jones"), now=at(date(2022, 4, 9)))
    named = await prepare_letter(db, OWNER, public_id, "review", signer="Dee Jay", now=at(date(2022, 4, 9)))
    assert named.signed_as == "Dudley Jones" and not named.signer_is_fallback


async def test_unanswered_numbers_beyond_the_questions_written_are_quoted_as_numbers(db: Database) -> None:
    public_id = await log_phso(db, questions="Please send the caseworker figures.")
    await record(db, public_id, EventKind.RESPONSE, date(2022, 4, 8), outcome="partial", unanswered="3, 6")
    draft = await prepare_letter(db, OWNER, public_id, "review", now=at(date(2022, 4, 9)))
    assert "- Question 3\n" in draft.letter.body and "- Question 6\n" in draft.letter.body


async def test_letters_that_cannot_be_written_yet_say_what_to_record_first(db: Database) -> None:
    public_id = await log_phso(db)
    with pytest.raises(BadInput, match="Clarification asked for"):
        await prepare_letter(db, OWNER, public_id, "clarification", notes="x", now=at(date(2022, 4, 1)))
    sar = await log_phso(db, law="sar")
    with pytest.raises(BadInput, match="no statutory review"):
        await prepare_letter(db, OWNER, sar, "review", now=at(date(2022, 5, 1)))
    with pytest.raises(BadInput, match="limit is 1000"):
        await prepare_letter(db, OWNER, public_id, "chaser", notes="x" * 1001, now=at(date(2022, 5, 1)))


async def test_the_alert_buttons_draft_a_chaser_and_a_late_review_becomes_the_complaint(db: Database) -> None:
    late = await log_phso(db)
    chaser = await draft_for_request(db, OWNER_IN_DMS, late, "chaser", now=at(date(2022, 4, 29)))
    assert chaser.kind is LetterKind.CHASER and "27 April 2022" in chaser.body and chaser.warnings == []

    in_review = await phso_answered(db)
    await record(db, in_review, EventKind.REVIEW_REQUESTED, date(2022, 4, 9))
    chase_review = await draft_for_request(db, OWNER_IN_DMS, in_review, "chaser", now=at(date(2022, 6, 13)))
    assert chase_review.kind is LetterKind.COMPLAINT and "review_overdue" in chase_review.ground_ids
    review = await draft_for_request(db, OWNER_IN_DMS, await phso_with_gaps(db), "review", now=at(date(2022, 5, 27)))
    assert review.kind is LetterKind.REVIEW and review.ground_ids == ("partial_answer", "missing_attachment")


async def test_a_chaser_is_refused_while_the_authority_waits_for_the_member(db: Database) -> None:
    public_id = await log_phso(db)
    await record(db, public_id, EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 31))
    with pytest.raises(BadInput, match="waiting for your clarification: the clock is stopped"):
        await prepare_letter(db, OWNER, public_id, "chaser", None, date(2022, 5, 30), now=at(date(2022, 5, 30)))
