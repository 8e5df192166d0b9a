"""Which alerts a request needs, and when each fires (pure: no clock, no database, no discord).

From a request's cached deadlines (``Request.deadlines``: ``{key: "YYYY-MM-DD"}``), its status,
the working-day calendar of its law, the member's settings and ``now``, ``plan_alerts`` gives the
alerts of the ladder in ``kinds.KINDS`` that still matter:

* every alert whose moment is still to come, and
* of those whose moment has passed, only the latest one that is still actionable (a window that
  has closed is not), so a request logged late, or a bot that was down, sends one DM, not a burst;
  the reminders to answer a request for clarification are a track of their own (the latest past
  one is kept beside the deadlines' one), and the member's own clocks are each sent, even late;
* then at most one alert a request a day in the member's zone (``one_a_day``).

Alerts fire on working days of the request's own calendar (FOIA s.10(6): a bank holiday anywhere
in the UK is not a working day; FOISA s.73: Scottish ones only), at the member's time of day in
their time zone, converted to UTC with zoneinfo (so 09:00 in London is 09:00 UTC in winter and
08:00 UTC in summer).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.law.report import DeadlineKey
from bot.reminders.kinds import KINDS, AlertKind, Chain, Offset, base_status, kind_named, supersession_key

log = logging.getLogger(__name__)

DEFAULT_ZONE = "Europe/London"
DEFAULT_TIME = time(9, 0)
DEFAULT_LEAD_DAYS = 3
# The reminders to clarify count from the day the authority asked (the tracking event's name), not
# from a deadline: it is the ``deadline_key`` of their rows.
CLARIFICATION_KEY = "clarification_requested"


class Calendar(Protocol):
    """The part of ``bot.law.calendar.WorkingDayCalendar`` the planner uses."""

    def is_working_day(self, d: date) -> bool: ...

    def nth_working_day_after(self, start: date, n: int) -> date: ...


@dataclass(frozen=True)
class MemberPrefs:
    """A member's alert settings (``UserSettings``), already validated."""

    enabled: bool = True
    time_of_day: time = DEFAULT_TIME
    zone: str = DEFAULT_ZONE
    lead_days: int = DEFAULT_LEAD_DAYS

    def tz(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.zone)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("unknown time zone %r in member settings; using %s", self.zone, DEFAULT_ZONE)
            return ZoneInfo(DEFAULT_ZONE)


