"""Load: N members sending a realistic mix of commands at a steady rate through the fake Discord
to one foibot process, or to two shard clusters. Prints figures; asserts nothing.

    .venv/bin/python tests/benchmarks/bench_load.py --members 200 --rate 100 --seconds 20
    .venv/bin/python tests/benchmarks/bench_load.py --members 1000 --processes 2 --backend postgres
    .venv/bin/python tests/benchmarks/bench_load.py --members 200 --rate 100 --profile  # py-spy, if installed

Each member has requests (with events and alerts planned) before the load starts, so the lists
and alerts read real rows. Figures per run: commands sent and answered, commands/s, errors
(no answer in 15 s, a refused callback), p50/p95/p99 from INTERACTION_CREATE to the first
callback and to the deferred answer (the first followup or edit; for a direct answer, the
callback), answers past Discord's 3 s window, CPU seconds and % of one core per bot process,
PostgreSQL's connection count for the run's database, and the alert DMs sent with the requests
the fake refused over Discord's global limit (enforced here at Discord's 50 a second). The seeded
alerts are due, so their DMs go out while the commands come in, as after a restart.

Latencies are timed on this script's event loop, so this script keeps its own collector off while
it measures (``harness_collector_off``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from sqlalchemy.engine import make_url  # noqa: E402

from bot.clock import utcnow  # noqa: E402
from bot.db import Database  # noqa: E402
from bot.services import users  # noqa: E402
from bot.services.requests import NewRequest, Viewer, create_request_in  # noqa: E402
from tests.e2e.bot_process import DISCORD_ENDPOINTS, FAKE_TOKEN, BotProcess, clean_env  # noqa: E402
from tests.fakediscord import FakeDiscord, FakeUser  # noqa: E402
from tests.fakediscord.gateway import shard_of  # noqa: E402
from tests.fakediscord.interactions import InteractionRecord  # noqa: E402

log = logging.getLogger(__name__)

# (weight, command, options): what members do most, from the command reference.
MIX = (
    (30, "request list", {}),
    (25, "reminders list", {}),
    (15, "help", {}),
    (15, "deadline", {"received": "1/10/2026", "law": "FOIA: Freedom of Information Act 2000 (England, Wales, NI, UK bodies)"}),
    (15, "draft list", {}),
)
SHOWN = ("Anytown Council", "Home Office", "NHS England", "Met Police")
GUILDS = 8


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu_seconds() -> float:
    """CPU of every PostgreSQL process on this machine, with what its exited backends used
    (the server's children's times are counted in its own when they end)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, fields = stat.read_text().rsplit(")", 1)
        except OSError:  # gone meanwhile
            continue
        if head.endswith("(postgres"):
            values = fields.split()
            total += sum(int(v) for v in values[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


async def make_database(backend: str, root: Path) -> tuple[str, str | None]:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{root / 'foibot.db'}", None
    base = make_url(os.environ.get("FOIBOT_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"))
    name = f"foibot_bench_{uuid.uuid4().hex[:8]}"
    admin = Database(base.render_as_string(hide_password=False))
    async with admin.engine.connect() as conn:
        await (await conn.execution_options(isolation_level="AUTOCOMMIT")).exec_driver_sql(f'CREATE DATABASE "{name}"')
    await admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False), name


async def drop_database(url: str, name: str | None) -> None:
    if name is None:
        return
    admin = Database(make_url(url).set(database="postgres").render_as_string(hide_password=False))
    async with admin.engine.connect() as conn:
        await (await conn.execution_options(isolation_level="AUTOCOMMIT")).exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.dispose()


async def connections(url: str, name: str | None) -> str:
    if name is None:
        return "n/a (SQLite)"
    db = Database(url)
    try:
        async with db.engine.connect() as conn:
            count = (await conn.exec_driver_sql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{name}'")).scalar()
        return str(int(count or 0) - 1)  # not counting this one
    finally:
        await db.dispose()


async def seed(url: str, members: list[FakeUser], rng: random.Random) -> None:
    """1-3 requests per member (sent in the last 40 days, so some overdue and alerts planned)."""
    db = Database(url)
    try:
        await db.upgrade()
        today = utcnow().date()
        for member in members:
            async with db.transaction() as session:
                await users.update_settings(session, member.id, now=utcnow(), time_of_day="09:00")
                for n in range(rng.randint(1, 3)):
                    sent = today.fromordinal(today.toordinal() - rng.randint(1, 40))
                    await create_request_in(session, Viewer(member.id), NewRequest(rng.choice(SHOWN), f"Spending data {n}", sent))
    finally:
        await db.dispose()


def world(fake: FakeDiscord, count: int) -> list[FakeUser]:
    while len(fake.guilds) < GUILDS:
        fake.add_guild(f"Server {len(fake.guilds)}", owner=fake.owner, shard=(len(fake.guilds) % 2, 2))
    guilds = list(fake.guilds.values())
    members = []
    for i in range(count):
        member = fake.add_user(f"m{i}", guild=None)
        fake.add_member(guilds[i % GUILDS], member)
        members.append(member)
    return members


async def drive(fake: FakeDiscord, members: list[FakeUser], rate: float, seconds: float, rng: random.Random) -> list[InteractionRecord | Exception]:
    commands = [(name, options) for weight, name, options in MIX for _ in range(weight)]
    results: list[InteractionRecord | Exception] = []
    tasks: list[asyncio.Task[None]] = []

    async def one(member: FakeUser) -> None:
        name, options = rng.choice(commands)
        guild = next(g for g in fake.guilds.values() if member.id in g.members)
        try:
            ix = await fake.slash(name, options, user=member, guild=guild if rng.random() > 0.1 else False, timeout=15)
            await ix.reply(timeout=15)
            results.append(ix)
        except Exception as exc:  # noqa: BLE001 (a figure, not a failure)
            results.append(exc)

    began = time.perf_counter()
    sent = 0
    while (elapsed := time.perf_counter() - began) < seconds:
        due = int(elapsed * rate) + 1
        while sent < due:
            tasks.append(asyncio.create_task(one(rng.choice(members))))
            sent += 1
        await asyncio.sleep(max(0.0, (sent / rate) - (time.perf_counter() - began)))
    await asyncio.gather(*tasks)
    return results


@contextlib.contextmanager
def harness_collector_off() -> Iterator[None]:
    """No automatic garbage collection in this script while it measures. Every latency is timed on
    this script's event loop, so its own pauses count against the bot: with the collector on, the
    full collections of the records the run keeps took 142-232 ms here and lined up with every
    latency spike of a 300/s run (3 December). The bot's own collector is left as it is."""
    gc.collect()
    gc.freeze()  # what setup made (the members, the seeded world) is not walked again
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def report(label: str, results: list[InteractionRecord | Exception], seconds: float) -> None:
    done = [r for r in results if isinstance(r, InteractionRecord) and r.callback is not None]
    errors = len(results) - len(done)
    first = [ix.callback.latency * 1000 for ix in done if ix.callback]
    deferred = [(ix.answer_latency if ix.callback and ix.callback.deferred and ix.answer_latency else ix.callback.latency) * 1000
                for ix in done if ix.callback]
    late = sum(1 for ix in done if ix.callback and ix.callback.latency > 3.0)
    print(f"{label}: {len(results)} sent, {len(done)} answered, {len(done) / seconds:.1f} commands/s, errors {errors}, "
          f"past 3 s {late}")
    print(f"  first callback  p50 {percentile(first, .5):7.1f} ms  p95 {percentile(first, .95):7.1f} ms  p99 {percentile(first, .99):7.1f} ms")
    print(f"  deferred answer p50 {percentile(deferred, .5):7.1f} ms  p95 {percentile(deferred, .95):7.1f} ms  p99 {percentile(deferred, .99):7.1f} ms")


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(17)
    root = Path(tempfile.mkdtemp(prefix="foibot-load-"))
    url, dbname = await make_database(args.backend, root)
    fake = FakeDiscord(env_names=DISCORD_ENDPOINTS, default_timeout=30)
    fake.global_rate_limit = 50  # Discord's, per token: the seeded alerts' DMs go out under it
    await fake.start()
    bots: list[BotProcess] = []
    profiler: subprocess.Popen[bytes] | None = None
    try:
        members = world(fake, args.members)
        began = time.perf_counter()
        await seed(url, members, rng)
        print(f"seeded {args.members} members' requests in {time.perf_counter() - began:.1f} s ({args.backend})")
        for index in range(args.processes):
            settings = dict(DISCORD_TOKEN=FAKE_TOKEN, DATABASE_URL=url, FOIBOT_GUILD_READY_TIMEOUT="0.1",
                            **fake.env())
            settings.update(dict(pair.split("=", 1) for pair in args.bot_env))
            if args.processes > 1:
                settings.update(SHARD_COUNT=str(args.processes), SHARD_IDS=str(index))
            bots.append(BotProcess(fake, root / f"bot{index}", clean_env(root / "home", **settings)))
        for bot in bots:
            await bot.start(timeout=120)
        if args.profile and shutil.which("py-spy") and bots[0].proc:
            out = root / "profile.txt"
            gil = ["--gil"] if args.profile == "gil" else []
            profiler = subprocess.Popen(["py-spy", "record", "--pid", str(bots[0].proc.pid), "--format", "raw", "--output", str(out),
                                         "--threads", *gil, "--duration", str(int(args.seconds))], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await drive(fake, members, min(args.rate, 20), 2, rng)  # warm-up: imports, caches, pools
        cpu_before = [cpu_seconds(b.proc.pid) for b in bots if b.proc]
        database_before = postgres_cpu_seconds()
        harness_before = time.process_time()
        began = time.perf_counter()
        with harness_collector_off():
            results = await drive(fake, members, args.rate, args.seconds, rng)
        took = time.perf_counter() - began
        cpu = [cpu_seconds(b.proc.pid) - before for b, before in zip(bots, cpu_before) if b.proc]
        print(f"--- {args.members} members, {args.rate:.0f} commands/s offered for {args.seconds:.0f} s, "
              f"{args.processes} process(es), {args.backend}")
        report("load", results, took)
        answered = max(1, sum(1 for r in results if isinstance(r, InteractionRecord)))
        for index, seconds in enumerate(cpu):
            print(f"  process {index}: CPU {seconds:.1f} s ({seconds / took * 100:.0f}% of a core), "
                  f"{seconds / answered * 1000 * len(cpu):.1f} ms CPU per command it answered (about)")
        harness = time.process_time() - harness_before
        print(f"  this script (the fake Discord and the members): CPU {harness:.1f} s ({harness / took * 100:.0f}% of a core)")
        database_cpu = postgres_cpu_seconds() - database_before
        print(f"  database connections: {await connections(url, dbname)}"
              + (f"; PostgreSQL's CPU {database_cpu:.1f} s ({database_cpu / took * 100:.0f}% of a core)" if dbname else ""))
        dms = sum(1 for r in fake.requests if r.route == "POST /channels/{channel_id}/messages" and r.status == 200)
        print(f"  alert DMs sent during the run and warm-up: {dms}; requests over Discord's global limit: {len(fake.globally_limited)}")
        by_shard = {s: sum(1 for r in results if isinstance(r, InteractionRecord) and r.shard and r.shard[0] == s)
                    for s in range(args.processes)}
        print(f"  by shard: {by_shard} (DMs to shard 0; servers by (guild_id >> 22) % {args.processes}: "
              f"{[shard_of(g, max(1, args.processes)) for g in fake.guilds]})")
        if profiler is not None:
            profiler.wait(timeout=args.seconds + 30)
            print(f"  py-spy profile (raw, collapsed stacks) of process 0: {root / 'profile.txt'}")
    finally:
        for bot in bots:
            await bot.stop()
        await fake.stop()
        await drop_database(url, dbname)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--rate", type=float, default=100.0, help="commands per second offered")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--processes", type=int, default=1, choices=(1, 2))
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--bot-env", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the bot processes (repeatable), e.g. FOIBOT_EXTRA_EXTENSIONS=...")
    parser.add_argument("--profile", nargs="?", const="all", choices=("all", "gil"),
                        help="record process 0 with py-spy (if installed); 'gil': only the thread holding the GIL (where CPU goes)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
