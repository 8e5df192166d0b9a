"""What a member types to log a request: limits are refused with the numbers, never truncated."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.tracking.inputs import NewRequest, Visibility, clean_new_request
from bot.tracking.limits import TITLE_MAX, clean_link, clean_text

TODAY = date(2022, 4, 1)


def new(**changes: object) -> NewRequest:
    fields = {"authority_name": "  Parliamentary and   Health Service Ombudsman ", "title": "Caseworkers", "sent_on": "28/03/2022"}
    return NewRequest(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_request_is_cleaned_and_its_date_read_day_first() -> None:
    clean = clean_new_request(new(), today=TODAY, in_server=True)
    assert clean.authority_name == "Parliamentary and Health Service Ombudsman"
    assert clean.sent_on == date(2022, 3, 28)
    assert clean.visibility is Visibility.PRIVATE


def test_an_over_long_title_is_refused_with_its_length_and_the_limit() -> None:
    with pytest.raises(BadInput, match=f"The title is {TITLE_MAX + 1} characters long; the limit is {TITLE_MAX}"):
        clean_new_request(new(title="x" * (TITLE_MAX + 1)), today=TODAY, in_server=True)


def test_a_future_date_sent_is_refused() -> None:
    with pytest.raises(BadInput, match="is in the future"):
        clean_new_request(new(sent_on="02/04/2022"), today=TODAY, in_server=True)


def test_a_malformed_date_sent_is_refused_with_an_accepted_form() -> None:
    with pytest.raises(BadInput, match="28/03/2022"):
        clean_new_request(new(sent_on="the other day"), today=TODAY, in_server=True)


def test_sharing_with_a_server_is_refused_in_dms() -> None:
    with pytest.raises(BadInput, match="only from inside a server"):
        clean_new_request(new(visibility="server"), today=TODAY, in_server=False)


@pytest.mark.parametrize("link", ["whatdotheyknow.com/request/x", "ftp://example.org/x", "https://"])
def test_a_link_must_be_a_web_address(link: str) -> None:
    with pytest.raises(BadInput, match="https://"):
        clean_link(link)


def test_an_empty_required_field_is_refused_and_an_empty_optional_one_is_none() -> None:
    with pytest.raises(BadInput, match="The title is empty"):
        clean_text("   ", "The title", 10, required=True)
    assert clean_text("   ", "The reference", 10) is None
    assert clean_text("a\n b", "The questions", 10, one_line=False) == "a\n b"
