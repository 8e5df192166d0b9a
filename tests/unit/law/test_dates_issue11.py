"""Audit defect 11: a four-digit year is taken as written, never as 20xx."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import UserError
from bot.law.dates import parse_user_date
from bot.tracking.limits import name_key


def test_a_year_written_as_0001_is_refused_not_read_as_2001() -> None:
    with pytest.raises(UserError, match="year 0001"):
        parse_user_date("01/01/0001", today=date(2026, 4, 9))


def test_two_digit_years_are_still_this_century() -> None:
    assert parse_user_date("1/2/22", today=date(2026, 4, 9)) == date(2022, 2, 1)


def test_an_authority_key_never_exceeds_its_column_even_when_folding_lengthens_it() -> None:
    assert len(name_key("ß" * 150)) == 200
