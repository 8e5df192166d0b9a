"""Safe fixes: applied once they stay applied (idempotent), and the findings they fix are gone."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.drafting import LintContext, apply_fixes, lint
from bot.law.regimes import Law

TODAY = date(2026, 11, 25)
CONTEXT = LintContext(today=TODAY)

QUESTION_POOL = [
    "How many fines were issued in the last 3 years?",
    "How many wardens does the council employ, and what are their grades?",
    "How many social workers are employed for 'adult' cases?",
    "In the past 12 months, how many complaints were upheld, and which wards were they about?",
    "How many potholes were repaired last year?",
    "Please provide copies of the minutes of the Planning Committee meeting of 3 March 2026.",
    "How many buses did the council buy in the last 2 financial years, and what did they cost?",
    "Why did the council close the library?",
    "How many libraries closed this year?",
    "How many fines were issued in 2025, broken down by ward?",
]
LABELS = [lambda i: "", lambda i: f"{i}. ", lambda i: f"({chr(96 + i)}) ", lambda i: "- "]
FIXABLE = {"relative-period", "compound-question", "assumed-breakdown", "no-format-preference", "no-advice-request"}


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, Law]:
    questions = draw(st.lists(st.sampled_from(QUESTION_POOL), min_size=1, max_size=5, unique=True))
    label = draw(st.sampled_from(LABELS))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    body = separator.join(label(i) + q for i, q in enumerate(questions, start=1))
    if draw(st.booleans()):
        body = "Dear Leeds City Council,\n\n" + body
    if draw(st.booleans()):
        body += "\n\nYours faithfully,\n\nJane Smith\n"
    return body, draw(st.sampled_from([Law.FOIA, Law.EIR, Law.FOISA, Law.EISR]))


@settings(max_examples=60, deadline=None)
@given(requests())
def test_applying_fixes_twice_gives_the_same_text(request):
    text, law = request
    context = LintContext(today=TODAY, law=law)
    once = apply_fixes(text, lint(text, context), context)
    assert apply_fixes(once, lint(once, context), context) == once


@settings(max_examples=60, deadline=None)
@given(requests())
def test_after_fixing_no_finding_with_an_automatic_fix_remains(request):
    text, law = request
    context = LintContext(today=TODAY, law=law)
    fixed = apply_fixes(text, lint(text, context), context)
    assert [f.rule_id for f in lint(fixed, context) if f.fix is not None] == []


@settings(max_examples=40, deadline=None)
@given(requests())
def test_fixes_never_touch_the_salutation_or_the_sign_off(request):
    text, law = request
    context = LintContext(today=TODAY, law=law)
    fixed = apply_fixes(text, lint(text, context), context)
    if text.startswith("Dear "):
        assert fixed.startswith("Dear Leeds City Council,\n\n")
    if text.endswith("Jane Smith\n"):
        assert fixed.endswith("\n\nYours faithfully,\n\nJane Smith\n")


def test_the_added_sentences_come_in_a_fixed_order_after_the_questions():
    text = "How many social workers are employed for 'adult' cases?\n"
    fixed = apply_fixes(text, lint(text, CONTEXT), CONTEXT)
    not_held = fixed.index("not held in the form")
    narrowing = fixed.index("exceed the cost limit")
    format_ = fixed.index("Under section 11")
    assert fixed.index("cases?") < not_held < narrowing < format_


def test_a_text_without_fixable_findings_is_returned_unchanged():
    text = "Why did the council close the library?\n"
    findings = [f for f in lint(text, CONTEXT) if f.fix is None]
    assert apply_fixes(text, findings, CONTEXT) == text


def test_findings_from_another_text_are_not_applied_to_this_one():
    other = "How many fines were issued in the last 3 years?\n"
    text = "How many parking bays were painted between 1 and 30 April 2026?\n"
    stale = [f for f in lint(other, CONTEXT) if f.rule_id == "relative-period"]
    assert apply_fixes(text, stale, CONTEXT) == text


def test_a_compound_question_with_a_relative_period_gets_both_fixes():
    text = "In the past 12 months, how many complaints were upheld, and which wards were they about?\n"
    fixed = apply_fixes(text, lint(text, CONTEXT), CONTEXT)
    assert fixed.startswith(
        "(a) Between 25 November 2025 and 24 November 2026, how many complaints were upheld?\n"
        "(b) Which wards were they about?"
    )


def test_a_numbered_compound_question_is_split_into_aligned_sub_items():
    text = "1. How many wardens does the council employ, and what are their grades?\n2. How many vans were bought in 2025?\n"
    fixed = apply_fixes(text, [f for f in lint(text, CONTEXT) if f.rule_id == "compound-question"], CONTEXT)
    assert fixed.startswith(
        "1. (a) How many wardens does the council employ?\n   (b) What are their grades?\n2. How many vans"
    )


def test_a_compound_sub_item_is_split_with_roman_numerals():
    text = "(a) How many wardens does the council employ, and what are their grades?\n"
    fixed = apply_fixes(text, [f for f in lint(text, CONTEXT) if f.rule_id == "compound-question"], CONTEXT)
    assert fixed.startswith("(a) (i) How many wardens does the council employ?\n    (ii) What are their grades?")


def test_a_split_part_that_asks_for_something_ends_as_a_request_not_a_question() -> None:
    from bot.drafting import LintContext, lint

    context = LintContext(today=date(2026, 11, 25))
    findings = [f for f in lint("Why did you close the library? Please send all information about it.", context) if f.rule_id == "compound-question"]
    assert findings, "the two-part sentence is flagged as compound"
    assert "(a) Why did you close the library?" in findings[0].rewrite
    assert "(b) Please send all information about it." in findings[0].rewrite
