"""The reasons menu for a review with no ground, and the check of the member's own paragraph.

The PHSO review of 9 April 2022 (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and
length of time taken to respond to complaints") asked "Can you explain this discrepancy?"; the
outcome of 9 May 2022 answered that nothing specific had been queried.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.letters import LetterFacts, render_letter
from bot.letters.own_words import check_own_words, new_request
from bot.letters.reasons import review_reasons
from tests.unit.letters.cases import PHSO, PHSO_TODAY

BARE = {k: v for k, v in PHSO.items() if k not in ("answers", "withdrawn_parts", "clarification_requested", "clarification_partial")}


@pytest.mark.parametrize("law", ["foia", "eir", "foisa", "eisr"])
def test_every_reason_in_the_menu_writes_a_review_with_no_recorded_details(law: str) -> None:
    facts = LetterFacts.from_json({**BARE, "law": law, "division": "scotland" if law in ("foisa", "eisr") else "england-and-wales"})
    reasons = [r.id for r in review_reasons(law)]
    letter = render_letter("review", facts, [], PHSO_TODAY, reasons=reasons)
    assert letter.reason_ids == tuple(reasons) and letter.ground_ids == ()
    assert f"{len(reasons)}. " in letter.body and "None" not in letter.body


def test_a_reason_the_facts_support_is_written_as_that_ground() -> None:
    facts = LetterFacts.from_json(PHSO)  # questions 1 and 3 recorded as not held in that form
    letter = render_letter("review", facts, [], PHSO_TODAY, reasons=["not_held_in_form"])
    assert letter.ground_ids == ("not_held_in_form",) and letter.reason_ids == ()
    assert "- Question 1: How many 'Intake' caseworkers" in letter.body


def test_a_reason_that_is_not_in_the_menu_is_refused() -> None:
    with pytest.raises(BadInput, match="not one of the reasons"):
        render_letter("review", LetterFacts.from_json(BARE), [], PHSO_TODAY, reasons=["vexatious"])


def test_a_copy_has_no_name_under_it() -> None:
    letter = render_letter("review", LetterFacts.from_json(PHSO), ["not_held_in_form"], PHSO_TODAY, unsigned=True)
    assert letter.body.endswith("Yours faithfully,\n") and "Dudley Jones" not in letter.body


def test_the_members_discrepancy_question_is_flagged_with_the_drafting_rule() -> None:
    own = "A job advert says you employ approximately 600 staff. Can you explain this discrepancy?"
    flags = check_own_words(own, "review", "foia", PHSO_TODAY)
    assert [(f.rule_id, f.quote) for f in flags] == [("explanation-not-information", "Can you explain this discrepancy?")]
    assert flags[0].why.startswith("a review looks at how your request was handled")
    assert flags[0].source.startswith("FOIA s.1(1) and s.84")
    assert check_own_words(own, "complaint", "foia", PHSO_TODAY)[0].why.startswith("the Commissioner looks at")
    assert check_own_words(own, "clarification", "foia", PHSO_TODAY) == []  # a clarification is not checked here


def test_a_paragraph_about_the_handling_is_not_flagged() -> None:
    own = "Question 3 asked for a figure for parliamentary cases; the response gave one total for all cases."
    assert check_own_words(own, "review", "foia", date(2022, 4, 9)) == []


def test_the_new_request_for_a_staff_count_asks_for_the_headcount_by_directorate() -> None:
    facts = LetterFacts.from_json(PHSO)
    asked = new_request(facts, check_own_words("Can you explain this discrepancy?", "review", "foia", PHSO_TODAY))
    assert asked.subject == "Total headcount by directorate"
    assert asked.questions.startswith("1. The total number of staff employed by Parliamentary and Health Service "
                                      "Ombudsman as at 8 April 2022, broken down by directorate")


def test_otherwise_the_new_request_is_the_drafting_rules_rewrite() -> None:
    facts = LetterFacts.from_json({**BARE, "questions": ["The council's spending on agency staff in 2024/25"]})
    flags = check_own_words("Please explain why the figure fell.", "review", "foia", PHSO_TODAY)
    asked = new_request(facts, flags)
    assert asked.questions.startswith("1. Please provide") and '"' not in asked.questions.splitlines()[0][:3]
