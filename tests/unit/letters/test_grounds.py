"""The grounds engine: which arguments it proposes for which facts, and what the member may change."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import prompts
from bot.errors import BadInput
from bot.law.exemptions import table
from bot.letters import (
    LetterFacts,
    all_grounds,
    choose_grounds,
    default_ground_ids,
    propose_grounds,
    render_letter,
)
from tests.unit.letters.cases import PHSO, PHSO_GAPS, PHSO_TODAY

GROUND_TEMPLATES = Path(prompts.__file__).parent / "letters" / "grounds"

_BASE: dict[str, Any] = {
    "law": "foia", "authority": "Exampleshire County Council", "title": "Road repairs", "sent": "2025-01-06",
    "requester": "Alex Morgan", "responded": "2025-02-03", "outcome": "refused",
}
_TODAY = date(2025, 2, 10)


def facts(**changes: Any) -> LetterFacts:
    return LetterFacts.from_json({**_BASE, **changes})


def proposed(kind: str, f: LetterFacts, today: date = _TODAY) -> dict[str, bool]:
    return {p.id: p.selected for p in propose_grounds(kind, f, today)}


def test_phso_review_proposes_the_not_held_in_that_form_splits_and_the_referring_answers() -> None:
    f = LetterFacts.from_json(PHSO)
    assert proposed("review", f, PHSO_TODAY) == {
        "not_held_in_form": True, "totals_for_breakdown": False, "refers_to_answer": True,
    }


def test_the_gap_grounds_still_come_when_questions_go_unanswered_and_the_attachment_is_missing() -> None:
    f = LetterFacts.from_json(PHSO_GAPS)
    assert proposed("review", f, PHSO_TODAY) == {"partial_answer": True, "missing_attachment": True}


def test_a_withdrawn_question_is_never_called_unanswered() -> None:
    f = LetterFacts.from_json({**PHSO_GAPS, "questions_unanswered": [8]})
    assert f.unanswered_lines() == [] and "partial_answer" not in proposed("review", f, PHSO_TODAY)


def test_phso_review_letter_asks_for_recorded_information_not_an_explanation() -> None:
    f = LetterFacts.from_json(PHSO)
    letter = render_letter("review", f, default_ground_ids(propose_grounds("review", f, PHSO_TODAY)), PHSO_TODAY)
    body = letter.body.lower()
    assert "explain" not in body and "discrepancy" not in body and "justify" not in body
    assert "not held in the form i asked for" in body and "section 16" in body
    assert "ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-information-regulations/section-16" in body
    assert "question 3: how many senior caseworkers" in body and 'question 6: how many senior caseworkers' in body
    assert "on 31 march 2022 i withdrew question 8" in body


def test_no_ground_template_asks_the_authority_to_explain_or_justify_itself() -> None:
    asks_for_reasons = re.compile(r"\bexplain|\bjustify\b|\bwhy\b", re.IGNORECASE)
    for path in GROUND_TEMPLATES.glob("*.j2"):
        assert not asks_for_reasons.search(path.read_text()), path.name


def test_every_ground_has_its_template_and_every_template_its_ground() -> None:
    ids = {g.id for g in all_grounds()}
    assert ids == {p.name.removesuffix(".txt.j2") for p in GROUND_TEMPLATES.glob("*.txt.j2")}
    assert len(ids) == len(all_grounds())


def test_the_grounds_of_design_part_6_are_all_in_the_table() -> None:
    part_6 = {
        "no_response", "late_response", "partial_answer", "missing_attachment", "no_exemption_named",
        "no_public_interest_reasons", "prejudice_not_shown", "cost_estimate", "cost_advice", "vexatious",
        "personal_data", "not_held", "format_ignored",
    }
    assert part_6 <= {g.id for g in all_grounds()}


@pytest.mark.parametrize(
    ("law", "exemption", "ground_id"),
    [
        ("foia", "s.12", "cost_estimate"), ("foia", "s.12", "cost_advice"), ("foia", "s.14", "vexatious"),
        ("foia", "s.21", "accessible_elsewhere"), ("foia", "s.22", "future_publication"), ("foia", "s.30", "investigations"),
        ("foia", "s.31", "law_enforcement"), ("foia", "s.35", "policy_formulation"), ("foia", "s.36", "public_affairs"),
        ("foia", "s.40(2)", "personal_data"), ("foia", "s.41", "confidence"), ("foia", "s.42", "legal_privilege"),
        ("foia", "s.43(2)", "commercial_interests"), ("eir", "reg 12(4)(b)", "manifestly_unreasonable"),
        ("eir", "reg 12(5)(e)", "commercial_confidentiality"), ("eir", "reg 13", "personal_data"),
        ("foisa", "s.25", "accessible_elsewhere"), ("foisa", "s.27", "future_publication"), ("foisa", "s.30", "public_affairs"),
        ("foisa", "s.33", "commercial_interests"), ("foisa", "s.38(1)(b)", "personal_data"), ("foisa", "s.12", "cost_estimate"),
        ("eisr", "reg 10(4)(b)", "manifestly_unreasonable"), ("eisr", "reg 10(5)(e)", "commercial_confidentiality"),
        ("eisr", "reg 11", "personal_data"),
    ],
)
def test_each_listed_exemption_gets_its_own_argument_ticked(law: str, exemption: str, ground_id: str) -> None:
    division = "scotland" if law in ("foisa", "eisr") else "england-and-wales"
    f = facts(law=law, division=division, exemptions=[exemption])
    assert proposed("review", f).get(ground_id) is True


@pytest.mark.parametrize("law", ["foia", "eir", "foisa", "eisr"])
def test_a_public_interest_argument_is_offered_only_for_provisions_with_a_public_interest_test(law: str) -> None:
    division = "scotland" if law in ("foisa", "eisr") else "england-and-wales"
    for entry in table(law):
        f = facts(law=law, division=division, exemptions=[entry.id])
        grounds = proposed("review", f)
        offered = "public_interest" in grounds or "no_public_interest_reasons" in grounds
        assert offered is (entry.public_interest and not entry.absolute), entry.id


def test_adding_a_public_interest_argument_against_an_absolute_exemption_is_refused() -> None:
    f = facts(exemptions=["s.41", "s.21"])
    with pytest.raises(BadInput) as excinfo:
        choose_grounds("review", f, _TODAY, add=["public_interest"])
    assert "absolute" in excinfo.value.message


def test_prejudice_argument_is_ticked_only_when_no_specific_ground_argues_the_harm() -> None:
    assert proposed("review", facts(exemptions=["s.43(2)"]))["prejudice_not_shown"] is False
    assert proposed("review", facts(exemptions=["s.38"]))["prejudice_not_shown"] is True


def test_section_27_2_is_a_class_exemption_so_no_harm_argument_is_made_against_it() -> None:
    # FOIA s.27: prejudice-based for s.27(1); class-based for s.27(2) (ICO s.27 guidance).
    confidential = proposed("review", facts(exemptions=["s.27(2)"]))
    assert "prejudice_not_shown" not in confidential and confidential["exemption_other"] is True
    assert proposed("review", facts(exemptions=["s.27(1)"]))["prejudice_not_shown"] is True
    assert proposed("review", facts(exemptions=["s.27"]))["prejudice_not_shown"] is True


def test_public_interest_reasons_ground_is_offered_but_left_for_the_member_to_confirm() -> None:
    grounds = {p.id: p for p in propose_grounds("review", facts(exemptions=["s.43(2)"]), _TODAY)}
    assert grounds["no_public_interest_reasons"].selected is False
    assert grounds["no_public_interest_reasons"].check


def test_a_refusal_that_names_no_exemption_gets_the_section_17_ground() -> None:
    assert proposed("review", facts())["no_exemption_named"] is True
    assert "no_exemption_named" not in proposed("review", facts(exemptions=["s.43(2)"]))


def test_not_held_gets_the_searches_ground() -> None:
    assert proposed("review", facts(outcome="not_held"))["not_held"] is True
    assert proposed("review", facts(law="eir", outcome="refused", exemptions=["reg 12(4)(a)"]))["not_held"] is True


def test_format_ground_only_when_the_format_given_differs() -> None:
    assert proposed("review", facts(format_asked="CSV", format_given="PDF"))["format_ignored"] is True
    assert "format_ignored" not in proposed("review", facts(format_asked="CSV", format_given="csv"))


def test_a_late_response_and_a_missing_response_are_told_apart() -> None:
    late = facts(responded="2025-02-10")  # due 3 February 2025
    assert "late_response" in proposed("complaint", late) and "no_response" not in proposed("complaint", late)
    silent = facts(responded=None, outcome=None)
    assert "no_response" in proposed("complaint", silent, date(2025, 2, 10))
    assert "no_response" not in proposed("complaint", silent, date(2025, 2, 3))


# SIC Decision 092/2026 accepted a review answered on Mon 24 Nov 2025 for a
# requirement sent on Sun 26 Oct 2025; day 0 on the Sunday would have made it due Fri 21 Nov.
_FOISA_REVIEW: dict[str, Any] = {
    "law": "foisa", "division": "scotland", "responded": "2025-10-24", "sent": "2025-09-29",
    "review_requested": "2025-10-26",
}


def test_a_review_asked_on_a_sunday_is_not_called_overdue_until_after_the_later_reading() -> None:
    f = facts(**_FOISA_REVIEW)
    assert "review_overdue" not in proposed("complaint", f, date(2025, 11, 24))
    assert proposed("complaint", f, date(2025, 11, 25))["review_overdue"] is True


@pytest.mark.parametrize(
    ("law", "division", "cited", "not_cited"),
    [
        ("foisa", "scotland", "FOISA section 21(1)", "section 20"),  # s.20 is about requiring a review
        ("eisr", "scotland", "EISR regulation 16(4)", "EISR regulation 16 "),
        ("eir", "england-and-wales", "EIR regulation 11(4)", "EIR regulation 11 "),
    ],
)
def test_the_review_overdue_ground_cites_the_duty_to_answer_the_review(law: str, division: str, cited: str, not_cited: str) -> None:
    f = facts(law=law, division=division, review_requested="2025-02-04")
    (ground,) = [g for g in propose_grounds("complaint", f, date(2025, 6, 30)) if g.id == "review_overdue"]
    assert cited in ground.citations and not any(c.startswith(not_cited) for c in ground.citations)
    letter = render_letter("complaint", f, ["review_overdue"], date(2025, 6, 30))
    assert f"due under {cited.split(' ', 1)[1]} by" in letter.body


def test_the_no_response_ground_to_a_school_words_the_sixty_working_day_limit_as_such() -> None:
    # SI 2004/3364 reg 3: the earlier of 20 school days or 60 working days; sent Mon 1 Sep 2025,
    # the 60th working day is Mon 24 Nov 2025 (the 20th, 29 Sep, is not the date to argue).
    school = facts(sent="2025-09-01", responded=None, outcome=None, school=True)
    letter = render_letter("complaint", school, ["no_response"], date(2025, 12, 1))
    assert "as varied for schools and academies" in letter.body
    assert "sixtieth working day following the date of receipt if that is earlier: by 24 November 2025 at the latest" in letter.body
    assert "29 September 2025" not in letter.body and "next working day" not in letter.body


def test_a_late_answer_from_a_school_is_measured_from_the_sixtieth_working_day() -> None:
    school = facts(sent="2025-09-01", responded="2025-12-01", outcome="successful", school=True)
    body = render_letter("complaint", school, ["late_response"], date(2025, 12, 5)).body
    assert ("came 4 working days after 24 November 2025, the sixtieth working day and so the latest deadline "
            "section 10(1) allows as varied for schools and academies") in body


def test_the_member_can_add_and_remove_grounds() -> None:
    f = facts(exemptions=["s.43(2)"])
    chosen = choose_grounds("review", f, _TODAY, add=["no_public_interest_reasons"], remove=["public_interest"])
    assert "no_public_interest_reasons" in chosen and "public_interest" not in chosen
    assert chosen == sorted(chosen, key=[g.id for g in all_grounds()].index)


def test_an_unknown_ground_or_one_from_another_letter_is_refused_with_what_to_do() -> None:
    f = facts(exemptions=["s.43(2)"])
    with pytest.raises(BadInput) as unknown:
        choose_grounds("review", f, _TODAY, add=["be_nice"])
    assert "Known grounds" in unknown.value.message
    with pytest.raises(BadInput) as wrong_kind:
        render_letter("chaser", f, ["commercial_interests"], _TODAY)
    assert "chaser" in wrong_kind.value.message
    with pytest.raises(BadInput) as no_facts:
        render_letter("review", f, ["vexatious"], _TODAY)
    assert "section 14" in no_facts.value.message


def test_every_ground_title_fits_a_discord_select_option() -> None:
    for g in all_grounds():
        assert 0 < len(g.title) <= 100 and g.source, g.id
