"""The database work behind each command of bench_load.py's mix, in process, with no Discord:
CPU microseconds per call (the least of several rounds, so other work on a shared machine
counts as little as it can). Prints figures; asserts nothing.

    .venv/bin/python tests/benchmarks/bench_command_reads.py [--backend sqlite|postgres] [--members 200]

Per command: ``/request list`` (list_requests), ``/reminders list`` (alerts.upcoming),
``/draft list`` (list_drafts), and the closed-DMs notice check every command ends with: the
look-up itself (users.take_dm_notice) and as commands run it (users.DmNotices, a set look-up
between reads of the pending set). The members are seeded as in bench_load.py (1-3 requests each, sent in
the last 40 days, so alerts are planned). PostgreSQL reads ``FOIBOT_TEST_DATABASE_URL`` and works
in a throw-away schema. ``time.process_time`` counts every thread of the process (aiosqlite's too).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from bot.clock import utcnow  # noqa: E402
from bot.services import alerts, drafts, users  # noqa: E402
from bot.services.request_list import list_requests  # noqa: E402
from bot.services.requests import NewRequest, Viewer, create_request_in  # noqa: E402
from tests.dbutil import drop_database, fresh_database  # noqa: E402

SHOWN = ("Anytown Council", "Home Office", "NHS England", "Met Police")
ROUNDS, CALLS = 30, 40


async def per_call(call: Callable[[int], Awaitable[object]], members: list[int]) -> float:
    """CPU microseconds per call: the least over ROUNDS rounds of CALLS calls."""
    for member in members[:50]:  # warm: pools, compiled statements
        await call(member)
    best = float("inf")
    for _ in range(ROUNDS):
        began = time.process_time()
        for n in range(CALLS):
            await call(members[n % len(members)])
        best = min(best, (time.process_time() - began) / CALLS)
    return best * 1e6


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(17)
    url = os.environ.get("FOIBOT_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    with tempfile.TemporaryDirectory() as tmp:
        db, schema = await fresh_database(args.backend, Path(tmp), url if args.backend == "postgres" else None, prefix="bench")
        try:
            members = list(range(5000, 5000 + args.members))
            today = utcnow().date()
            for member in members:
                async with db.transaction() as session:
                    await users.update_settings(session, member, now=utcnow(), time_of_day="09:00")
                    for n in range(rng.randint(1, 3)):
                        sent = today.fromordinal(today.toordinal() - rng.randint(1, 40))
                        await create_request_in(session, Viewer(member), NewRequest(rng.choice(SHOWN), f"Spending data {n}", sent))
            notices = users.DmNotices(db)
            calls: dict[str, Callable[[int], Awaitable[object]]] = {
                "/request list": lambda m: list_requests(db, Viewer(m, 9000)),
                "/reminders list": lambda m: alerts.upcoming(db, m, limit=16),
                "/draft list": lambda m: drafts.list_drafts(db, Viewer(m, 9000)),
                "notice check, one look-up": lambda m: users.take_dm_notice(db, m),
                "notice check, as run": notices.take,
            }
            print(f"{args.members} members, {args.backend}: CPU per call, least of {ROUNDS} rounds of {CALLS}")
            for name, call in calls.items():
                print(f"  {name:30s} {await per_call(call, members):7.0f} µs")
        finally:
            await drop_database(db, schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--members", type=int, default=200)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
