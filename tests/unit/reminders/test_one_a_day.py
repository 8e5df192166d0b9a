"""One alert a day per request at most (``planner.one_a_day``): "due soon" and "due today" never
arrive together, and neither do any two alerts of one request for one member.

The property at the end replays random timelines through the fold, the planner and a model of the
outbox (an alert is delivered once, at its moment, and the planner is told what was delivered),
moment by moment, and counts what arrives on each day in the member's zone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import InvalidTransition
from bot.law import Division, Law, RequestFacts
from bot.law.calendar import calendar_for
from bot.reminders.planner import MemberPrefs, RequestSnapshot, plan_alerts
from bot.tracking import fold
from bot.tracking.events import EventKind, clean_event_data, why_not
from bot.tracking.fold import TimelineEvent
from bot.tracking.stages import Stage

UTC = timezone.utc
FOIA = calendar_for(Law.FOIA)
PREFS = MemberPrefs()
DUE = {"response_due": "2026-04-08"}  # Wed 8 April 2026 (BST: 09:00 in London is 08:00 UTC)


def kinds(snapshot: RequestSnapshot, now: datetime, prefs: MemberPrefs = PREFS) -> dict[str, datetime]:
    return {a.kind: a.fire_at for a in plan_alerts(snapshot, FOIA, prefs, now)}


def test_a_request_logged_on_its_due_day_gets_due_today_and_not_due_soon_as_well() -> None:
    # At 07:00 UTC the due-soon moment (Wed 1 April) has passed and still applies, due today is at 08:00.
    alerts = kinds(RequestSnapshot("waiting_response", DUE), datetime(2026, 4, 8, 7, tzinfo=UTC))
    assert "response_due_soon" not in alerts and alerts["response_due_today"] == datetime(2026, 4, 8, 8, tzinfo=UTC)


def test_without_the_rule_both_would_have_come_that_morning() -> None:
    # The same request a day earlier: due soon is sent at once, due today tomorrow, so two days.
    alerts = kinds(RequestSnapshot("waiting_response", DUE), datetime(2026, 4, 7, 7, tzinfo=UTC))
    assert {"response_due_soon", "response_due_today"} <= set(alerts)


def test_the_members_own_reminder_gives_way_to_the_deadline_and_comes_the_next_day() -> None:
    snapshot = RequestSnapshot("waiting_response", {**DUE, "member_reminder_2026-04-08": "2026-04-08"})
    alerts = kinds(snapshot, datetime(2026, 3, 1, tzinfo=UTC))
    assert alerts["response_due_today"] == datetime(2026, 4, 8, 8, tzinfo=UTC)
    # The next day is the overdue alert's, so the reminder comes on Fri 10 April.
    assert alerts["response_overdue"] == datetime(2026, 4, 9, 8, tzinfo=UTC)
    assert alerts["member_reminder"] == datetime(2026, 4, 10, 8, tzinfo=UTC)


def test_what_was_already_sent_today_keeps_the_day() -> None:
    # The overdue alert went out at 08:00 on Thu 9 April; at 10:00 a reminder for that day is planned.
    sent = {("response_overdue", date(2026, 4, 8)): datetime(2026, 4, 9, 8, tzinfo=UTC)}
    snapshot = RequestSnapshot("waiting_response", {**DUE, "member_reminder_2026-04-09": "2026-04-09"}, delivered=sent)
    alerts = kinds(snapshot, datetime(2026, 4, 9, 10, tzinfo=UTC))
    assert alerts["response_overdue"] == datetime(2026, 4, 9, 8, tzinfo=UTC)  # still in the plan (a snooze finds it)
    assert alerts["member_reminder"] == datetime(2026, 4, 10, 8, tzinfo=UTC)


def test_of_two_deadline_alerts_on_one_day_the_later_stage_comes_and_the_other_is_dropped() -> None:
    # The first parts were due Wed 8 April, the clarified part Thu 9 April: on the 9th, "overdue"
    # for the first parts is the more pressing; "due today" for the clarified part is not sent.
    snapshot = RequestSnapshot("waiting_response", {**DUE, "clarified_part_due": "2026-04-09"})
    alerts = plan_alerts(snapshot, FOIA, MemberPrefs(lead_days=1), datetime(2026, 3, 1, tzinfo=UTC))
    on_the_ninth = [(a.kind, a.deadline_key) for a in alerts if a.fire_at.date() == date(2026, 4, 9)]
    assert on_the_ninth == [("response_overdue", "response_due")]


def test_a_snoozed_alert_keeps_the_day_the_member_chose() -> None:
    snoozed = {("response_due_soon", date(2026, 4, 8)): datetime(2026, 4, 8, 8, tzinfo=UTC)}
    alerts = kinds(RequestSnapshot("waiting_response", DUE, snoozed=snoozed), datetime(2026, 4, 2, tzinfo=UTC))
    assert "response_due_soon" in alerts and "response_due_today" not in alerts


def test_a_clarification_reminder_on_a_deadline_day_moves_to_the_next_working_day() -> None:
    # Only part was asked about on Thu 2 April; the rest stays due Wed 8 April, the first reminder's day.
    snapshot = RequestSnapshot("waiting_clarification", DUE, clarification_asked=date(2026, 4, 2))
    alerts = kinds(snapshot, datetime(2026, 3, 1, tzinfo=UTC))
    assert alerts["response_due_today"] == datetime(2026, 4, 8, 8, tzinfo=UTC)
    # The 9th is the overdue alert's, so the reminder comes on Fri 10 April.
    assert alerts["clarification_reminder_1"] == datetime(2026, 4, 10, 8, tzinfo=UTC)


# -- the property ---------------------------------------------------------------------------------

FAR = date(2030, 1, 1)
ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "UTC"]
_STEPS = [k for k in EventKind if k not in (EventKind.DRAFTED, EventKind.SENT, EventKind.NOTE)]


@st.composite
def histories(draw: st.DrawFn) -> tuple[RequestFacts, list[tuple[datetime, TimelineEvent]], MemberPrefs]:
    """A timeline the fold accepts, each event recorded at some moment of its day (or later)."""
    law = draw(st.sampled_from([Law.FOIA, Law.EIR, Law.FOISA, Law.SAR]))
    division = Division.SCOTLAND if law is Law.FOISA else Division.ENGLAND_AND_WALES
    base = RequestFacts(law, division)
    day = draw(st.dates(date(2025, 12, 1), date(2026, 10, 1)))
    events = [TimelineEvent(EventKind.SENT, day, {}, None, 0)]
    recorded = [(datetime.combine(day, time(8), tzinfo=UTC), events[0])]
    for seq in range(1, draw(st.integers(1, 8)) + 1):
        folded = fold(base, events, FAR)
        allowed = [k for k in _STEPS if why_not(k, folded.stage, folded.facts) is None]
        if not allowed or folded.stage in (Stage.CLOSED, Stage.WITHDRAWN):
            break
        kind = draw(st.sampled_from(allowed))
        day = day + timedelta(days=draw(st.integers(0, 30)))
        raw: dict[str, Any] = {}
        if kind in (EventKind.RESPONSE, EventKind.REVIEW_RESPONSE):
            raw["outcome"] = draw(st.sampled_from(["successful", "partially_successful", "refused", "not_held"]))
        if kind is EventKind.EXTENSION:
            raw["new_date"] = day + timedelta(days=draw(st.integers(1, 40)))
        if kind is EventKind.RESPONSE and draw(st.booleans()):
            raw["publication_date"] = day + timedelta(days=draw(st.integers(1, 60)))
            raw["exemptions"] = {Law.FOIA: "s.22", Law.FOISA: "section 27", Law.EIR: "reg 12(4)(d)"}.get(law, "")
        if kind is EventKind.REMINDER:
            raw["remind_on"] = day + timedelta(days=draw(st.integers(1, 60)))
        if kind is EventKind.CLARIFICATION_REQUESTED:
            raw["partial"] = draw(st.booleans())
        if kind is EventKind.PART_WITHDRAWN:
            raw["questions"] = [draw(st.integers(1, 5))]
        try:
            data = clean_event_data(kind, raw, law=law, on=day, today=FAR)
            candidate = TimelineEvent(kind, day, data, None, seq)
            fold(base, [*events, candidate], FAR)
        except (InvalidTransition, ValueError):
            continue
        events.append(candidate)
        # Recorded that day or a few days later, at any hour (UTC).
        at = datetime.combine(day + timedelta(days=draw(st.integers(0, 3))), time(draw(st.integers(0, 23))), tzinfo=UTC)
        recorded.append((max(at, recorded[-1][0]), candidate))
    prefs = MemberPrefs(
        time_of_day=time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))),
        zone=draw(st.sampled_from(ZONES)), lead_days=draw(st.integers(0, 5)),
    )
    return base, recorded, prefs


def _snapshot(base: RequestFacts, events: list[TimelineEvent], delivered: dict) -> RequestSnapshot:  # type: ignore[type-arg]
    folded = fold(base, events, FAR)
    asked = folded.facts.clarification_requested if folded.status.value == "waiting_clarification" else None
    extended = any(e.kind is EventKind.EXTENSION for e in events)
    return RequestSnapshot(folded.status.value, folded.deadlines_json(), extended=extended,
                           clarification_asked=asked, delivered=dict(delivered))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_over_any_timeline_at_most_one_alert_of_a_request_arrives_on_any_day(
    history: tuple[RequestFacts, list[tuple[datetime, TimelineEvent]], MemberPrefs],
) -> None:
    base, recorded, prefs = history
    calendar = calendar_for(base.law, base.division)
    zone = ZoneInfo(prefs.zone)
    delivered: dict[tuple[str, date], datetime] = {}
    now = recorded[0][0]
    end = recorded[-1][0] + timedelta(days=150)
    while now <= end:
        events = [event for at, event in recorded if at <= now]
        plan = plan_alerts(_snapshot(base, events, delivered), calendar, prefs, now)
        fresh = [a for a in plan if a.key not in delivered]
        # Within one plan: one alert a day, none on a day something already arrived.
        days = [max(a.fire_at, now).astimezone(zone).date() for a in fresh]
        assert len(days) == len(set(days)), plan
        assert not set(days) & {moment.astimezone(zone).date() for moment in delivered.values()}, plan
        for alert in fresh:  # the dispatcher sends what is due
            if alert.fire_at <= now:
                delivered[alert.key] = now
        later = [a.fire_at for a in fresh if a.fire_at > now] + [at for at, _ in recorded if at > now]
        if not later:
            break
        now = min(later)
    per_day = Counter(moment.astimezone(zone).date() for moment in delivered.values())
    assert all(count == 1 for count in per_day.values()), per_day
