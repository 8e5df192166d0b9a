"""Which alerts a request needs, and when each fires (pure: no clock, no database, no discord).

From a request's cached deadlines (``Request.deadlines``: ``{key: "YYYY-MM-DD"}``), its status,
the working-day calendar of its law, the member's settings and ``now``, ``plan_alerts`` gives the
alerts of the ladder in ``kinds.KINDS`` that still matter:

* every alert whose moment is still to come, and
* of those whose moment has passed, only the latest one that is still actionable (a window that
  has closed is not), so a request logged late, or a bot that was down, sends one DM, not a burst.

Alerts fire on working days of the request's own calendar (FOIA s.10(6): a bank holiday anywhere
in the UK is not a working day; FOISA s.73: Scottish ones only), at the member's time of day in
their time zone, converted to UTC with zoneinfo (so 09:00 in London is 09:00 UTC in winter and
08:00 UTC in summer).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.law.report import DeadlineKey
from bot.reminders.kinds import KINDS, AlertKind, Chain, Offset, base_status, kind_named, supersession_key

log = logging.getLogger(__name__)

DEFAULT_ZONE = "Europe/London"
DEFAULT_TIME = time(9, 0)
DEFAULT_LEAD_DAYS = 3


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
    return calendar.nth_working_day_after(deadline, kind.offset)


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
    own = [a for a in unique.values() if kind_named(a.kind).own_clock]  # each sent once, even late
    ladder = [a for a in unique.values() if not kind_named(a.kind).own_clock]
    future = [a for a in ladder if a.fire_at > now]
    past = [a for a in ladder if a.fire_at <= now and is_actionable(a.kind, a.deadline_on, now, prefs)]
    current = latest(past)
    chosen = own + future + ([current] if current is not None else [])
    return sorted(chosen, key=lambda a: (a.fire_at, supersession_key(a.kind, a.deadline_on)))
