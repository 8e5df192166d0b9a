"""Properties over random requests and random choices of grounds: a letter never has a hole in it.

For any facts and any subset of the grounds that fit them, a rendered letter contains no template
syntax, no ``None``, no ``Undefined``, no ``[...]`` placeholder of its own, and every piece of member
text comes out literally (template syntax and mentions included).
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.errors import BadInput
from bot.law.exemptions import table
from bot.law.regimes import Law
from bot.letters import LetterFacts, propose_grounds, render_letter
from bot.letters.timeline import build_timeline
from bot.letters.wording import KIND_LAWS, LetterKind

NASTY = ["{{ 7*7 }}", "{% if x %}", "{# c #}", "@everyone", "@here", "<@123>", "<@&9>", "[give details here]", "None", "}}{{", "%}",
         "naïve – “quoted” £450", "line\u2028separator", "Ünïcødé 名前"]
_WORD = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=20)
USER_TEXT = st.lists(st.one_of(st.sampled_from(NASTY), _WORD), min_size=1, max_size=4).map(" ".join).filter(lambda s: s.strip())
EXAMPLES = int(os.environ.get("FOIBOT_HYPOTHESIS_EXAMPLES", "250"))  # raise it for a deeper local run
# A placeholder is bracketed words ("[give details here]"); a law report's year ("[2015] EWCA Civ 454") is not.
FORBIDDEN = re.compile(r"\{\{|\{%|\{#|\bNone\b|Undefined|\[[^\]]*[A-Za-z_][^\]]*\]")


def _days(draw: st.DrawFn, base: date, low: int, high: int) -> date:
    return base + timedelta(days=draw(st.integers(low, high)))


@st.composite
def requests(draw: st.DrawFn) -> tuple[LetterKind, LetterFacts, date, str]:
    law = draw(st.sampled_from(list(Law)))
    kind = draw(st.sampled_from([k for k in LetterKind if law in KIND_LAWS[k]]))
    division = "scotland" if law in (Law.FOISA, Law.EISR) else draw(st.sampled_from(["england-and-wales", "scotland", "northern-ireland"]))
    sent = draw(st.dates(date(2019, 1, 1), date(2027, 6, 30)))
    received = draw(st.one_of(st.none(), st.just(sent), st.builds(lambda n: sent + timedelta(days=n), st.integers(1, 3))))
    receipt = received or sent
    data: dict[str, Any] = {
        "law": law.value, "division": division, "authority": draw(USER_TEXT), "title": draw(USER_TEXT),
        "requester": draw(USER_TEXT), "sent": sent.isoformat(), "received": received.isoformat() if received else None,
        "reference": draw(st.one_of(st.none(), USER_TEXT)), "link": draw(st.one_of(st.none(), USER_TEXT)),
        "school": draw(st.booleans()) if law == Law.FOIA else False,
        "attachment_missing": draw(st.booleans()),
        "format_asked": draw(st.one_of(st.none(), USER_TEXT)), "format_given": draw(st.one_of(st.none(), USER_TEXT)),
    }
    latest = receipt
    if draw(st.booleans()):
        asked = _days(draw, receipt, 0, 15)
        data["clarification_requested"] = asked.isoformat()
        data["clarification_partial"] = draw(st.booleans())
        latest = asked
        if draw(st.booleans()):
            latest = _days(draw, asked, 0, 10)
            data["clarification_received"] = latest.isoformat()
    if draw(st.integers(0, 3)) == 0:  # a fees notice now and then: the clock pauses, or stops if unpaid
        notice = _days(draw, latest, 0, 10)
        data["fee_notice"] = notice.isoformat()
        latest = notice
        if draw(st.booleans()):
            latest = _days(draw, notice, 0, 20)
            data["fee_paid"] = latest.isoformat()
    if draw(st.booleans()):
        data["extended_to"] = _days(draw, latest, 20, 70).isoformat()
    questions = draw(st.lists(USER_TEXT, max_size=4))
    data["questions"] = questions
    if draw(st.booleans()):
        responded = _days(draw, latest, 0, 80)
        data["responded"] = responded.isoformat()
        data["outcome"] = draw(st.sampled_from(["successful", "partially_successful", "refused", "not_held"]))
        if law != Law.SAR:
            ids = [e.id for e in table(law)]
            data["exemptions"] = draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
        numbers = [str(n) for n in range(1, len(questions) + 1)]
        words = USER_TEXT.filter(lambda t: not t.strip().isdigit())  # a bare number means a question number
        data["questions_unanswered"] = draw(st.lists(st.one_of(st.sampled_from(numbers), words) if numbers else words, max_size=3))
        latest = responded
    if draw(st.booleans()) and (law != Law.SAR or "responded" in data):
        review_requested = _days(draw, latest, 0, 60)
        data["review_requested"] = review_requested.isoformat()
        latest = review_requested
        if draw(st.booleans()):
            latest = _days(draw, review_requested, 0, 60)
            data["review_responded"] = latest.isoformat()
    today = _days(draw, latest, 0, 200)
    return kind, LetterFacts.from_json(data), today, draw(USER_TEXT)


def scottish_complaint_too_early(kind: LetterKind, facts: LetterFacts, today: date) -> bool:
    """FOISA s.47(1), EISR reg 17: an application only after a review's outcome, or its deadline passed."""
    if kind is not LetterKind.COMPLAINT or facts.law not in (Law.FOISA, Law.EISR) or facts.review_responded:
        return False
    if facts.review_requested is None:
        return True
    due = build_timeline(facts, today).review_late_after()
    return due is not None and today <= due


