"""The digest: which period is due, and its text (pure).

A period is named by the local date its digest was due (``2026-03-02``): weekly on the server's
chosen day, or daily, at its time of day in its own time zone. Only the current period is ever
posted, so a bot that was down for a fortnight posts one digest, not three.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

DIGEST_MAX = 2000  # Discord's message limit
SECTIONS = (
    ("overdue", "Overdue"),
    ("due", "Due in the next 7 days"),
    ("answered", "Answered since the last digest"),
    ("review", "Under internal review"),
)


def current_period(rhythm: str, weekday: int, time_of_day: time, zone: ZoneInfo, now: datetime) -> tuple[date, datetime]:
    """(the period's local date, the instant its digest was due): the latest scheduled moment at
    or before ``now``."""
    local_day = now.astimezone(zone).date()
    if rhythm == "daily":
        day = local_day
        step = timedelta(days=1)
    else:
        day = local_day - timedelta(days=(local_day.weekday() - weekday) % 7)
        step = timedelta(days=7)
    moment = datetime.combine(day, time_of_day, tzinfo=zone)
    if moment > now:
        day -= step
        moment = datetime.combine(day, time_of_day, tzinfo=zone)
    return day, moment


def period_length(rhythm: str) -> timedelta:
    return timedelta(days=1 if rhythm == "daily" else 7)


@dataclass(frozen=True)
class DigestItem:
    public_id: str
    title: str
    authority: str
    day: date | None = None  # due (overdue, due) or answered on
    link: str | None = None  # its latest board card


@dataclass(frozen=True)
class DigestContent:
    period: date
    sections: dict[str, list[DigestItem]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(items) for items in self.sections.values())

    @property
    def empty(self) -> bool:
        return self.count == 0


def _as_is(text: str) -> str:
    return text


def digest_text(content: DigestContent, *, stamp: Callable[[date, str], str], clean: Callable[[str], str] = _as_is) -> str:
    """The digest message, at most 2000 characters: lines that do not fit are counted, not cut."""
    lines = [f"**foibot digest** · shared requests, {stamp(content.period, 'D')}"]
    left_out = 0
    for key, heading in SECTIONS:
        items = content.sections.get(key) or []
        if not items:
            continue
        block = [f"**{heading} ({len(items)})**"]
        for item in items:
            when = f" · {stamp(item.day, 'D')}" if item.day else ""
            card = f" · [card]({item.link})" if item.link else ""
            block.append(f"• `{item.public_id}` {clean(item.title)} ({clean(item.authority)}){when}{card}")
        for line in block:
            if sum(len(x) + 1 for x in lines) + len(line) + 80 <= DIGEST_MAX:
                lines.append(line)
            elif line.startswith("•"):
                left_out += 1
    if left_out:
        lines.append(f"…and {left_out} more: `/request list scope: This server` shows them all.")
    return "\n".join(lines)
