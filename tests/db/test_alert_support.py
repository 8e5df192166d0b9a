"""Helpers for the alert tests (no tests here): a settable clock, a fake of Discord's DM side,
and quick ways to put requests and alerts in the database."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import insert, select

from bot.db import Database
from bot.models import Alert, Authority, Request
from bot.reminders.dispatcher import SendResult
from bot.reminders.messages import AlertContext
from bot.reminders.outbox import reconcile_alerts

UTC = timezone.utc
ALICE, BOB = 1001, 1002
_ids = itertools.count(1)


class Clock:
    """``now`` for the code under test; moved by hand."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


class FakeDMs:
    """Discord's side of sending a DM: records every DM by alert id. ``script`` maps an alert id
    (or None: any) to results returned in turn before plain success."""

    def __init__(self, *, delay: float = 0.0, script: dict[int | None, list[SendResult]] | None = None) -> None:
        self.delay = delay
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.delivered: Counter[int] = Counter()
        self.attempts: Counter[int] = Counter()
        self.nonces: list[str] = []
        self.by_user: Counter[int] = Counter()

    async def send(self, context: AlertContext) -> SendResult:
        self.attempts[context.alert_id] += 1
        self.nonces.append(context.nonce)
        if self.delay:
            await asyncio.sleep(self.delay)
        else:
            await asyncio.sleep(0)
        for key in (context.alert_id, None):
            queue = self.script.get(key)
            if queue:
                return queue.pop(0)
        self.delivered[context.alert_id] += 1
        self.by_user[context.user_id] += 1
        return SendResult.sent(900_000_000 + context.alert_id)


async def add_authority(db: Database, *, division: str = "england-and-wales") -> int:
    n = next(_ids)
    async with db.transaction() as session:
        authority = Authority(name=f"Authority {n}", name_key=f"authority {n}", division=division)
        session.add(authority)
        await session.flush()
        return authority.id  # type: ignore[return-value]


async def add_request(
    db: Database, *, now: datetime, deadlines: dict[str, str], status: str = "waiting_response", owner: int = ALICE,
    law: str = "foia", division: str = "england-and-wales", reconcile: bool = True,
) -> Request:
    authority_id = await add_authority(db, division=division)
    async with db.transaction() as session:
        request = Request(
            public_id=f"T{next(_ids):05d}"[:8], owner_id=owner, authority_id=authority_id, law=law, title="Bin collections",
            sent_on=date(2026, 3, 1), status=status, deadlines=deadlines, created_at=now, updated_at=now,
        )
        session.add(request)
        await session.flush()
        if reconcile:
            await reconcile_alerts(session, request, now=now)
        return request


async def alerts_of(db: Database, request_id: int) -> dict[str, Alert]:
    async with db.session() as session:
        rows = (await session.exec(select(Alert).where(Alert.request_id == request_id).order_by(Alert.fire_at))).scalars().all()
    return {f"{a.kind}@{a.deadline_on}": a for a in rows}


async def seed_due_alerts(db: Database, count: int, *, fire_at: datetime, users: int = 50, chunk: int = 5000) -> list[int]:
    """``count`` due alerts, one per request (so none supersedes another); returns their ids."""
    authority_id = await add_authority(db)
    base = next(_ids) * 10_000_000
    async with db.transaction() as session:
        for start in range(0, count, chunk):
            n = min(chunk, count - start)
            await session.exec(insert(Request), params=[
                {"public_id": f"{base + start + i:x}"[-8:], "owner_id": 5000 + (start + i) % users, "visibility": "private",
                 "authority_id": authority_id, "law": "foia", "title": f"Request {start + i}", "questions": "",
                 "sent_on": date(2026, 1, 5), "school": False, "status": "waiting_response", "deadlines": {},
                 "created_at": fire_at, "updated_at": fire_at}
                for i in range(n)
            ])
        request_ids = (await session.exec(
            select(Request.id, Request.owner_id).where(Request.authority_id == authority_id).order_by(Request.id)
        )).all()
        await session.exec(insert(Alert), params=[
            {"request_id": rid, "user_id": owner, "kind": "response_overdue", "deadline_on": date(2026, 2, 2),
             "deadline_key": "response_due", "fire_at": fire_at, "state": "pending", "attempts": 0, "deliveries": 0,
             "created_at": fire_at, "updated_at": fire_at}
            for rid, owner in request_ids
        ])
        ids = (await session.exec(
            select(Alert.id).where(Alert.request_id.in_([rid for rid, _ in request_ids]))
        )).scalars().all()
    return list(ids)


async def states(db: Database, ids: list[int] | None = None) -> Counter[str]:
    async with db.session() as session:
        stmt = select(Alert.state)
        if ids is not None:
            stmt = stmt.where(Alert.id.in_(ids))
        return Counter((await session.exec(stmt)).scalars().all())

