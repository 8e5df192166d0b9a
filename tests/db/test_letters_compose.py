"""``compose_letter`` on SQLite and PostgreSQL: a review always has a reason, the member's own paragraph
is checked before it goes into a letter, a shared request's letter is a copy for anyone but its owner,
and a complaint under an ICO law comes split into the ICO form's boxes.

The PHSO case is real (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of
time taken to respond to complaints"); the lines used are quoted in ``tests/unit/letters/cases.py``.
The member's own review of 9 April 2022 asked: "Can you explain this discrepancy?"; the review
outcome of 9 May 2022 answered "you have not queried anything specific".
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.db import Database
from bot.services.drafts import get_draft
from bot.services.letters import (
    LetterDraft,
    OwnWordsFlagged,
    ReasonNeeded,
    compose_letter,
    decode_grounds,
    encode_grounds,
    open_new_request,
    prepare_letter,
)
from bot.tracking import EventKind
from tests.db.test_letters_service import NEIGHBOUR, OWNER, STRANGER, at, log_phso, phso_answered, record

pytestmark = pytest.mark.asyncio

DISCREPANCY = ("The information you have provided here appears to suggest the PHSO employs about 300 staff but a job "
               "advert says you employ 'approximately 600 staff'. Can you explain this discrepancy?")
APRIL_9 = at(date(2022, 4, 9))


async def answered_without_details(db: Database) -> str:
    """A response recorded with its outcome only: nothing in the facts gives a ground."""
    public_id = await log_phso(db)
    await record(db, public_id, EventKind.RESPONSE, date(2022, 4, 8), outcome="successful")
    return public_id


async def test_a_review_whose_facts_give_no_ground_asks_for_a_reason_instead_of_a_letter(db: Database) -> None:
    public_id = await answered_without_details(db)
    needed = await compose_letter(db, OWNER, public_id, "review", now=APRIL_9)
    assert isinstance(needed, ReasonNeeded) and needed.proposals == ()
    # The menu is the table's review grounds a member can state: their titles and citations.
    assert [r.id for r in needed.reasons] == ["partial_answer", "not_held_in_form", "not_held", "missing_attachment",
                                             "no_exemption_named"]
    assert needed.reasons[1].title == "Held, but 'not in the form asked': ask what is held"
    assert "FOIA section 16" in needed.reasons[1].citations and needed.review == "review"


async def test_a_reason_picked_from_the_menu_writes_the_review_in_the_icos_shape(db: Database) -> None:
    public_id = await answered_without_details(db)
    draft = await compose_letter(db, OWNER, public_id, "review", ["not_held_in_form"], now=APRIL_9)
    assert isinstance(draft, LetterDraft) and draft.letter.reason_ids == ("not_held_in_form",)
    body = draft.letter.body
    assert "I am dissatisfied with your response for the following reason.\n\n1. The response of 8 April 2022 says" in body
    assert "what recorded information is held from which the answers could be drawn" in body and "section 16" in body
    # The choice survives a button's custom id (the .docx button re-renders the same letter).
    assert decode_grounds(encode_grounds(draft.chosen_ids)) == ["not_held_in_form"]
    again = await prepare_letter(db, OWNER, public_id, "review", decode_grounds(encode_grounds(draft.chosen_ids)), now=APRIL_9)
    assert again.letter.body == body


async def test_unticking_every_ground_asks_for_a_reason_again(db: Database) -> None:
    public_id = await phso_answered(db)
    needed = await compose_letter(db, OWNER, public_id, "review", [], now=APRIL_9)
    assert isinstance(needed, ReasonNeeded) and needed.reasons == ()
    assert [p.id for p in needed.proposals] == ["not_held_in_form", "totals_for_breakdown", "refers_to_answer"]


async def test_asking_for_an_explanation_is_flagged_before_any_letter_with_two_ways_forward(db: Database) -> None:
    public_id = await phso_answered(db)
    flagged = await compose_letter(db, OWNER, public_id, "review", notes=DISCREPANCY, now=APRIL_9)
    assert isinstance(flagged, OwnWordsFlagged)
    assert [f.quote for f in flagged.flags] == ["Can you explain this discrepancy?"]
    assert flagged.flags[0].why == ("a review looks at how your request was handled and what recorded information was "
                                    "given; an explanation is not recorded information")
    assert flagged.flags[0].rule_id == "explanation-not-information"  # the drafting linter's own rule
    # Way 1: a ground about the handling (the facts support them); way 2: a new request for recorded information.
    assert "not_held_in_form" in [p.id for p in flagged.proposals]
    assert flagged.new_request.subject == "Total headcount by directorate"
    assert "as at 8 April 2022, broken down by directorate" in flagged.new_request.questions

    record_ = await open_new_request(db, OWNER, public_id, "review", DISCREPANCY, signer="Alice", now=APRIL_9)
    draft = await get_draft(db, OWNER, record_.public_id)
    assert draft.content.authority == "Parliamentary and Health Service Ombudsman" and draft.content.law == "foia"
    assert draft.content.requester_name == "Dudley Jones"
    assert "The total number of staff employed by Parliamentary and Health Service Ombudsman" in draft.content.questions


async def test_a_paragraph_about_what_was_given_goes_into_the_letter_as_written(db: Database) -> None:
    public_id = await answered_without_details(db)
    words = "Questions 1 and 3 asked for figures for parliamentary cases; the response gave one total for all cases."
    draft = await compose_letter(db, OWNER, public_id, "review", notes=words, now=APRIL_9)
    assert isinstance(draft, LetterDraft) and draft.letter.ground_ids == () and draft.letter.reason_ids == ()
    assert f"for the following reason.\n\n{words}\n" in draft.letter.body


async def test_only_the_owner_gets_a_signed_letter_others_get_a_copy_without_the_owners_details(db: Database) -> None:
    shared = await phso_answered(db, visibility="server")
    owners = await compose_letter(db, OWNER, shared, "review", now=APRIL_9)
    assert isinstance(owners, LetterDraft) and not owners.is_copy
    assert owners.letter.body.rstrip().endswith("Yours faithfully,\n\nDudley Jones")

    copy = await compose_letter(db, NEIGHBOUR, shared, "review", signer="Neighbour", now=APRIL_9)
    assert isinstance(copy, LetterDraft) and copy.is_copy and not copy.can_record
    assert copy.letter.body.rstrip().endswith("Yours faithfully,")
    assert "Dudley Jones" not in copy.letter.text() and "Neighbour" not in copy.letter.text()
    assert copy.signed_as == "" and not copy.signer_is_fallback
    assert copy.letter.ground_ids == owners.letter.ground_ids  # the same arguments, unsigned
    with pytest.raises(Exception, match="No request"):
        await compose_letter(db, STRANGER, shared, "review", now=APRIL_9)


async def test_a_complaint_under_foia_comes_in_the_ico_forms_boxes_each_within_its_limit(db: Database) -> None:
    public_id = await phso_answered(db)
    await record(db, public_id, EventKind.REVIEW_REQUESTED, date(2022, 4, 9))
    await record(db, public_id, EventKind.REVIEW_RESPONSE, date(2022, 5, 9), outcome="upheld")
    draft = await compose_letter(db, OWNER, public_id, "complaint", now=at(date(2022, 5, 16)))
    assert isinstance(draft, LetterDraft)
    assert [b.label for b in draft.boxes] == ["What is your complaint?", "Tell us why you believe the public body has not acted properly"]
    assert all(0 < len(b.text) <= b.limit == 2000 for b in draft.boxes)
    assert "not held in the form I asked for" in draft.boxes[0].text
    assert "8 April 2022" in draft.boxes[1].text

