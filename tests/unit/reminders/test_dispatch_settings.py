"""The dispatcher's testing settings (FOIBOT_ALERT_*): what the chaos and end-to-end tests shorten."""

from __future__ import annotations

from datetime import timedelta

from bot.config import Settings
from bot.reminders.dispatcher import DispatchSettings, backoff, dispatch_settings


def test_unset_testing_settings_leave_the_dispatchers_defaults() -> None:
    assert dispatch_settings(Settings(_env_file=None)) == DispatchSettings()


def test_the_testing_settings_shorten_the_lease_the_sleep_and_the_first_retry(monkeypatch) -> None:
    monkeypatch.setenv("FOIBOT_ALERT_LEASE_SECONDS", "6")
    monkeypatch.setenv("FOIBOT_ALERT_POLL_SECONDS", "0.5")
    monkeypatch.setenv("FOIBOT_ALERT_BACKOFF_SECONDS", "1")
    chosen = dispatch_settings(Settings(_env_file=None))
    assert (chosen.lease, chosen.poll_interval, chosen.backoff_base) == (timedelta(seconds=6), 0.5, 1.0)
    assert backoff(1, chosen) == 1.0 and backoff(3, chosen) == 4.0
    assert backoff(1, chosen, retry_after=8.0) == 8.0  # never sooner than Discord's retry-after