def _user_texts(facts: LetterFacts, notes: str) -> list[str]:
    texts = [facts.authority, facts.title, facts.requester, notes, *facts.questions, *facts.questions_unanswered]
    texts += [t for t in (facts.reference, facts.link, facts.format_asked, facts.format_given) if t]
    return sorted(texts, key=len, reverse=True)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests(), st.data())
def test_no_letter_ever_has_a_placeholder_and_member_text_comes_out_literally(request: tuple, data: st.DataObject) -> None:
    kind, facts, today, notes = request
    proposals = propose_grounds(kind, facts, today)
    chosen = data.draw(st.lists(st.sampled_from([p.id for p in proposals]), unique=True) if proposals else st.just([]))
    needs_reason = kind is LetterKind.REVIEW and not chosen and not notes.strip()  # the member's words are a reason
    needs_clarification_date = kind is LetterKind.CLARIFICATION and facts.clarification_requested is None
    if needs_reason or needs_clarification_date or scottish_complaint_too_early(kind, facts, today):
        try:
            render_letter(kind, facts, chosen, today, notes=notes)
        except BadInput:
            return
        raise AssertionError("a letter the law requires a reason or a date for was written without it")
    letter = render_letter(kind, facts, chosen, today, notes=notes)
    for text in (facts.title, facts.requester, notes.strip()):
        assert text in letter.body
    if facts.reference:
        assert facts.reference in letter.body
    texts = _user_texts(facts, notes.strip())
    for rendered in (letter.body, letter.subject):
        stripped = rendered
        for text in texts:  # longest first, so a text inside another is not cut out of it
            stripped = stripped.replace(text, "")
        assert not FORBIDDEN.search(stripped), FORBIDDEN.search(stripped)
    assert letter.body.endswith(facts.requester + "\n")
    for warning in letter.warnings:
        assert warning.message and not FORBIDDEN.search(warning.message)


@settings(max_examples=60, deadline=None)
@given(requests())
def test_every_proposed_ground_can_be_written(request: tuple) -> None:
    kind, facts, today, notes = request
    assume(facts.clarification_requested is not None or kind is not LetterKind.CLARIFICATION)
    ids = [p.id for p in propose_grounds(kind, facts, today)]
    assume(ids)
    assume(not scottish_complaint_too_early(kind, facts, today))
    letter = render_letter(kind, facts, ids, today, notes=notes)
    assert letter.ground_ids == tuple(ids)
