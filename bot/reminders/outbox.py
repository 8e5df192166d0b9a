"""The alert outbox: planning a request's alerts into the ``alerts`` table, in the caller's transaction.

The tracking services call ``reconcile_alerts`` at the end of every transaction that changes a
request, so the outbox always matches the request's status and deadlines:

* a planned alert with no row is inserted (``pending``); the unique key (request, kind,
  deadline date) makes this idempotent, and ``ON CONFLICT DO NOTHING`` makes two processes
  reconciling one request at once harmless;
* a pending alert no longer planned is ``cancelled``, never deleted (a row is kept until it is
  delivered or deliberately given up, so no reminder is ever lost to a failed send);
* a pending alert planned for another moment (the member changed their time of day) is moved,
  unless a member snoozed it or a retry is waiting;
* a cancelled alert planned again is re-armed; sent, failed and in-flight ones are left alone.

A response cancels the response alerts (the status leaves ``waiting_response``); a clarification
restart moves them (new deadline dates are new keys: the old ones are cancelled, the new inserted).
A request for clarification plans the reminders to the member (counted from the day of the latest
``clarification_requested`` event); the clarification sent, or the part withdrawn, ends the wait,
so the next reconcile cancels the reminders still pending and plans the new deadline's ladder.

The planner is told which of the member's alerts were already sent (and when) and which are
snoozed, so its one-alert-a-day rule (``planner.one_a_day``) counts what already arrived today.

"Stop alerts for this request" is a row in ``alert_mutes``: while it exists the planner plans
nothing for the request, so every reconcile cancels what is pending. Deleting it resumes alerts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.db import DEFAULT_ZONE_KEY
from bot.errors import NotFound
from bot.law.calendar import calendar_for
from bot.law.regimes import Division, Law
from bot.models import Alert, AlertMute, Authority, Event, Follow, Request, UserSettings
from bot.reminders.planner import (
    DEFAULT_LEAD_DAYS,
    DEFAULT_ZONE,
    Calendar,
    MemberPrefs,
    PlannedAlert,
    RequestSnapshot,
    fire_instant,
    plan_alerts,
)
from bot.reminders.kinds import AWAITING_MEMBER, base_status, is_notice
from bot.reminders.wakeups import wake_after_commit

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlmodel.ext.asyncio.session import AsyncSession

log = logging.getLogger(__name__)

SNOOZE_DAYS = 3
EXTENSION_EVENTS = frozenset({"extension"})
CLARIFICATION_ASKED = "clarification_requested"  # the event that stops the clock (FOIA s.1(3))
_UNIQUE = ["request_id", "user_id", "kind", "deadline_on"]



@dataclass
class Reconciled:
    inserted: int = 0
    moved: int = 0
    revived: int = 0
    cancelled: int = 0

    @property
    def changed(self) -> int:
        return self.inserted + self.moved + self.revived + self.cancelled


def default_zone(session: AsyncSession) -> str:
    """The zone for members who never chose one: DEFAULT_TIMEZONE, which the Database was built with."""
    return str(session.info.get(DEFAULT_ZONE_KEY, DEFAULT_ZONE))


def prefs_from(settings: UserSettings | None, *, default_zone: str) -> MemberPrefs:
    """The planner's view of a member's settings (defaults when they never changed any)."""
    if settings is None:
        return MemberPrefs(zone=default_zone)
    hours, minutes = (int(part) for part in settings.alert_time.split(":"))
    return MemberPrefs(
        enabled=settings.alerts_enabled,
        time_of_day=time(hours, minutes),
        zone=settings.timezone or default_zone,
        lead_days=settings.lead_days if settings.lead_days is not None else DEFAULT_LEAD_DAYS,
    )


async def member_prefs(session: AsyncSession, user_id: int) -> MemberPrefs:
    return prefs_from(await session.get(UserSettings, user_id), default_zone=default_zone(session))


async def request_calendar(session: AsyncSession, request: Request) -> Calendar:
    authority = await session.get(Authority, request.authority_id)
    division = Division(authority.division) if authority is not None else Division.ENGLAND_AND_WALES
    return calendar_for(Law(request.law), division)


async def request_snapshot(session: AsyncSession, request: Request) -> RequestSnapshot:
    extended = await session.scalar(
        select(Event.id).where(Event.request_id == request.id, Event.kind.in_(EXTENSION_EVENTS)).limit(1)
    )
    stopped = await session.scalar(select(AlertMute.request_id).where(AlertMute.request_id == request.id))
    asked = None
    if base_status(request.status) in AWAITING_MEMBER:
        # The round still open is the latest (FOIA s.1(3)): the reminders count from its question.
        asked = await session.scalar(
            select(func.max(Event.occurred_on)).where(Event.request_id == request.id, Event.kind == CLARIFICATION_ASKED)
        )
    return RequestSnapshot(request.status, request.deadlines or {}, extended=extended is not None,
                           stopped=stopped is not None, clarification_asked=asked)


async def _rows(session: AsyncSession, request: Request, member: int) -> list[Any]:
    """The member's alert rows of the request, as the planner and ``_apply_plan`` read them."""
    return list((await session.exec(
        select(Alert.id, Alert.kind, Alert.deadline_on, Alert.state, Alert.fire_at, Alert.attempts, Alert.snoozed_until,
               Alert.sent_at)
        .where(Alert.request_id == request.id, Alert.user_id == member)
    )).all())


