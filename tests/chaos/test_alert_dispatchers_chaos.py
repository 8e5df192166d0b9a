"""Alert dispatchers as real processes under real signals (issue 11): the whole bot, ``python -m
bot run``, four processes on one PostgreSQL database and two on one SQLite file, sending through
real discord.py to the fake Discord, which checks at every DM POST that the process sending it
holds that alert's live lease in the database.

Into 200 due alerts and one of a kind this version does not know, each run brings a SIGKILL
mid-batch (then a restart), a SIGTERM mid-batch, a SIGSTOP past the lease (then SIGCONT) and a
429 longer than the lease. Afterwards every alert reached its member exactly once, the database
recorded the message the member got, each alert went out under one nonce only, no DM was POSTed
by a process that no longer held its lease, the unknown kind was set aside once without holding
up its batch, and the long rate limit came back to the dispatcher to be rescheduled.

Processes are signalled at a known point: the fake holds DM POSTs unanswered (the gate) until each
process has all its slots in flight. On PostgreSQL the paused process is frozen waiting for
Discord's answers; on SQLite it is frozen between its lease checks and its POSTs (the gate holds
its DM-channel openings instead), the window the database cannot close: those POSTs go out after
its lease when it wakes, all under their alert's one nonce, and each member still gets one
message (docs/members/reminders.md says so).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest

from tests.chaos.harness import UNKNOWN_LOGGED, alert_rows
from tests.chaos.scenario import SLOTS, WAIT, Chaos
from tests.e2e.bot_process import StartBot
from tests.fakediscord import FakeDiscord

pytestmark = [pytest.mark.e2e, pytest.mark.chaos]


@dataclass(frozen=True)
class Late:
    """POSTs after the lease that are expected: from ``pid``, for alerts it had claimed, once resumed."""

    pid: int
    claimed: set[int]
    resumed_at: float


def assert_every_alert_reached_its_member_once(chaos: Chaos, sent_ids: dict[int, int | None], late: Late | None) -> None:
    watch = chaos.watch
    if late is None:
        assert watch.problems() == [], "\n".join(watch.problems())
    else:
        posted_late = [p for p in watch.posts if p.problem]
        assert 1 <= len(posted_late) <= SLOTS, "\n".join(watch.problems())
        assert all(p.pid == late.pid and p.alert_id in late.claimed and p.record.at >= late.resumed_at
                   for p in posted_late), "\n".join(watch.problems())
    messages = watch.messages_per_alert()
    twice = {a: m for a, m in messages.items() if len(m) > 1}
    assert not twice, f"alerts that reached their member more than once: {twice}"
    assert set(messages) == set(chaos.deliverable), (
        f"missing: {sorted(set(chaos.deliverable) - set(messages))}, unexpected: {sorted(set(messages) - set(chaos.deliverable))}")
    assert {a: m[0] for a, m in messages.items()} == {a: sent_ids[a] for a in chaos.deliverable}, \
        "the database recorded another message than the one the member got"
    several = {a: n for a, n in watch.nonces_per_alert().items() if len(n) > 1}
    assert not several, f"alerts POSTed under different nonces: {several}"
    # The killed process's DMs in flight were accepted but never recorded: sent again after the
    # lease under the same nonce, and answered with the first message.
    assert any(count > 1 for count in watch.posts_per_alert().values())


def assert_the_unknown_kind_was_set_aside_once(chaos: Chaos, rows: dict) -> None:
    held = rows[chaos.unknown]
    assert (held.state, held.claimed_by, held.attempts) == ("held", None, 0)
    assert "unknown alert kind" in held.last_error
    assert chaos.logs().count(UNKNOWN_LOGGED) == 1
    assert chaos.unknown not in chaos.watch.posts_per_alert()


def assert_the_long_rate_limit_was_rescheduled(chaos: Chaos, rows: dict) -> None:
    logs = chaos.logs()
    for alert_id in chaos.rate_limited:
        statuses = [p.record.status for p in chaos.watch.posts if p.alert_id == alert_id]
        assert statuses[0] == 429 and statuses[-1] == 200, statuses
        # discord.py did not sleep through it inside the claim: the dispatcher was told, and
        # put the alert back until Discord's retry-after.
        assert f"alert {alert_id}: transient failure (rate limited for" in logs
        assert rows[alert_id].attempts >= 2


async def finish(chaos: Chaos, gracefully_stopped: asyncio.subprocess.Process, late: Late | None = None) -> None:
    await chaos.settled()
    assert await asyncio.wait_for(gracefully_stopped.wait(), WAIT) == 0
    chaos.kill_the_rest()
    rows = await alert_rows(chaos.db, [*chaos.deliverable, chaos.unknown])
    assert_every_alert_reached_its_member_once(chaos, {a: rows[a].sent_message_id for a in chaos.deliverable}, late)
    assert_the_unknown_kind_was_set_aside_once(chaos, rows)
    assert_the_long_rate_limit_was_rescheduled(chaos, rows)
    chaos.fake.assert_no_tracebacks()
    assert "failed unexpectedly" not in chaos.logs()


@pytest.mark.postgres
async def test_four_dispatcher_processes_on_postgresql_deliver_every_alert_once_through_kill_term_stop_and_a_long_429(
    postgres_database: str, fake_discord: FakeDiscord, bot_process: StartBot
) -> None:  # the database first, so it outlives the processes at teardown
    chaos = await Chaos.begin(fake_discord, postgres_database)
    try:
        killed, stopped, paused, steady = await chaos.start(bot_process, 4)
        chaos.watch.close_gate()
        await chaos.seed()
        await chaos.fill_the_gate([killed, stopped, paused, steady])

        killed.proc.kill()  # type: ignore[union-attr]
        paused_claims = await chaos.pause(paused)
        terminated = await chaos.stop_gracefully(stopped)  # opens the gate
        await chaos.restart(killed)
        await chaos.resume_past_lease(paused, paused_claims, taken_over=True)
        await finish(chaos, terminated)
    finally:
        await chaos.close()


async def test_two_dispatcher_processes_on_sqlite_deliver_every_alert_once_through_kill_stop_term_and_a_long_429(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path
) -> None:
    chaos = await Chaos.begin(fake_discord, f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}")
    try:
        first, second = await chaos.start(bot_process, 2)
        chaos.watch.close_gate()
        chaos.watch.hold_openings.add(chaos.pid(second))  # its DMs wait between the lease check and the POST
        await chaos.seed()
        await chaos.fill_the_gate([first, second])
        await asyncio.sleep(0.5)  # its other slots check their leases and queue behind the first DM

        # Both with their slots in flight: the first killed, the second paused.
        first.proc.kill()  # type: ignore[union-attr]
        paused_claims = await chaos.pause(second)
        # The first started again takes a batch, and is stopped gracefully with its slots in flight.
        await chaos.restart(first)
        await chaos.fill_the_gate([first])
        terminated = await chaos.stop_gracefully(first)  # opens the gate
        # The second wakes past its lease, POSTs the DMs it had checked, and delivers the rest alone.
        resumed = await chaos.resume_past_lease(second, paused_claims, taken_over=False, late_posts=True)
        await finish(chaos, terminated, Late(chaos.pid(second), set(paused_claims), resumed))
    finally:
        await chaos.close()
