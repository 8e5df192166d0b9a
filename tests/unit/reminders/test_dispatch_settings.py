"""The dispatcher's settings: the testing ones (FOIBOT_ALERT_*) that the chaos and end-to-end tests
shorten, and the pace of DMs under Discord's global rate limit."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import timedelta

from bot.config import Settings
from bot.reminders.dispatcher import DispatchSettings, backoff, dispatch_settings, dm_pace, pacer


def test_unset_testing_settings_leave_the_dispatchers_defaults_paced_under_discords_limit() -> None:
    # 50 requests a second, 80% of it for DMs, two requests a DM at most: 20 DMs a second.
    assert dispatch_settings(Settings(_env_file=None)) == replace(DispatchSettings(), dms_per_second=20.0)


def test_the_testing_settings_shorten_the_lease_the_sleep_and_the_first_retry(monkeypatch) -> None:
    monkeypatch.setenv("FOIBOT_ALERT_LEASE_SECONDS", "6")
    monkeypatch.setenv("FOIBOT_ALERT_POLL_SECONDS", "0.5")
    monkeypatch.setenv("FOIBOT_ALERT_BACKOFF_SECONDS", "1")
    chosen = dispatch_settings(Settings(_env_file=None))
    assert (chosen.lease, chosen.poll_interval, chosen.backoff_base) == (timedelta(seconds=6), 0.5, 1.0)
    assert backoff(1, chosen) == 1.0 and backoff(3, chosen) == 4.0
    assert backoff(1, chosen, retry_after=8.0) == 8.0  # never sooner than Discord's retry-after


def test_the_pace_is_shared_between_shard_clusters_by_the_shards_each_runs(monkeypatch) -> None:
    assert dm_pace(50, 1, 1) == 20.0
    assert dm_pace(50, 1, 2) == 10.0 and dm_pace(50, 2, 4) == 10.0  # half the shards, half the pace
    monkeypatch.setenv("SHARD_COUNT", "4")
    monkeypatch.setenv("SHARD_IDS", "3")
    monkeypatch.setenv("DISCORD_GLOBAL_RATE_LIMIT", "1000")  # a bot whose limit Discord raised
    assert dispatch_settings(Settings(_env_file=None)).dms_per_second == 100.0


async def test_the_pacer_lets_no_more_than_about_its_rate_through_in_any_second() -> None:
    for rate in (40.0, 5.0):  # a tenth of a second's bucket; one send's bucket when that is under one
        limiter, times = pacer(rate), []
        began = time.monotonic()

        async def send() -> None:
            await limiter.acquire()
            times.append(time.monotonic() - began)

        await asyncio.gather(*(send() for _ in range(int(rate * 1.5))))
        busiest = max(sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times))
        assert busiest <= rate * 1.1 + 1, (rate, busiest)
        assert times[-1] >= 0.4  # half a second's sends past the first second's worth had to wait
