"""The steps the chaos tests are made of (no tests here): real ``python -m bot run`` processes on
one database, the fake Discord watching every alert DM (``harness.DmWatch``), and real signals.

The numbers keep production's proportions at a scale a test can wait for: the lease is 6 s
(production 90 s), discord.py's longest rate-limit wait is scaled with it (30 s to 2 s,
``process_tag``), and the injected 429 is longer than both. The first retry waits 1 s instead of
30 s, but never less than Discord's retry-after.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bot.clock import utcnow
from bot.db import Database
from bot.reminders.dispatcher import DispatchSettings
from tests.chaos.harness import DM_ROUTE, DmWatch, alert_rows, claims_of, seed_alerts, states, transaction_left_open, worker_of
from tests.e2e.bot_process import BotProcess, StartBot
from tests.fakediscord import FakeDiscord

log = logging.getLogger(__name__)

ALERTS = 200
LEASE = 6.0  # seconds
SCALE = LEASE / DispatchSettings().lease.total_seconds()  # discord.py's longest wait scales with it (30 s -> 2 s)
LONG_429 = 8.0  # longer than the lease, and than that wait
RATE_LIMITED = 3  # alerts whose first DM gets the long 429
SLOTS = DispatchSettings().concurrency  # DMs a process has in flight at once
WAIT = 90.0  # generous bound for anything a loaded 2-core machine might take; never an assertion on speed


async def until(predicate: Callable[[], object], what: str, describe: Callable[[], str] = str) -> None:
    """Poll ``predicate`` (a log line, say: nothing notifies) until it holds, within ``WAIT``."""
    began = time.monotonic()
    while not predicate():
        if time.monotonic() - began > WAIT:
            raise AssertionError(f"timed out after {WAIT:.0f} s waiting for {what}\n{describe()}")
        await asyncio.sleep(0.1)


def dispatcher_env(url: str) -> dict[str, str]:
    return {
        "DATABASE_URL": url,
        "FOIBOT_ALERT_LEASE_SECONDS": str(LEASE),
        "FOIBOT_ALERT_POLL_SECONDS": "0.5",
        "FOIBOT_ALERT_BACKOFF_SECONDS": "1",
        "FOIBOT_TEST_TIME_SCALE": str(SCALE),
    }


@dataclass
class Chaos:
    fake: FakeDiscord
    url: str
    db: Database
    watch: DmWatch
    members: list[int] = field(default_factory=list)
    deliverable: list[int] = field(default_factory=list)
    unknown: int = 0
    rate_limited: list[int] = field(default_factory=list)  # alert ids whose first DM gets the long 429
    processes: list[BotProcess] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)  # every process ever started, in order

    @classmethod
    async def begin(cls, fake: FakeDiscord, url: str) -> Chaos:
        db = Database(url)
        await db.upgrade()
        return cls(fake, url, db, DmWatch(fake, db))

    async def close(self) -> None:
        await self.db.dispose()

    # -- processes -------------------------------------------------------------------------------

    async def start(self, bot_process: StartBot, count: int) -> list[BotProcess]:
        """``count`` bot processes on the database, started together and ready."""
        started = await asyncio.gather(*(
            bot_process(env=dispatcher_env(self.url), database_url=self.url, extensions=["tests.chaos.process_tag"], timeout=WAIT)
            for _ in range(count)
        ))
        self.processes += started
        self.pids += [p.proc.pid for p in started]  # type: ignore[union-attr]
        return list(started)

    async def restart(self, process: BotProcess) -> None:
        """Start a process that was killed or stopped again, in the same working directory."""
        assert process.proc is not None
        await process.proc.wait()
        await process.start(timeout=WAIT)
        self.pids.append(process.proc.pid)

    @staticmethod
    def pid(process: BotProcess) -> int:
        assert process.proc is not None
        return process.proc.pid

    # -- the outbox --------------------------------------------------------------------------------

    async def seed(self) -> None:
        """200 members, each with one overdue alert, and one alert of an unknown kind (the
        oldest); three members' first DM gets a 429 longer than the lease."""
        self.members = [self.fake.add_user(f"member{n}", guild=None).id for n in range(ALERTS)]
        self.deliverable, self.unknown = await seed_alerts(self.db, self.members, now=utcnow())
        # In the first batch, right after the DMs its process has in flight when signalled (a
        # batch's DMs start oldest first, SLOTS at a time): so the 429 always reaches a process
        # that holds the lease and lives on, whichever process the batch went to.
        for member in self.members[SLOTS:SLOTS + RATE_LIMITED]:
            channel = self.fake.dm_channel(self.fake.users[member])
            self.fake.fail_next(DM_ROUTE, status=429, retry_after=LONG_429, where={"channel_id": channel.id})
        self.rate_limited = self.deliverable[SLOTS:SLOTS + RATE_LIMITED]
        log.info("seeded %d alerts and one of an unknown kind (%s)", len(self.deliverable), self.unknown)

    async def fill_the_gate(self, processes: list[BotProcess]) -> None:
        """With the gate closed, until each process has all its slots' DMs waiting there."""
        pids = [self.pid(p) for p in processes]
        await self.fake.wait_for(lambda: self.watch.all_holding(pids, SLOTS), timeout=WAIT,
                                 what=f"{SLOTS} DMs in flight from each of {pids} (held: {dict(self.watch.held)})")
        log.info("%s each have %d DMs in flight, held", pids, SLOTS)

    # -- signals -----------------------------------------------------------------------------------

    async def stop_gracefully(self, process: BotProcess) -> asyncio.subprocess.Process:
        """SIGTERM while its DMs are in flight, then let them through: its dispatcher stops having
        recorded those and given back the rest of its claim. Returns the process, to see its exit
        status later (the interpreter's own exit takes seconds on a loaded machine)."""
        assert process.proc is not None
        proc, pid = process.proc, process.proc.pid
        in_flight = self.watch.held_alerts(pid)
        assert len(in_flight) == SLOTS
        proc.send_signal(signal.SIGTERM)
        self.watch.open_gate()
        stopped = f"alert dispatcher {worker_of(pid)} stopped"
        await until(lambda: stopped in process.run_log() or proc.returncode is not None, f"pid {pid}'s dispatcher to stop",
                    process.log_tail)
        assert stopped in process.run_log(), process.log_tail()
        assert await claims_of(self.db, pid) == {}, "a graceful stop left claims behind"
        recorded = await alert_rows(self.db, in_flight)
        assert {a.id: (a.state, a.claimed_by) for a in recorded.values()} == {i: ("sent", worker_of(pid)) for i in in_flight}
        log.info("pid %s stopped gracefully", pid)
        return proc

    async def pause(self, process: BotProcess) -> dict[int, datetime]:
        """SIGSTOP with all its slots' DMs in flight, and outside any transaction (a process frozen
        inside one would hold its locks, which is another test); returns its claims."""
        assert process.proc is not None
        for _ in range(50):
            process.proc.send_signal(signal.SIGSTOP)
            await asyncio.sleep(0.1)  # delivered at once; a statement already sent has been answered
            if await transaction_left_open(self.db):
                process.proc.send_signal(signal.SIGCONT)  # caught mid-transaction (its lease heartbeat): again
                await asyncio.sleep(0.05)
                continue
            claims = await claims_of(self.db, self.pid(process))
            assert claims, "the paused process held nothing"
            log.info("pid %s paused holding %d alerts", self.pid(process), len(claims))
            return claims
        raise AssertionError("could not pause the process outside a transaction in 50 tries")

    async def resume_past_lease(self, process: BotProcess, claims: dict[int, datetime], *, taken_over: bool,
                                late_posts: bool = False) -> float:
        """SIGCONT once every lease it held has ended (read in the database) and, with
        ``taken_over``, another process has taken one of its alerts over. Returns when it was
        resumed (``time.time()``); ``late_posts``: it was frozen between lease checks and POSTs."""
        latest = max(claims.values())
        while datetime.now(timezone.utc) <= latest:
            await asyncio.sleep(0.2)
        began = time.monotonic()
        while taken_over:
            rows = await alert_rows(self.db, set(claims))
            if any(a.claimed_by != worker_of(self.pid(process)) for a in rows.values()):
                break
            if time.monotonic() - began > WAIT:
                raise AssertionError(f"no process took over the paused process's alerts\n{self.fake.describe()}")
            await asyncio.sleep(0.2)
        resumed = time.time()
        process.proc.send_signal(signal.SIGCONT)  # type: ignore[union-attr]
        log.info("pid %s resumed", self.pid(process))
        # Its DMs in flight go on; each of the rest finds its lease gone and is not sent (a POST
        # after its lease anyway is reported by the watch: no need to wait longer then).
        await until(lambda: "lease lost before sending" in process.run_log() or (not late_posts and self.watch.problems()),
                    f"pid {self.pid(process)} to find its leases gone", process.log_tail)
        return resumed

    # -- the end -----------------------------------------------------------------------------------

    async def settled(self) -> None:
        """Until every deliverable alert is recorded sent and the unknown one is held."""
        want = {"sent": len(self.deliverable), "held": 1}
        began = time.monotonic()
        while dict(found := await states(self.db)) != want:
            if time.monotonic() - began > WAIT:
                raise AssertionError(f"alerts by state {dict(found)}, wanted {want}\n{self.fake.describe()}")
            await asyncio.sleep(0.3)
        log.info("every alert recorded: %s", want)

    def kill_the_rest(self) -> None:
        """The survivors are done: killed, not stopped (their shutdown is not the subject here,
        and the interpreter's exit takes seconds on a loaded machine)."""
        for process in self.processes:
            if process.proc is not None and process.returncode is None:
                process.proc.kill()

    def logs(self) -> str:
        return "\n".join(p.log_text() for p in self.processes)
