"""``LetterFacts``: built from JSON, validated once, and back to JSON unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.letters import LetterFacts, Outcome, propose_grounds
from tests.unit.letters.cases import CASES, PHSO, PHSO_GAPS


def test_phso_facts_read_from_json() -> None:
    facts = LetterFacts.from_json(PHSO_GAPS)
    assert facts.responded == date(2022, 4, 8)
    assert facts.outcome is Outcome.PARTIALLY_SUCCESSFUL
    assert facts.receipt == date(2022, 3, 28)  # received the day it was sent
    assert facts.unanswered_lines()[0].startswith("Question 3: How many senior caseworkers")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_to_json_then_from_json_gives_the_same_facts(case) -> None:  # type: ignore[no-untyped-def]
    facts = LetterFacts.from_json(case.facts)
    assert LetterFacts.from_json(facts.to_json()) == facts


def test_exemptions_written_by_people_are_stored_as_canonical_ids() -> None:
    facts = LetterFacts.from_json({**PHSO_GAPS, "exemptions": "s.40(2), section 43"})
    assert facts.exemptions == ("s40(2)", "s43")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"colour": "blue"}, "Unknown field 'colour'"),
        ({"law": "gdpr"}, "'law' must be one of"),
        ({"sent": "28/03/2022"}, "YYYY-MM-DD"),
        ({"responded": "2022-03-01"}, "'responded'"),
        ({"outcome": "great"}, "'outcome' must be one of"),
        ({"attachment_missing": "yes"}, "true or false"),
        ({"questions_unanswered": [12]}, "Question 12"),
        ({"exemptions": ["s.99"]}, "'s.99'"),
        ({"requester": "   "}, "'requester' is empty"),
        ({"title": 7}, "'title' must be text"),
    ],
)
def test_malformed_json_is_refused_in_one_sentence_that_names_the_field(change: dict, says: str) -> None:
    with pytest.raises(BadInput) as excinfo:
        LetterFacts.from_json({**PHSO_GAPS, **change})
    assert says in excinfo.value.message
    assert "\n" not in excinfo.value.message


def test_a_request_json_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(BadInput):
        LetterFacts.from_json(["foia"])


def test_exemptions_recorded_on_a_subject_access_request_are_kept_but_argued_by_no_ground() -> None:
    facts = LetterFacts.from_json({**PHSO_GAPS, "law": "sar", "exemptions": ["s.40(2)"], "outcome": "refused"})
    assert facts.exemptions == ("s40(2)",)
    assert {p.id for p in propose_grounds("complaint", facts, date(2022, 6, 1))} <= {
        "late_response", "no_response", "partial_answer", "missing_attachment", "format_ignored", "not_held"}


def test_one_line_fields_lose_stray_line_breaks_but_keep_every_other_character() -> None:
    facts = LetterFacts.from_json({**PHSO_GAPS, "title": "  {{ x }}\n @everyone  <@123> ", "reference": "REF\t9"})
    assert facts.title == "{{ x }} @everyone <@123>"
    assert facts.reference == "REF 9"
