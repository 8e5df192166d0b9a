"""Benchmark: the alert outbox with 1,000,000 pending alerts of which 10,000 are due.

    .venv/bin/python tests/benchmarks/bench_alerts.py [--backend sqlite|postgres|both] [--pending 1000000] [--due 10000]

PostgreSQL reads ``FOIBOT_TEST_DATABASE_URL`` (default postgresql+asyncpg://postgres@127.0.0.1:5432/test)
and works in a throw-away schema. For each database it prints:

1. the time to find the due alerts (the dispatcher's scan: ``state='pending' AND fire_at <= now``
   ordered by ``fire_at``, all of them and a first batch of 50) with only the 10,000 due rows
   pending, then with 1,000,000 pending; the ratio must stay under 2 (the scan is an index range
   scan, not a read of the table), and the query plan must name ``ix_alerts_state_fire_at``;
2. claim-and-mark throughput: the real dispatcher (claim with a lease, supersession check, load
   the requests, record "sent") delivering the 10,000 due alerts to a sender that answers at
   once (network excluded); the target is at least 1,000 alerts/s, 20 times Discord's global
   50 requests/s, so Discord stays the only bottleneck.

Rows are bulk-loaded (PostgreSQL ``COPY``, SQLite one executemany per 50,000 rows). Not collected
by pytest; it prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert, select, text  # noqa: E402

from bot.db import Database  # noqa: E402
from tests.dbutil import drop_database, fresh_database  # noqa: E402
from bot.models import Alert, Authority, Request  # noqa: E402
from bot.reminders import claims  # noqa: E402
from bot.reminders.dispatcher import Dispatcher, DispatchSettings, SendResult  # noqa: E402
from bot.reminders.messages import AlertContext  # noqa: E402

log = logging.getLogger(__name__)

UTC = timezone.utc
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
CHUNK = 50_000
PG_DEFAULT = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
BATCH = DispatchSettings().batch_size


class InstantSender:
    """Discord answering at once: what is left is our own work."""

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, context: AlertContext) -> SendResult:
        self.sent += 1
        return SendResult.sent(10**15 + context.alert_id)


# -- loading ---------------------------------------------------------------------------------------

async def load_requests(db: Database, count: int) -> list[int]:
    async with db.transaction() as session:
        authority = Authority(name="Bench Council", name_key="bench council")
        session.add(authority)
        await session.flush()
        for start in range(0, count, CHUNK):
            await session.exec(insert(Request), params=[
                {"public_id": f"B{i:07d}", "owner_id": 10_000 + i % 5_000, "visibility": "private",
                 "authority_id": authority.id, "law": "foia", "title": f"Request {i}", "questions": "",
                 "sent_on": date(2026, 1, 5), "school": False, "status": "waiting_response", "deadlines": {},
                 "created_at": NOW, "updated_at": NOW}
                for i in range(start, min(count, start + CHUNK))
            ])
        return list((await session.exec(select(Request.id).order_by(Request.id))).scalars().all())


def alert_rows(request_ids: list[int], count: int, *, due: bool):  # type: ignore[no-untyped-def]
    """``count`` alerts spread over the requests; due ones one per request (none supersedes another)."""
    n = len(request_ids)
    for i in range(count):
        k = i
        request_id = request_ids[k % n]
        deadline = date(2026, 5, 29) if due else date(2026, 7, 1) + timedelta(days=k // n)
        fire_at = NOW - timedelta(seconds=1 + i % 3600) if due else NOW + timedelta(days=1 + k // n, seconds=i % 3600)
        yield (request_id, 10_000 + request_id % 5_000, "response_overdue" if due else "response_due_soon",
               deadline, "response_due", fire_at, "pending", 0, 0, NOW, NOW)


COLUMNS = ("request_id", "user_id", "kind", "deadline_on", "deadline_key", "fire_at", "state", "attempts", "deliveries",
           "created_at", "updated_at")


async def load_alerts(db: Database, rows, schema: str | None) -> None:  # type: ignore[no-untyped-def]
    batch: list[tuple] = []
    async def flush() -> None:
        if not batch:
            return
        if db.dialect == "postgresql":
            async with db.engine.connect() as conn:
                raw = await conn.get_raw_connection()
                await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
                    "alerts", records=batch, columns=COLUMNS, schema_name=schema)
        else:
            async with db.transaction() as session:
                await session.exec(insert(Alert), params=[dict(zip(COLUMNS, row)) for row in batch])
        batch.clear()

    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            await flush()
    await flush()


async def analyse(db: Database) -> None:
    async with db.engine.begin() as conn:
        await conn.exec_driver_sql("ANALYZE" if db.dialect == "sqlite" else "ANALYZE alerts")


# -- measuring -------------------------------------------------------------------------------------

async def time_scan(db: Database, limit: int | None, runs: int = 15) -> float:
    """Median seconds to fetch the due ids (all of them when ``limit`` is None)."""
    stmt = select(Alert.id).where(Alert.state == "pending", Alert.fire_at <= NOW).order_by(Alert.fire_at)
    if limit is not None:
        stmt = stmt.limit(limit)
    times = []
    async with db.session() as session:
        for _ in range(runs):
            began = time.perf_counter()
            (await session.exec(stmt)).all()
            times.append(time.perf_counter() - began)
    return statistics.median(times)


async def plan(db: Database) -> str:
    """The query plan of the dispatcher's batch scan."""
    stmt = claims.due_ids(NOW, BATCH)
    compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
    sql = str(compiled)
    prefix = "EXPLAIN QUERY PLAN " if db.dialect == "sqlite" else "EXPLAIN "
    async with db.engine.connect() as conn:
        rows = (await conn.exec_driver_sql(prefix + sql)).all()
    return " | ".join(str(row[-1]) for row in rows)


