"""Every deadline a request's dated facts give, each with its date, rule, citation and skipped days.

Pure: no clock, no database, no Discord. The counting rules follow the provisions and guidance cited beside each
rule; the numbers and citations come from ``regimes.REGIMES``.

Readings worth knowing (each also said to the member in ``notes``):

* Day 0 is the day of receipt whatever day it is (ICO LTT47, ICO EIR guidance, WhatDoTheyKnow).
  When receipt fell on a non-working day, ``response_due_next_working_day`` gives the later date
  that the "received on the next working day" reading (some authorities, the 2018 s.45 Code as
  read by FOIMan) gives; letters that accuse lateness should wait for it.
* Clarification restarts the 20 working days (FOIA s.1(3) + s.10(6), FOISA s.10(1)(b), EIR/EISR
  reg 9(4)); clarification of one part leaves the other parts on the first date (the PHSO case).
  For subject access it stops the clock instead (DUAA 2025 s.76 from 5 Feb 2026; the ICO's
  "stop the clock" guidance from October 2020 before that).
* A fees notice pauses the clock (FOIA s.10(2)): see ``_fee_pause``.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.errors import BadInput
from bot.law.calendar import SkippedDay, calendar_for
from bot.law.counting import Pause, add_months, last_day_of_period_beginning_with, long_date
from bot.law.regimes import ClockRule, Division, Period, Unit, regime
from bot.law.report import (
    NON_WORKING_RECEIPT_NOTE,
    Builder,
    Deadline,
    DeadlineKey,
    DeadlineReport,
    ReceiptConvention,
    RequestFacts,
)
from bot.law.reviews import add_complaint_window, add_review_deadlines
from bot.law.variations import (
    add_authority_dates,
    check_extension_notice,
    school_applies,
    school_note,
    temporary_period,
    temporary_words,
)

log = logging.getLogger(__name__)

__all__ = [
    "NON_WORKING_RECEIPT_NOTE",
    "Builder",
    "Deadline",
    "DeadlineKey",
    "DeadlineReport",
    "ReceiptConvention",
    "RequestFacts",
    "check_facts",
    "clarification_pause_days",
    "compute_deadlines",
]


# -- checks ----------------------------------------------------------------------------------

# (earlier fact, later fact, what to say): a later fact dated before an earlier one is a typo.
_ORDER: tuple[tuple[str, str, str], ...] = (
    ("received", "clarification_requested", "the authority cannot ask for clarification before it received the request"),
    ("identity_requested", "identity_received", "the identity evidence cannot arrive before it was asked for"),
    ("received", "identity_requested", "identity evidence cannot be asked for before the request was received"),
    ("received", "extension_notified", "an extension cannot be notified before the request was received"),
    ("received", "promised_by", "the authority's date cannot be before the request was received"),
    ("clarification_requested", "clarification_received", "the clarification cannot arrive before it was asked for"),
    ("received", "fee_notice", "a fees notice cannot come before the request was received"),
    ("fee_notice", "fee_paid", "the fee cannot be paid before the fees notice"),
    ("received", "responded", "the response cannot come before the request was received"),
    ("responded", "review_requested", "a review cannot be asked for before the response"),
    ("received", "review_requested", "a review cannot be asked for before the request was received"),
    ("review_requested", "review_responded", "the review outcome cannot come before the review was asked for"),
)
_FACT_WORDS = {
    "received": "received",
    "clarification_requested": "clarification requested",
    "clarification_received": "clarification received",
    "fee_notice": "fee notice",
    "fee_paid": "fee paid",
    "responded": "responded",
    "review_requested": "review requested",
    "review_responded": "review responded",
    "identity_requested": "identity requested",
    "identity_received": "identity received",
    "extension_notified": "extension notified",
    "promised_by": "promised by",
}


def check_facts(facts: RequestFacts) -> None:
    """Refuse facts that contradict each other, saying which and how to fix it."""
    if facts.clarification_received and not facts.clarification_requested:
        raise BadInput("Give the day clarification was requested as well as the day it was received.")
    if facts.fee_paid and not facts.fee_notice:
        raise BadInput("Give the day of the fees notice as well as the day the fee was paid.")
    if facts.identity_received and not facts.identity_requested:
        raise BadInput("Give the day identity evidence was asked for as well as the day it arrived.")
    if facts.extension_notified and not facts.extended_to:
        raise BadInput("Give the date the authority extended to as well as the day it told you.")
    if facts.earlier_pause_days < 0:
        raise BadInput("The days paused by earlier clarification rounds cannot be negative.")
    for earlier, later, why in _ORDER:
        first, second = getattr(facts, earlier), getattr(facts, later)
        if first and second and second < first:
            raise BadInput(
                f"The dates don't fit: {why} ({_FACT_WORDS[later]} {long_date(second)}, "
                f"{_FACT_WORDS[earlier]} {long_date(first)}). Check both dates."
            )


# -- the response ----------------------------------------------------------------------------


def _fee_pause(b: Builder) -> tuple[tuple[Pause, ...], bool]:
    """The fee pause, and whether the clock can run at all.

    FOIA s.10(2): "the working days in the period beginning with the day on which the fees notice
    is given ... and ending with the day on which the fee is received ... are to be disregarded".
    Read exactly: working days before the notice count; the notice day, the payment day and every
    working day between do not; counting resumes the working day after payment. Unpaid, the clock
    stays stopped and, unpaid within the 3 months beginning with the day of the notice (FOIA s.9(2)),
    the request need not be answered.
    """
    facts, fees = b.facts, b.regime.fees
    if facts.fee_notice is None or fees is None:
        return (), True
    b.cite(fees.citation)
    if facts.fee_paid is None:
        lapses = fees.lapses_after
        if lapses.unit is Unit.WORKING_DAYS:
            last_day = b.calendar.nth_working_day_after(facts.fee_notice, lapses.amount)
            span = f"{lapses.describe()} after the notice"
        else:
            # FOIA s.9(2), FOISA s.9(4): "the period of three months beginning with the day on which
            # the fees notice is given": the notice day is the first day, so 10 Dec -> 9 Mar.
            last_day = last_day_of_period_beginning_with(facts.fee_notice, lapses)
            span = f"the {lapses.describe()} beginning with the day of the notice"
        b.notes.append(
            f"Clock stopped by the fees notice of {long_date(facts.fee_notice)} ({fees.citation}): the count "
            f"resumes the working day after the fee is received. If it is still unpaid at the end of "
            f"{long_date(last_day)} ({span}, {lapses.citation}), the request need not be answered."
        )
        return (), False
    return (Pause(facts.fee_notice, facts.fee_paid),), True


def _working_day_response(b: Builder) -> None:
    facts, r = b.facts, b.regime
    assert facts.received is not None
    received, origin = facts.received, "receipt"
    if facts.clarification_requested and not facts.clarification_partial:
        b.cite(r.clarification_citation)
        if facts.clarification_received is None:
            b.notes.append(
                f"Clock stopped: clarification was requested on {long_date(facts.clarification_requested)}. "
                f"The {r.response.describe()} start again from the day your answer is received "
                f"({r.clarification_citation})."
            )
            return
        received, origin = facts.clarification_received, "the clarification arrived"
        b.notes.append(
            f"The clock restarted when the clarification arrived on {long_date(received)} ({r.clarification_citation})."
        )
    pauses, running = _fee_pause(b)
    if not running:
        return
    b.cite(r.working_day_citation)
    day0 = b.day_zero(received)

    def count_rule(period: Period, what: str) -> tuple[date, list[SkippedDay], str]:
        due, skipped, disregarded = b.count(day0, period, pauses)
        shift = f" (day 0; counted from the next working day, {long_date(day0)})" if day0 != received else " (day 0)"
        paused = ""
        if disregarded:
            paused = (
                f", not counting the {disregarded} working days from the fees notice "
                f"({long_date(pauses[0].first)}) to payment ({long_date(pauses[0].last)})"
            )
        return due, skipped, f"{what}{period.describe()} after {origin} on {long_date(received)}{shift}{paused}"

    due, skipped, rule = count_rule(r.response, "")
    citation = r.response.citation
    temporary = temporary_period(b, received, due, facts.responded, "response")
    if temporary is not None and temporary.response is not None:
        due, skipped, rule = count_rule(temporary.response, temporary_words(temporary.response))
        citation = temporary.response.citation
    b.add(DeadlineKey.RESPONSE_DUE, due, rule, citation, skipped)

    if not b.calendar.is_working_day(received):
        _non_working_receipt(b, received, pauses)
    if facts.clarification_requested and facts.clarification_partial:
        _partial_clarification(b, pauses)
    extended_due = None
    if r.extension is not None:
        extended_due, skipped, rule = count_rule(r.extension, f"If extended ({r.extension_rule}): ")
        b.add(DeadlineKey.RESPONSE_DUE_EXTENDED, extended_due, rule, r.extension.citation, skipped)
    if school_applies(b, received):
        assert r.school is not None
        due, skipped, rule = count_rule(r.school.backstop, f"Backstop for {r.school.who}: ")
        b.add(DeadlineKey.SCHOOL_BACKSTOP, due, rule, r.school.backstop.citation, skipped)
        school_note(b, due)
    if extended_due is not None:
        check_extension_notice(b)  # after the school backstop: notified by it is in time
        _extended_to_note(b, extended_due)
    add_authority_dates(b)


def _non_working_receipt(b: Builder, received: date, pauses: tuple[Pause, ...]) -> None:
    """Receipt on a weekend or bank holiday: give the later reading's date too (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026)."""
    ico_due, _, _ = b.count(received, b.regime.response, pauses)
    what = "If receipt is taken as the next working day"
    later_due = b.later_reading(DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, received, b.regime.response, what, pauses)
    b.notes.append(
        f"{NON_WORKING_RECEIPT_NOTE} ({long_date(received)}). The usual reading (ICO, WhatDoTheyKnow) "
        f"counts that day as day 0, giving "
        f"{long_date(ico_due)}; some authorities treat the request as received on the next working day, "
        f"giving {long_date(later_due)}. Wait for the later date before saying the reply is late."
    )


