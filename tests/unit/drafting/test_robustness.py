"""Any text at all: the linter never fails, every quote is its span, and fixing settles."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.drafting import LintContext, apply_fixes, lint
from bot.law.regimes import Law

FRAGMENTS = [
    "Dear Leeds City Council,\n", "Yours faithfully,\nJane Smith\n", "Thanks,\nSam\n", "1) ", "(a) ", "- ",
    "How many ", "fines were issued ", "in the last 3 years", "last year", "this financial year", "recently",
    ", and what ", "Why did ", "all information ", "about me ", "for 'adult' cases", "broken down by ward",
    "the DWP ", "[insert date]", "AND ", "!!", "?", ".", "\n", "\n\n", "İstanbul ", "ß ", "\u2019", "2025 ",
    "names of the tenants ", "air quality ", "per year ", "s.16 ", "CSV ",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=30).map("".join),
    st.sampled_from(list(Law)),
)
def test_any_text_lints_with_exact_quotes_and_fixes_settle(text, law):
    context = LintContext(today=date(2026, 11, 25), law=law)
    findings = lint(text, context)
    for finding in findings:
        assert text[finding.span[0] : finding.span[1]] == finding.quote
        assert finding.rewrite and finding.why and finding.source
    fixed = apply_fixes(text, findings, context)
    assert apply_fixes(fixed, lint(fixed, context), context) == fixed
