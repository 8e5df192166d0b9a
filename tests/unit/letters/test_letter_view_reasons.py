"""The `/letter` messages for what comes before a letter (no database, no Discord connection): the
reasons menu of a review with no ground, a flagged paragraph with its two ways forward, a shared
request's unsigned copy, and the complaint's form boxes button.

The PHSO member's own review of 9 April 2022 (WhatDoTheyKnow) asked "Can you explain this discrepancy?".
"""

from __future__ import annotations

from datetime import date

from bot.letters.regulator import form_boxes
from bot.services import letters as service
from bot.tracking import EventKind
from cogs.letters import composed_message, flagged_from, letter_message, notes_from
from tests.unit.letters.cases import PHSO
from tests.unit.letters.test_letter_view import APRIL_9, PID, components, detail_for, template_of

BARE = [(EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "successful"})]
ANSWERED = [(EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "partially_successful",
                                                    "answers": PHSO["answers"]})]
REVIEWED = [*ANSWERED, (EventKind.REVIEW_REQUESTED, date(2022, 4, 9), {}), (EventKind.REVIEW_RESPONSE, date(2022, 5, 9), {})]


def compose(events, *, owner: bool = True, kind: str = "review", today: date = APRIL_9, **options):
    detail = detail_for(events, today, owner=owner)
    return service.compose_from_detail(detail, kind, options.pop("grounds", None), today, signer="Alice", **options)


def test_a_review_with_no_ground_shows_the_reasons_menu_with_in_my_own_words_and_no_letter() -> None:
    message = composed_message(compose(BARE), None)
    assert "```" not in message["content"] and "needs a reason" in message["embed"].description
    (select,) = components(message["view"])
    assert select["custom_id"] == f"letter:review:{PID}:reasons" and template_of(select["custom_id"]).__name__ == "ReasonsSelect"
    values = [o["value"] for o in select["options"]]
    assert values == ["partial_answer", "not_held_in_form", "not_held", "missing_attachment", "no_exemption_named", "own_words"]
    assert select["min_values"] == 1 and all(len(o["label"]) <= 100 for o in select["options"])


def test_the_letter_from_a_reason_keeps_the_menu_ticked_and_the_choice_in_its_buttons() -> None:
    draft = compose(BARE, grounds=["not_held"])
    message = letter_message(draft, PHSO["authority"])
    select, docx, *_ = components(message.view)
    assert [o["value"] for o in select["options"] if o.get("default")] == ["not_held"]
    assert service.decode_grounds(docx["custom_id"].rsplit(":", 1)[1]) == ["not_held"]
    assert "**Reasons given**" in message.embed.description


def test_a_flagged_paragraph_offers_a_ground_a_new_request_draft_and_writing_it_again() -> None:
    own = "Can you explain this discrepancy?"
    message = composed_message(compose(ANSWERED, notes=own), own)
    text = message["embed"].description
    assert "an explanation is not recorded information" in text and "Total headcount by directorate" in text
    ids = [c["custom_id"] for c in components(message["view"])]
    assert ids == [f"letter:review:{PID}:reasons", f"letter:review:{PID}:newreq", f"letter:review:{PID}:rewrite"]
    assert all(len(i) <= 100 for i in ids)

    class Carrier:  # the message as a later click sees it
        embeds = [message["embed"]]

    assert flagged_from(Carrier()) == own and notes_from(Carrier()) is None  # not put in a letter later


def test_another_member_gets_an_unsigned_copy_without_the_owners_name_or_the_record_button() -> None:
    draft = compose(ANSWERED, owner=False)
    message = letter_message(draft, PHSO["authority"])
    shown = message.content + message.embed.description
    assert "Dudley Jones" not in shown and "Dudley Jones" not in draft.letter.text()
    assert "**A copy**" in message.embed.description
    assert not any(c["custom_id"].endswith(":record") for c in components(message.view))
    owners = letter_message(compose(ANSWERED), PHSO["authority"])
    assert "Dudley Jones" in owners.content or "Dudley Jones" in compose(ANSWERED).letter.body


def test_a_foia_complaint_has_the_form_boxes_button_and_the_scottish_appeal_form_has_no_boxes() -> None:
    draft = compose(REVIEWED, kind="complaint", today=date(2022, 5, 16))
    ids = [c["custom_id"] for c in components(letter_message(draft, PHSO["authority"]).view)]
    boxes = next(i for i in ids if ":boxes" in i)
    assert boxes.startswith(f"letter:complaint:{PID}:boxes:") and template_of(boxes).__name__ == "BoxesButton"
    assert len(draft.boxes) == 2 and all(len(b.text) <= b.limit for b in draft.boxes)
    assert form_boxes(draft.letter.body, "foisa") == []  # the SIC's appeal form takes the letter as it is
