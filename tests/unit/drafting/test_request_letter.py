"""The request letter: golden files (a reviewer reads the diff of a letter), the parts a valid
request needs, and never a placeholder. Regenerate the golden files with FOIBOT_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from bot.drafting import LintContext, RequestDraftFacts, apply_fixes, lint, render_request_letter
from bot.drafting.patterns import PLACEHOLDER_CASED_RE as PLACEHOLDER_RE
from bot.errors import BadInput
from bot.law.regimes import Law
from tests.cases import PHSO_QUESTIONS_AFTER_CLARIFICATION

TODAY = date(2026, 11, 25)
GOLDEN = Path(__file__).parent / "golden"

PHSO_QUESTIONS = PHSO_QUESTIONS_AFTER_CLARIFICATION

CASES = {
    "request_foia_phso_fixed": RequestDraftFacts(
        authority_name="Parliamentary and Health Service Ombudsman",
        law=Law.FOIA,
        questions=apply_fixes(PHSO_QUESTIONS, lint(PHSO_QUESTIONS, LintContext(today=TODAY)), LintContext(today=TODAY)),
        requester_name="Dudley Jones",
        subject="Number of caseworkers and time taken to investigate complaints",
    ),
    "request_foisa_school_meals": RequestDraftFacts(
        authority_name="City of Edinburgh Council",
        law=Law.FOISA,
        questions=(
            "1. The total school meal debt owed to the council by families on 31 March 2026.\n"
            "2. The number of pupils whose families had school meal debt on that date, by school stage.\n"
        ),
        requester_name="Fiona MacLeod",
        subject="School meal debt",
    ),
    "request_eir_storm_overflows": RequestDraftFacts(
        authority_name="Environment Agency",
        law=Law.EIR,
        questions=(
            "How many pollution incidents caused by storm overflows on the River Wye did the Agency record "
            "between 1 January 2024 and 31 December 2025?\n\n"
            "Please provide copies of the incident reports for those classed as category 1 or 2.\n\n"
            "I would like the figures in CSV format by email.\n"
        ),
        requester_name="Owen Pritchard",
    ),
    "request_sar_parking_badge": RequestDraftFacts(
        authority_name="Kent County Council",
        law=Law.SAR,
        questions="The case notes and emails about my application for a disabled parking badge made in March 2026.",
        requester_name="Joanna Price",
        subject="Blue Badge application",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_letter_matches_its_golden_file(name):
    letter = render_request_letter(CASES[name], TODAY)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("FOIBOT_UPDATE_GOLDEN") == "1":
        path.write_text(letter, encoding="utf-8")
    assert letter == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_placeholder_or_template_syntax_is_ever_left(name):
    letter = render_request_letter(CASES[name], TODAY)
    assert not PLACEHOLDER_RE.search(letter)
    assert "{{" not in letter and "{%" not in letter and "Undefined" not in letter


@pytest.mark.parametrize("law", [Law.FOIA, Law.EIR, Law.FOISA, Law.EISR])
def test_the_letter_has_every_part_a_valid_request_needs(law):
    facts = RequestDraftFacts("Leeds City Council", law, "How many buses did the council buy in 2025?", "Jane Smith")
    letter = render_request_letter(facts, TODAY)
    assert letter.startswith("25 November 2026\n\nTo: Leeds City Council\nSubject: Request for ")
    assert "information under the" in letter.splitlines()[3]
    assert "\nDear Leeds City Council,\n" in letter
    assert "\n1. How many buses did the council buy in 2025?\n" in letter
    assert "electronically, by email" in letter  # format preference
    assert "not held in the form I have asked for" in letter and "advise me under" in letter
    assert "address for correspondence" in letter
    assert letter.endswith("Yours faithfully,\n\nJane Smith\n")


def test_the_letter_passes_the_linters_checks_on_name_format_and_advice():
    for law in (Law.FOIA, Law.EIR, Law.FOISA, Law.EISR, Law.SAR):
        facts = RequestDraftFacts("Leeds City Council", law, "How many buses did the council buy in 2025?", "Jane Smith")
        letter = render_request_letter(facts, TODAY)
        rule_ids = {f.rule_id for f in lint(letter, LintContext(today=TODAY, law=law))}
        assert rule_ids.isdisjoint({"missing-name", "no-format-preference", "no-advice-request", "placeholder-left"})


def test_each_law_cites_its_own_sections_in_the_letter():
    questions = "How many buses did the council buy in 2025?"
    letters = {
        law: render_request_letter(RequestDraftFacts("A Council", law, questions, "Jane Smith"), TODAY) for law in Law
    }
    assert "section 16 of the Freedom of Information Act 2000" in letters[Law.FOIA]
    assert "section 11 of the Freedom of Information Act 2000" in letters[Law.FOIA]
    assert "section 8(1)(b) of the Freedom of Information Act 2000" in letters[Law.FOIA]
    assert "section 15 of the Freedom of Information (Scotland) Act 2002" in letters[Law.FOISA]
    assert "regulation 9 of the Environmental Information Regulations 2004" in letters[Law.EIR]
    assert "manifestly unreasonable" in letters[Law.EIR] and "cost limit" not in letters[Law.EIR]
    assert "regulation 6 of the Environmental Information (Scotland) Regulations 2004" in letters[Law.EISR]
    assert "Subject access request under Article 15 of the UK GDPR" in letters[Law.SAR]
    assert "section 16" not in letters[Law.SAR] and "confirm my identity" in letters[Law.SAR]


def test_sentences_already_in_the_questions_are_not_repeated():
    context = LintContext(today=TODAY)
    fixed = apply_fixes(PHSO_QUESTIONS, lint(PHSO_QUESTIONS, context), context)
    letter = render_request_letter(RequestDraftFacts("PHSO", Law.FOIA, fixed, "Dudley Jones"), TODAY)
    assert letter.count("Under section 11") == 1
    assert letter.count("not held in the form I have asked for") == 1
    assert letter.count("exceed the cost limit") == 1


def test_a_salutation_and_sign_off_pasted_with_the_questions_are_not_repeated():
    questions = "Dear Leeds City Council,\n\nHow many buses did the council buy in 2025?\n\nYours faithfully,\nJane Smith\n"
    letter = render_request_letter(RequestDraftFacts("Leeds City Council", Law.FOIA, questions, "Jane Smith"), TODAY)
    assert letter.count("Dear Leeds City Council") == 1 and letter.count("Yours faithfully") == 1


def test_paragraphs_with_no_question_form_are_numbered_as_questions():
    letter = render_request_letter(
        RequestDraftFacts("A Council", Law.FOIA, "Buses bought in 2025, by model.\n\nTrams bought in 2025.", "Jane Smith"),
        TODAY,
    )
    assert "\n1. Buses bought in 2025, by model.\n2. Trams bought in 2025.\n" in letter


def test_sub_items_stay_under_their_number_and_the_rest_is_renumbered():
    questions = (
        "1. (a) How many wardens does the council employ?\n   (b) What are their grades?\n"
        "2. How many vans did the council buy in 2025?\n"
    )
    letter = render_request_letter(RequestDraftFacts("A Council", Law.FOIA, questions, "Jane Smith"), TODAY)
    assert (
        "\n1. (a) How many wardens does the council employ?\n   (b) What are their grades?\n"
        "2. How many vans did the council buy in 2025?\n"
    ) in letter


def test_lettered_questions_are_numbered_in_the_letter():
    questions = "(a) How many wardens were employed in 2025?\n(b) How many vans were bought in 2025?\n"
    letter = render_request_letter(RequestDraftFacts("A Council", Law.FOIA, questions, "Jane Smith"), TODAY)
    assert "\n1. How many wardens were employed in 2025?\n2. How many vans were bought in 2025?\n" in letter


def test_template_syntax_typed_by_the_member_comes_out_literally():
    questions = "How many {% raw %} signs and {# notes #} were put up in 2025?"
    letter = render_request_letter(RequestDraftFacts("A Council", Law.FOIA, questions, "Jane Smith"), TODAY)
    assert "1. How many {% raw %} signs and {# notes #} were put up in 2025?" in letter


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        (RequestDraftFacts("", Law.FOIA, "How many buses?", "Jane Smith"), "(authority)"),
        (RequestDraftFacts("A Council", Law.FOIA, "How many buses?", "  "), "(requester name)"),
        (RequestDraftFacts("A Council", Law.FOIA, "", "Jane Smith"), "(questions)"),
        (RequestDraftFacts("A Council", Law.FOIA, "Dear A Council,\n\nYours faithfully,\nJane Smith", "Jane Smith"), "(questions)"),
        (RequestDraftFacts("[authority name]", Law.FOIA, "How many buses?", "Jane Smith"), "authority"),
        (RequestDraftFacts("A Council", Law.FOIA, "How many buses between [insert date] and now?", "Jane Smith"), "questions"),
        (RequestDraftFacts("A Council", Law.FOIA, "How many {{ thing }} were sold?", "Jane Smith"), "questions"),
    ],
)
def test_a_missing_or_unfilled_value_is_bad_input_naming_the_field(facts, field):
    with pytest.raises(BadInput, match=field.replace("(", r"\(").replace(")", r"\)")):
        render_request_letter(facts, TODAY)


@pytest.mark.parametrize("name", ["Dave", "Concerned Resident", "Anonymous", "jane@example.org"])
def test_a_pseudonym_or_first_name_only_is_refused(name):
    with pytest.raises(BadInput, match="full real name"):
        render_request_letter(RequestDraftFacts("A Council", Law.FOIA, "How many buses?", name), TODAY)