async def bench(backend: str, pending: int, due: int) -> dict[str, float | str]:
    tmp = tempfile.TemporaryDirectory()
    db, schema = await fresh_database(backend, Path(tmp.name), os.environ.get("FOIBOT_TEST_DATABASE_URL", PG_DEFAULT),
                                      migrate=False, prefix="bench")
    results: dict[str, float | str] = {}
    try:
        await db.upgrade()
        began = time.perf_counter()
        request_ids = await load_requests(db, due)
        await load_alerts(db, alert_rows(request_ids, due, due=True), schema)
        await analyse(db)
        results["scan_all_small"] = await time_scan(db, None)
        results["scan_batch_small"] = await time_scan(db, BATCH)
        await load_alerts(db, alert_rows(request_ids, pending - due, due=False), schema)
        await analyse(db)
        results["load_s"] = time.perf_counter() - began
        results["scan_all_large"] = await time_scan(db, None)
        results["scan_batch_large"] = await time_scan(db, BATCH)
        results["plan"] = await plan(db)
        async with db.session() as session:
            counts = (await session.exec(text("SELECT count(*), sum(CASE WHEN fire_at <= :now THEN 1 ELSE 0 END) FROM alerts"),
                                         params={"now": NOW if backend == "postgres" else NOW.replace(tzinfo=None)})).one()
        results["rows"] = f"{counts[0]:,} pending, {counts[1]:,} due"

        sender = InstantSender()
        dispatcher = Dispatcher(db, sender, now=lambda: NOW, settings=DispatchSettings(), worker="bench")
        began = time.perf_counter()
        sent = await dispatcher.run_once()
        elapsed = time.perf_counter() - began
        assert sent == due == sender.sent, (sent, due, sender.sent)
        results["throughput"] = sent / elapsed
        results["dispatch_s"] = elapsed
    finally:
        await drop_database(db, schema)
        tmp.cleanup()
    return results


def report(backend: str, r: dict[str, float | str], pending: int, due: int) -> None:
    ratio_all = float(r["scan_all_large"]) / float(r["scan_all_small"])
    ratio_batch = float(r["scan_batch_large"]) / float(r["scan_batch_small"])
    uses_index = "ix_alerts_state_fire_at" in str(r["plan"])
    print(f"\n== {backend} ({r['rows']}; loaded in {float(r['load_s']):.1f} s)")
    print(f"find all {due:,} due:     {float(r['scan_all_small']) * 1000:8.2f} ms with {due:,} pending, "
          f"{float(r['scan_all_large']) * 1000:8.2f} ms with {pending:,}: ratio {ratio_all:.2f} (target < 2)")
    print(f"find a batch of {BATCH} due: {float(r['scan_batch_small']) * 1000:8.3f} ms with {due:,} pending, "
          f"{float(r['scan_batch_large']) * 1000:8.3f} ms with {pending:,}: ratio {ratio_batch:.2f} (target < 2)")
    print(f"query plan: {r['plan']}")
    print(f"  uses ix_alerts_state_fire_at: {'yes' if uses_index else 'NO'}")
    print(f"claim-and-mark: {due:,} alerts in {float(r['dispatch_s']):.2f} s = {float(r['throughput']):,.0f} alerts/s "
          f"(target >= 1,000; {'met' if float(r['throughput']) >= 1000 else 'NOT met'})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--pending", type=int, default=1_000_000)
    parser.add_argument("--due", type=int, default=10_000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        report(backend, asyncio.run(bench(backend, args.pending, args.due)), args.pending, args.due)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
