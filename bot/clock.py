"""The only place that reads the wall clock.

Pure code (law, drafting, letters, the alert planner) never reads the clock: callers pass
``today`` / ``now`` in. Services default to these functions so tests can pass a fixed instant.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def uk_today(now: datetime | None = None) -> date:
    """Today's date in the UK, where the authorities' working days are counted."""
    return (now or utcnow()).astimezone(UK).date()


def now_and_today(now: datetime | None = None) -> tuple[datetime, date]:
    """``now`` (or the current instant) and the UK date it falls on: what services work from."""
    now = now or utcnow()
    return now, uk_today(now)
