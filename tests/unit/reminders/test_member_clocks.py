"""Clocks the member sets (issue 15): a reminder on any day, and the publication check a refusal for
future publication plans (FOIA s.22, FOISA s.27, EIR reg 12(4)(d)), from the fold to the planner."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from bot.law import Law, RequestFacts, calendar_for
from bot.reminders.messages import AlertContext, render_alert
from bot.reminders.planner import MemberPrefs, RequestSnapshot, plan_alerts
from bot.tracking import fold
from bot.tracking.events import EventKind, clean_event_data
from bot.tracking.fold import TimelineEvent

D = date
TODAY = D(2027, 2, 1)


def _event(kind: EventKind, on: date, raw: dict, law: Law = Law.FOIA, seq: int = 0) -> TimelineEvent:
    return TimelineEvent(kind, on, clean_event_data(kind, raw, law=law, on=on, today=TODAY), None, seq)


SENT = TimelineEvent(EventKind.SENT, D(2026, 11, 2), {}, None, 0)


def test_a_reminder_becomes_a_deadline_with_the_members_words() -> None:
    reminder = _event(EventKind.REMINDER, D(2026, 11, 10), {"remind_on": "14/02/2027", "about": "they promised publication"}, seq=1)
    folded = fold(RequestFacts(Law.FOIA), [SENT, reminder], TODAY)
    assert folded.live["member_reminder_2027-02-14"].due == D(2027, 2, 14)
    cached = folded.deadlines_json()
    assert cached["member_reminder_2027-02-14"] == "2027-02-14"
    assert cached["member_notes"]["member_reminder_2027-02-14"] == "Your reminder: they promised publication"
    assert "response_due" in cached  # the law's deadlines are untouched


def test_a_section_22_refusal_with_a_date_plans_the_publication_check() -> None:
    response = _event(EventKind.RESPONSE, D(2026, 11, 20),
                      {"outcome": "refused", "exemptions": "s.22", "publication_date": "14/02/2027"}, seq=1)
    folded = fold(RequestFacts(Law.FOIA), [SENT, response], TODAY)
    check = folded.live["publication_check"]
    assert check.due == D(2027, 2, 14) and "s.22" in check.rule and check.citation.startswith("FOIA s.22(1)")
    foisa = fold(RequestFacts(Law.FOISA), [SENT, _event(EventKind.RESPONSE, D(2026, 11, 20),
                 {"outcome": "refused", "exemptions": "section 27", "publication_date": "1/3/2027"}, Law.FOISA, 1)], TODAY)
    assert foisa.live["publication_check"].citation.startswith("FOISA s.27(1)")
    without = fold(RequestFacts(Law.FOIA), [SENT, _event(EventKind.RESPONSE, D(2026, 11, 20), {"outcome": "refused"}, seq=1)], TODAY)
    assert "publication_check" not in without.live


def test_a_withdrawn_request_keeps_no_member_clocks() -> None:
    reminder = _event(EventKind.REMINDER, D(2026, 11, 10), {"remind_on": "14/02/2027"}, seq=1)
    withdrawn = TimelineEvent(EventKind.WITHDRAWN, D(2026, 11, 11), {}, None, 2)
    assert "member_reminder_2027-02-14" not in fold(RequestFacts(Law.FOIA), [SENT, reminder, withdrawn], TODAY).live


def _plan(deadlines: dict, status: str, now: datetime) -> list:
    prefs = MemberPrefs(time_of_day=time(8, 30))
    return plan_alerts(RequestSnapshot(status, deadlines), calendar_for(Law.FOIA), prefs, now)


def test_a_reminder_fires_on_its_very_day_at_the_members_time_whatever_the_status() -> None:
    # Sun 14 Feb 2027: a weekend day, and still the day (GMT in February: 08:30 London is 08:30 UTC).
    now = datetime(2027, 2, 1, 12, tzinfo=timezone.utc)
    for status in ("waiting_response", "successful", "internal_review"):
        alerts = [a for a in _plan({"member_reminder_2027-02-14": "2027-02-14"}, status, now) if a.kind == "member_reminder"]
        assert [a.fire_at for a in alerts] == [datetime(2027, 2, 14, 8, 30, tzinfo=timezone.utc)]


def test_a_missed_reminder_is_still_sent_and_does_not_hide_the_ladders_alert() -> None:
    now = datetime(2027, 2, 16, 12, tzinfo=timezone.utc)  # the bot was down on the 14th
    deadlines = {"member_reminder_2027-02-14": "2027-02-14", "response_due": "2027-02-10"}
    kinds = {a.kind for a in _plan(deadlines, "waiting_response", now)}
    assert "member_reminder" in kinds and "response_overdue" in kinds


def test_the_publication_check_dm_shows_the_rule_and_offers_the_review() -> None:
    context = AlertContext(
        alert_id=7, user_id=1, kind="publication_check", deadline_on=D(2027, 2, 15), deadline_key="publication_check",
        fire_at=datetime(2027, 2, 15, 9, tzinfo=timezone.utc), attempt=1, delivery=0, request_id=1, public_id="R7K3Q",
        title="Bins", authority="Anytown Council", law="foia", status="rejected",
        deadlines={"publication_check": "2027-02-15", "member_notes": {"publication_check": "it refused under s.22 *now*"}},
    )
    text = render_alert(context, letters=True, clean=lambda t: t.replace("*", "\\*"))
    assert "Check it was published" in text and "it refused under s.22 \\*now\\*" in text
    assert "*Draft review*" in text and "*New request*" in text
