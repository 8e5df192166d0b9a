"""Timing advice: a letter sent at the wrong moment comes with a warning and the dates, never silently."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.errors import BadInput
from bot.letters import LetterFacts, render_letter

_FOIA: dict[str, Any] = {
    "law": "foia", "authority": "Exampleshire County Council", "title": "Road repairs",
    "sent": "2025-01-06", "requester": "Alex Morgan",
}
_FOISA: dict[str, Any] = {**_FOIA, "law": "foisa", "division": "scotland", "authority": "Glenmore Health Board"}


def warnings(kind: str, today: date, grounds: tuple[str, ...] = (), **changes: Any) -> dict[str, str]:
    letter = render_letter(kind, LetterFacts.from_json({**_FOIA, **changes}), grounds, today, notes="My answer.")
    return {w.code: w.message for w in letter.warnings}


def test_a_review_asked_after_the_40_working_days_gets_a_warning_with_the_closing_date() -> None:
    # responded Mon 3 Feb 2025 -> 40 working days -> Tue 1 Apr 2025 (St Patrick's Day, 17 March, does not count)
    late = warnings("review", date(2025, 4, 2), responded="2025-02-03", outcome="successful")
    assert "Tuesday 1 April 2025" in late["review_window_closed"]
    assert "review_window_closed" not in warnings("review", date(2025, 4, 1), responded="2025-02-03", outcome="successful")


def test_a_chaser_before_the_due_date_gets_a_warning_with_the_due_date() -> None:
    # received Mon 6 Jan 2025 -> due Mon 3 Feb 2025
    early = warnings("chaser", date(2025, 2, 3))
    assert "Monday 3 February 2025" in early["chaser_too_early"]
    assert warnings("chaser", date(2025, 2, 4)) == {}


def test_a_chaser_waits_for_the_next_working_day_reading_when_receipt_fell_on_a_weekend() -> None:
    # received Sat 15 Mar 2025: ICO 20th working day Mon 14 Apr; next-working-day reading Tue 15 Apr 2025
    between = warnings("chaser", date(2025, 4, 15), sent="2025-03-15")
    message = between["chaser_too_early"]
    assert "Monday 14 April 2025" in message and "Tuesday 15 April 2025" in message
    assert warnings("chaser", date(2025, 4, 16), sent="2025-03-15") == {}


def test_a_chaser_to_a_school_waits_for_the_60_working_day_backstop() -> None:
    message = warnings("chaser", date(2025, 2, 10), school=True)["chaser_too_early"]
    assert "60th" in message


def test_a_chaser_after_the_response_arrived_is_flagged() -> None:
    assert "chaser_after_response" in warnings("chaser", date(2025, 2, 10), responded="2025-02-03", outcome="successful")


def test_an_application_to_the_scottish_commissioner_before_any_review_is_refused() -> None:
    facts = LetterFacts.from_json({**_FOISA, "responded": "2025-01-31", "outcome": "refused"})
    with pytest.raises(BadInput, match="only after a review: send a requirement for review under section 20 first"):
        render_letter("complaint", facts, ["no_exemption_named"], date(2025, 2, 10))


def test_an_application_to_the_scottish_commissioner_before_the_review_is_due_is_refused_with_the_review_date() -> None:
    facts = LetterFacts.from_json({**_FOISA, "responded": "2025-01-31", "outcome": "refused", "review_requested": "2025-02-03"})
    with pytest.raises(BadInput, match="due by Monday 3 March 2025"):
        render_letter("complaint", facts, [], date(2025, 2, 10))


def test_an_ico_complaint_before_an_internal_review_gets_a_warning() -> None:
    assert "complaint_before_review" in warnings("complaint", date(2025, 2, 10), responded="2025-02-03", outcome="refused")


def test_an_ico_complaint_while_the_review_may_still_take_40_working_days_gets_a_warning() -> None:
    found = warnings("complaint", date(2025, 3, 20), responded="2025-02-03", outcome="refused", review_requested="2025-02-04")
    assert "complaint_before_review" in found  # review due 5 Mar, at most 2 Apr 2025 (St Patrick's Day skipped)
    assert "Wednesday 2 April 2025" in found["complaint_before_review"]


def test_a_complaint_after_the_six_weeks_gets_a_warning() -> None:
    found = warnings("complaint", date(2025, 5, 1), responded="2025-02-03", outcome="refused",
                     review_requested="2025-02-04", review_responded="2025-03-03")
    assert "complaint_window_closed" in found and "6 weeks" in found["complaint_window_closed"]


def test_a_letter_sent_on_time_comes_without_warnings() -> None:
    assert warnings("review", date(2025, 2, 10), responded="2025-02-03", outcome="successful") == {}
    assert warnings("clarification", date(2025, 1, 10), clarification_requested="2025-01-09") == {}


def test_an_application_to_the_commissioner_waits_for_the_later_reading_of_a_sunday_requirement_for_review() -> None:
    # SIC Decision 092/2026: a requirement sent Sun 26 Oct 2025, answered Mon 24 Nov 2025, was in time.
    facts = LetterFacts.from_json({**_FOISA, "responded": "2025-10-24", "outcome": "refused", "review_requested": "2025-10-26"})
    with pytest.raises(BadInput, match="Monday 24 November 2025"):
        render_letter("complaint", facts, [], date(2025, 11, 24))
    assert render_letter("complaint", facts, [], date(2025, 11, 25)).recipient == "the Scottish Information Commissioner"
