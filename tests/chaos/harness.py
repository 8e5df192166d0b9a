"""What the chaos tests watch and seed (no tests here).

``DmWatch`` is Discord's side of every alert DM: a hook on the fake Discord's message route that,
as each POST arrives, notes which process sent it (the pid ``tests.chaos.process_tag`` puts in the
User-Agent), which alert (the nonce, ``a<alert id>d<delivery>``), and whether that process held
the alert's live lease in the database at that moment (the dispatcher's worker id is
``host:pid``). It is also a gate: while closed, DM POSTs are held unanswered, so each process
fills its ``concurrency`` slots with DMs in flight and the test knows exactly where every process
is when it sends a signal. For a process in ``hold_openings`` the gate holds the opening of the DM
channel instead, which discord.py does after the lease check and before the POST: frozen there,
the process POSTs after its lease once it wakes.
"""

from __future__ import annotations

import asyncio
import re
import socket
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url

from bot.db import Database
from bot.models import Alert, Authority, Request
from tests.chaos.process_tag import PID_TAG
from tests.fakediscord import FakeDiscord, RequestRecord

DM_ROUTE = "POST /channels/{channel_id}/messages"
OPEN_DM_ROUTE = "POST /users/@me/channels"  # discord.py opens the DM channel first, after the lease check
HOST = socket.gethostname()[:40]  # as bot.reminders.dispatcher.default_worker_id has it
NONCE = re.compile(r"a(\d+)d(\d+)")
UNKNOWN_KIND = "kind_from_a_newer_foibot"
UNKNOWN_LOGGED = "which this version does not know: set aside as held"


def worker_of(pid: int) -> str:
    return f"{HOST}:{pid}"


def pid_in(user_agent: str) -> int | None:
    match = re.search(re.escape(PID_TAG) + r"(\d+)", user_agent)
    return int(match[1]) if match else None


@dataclass(frozen=True)
class DmPost:
    """One alert DM POST as Discord received it."""

    alert_id: int
    nonce: str
    pid: int | None
    channel_id: int
    record: RequestRecord  # its status is filled in once answered
    problem: str | None  # why the sender had no business POSTing it then; None: it held the live lease


class DmWatch:
    def __init__(self, fake: FakeDiscord, db: Database) -> None:
        self.fake = fake
        self.db = db
        self.posts: list[DmPost] = []
        self.held: Counter[int] = Counter()  # pid -> DM POSTs waiting at the closed gate
        # Processes whose DM-channel openings the closed gate holds instead (their DMs then wait
        # between the lease check and the POST).
        self.hold_openings: set[int] = set()
        self.held_openings: Counter[int] = Counter()
        self._open = asyncio.Event()
        self._open.set()
        fake.before(DM_ROUTE, self.look)
        fake.before(OPEN_DM_ROUTE, self.opening)

    def close_gate(self) -> None:
        self.held.clear()
        self._open.clear()

    def open_gate(self) -> None:
        self._open.set()

    def held_alerts(self, pid: int) -> set[int]:
        """The alerts whose POSTs from ``pid`` are waiting at the gate now."""
        return {p.alert_id for p in self.posts if p.pid == pid and p.record.status == 0}

    def all_holding(self, pids: list[int], slots: int) -> bool:
        """Each process has all its slots' DMs waiting at the gate (or, for one whose DM-channel
        openings are held, its first DM waiting there: the rest queue behind it in discord.py)."""
        return all(self.held_openings[pid] >= 1 if pid in self.hold_openings else self.held[pid] >= slots for pid in pids)

    async def opening(self, record: RequestRecord) -> None:
        pid = pid_in(record.headers.get("User-Agent", ""))
        if pid in self.hold_openings and not self._open.is_set():
            self.held_openings[pid] += 1
            self.fake.notify()
            await self._open.wait()

    async def look(self, record: RequestRecord) -> None:
        match = NONCE.fullmatch(str((record.json or {}).get("nonce", "")))
        if match is None:
            return  # not an alert DM
        alert_id = int(match[1])
        pid = pid_in(record.headers.get("User-Agent", ""))
        problem = await self._lease_problem(alert_id, pid, record.at)
        channel_id = int(record.path.split("/")[4])
        self.posts.append(DmPost(alert_id, match[0], pid, channel_id, record, problem))
        if not self._open.is_set() and pid not in self.hold_openings:
            self.held[pid or 0] += 1
            self.fake.notify()
            await self._open.wait()

    async def _lease_problem(self, alert_id: int, pid: int | None, at: float) -> str | None:
        if pid is None:
            return "a POST from a process without the pid tag"
        async with self.db.read_engine.connect() as conn:
            state, claimed_by, lease_until = (await conn.execute(
                select(Alert.state, Alert.claimed_by, Alert.lease_until).where(Alert.id == alert_id)
            )).one()
        when = datetime.fromtimestamp(at, timezone.utc)
        if state != "sending" or claimed_by != worker_of(pid):
            return f"pid {pid} POSTed alert {alert_id} at {when:%H:%M:%S.%f} while it was {state}, claimed by {claimed_by}"
        if lease_until is None or lease_until < when:
            return f"pid {pid} POSTed alert {alert_id} at {when:%H:%M:%S.%f}, after its lease ended at {lease_until}"
        return None

    # -- what Discord ended up with ------------------------------------------------------------

    def problems(self) -> list[str]:
        return [p.problem for p in self.posts if p.problem]

    def nonces_per_alert(self) -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        for post in self.posts:
            found.setdefault(post.alert_id, set()).add(post.nonce)
        return found

    def posts_per_alert(self) -> Counter[int]:
        return Counter(p.alert_id for p in self.posts)

    def messages_per_alert(self) -> dict[int, list[int]]:
        """Alert id -> the ids of the DMs the member actually got for it."""
        found: dict[int, list[int]] = {}
        for message in self.fake.messages.values():
            match = NONCE.fullmatch(message.nonce or "")
            if message.kind == "dm" and match:
                found.setdefault(int(match[1]), []).append(message.id)
        return found


