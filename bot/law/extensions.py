"""Whether an extension of the time for response was notified in time to count (pure).

An authority can only extend while the first period is still running (FOIA s.10(3) with s.17(1); EIR reg 7(3); EISR reg 7; UK GDPR art.12(3)):

* EIR reg 7(3), EISR reg 7: the requester must be told of a reg 7 extension within the first 20
  working days.
* FOIA s.10(3) with s.17(1): a public-interest extension rests on a refusal notice that is still
  due within the 20 working days.
* UK GDPR art.12(3): the requester must be told of the two further months within the first month.

A notice sent later does not move the deadline: the response stays due on the first date. The
tracking fold keeps such an event in the timeline (it happened) but does not honour it, and says
why with ``late_extension_note``.

"Within the first period" is read generously, as everywhere foibot might call an authority late:
the latest reading of that period counts (the next-working-day reading when the request arrived on
a non-working day, the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026; for a school, the 60-working-day backstop, SI 2004/3364 reg 3).
"""

from __future__ import annotations

import logging
from datetime import date

from bot.law.counting import long_date
from bot.law.deadlines import Deadline, DeadlineKey, DeadlineReport, RequestFacts, compute_deadlines
from bot.law.regimes import regime

log = logging.getLogger(__name__)

# The readings of the first period; an extension notified by the latest of them is in time.
_FIRST_PERIOD_KEYS = (DeadlineKey.RESPONSE_DUE, DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, DeadlineKey.SCHOOL_BACKSTOP)


def _limit(report: DeadlineReport) -> Deadline | None:
    found = [d for d in (report.get(key) for key in _FIRST_PERIOD_KEYS) if d is not None]
    return max(found, key=lambda d: d.due) if found else None


def extension_notice_limit(facts: RequestFacts) -> Deadline | None:
    """The last day an extension can be notified on, given the facts so far (None: no clock is
    running, e.g. a clarification or a fee is awaited, so no notice can be too late)."""
    return _limit(compute_deadlines(facts))


def late_extension_note(facts: RequestFacts, notified: date, new_date: date) -> str | None:
    """Why an extension notified on ``notified`` does not count, or None when it was in time."""
    r = regime(facts.law)
    if not r.extension_late:
        return None
    report = compute_deadlines(facts)
    limit = _limit(report)
    if limit is None or notified <= limit.due:
        return None
    first = report.get(DeadlineKey.RESPONSE_DUE) or limit
    return (
        f"The extension to {long_date(new_date)} recorded on {long_date(notified)} was {r.extension_late}. "
        f"The response was still due by {long_date(first.due)}."
    )
