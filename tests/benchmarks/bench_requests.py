"""Benchmark: `/request list` and `/request show` for a member with 500 requests, in a database of
100,000 requests and 1,000,000 events.

    .venv/bin/python tests/benchmarks/bench_requests.py [--backend sqlite|postgres|both]
        [--requests 100000] [--events-per-request 10] [--member-requests 500] [--runs 300]

Times the service calls behind the commands, in process, with no network: ``list_requests`` (the
first page, the member's own and the server's, and one status filter), ``get_request`` (load the
request, its authority and its events, and fold them to a status and deadlines) and
``search_requests`` (autocomplete). Prints p50 and p99 in milliseconds per call; the target is a
p99 under 50 ms on both databases. It also prints each query's plan (SQLite ``EXPLAIN QUERY PLAN``,
PostgreSQL ``EXPLAIN``) so a missing index shows as a scan.

Rows are bulk-loaded with core ``insert()`` executemany (SQLAlchemy's insertmanyvalues batches),
each request's timeline a valid one (sent, acknowledged, clarification, response, review ...,
padded with notes) with its cached status and deadlines from the real fold. PostgreSQL reads
``FOIBOT_TEST_DATABASE_URL`` (default postgresql+asyncpg://postgres@127.0.0.1:5432/test) and works
in a throw-away schema; SQLite in a temporary file. Not collected by pytest; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import event, insert  # noqa: E402

from bot.db import Database  # noqa: E402
from tests.dbutil import drop_database, fresh_database  # noqa: E402
from bot.law import Division, Law, RequestFacts  # noqa: E402
from bot.models import Authority, Event, Request  # noqa: E402
from bot.services import Viewer  # noqa: E402
from bot.services.requests import get_request, list_requests, search_requests  # noqa: E402
from bot.tracking import EventKind, TimelineEvent, fold  # noqa: E402

log = logging.getLogger(__name__)

UTC = timezone.utc
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PG_DEFAULT = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
MEMBER = Viewer(user_id=1, guild_id=10)
CHUNK_REQUESTS = 2_000  # requests per batch (and their events)
AUTHORITIES = 1_000
OTHER_USERS = 20_000
GUILDS = 50
K = EventKind

# Valid timelines: (kind, days after sent, details); each is padded with notes to the wanted length.
PATTERNS: list[list[tuple[EventKind, int, dict[str, Any]]]] = [
    [(K.SENT, 0, {}), (K.ACKNOWLEDGED, 1, {"reference": "FOI-1"})],
    [(K.SENT, 0, {}), (K.CLARIFICATION_REQUESTED, 3, {"partial": True}), (K.CLARIFICATION_SENT, 5, {})],
    [(K.SENT, 0, {}), (K.ACKNOWLEDGED, 1, {}), (K.RESPONSE, 20, {"outcome": "partially_successful", "exemptions": ["s40(2)"]})],
    [(K.SENT, 0, {}), (K.RESPONSE, 15, {"outcome": "refused", "exemptions": ["s43"]}), (K.REVIEW_REQUESTED, 20, {})],
    [(K.SENT, 0, {}), (K.RESPONSE, 15, {"outcome": "not_held"}), (K.REVIEW_REQUESTED, 20, {}), (K.REVIEW_RESPONSE, 45, {})],
    [(K.SENT, 0, {}), (K.EXTENSION, 18, {"new_date": None})],
]


def timeline(pattern: int, sent: date, length: int) -> list[tuple[EventKind, date, dict[str, Any], str | None]]:
    steps = []
    for kind, offset, details in PATTERNS[pattern]:
        if kind is K.EXTENSION:
            details = {"new_date": (sent + timedelta(days=offset + 20)).isoformat()}
        steps.append((kind, sent + timedelta(days=offset), details, None))
    last = steps[-1][1]
    while len(steps) < length:
        steps.append((K.NOTE, last, {}, f"note {len(steps)}"))
    return steps


@lru_cache(maxsize=None)
def folded(pattern: int, sent: date, length: int) -> tuple[str, date | None, str | None, dict[str, str]]:
    events = [TimelineEvent(k, on, d, n, i) for i, (k, on, d, n) in enumerate(timeline(pattern, sent, length))]
    result = fold(RequestFacts(law=Law.FOIA, division=Division.ENGLAND_AND_WALES), events, TODAY)
    return result.status.value, result.next_deadline, result.next_deadline_key, result.deadlines_json()


def public_id(n: int) -> str:
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    out = []
    for _ in range(5):
        n, r = divmod(n, 32)
        out.append(alphabet[r])
    return "".join(out)


async def build(db: Database, requests: int, per_request: int, member_requests: int) -> list[str]:
    """Fill the database; returns the member's public ids."""
    rng = random.Random(20260601)
    started = time.perf_counter()
    async with db.engine.begin() as conn:
        await conn.execute(insert(Authority), [
            {"id": i, "name": f"Authority {i}", "name_key": f"authority {i}", "division": "england-and-wales",
             "default_law": "foia", "created_at": NOW} for i in range(1, AUTHORITIES + 1)
        ])
    # Spread the member's requests evenly through the table (ids), as a real member's would be.
    member_ids = set(rng.sample(range(1, requests + 1), member_requests))
    member_public: list[str] = []
    event_id = 0
    for start in range(1, requests + 1, CHUNK_REQUESTS):
        request_rows, event_rows = [], []
        for rid in range(start, min(start + CHUNK_REQUESTS, requests + 1)):
            mine = rid in member_ids
            sent = TODAY - timedelta(days=rng.randrange(5, 900))
            pattern = rng.randrange(len(PATTERNS))
            status, next_deadline, next_key, deadlines = folded(pattern, sent, per_request)
            pid = public_id(rid)  # unique: the request's number in base 32 (the lookup costs the same)
            if mine:
                member_public.append(pid)
            guild = MEMBER.guild_id if mine or rng.random() < 0.02 else rng.randrange(11, 11 + GUILDS)
            request_rows.append({
                "id": rid, "public_id": pid, "owner_id": MEMBER.user_id if mine else rng.randrange(2, OTHER_USERS),
                "guild_id": guild, "visibility": "server" if rng.random() < 0.3 else "private",
                "authority_id": rng.randrange(1, AUTHORITIES + 1), "law": "foia",
                "title": f"Request {rid} about {rng.choice(['bins', 'schools', 'roads', 'caseworkers', 'budgets'])}",
                "questions": "1. How many?", "sent_on": sent, "school": False, "status": status,
                "next_deadline": next_deadline, "next_deadline_key": next_key, "deadlines": deadlines,
                "created_at": NOW, "updated_at": NOW,
            })
            for kind, on, details, note in timeline(pattern, sent, per_request):
                event_id += 1
                event_rows.append({"id": event_id, "request_id": rid, "kind": kind.value, "occurred_on": on,
                                   "recorded_at": NOW, "actor_id": None, "note": note, "data": details})
        async with db.engine.begin() as conn:
            await conn.execute(insert(Request), request_rows)
            await conn.execute(insert(Event), event_rows)
    async with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            for table in ("authorities", "requests", "events"):
                await conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            await conn.exec_driver_sql("ANALYZE")
        else:
            await conn.exec_driver_sql("ANALYZE")
    print(f"  built {requests:,} requests and {event_id:,} events in {time.perf_counter() - started:.1f} s")
    return member_public