def _partial_clarification(b: Builder, pauses: tuple[Pause, ...]) -> None:
    facts, r = b.facts, b.regime
    assert facts.clarification_requested is not None
    b.cite(r.clarification_citation)
    if facts.clarification_received is None:
        b.notes.append(
            f"Clarification of one part was requested on {long_date(facts.clarification_requested)}: the other "
            f"parts keep their date; that part is due {r.response.describe()} after your answer arrives."
        )
        return
    arrived = facts.clarification_received
    day0 = b.day_zero(arrived)
    due, skipped, _ = b.count(day0, r.response, pauses)
    b.add(
        DeadlineKey.CLARIFIED_PART_DUE,
        due,
        f"The clarified part: {r.response.describe()} after the clarification arrived on "
        f"{long_date(arrived)}; the other parts keep their own date",
        f"{r.response.citation}; {r.clarification_citation}",
        skipped,
    )
    if day0 == arrived and not b.calendar.is_working_day(arrived):
        # The clarification is that part's date of receipt (FOIA s.10(6)), so its
        # arrival on a non-working day gives the later reading too, as the request's does.
        what = "The clarified part, if the clarification is taken as received on the next working day"
        later = b.later_reading(DeadlineKey.CLARIFIED_PART_DUE_NEXT_WORKING_DAY, arrived, r.response, what, pauses)
        b.notes.append(
            f"The clarification arrived on a non-working day ({long_date(arrived)}). For the clarified part the "
            f"usual reading gives {long_date(due)}; some authorities count from the next working day, giving "
            f"{long_date(later)}. Wait for the later date before saying that part is late."
        )