def _history(rows: list[Any], now: datetime) -> tuple[dict[tuple[str, date], datetime], dict[tuple[str, date], datetime]]:
    """(delivered, snoozed) for the planner's one-a-day rule: when each sent (or in-flight) alert
    went out, and when each snoozed one will come."""
    delivered: dict[tuple[str, date], datetime] = {}
    snoozed: dict[tuple[str, date], datetime] = {}
    for row in rows:
        key = (row.kind, row.deadline_on)
        if row.state == "sent":
            delivered[key] = row.sent_at or row.fire_at
        elif row.state == "sending":
            delivered[key] = now
        elif row.state == "pending" and row.snoozed_until is not None:
            snoozed[key] = row.snoozed_until
    return delivered, snoozed


async def plan_for(
    session: AsyncSession, request: Request, *, now: datetime, user_id: int | None = None, rows: list[Any] | None = None
) -> list[PlannedAlert]:
    """What the planner wants for ``request`` now (no writes), for its owner or, given
    ``user_id``, for a member following it (their own settings; the owner's "Stop alerts"
    stops only the owner's, and the reminders to clarify are the owner's alone: only they can
    answer the authority). ``rows``: the member's alert rows, when the caller has read them."""
    try:
        calendar = await request_calendar(session, request)
    except ValueError:
        log.warning("request %s has an unknown law %r: no alerts planned", request.public_id, request.law)
        return []
    snapshot = await request_snapshot(session, request)
    member = request.owner_id if user_id is None else user_id
    if member != request.owner_id:
        snapshot = RequestSnapshot(snapshot.status, snapshot.deadlines, extended=snapshot.extended)
    delivered, snoozed = _history(rows if rows is not None else await _rows(session, request, member), now)
    snapshot = replace(snapshot, delivered=delivered, snoozed=snoozed)
    return plan_alerts(snapshot, calendar, await member_prefs(session, member), now)


def _insert(session: AsyncSession) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Alert)


async def reconcile_alerts(session: AsyncSession, request: Request, *, now: datetime) -> Reconciled:
    """Bring the request's pending alerts in line with its current deadlines and status,
    inside the caller's transaction."""
    if request.id is None:
        await session.flush()
    rows = await _rows(session, request, request.owner_id)
    planned = await plan_for(session, request, now=now, rows=rows)
    result = await _apply_plan(session, request, planned, now, rows=rows)
    # Followers (issue 16) get the same ladder as rows of their own, while the request is shared.
    followers = (await session.exec(select(Follow.user_id).where(Follow.request_id == request.id))).scalars().all()
    for follower in followers:
        theirs = await _rows(session, request, follower)
        wanted = await plan_for(session, request, now=now, user_id=follower, rows=theirs) if request.visibility == "server" else []
        one = await _apply_plan(session, request, wanted, now, user_id=follower, rows=theirs)
        result.inserted, result.moved = result.inserted + one.inserted, result.moved + one.moved
        result.revived, result.cancelled = result.revived + one.revived, result.cancelled + one.cancelled
    if result.changed:
        log.debug("request %s alerts: %s", request.public_id, result)
    return result


