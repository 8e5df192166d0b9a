"""Working-day calendars: which days count, the names of the days skipped, and the index's maths."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.law import Division, Law, SkippedDay, calendar_for
from bot.law.bank_holidays import label
from bot.law.calendar import WorkingDayCalendar

FOIA = calendar_for(Law.FOIA)
FOISA = calendar_for(Law.FOISA)
SAR_EW = calendar_for(Law.SAR, Division.ENGLAND_AND_WALES)
SAR_SCT = calendar_for(Law.SAR, Division.SCOTLAND)
SAR_NI = calendar_for(Law.SAR, Division.NORTHERN_IRELAND)

# GOV.UK bank holidays (https://www.gov.uk/bank-holidays), as (date, E&W, Scotland, NI).
GOVUK_2022 = [
    (date(2022, 1, 3), True, True, True),
    (date(2022, 1, 4), False, True, False),
    (date(2022, 3, 17), False, False, True),
    (date(2022, 4, 15), True, True, True),
    (date(2022, 4, 18), True, False, True),
    (date(2022, 5, 2), True, True, True),
    (date(2022, 6, 2), True, True, True),
    (date(2022, 6, 3), True, True, True),
    (date(2022, 7, 12), False, False, True),
    (date(2022, 8, 1), False, True, False),
    (date(2022, 8, 29), True, False, True),
    (date(2022, 9, 19), True, True, True),
    (date(2022, 11, 30), False, True, False),
    (date(2022, 12, 26), True, True, True),
    (date(2022, 12, 27), True, True, True),
]


@pytest.mark.parametrize(("day", "ew", "sct", "ni"), GOVUK_2022)
def test_every_2022_bank_holiday_is_non_working_where_it_applies(day: date, ew: bool, sct: bool, ni: bool) -> None:
    assert SAR_EW.is_working_day(day) is not ew
    assert SAR_SCT.is_working_day(day) is not sct
    assert SAR_NI.is_working_day(day) is not ni
    # FOIA s.10(6): a bank holiday in any part of the UK is not a working day.
    assert FOIA.is_working_day(day) is False
    # FOISA s.73: only Scottish bank holidays.
    assert FOISA.is_working_day(day) is not sct


def test_eir_shares_the_uk_wide_calendar_and_eisr_the_scottish_one() -> None:
    assert calendar_for(Law.EIR) is FOIA
    assert calendar_for(Law.EISR) is FOISA
    assert calendar_for(Law.FOIA, Division.SCOTLAND) is FOIA  # FOIA ignores where the authority is


def test_scotlands_world_cup_bank_holiday_2026_is_non_working_for_foia_and_foisa() -> None:
    day = date(2026, 6, 15)
    assert not FOIA.is_working_day(day)
    assert not FOISA.is_working_day(day)
    assert SAR_EW.is_working_day(day)


def test_weekends_never_count() -> None:
    assert not FOIA.is_working_day(date(2022, 3, 26))
    assert not FOIA.is_working_day(date(2022, 3, 27))
    assert FOIA.is_working_day(date(2022, 3, 28))


def test_good_friday_and_easter_monday_are_skipped_with_their_names() -> None:
    assert FOIA.skipped_between(date(2022, 3, 28), date(2022, 4, 27)) == [
        SkippedDay(date(2022, 4, 15), "Good Friday"),
        SkippedDay(date(2022, 4, 18), "Easter Monday (England, Wales and Northern Ireland)"),
    ]


def test_skipped_names_say_where_a_holiday_applies_when_not_uk_wide() -> None:
    assert FOIA.holiday_name(date(2022, 11, 30)) == "St Andrew's Day (Scotland)"
    assert FOIA.holiday_name(date(2022, 3, 17)) == "St Patrick's Day (Northern Ireland)"
    assert FOIA.holiday_name(date(2022, 7, 12)) == "Battle of the Boyne (Northern Ireland)"
    assert FOIA.holiday_name(date(2022, 1, 4)) == "2 January (substitute day, Scotland)"
    assert FOIA.holiday_name(date(2022, 9, 19)) == "State Funeral of Queen Elizabeth II"
    assert FOIA.holiday_name(date(2023, 5, 8)) == "Coronation of King Charles III"
    assert FOIA.holiday_name(date(2022, 6, 3)) == "Platinum Jubilee bank holiday"
    assert FOIA.holiday_name(date(2022, 3, 28)) is None


def test_weekend_dated_holiday_entries_are_never_listed_as_skipped() -> None:
    # The holidays package lists Christmas Day 2022 on Sunday 25 Dec beside its substitute (Tue 27).
    assert date(2022, 12, 25) in holidays.country_holidays("GB", subdiv="ENG", years=2022)
    skipped = FOIA.skipped_between(date(2022, 12, 1), date(2023, 1, 10))
    assert all(s.day.weekday() < 5 for s in skipped)
    assert [s.day for s in skipped] == [
        date(2022, 12, 26),
        date(2022, 12, 27),
        date(2023, 1, 2),
        date(2023, 1, 3),
    ]
    assert skipped[1].name == "Christmas Day (substitute day)"


def test_skipped_between_is_empty_when_the_range_is_empty_or_backwards() -> None:
    assert FOIA.skipped_between(date(2022, 4, 15), date(2022, 4, 15)) == []
    assert FOIA.skipped_between(date(2022, 4, 20), date(2022, 4, 1)) == []


def test_start_is_day_zero_whatever_day_it_is() -> None:
    assert FOIA.nth_working_day_after(date(2022, 3, 26), 0) == date(2022, 3, 26)
    assert FOIA.nth_working_day_after(date(2022, 3, 26), 1) == date(2022, 3, 28)  # Saturday -> Monday
    assert FOIA.nth_working_day_after(date(2022, 4, 14), 1) == date(2022, 4, 19)  # over Easter


def test_negative_n_counts_back() -> None:
    assert FOIA.nth_working_day_after(date(2022, 4, 19), -1) == date(2022, 4, 14)
    assert FOIA.nth_working_day_after(date(2022, 4, 18), -1) == date(2022, 4, 14)


def test_working_days_between_counts_the_end_but_not_the_start() -> None:
    assert FOIA.working_days_between(date(2022, 3, 28), date(2022, 4, 27)) == 20
    assert FOIA.working_days_between(date(2022, 4, 27), date(2022, 3, 28)) == -20
    assert FOIA.working_days_between(date(2022, 4, 15), date(2022, 4, 18)) == 0


def test_the_index_extends_lazily_for_years_outside_it() -> None:
    cal = WorkingDayCalendar("test", frozenset({Division.ENGLAND_AND_WALES}))
    assert cal.nth_working_day_after(date(2022, 3, 28), 20) == date(2022, 4, 27)
    assert cal._index is not None and cal._index.first_year <= 2022 <= cal._index.last_year
    # Far outside the first index, both ways: Christmas Day 2099 is a Friday.
    assert not cal.is_working_day(date(2099, 12, 25))
    assert cal.nth_working_day_after(date(2099, 12, 24), 1) == date(2099, 12, 29)
    assert cal.nth_working_day_after(date(1990, 1, 1), 1) == date(1990, 1, 2)
    assert cal._index.first_year <= 1990 and cal._index.last_year >= 2099
    # A count running past the end of the index widens it.
    late = WorkingDayCalendar("test", frozenset({Division.ENGLAND_AND_WALES}))
    assert late.nth_working_day_after(date(2022, 1, 4), 2000) == _naive_after(date(2022, 1, 4), 2000, {"ENG"})


def _naive_after(start: date, n: int, subdivs: set[str]) -> date:
    """The reference: step one day at a time over the package's own lists."""
    lists = [holidays.country_holidays("GB", subdiv=s, years=range(start.year, start.year + n // 200 + 2)) for s in subdivs]
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if day.weekday() < 5 and not any(day in h for h in lists):
            counted += 1
    return day


@pytest.mark.parametrize(
    ("cal", "subdivs"),
    [(FOIA, {"ENG", "WLS", "SCT", "NIR"}), (FOISA, {"SCT"}), (SAR_NI, {"NIR"})],
)
def test_twenty_working_days_matches_a_day_by_day_count_over_the_package(cal: WorkingDayCalendar, subdivs: set[str]) -> None:
    start = date(2015, 1, 1)
    for offset in range(0, 365 * 12, 37):
        day = start + timedelta(days=offset)
        assert cal.nth_working_day_after(day, 20) == _naive_after(day, 20, subdivs), day


dates = st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31))
calendars = st.sampled_from([FOIA, FOISA, SAR_EW, SAR_SCT, SAR_NI])


@settings(max_examples=300, deadline=None)
@given(cal=calendars, start=dates, n=st.integers(min_value=1, max_value=300))
def test_n_working_days_later_is_always_a_working_day(cal: WorkingDayCalendar, start: date, n: int) -> None:
    assert cal.is_working_day(cal.nth_working_day_after(start, n))


@settings(max_examples=300, deadline=None)
@given(cal=calendars, a=dates, b=dates, n=st.integers(min_value=0, max_value=300))
def test_n_working_days_later_is_monotonic_in_the_start_date(cal: WorkingDayCalendar, a: date, b: date, n: int) -> None:
    first, second = sorted((a, b))
    assert cal.nth_working_day_after(first, n) <= cal.nth_working_day_after(second, n)


@settings(max_examples=300, deadline=None)
@given(cal=calendars, start=dates, n=st.integers(min_value=0, max_value=500))
def test_working_days_between_inverts_nth_working_day_after(cal: WorkingDayCalendar, start: date, n: int) -> None:
    assert cal.working_days_between(start, cal.nth_working_day_after(start, n)) == n


@settings(max_examples=200, deadline=None)
@given(cal=calendars, start=dates, n=st.integers(min_value=-300, max_value=-1))
def test_counting_back_from_a_working_day_is_inverted_too(cal: WorkingDayCalendar, start: date, n: int) -> None:
    start = cal.next_working_day(start)
    assert cal.working_days_between(start, cal.nth_working_day_after(start, n)) == n


@settings(max_examples=200, deadline=None)
@given(cal=calendars, start=dates, end=dates)
def test_skipped_days_are_exactly_the_non_working_weekdays_in_the_range(cal: WorkingDayCalendar, start: date, end: date) -> None:
    if end < start:
        start, end = end, start
    end = min(end, start + timedelta(days=400))
    skipped = cal.skipped_between(start, end)
    expected = [
        start + timedelta(days=i)
        for i in range(1, (end - start).days + 1)
        if (start + timedelta(days=i)).weekday() < 5 and not cal.is_working_day(start + timedelta(days=i))
    ]
    assert [s.day for s in skipped] == expected
    assert all(s.name for s in skipped)


def test_label_of_a_uk_wide_holiday_has_no_place_name() -> None:
    assert label(date(2022, 12, 26)) == "Boxing Day"
    assert label(date(2022, 8, 1)) == "Summer bank holiday (Scotland)"
    assert label(date(2022, 8, 29)) == "Summer bank holiday (England, Wales and Northern Ireland)"


@pytest.mark.parametrize(
    ("start", "n"),
    [(date(2999, 12, 31), 20), (date(9999, 12, 31), 1), (date(9999, 6, 1), -5), (date(1, 1, 3), -10), (date(1900, 1, 3), -10)],
)
def test_a_count_past_the_years_a_calendar_spans_is_refused_in_words_not_an_index_error(start: date, n: int) -> None:
    from bot.law.calendar import OutsideCalendar

    with pytest.raises(OutsideCalendar, match=r"runs past the years foibot's calendar covers \(1900 to 2999\)"):
        calendar_for(Law.FOIA, Division.ENGLAND_AND_WALES).nth_working_day_after(start, n)
