"""Validating what a member types into /reminders settings: clear messages that say how to fix it."""

from __future__ import annotations

from datetime import time

import pytest

from bot.errors import BadInput
from bot.models import UserSettings
from bot.reminders.outbox import prefs_from
from bot.reminders.planner import MemberPrefs
from bot.services.users import check_lead_days, parse_alert_time, parse_timezone, timezone_choices


@pytest.mark.parametrize(("typed", "stored"), [("9:05", "09:05"), ("09:05", "09:05"), ("9.30", "09:30"), ("18", "18:00"), ("00:00", "00:00"), (" 23:59 ", "23:59")])
def test_times_of_day_in_24_hour_forms_are_accepted(typed: str, stored: str) -> None:
    assert parse_alert_time(typed) == stored


@pytest.mark.parametrize("typed", ["24:00", "9:60", "9am", "noon", "", "9:5"])
def test_impossible_or_unreadable_times_are_refused_with_an_example(typed: str) -> None:
    with pytest.raises(BadInput, match=r"\d\d:\d\d"):
        parse_alert_time(typed)


def test_time_zones_are_iana_names_matched_without_regard_to_case() -> None:
    assert parse_timezone("europe/london") == "Europe/London"
    assert parse_timezone("America/New York") == "America/New_York"
    assert parse_timezone("UTC") == "UTC"


@pytest.mark.parametrize("typed", ["GMT+1", "London", "BST", "Mars/Olympus_Mons", ""])
def test_unknown_time_zones_are_refused_with_examples(typed: str) -> None:
    with pytest.raises(BadInput, match="Europe/London"):
        parse_timezone(typed)


def test_timezone_autocomplete_offers_matches_first_and_at_most_25() -> None:
    assert timezone_choices("europe/lon")[0] == "Europe/London"
    assert "Europe/London" in timezone_choices("london")
    assert len(timezone_choices("a")) == 25
    assert timezone_choices("")[0] == "Europe/London"


@pytest.mark.parametrize("value", [-1, 11])
def test_lead_days_outside_0_to_10_are_refused(value: int) -> None:
    with pytest.raises(BadInput, match="between 0 and 10"):
        check_lead_days(value)


def test_stored_settings_become_the_planners_preferences() -> None:
    settings = UserSettings(user_id=1, alerts_enabled=False, alert_time="07:45", timezone="Europe/Dublin", lead_days=5)
    assert prefs_from(settings, default_zone="Europe/London") == MemberPrefs(enabled=False, time_of_day=time(7, 45), zone="Europe/Dublin", lead_days=5)
    assert prefs_from(None, default_zone="Europe/London") == MemberPrefs()


def test_an_unknown_stored_zone_falls_back_to_london_rather_than_failing() -> None:
    assert MemberPrefs(zone="Nowhere/Special").tz().key == "Europe/London"