def _extended_to_note(b: Builder, limit: date) -> None:
    promised = b.facts.extended_to
    if promised is None or not b.extension_counts:
        return
    if promised > limit:
        b.notes.append(
            f"The authority extended to {long_date(promised)}, later than the {b.regime.extension.describe()} "  # type: ignore[union-attr]
            f"limit ({long_date(limit)}, {b.regime.extension.citation})."  # type: ignore[union-attr]
        )
    else:
        b.notes.append(f"The authority extended to {long_date(promised)}, within the limit of {long_date(limit)}.")


def _calendar_month_response(b: Builder) -> None:
    """Subject access: UK GDPR art.12(3) months, the ICO's month-end rule, then the roll.

    The month runs from the day of receipt (working day or not), or from the day the fee is
    received if one is charged. A clarification request stops the clock; the days from asking
    to answering, both included (DPA 2018 s.54(3C) words, mirrored for UK GDPR by DUAA 2025 s.76),
    are added to the month's date before rolling to the next working day of the controller's
    part of the UK.
    """
    facts, r = b.facts, b.regime
    assert facts.received is not None
    start = facts.received
    if facts.identity_requested:
        # UK GDPR art.12A: the month runs from the "relevant time", the latest of receipt of the
        # request, of the identity evidence asked for (art.12(6)) and of any fee; the ICO's guidance
        # said the same before (it counts from receipt of the "fee or other requested information").
        if facts.identity_received is None:
            b.notes.append(
                f"Evidence of identity was asked for on {long_date(facts.identity_requested)}: the month starts on the "
                "day it arrives (UK GDPR art.12A; ICO right of access guidance)."
            )
            return
        start = max(start, facts.identity_received)
        b.notes.append(
            f"The month runs from the day the identity evidence arrived, {long_date(facts.identity_received)} "
            "(UK GDPR art.12A; ICO right of access guidance)."
        )
    if facts.fee_notice and r.fees_start_clock:
        if facts.fee_paid is None:
            b.notes.append("A fee was asked for: the month starts on the day the fee is received (ICO right of access guidance).")
            return
        start = max(start, facts.fee_paid)
        b.notes.append(f"The month runs from the day the fee was received, {long_date(start)} (ICO right of access guidance).")
    # Each round of clarification stops the clock again, so every round's days are added (s.76).
    extra_days = earlier = facts.earlier_pause_days
    if facts.clarification_requested:
        b.cite(r.clarification_citation)
        basis = "DUAA 2025 s.76" if facts.clarification_requested >= DUAA_STOP_THE_CLOCK else "ICO right of access guidance (October 2020)"
        before = f" Earlier rounds of clarification already stopped it for {earlier} days." if earlier else ""
        if facts.clarification_received is None:
            b.notes.append(
                f"Clock stopped on {long_date(facts.clarification_requested)} while you are asked to clarify ({basis}); "
                f"it restarts the day your answer arrives.{before}"
            )
            return
        latest = clarification_pause_days(facts.clarification_requested, facts.clarification_received)
        extra_days += latest
        if earlier:
            b.notes.append(
                f"Clock stopped more than once: {extra_days} days in all, {earlier} in earlier rounds of clarification "
                f"and {latest} from the latest request for clarification to your answer ({basis})."
            )
        else:
            b.notes.append(
                f"Clock stopped for {extra_days} days, from the request for clarification to your answer ({basis})."
            )
    b.cite(r.working_day_citation)
    periods = [(DeadlineKey.RESPONSE_DUE, r.response, "")]
    if r.extension is not None:
        periods.append((DeadlineKey.RESPONSE_DUE_EXTENDED, r.extension, f"If extended ({r.extension_rule}): "))
    for key, period, what in periods:
        corresponding = add_months(start, period.amount) + timedelta(days=extra_days)
        due = b.calendar.next_working_day(corresponding)
        rolled = f", rolled from {long_date(corresponding)} to the next working day" if due != corresponding else ""
        rule = f"{what}{period.describe()} from {long_date(start)}{rolled}"
        b.add(key, due, rule, period.citation, b.calendar.skipped_between(corresponding - timedelta(days=1), due))
    # The words are "one month beginning with the relevant time" (art.12A; DPA 2018 s.54(2)), which
    # read strictly end the day before the corresponding date; the ICO counts to the corresponding
    # date (3 September -> 3 October), and foibot follows the regulator (the later, fairer date).
    b.note(
        "UK GDPR art.12A says one month beginning with the day the clock starts; foibot follows the ICO's guidance, "
        "which counts to the corresponding date in the next month (received 3 September, due 3 October): "
        "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/"
        "what-should-we-consider-when-responding-to-a-request/"
    )
    if r.extension is not None and DeadlineKey.RESPONSE_DUE_EXTENDED in b.deadlines:
        check_extension_notice(b)
        _extended_to_note(b, b.deadlines[DeadlineKey.RESPONSE_DUE_EXTENDED].due)
    add_authority_dates(b)
    if facts.school:
        b.note(r.no_school_rule)


# DUAA 2025 s.76 in force 5 February 2026 (SI 2026/82 reg 2(h)): statutory stop-the-clock.
DUAA_STOP_THE_CLOCK = date(2026, 2, 5)


def clarification_pause_days(asked: date, answered: date) -> int:
    """Days a subject access clock stands still for one round of clarification: from asking to the
    answer, both included (DPA 2018 s.54(3C) words, mirrored for UK GDPR by DUAA 2025 s.76)."""
    return (answered - asked).days + 1


def compute_deadlines(facts: RequestFacts, convention: ReceiptConvention = ReceiptConvention.ICO) -> DeadlineReport:
    """Every deadline that ``facts`` give, with rules, citations, skipped days and caveats."""
    check_facts(facts)
    r = regime(facts.law)
    b = Builder(facts, ReceiptConvention(convention), r, calendar_for(r.law, Division(facts.division)))
    if facts.received is not None:
        if r.response.unit is Unit.WORKING_DAYS:
            _working_day_response(b)
        else:
            _calendar_month_response(b)
    add_review_deadlines(b)
    add_complaint_window(b)
    if r.clarification is ClockRule.RESTART and facts.clarification_requested and facts.received is None:
        b.notes.append("Give the day the request was received to count from the clarification.")
    return b.report()