# -- the outbox ----------------------------------------------------------------------------------

async def seed_alerts(db: Database, members: list[int], *, now: datetime) -> tuple[list[int], int]:
    """One overdue request per member with its alert due (a minute apart, oldest first), and one
    more alert, older than all, of a kind this version does not know (as a newer foibot in a
    rolling deploy would plan). Returns (the deliverable alerts' ids, oldest first; the unknown one)."""
    owners = [members[0], *members]
    async with db.transaction() as session:
        authority = Authority(name="Anytown Council", name_key="anytown council", division="england-and-wales")
        session.add(authority)
        await session.flush()
        await session.exec(insert(Request), params=[  # type: ignore[call-overload]
            {"public_id": f"C{n:07d}", "owner_id": owner, "visibility": "private", "authority_id": authority.id,
             "law": "foia", "title": f"Bin collections {n}", "questions": "", "sent_on": date(2026, 1, 5), "school": False,
             "status": "waiting_response", "deadlines": {"response_due": "2026-02-02"}, "created_at": now, "updated_at": now}
            for n, owner in enumerate(owners)
        ])
        requests = (await session.exec(select(Request.id, Request.owner_id).order_by(Request.id))).all()  # type: ignore[call-overload]
        oldest = now - timedelta(minutes=len(owners) + 10)
        await session.exec(insert(Alert), params=[  # type: ignore[call-overload]
            {"request_id": rid, "user_id": owner, "kind": UNKNOWN_KIND if n == 0 else "response_overdue",
             "deadline_on": date(2026, 2, 2), "deadline_key": "response_due", "fire_at": oldest + timedelta(minutes=n),
             "state": "pending", "attempts": 0, "deliveries": 0, "created_at": now, "updated_at": now}
            for n, (rid, owner) in enumerate(requests)
        ])
        ids = (await session.exec(select(Alert.id).order_by(Alert.fire_at))).scalars().all()  # type: ignore[call-overload]
    return list(ids[1:]), ids[0]


async def states(db: Database) -> Counter[str]:
    async with db.read_engine.connect() as conn:
        rows = (await conn.execute(select(Alert.state, func.count()).group_by(Alert.state))).all()
    return Counter(dict(rows))  # type: ignore[arg-type]


async def claims_of(db: Database, pid: int) -> dict[int, datetime]:
    """The alerts ``pid`` holds (``sending``), with the end of each lease."""
    async with db.read_engine.connect() as conn:
        rows = (await conn.execute(
            select(Alert.id, Alert.lease_until).where(Alert.state == "sending", Alert.claimed_by == worker_of(pid))
        )).all()
    return {row.id: row.lease_until for row in rows}


async def alert_rows(db: Database, ids: list[int] | set[int]) -> dict[int, Alert]:
    async with db.read() as session:
        rows = (await session.exec(select(Alert).where(Alert.id.in_(sorted(ids))))).scalars().all()  # type: ignore[call-overload]
    return {row.id: row for row in rows}


async def transaction_left_open(db: Database) -> bool:
    """Whether some process has a transaction open on the database now: on PostgreSQL a session
    idle inside one, on SQLite the write lock taken."""
    if db.dialect == "postgresql":
        async with db.read_engine.connect() as conn:
            return bool((await conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
            ))).scalar())
    path = make_url(db.url).database
    probe = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()