async def _apply_plan(
    session: AsyncSession, request: Request, planned: list[PlannedAlert], now: datetime, *, user_id: int | None = None,
    rows: list[Any] | None = None,
) -> Reconciled:
    member = request.owner_id if user_id is None else user_id
    if rows is None:
        rows = await _rows(session, request, member)
    existing = {(row.kind, row.deadline_on): row for row in rows}
    result = Reconciled()
    earliest: datetime | None = None
    new_rows: list[dict[str, Any]] = []
    for alert in planned:
        row = existing.get(alert.key)
        armed = False
        if row is None:
            new_rows.append({
                "request_id": request.id, "user_id": member, "kind": alert.kind,
                "deadline_on": alert.deadline_on, "deadline_key": alert.deadline_key, "fire_at": alert.fire_at,
                "state": "pending", "attempts": 0, "deliveries": 0, "created_at": now, "updated_at": now,
            })
            result.inserted += 1
            armed = True
        elif row.state == "cancelled":
            await session.exec(
                update(Alert).where(Alert.id == row.id, Alert.state == "cancelled").values(
                    state="pending", fire_at=alert.fire_at, deadline_key=alert.deadline_key, attempts=0,
                    snoozed_until=None, lease_until=None, claimed_by=None, last_error=None, updated_at=now,
                )
            )
            result.revived += 1
            armed = True
        elif row.state == "pending" and row.attempts == 0 and row.snoozed_until is None and row.fire_at != alert.fire_at:
            await session.exec(
                update(Alert).where(Alert.id == row.id, Alert.state == "pending", Alert.attempts == 0)
                .values(fire_at=alert.fire_at, updated_at=now)
            )
            result.moved += 1
            armed = True
        if armed and (earliest is None or alert.fire_at < earliest):
            earliest = alert.fire_at
    if new_rows:
        await session.exec(_insert(session).values(new_rows).on_conflict_do_nothing(index_elements=_UNIQUE))
    wanted = {alert.key for alert in planned}
    # Notices (news from WhatDoTheyKnow) are not the planner's: it never cancels them.
    obsolete = [row.id for key, row in existing.items()
                if row.state == "pending" and key not in wanted and not is_notice(row.kind)]
    if obsolete:
        await session.exec(
            update(Alert).where(Alert.id.in_(obsolete), Alert.state == "pending")
            .values(state="cancelled", last_error=f"no longer planned (status {request.status})", updated_at=now)
        )
        result.cancelled = len(obsolete)
    if earliest is not None:
        wake_after_commit(session, earliest)
    return result


async def cancel_member_alerts(session: AsyncSession, request: Request, user_id: int, *, now: datetime) -> int:
    """Cancel one member's pending alerts of a request (a follower who stopped following it)."""
    return (await _apply_plan(session, request, [], now, user_id=user_id)).cancelled


async def reconcile_member(session: AsyncSession, user_id: int, *, now: datetime) -> Reconciled:
    """Re-plan every request of a member, and those they follow (after they change their settings)."""
    total = Reconciled()
    followed = select(Follow.request_id).where(Follow.user_id == user_id)
    requests = (await session.exec(
        select(Request).where((Request.owner_id == user_id) | Request.id.in_(followed))
    )).scalars().all()
    for request in requests:
        one = await reconcile_alerts(session, request, now=now)
        total.inserted += one.inserted
        total.moved += one.moved
        total.revived += one.revived
        total.cancelled += one.cancelled
    return total


# -- member actions from the DM's buttons -----------------------------------------------------

