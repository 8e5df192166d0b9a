"""Dates typed by people: day first, refused with a reason and an accepted form when unclear."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.law import parse_user_date
from bot.law.bank_holidays import FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28/03/2022", date(2022, 3, 28)),
        ("28-3-22", date(2022, 3, 28)),
        ("28.03.2022", date(2022, 3, 28)),
        ("28 March 2022", date(2022, 3, 28)),
        ("28 mar 2022", date(2022, 3, 28)),
        ("28th March 2022", date(2022, 3, 28)),
        ("Mon 28 March 2022", date(2022, 3, 28)),
        ("28 Mar 22", date(2022, 3, 28)),
        ("March 28, 2022", date(2022, 3, 28)),
        ("2022-03-28", date(2022, 3, 28)),
        ("  2022-03-28 ", date(2022, 3, 28)),
        ("03/04/2022", date(2022, 4, 3)),  # day first: 3 April, never 4 March
        ("today", TODAY),
        ("Today", TODAY),
        ("yesterday", date(2026, 11, 19)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_user_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "it is empty"),
        ("March 2022", "needs a day, a month and a year"),
        ("28 March", "needs a day, a month and a year"),
        ("28/03", "needs a year"),
        ("31/02/2022", "February 2022 has no day 31"),
        ("30 Feb 2022", "doesn't exist"),
        ("03/28/2022", "no month 28 (dates are read day first)"),
        ("1/2/3", "without guessing"),
        ("28032022", "without guessing"),
        ("next friday", "doesn't look like a date"),
        ("soon", "doesn't look like a date"),
    ],
)
def test_unclear_or_impossible_dates_are_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_user_date(text, today=TODAY)
    assert why in caught.value.message
    assert "28/03/2022" in caught.value.message  # shows an accepted form
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("text", [f"01/01/{FIRST_SUPPORTED_YEAR - 1}", f"{LAST_SUPPORTED_YEAR + 1}-01-01", "1/1/99"])
def test_dates_outside_the_holiday_data_years_are_refused(text: str) -> None:
    with pytest.raises(BadInput, match=f"{FIRST_SUPPORTED_YEAR}-{LAST_SUPPORTED_YEAR}"):
        parse_user_date(text, today=TODAY)


def test_today_outside_the_supported_years_is_refused_too() -> None:
    with pytest.raises(BadInput, match="bank holidays"):
        parse_user_date("today", today=date(LAST_SUPPORTED_YEAR + 1, 1, 1))


def test_two_digit_years_do_not_depend_on_the_clock() -> None:
    # dateutil's own rule picks a century near the current year; ours is always 20xx.
    assert parse_user_date("1 Jan 05", today=TODAY) == date(2005, 1, 1)
    assert parse_user_date("1-1-05", today=TODAY) == date(2005, 1, 1)


def test_a_long_bad_input_is_shortened_in_the_message() -> None:
    with pytest.raises(BadInput) as caught:
        parse_user_date("x" * 500, today=TODAY)
    assert len(caught.value.message) < 250
