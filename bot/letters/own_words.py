"""The member's own paragraph for a review or a complaint, checked before it goes into the letter.

A review looks at how the request was handled and what recorded information was given; so does the
regulator. Neither has to explain, justify or give an opinion (FOIA s.1(1) and s.84, "information"
means information recorded in any form; EIR reg 2(1); FOISA s.1(1) and s.73), and a paragraph that
asks for one gives the authority a reason to set the review aside. The check is the drafting
linter's own rule for that mistake (``bot.drafting``, ``explanation-not-information``), not a copy.

A flagged paragraph comes with two ways forward: a ground about the handling, and a new request for
the recorded information that would answer the question (``new_request``), which the member can open
as a draft.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from bot.drafting import LintContext, lint
from bot.drafting.citations import citations
from bot.drafting.phrases import advice_paragraph
from bot.law.regimes import Law, regime
from bot.letters.facts import LetterFacts
from bot.letters.timeline import plain_date
from bot.letters.wording import LetterKind

log = logging.getLogger(__name__)

# The drafting rules that apply to a review's or a complaint's own paragraph (ids of bot.drafting.RULES).
REVIEW_RULES = ("explanation-not-information",)
CHECKED_KINDS = frozenset({LetterKind.REVIEW, LetterKind.COMPLAINT})

WHY = {
    LetterKind.REVIEW: ("a review looks at how your request was handled and what recorded information was given; "
                        "an explanation is not recorded information"),
    LetterKind.COMPLAINT: ("the Commissioner looks at how your request was handled and what recorded information was "
                           "given; an explanation is not recorded information"),
}

# A request that counted staff ("How many caseworkers are employed ..."): the figure behind a
# question about the numbers is the headcount, which an authority's HR records hold by unit.
_STAFF_COUNT = re.compile(r"\b(?:how\s+many|number\s+of)\b[^?.]*\b(?:employ\w*|staff|workforce|headcount|posts?)\b",
                          re.IGNORECASE)


@dataclass(frozen=True)
class OwnWordsFlag:
    """One sentence of the member's paragraph that asks for what a review cannot give."""

    rule_id: str
    quote: str  # the sentence, as the member wrote it
    why: str  # our words: why it does not belong in this letter
    rewrite: str  # the drafting rule's suggestion: the recorded information to ask for instead
    source: str = ""  # the law's definition of information (recorded), cited with ``why``


def check_own_words(text: str, kind: LetterKind | str, law: Law | str, today: date) -> list[OwnWordsFlag]:
    """The flagged sentences of ``text`` (empty when it may go into the letter as written)."""
    kind = LetterKind(kind)
    if kind not in CHECKED_KINDS or regime(law).subject_access or not text.strip():
        return []
    findings = lint(text, LintContext(today=today, law=law))  # type: ignore[arg-type]
    source = citations(law)["recorded"]
    return [OwnWordsFlag(f.rule_id, " ".join(f.quote.split()), WHY[kind], f.rewrite, source)
            for f in findings if f.rule_id in REVIEW_RULES]


@dataclass(frozen=True)
class NewRequest:
    """A request for recorded information, offered in place of a flagged paragraph."""

    subject: str
    questions: str


def new_request(facts: LetterFacts, flags: list[OwnWordsFlag]) -> NewRequest:
    """What to ask for instead: for a request that counted staff, the total headcount by directorate
    on the day of the response (the figure a question about the numbers turns on); otherwise the
    drafting rule's rewrite of the flagged sentence."""
    on = facts.responded or facts.sent
    # The sentence asking for the nearest form and for advice (FOIA s.16; EIR reg 9; FOISA s.15;
    # EISR reg 9), so the figures asked for are not set aside as "not held in that form".
    advice = advice_paragraph(facts.law, not_held=True, narrowing=False)
    if any(_STAFF_COUNT.search(q) for q in facts.questions):
        return NewRequest(
            subject="Total headcount by directorate",
            questions=(f"1. The total number of staff employed by {facts.authority} as at {plain_date(on)}, "
                       "broken down by directorate (or by the largest organisational unit your records use).\n"
                       f"2. For each directorate, how many of those staff work in casework roles.\n\n{advice}\n"),
        )
    asks = [f.rewrite.split('"')[1] if f.rewrite.count('"') >= 2 else f.rewrite for f in flags]
    body = "\n".join(f"{n}. {ask}" for n, ask in enumerate(asks or ["Please provide the recorded information held on this."], 1))
    return NewRequest(subject=f"Recorded information: {facts.title}"[:200], questions=f"{body}\n\n{advice}\n")
