"""Timing advice given with every letter: warn, with the dates, instead of sending a wrong letter.

One rule per entry in ``TIMING_RULES``. A warning never stops the letter being written; the
member sees it beside the letter (the CLI prints it to stderr). Sources: the review windows and
regulator routes (a complaint to the Scottish Information Commissioner before a review is refused
outright: ``regulator.before_scottish_review``) (FOIA s.45 Code / ICO; EIR reg 11; FOISA
ss.20, 21, 47; EISR regs 16, 17; ICO data protection complaints).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.law.regimes import Law, laws_where
from bot.law.report import DeadlineKey
from bot.letters import regulator
from bot.letters.grounds import GroundContext
from bot.letters.timeline import day_date
from bot.letters.wording import LetterKind, wording

log = logging.getLogger(__name__)

REVIEW, CHASER, COMPLAINT, CLARIFICATION = LetterKind
# The regulator takes a case only after a review (the SIC: FOISA s.47(1)); or it expects one first (the ICO).
_REVIEW_FIRST = laws_where(lambda r: r.review_before_regulator)
_REVIEW_EXPECTED = laws_where(lambda r: r.has_review and not r.review_before_regulator)
_SUBJECT_ACCESS = laws_where(lambda r: r.subject_access)


@dataclass(frozen=True)
class TimingWarning:
    """Advice about when to send a letter, in plain English, with the dates it rests on."""

    code: str
    message: str
    dates: tuple[date, ...]


Check = Callable[[GroundContext], TimingWarning | None]


@dataclass(frozen=True)
class TimingRule:
    code: str
    kinds: frozenset[LetterKind]
    laws: frozenset[Law]
    check: Check


def _not_yet_due(ctx: GroundContext, code: str, what: str) -> TimingWarning | None:
    """The response is not late yet: say until when, with the reading that gives that date."""
    facts, timeline = ctx.facts, ctx.timeline
    if facts.responded is not None:
        return None
    due = timeline.due
    if due is None:
        notes = " ".join(timeline.report.notes) or "No response deadline is running yet."
        return TimingWarning(code, f"No response deadline is running, so the response is not late yet. {notes}", ())
    if ctx.today > due.due:
        return None
    first = timeline.report.get(DeadlineKey.RESPONSE_DUE)
    reading = ""
    if first is not None and first.due != due.due:
        if due.key == DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY:
            reading = (
                f" The request arrived on a non-working day ({day_date(facts.receipt)}): the ICO counts from that day, "
                f"giving {day_date(first.due)}, but some authorities count from the next working day, giving "
                f"{day_date(due.due)}; foibot waits for the later date."
            )
        elif due.key == DeadlineKey.SCHOOL_BACKSTOP:
            reading = (
                f" A school or academy has until the earlier of the 20th school day or the 60th working day "
                f"({day_date(due.due)}); foibot has no school calendar, so it waits for the 60th."
            )
        elif due.key == DeadlineKey.RESPONSE_DUE_EXTENDED:
            reading = f" The authority extended the time for its response; the extended limit is {day_date(due.due)}."
    dates = tuple(sorted({d for d in (first.due if first else None, due.due) if d is not None}))
    return TimingWarning(
        code,
        f"The response is not late yet: it is due by {day_date(due.due)}.{reading} {what}",
        dates,
    )


def _chaser_after_response(ctx: GroundContext) -> TimingWarning | None:
    responded = ctx.facts.responded
    if responded is None:
        return None
    return TimingWarning(
        "chaser_after_response",
        f"The authority already responded on {day_date(responded)}. A chaser is for a response that has not "
        "arrived; if the response is incomplete or a refusal, ask for a review instead.",
        (responded,),
    )


def _chaser_too_early(ctx: GroundContext) -> TimingWarning | None:
    return _not_yet_due(ctx, "chaser_too_early", "Send the chaser after that date, or the letter accuses the authority of lateness too early.")


def _chaser_review_window(ctx: GroundContext) -> TimingWarning | None:
    """FOISA/EISR: after no response, the route is a requirement for review, within its own window."""
    by = ctx.timeline.get(DeadlineKey.REVIEW_REQUEST_BY)
    if by is None or ctx.facts.responded is not None or not ctx.timeline.late:
        return None
    law = wording(ctx.facts.law)
    if ctx.today > by:
        message = (f"The window to require a review of the failure to respond ({law.short_cite(law.review_provision)}) "
                   f"closed on {day_date(by)}; the authority may refuse a late requirement.")
    else:
        message = (f"If no response comes, require a review ({law.short_cite(law.review_provision)}) by "
                   f"{day_date(by)}: do not let that window pass while waiting for an answer to this chaser.")
    return TimingWarning("chaser_review_window", message, (by,))


def _review_window_closed(ctx: GroundContext) -> TimingWarning | None:
    by = ctx.timeline.get(DeadlineKey.REVIEW_REQUEST_BY)
    if by is None or ctx.today <= by:
        return None
    return TimingWarning(
        "review_window_closed",
        f"The window to ask for a review closed on {day_date(by)} (40 working days). The authority may refuse "
        "to review a late request: say in the letter why it is late.",
        (by,),
    )


def _review_before_due(ctx: GroundContext) -> TimingWarning | None:
    return _not_yet_due(ctx, "review_before_due", "A review of a failure to respond can only be asked for after that date.")


def _complaint_window_closing(ctx: GroundContext) -> TimingWarning | None:
    found = regulator.window_warning(ctx)
    return TimingWarning(*found) if found else None


def _complaint_before_ico_review(ctx: GroundContext) -> TimingWarning | None:
    """ICO: exhaust the internal review first; no outcome after 40 working days is enough."""
    facts = ctx.facts
    if facts.responded is None:
        return _not_yet_due(ctx, "complaint_before_due", "The ICO takes complaints about a missing response once it is late and you have chased it.")
    if facts.review_responded is not None:
        return None
    if facts.review_requested is None:
        by = ctx.timeline.get(DeadlineKey.REVIEW_REQUEST_BY)
        until = f" You can still ask for one until {day_date(by)}." if by and ctx.today <= by else ""
        return TimingWarning(
            "complaint_before_review",
            f"The ICO normally expects you to have asked for an internal review first.{until}",
            (by,) if by else (),
        )
    limit = ctx.timeline.get(DeadlineKey.REVIEW_DUE_MAX) or ctx.timeline.get(DeadlineKey.REVIEW_DUE)
    if limit is not None and ctx.today <= limit:
        return TimingWarning(
            "complaint_before_review",
            f"The review outcome may take until {day_date(limit)} (40 working days). The ICO accepts a complaint "
            "before the outcome only once that time has passed.",
            (limit,),
        )
    return None


def _complaint_sar_before_due(ctx: GroundContext) -> TimingWarning | None:
    if ctx.facts.responded is not None:
        return None
    return _not_yet_due(ctx, "complaint_before_due", "Complain to the organisation, then to the ICO, once it is late.")


def _complaint_window_closed(ctx: GroundContext) -> TimingWarning | None:
    by = ctx.timeline.get(DeadlineKey.COMPLAINT_BY)
    if by is None or ctx.today <= by:
        return None
    law = wording(ctx.facts.law)
    return TimingWarning(
        "complaint_window_closed",
        f"{law.regulator[0].upper()}{law.regulator[1:]} asks for complaints within {law.complaint_window}; that "
        f"ended on {day_date(by)}. It may decline a late complaint: say in the letter why it is late.",
        (by,),
    )


TIMING_RULES: tuple[TimingRule, ...] = (
    TimingRule("chaser_after_response", frozenset({CHASER}), frozenset(Law), _chaser_after_response),
    TimingRule("chaser_too_early", frozenset({CHASER}), frozenset(Law), _chaser_too_early),
    TimingRule("chaser_review_window", frozenset({CHASER}), _REVIEW_FIRST, _chaser_review_window),
    TimingRule("review_before_due", frozenset({REVIEW}), frozenset(Law), _review_before_due),
    TimingRule("review_window_closed", frozenset({REVIEW}), frozenset(Law), _review_window_closed),
    TimingRule("complaint_before_review", frozenset({COMPLAINT}), _REVIEW_EXPECTED, _complaint_before_ico_review),
    TimingRule("complaint_before_due", frozenset({COMPLAINT}), _SUBJECT_ACCESS, _complaint_sar_before_due),
    TimingRule("complaint_window_closing", frozenset({COMPLAINT}), frozenset(Law), _complaint_window_closing),
    TimingRule("complaint_window_closed", frozenset({COMPLAINT}), frozenset(Law), _complaint_window_closed),
)


def timing_warnings(ctx: GroundContext) -> list[TimingWarning]:
    """Every timing warning that applies to this letter today, in table order."""
    out = []
    for rule in TIMING_RULES:
        if ctx.kind in rule.kinds and ctx.facts.law in rule.laws:
            warning = rule.check(ctx)
            if warning is not None:
                out.append(warning)
    return out
