"""Asking for records about oneself is a subject access request (UK GDPR art.15), not FOI: the
finding says so, suggests switching the law to SAR and cites the right of access."""

from __future__ import annotations

from datetime import date

import pytest

from bot.drafting import LintContext, Severity, lint
from bot.law.regimes import Law

TODAY = date(2026, 11, 25)
SIGNED = "\n\nYours faithfully,\nJane Smith\n"

ABOUT_ME = [
    ("Please send copies of all emails that mention me, sent between 1 January and 31 March 2026.", "emails that mention me"),
    ("Please provide a copy of my file.", "my file"),
    ("Please provide copies of the notes about my complaint, made in March 2026.", "about my complaint"),
    ("Please provide all the information you hold about me.", "information you hold about me"),
    ("Please send me my personal data.", "my personal data"),
    ("Please send me my complaint file as it stood on 1 May 2026.", "my complaint file"),
    ("Please send the letters that refer to me dated in 2025.", "letters that refer to me"),
    ("Please provide the records relating to my case dated in 2025.", "relating to my case"),
    ("I am making a subject access request for the calendar year 2025.", "making a subject access"),
]
NOT_ABOUT_ME = [
    "Please provide a copy of the complaints policy in force on 1 May 2026.",
    "How many subject access requests did the council receive in the calendar year 2025?",
    "How many complaints about potholes in my street did the council receive in the calendar year 2025?",
    "Following my complaint last year, how many complaints did the council receive in the calendar year 2025?",
    "In my view, the data on missed bins should be published: how many were missed in the calendar year 2025?",
    "Please provide the minutes of the meeting about the information request policy, held on 3 May 2026.",
]


@pytest.mark.parametrize(("text", "quote"), ABOUT_ME)
def test_records_about_the_requester_are_flagged_as_a_subject_access_request(text, quote):
    [finding] = [f for f in lint(text + SIGNED, LintContext(today=TODAY)) if f.rule_id == "own-personal-data"]
    assert finding.quote.lower() == quote.lower()
    assert finding.severity is Severity.PROBLEM
    assert "subject access request" in finding.message
    assert "switch the law to SAR" in finding.rewrite and "Article 15 of the UK GDPR" in finding.rewrite
    assert "UK GDPR art.15" in finding.why and "one calendar month" in finding.why
    assert "https://ico.org.uk/" in finding.source and "right-of-access" in finding.source


@pytest.mark.parametrize("text", NOT_ABOUT_ME)
def test_records_about_other_things_are_not(text):
    assert "own-personal-data" not in {f.rule_id for f in lint(text + SIGNED, LintContext(today=TODAY))}


@pytest.mark.parametrize("law", [Law.FOIA, Law.EIR, Law.FOISA, Law.EISR])
def test_every_information_law_cites_its_own_exemption_for_the_requesters_data(law):
    text = "Please send copies of all emails that mention me." + SIGNED
    [finding] = [f for f in lint(text, LintContext(today=TODAY, law=law)) if f.rule_id == "own-personal-data"]
    assert {Law.FOIA: "FOIA s.40(1)", Law.EIR: "EIR reg 5(3)", Law.FOISA: "FOISA s.38(1)(a)",
            Law.EISR: "EISR reg 11(1)"}[law] in finding.why


def test_under_sar_the_same_words_are_what_the_request_is_for():
    text = "Please send copies of all emails that mention me." + SIGNED
    assert "own-personal-data" not in {f.rule_id for f in lint(text, LintContext(today=TODAY, law=Law.SAR))}
