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
