"""Rules that vary a count for some requests, read from the regime entries (pure).

* Schools (``Regime.school``): FOIA's maintained schools and academies (SI 2004/3364 reg 3) and
  FOISA's grant-aided and independent special schools (SSI 2016/346, for requests and reviews):
  the earlier of the 20th school day or the 60th working day. foibot has no school calendars,
  so it gives the 60-working-day backstop and says so.
* Limits in force for a while only (``Regime.temporary_limits``): the Coronavirus (Scotland) Act
  2020 gave FOISA 60 working days from 7 April to 26 May 2020.
* When an extension was notified: EIR reg 7(3), EISR reg 7, FOIA s.10(3) with s.17(1) and UK GDPR
  art.12(3)/12A allow an extension only when notified within the first period; a later notice
  does not extend (the ICO's decision FS50633410 turns on one:
  https://beta.bailii.org/uk/cases/UKICO/2016/FS50633410.html).
* The authority's own date: an acknowledgement's "we aim to respond by ..." or an extension to an
  earlier date than the law's ceiling is shown beside the statutory date; a promise later than the
  law allows is pointed out (the law's date is the one that makes a reply late).
"""

from __future__ import annotations

import logging
from datetime import date
from bot.law.counting import long_date
from bot.law.regimes import Period, TemporaryLimit
from bot.law.report import Builder, Deadline, DeadlineKey

log = logging.getLogger(__name__)

# The readings of the first period; an extension notified by the latest of them is in time
# (read generously, as everywhere foibot might call an authority late).
FIRST_PERIOD_KEYS = (DeadlineKey.RESPONSE_DUE, DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, DeadlineKey.SCHOOL_BACKSTOP)


def school_applies(b: Builder, received: date) -> bool:
    """Whether the school variation applies to a request (or review) received on ``received``;
    says why not when the member flagged a school and it does not."""
    rule = b.regime.school
    if not b.facts.school:
        return False
    if rule is None:
        b.note(b.regime.no_school_rule)
        return False
    if rule.applies_from is not None and received < rule.applies_from:
        b.note(
            f"The schools' rule for {b.regime.short} came into force on {long_date(rule.applies_from)} "
            f"({rule.backstop.citation}); this was received before then, so the usual limit applies."
        )
        return False
    return True


def school_note(b: Builder, due: date) -> None:
    assert b.regime.school is not None
    b.note(b.regime.school.explanation.format(due=long_date(due)))


def temporary_period(b: Builder, start: date, usual_due: date, answered: date | None, which: str) -> TemporaryLimit | None:
    """The temporary limit that judges a count from ``start`` (``which``: "response" or "review"),
    or None; explains any limit that was in force while the count ran."""
    for limit in b.regime.temporary_limits:
        if start > limit.last_day:
            continue
        in_window = answered is not None and limit.covers(answered)
        if usual_due < limit.first_day and not in_window:
            continue
        b.note(limit.explanation)
        b.cite(limit.citation)
        if in_window and getattr(limit, which) is not None:
            return limit
    return None


def temporary_words(period: Period) -> str:
    return f"While the Coronavirus (Scotland) Act 2020 was in force, {period.describe()}: "


def first_period_limit(b: Builder) -> Deadline | None:
    found = [d for d in (b.deadlines.get(key) for key in FIRST_PERIOD_KEYS) if d is not None]
    return max(found, key=lambda d: d.due) if found else None


def check_extension_notice(b: Builder) -> None:
    """Decide whether the extension counts: only when notified within the first period."""
    facts, r = b.facts, b.regime
    notified = facts.extension_notified
    if facts.extended_to is None or notified is None or not r.extension_late:
        return
    limit = first_period_limit(b)
    if limit is None or notified <= limit.due:
        if limit is not None:
            b.note(f"The extension was notified on {long_date(notified)}, within the first period (by {long_date(limit.due)}).")
        return
    b.extension_counts = False
    first = b.deadlines.get(DeadlineKey.RESPONSE_DUE) or limit
    b.note(
        f"The extension to {long_date(facts.extended_to)} notified on {long_date(notified)} was {r.extension_late}. "
        f"The response was still due by {long_date(first.due)}."
    )


def add_authority_dates(b: Builder) -> None:
    """The authority's own dates beside the law's: what it promised, and an earlier extended date."""
    facts = b.facts
    limit = first_period_limit(b)
    extended = b.deadlines.get(DeadlineKey.RESPONSE_DUE_EXTENDED)
    ceiling = extended if (extended is not None and facts.extended_to is not None and b.extension_counts) else limit
    if facts.extended_to is not None and b.extension_counts and extended is not None and facts.extended_to < extended.due:
        b.add(
            DeadlineKey.AUTHORITY_EXTENDED_TO,
            facts.extended_to,
            f"The date the authority extended to, earlier than the law's limit of {long_date(extended.due)}",
            "the authority's extension notice",
        )
    promised = facts.promised_by
    if promised is None or ceiling is None:
        return
    if promised > ceiling.due:
        b.note(
            f"The authority said it would respond by {long_date(promised)}: that is later than the law allows "
            f"({long_date(ceiling.due)}, {ceiling.citation}). A promise cannot extend the time: after "
            f"{long_date(ceiling.due)} the reply is late whatever the acknowledgement says."
        )
        return
    b.add(
        DeadlineKey.AUTHORITY_PROMISED,
        promised,
        f"The date the authority itself gave (\u201cwe aim to respond by ...\u201d); the law's date is {long_date(ceiling.due)}",
        "the authority's acknowledgement",
    )
