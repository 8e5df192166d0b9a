"""The real case: the PHSO caseworkers request on WhatDoTheyKnow (March 2022) and its internal review.

Quoted from ../shared/cases/phso-caseworkers-thread.txt (tests never read /work/shared). The PHSO
asked for clarification of the outsourcing question (the clock restarted for that part), answered
the headcount questions with "all caseworkers ... work on all cases, not specifically on health or
parliamentary", and dismissed the review's "Can you explain this discrepancy?".
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.drafting import LintContext, Severity, apply_fixes, lint
from bot.law.regimes import Law
from tests.cases import PHSO_ORIGINAL_REQUEST, PHSO_REVIEW_REQUEST

TODAY = date(2026, 11, 25)
CONTEXT = LintContext(today=TODAY, law=Law.FOIA)

ORIGINAL_REQUEST = PHSO_ORIGINAL_REQUEST

INTERNAL_REVIEW_REQUEST = PHSO_REVIEW_REQUEST

OUTSOURCING_QUESTION = (
    "How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations, "
    "and what are those activities and what is the name of the outsourcing company?"
)


def _by_rule(text: str, context: LintContext = CONTEXT) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in lint(text, context):
        found.setdefault(finding.rule_id, []).append(finding)
    return found


def test_the_relative_period_in_the_original_request_is_flagged_with_exact_dates():
    [finding] = _by_rule(ORIGINAL_REQUEST)["relative-period"]
    assert finding.quote == "In the last 3 years"
    assert finding.severity is Severity.WARNING
    assert finding.fix is not None
    assert finding.fix.replacement == "Between 25 November 2023 and 24 November 2026"
    assert "rolling period" in finding.rewrite and "financial years 2023/24 to 2025/26" in finding.rewrite


def test_the_assumed_breakdown_by_parliamentary_and_nhs_cases_is_flagged_once_per_category():
    findings = _by_rule(ORIGINAL_REQUEST)["assumed-breakdown"]
    assert [f.quote for f in findings] == ["'parliamentary'", "'NHS'"]
    assert findings[0].message.startswith("Questions 1, 2 and 3 assume the authority keeps separate figures for")
    assert "Questions 4, 5 and 6" in findings[1].message
    assert all("not held in the form I have asked for" in f.rewrite for f in findings)
    assert "FOIA s.16" in findings[0].why


def test_the_unbounded_outsourcing_question_is_flagged():
    [finding] = _by_rule(ORIGINAL_REQUEST)["unbounded-scope"]
    assert finding.quote == OUTSOURCING_QUESTION
    assert "activities" in finding.message
    assert "£450" in finding.why and "s.12" in finding.why


def test_the_outsourcing_question_is_also_three_questions_in_one():
    [finding] = _by_rule(ORIGINAL_REQUEST)["compound-question"]
    assert finding.rewrite.splitlines() == [
        "(a) How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations?",
        "(b) What are those activities?",
        "(c) What is the name of the outsourcing company?",
    ]


def test_the_original_request_has_no_problem_level_finding_it_is_a_valid_request():
    assert not [f for f in lint(ORIGINAL_REQUEST, CONTEXT) if f.severity is Severity.PROBLEM]


def test_the_headcount_questions_are_not_asked_for_dates_they_are_a_count_as_at_now():
    assert "no-date-range" not in _by_rule(ORIGINAL_REQUEST)


def test_the_internal_review_asks_for_an_explanation_not_recorded_information():
    [finding] = _by_rule(INTERNAL_REVIEW_REQUEST)["explanation-not-information"]
    assert finding.quote == "Can you explain this discrepancy?"
    assert finding.severity is Severity.PROBLEM
    assert "recorded" in finding.why and "FOIA s.1(1) and s.84" in finding.why
    assert finding.rewrite.startswith('"Please provide any recorded information you hold that explains this discrepancy')


def test_the_internal_review_wording_is_flagged_as_accusatory():
    quotes = [f.quote for f in _by_rule(INTERNAL_REVIEW_REQUEST)["emotive-wording"]]
    assert quotes == ["AND", "truthful", "top-heavy"]


def test_the_only_explanation_phrase_is_not_mistaken_for_a_request_for_one():
    findings = _by_rule(INTERNAL_REVIEW_REQUEST)["explanation-not-information"]
    assert all("only explanation" not in f.quote for f in findings)


def test_fixing_the_original_request_writes_out_dates_splits_the_compound_question_and_adds_the_s16_sentences():
    fixed = apply_fixes(ORIGINAL_REQUEST, lint(ORIGINAL_REQUEST, CONTEXT), CONTEXT)
    assert "Between 25 November 2023 and 24 November 2026, how many case investigations" in fixed
    assert "(b) What are those activities?\n(c) What is the name of the outsourcing company?" in fixed
    assert "If any of this information is not held in the form I have asked for" in fixed
    assert "Under section 11 of the Freedom of Information Act 2000" in fixed
    assert "advise me under section 16 of the Freedom of Information Act 2000 how I could narrow the rest" in fixed
    assert fixed.rstrip().endswith("Yours faithfully,\n\nDudley Jones")
    remaining = {f.rule_id for f in lint(fixed, CONTEXT)}
    assert remaining.isdisjoint(
        {"relative-period", "assumed-breakdown", "compound-question", "no-format-preference", "no-advice-request"}
    )
    assert "unbounded-scope" in remaining  # no safe fix: only the member can say which activities


@pytest.mark.parametrize("law", [Law.FOIA, Law.FOISA, Law.EIR])
def test_fixing_is_idempotent_on_the_real_texts(law):
    context = LintContext(today=TODAY, law=law)
    for text in (ORIGINAL_REQUEST, INTERNAL_REVIEW_REQUEST):
        once = apply_fixes(text, lint(text, context), context)
        assert apply_fixes(once, lint(once, context), context) == once
