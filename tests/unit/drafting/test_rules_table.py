"""The rules table: one entry per rule, each with its source, and the law
changing what a rule says (EIR has no cost limit; FOISA cites FOISA; a SAR is its own request).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.drafting import RULES, RULES_BY_ID, LintContext, Severity, lint
from bot.law.regimes import Law

TODAY = date(2026, 11, 25)
SIGNED = "\n\nYours faithfully,\nJane Smith\n"

DESIGN_PART_5 = {
    "explanation-not-information",
    "relative-period",
    "no-date-range",
    "calendar-or-financial-year",
    "unbounded-scope",
    "assumed-breakdown",
    "undefined-term",
    "compound-question",
    "too-many-questions",
    "own-personal-data",
    "third-party-personal-data",
    "no-format-preference",
    "no-advice-request",
    "likely-published",
    "emotive-wording",
    "missing-name",
    "no-signature",
    "environmental-subject",
}
ORGANISATIONS = re.compile(
    r"ICO|WhatDoTheyKnow|Campaign for Freedom of Information|Scottish Information Commissioner|Council|NCVO|Alaveteli"
)


def test_every_rule_of_design_part_5_is_one_entry_in_the_table():
    assert DESIGN_PART_5 <= set(RULES_BY_ID)
    assert len(RULES_BY_ID) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_a_kebab_case_id_a_title_laws_and_a_named_source_for_each_law(rule):
    assert re.fullmatch(r"[a-z]+(?:-[a-z0-9]+)+", rule.id)
    assert rule.title and rule.laws
    for law in rule.laws:
        why, source = rule.why_for(law), rule.source_for(law)
        assert why and "{" not in why and "{" not in source
        assert ORGANISATIONS.search(source), f"{rule.id} under {law} names no organisation: {source}"


# One text per rule that must trigger it, with the quote the finding points at ("" = missing).
TRIGGERS: list[tuple[str, Law, str, str]] = [
    ("placeholder-left", Law.FOIA, "How many fines were issued between [insert date] and 31 March 2026?" + SIGNED, "[insert date]"),
    ("explanation-not-information", Law.FOIA, "Why did the council close Elm Street library in 2024?" + SIGNED,
     "Why did the council close Elm Street library in 2024?"),
    ("explanation-not-information", Law.EIR, "Do you think the new cycle lane was a good idea?" + SIGNED,
     "Do you think the new cycle lane was a good idea?"),
    ("explanation-not-information", Law.FOIA, "How does the council decide which roads to grit?" + SIGNED,
     "How does the council decide which roads to grit?"),
    ("own-personal-data", Law.FOIA, "Please send me all the information you hold about me." + SIGNED, "information you hold about me"),
    ("no-signature", Law.FOIA, "How many parking fines were issued in the calendar year 2025?\n", ""),
    ("missing-name", Law.FOIA, "How many parking fines were issued in 2025?\n\nThanks,\nSam\n", "Sam"),
    ("missing-name", Law.FOIA, "How many parking fines were issued in 2025?\n\nThanks,\nConcerned Resident\n", "Concerned Resident"),
    ("relative-period", Law.FOIA, "How many fines were issued over the past two years?" + SIGNED, "over the past two years"),
    ("relative-period", Law.FOIA, "How many libraries have closed recently?" + SIGNED, "recently"),
    ("no-date-range", Law.FOIA, "How many complaints has the council received about the Elm Street nightclub?" + SIGNED,
     "How many complaints has the council received about the Elm Street nightclub?"),
    ("calendar-or-financial-year", Law.FOIA, "How many planning appeals were lodged per year from 2020 to 2024?" + SIGNED, "per year"),
    ("unbounded-scope", Law.FOIA, "I would like all information you hold about the Elm Street depot." + SIGNED, "all information"),
    ("assumed-breakdown", Law.FOIA, "How many social workers are employed for 'adult' cases?" + SIGNED, "'adult'"),
    ("assumed-breakdown", Law.FOIA, "How many fines were issued in 2025, broken down by ward?" + SIGNED, "broken down by ward"),
    ("calendar-or-financial-year", Law.FOIA, "For each of the years 2022 to 2024, how many fines were issued?" + SIGNED,
     "each of the years"),
    ("undefined-term", Law.FOIA, "How many EHCP assessments were completed in the calendar year 2025?" + SIGNED, "EHCP"),
    ("compound-question", Law.FOIA, "How many wardens does the council employ, and what are their grades?" + SIGNED,
     "How many wardens does the council employ, and what are their grades?"),
    ("too-many-questions", Law.FOIA,
     "\n".join(f"{i}. How many type {i} widgets were bought in the calendar year 2025?" for i in range(1, 13)) + SIGNED,
     "How many type 11 widgets were bought in the calendar year 2025?\n12. How many type 12 widgets were bought in the "
     "calendar year 2025?"),
    ("third-party-personal-data", Law.FOIA, "Please provide the home addresses of the tenants evicted in 2025." + SIGNED,
     "home addresses of the tenants"),
    ("no-format-preference", Law.FOIA, "How many fines were issued in the calendar year 2025?" + SIGNED, ""),
    ("no-advice-request", Law.FOIA, "How many fines were issued in the calendar year 2025?" + SIGNED, ""),
    ("likely-published", Law.FOIA, "Please provide the council's statement of accounts for 2024/25." + SIGNED, "statement of accounts"),
    ("emotive-wording", Law.FOIA, "Given this disgraceful cover-up, how many staff were disciplined in 2025?" + SIGNED, "disgraceful"),
    ("environmental-subject", Law.FOIA, "How many air quality monitors did the council run on 1 May 2026?" + SIGNED, "air quality"),
]


@pytest.mark.parametrize(("rule_id", "law", "text", "quote"), TRIGGERS, ids=[t[0] for t in TRIGGERS])
def test_each_rule_finds_what_it_is_for(rule_id, law, text, quote):
    findings = [f for f in lint(text, LintContext(today=TODAY, law=law)) if f.rule_id == rule_id]
    assert findings, f"{rule_id} not found"
    assert findings[0].quote == quote
    assert findings[0].severity is RULES_BY_ID[rule_id].severity_for(law)
    assert findings[0].rewrite and findings[0].why and findings[0].source


def test_every_rule_has_a_trigger_in_this_file():
    assert {t[0] for t in TRIGGERS} == set(RULES_BY_ID)


def test_findings_come_problems_first_then_warnings_then_tips_in_reading_order():
    text = "In the last year, how many staff were moved?\n\nWhy did the council close the library?\n\nThanks,\nSam\n"
    findings = lint(text, LintContext(today=TODAY))
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    assert findings[0].severity is Severity.PROBLEM


def test_a_finding_quotes_exactly_its_span():
    text = "How many fines were issued over the past two years?" + SIGNED
    for finding in lint(text, LintContext(today=TODAY)):
        assert text[finding.span[0] : finding.span[1]] == finding.quote


# --- the law changes what is said -------------------------------------------------------------
BIG_REQUEST = "I would like all information you hold about the waste depot on Elm Street." + SIGNED


def test_under_the_eir_there_is_no_cost_limit_only_manifestly_unreasonable():
    findings = lint(BIG_REQUEST, LintContext(today=TODAY, law=Law.EIR))
    text = " ".join(f.why + f.source + f.rewrite for f in findings)
    assert "reg 12(4)(b)" in text and "no cost limit" in text
    assert "s.12" not in text and "£450" not in text and "£600" not in text
    assert "regulation 9 of the Environmental Information Regulations 2004" in text


def test_under_foisa_the_scottish_sections_are_cited_not_the_foia_ones():
    findings = lint(BIG_REQUEST, LintContext(today=TODAY, law=Law.FOISA))
    text = " ".join(f.why + f.source + f.rewrite for f in findings)
    assert "FOISA s.12" in text and "£600" in text and "section 15" in text
    assert "Scottish Information Commissioner" in text
    assert "FOIA s.12" not in text.replace("FOISA", "") and "£450" not in text and "section 16" not in text


def test_under_eisr_the_scottish_environmental_regulations_are_cited():
    findings = lint(BIG_REQUEST, LintContext(today=TODAY, law=Law.EISR))
    text = " ".join(f.why + f.source + f.rewrite for f in findings)
    assert "EISR reg 10(4)(b)" in text and "s.12" not in text


def test_asking_for_your_own_data_under_foi_is_a_subject_access_request():
    text = "Please provide copies of the notes about my complaint from March 2026." + SIGNED
    [finding] = [f for f in lint(text, LintContext(today=TODAY)) if f.rule_id == "own-personal-data"]
    assert finding.severity is Severity.PROBLEM
    assert "subject access request" in finding.why and "art.15" in finding.why
    assert "FOIA s.40(1)" in finding.why


def test_the_same_text_under_sar_is_not_flagged_as_personal_data():
    text = "Please provide copies of the notes about my complaint from March 2026." + SIGNED
    rule_ids = {f.rule_id for f in lint(text, LintContext(today=TODAY, law=Law.SAR))}
    assert "own-personal-data" not in rule_ids and "no-advice-request" not in rule_ids


def test_an_environmental_subject_is_only_flagged_when_the_law_is_not_already_environmental():
    text = "How many flood defence schemes did the council complete in the calendar year 2025?" + SIGNED
    assert "environmental-subject" in {f.rule_id for f in lint(text, LintContext(today=TODAY, law=Law.FOIA))}
    for law in (Law.EIR, Law.EISR):
        assert "environmental-subject" not in {f.rule_id for f in lint(text, LintContext(today=TODAY, law=law))}


def test_a_pseudonym_is_a_problem_under_foia_but_a_warning_under_the_eir():
    text = "How many flood defence schemes did the council complete in the calendar year 2025?\n\nThanks,\nConcerned Resident\n"
    severities = {
        law: next(f.severity for f in lint(text, LintContext(today=TODAY, law=law)) if f.rule_id == "missing-name")
        for law in Law
    }
    assert severities[Law.FOIA] is severities[Law.FOISA] is severities[Law.SAR] is Severity.PROBLEM
    assert severities[Law.EIR] is severities[Law.EISR] is Severity.WARNING


def test_a_name_given_in_the_context_counts_as_signed():
    text = "How many fines were issued in the calendar year 2025?\n"
    context = LintContext(today=TODAY, requester_name="Jane Smith")
    assert {"missing-name", "no-signature"}.isdisjoint({f.rule_id for f in lint(text, context)})


def test_the_authoritys_own_acronym_is_not_an_undefined_term():
    text = "How many examiners did the DVSA employ on 1 April 2026?" + SIGNED
    context = LintContext(today=TODAY, authority_name="Driver and Vehicle Standards Agency")
    assert "undefined-term" not in {f.rule_id for f in lint(text, context)}
    assert "undefined-term" in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_the_short_name_on_the_authoritys_record_is_not_an_undefined_term():
    text = "How many staff did 'MoJ' headquarters employ on 1 April 2026? How many MoJ offices were open?" + SIGNED
    context = LintContext(today=TODAY, authority_name="Ministry of Justice", authority_short_name="MoJ")
    assert "undefined-term" not in {f.rule_id for f in lint(text, context)}
    context = LintContext(today=TODAY, authority_name="Ministry of Justice")
    assert "undefined-term" in {f.rule_id for f in lint(text, context)}


@pytest.mark.parametrize("acronym", ["NHS", "FOI", "FOIA", "ICO", "GP", "GPs", "EIR", "SAR", "HMRC", "DWP", "MP", "MPs", "UK"])
def test_common_acronyms_are_not_undefined_terms_in_quotes_or_not(acronym):
    text = f"How many {acronym} complaints were received in 2025? How many '{acronym}' appeals were there in 2025?" + SIGNED
    assert "undefined-term" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_a_term_only_some_authorities_use_is_still_an_undefined_term():
    text = "How many EHCP assessments and 'fast-track' reviews were completed in 2025?" + SIGNED
    terms = [f.quote for f in lint(text, LintContext(today=TODAY)) if f.rule_id == "undefined-term"]
    assert terms == ["EHCP", "'fast-track'"]


def test_an_unsigned_request_is_a_tip_and_a_first_name_alone_a_problem():
    question = "How many parking fines were issued in the calendar year 2025?"
    unsigned = [f for f in lint(question, LintContext(today=TODAY)) if f.rule_id in {"no-signature", "missing-name"}]
    assert [(f.rule_id, f.severity) for f in unsigned] == [("no-signature", Severity.TIP)]
    first_name = [f for f in lint(question + "\n\nThanks,\nSam\n", LintContext(today=TODAY))
                  if f.rule_id in {"no-signature", "missing-name"}]
    assert [(f.rule_id, f.severity) for f in first_name] == [("missing-name", Severity.PROBLEM)]
    assert not [f for f in lint(question, LintContext(today=TODAY, requester_name="Jane Smith"))
                if f.rule_id in {"no-signature", "missing-name"}]


def test_an_acronym_defined_in_the_text_is_not_flagged():
    text = "How many education, health and care plans (EHCPs) did the council issue in 2025? How many EHCP reviews were late?"
    rule_ids = {f.rule_id for f in lint(text + SIGNED, LintContext(today=TODAY))}
    assert "undefined-term" not in rule_ids


def test_names_asked_to_be_removed_are_not_third_party_data():
    text = "Please provide copies of the incident reports for 2025 with the names of staff removed." + SIGNED
    assert "third-party-personal-data" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_documents_that_explain_why_are_a_proper_request():
    text = "Please provide copies of the reports that explain why the library was closed in 2024." + SIGNED
    assert "explanation-not-information" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_a_count_and_its_sub_count_are_one_question():
    text = "How many grant applications did the council receive in 2025/26, and how many were approved?" + SIGNED
    assert "compound-question" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_a_period_stated_once_in_the_intro_covers_every_question():
    text = "For all questions, please cover the financial year 2024/25.\n\nHow many fines were issued?" + SIGNED
    assert "no-date-range" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_recently_in_the_intro_is_not_a_period_for_the_questions():
    text = "I recently read about the depot.\n\nHow many fines were issued?" + SIGNED
    assert "no-date-range" in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_a_breakdown_by_month_is_not_an_assumption():
    text = "How many fines were issued in the financial year 2024/25, broken down by month?" + SIGNED
    assert "assumed-breakdown" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}


def test_shared_predicate_questions_are_not_split():
    text = "Could you tell me how many suspensions and how many exclusions the academy issued in 2024/25?" + SIGNED
    assert "compound-question" not in {f.rule_id for f in lint(text, LintContext(today=TODAY))}
