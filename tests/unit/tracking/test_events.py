"""An event's details: outcomes, exemptions, question numbers, flags and dates, checked."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.law import Law
from bot.tracking import EventKind, Outcome, clean_event_data, parse_question_numbers
from bot.tracking.describe import event_line, exemption_label
from bot.tracking.fold import TimelineEvent

ON = date(2022, 4, 8)
TODAY = date(2022, 5, 1)


def clean(kind: EventKind, **raw: object) -> dict:
    return clean_event_data(kind, raw, law=Law.FOIA, on=ON, today=TODAY)


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        ("successful", Outcome.SUCCESSFUL),
        ("Partially successful", Outcome.PARTIALLY_SUCCESSFUL),
        ("partial", Outcome.PARTIALLY_SUCCESSFUL),
        ("refused", Outcome.REFUSED),
        ("Rejected", Outcome.REFUSED),
        ("not held", Outcome.NOT_HELD),
        ("Not-held", Outcome.NOT_HELD),
    ],
)
def test_an_outcome_is_read_the_way_people_write_it(typed: str, outcome: Outcome) -> None:
    assert Outcome.parse(typed) is outcome


def test_an_unknown_outcome_is_refused_with_the_choices() -> None:
    with pytest.raises(BadInput, match="successful, partially successful, refused or not held"):
        Outcome.parse("meh")


def test_a_response_needs_an_outcome() -> None:
    with pytest.raises(BadInput, match="Response needs the outcome"):
        clean(EventKind.RESPONSE)


def test_a_response_keeps_parsed_exemptions_questions_and_the_missing_attachment() -> None:
    data = clean(EventKind.RESPONSE, outcome="refused", exemptions="s.40(2), s 43", unanswered="Q2 and Q5", attachment_missing=True)
    assert data == {"outcome": "refused", "exemptions": ["s40(2)", "s43"], "unanswered": [2, 5], "attachment_missing": True}


def test_empty_details_are_left_out() -> None:
    assert clean(EventKind.RESPONSE, outcome="successful", exemptions="", unanswered=None, attachment_missing=False) == {
        "outcome": "successful"
    }


def test_an_unreadable_exemption_is_refused() -> None:
    with pytest.raises(BadInput, match="Could not read"):
        clean(EventKind.RESPONSE, outcome="refused", exemptions="because they said so")


def test_a_detail_the_event_does_not_take_is_refused_not_dropped() -> None:
    with pytest.raises(BadInput, match="Acknowledged takes no outcome"):
        clean(EventKind.ACKNOWLEDGED, outcome="successful")


def test_an_extension_needs_a_new_date_after_the_event() -> None:
    with pytest.raises(BadInput, match="needs the new date"):
        clean(EventKind.EXTENSION)
    with pytest.raises(BadInput, match="must be after the day of the event"):
        clean(EventKind.EXTENSION, new_date="01/04/2022")
    assert clean(EventKind.EXTENSION, new_date="20/05/2022") == {"new_date": "2022-05-20"}


def test_a_malformed_new_date_says_how_to_write_it() -> None:
    with pytest.raises(BadInput, match="28/03/2022"):
        clean(EventKind.EXTENSION, new_date="next tuesday-ish")


def test_a_partial_clarification_is_a_flag() -> None:
    assert clean(EventKind.CLARIFICATION_REQUESTED, partial=True) == {"partial": True}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("2", [2]),
        ("2, 5", [2, 5]),
        ("Q2 and Q5", [2, 5]),
        ("questions 3-5; 7", [3, 4, 5, 7]),
        ("5, 2, 2", [2, 5]),
        ("  ", []),
    ],
)
def test_question_numbers_are_read_from_lists_and_ranges(text: str, numbers: list[int]) -> None:
    assert parse_question_numbers(text) == numbers


@pytest.mark.parametrize("text", ["the second one", "0", "5-2", "2, x", "999"])
def test_text_that_is_not_question_numbers_is_refused(text: str) -> None:
    with pytest.raises(BadInput, match="2, 5, 7-8"):
        parse_question_numbers(text)


def test_an_event_line_says_what_the_response_was() -> None:
    event = TimelineEvent(
        EventKind.RESPONSE, ON, {"outcome": "partially_successful", "exemptions": ["s40(2)", "r12(4)(b)"], "unanswered": [3], "attachment_missing": True}
    )
    assert event_line(event) == (
        "Response: partially successful; cites s.40(2), reg 12(4)(b); question 3 not answered; attachment missing"
    )
    assert exemption_label("s43") == "s.43"
