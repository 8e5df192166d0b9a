"""No finding quotes a case: the rules explain themselves in general terms, and the real case the
tests replay (tests/cases.py) lives only in tests and examples, never in the rule texts, the
drafting code or the drafting templates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.drafting import RULES, LintContext, lint
from bot.law.regimes import Law
from tests.cases import PHSO_ORIGINAL_REQUEST, PHSO_REVIEW_REQUEST
from tests.unit.drafting.test_rules_table import TRIGGERS

ROOT = Path(__file__).resolve().parents[3]
# Words of the case: the authority, the requester, what its replies and its review said, its figures.
CASE_WORDING = re.compile(
    r"PHSO|Ombudsman|Dudley|queried anything specific|explain this discrepancy|not specifically on health"
    r"|approximately 600 staff|36 intake|198 caseworkers|64 senior|Treasury Solicitor|outsourcing company",
    re.IGNORECASE,
)
# In a rule's own explanation (title, why, source) even the case's ordinary words are a quote.
CASE_WORDS_IN_RULES = re.compile(r"caseworkers?|parliamentary|headcount|outsourcing", re.IGNORECASE)
DRAFTING_FILES = [
    *sorted((ROOT / "bot" / "drafting").glob("*.py")),
    *sorted((ROOT / "prompts" / "messages").glob("draft_*.j2")),
    ROOT / "prompts" / "letters" / "request.txt.j2",
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_no_rule_explanation_quotes_a_case(rule):
    for law in rule.laws:
        for text in (rule.title, rule.why_for(law), rule.source_for(law)):
            assert not CASE_WORDING.search(text), f"{rule.id} under {law}: {text}"
            assert not CASE_WORDS_IN_RULES.search(text), f"{rule.id} under {law}: {text}"


@pytest.mark.parametrize("path", DRAFTING_FILES, ids=lambda p: p.name)
def test_the_drafting_code_and_templates_hold_no_case_wording(path):
    found = CASE_WORDING.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)} quotes the case: {found}"


def test_findings_on_other_requests_never_bring_the_case_up():
    for _, law, text, _ in TRIGGERS:
        assert not CASE_WORDING.search(text)
        for finding in lint(text, LintContext(today=date(2026, 11, 25), law=law)):
            for said in (finding.message, finding.why, finding.source, finding.rewrite):
                assert not CASE_WORDING.search(said), f"{finding.rule_id}: {said}"


def test_findings_on_the_case_itself_explain_in_general_terms():
    for text in (PHSO_ORIGINAL_REQUEST, PHSO_REVIEW_REQUEST):
        for finding in lint(text, LintContext(today=date(2026, 11, 25))):
            assert not CASE_WORDING.search(finding.why + finding.source), finding.rule_id
