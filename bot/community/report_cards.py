"""An authority's report card from a server's shared requests, and the slowest/fastest ranking (pure).

Working days are counted on the request's own calendar (``WorkingDayCalendar.working_days_between``:
days after receipt up to the answer, FOIA s.10(1) and (6)). An answer is late only when it came
after the due date on every reading (the extended date when extended; the next-working-day
receipt reading), as the alerts judge it.

The ranking leaves out any authority with fewer than ``MIN_SAMPLE`` answered requests and says so:
one late answer must not brand a council the slowest in the land.
"""

from __future__ import annotations

import logging
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

log = logging.getLogger(__name__)

MIN_SAMPLE = 5  # answered requests an authority needs before it is ranked
RANKED = 5  # how many slowest and fastest are shown
LATEST = 5


@dataclass(frozen=True)
class Case:
    """One shared request to the authority, as its report card sees it."""

    public_id: str
    title: str
    sent_on: date
    status_label: str
    answered_on: date | None = None
    working_days: int | None = None  # receipt to answer
    late: bool | None = None  # None: not answered
    refused: bool | None = None
    exemptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportCard:
    authority: str
    requests: int
    answered: int
    median_working_days: float | None
    late_share: float | None  # of answered requests
    refused_share: float | None
    exemptions: tuple[tuple[str, int], ...]  # most cited first
    latest: tuple[Case, ...]
    min_sample: int = MIN_SAMPLE

    @property
    def enough(self) -> bool:
        """Whether there are enough answers to rank the authority."""
        return self.answered >= self.min_sample


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def report_card(authority: str, cases: Iterable[Case], *, min_sample: int = MIN_SAMPLE, latest: int = LATEST) -> ReportCard:
    cases = sorted(cases, key=lambda c: (c.sent_on, c.public_id), reverse=True)
    answered = [c for c in cases if c.answered_on is not None and c.working_days is not None]
    days = [c.working_days for c in answered if c.working_days is not None]
    cited = Counter(e for c in answered for e in dict.fromkeys(c.exemptions))  # once per request
    return ReportCard(
        authority=authority,
        requests=len(cases),
        answered=len(answered),
        median_working_days=statistics.median(days) if days else None,
        late_share=_share(sum(1 for c in answered if c.late), len(answered)),
        refused_share=_share(sum(1 for c in answered if c.refused), len(answered)),
        exemptions=tuple(sorted(cited.items(), key=lambda kv: (-kv[1], kv[0]))[:5]),
        latest=tuple(cases[:latest]),
        min_sample=min_sample,
    )


@dataclass(frozen=True)
class Ranking:
    slowest: tuple[ReportCard, ...]
    fastest: tuple[ReportCard, ...]
    too_few: int  # authorities left out for want of answers
    min_sample: int


def ranking(cards: Iterable[ReportCard], *, min_sample: int = MIN_SAMPLE, shown: int = RANKED) -> Ranking:
    cards = list(cards)
    ranked = [c for c in cards if c.answered >= min_sample and c.median_working_days is not None]
    by_speed = sorted(ranked, key=lambda c: (c.median_working_days, -(c.late_share or 0.0), c.authority))
    slowest = tuple(reversed(by_speed[-shown:]))
    fastest = tuple(by_speed[:shown])
    return Ranking(slowest, fastest, len(cards) - len(ranked), min_sample)


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)}%"