class Captured:
    """The SQL statements a call runs, to show their plans."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, parameters))


async def plans(db: Database, call: Callable[[], Awaitable[Any]]) -> list[str]:
    captured = Captured()
    event.listen(db.engine.sync_engine, "before_cursor_execute", captured)
    try:
        await call()
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", captured)
    out = []
    async with db.engine.connect() as conn:
        for statement, parameters in captured.statements:
            prefix = "EXPLAIN QUERY PLAN " if db.dialect == "sqlite" else "EXPLAIN "
            rows = (await conn.exec_driver_sql(prefix + statement, parameters)).all()
            plan = [str(r[-1]) for r in rows]
            out.append(" | ".join(p.strip() for p in plan))
    return out


async def timed(call: Callable[[], Awaitable[Any]], runs: int) -> tuple[float, float]:
    for _ in range(max(5, runs // 20)):  # warm caches and the connection pool
        await call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


async def run_backend(backend: str, args: argparse.Namespace) -> list[tuple[str, str, float, float]]:
    print(f"\n== {backend} ==")
    directory = Path(tempfile.mkdtemp(prefix="foibot-bench-"))
    db, schema = await fresh_database(backend, directory, os.environ.get("FOIBOT_TEST_DATABASE_URL", PG_DEFAULT),
                                      migrate=False, prefix="bench")
    results = []
    try:
        await db.upgrade()
        member = await build(db, args.requests, args.events_per_request, args.member_requests)
        rng = random.Random(7)
        calls: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
            ("list: mine, first page", lambda: list_requests(db, MEMBER, now=NOW)),
            ("list: this server, first page", lambda: list_requests(db, MEMBER, scope="server", now=NOW)),
            ("list: mine, overdue", lambda: list_requests(db, MEMBER, status="overdue", now=NOW)),
            ("list: mine, very overdue", lambda: list_requests(db, MEMBER, status="very_overdue", now=NOW)),
            ("show: one request", lambda: get_request(db, MEMBER, rng.choice(member), now=NOW)),
            ("autocomplete: 'bins'", lambda: search_requests(db, MEMBER, "bins")),
        ]
        page = await list_requests(db, MEMBER, now=NOW)
        print(f"  the member has {page.total} requests ({page.pages} pages)")
        for name, call in calls:
            p50, p99 = await timed(call, args.runs)
            results.append((backend, name, p50, p99))
            print(f"  {name:32} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   {'ok' if p99 < 50 else 'OVER 50 ms'}")
        if not args.no_plans:
            for name, call in calls:
                print(f"  plan of {name}:")
                for plan in await plans(db, call):
                    print(f"    - {plan[:400]}")
    finally:
        await drop_database(db, schema)
    return results


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--events-per-request", type=int, default=10)
    parser.add_argument("--member-requests", type=int, default=500)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--no-plans", action="store_true", help="do not print the query plans")
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    results = []
    for backend in backends:
        results += await run_backend(backend, args)
    print("\nsummary (target: p99 < 50 ms)")
    for backend, name, p50, p99 in results:
        print(f"  {backend:8} {name:32} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    sys.exit(asyncio.run(main()))
