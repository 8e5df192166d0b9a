"""What the reply reader found, as details of the event it is saved as (issue #12's keys)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.law.regimes import Law
from bot.tracking import EventKind
from bot.tracking.events import READING_MAX, clean_event_data

ON, TODAY = date(2024, 5, 20), date(2024, 5, 21)


def clean(kind: EventKind, **raw):
    return clean_event_data(kind, raw, law=Law.FOIA, on=ON, today=TODAY)


def test_false_findings_are_kept_and_unknown_ones_left_out() -> None:
    data = clean(EventKind.RESPONSE, outcome="refused", public_interest_reasons_given=False, cost_estimate_given=None,
                 review_rights_stated=True, attachments_referred=0, reading={"kind": "response"})
    assert data["public_interest_reasons_given"] is False and data["review_rights_stated"] is True
    assert "cost_estimate_given" not in data
    assert data["attachments_referred"] == 0 and data["reading"] == {"kind": "response"}


@pytest.mark.parametrize("kind", [EventKind.CLARIFICATION_REQUESTED, EventKind.FEE_NOTICE, EventKind.REVIEW_RESPONSE])
def test_each_event_a_reply_can_be_saved_as_takes_the_reading(kind: EventKind) -> None:
    assert clean(kind, reading={"kind": "x"}, regulator_rights_stated=False)["regulator_rights_stated"] is False


def test_a_reviews_verdict_is_refused_on_a_response_and_ncnd_is_an_outcome() -> None:
    with pytest.raises(BadInput, match="review's verdict"):
        clean(EventKind.RESPONSE, outcome="upheld")
    assert clean(EventKind.RESPONSE, outcome="ncnd")["outcome"] == "ncnd"
    assert clean(EventKind.REVIEW_RESPONSE, outcome="partly upheld")["outcome"] == "partly_upheld"


def test_malformed_reading_details_are_refused() -> None:
    with pytest.raises(BadInput, match="true or false"):
        clean(EventKind.RESPONSE, outcome="refused", advice_given="yes")
    with pytest.raises(BadInput, match="whole number"):
        clean(EventKind.RESPONSE, outcome="refused", attachments_referred=-1)
    with pytest.raises(BadInput, match="JSON object"):
        clean(EventKind.RESPONSE, outcome="refused", reading="text")


def test_an_oversized_reading_loses_its_quotes_before_it_is_refused() -> None:
    big = {"kind": "response", "spans": [{"finding": "x", "start": 0, "end": 1, "text": "y" * 500} for _ in range(60)]}
    stored = clean(EventKind.RESPONSE, outcome="refused", reading=big)["reading"]
    assert all(len(s["text"]) <= 80 for s in stored["spans"])
    huge = {"kind": "response", "notes": ["z" * (READING_MAX + 10)]}
    with pytest.raises(BadInput, match="too large"):
        clean(EventKind.RESPONSE, outcome="refused", reading=huge)
