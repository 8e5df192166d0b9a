"""The complaint split into the boxes of the ICO's online form (each "Maximum 2000 characters", as the
form says), and none for the Scottish Information Commissioner's appeal form."""

from __future__ import annotations

from datetime import date

import pytest

from bot.letters import LetterFacts, default_ground_ids, propose_grounds, render_letter
from bot.letters.regulator import CONTINUED, form_boxes
from tests.unit.letters.cases import PHSO_COMPLAINT_TODAY, PHSO_REVIEWED


def complaint(notes: str | None = None, **changes: object) -> str:
    facts = LetterFacts.from_json({**PHSO_REVIEWED, **changes})
    ids = default_ground_ids(propose_grounds("complaint", facts, PHSO_COMPLAINT_TODAY))
    return render_letter("complaint", facts, ids, PHSO_COMPLAINT_TODAY, notes=notes).body


def test_the_phso_complaint_fits_the_two_boxes_whole() -> None:
    body = complaint()
    grounds, history = form_boxes(body, "foia")
    assert grounds.label == "What is your complaint?" and grounds.text.startswith("1. The response of 8 April 2022")
    assert history.text.startswith("- 28 March 2022: I sent my request") and "- 9 May 2022" in history.text
    assert not grounds.cut and not history.cut


def test_a_long_complaint_is_cut_at_a_sentence_within_the_limit_and_says_where_the_rest_is() -> None:
    long = " ".join(["The figures for each team are held in the case management system."] * 40)
    for box in form_boxes(complaint(notes=long), "foia"):
        assert len(box.text) <= box.limit == 2000
    grounds = form_boxes(complaint(notes=long), "foia")[0]
    assert grounds.cut and grounds.text.endswith(f"system. {CONTINUED}")


@pytest.mark.parametrize("law", ["foisa", "eisr"])
def test_the_scottish_commissioners_form_takes_the_letter_as_it_is(law: str) -> None:
    assert form_boxes(complaint(), law) == []


def test_a_subject_access_complaint_has_the_one_box_of_the_data_protection_form() -> None:
    facts = LetterFacts.from_json({"law": "sar", "authority": "Exampleshire County Council", "title": "My file",
                                   "requester": "Alex Morgan", "sent": "2025-01-06"})
    body = render_letter("complaint", facts, ["no_response"], date(2025, 3, 1)).body
    (box,) = form_boxes(body, "sar")
    assert box.label == "What's happened with your personal information" and 0 < len(box.text) <= 2000