@dataclass(frozen=True)
class RequestSnapshot:
    """What the planner needs to know about a request."""

    status: str
    deadlines: Mapping[str, Any]
    extended: bool = False  # the authority extended (FOIA s.10(3), EIR reg 7, SAR +2 months)
    stopped: bool = False  # the member pressed "Stop alerts for this request"
    # The day the authority asked for the clarification it still waits for (the latest round),
    # when the reminders to the member apply: None for a follower, or when nothing is asked.
    clarification_asked: date | None = None
    # This member's alerts of the request that were already sent (or are being sent): when.
    delivered: Mapping[tuple[str, date], datetime] = field(default_factory=dict)
    # ... and those the member snoozed, still to come: when they will.
    snoozed: Mapping[tuple[str, date], datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedAlert:
    kind: str
    deadline_key: str
    deadline_on: date
    fire_at: datetime  # aware, UTC

    @property
    def key(self) -> tuple[str, date]:
        """With the request, the alert's unique key in the outbox."""
        return (self.kind, self.deadline_on)


def deadline_dates(deadlines: Mapping[str, Any]) -> dict[str, date]:
    """The ``{key: date}`` entries of ``Request.deadlines`` (its lists of notes are skipped)."""
    dates: dict[str, date] = {}
    for key, value in deadlines.items():
        if isinstance(value, date):
            dates[key] = value
        elif isinstance(value, str):
            try:
                dates[key] = date.fromisoformat(value)
            except ValueError:
                continue
    return dates


def _latest(dates: dict[str, date], *keys: str) -> tuple[str, date] | None:
    present = [(dates[k], i, k) for i, k in enumerate(keys) if k in dates]
    if not present:
        return None
    day, _, key = max(present)
    return key, day


def chain_dates(snapshot: RequestSnapshot) -> dict[Chain, list[tuple[str, date]]]:
    """For each chain of the ladder, the (deadline key, date) pairs it counts from."""
    dates = deadline_dates(snapshot.deadlines)
    chains: dict[Chain, list[tuple[str, date]]] = {chain: [] for chain in Chain}
    # DeadlineKey.RESPONSE_DUE_EXTENDED is the limit *if* extended: it counts only once the authority has
    # (the tracking fold caches it only then, in place of DeadlineKey.RESPONSE_DUE).
    extended = snapshot.extended or DeadlineKey.RESPONSE_DUE not in dates
    main = DeadlineKey.RESPONSE_DUE_EXTENDED if extended and DeadlineKey.RESPONSE_DUE_EXTENDED in dates else DeadlineKey.RESPONSE_DUE
    if main in dates:
        chains[Chain.RESPONSE_DUE].append((main, dates[main]))
        # Late only once late on every reading: the later next-working-day receipt reading
        # (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026) and, for schools, the 60-working-day backstop (SI 2004/3364 reg 3).
        late = _latest(dates, main, DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, DeadlineKey.SCHOOL_BACKSTOP)
        assert late is not None
        chains[Chain.RESPONSE_LATE].append(late)
    if DeadlineKey.CLARIFIED_PART_DUE in dates:  # a clarified part keeps its own later date (the PHSO case)
        chains[Chain.RESPONSE_DUE].append((DeadlineKey.CLARIFIED_PART_DUE, dates[DeadlineKey.CLARIFIED_PART_DUE]))
        # ... and its own later reading when the clarification arrived on a non-working day.
        late = _latest(dates, DeadlineKey.CLARIFIED_PART_DUE, DeadlineKey.CLARIFIED_PART_DUE_NEXT_WORKING_DAY)
        assert late is not None
        chains[Chain.RESPONSE_LATE].append(late)
    for chain, key in (
        (Chain.REVIEW_REQUEST_BY, DeadlineKey.REVIEW_REQUEST_BY),
        (Chain.REVIEW_DUE, DeadlineKey.REVIEW_DUE),
        (Chain.COMPLAINT_BY, DeadlineKey.COMPLAINT_BY),
    ):
        if key in dates:
            chains[chain].append((key, dates[key]))
    # A request for review received on a non-working day: late only after the later reading too.
    for key, day in dates.items():
        if key.startswith(DeadlineKey.MEMBER_REMINDER):
            chains[Chain.MEMBER_REMINDER].append((key, day))
        elif key == DeadlineKey.PUBLICATION_CHECK:
            chains[Chain.PUBLICATION_CHECK].append((key, day))
    if snapshot.clarification_asked is not None:
        chains[Chain.CLARIFICATION_ASKED].append((CLARIFICATION_KEY, snapshot.clarification_asked))
    review_late = _latest(dates, DeadlineKey.REVIEW_DUE, DeadlineKey.REVIEW_DUE_NEXT_WORKING_DAY, DeadlineKey.REVIEW_SCHOOL_BACKSTOP)
    if review_late is not None and DeadlineKey.REVIEW_DUE in dates:
        chains[Chain.REVIEW_LATE].append(review_late)
    return chains


def _on_working_day(calendar: Calendar, day: date, *, earlier: bool) -> date:
    if calendar.is_working_day(day):
        return day
    return calendar.nth_working_day_after(day, -1 if earlier else 1)


def fire_day(kind: AlertKind, deadline: date, calendar: Calendar, prefs: MemberPrefs) -> date | None:
    """The working day ``kind`` fires on for ``deadline`` (None: this member wants no such alert)."""
    if kind.own_clock:
        return deadline
    if kind.uses_lead_days:
        if prefs.lead_days <= 0:
            return None
        return calendar.nth_working_day_after(deadline, -prefs.lead_days)
    if kind.unit is Offset.CALENDAR_DAYS:
        # A warning before a window closes moves earlier to a working day, never later.
        return _on_working_day(calendar, deadline + timedelta(days=kind.offset), earlier=kind.offset <= 0)
    if kind.offset == 0:
        return _on_working_day(calendar, deadline, earlier=True)
    day = calendar.nth_working_day_after(deadline, kind.offset)
    if kind.weeks_after:  # the same weekday a week on; a bank holiday then moves it to the next working day
        day = _on_working_day(calendar, day + timedelta(weeks=kind.weeks_after), earlier=False)
    return day


def fire_instant(day: date, prefs: MemberPrefs) -> datetime:
    """``day`` at the member's time of day in their zone, as an aware UTC instant."""
    return datetime.combine(day, prefs.time_of_day, tzinfo=prefs.tz()).astimezone(timezone.utc)


def is_actionable(kind: str, deadline_on: date, now: datetime, prefs: MemberPrefs) -> bool:
    """False once the deadline day of a kind that expires is over in the member's zone."""
    if not kind_named(kind).expires:
        return True
    return now.astimezone(prefs.tz()).date() <= deadline_on


def latest(alerts: Iterable[PlannedAlert]) -> PlannedAlert | None:
    """The alert that supersedes all the others (see ``kinds.supersession_key``)."""
    return max(alerts, key=lambda a: supersession_key(a.kind, a.deadline_on), default=None)


def _track(alert: PlannedAlert) -> str:
    """Of the alerts whose moment has passed, one is kept per track (see the module's docstring)."""
    kind = kind_named(alert.kind)
    if kind.own_clock:
        return alert.kind + alert.deadline_key  # every clock of the member's own is kept
    return "member" if kind.waits_for_member else "deadlines"


def plan_alerts(snapshot: RequestSnapshot, calendar: Calendar, prefs: MemberPrefs, now: datetime) -> list[PlannedAlert]:
    """The alerts this request needs now, in firing order (empty when stopped or disabled)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if snapshot.stopped or not prefs.enabled:
        return []
    status = base_status(snapshot.status)
    chains = chain_dates(snapshot)
    planned: list[PlannedAlert] = []
    for kind in KINDS:
        if kind.statuses is not None and status not in kind.statuses:
            continue
        for key, deadline in chains[kind.chain]:
            day = fire_day(kind, deadline, calendar, prefs)
            if day is not None:
                planned.append(PlannedAlert(kind.name, key, deadline, fire_instant(day, prefs)))
    # One row per (kind, deadline date): two keys on one date are one alert.
    unique = {alert.key: alert for alert in sorted(planned, key=lambda a: a.fire_at, reverse=True)}
    chosen = [a for a in unique.values() if a.fire_at > now]
    past: dict[str, list[PlannedAlert]] = {}
    for alert in unique.values():
        if alert.fire_at <= now and is_actionable(alert.kind, alert.deadline_on, now, prefs):
            past.setdefault(_track(alert), []).append(alert)
    chosen += [current for alerts in past.values() if (current := latest(alerts)) is not None]
    return one_a_day(chosen, snapshot, calendar, prefs, now)


def importance(alert: PlannedAlert) -> tuple[bool, int, date]:
    """Of two alerts of one request on one day, the greater is kept (see ``one_a_day``)."""
    kind = kind_named(alert.kind)
    return (not kind.yields, kind.stage, alert.deadline_on)


def _next_day(kind_name: str, day: date, calendar: Calendar) -> date:
    if kind_named(kind_name).own_clock:  # a clock of the member's own comes on any day
        return day + timedelta(days=1)
    return calendar.nth_working_day_after(day, 1)


def one_a_day(
    alerts: list[PlannedAlert], snapshot: RequestSnapshot, calendar: Calendar, prefs: MemberPrefs, now: datetime
) -> list[PlannedAlert]:
    """At most one alert of a request a day, in the member's zone; the rest dropped or moved.

    An alert comes on the day of its moment, or today if its moment has passed (it is sent at
    once). What was already sent today, or snoozed by the member to a day, keeps that day. On a
    day wanted by several alerts, the most important one comes (``importance``):

    1. a deadline alert before one that can wait a day (``AlertKind.yields``);
    2. then the one later in the request's life (its ``stage``): "due today" before "due soon",
       "overdue" before "due today", a review's alerts before the response's;
    3. then the one about the later deadline.

    Every other deadline alert of that day is dropped: the one that came says more, or says it
    sooner (so "due soon" and "due today" never arrive together). An alert that yields (a clock
    of the member's own, a reminder to clarify) moves to the next day it may come on instead
    (the next working day; any day for the member's own clocks), where it competes again, and
    is dropped only if it expires first. Alerts already delivered stay in the plan as they are
    (their rows are not the planner's to change), so a snooze still finds them.
    """
    zone = prefs.tz()

    def local_day(moment: datetime) -> date:
        """The day an alert with this moment arrives: its own, or today once it has passed."""
        return max(moment, now).astimezone(zone).date()

    taken = {moment.astimezone(zone).date() for moment in snapshot.delivered.values()}
    kept = [a for a in alerts if a.key in snapshot.delivered]
    waiting: list[tuple[date, PlannedAlert]] = []
    for alert in alerts:
        if alert.key in snapshot.delivered:
            continue
        if alert.key in snapshot.snoozed:  # the member chose its day: it keeps it
            taken.add(local_day(snapshot.snoozed[alert.key]))
            kept.append(alert)
            continue
        waiting.append((local_day(alert.fire_at), alert))
    # Day by day, most important first; a yielding alert that loses goes back in for a later day.
    while waiting:
        waiting.sort(key=lambda item: (item[0], _rank(item[1])))
        day, alert = waiting.pop(0)
        if day not in taken:
            taken.add(day)
            kept.append(alert)
            continue
        if not kind_named(alert.kind).yields:
            continue
        later = _next_day(alert.kind, day, calendar)
        moved = replace(alert, fire_at=fire_instant(later, prefs))
        if is_actionable(alert.kind, alert.deadline_on, moved.fire_at, prefs):
            waiting.append((later, moved))
    return sorted(kept, key=lambda a: (a.fire_at, supersession_key(a.kind, a.deadline_on)))


def _rank(alert: PlannedAlert) -> tuple[bool, int, int]:
    """Sort key: the most important alert first (the negation of ``importance``)."""
    essential, stage, deadline = importance(alert)
    return (not essential, -stage, -deadline.toordinal())
