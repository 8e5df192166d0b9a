"""The findings a member reads first: problems before warnings before tips, each rule once before
any rule twice, then the linter's order. A table of small cases, the real PHSO request, and
properties over any list of findings."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.drafting import Draft, Finding, Severity, importance_order, lint, most_important
from bot.law.regimes import Law
from tests.cases import PHSO_QUESTIONS

P, W, T = Severity.PROBLEM, Severity.WARNING, Severity.TIP


def finding(rule_id: str, severity: Severity, at: int = 0) -> Finding:
    return Finding(rule_id, severity, (at, at), "", f"{rule_id} at {at}", "why", "source", "rewrite")


def findings_of(spec: str) -> list[Finding]:
    """ "Pa Wb Wb Tc": one finding a word, its severity (P, W, T) then its rule, in linter order."""
    return [finding(word[1:], {"P": P, "W": W, "T": T}[word[0]], at) for at, word in enumerate(spec.split())]


@pytest.mark.parametrize(
    ("spec", "n", "chosen"),
    [
        ("", 3, []),
        ("Wa", 3, [0]),
        ("Wa Wb", 3, [0, 1]),
        ("Pa Wb Tc Td", 3, [0, 1, 2]),  # severity first, then the linter's order
        ("Wa Wa Wa Wb Wc", 3, [0, 3, 4]),  # three hits of one rule do not crowd out the others
        ("Wa Wa Wb", 3, [0, 2, 1]),  # a repeat only when no new rule of the severity is left
        ("Wa Wa Wa Wb Wb", 4, [0, 3, 1, 4]),  # every rule's second hit before any rule's third
        ("Pa Pa Wb", 2, [0, 1]),  # a repeated problem still beats a first warning
        ("Wa Wb Wc Wd", 3, [0, 1, 2]),
        ("Ta Tb Pc", 1, [2]),  # order of arrival does not beat severity
        ("Wa Wb", 0, []),
        ("Wa Ta Tb", 2, [0, 2]),  # a rule's repeat at a lower severity is a repeat there too
    ],
)
def test_the_most_important_are_severity_then_each_rule_once_then_linter_order(spec: str, n: int, chosen: list[int]) -> None:
    findings = findings_of(spec)
    assert importance_order(findings)[:n] == chosen
    assert most_important(findings, n) == [findings[i] for i in chosen]


def test_three_is_the_default_and_fewer_findings_are_all_returned() -> None:
    findings = findings_of("Ta Wb Pc Wd")
    assert most_important(findings) == [findings[2], findings[1], findings[3]]
    assert most_important(findings[:2]) == [findings[1], findings[0]]


def test_the_phso_request_shows_three_different_warnings_not_the_same_breakdown_twice() -> None:
    content = Draft("Parliamentary and Health Service Ombudsman", "Caseworkers", PHSO_QUESTIONS, "Dudley Jones", Law.FOIA)
    findings = lint(PHSO_QUESTIONS, content.lint_context(date(2026, 11, 25)))
    assert [f.rule_id for f in findings[:2]] == ["assumed-breakdown", "assumed-breakdown"]
    assert [f.rule_id for f in most_important(findings)] == ["assumed-breakdown", "relative-period", "unbounded-scope"]


SEVERITIES = st.sampled_from(list(Severity))
FINDINGS = st.lists(st.tuples(st.sampled_from("abcde"), SEVERITIES), max_size=20).map(
    lambda pairs: [finding(rule, severity, at) for at, (rule, severity) in enumerate(pairs)])


@given(FINDINGS, st.integers(min_value=0, max_value=25))
def test_the_chosen_are_a_stable_subset_of_the_right_size_and_better_severities_always_win(
    findings: list[Finding], n: int
) -> None:
    order = importance_order(findings)
    chosen = most_important(findings, n)
    assert sorted(order) == list(range(len(findings)))  # every finding once: a ranking, not a filter
    assert len(chosen) == min(n, len(findings))
    assert chosen == [findings[i] for i in order[:n]]  # a subset, in the one stable order
    assert most_important(findings, n + 1)[:n] == chosen  # one more never reorders the first n
    assert most_important(list(findings), n) == chosen  # the same input, the same answer
    left_out = [findings[i] for i in order[n:]]
    for kept in chosen:
        assert all(kept.severity.rank <= other.severity.rank for other in left_out)


@given(FINDINGS, st.integers(min_value=1, max_value=25))
def test_no_repeat_is_chosen_while_a_new_rule_of_its_severity_waits(findings: list[Finding], n: int) -> None:
    order = importance_order(findings)
    first = {f.rule_id: i for i, f in reversed(list(enumerate(findings)))}
    chosen, left_out = set(order[:n]), order[n:]
    for i in chosen:
        if first[findings[i].rule_id] != i:  # a repeat was chosen: no first of that severity is left out
            assert not any(first[findings[j].rule_id] == j and findings[j].severity is findings[i].severity for j in left_out)
