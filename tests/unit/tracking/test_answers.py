"""What a reply said about each question: typed by a member, stored on the event, folded into letters.

The PHSO reply of 8 April 2022 (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO ..."):
"1. All intake caseworkers deal with both health and parliamentary work." ... "4. As question 1."
... "6. As question 3." Totals were given; the per-type splits were not held in that form.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.law import Law
from bot.law.deadlines import RequestFacts
from bot.letters import LetterFacts
from bot.letters.answers import Answer, AnswerStatus, answers_from_mapping, questions_with, resolved
from bot.tracking import EventKind, TimelineEvent, clean_event_data, fold
from bot.tracking.answers import parse_answers
from bot.tracking.describe import event_line
from bot.tracking.letters import letter_facts

PHSO_TYPED = "1,3: not held in form; 4->1; 6->3; 2,5: answered"
PHSO_STORED = {
    "1": {"status": "not_held_in_form"}, "2": {"status": "answered"}, "3": {"status": "not_held_in_form"},
    "4": {"status": "refers_to", "to": 1}, "5": {"status": "answered"}, "6": {"status": "refers_to", "to": 3},
}


def test_the_compact_form_gives_the_stored_mapping() -> None:
    assert parse_answers(PHSO_TYPED) == PHSO_STORED


@pytest.mark.parametrize("typed", [
    "1, 3: not held in the form asked\n4 as 1\n6: as question 3\n2 and 5: given",
    "Q1,Q3: not in form; 4 => 1; 6 → 3; 2, 5: answered.",
])
def test_other_ways_of_writing_it_give_the_same(typed: str) -> None:
    assert parse_answers(typed) == PHSO_STORED


@pytest.mark.parametrize(("typed", "message"), [
    ("1: maybe", "not an answer foibot knows"),
    ("one: answered", "Could not read question numbers"),
    ("1: answered; 1: withheld", "two answers"),
    ("4->4", "cannot refer to itself"),
    ("1->2; 2->1", "in a circle"),
    ("answered", "Could not read"),
    ("   ", "No answers given"),
])
def test_bad_input_is_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        parse_answers(typed)


def test_the_stored_mapping_is_checked_field_by_field() -> None:
    for bad, message in [
        ({"x": {"status": "answered"}}, "question number"),
        ({"1": "answered"}, "must be an object"),
        ({"1": {"status": "lost"}}, "not an answer status"),
        ({"1": {"status": "refers_to"}}, "say which one"),
        ({"1": {"status": "answered", "to": 2}}, "Only an answer that refers"),
        ({"1": {"status": "answered", "why": 1}}, "unknown field 'why'"),
        (["1"], "must be an object"),
    ]:
        with pytest.raises(BadInput, match=message):
            answers_from_mapping(bad)


def test_a_reference_resolves_to_the_answer_it_points_to() -> None:
    answers = answers_from_mapping(PHSO_STORED)
    assert resolved(answers, 6) == Answer(3, AnswerStatus.NOT_HELD_IN_FORM)
    assert questions_with(answers, AnswerStatus.NOT_HELD_IN_FORM, follow=True) == (1, 3, 4, 6)
    assert questions_with(answers, AnswerStatus.REFERS_TO) == (4, 6)


def test_a_response_event_takes_answers_typed_or_as_json() -> None:
    for given in (PHSO_TYPED, PHSO_STORED):
        data = clean_event_data(EventKind.RESPONSE, {"outcome": "partial", "answers": given}, law=Law.FOIA,
                                on=date(2022, 4, 8), today=date(2022, 4, 9))
        assert data["answers"] == PHSO_STORED
    review = clean_event_data(EventKind.REVIEW_RESPONSE, {"answers": "3: withheld"}, law=Law.FOIA,
                              on=date(2022, 5, 9), today=date(2022, 5, 9))
    assert review == {"answers": {"3": {"status": "withheld"}}}


def test_answers_are_refused_on_an_event_that_has_none() -> None:
    with pytest.raises(BadInput, match="takes no answers"):
        clean_event_data(EventKind.NOTE, {"answers": "1: answered"}, law=Law.FOIA, on=date(2022, 4, 8), today=date(2022, 4, 9))


def test_the_fold_carries_the_answers_into_the_letter_facts_and_the_timeline_line() -> None:
    events = [
        TimelineEvent(EventKind.SENT, date(2022, 3, 28), seq=1),
        TimelineEvent(EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "partially_successful", "answers": PHSO_STORED}, seq=2),
    ]
    folded = fold(RequestFacts(law=Law.FOIA), events, date(2022, 4, 9))
    facts = letter_facts(folded, authority="PHSO", division="england-and-wales", title="Caseworkers",
                         sent_on=date(2022, 3, 28), requester="Dudley Jones")
    assert facts.answers == answers_from_mapping(PHSO_STORED)
    assert "questions 1, 3 not held in the form asked" in event_line(events[1])
    assert "question 4 as question 1" in event_line(events[1])


def test_letter_json_round_trips_the_answers_and_refuses_numbers_beyond_the_questions() -> None:
    base = {"law": "foia", "authority": "PHSO", "title": "T", "sent": "2022-03-28", "requester": "D",
            "questions": ["a", "b", "c", "d", "e", "f"], "answers": PHSO_STORED}
    facts = LetterFacts.from_json(base)
    assert LetterFacts.from_json(facts.to_json()) == facts
    assert facts.to_json()["answers"] == PHSO_STORED
    with pytest.raises(BadInput, match="not one of the request's 6 questions"):
        LetterFacts.from_json({**base, "answers": {"7": {"status": "answered"}}})


def test_status_words_follow_the_law_s_route() -> None:
    from bot.tracking.statuses import Status, status_meaning

    assert "complaint to the regulator" in status_meaning(Status.VERY_OVERDUE, law="foia")
    foisa = status_meaning(Status.VERY_OVERDUE, law="foisa")
    assert "require a review" in foisa and "complaint" not in foisa
    sar = status_meaning(Status.VERY_OVERDUE, law="sar")
    assert "month" in sar and "20 working days" not in sar
