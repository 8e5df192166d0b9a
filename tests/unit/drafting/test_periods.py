"""Relative periods become exact dates from the day the request is sent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.drafting.periods import explicit_period, relative_periods_in

TODAY = date(2026, 11, 25)


def _period(phrase: str, today: date = TODAY):
    [match] = relative_periods_in(phrase)
    return explicit_period(match, today)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("In the last 3 years", "between 25 November 2023 and 24 November 2026"),
        ("over the past two years", "between 25 November 2024 and 24 November 2026"),
        ("in the last 12 months to date", "between 25 November 2025 and 24 November 2026"),
        ("the previous 6 months", "between 25 May 2026 and 24 November 2026"),
        ("within the last 4 weeks", "between 28 October 2026 and 24 November 2026"),
        ("the last year", "between 25 November 2025 and 24 November 2026"),
        ("last year", "in the calendar year 2025 (1 January to 31 December 2025)"),
        ("last month", "in October 2026 (1 to 31 October 2026)"),
        ("last week", "between Monday 16 November 2026 and Sunday 22 November 2026"),
        ("this year", "between 1 January 2026 and 24 November 2026"),
        ("this financial year", "between 1 April 2026 and 24 November 2026"),
        (
            "in the last 3 financial years",
            "in the financial years 2023/24, 2024/25 and 2025/26 (1 April 2023 to 31 March 2026)",
        ),
        ("last financial year", "in the financial year 2025/26 (1 April 2025 to 31 March 2026)"),
        (
            "for each of the last 2 calendar years",
            "for each of the calendar years 2024 and 2025 (1 January 2024 to 31 December 2025)",
        ),
    ],
)
def test_a_relative_period_is_written_out_as_exact_dates(phrase, expected):
    assert _period(phrase).phrase == expected


@pytest.mark.parametrize(
    "phrase",
    ["the last few years", "each of the last 3 years", "the last 3 academic years", "the last 2 tax years", "the last quarter"],
)
def test_a_period_with_no_safe_reading_gets_no_automatic_dates(phrase):
    assert _period(phrase) is None


def test_the_financial_year_in_progress_is_not_counted_as_a_complete_one():
    # 15 March 2026 is still in 2025/26: the last complete financial year is 2024/25.
    assert _period("last financial year", date(2026, 3, 15)).phrase.startswith("in the financial year 2024/25")


def test_three_years_before_a_leap_day_is_the_28th_of_february():
    period = _period("in the last 3 years", date(2028, 2, 29))
    assert (period.start, period.end) == (date(2025, 2, 28), date(2028, 2, 28))


def test_this_year_on_new_years_day_has_nothing_to_ask_about():
    assert _period("this year", date(2026, 1, 1)) is None


def test_the_convention_says_it_is_not_calendar_or_financial_years():
    assert "not calendar or financial years" in _period("in the last 3 years").convention


@given(
    today=st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31)),
    n=st.integers(min_value=1, max_value=10),
    unit=st.sampled_from(["years", "months", "weeks", "days"]),
)
def test_a_rolling_period_ends_the_day_before_and_starts_n_units_earlier(today, n, unit):
    period = _period(f"in the last {n} {unit}", today)
    assert period.end == today - timedelta(days=1)
    assert period.start < today
    assert period.start <= period.end or (unit == "days" and n == 1)
    assert period.phrase.startswith("between ") and str(period.end.year) in period.phrase


@given(today=st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31)), n=st.integers(1, 6))
def test_complete_financial_years_run_1_april_to_31_march_and_end_before_today(today, n):
    period = _period(f"the last {n} financial years", today)
    assert (period.start.month, period.start.day, period.end.month, period.end.day) == (4, 1, 3, 31)
    assert period.end < today <= period.end + timedelta(days=366)
    assert period.end.year - period.start.year == n


@given(today=st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31)), n=st.integers(1, 6))
def test_complete_calendar_years_end_on_the_last_31_december(today, n):
    period = _period(f"the last {n} calendar years", today)
    assert period.end == date(today.year - 1, 12, 31)
    assert period.start == date(today.year - n, 1, 1)