async def owned_alert(session: AsyncSession, alert_id: int, user_id: int) -> tuple[Alert, Request]:
    alert = await session.get(Alert, alert_id)
    request = await session.get(Request, alert.request_id) if alert is not None else None
    if alert is None or request is None or alert.user_id != user_id or request.owner_id != user_id:
        raise NotFound("I can't find that alert among yours: it may belong to someone else or have been removed.")
    return alert, request


async def owned_request(session: AsyncSession, request_id: int, user_id: int) -> Request:
    request = await session.get(Request, request_id)
    if request is None or request.owner_id != user_id:
        raise NotFound("I can't find that request among yours.")
    return request


async def snooze_alert(session: AsyncSession, alert_id: int, user_id: int, *, now: datetime, days: int = SNOOZE_DAYS) -> Alert:
    """Send this alert again ``days`` later: the next working day from then, at the member's time.

    Refused (``NotFound``) when the alert is no longer current: the request moved on, a newer
    alert replaced it, or alerts were stopped for it.
    """
    alert, request = await owned_alert(session, alert_id, user_id)
    planned = {p.key for p in await plan_for(session, request, now=now)}
    if (alert.kind, alert.deadline_on) not in planned:
        raise NotFound(
            "That alert is no longer current (the request has moved on, a newer alert replaced it, or alerts "
            "are stopped for it), so there is nothing to snooze. `/reminders list` shows what is coming."
        )
    prefs = await member_prefs(session, user_id)
    calendar = await request_calendar(session, request)
    day = now.astimezone(prefs.tz()).date() + timedelta(days=days)
    if not calendar.is_working_day(day):
        day = calendar.nth_working_day_after(day, 1)
    fire_at = fire_instant(day, prefs)
    alert.state, alert.fire_at, alert.snoozed_until = "pending", fire_at, fire_at
    alert.attempts, alert.lease_until, alert.claimed_by, alert.last_error = 0, None, None, None
    alert.updated_at = now
    session.add(alert)
    await session.flush()
    wake_after_commit(session, fire_at)
    return alert


async def stop_alerts(session: AsyncSession, request_id: int, user_id: int, *, now: datetime) -> int:
    """Stop every alert for a request (until ``resume_alerts``); returns how many were cancelled."""
    request = await owned_request(session, request_id, user_id)
    if await session.get(AlertMute, request.id) is None:
        session.add(AlertMute(request_id=request.id, user_id=user_id, created_at=now))
        await session.flush()
    return (await reconcile_alerts(session, request, now=now)).cancelled


async def resume_alerts(session: AsyncSession, request_id: int, user_id: int, *, now: datetime) -> Reconciled:
    request = await owned_request(session, request_id, user_id)
    await session.exec(delete(AlertMute).where(AlertMute.request_id == request.id))
    return await reconcile_alerts(session, request, now=now)


async def alerts_stopped(session: AsyncSession, request_id: int) -> bool:
    return await session.get(AlertMute, request_id) is not None


@dataclass(frozen=True)
class UpcomingAlert:
    """One line of ``/reminders list``: when, what, and about which request."""

    fire_at: datetime
    kind: str
    public_id: str
    title: str


# Built once (the member and the limit are bound parameters): the list every member runs most.
_UPCOMING = (
    select(Alert.fire_at, Alert.kind, Request.public_id, Request.title)
    .join(Request, Request.id == Alert.request_id)
    .where(Alert.user_id == bindparam("user_id"), Alert.state.in_(("pending", "sending")))
    .order_by(Alert.fire_at, Alert.id)
    .limit(bindparam("limit", type_=Integer))
)


def upcoming_alerts(conn: Connection, user_id: int, *, limit: int = 20) -> list[UpcomingAlert]:
    """A member's pending alerts, soonest first, with their requests (rows, not objects: see
    ``Database.run_read``)."""
    rows = conn.execute(_UPCOMING, {"user_id": user_id, "limit": limit})
    return [UpcomingAlert(*row) for row in rows]
