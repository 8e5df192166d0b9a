"""The alert planner: every kind of alert, on working days, at the member's time in their zone.

Dates are checked by hand against GOV.UK's bank holidays (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026): Good Friday
3 April 2026 and Easter Monday 6 April 2026 (not a holiday in Scotland), St Patrick's Day
Tue 17 March 2026 (Northern Ireland only, yet a non-working day for every FOIA body, ICO LTT47),
Early May 4 May 2026, Spring 25 May 2026, Christmas Fri 25 December 2026 and Boxing Day
(substitute) Mon 28 December 2026. British Summer Time began on Sunday 29 March 2026.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.law.calendar import calendar_for
from bot.law.regimes import Division, Law
from bot.reminders.kinds import KINDS
from bot.reminders.planner import MemberPrefs, PlannedAlert, RequestSnapshot, is_actionable, plan_alerts

UTC = timezone.utc
FOIA = calendar_for(Law.FOIA)
FOISA = calendar_for(Law.FOISA, Division.SCOTLAND)
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)  # "now" before every alert: the whole ladder is planned
DEFAULT = MemberPrefs()


def at(day: str, hhmm: str = "09:00") -> datetime:
    """An instant in UTC."""
    return datetime.fromisoformat(f"{day}T{hhmm}:00+00:00")


def plan(status: str, deadlines: dict[str, str], *, now: datetime = LONG_AGO, prefs: MemberPrefs = DEFAULT,
         calendar=FOIA, **kw: bool) -> dict[str, PlannedAlert]:
    alerts = plan_alerts(RequestSnapshot(status, deadlines, **kw), calendar, prefs, now)
    return {a.kind: a for a in alerts}


def test_every_kind_in_the_table_is_covered_by_a_test_below() -> None:
    covered = {
        "response_due_soon", "response_due_today", "response_overdue", "response_very_overdue",
        "review_window_closing", "review_due", "review_overdue", "complaint_window_closing",
        "member_reminder", "publication_check",  # tests/unit/reminders/test_member_clocks.py
        # tests/unit/reminders/test_clarification_reminders.py
        "clarification_reminder_1", "clarification_reminder_2", "clarification_reminder_3",
    }
    assert {kind.name for kind in KINDS} == covered


# -- the response ladder ------------------------------------------------------------------------

def test_a_waiting_request_gets_the_whole_response_ladder_at_nine_in_london() -> None:
    alerts = plan("waiting_response", {"response_due": "2026-04-08"})
    assert list(alerts) == ["response_due_soon", "response_due_today", "response_overdue", "response_very_overdue"]
    # Three working days before Wed 8 April, skipping Easter Monday and Good Friday: Wed 1 April.
    assert alerts["response_due_soon"].fire_at == at("2026-04-01", "08:00")  # 09:00 BST
    assert alerts["response_due_today"].fire_at == at("2026-04-08", "08:00")
    assert alerts["response_overdue"].fire_at == at("2026-04-09", "08:00")
    assert {a.deadline_on for a in alerts.values()} == {date(2026, 4, 8)}
    assert {a.deadline_key for a in alerts.values()} == {"response_due"}


def test_due_soon_skips_good_friday_and_easter_monday_in_england_but_not_easter_monday_in_scotland() -> None:
    england = plan("waiting_response", {"response_due": "2026-04-08"})
    scotland = plan("waiting_response", {"response_due": "2026-04-08"}, calendar=FOISA)
    assert england["response_due_soon"].fire_at.date() == date(2026, 4, 1)
    # FOISA s.73: Easter Monday is a working day in Scotland, so three back is Thu 2 April.
    assert scotland["response_due_soon"].fire_at.date() == date(2026, 4, 2)


def test_st_patricks_day_is_skipped_for_foia_but_counts_for_foisa() -> None:
    prefs = MemberPrefs(lead_days=1)
    assert plan("waiting_response", {"response_due": "2026-03-18"}, prefs=prefs)["response_due_soon"].fire_at.date() == date(2026, 3, 16)
    assert plan("waiting_response", {"response_due": "2026-03-18"}, prefs=prefs, calendar=FOISA)["response_due_soon"].fire_at.date() == date(2026, 3, 17)


def test_overdue_fires_on_the_first_working_day_after_the_deadline_past_easter() -> None:
    alerts = plan("waiting_response", {"response_due": "2026-04-02"})
    assert alerts["response_overdue"].fire_at.date() == date(2026, 4, 7)
    # 20 working days after Thu 2 April, skipping Easter and the Early May bank holiday: Tue 5 May.
    assert alerts["response_very_overdue"].fire_at.date() == date(2026, 5, 5)


def test_overdue_after_christmas_waits_for_the_boxing_day_substitute() -> None:
    alerts = plan("waiting_response", {"response_due": "2026-12-24"})
    assert alerts["response_overdue"].fire_at == at("2026-12-29", "09:00")  # GMT again


def test_the_fire_time_follows_the_clocks_changing_for_summer_time() -> None:
    alerts = plan("waiting_response", {"response_due": "2026-03-30"}, prefs=MemberPrefs(lead_days=1))
    assert alerts["response_due_soon"].fire_at == at("2026-03-27", "09:00")  # Friday, GMT
    assert alerts["response_due_today"].fire_at == at("2026-03-30", "08:00")  # Monday, BST


def test_a_member_elsewhere_is_alerted_at_their_own_time_of_day() -> None:
    prefs = MemberPrefs(time_of_day=time(7, 30), zone="America/New_York")
    alerts = plan("waiting_response", {"response_due": "2026-03-10"}, prefs=prefs)
    # New York moved to summer time on 8 March 2026: 07:30 EDT is 11:30 UTC.
    assert alerts["response_due_today"].fire_at == at("2026-03-10", "11:30")


def test_lead_days_zero_means_no_due_soon_alert() -> None:
    alerts = plan("waiting_response", {"response_due": "2026-04-08"}, prefs=MemberPrefs(lead_days=0))
    assert "response_due_soon" not in alerts and "response_due_today" in alerts


def test_an_extension_moves_the_ladder_to_the_extended_date_only_once_extended() -> None:
    deadlines = {"response_due": "2026-04-08", "response_due_extended": "2026-05-07"}
    assert plan("waiting_response", deadlines)["response_due_today"].deadline_on == date(2026, 4, 8)
    extended = plan("waiting_response", deadlines, extended=True)
    assert extended["response_due_today"].deadline_on == date(2026, 5, 7)
    assert extended["response_due_today"].deadline_key == "response_due_extended"


def test_lateness_waits_for_the_next_working_day_reading_and_the_school_backstop() -> None:
    later = plan("waiting_response", {"response_due": "2026-04-08", "response_due_next_working_day": "2026-04-09"})
    assert later["response_due_today"].deadline_on == date(2026, 4, 8)
    assert later["response_overdue"].deadline_on == date(2026, 4, 9)
    assert later["response_overdue"].deadline_key == "response_due_next_working_day"
    school = plan("waiting_response", {"response_due": "2026-04-08", "school_backstop": "2026-06-04"})
    assert school["response_overdue"].fire_at.date() == date(2026, 6, 5)


def test_a_clarified_part_is_overdue_only_after_its_next_working_day_reading() -> None:
    # The clarification arrived on a non-working day: the part is due Wed 13 May on the usual reading,
    # Thu 14 May if the clarification counts from the next working day (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026).
    deadlines = {"response_due": "2026-04-08", "clarified_part_due": "2026-05-13",
                 "clarified_part_due_next_working_day": "2026-05-14"}
    alerts = plan_alerts(RequestSnapshot("waiting_response", deadlines), FOIA, DEFAULT, LONG_AGO)
    today = {(a.deadline_key, a.deadline_on) for a in alerts if a.kind == "response_due_today"}
    assert ("clarified_part_due", date(2026, 5, 13)) in today
    overdue = {(a.deadline_key, a.fire_at.date()) for a in alerts if a.kind == "response_overdue"}
    assert overdue == {("response_due", date(2026, 4, 9)), ("clarified_part_due_next_working_day", date(2026, 5, 15))}


def test_a_clarified_part_gets_its_own_ladder_beside_the_other_parts() -> None:
    alerts = plan_alerts(
        RequestSnapshot("waiting_response", {"response_due": "2026-04-08", "clarified_part_due": "2026-05-13"}),
        FOIA, DEFAULT, LONG_AGO,
    )
    assert {(a.kind, a.deadline_key) for a in alerts if a.kind == "response_due_today"} == {
        ("response_due_today", "response_due"), ("response_due_today", "clarified_part_due"),
    }
    assert len(alerts) == 8


# -- after the response -------------------------------------------------------------------------

def test_review_window_closing_warns_ten_working_days_before_and_complaint_a_week_before() -> None:
    deadlines = {"review_request_by": "2026-05-20", "complaint_by": "2026-06-01"}
    alerts = plan("rejected", deadlines)
    assert list(alerts) == ["review_window_closing", "complaint_window_closing"]
    assert alerts["review_window_closing"].fire_at.date() == date(2026, 5, 6)
    # A week before Mon 1 June is Mon 25 May, the Spring bank holiday: the Friday before.
    assert alerts["complaint_window_closing"].fire_at.date() == date(2026, 5, 22)


@pytest.mark.parametrize("status", ["partially_successful", "rejected", "not_held"])
def test_the_review_window_alert_is_for_outcomes_that_were_not_fully_successful(status: str) -> None:
    assert "review_window_closing" in plan(status, {"review_request_by": "2026-05-20"})


def test_no_review_window_alert_after_a_successful_response_or_once_a_review_was_asked() -> None:
    assert plan("successful", {"review_request_by": "2026-05-20"}) == {}
    assert "review_window_closing" not in plan("internal_review", {"review_request_by": "2026-05-20", "review_due": "2026-06-10"})


def test_an_internal_review_gets_review_due_review_overdue_and_the_complaint_warning() -> None:
    deadlines = {"review_due": "2026-06-10", "review_due_max": "2026-07-08", "complaint_by": "2026-08-19"}
    alerts = plan("internal_review", deadlines)
    assert list(alerts) == ["review_due", "review_overdue", "complaint_window_closing"]
    assert alerts["review_due"].fire_at.date() == date(2026, 6, 10)
    assert alerts["review_overdue"].fire_at.date() == date(2026, 6, 11)
    assert alerts["complaint_window_closing"].fire_at.date() == date(2026, 8, 12)


def test_a_review_asked_on_a_non_working_day_is_overdue_only_after_the_later_reading() -> None:
    # SIC Decision 092/2026: a requirement sent Sun 26 Oct 2025 was answered in time
    # on Mon 24 Nov 2025, the next-working-day reading; the usual reading gives Fri 21 Nov.
    deadlines = {"review_due": "2025-11-21", "review_due_next_working_day": "2025-11-24"}
    alerts = plan("internal_review", deadlines, calendar=FOISA)
    assert alerts["review_due"].deadline_on == date(2025, 11, 21)
    assert (alerts["review_overdue"].deadline_key, alerts["review_overdue"].fire_at.date()) == (
        "review_due_next_working_day", date(2025, 11, 25),
    )


def test_derived_statuses_fold_onto_their_base_status() -> None:
    assert "response_very_overdue" in plan("overdue", {"response_due": "2026-04-08"})
    assert "review_overdue" in plan("review_overdue", {"review_due": "2026-06-10"})


# -- nothing to plan ----------------------------------------------------------------------------

@pytest.mark.parametrize("status", ["successful", "user_withdrawn", "closed", "complaint", "draft"])
def test_statuses_that_end_the_wait_plan_no_response_alerts(status: str) -> None:
    assert plan(status, {"response_due": "2026-04-08"}) == {}


def test_while_a_clarification_is_awaited_only_the_parts_that_kept_their_date_are_alerted() -> None:
    # FOIA s.1(3): a full clarification restarts the clock, so no response date is cached at all;
    # a clarification of one part leaves the other parts' date running (the PHSO case).
    assert plan("waiting_clarification", {}) == {}
    assert "response_due_today" in plan("waiting_clarification", {"response_due": "2026-04-08"})


def test_a_cached_extended_date_without_the_twenty_day_one_is_the_date_owed() -> None:
    # The tracking fold caches response_due_extended in place of response_due once extended.
    alerts = plan("waiting_response", {"response_due_extended": "2026-05-07"})
    assert alerts["response_due_today"].deadline_key == "response_due_extended"


def test_disabled_alerts_and_stopped_requests_plan_nothing() -> None:
    deadlines = {"response_due": "2026-04-08"}
    assert plan("waiting_response", deadlines, prefs=MemberPrefs(enabled=False)) == {}
    assert plan("waiting_response", deadlines, stopped=True) == {}


def test_a_request_without_deadlines_plans_nothing_and_notes_in_the_json_are_ignored() -> None:
    assert plan("waiting_response", {}) == {}
    alerts = plan("waiting_response", {"response_due": "2026-04-08", "skipped": [{"date": "2026-04-03"}], "basis": ["x"]})
    assert len(alerts) == 4


# -- what has already happened ------------------------------------------------------------------

def test_a_request_logged_the_day_after_its_deadline_plans_only_the_overdue_alert_from_the_past() -> None:
    now = at("2026-04-09", "10:00")
    alerts = plan("waiting_response", {"response_due": "2026-04-08"}, now=now)
    assert list(alerts) == ["response_overdue", "response_very_overdue"]
    assert alerts["response_overdue"].fire_at <= now < alerts["response_very_overdue"].fire_at


def test_a_request_logged_long_after_plans_one_very_overdue_alert() -> None:
    alerts = plan("waiting_response", {"response_due": "2025-01-08"}, now=at("2026-04-09"))
    assert list(alerts) == ["response_very_overdue"]


def test_a_closed_window_is_not_actionable_so_nothing_from_it_is_planned() -> None:
    assert plan("rejected", {"review_request_by": "2026-05-20"}, now=at("2026-05-21")) == {}
    assert plan("rejected", {"review_request_by": "2026-05-20"}, now=at("2026-05-20", "22:00"))  # still that day
    assert not is_actionable("response_due_soon", date(2026, 4, 8), at("2026-04-09", "00:30"), DEFAULT)  # 01:30 BST
    assert is_actionable("response_overdue", date(2026, 4, 8), at("2030-01-01"), DEFAULT)


def test_midnight_alerts_fire_at_the_start_of_the_members_day() -> None:
    alerts = plan("waiting_response", {"response_due": "2026-12-23"}, prefs=MemberPrefs(time_of_day=time(0, 0)))
    assert alerts["response_overdue"].fire_at == at("2026-12-24", "00:00")


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        plan_alerts(RequestSnapshot("waiting_response", {}), FOIA, DEFAULT, datetime(2026, 1, 1))


# -- properties ---------------------------------------------------------------------------------

ZONES = ["Europe/London", "Europe/Dublin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "UTC"]


@settings(max_examples=200, deadline=None)
@given(
    due=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    days_now=st.integers(min_value=-60, max_value=90),
    hour=st.integers(0, 23),
    minute=st.sampled_from([0, 1, 30, 59]),
    zone=st.sampled_from(ZONES),
    lead=st.integers(0, 10),
    status=st.sampled_from(["waiting_response", "rejected", "internal_review", "partially_successful"]),
)
def test_every_alert_fires_on_a_working_day_at_the_members_time_and_at_most_one_is_already_due(
    due: date, days_now: int, hour: int, minute: int, zone: str, lead: int, status: str
) -> None:
    prefs = MemberPrefs(time_of_day=time(hour, minute), zone=zone, lead_days=lead)
    deadlines = {key: due.isoformat() for key in ("response_due", "review_request_by", "review_due", "complaint_by")}
    now = datetime.combine(due, time(12), tzinfo=UTC) + timedelta(days=days_now)
    alerts = plan_alerts(RequestSnapshot(status, deadlines), FOIA, prefs, now)
    assert [a.fire_at for a in alerts] == sorted(a.fire_at for a in alerts)
    assert len({a.key for a in alerts}) == len(alerts)
    assert len([a for a in alerts if a.fire_at <= now]) <= 1
    for alert in alerts:
        local = alert.fire_at.astimezone(ZoneInfo(zone))
        assert FOIA.is_working_day(local.date())
        # In a spring-forward gap the wall clock jumps ahead an hour; otherwise it is exact.
        assert (local.hour, local.minute) in {(hour, minute), ((hour + 1) % 24, minute)}
