"""Reminders to answer a request for clarification (FOIA s.1(3), s.10(6)): while the authority waits
for the member the clock is stopped, so foibot reminds them 3 working days after the question, then
weekly, 3 times at most.

Dates checked by hand against GOV.UK's bank holidays: Good Friday 3 April and Easter Monday 6 April
2026, the Spring bank holiday Monday 25 May 2026. British Summer Time from Sunday 29 March 2026
(09:00 in London is then 08:00 UTC).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from bot.law.calendar import calendar_for
from bot.law.regimes import Division, Law
from bot.reminders.kinds import CLARIFICATION_REMINDERS
from bot.reminders.messages import AlertContext, render_alert
from bot.reminders.planner import MemberPrefs, RequestSnapshot, plan_alerts

FOIA = calendar_for(Law.FOIA)
FOISA = calendar_for(Law.FOISA, Division.SCOTLAND)
LONG_AGO = datetime(2020, 1, 1, tzinfo=timezone.utc)
WAITING = RequestSnapshot("waiting_clarification", {}, clarification_asked=date(2026, 3, 26))


def reminders(snapshot: RequestSnapshot, now: datetime = LONG_AGO, calendar=FOIA) -> dict[str, datetime]:  # type: ignore[no-untyped-def]
    return {a.kind: a.fire_at for a in plan_alerts(snapshot, calendar, MemberPrefs(), now) if a.kind in CLARIFICATION_REMINDERS}


def test_three_reminders_come_three_working_days_after_the_question_then_weekly() -> None:
    # Asked Thu 26 March 2026: Fri 27, Mon 30, Tue 31 March; then Tue 7 April (after Easter), Tue 14 April.
    assert reminders(WAITING) == {
        "clarification_reminder_1": datetime(2026, 3, 31, 8, tzinfo=timezone.utc),
        "clarification_reminder_2": datetime(2026, 4, 7, 8, tzinfo=timezone.utc),
        "clarification_reminder_3": datetime(2026, 4, 14, 8, tzinfo=timezone.utc),
    }


def test_a_weekly_reminder_on_a_bank_holiday_comes_the_next_working_day() -> None:
    # Asked Wed 13 May 2026: the first on Mon 18 May, the second's Monday is the Spring bank holiday.
    days = reminders(replace(WAITING, clarification_asked=date(2026, 5, 13)))
    assert [moment.date() for moment in days.values()] == [date(2026, 5, 18), date(2026, 5, 26), date(2026, 6, 1)]


def test_the_working_days_are_the_laws_own() -> None:
    # Asked Wed 1 April 2026: for FOIA, Good Friday and Easter Monday are not working days; for FOISA
    # Easter Monday is (FOISA s.73), so the first reminder comes a day sooner.
    asked = replace(WAITING, clarification_asked=date(2026, 4, 1))
    assert reminders(asked)["clarification_reminder_1"].date() == date(2026, 4, 8)
    assert reminders(asked, calendar=FOISA)["clarification_reminder_1"].date() == date(2026, 4, 7)


def test_no_reminder_once_the_wait_is_over_or_when_nothing_was_asked() -> None:
    assert reminders(replace(WAITING, status="waiting_response")) == {}
    assert reminders(replace(WAITING, clarification_asked=None)) == {}
    assert reminders(replace(WAITING, stopped=True)) == {}


def test_a_question_logged_weeks_late_brings_one_reminder_not_three() -> None:
    now = datetime(2026, 4, 20, 12, tzinfo=timezone.utc)  # after all three moments
    assert list(reminders(WAITING, now)) == ["clarification_reminder_3"]


def test_a_partial_clarification_keeps_the_other_parts_ladder_beside_the_reminders() -> None:
    # The other parts keep their date (the PHSO case): due Wed 1 April 2026, with its own alerts.
    snapshot = replace(WAITING, deadlines={"response_due": "2026-04-01"})
    alerts = plan_alerts(snapshot, FOIA, MemberPrefs(), LONG_AGO)
    kinds = {a.kind for a in alerts}
    assert CLARIFICATION_REMINDERS <= kinds and {"response_due_today", "response_overdue"} <= kinds
    # Due soon (three working days before 1 April) is Fri 27 March, so the first reminder keeps Tue 31.
    assert len({a.fire_at.date() for a in alerts}) == len(alerts)


def _dm(law: str, deadlines: dict[str, str]) -> str:
    context = AlertContext(
        alert_id=3, user_id=1, kind="clarification_reminder_1", deadline_on=date(2026, 3, 26),
        deadline_key="clarification_requested", fire_at=datetime(2026, 3, 31, 8, tzinfo=timezone.utc), attempt=1,
        delivery=0, request_id=1, public_id="R7K3Q", title="Bins", authority="Anytown Council", law=law,
        status="waiting_clarification", deadlines=deadlines,
    )
    return render_alert(context)


def test_the_reminder_says_the_clock_is_stopped_until_the_member_replies_and_cites_the_law() -> None:
    text = _dm("foia", {})
    assert "Your clarification is awaited" in text and "FOIA s.1(3), s.10(6)" in text
    assert "the clock is stopped" in text and "20 working days start again" in text
    assert "ico.org.uk/for-the-public/official-information/what-to-expect-after-making-an-information-request" in text
    assert "*Clarification sent*" in text and "Reminder 1 of 3" in text


def test_subject_access_runs_on_where_it_stopped_and_a_part_can_be_withdrawn() -> None:
    sar = _dm("sar", {})
    assert "DUAA 2025 s.76" in sar and "runs on from where it stopped" in sar and "ico.org.uk" not in sar
    partial = _dm("foia", {"response_due": "2026-04-01"})
    assert "part of your request" in partial and "*Part withdrawn*" in partial
