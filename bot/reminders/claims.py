"""The dispatcher's side of the outbox: claim due alerts, then record what became of each.

Claiming is one statement, atomic on both databases, so any number of processes may dispatch
from one database and each alert goes to one of them:

* PostgreSQL: ``WITH due AS (SELECT id ... WHERE state='pending' AND fire_at <= :now ORDER BY
  fire_at LIMIT :n FOR UPDATE SKIP LOCKED) UPDATE alerts SET state='sending', lease... FROM due
  WHERE alerts.id = due.id RETURNING ...``: a dispatcher skips rows another one has locked
  instead of waiting for them.
* SQLite (no ``FOR UPDATE``; SQLAlchemy drops it) runs ``UPDATE ... WHERE id IN (SELECT ...)
  AND state='pending'`` as a compare-and-set: ``state='pending'`` is re-checked under SQLite's
  single writer lock, so a row another dispatcher took first is simply not returned.

A claim is a lease: a dispatcher that dies mid-batch leaves ``sending`` rows whose lease
expires; ``release_expired_leases`` puts them back to ``pending`` for anyone to send. Every
write after the claim is conditional on ``state='sending' AND claimed_by=:me``, so a dispatcher
that lost its lease never overwrites another's result, and ``renew`` is asked, in the database,
right before each DM is sent: a dispatcher whose lease ran out (paused, partitioned, stuck behind
a rate limit) finds out before it POSTs, never after.

A row this version cannot handle (an alert kind planned by a newer foibot in a rolling deploy,
or left behind by a rollback) is set aside on its own as ``held`` and logged once; the rest of its
batch goes on. Any process that knows the kind puts it back (``release_held``).

A member whose DMs were found closed (50007) gets no further claims until they use a command
again (which shows them the notice): each new alert would only cost another 403.

These run on Core connections (no ORM unit of work): at a few statements per batch, the
dispatcher's own cost stays far below Discord's 50 requests a second (``bench_alerts.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, exists, func, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.db import READ_ONLY
from bot.models import Alert, Authority, Request, UserSettings
from bot.reminders.kinds import KINDS_BY_NAME, is_notice, supersession_key
from bot.reminders.messages import AlertContext
from bot.reminders.outbox import prefs_from
from bot.reminders.planner import MemberPrefs, is_actionable

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

    from bot.db import Database

log = logging.getLogger(__name__)

CLAIM_COLUMNS = (Alert.id, Alert.request_id, Alert.user_id, Alert.kind, Alert.deadline_on, Alert.deadline_key,
                 Alert.fire_at, Alert.attempts, Alert.deliveries)


@dataclass(frozen=True)
class Claimed:
    id: int
    request_id: int
    user_id: int
    kind: str
    deadline_on: date
    deadline_key: str
    fire_at: datetime
    attempts: int
    deliveries: int


@dataclass(frozen=True)
class Outcome:
    """What to write for one claimed alert after trying it."""

    alert: Claimed
    state: str  # sent | pending (retry) | failed | cancelled | held (cannot be handled by this version)
    message_id: int | None = None
    retry_at: datetime | None = None
    error: str | None = None
    dms_closed: bool = False


async def release_expired_leases(db: Database, *, now: datetime) -> int:
    """Put back ``sending`` alerts whose dispatcher stopped answering (crash, kill, lost network)."""
    async with db.engine.begin() as conn:
        result = await conn.execute(
            update(Alert).where(Alert.state == "sending", Alert.lease_until < now)
            .values(state="pending", claimed_by=None, lease_until=None, updated_at=now,
                    last_error="lease expired: the dispatcher that claimed it stopped")
        )
    if result.rowcount:
        log.warning("released %d alert(s) whose dispatcher's lease expired", result.rowcount)
    return result.rowcount


def _member_reachable() -> Any:
    """Not a member whose DMs were found closed and who has not used a command since."""
    return ~exists().where(UserSettings.user_id == Alert.user_id, UserSettings.dms_closed.is_(True),
                           UserSettings.dm_notice_pending.is_(True))


def due_ids(now: datetime, limit: int) -> Any:
    """The due-alert scan: served by the ``(state, fire_at)`` index, oldest first."""
    return (select(Alert.id).where(Alert.state == "pending", Alert.fire_at <= now, _member_reachable())
            .order_by(Alert.fire_at).limit(limit))


async def renew(db: Database, ids: list[int], *, worker: str, now: datetime, lease: timedelta) -> set[int]:
    """Extend this worker's lease on ``ids`` if it still holds it (not expired); returns the ids
    renewed. Asked right before each DM: an id missing from the answer must not be sent."""
    if not ids:
        return set()
    async with db.engine.begin() as conn:
        done = (await conn.execute(
            update(Alert).where(Alert.id.in_(ids), Alert.state == "sending", Alert.claimed_by == worker,
                                Alert.lease_until >= now)
            .values(lease_until=now + lease).returning(Alert.id)
        )).scalars().all()
    return set(done)


async def release_mine(db: Database, ids: list[int], *, worker: str, now: datetime) -> int:
    """Give back claims this worker will not send (a graceful stop): pending again at once, the
    attempt not counted."""
    if not ids:
        return 0
    async with db.engine.begin() as conn:
        result = await conn.execute(
            update(Alert).where(Alert.id.in_(ids), Alert.state == "sending", Alert.claimed_by == worker)
            .values(state="pending", claimed_by=None, lease_until=None, attempts=Alert.attempts - 1, updated_at=now)
        )
    return result.rowcount


async def release_held(db: Database, *, now: datetime) -> int:
    """Put back ``held`` alerts whose kind this version knows (set aside by an older process)."""
    async with db.engine.begin() as conn:
        result = await conn.execute(
            update(Alert).where(Alert.state == "held", Alert.kind.in_(sorted(KINDS_BY_NAME)))
            .values(state="pending", last_error=None, updated_at=now)
        )
    if result.rowcount:
        log.info("took back %d alert(s) of kinds an older foibot had set aside", result.rowcount)
    return result.rowcount


def _claim_statement(db: Database, *, worker: str, now: datetime, limit: int, lease: timedelta) -> Any:
    values = {"state": "sending", "claimed_by": worker, "lease_until": now + lease,
              "attempts": Alert.attempts + 1, "updated_at": now}
    if db.dialect == "postgresql":
        # A CTE with FOR UPDATE is evaluated once. Inside "id IN (subquery)" PostgreSQL may run
        # the subquery again per row, and with SKIP LOCKED each run can return other rows: a
        # batch of 30 then claims 60.
        due = due_ids(now, limit).with_for_update(skip_locked=True).cte("due")
        stmt = update(Alert).where(Alert.id == due.c.id, Alert.state == "pending")
    else:
        stmt = update(Alert).where(Alert.id.in_(due_ids(now, limit).scalar_subquery()), Alert.state == "pending")
    return stmt.values(**values).returning(*CLAIM_COLUMNS)


async def claim_due(db: Database, *, worker: str, now: datetime, limit: int, lease: timedelta) -> list[Claimed]:
    """Atomically take up to ``limit`` due alerts for ``worker`` (see the module docstring)."""
    async with db.engine.begin() as conn:
        rows = (await conn.execute(_claim_statement(db, worker=worker, now=now, limit=limit, lease=lease))).all()
    return sorted((Claimed(*row) for row in rows), key=lambda c: (c.fire_at, c.id))


async def claim_batch(db: Database, *, worker: str, now: datetime, limit: int, lease: timedelta) -> tuple[list[Claimed], Batch]:
    """``claim_due`` then ``prepare``, on one connection (one pool check-out instead of two)."""
    async with db.engine.connect() as conn:
        async with conn.begin():  # committed before reading on, so the claim is visible at once
            rows = (await conn.execute(_claim_statement(db, worker=worker, now=now, limit=limit, lease=lease))).all()
        claimed = sorted((Claimed(*row) for row in rows), key=lambda c: (c.fire_at, c.id))
        # What follows only reads: on SQLite it begins deferred, not holding the write lock that
        # commands and other writers would queue behind (bot.db._sqlite_begin).
        await conn.execution_options(**{READ_ONLY: True})
        batch = await _prepare_on(conn, claimed, now=now, default_zone=db.default_zone) if claimed else Batch({}, {})
        await conn.rollback()  # end the read-only transaction the selects began
    return claimed, batch


async def next_fire_at(db: Database) -> datetime | None:
    """When the soonest pending alert is due (an index look-up)."""
    async with db.read_engine.connect() as conn:
        return (await conn.execute(
            select(func.min(Alert.fire_at)).where(Alert.state == "pending", _member_reachable())
        )).scalar()


# -- what to send -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Batch:
    contexts: dict[int, AlertContext]  # alert id -> what to send
    skip: dict[int, str]  # alert id -> why it is not sent (cancelled)
    held: dict[int, str] = field(default_factory=dict)  # alert id -> why this version cannot handle it


async def prepare(db: Database, claimed: list[Claimed], *, now: datetime) -> Batch:
    """Load what the claimed alerts need, and set aside the stale ones (see ``stale_reason``)."""
    if not claimed:
        return Batch({}, {})
    async with db.read_engine.connect() as conn:
        return await _prepare_on(conn, claimed, now=now, default_zone=db.default_zone)


async def _prepare_on(conn: AsyncConnection, claimed: list[Claimed], *, now: datetime, default_zone: str) -> Batch:
    request_ids = {c.request_id for c in claimed}
    requests = {row.id: row for row in (await conn.execute(
        select(Request.id, Request.public_id, Request.owner_id, Request.title, Request.law, Request.status, Request.reference,
               Request.link, Request.deadlines, Authority.name.label("authority"))
        .join(Authority, Authority.id == Request.authority_id, isouter=True)
        .where(Request.id.in_(request_ids))
    )).all()}
    prefs = await _prefs(conn, {c.user_id for c in claimed}, default_zone)
    rivals = (await conn.execute(
        select(Alert.id, Alert.request_id, Alert.user_id, Alert.kind, Alert.deadline_on, Alert.state, Alert.fire_at).where(
            Alert.request_id.in_(request_ids), Alert.state.in_(("pending", "sending", "sent")), Alert.fire_at <= now,
        )
    )).all()
    # Rivals are the same member's alerts of the request: a follower's never supersede the owner's.
    # A rival of a kind this version does not know is left out: it is not ours to weigh.
    by_request: dict[tuple[int, int], list[Any]] = {}
    for row in rivals:
        if row.kind in KINDS_BY_NAME:
            by_request.setdefault((row.request_id, row.user_id), []).append(row)
    contexts: dict[int, AlertContext] = {}
    skip: dict[int, str] = {}
    held: dict[int, str] = {}
    for c in claimed:
        if c.kind not in KINDS_BY_NAME:
            held[c.id] = f"unknown alert kind {c.kind!r} (planned by a newer foibot?): set aside"
            log.warning("alert %s has kind %r, which this version does not know: set aside as held", c.id, c.kind)
            continue
        member = prefs.get(c.user_id, prefs_from(None, default_zone=default_zone))
        request = requests.get(c.request_id)
        reason = "its request no longer exists" if request is None else stale_reason(c, by_request.get((c.request_id, c.user_id), []), now, member)
        if reason:
            skip[c.id] = reason
            continue
        contexts[c.id] = AlertContext(
            alert_id=c.id, user_id=c.user_id, kind=c.kind, deadline_on=c.deadline_on, deadline_key=c.deadline_key,
            fire_at=c.fire_at, attempt=c.attempts, delivery=c.deliveries, request_id=c.request_id,
            public_id=request.public_id, title=request.title, authority=request.authority or "the authority",
            law=request.law, status=request.status, zone=member.zone, reference=request.reference, link=request.link,
            deadlines=request.deadlines or {}, following=request.owner_id != c.user_id,
        )
    return Batch(contexts, skip, held)


def stale_reason(claimed: Claimed, rivals: Iterable[Any], now: datetime, prefs: MemberPrefs) -> str | None:
    """Why a claimed alert should not be sent, or None.

    Superseded: another alert of the same request with a greater (deadline, stage) is also due,
    or was sent after this one fell due (after downtime only the latest is sent). A sent alert
    from before this one fell due supersedes nothing: it belonged to an older plan (say, before
    the member corrected a date). Expired: a window whose day ended before it could be sent.
    """
    if is_notice(claimed.kind):
        return None  # news (a reply on WhatDoTheyKnow) is never stale: it is sent once, whatever else is due
    mine = (*supersession_key(claimed.kind, claimed.deadline_on), claimed.id)
    for rival in rivals:
        if rival.id == claimed.id or is_notice(rival.kind) or (rival.state == "sent" and rival.fire_at < claimed.fire_at):
            continue
        if (*supersession_key(rival.kind, rival.deadline_on), rival.id) > mine:
            return "superseded by a later alert of the same request"
    if not is_actionable(claimed.kind, claimed.deadline_on, now, prefs):
        return "expired: its deadline day had passed before it could be sent"
    return None


async def _prefs(conn: AsyncConnection, user_ids: set[int], default_zone: str) -> dict[int, MemberPrefs]:
    rows = (await conn.execute(
        select(UserSettings.user_id, UserSettings.alerts_enabled, UserSettings.alert_time, UserSettings.timezone,
               UserSettings.lead_days).where(UserSettings.user_id.in_(user_ids))
    )).all()
    return {row.user_id: prefs_from(row, default_zone=default_zone) for row in rows}  # type: ignore[arg-type]


# -- recording --------------------------------------------------------------------------------

def _per_row(outcomes: list[Outcome], column: Any, value: Any) -> Any:
    """One value per alert in a single UPDATE: ``CASE id WHEN 1 THEN ... END``, typed as the
    column (so instants go through ``UTCDateTime`` like any other write)."""
    values = [value(o) for o in outcomes]
    if all(v == values[0] for v in values):  # the usual case (no error text): no CASE to build
        return literal(values[0], column.type)
    return case({o.alert.id: literal(v, column.type) for o, v in zip(outcomes, values)}, value=Alert.id)


async def record(db: Database, outcomes: list[Outcome], *, worker: str, now: datetime) -> int:
    """Write the outcomes in one transaction, one statement per resulting state; returns how
    many rows this worker still owned (a lost lease means another dispatcher's result stands)."""
    if not outcomes:
        return 0
    owned = 0
    async with db.engine.begin() as conn:
        for state in ("sent", "pending", "failed", "cancelled", "held"):
            group = [o for o in outcomes if o.state == state]
            if not group:
                continue
            values: dict[str, Any] = {"state": state, "updated_at": now, "lease_until": None,
                                      "last_error": _per_row(group, Alert.last_error, lambda o: o.error)}
            if state == "sent":
                values.update(sent_message_id=_per_row(group, Alert.sent_message_id, lambda o: o.message_id), sent_at=now,
                              deliveries=Alert.deliveries + 1, snoozed_until=None)
            elif state == "pending":
                values.update(fire_at=_per_row(group, Alert.fire_at, lambda o: o.retry_at), claimed_by=None)
            elif state == "held":
                values.update(claimed_by=None, attempts=Alert.attempts - 1)
            mine = and_(Alert.id.in_([o.alert.id for o in group]), Alert.state == "sending", Alert.claimed_by == worker)
            done = (await conn.execute(update(Alert).where(mine).values(**values).returning(Alert.id))).scalars().all()
            owned += len(done)
            if len(done) != len(group):
                lost = sorted({o.alert.id for o in group} - set(done))
                log.warning("alerts %s were no longer %s's when recording %s (lease expired)", lost, worker, state)
        closed = {o.alert.user_id for o in outcomes if o.dms_closed}
        opened = {o.alert.user_id for o in outcomes if o.state == "sent"} - closed
        if closed:
            await _mark_dms_closed(conn, closed, now, db.default_zone)
        if opened:
            await conn.execute(
                update(UserSettings).where(UserSettings.user_id.in_(opened), UserSettings.dms_closed.is_(True))
                .values(dms_closed=False, updated_at=now)
            )
    return owned


async def _mark_dms_closed(conn: AsyncConnection, user_ids: set[int], now: datetime, default_zone: str) -> None:
    """Discord error 50007: remember it and tell the member on their next command."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    defaults = prefs_from(None, default_zone=default_zone)
    rows = [{"user_id": uid, "alerts_enabled": True, "alert_time": defaults.time_of_day.strftime("%H:%M"),
             "timezone": defaults.zone, "lead_days": defaults.lead_days, "dms_closed": True, "dms_closed_at": now,
             "dm_notice_pending": True, "updated_at": now}
            for uid in sorted(user_ids)]
    stmt = insert(UserSettings).values(rows)
    await conn.execute(stmt.on_conflict_do_update(
        index_elements=["user_id"],
        set_={"dms_closed": True, "dms_closed_at": now, "dm_notice_pending": True, "updated_at": now},
    ))
