"""The digest's periods and text (pure)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from bot.community.digest import DigestContent, DigestItem, current_period, digest_text

LONDON = ZoneInfo("Europe/London")


def test_a_weekly_period_is_named_by_the_latest_chosen_day_whose_time_has_come() -> None:
    wednesday = datetime(2026, 3, 4, 12, tzinfo=timezone.utc)
    assert current_period("weekly", 0, time(9), LONDON, wednesday)[0] == date(2026, 3, 2)
    monday_early = datetime(2026, 3, 2, 8, 59, tzinfo=timezone.utc)
    assert current_period("weekly", 0, time(9), LONDON, monday_early)[0] == date(2026, 2, 23)
    # British Summer Time: 09:00 in London is 08:00 UTC.
    summer = datetime(2026, 6, 1, 8, 0, tzinfo=timezone.utc)
    day, moment = current_period("weekly", 0, time(9), LONDON, summer)
    assert day == date(2026, 6, 1) and moment.astimezone(timezone.utc).hour == 8


def test_a_daily_period_before_its_time_is_yesterdays() -> None:
    now = datetime(2026, 3, 4, 7, tzinfo=timezone.utc)
    assert current_period("daily", 0, time(9), LONDON, now)[0] == date(2026, 3, 3)
    assert current_period("daily", 0, time(6), LONDON, now)[0] == date(2026, 3, 4)


def test_a_long_digest_stays_within_discords_limit_and_says_how_many_were_left_out() -> None:
    items = [DigestItem(f"R{i:04d}", "A very long title " * 5, "Anytown Council", date(2026, 3, 2)) for i in range(60)]
    text = digest_text(DigestContent(date(2026, 3, 2), {"overdue": items}), stamp=lambda d, s: d.isoformat())
    assert len(text) <= 2000 and "more: `/request list scope: This server`" in text
    shown = text.count("• ")
    assert f"…and {60 - shown} more" in text
