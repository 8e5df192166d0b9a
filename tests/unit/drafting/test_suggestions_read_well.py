"""No sentence is left broken: whatever the linter splices the member's words into (a message, a
rewrite) reads as a sentence, for the kinds of request people write. The known faults were a
breakdown named twice ("separate figures for broken down by ward") and a "why" lost from
"tell me why ..." ("explains the library closed")."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.drafting import LintContext, lint
from bot.law.regimes import Law

TODAY = date(2026, 11, 25)

_PREPOSITIONS = r"(?:for|by|of|in|on|to|with|about|from|at|into)"
BROKEN = re.compile(
    rf"\b{_PREPOSITIONS}\s+{_PREPOSITIONS}\b"  # "for by", "of of"
    r"|\b(?:for|of|by|figures)\s+(?:broken|split|analysed|breakdown)\b"  # "figures for broken down by"
    r"|\b(the|a|an|and|or|that|explains|keeps)\s+\1\b"  # "the the", "keeps keeps"
    r"|\bexplains\s+(?:the|this|a|an)\s+\w+\s+(?:closed|was|were|did|is|are|has|had)\b"  # "explains the library closed"
    r"|\bkeeps\s+(?:for|by)\b"  # "keeps for 'adult' cases"
    r"|[ ]{2}|\s[,.;:?!]|[.?!][.?]|\(\s*\)|\"\"|\{|\}|\bNone\b",
    re.IGNORECASE,
)

NOUNS = st.sampled_from(["fines", "complaints", "parking tickets", "staff", "social workers", "potholes", "exclusions"])
VERBS = st.sampled_from(["issued", "received", "recorded", "employed", "repaired"])
PERIODS = st.sampled_from(["", " in 2025", " in the last 3 years", " last year", " between 1 April 2025 and 31 March 2026"])
DIMENSIONS = st.sampled_from(["ward", "the station area of the incident", "department and by month", "gender, age and ethnicity",
                              "postcode district", "directorate (or by the largest unit your records use)"])
BREAKDOWNS = st.one_of(
    st.just(""),
    DIMENSIONS.map(lambda d: f", broken down by {d}"),
    DIMENSIONS.map(lambda d: f" split by {d}"),
    DIMENSIONS.map(lambda d: f", with a breakdown of the figures by {d}"),
    st.sampled_from(["ward", "school", "team", "region"]).map(lambda u: f" for each {u}"),
    st.sampled_from(["'adult'", "'parliamentary'", "NHS", "Planning", "\u2018urgent\u2019"]).map(
        lambda c: f" for {c} cases"),
)
COUNT_QUESTIONS = st.builds(lambda n, v, p, b: f"How many {n} were {v}{p}{b}?", NOUNS, VERBS, PERIODS, BREAKDOWNS)
OBJECTS = st.sampled_from(["this discrepancy", "the delay", "why the library closed", "the decision to close the depot",
                           "the difference between the two figures"])
EXPLANATIONS = st.one_of(
    OBJECTS.map(lambda o: f"Can you explain {o}?"),
    OBJECTS.map(lambda o: f"Please explain {o}."),
    st.sampled_from(["the library closed", "the figures differ", "nothing was done"]).map(lambda c: f"Could you tell me why {c}?"),
    st.sampled_from(["which roads to grit", "how to rank bids", ""]).map(lambda o: f"How does the council decide {o}?".replace(" ?", "?")),
    st.sampled_from(["closed the library", "stopped enforcing"]).map(lambda c: f"Why did the council say it {c}?"),
    st.builds(lambda n, c: f"How many {n} were there in 2025 and why {c}?", NOUNS, st.sampled_from(["did they rise", "so many"])),
    st.just("Do you think the new cycle lane was a good idea?"),
)
OTHERS = st.sampled_from([
    "All information about the Elm Street depot.",
    "Please provide copies of all correspondence with the contractor",
    "How many of your contracts are handled by outside organisations, and what are those contracts?",
    "Please send copies of all emails that mention me.",
    "How many complaints did the council receive about the Elm Street nightclub?",
    "Given this disgraceful cover-up, how many staff were disciplined in 2025?",
    "How many EHCP assessments were completed per year from 2020 to 2024?",
    "How many air quality monitors did the council run in the last 12 months?",
    "Please provide the council's statement of accounts for 2024/25.",
    "Please provide the home addresses of the tenants evicted in 2025.",
])
QUESTIONS = st.lists(st.one_of(COUNT_QUESTIONS, EXPLANATIONS, OTHERS), min_size=1, max_size=5)
SIGN_OFFS = st.sampled_from(["", "\n\nYours faithfully,\nJane Smith\n", "\n\nThanks,\nSam\n"])


def _request(questions: list[str], numbered: bool, sign_off: str) -> str:
    lines = [f"{n}. {q}" if numbered else q for n, q in enumerate(questions, start=1)]
    return "Dear Council,\n\n" + "\n\n".join(lines) + sign_off


@settings(max_examples=200, deadline=None)
@given(QUESTIONS, st.booleans(), SIGN_OFFS, st.sampled_from([Law.FOIA, Law.EIR, Law.FOISA]))
def test_every_message_and_rewrite_reads_as_a_sentence(questions, numbered, sign_off, law):
    text = _request(questions, numbered, sign_off)
    for finding in lint(text, LintContext(today=TODAY, law=law)):
        for said in (finding.message, finding.rewrite):
            broken = BROKEN.search(said.replace("...", "\u2026"))  # an ellipsis is meant
            assert not broken, f"{finding.rule_id}: {broken.group()!r} in {said!r}"


def test_a_breakdown_is_named_once_and_reads_on_after_keeps():
    text = "1. How many fines were issued in 2025, broken down by ward and by month?\n\nYours faithfully,\nJane Smith\n"
    [finding] = [f for f in lint(text, LintContext(today=TODAY)) if f.rule_id == "assumed-breakdown"]
    assert finding.message == "Question 1 assumes the authority keeps separate figures by ward"
    assert finding.quote == "broken down by ward"


def test_a_breakdown_that_names_no_dimension_still_reads():
    text = "1. How many fines were issued in 2025, broken down by?\n\nYours faithfully,\nJane Smith\n"
    [finding] = [f for f in lint(text, LintContext(today=TODAY)) if f.rule_id == "assumed-breakdown"]
    assert finding.message == "Question 1 assumes the authority keeps the figures broken down as asked"


def test_tell_me_why_keeps_its_why_in_the_rewrite():
    text = "Could you tell me why the library closed?\n\nYours faithfully,\nJane Smith\n"
    [finding] = [f for f in lint(text, LintContext(today=TODAY)) if f.rule_id == "explanation-not-information"]
    assert finding.rewrite.startswith('"Please provide any recorded information you hold that explains why the library closed')
