"""A tracked request's facts for the letters."""

from __future__ import annotations

from datetime import date

from bot.law import Law, RequestFacts
from bot.tracking import EventKind, TimelineEvent, fold
from bot.tracking.letters import letter_facts, split_questions

# The PHSO request's questions as sent (WhatDoTheyKnow), shortened.
PHSO_QUESTIONS = """Could you tell me:
1) How many 'Intake' caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?
2) How many caseworkers are employed by the PHSO for dealing with 'parliamentary' cases
3) How many senior caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?

In the last 3 years, how many case investigations
have been completed in a period of 7 weeks or less?

How many of the activities/ areas of responsibility of the PHSO are handled by outsourcing organisations?
"""


def test_numbered_questions_and_the_paragraphs_after_them_are_the_questions_in_order() -> None:
    questions = split_questions(PHSO_QUESTIONS)
    assert len(questions) == 5
    assert questions[0].startswith("How many 'Intake' caseworkers")
    assert questions[3] == "In the last 3 years, how many case investigations have been completed in a period of 7 weeks or less?"


def test_without_numbers_each_paragraph_is_a_question() -> None:
    assert split_questions("First thing\nstill first\n\nSecond thing") == ("First thing still first", "Second thing")
    assert split_questions("") == ()


def test_letter_facts_carry_the_dates_and_the_latest_answer() -> None:
    events = [
        TimelineEvent(EventKind.SENT, date(2022, 3, 28), {}, None, 1),
        TimelineEvent(EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 30), {"partial": True}, None, 2),
        TimelineEvent(EventKind.CLARIFICATION_SENT, date(2022, 3, 31), {}, None, 3),
        TimelineEvent(EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "partially_successful", "unanswered": [4],
                                                             "attachment_missing": True, "exemptions": ["s40(2)"]}, None, 4),
    ]
    folded = fold(RequestFacts(law=Law.FOIA), events, date(2022, 4, 9))
    facts = letter_facts(folded, authority="Parliamentary and Health Service Ombudsman", division="england-and-wales",
                         title="Caseworkers", sent_on=date(2022, 3, 28), requester="Dudley Jones", questions=PHSO_QUESTIONS)
    assert (facts.received, facts.responded, facts.clarification_partial) == (date(2022, 3, 28), date(2022, 4, 8), True)
    assert (facts.outcome.value, facts.exemptions, facts.questions_unanswered) == ("partially_successful", ("s40(2)",), ("4",))
    assert facts.attachment_missing and facts.unanswered_lines()[0].startswith("Question 4: In the last 3 years")


def test_a_subject_access_letter_keeps_every_clarification_rounds_pause() -> None:
    """Two rounds (3-20 March, 25-30 March 2026) stop the clock for 24 days in all: due 27 April 2026, so
    a chaser on 10 April is early, not late (DUAA 2025 s.76)."""
    from bot.law import compute_deadlines
    from bot.letters import LetterKind, render_letter
    from bot.letters.timeline import request_facts

    base = RequestFacts(law=Law.SAR, received=date(2026, 3, 2))
    steps = [(EventKind.SENT, date(2026, 3, 2)), (EventKind.CLARIFICATION_REQUESTED, date(2026, 3, 3)),
             (EventKind.CLARIFICATION_SENT, date(2026, 3, 20)), (EventKind.CLARIFICATION_REQUESTED, date(2026, 3, 25)),
             (EventKind.CLARIFICATION_SENT, date(2026, 3, 30))]
    folded = fold(base, [TimelineEvent(kind, on, {}, None, seq) for seq, (kind, on) in enumerate(steps, 1)], date(2026, 4, 10))
    facts = letter_facts(folded, authority="Anytown Council", division="england-and-wales", title="My records",
                         sent_on=date(2026, 3, 2), requester="Jo Bloggs")
    assert facts.earlier_pause_days == 18
    assert compute_deadlines(request_facts(facts)).deadlines["response_due"].due == date(2026, 4, 27)
    letter = render_letter(LetterKind.CHASER, facts, [], date(2026, 4, 10))
    assert any("27 April 2026" in w.message for w in letter.warnings), [w.message for w in letter.warnings]
