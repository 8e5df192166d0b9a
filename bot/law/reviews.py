"""After the response: the window to ask for a review, the review's own deadline, the regulator.

* FOIA: internal review is not statutory; the s.45 Code of Practice (2018) and the ICO say ask
  within 40 working days of the response, and the authority should answer within 20 working
  days, 40 at most. The ICO asks for complaints within 6 weeks of the last meaningful contact.
* EIR reg 11: representations within 40 working days of the failure (the response, or the missed
  deadline when none came: after a valid reg 7 extension, the extended deadline); the decision
  within 40 working days.
* FOISA s.20(5): a requirement for review within 40 working days after the 20 working days for
  the response expired, or, when the response came late, after it arrived; so for an on-time
  response the window runs from the end of the 20 days, not from the response. s.21(1): answered
  within 20 working days. s.47(4): apply to the SIC within 6 months of the review notice, or of
  the review period expiring without one. EISR regs 16-17 follow the same pattern.
* Subject access has no statutory review: the ICO takes complaints within 3 months of the last
  contact with the organisation.

A request for review that arrives on a non-working day gets a second date too,
``review_due_next_working_day``: the reading that treats it as received on the next working day
(SIC Decision 092/2026 accepted a review answered on that later date). Letters that
accuse the review of lateness wait for it, as they do for the response (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026).
"""

from __future__ import annotations

import logging
from datetime import date

from bot.law.counting import add_calendar_period, long_date, sentence
from bot.law.regimes import Period, ReviewAnchor
from bot.law.report import Builder, DeadlineKey
from bot.law.variations import school_applies, temporary_period, temporary_words

log = logging.getLogger(__name__)


def _review_anchor(b: Builder) -> tuple[date | None, str]:
    """The day the review window counts from, and how to say it."""
    facts, r = b.facts, b.regime
    response_due = b.deadlines.get(DeadlineKey.RESPONSE_DUE)
    if facts.responded is not None:
        said = f"of the response on {long_date(facts.responded)}"
        if r.review_anchor is ReviewAnchor.LATER_OF_RESPONSE_AND_DEADLINE:
            if response_due is None:
                b.notes.append(
                    f"{r.review_window.citation}: after an on-time response the review window runs from the end of the "
                    "20 working days, which is later; give the day the request was received for the exact date."
                )
            elif facts.responded <= response_due.due:
                return response_due.due, (
                    f"after the {r.response.describe()} for the response ended on {long_date(response_due.due)} "
                    f"(the response, on {long_date(facts.responded)}, was on time)"
                )
            else:
                return facts.responded, f"of receiving the late response on {long_date(facts.responded)}"
        return facts.responded, said
    if r.review_anchor is ReviewAnchor.RESPONSE or response_due is None:
        return None, ""
    extended = b.deadlines.get(DeadlineKey.RESPONSE_DUE_EXTENDED)
    if facts.extended_to is not None and extended is not None and b.extension_counts:
        # EIR reg 11(2), EISR reg 16(2): the window runs from the failure to comply; after a valid
        # reg 7 extension there is no failure until the extended period ends. A notice given after
        # the first period extends nothing, so the window runs from the first deadline
        # (variations.check_extension_notice).
        return extended.due, f"of the missed extended deadline, {long_date(extended.due)}, if no response arrives"
    return response_due.due, f"of the missed deadline, {long_date(response_due.due)}, if no response arrives"


def add_review_deadlines(b: Builder) -> None:
    facts, r = b.facts, b.regime
    if r.review_window is None:
        if facts.responded or facts.review_requested or facts.review_responded:
            b.notes.append(r.no_review_note)
        return
    anchor, said = _review_anchor(b)
    window_due = None
    if anchor is not None:
        window_due = b.calendar.nth_working_day_after(anchor, r.review_window.amount)
        b.cite(r.working_day_citation)
        b.add(
            DeadlineKey.REVIEW_REQUEST_BY,
            window_due,
            f"Ask for {r.review_name} within {r.review_window.describe()} {said}",
            r.review_window.citation,
            b.calendar.skipped_between(anchor, window_due),
        )
    if facts.review_requested is None:
        if facts.responded is None and facts.received is not None and r.no_response_route:
            b.notes.append(r.no_response_route)
        return
    b.cite(r.working_day_citation)
    day0 = b.day_zero(facts.review_requested)
    shift = f" (counted from the next working day, {long_date(day0)})" if day0 != facts.review_requested else ""
    for key, period, words in (
        (DeadlineKey.REVIEW_DUE, r.review_period, "The review is due"),
        (DeadlineKey.REVIEW_DUE_MAX, r.review_period_max, "At the latest, in exceptional cases, the review is due"),
    ):
        if period is None:
            continue
        due = b.calendar.nth_working_day_after(day0, period.amount)
        citation, lead = period.citation, ""
        if key == DeadlineKey.REVIEW_DUE:
            temporary = temporary_period(b, day0, due, facts.review_responded, "review")
            if temporary is not None and temporary.review is not None:
                period, citation = temporary.review, temporary.review.citation
                lead = temporary_words(period)
                due = b.calendar.nth_working_day_after(day0, period.amount)
        b.add(
            key,
            due,
            f"{lead}{words} {period.describe()} after the authority received your request for it "
            f"on {long_date(facts.review_requested)} (day 0){shift}",
            citation,
            b.calendar.skipped_between(day0, due),
        )
        if key == DeadlineKey.REVIEW_DUE and day0 == facts.review_requested and not b.calendar.is_working_day(day0):
            _review_next_working_day(b, facts.review_requested, period, due)
    school = r.school.review_backstop if r.school is not None else None
    if school is not None and school_applies(b, facts.review_requested):
        # SSI 2016/346 (FOISA s.21(6)): a school's review, like its response, may take until the
        # earlier of the 20th school day or the 60th working day.
        due = b.calendar.nth_working_day_after(day0, school.amount)
        b.add(
            DeadlineKey.REVIEW_SCHOOL_BACKSTOP,
            due,
            f"Backstop for {r.school.who}: {school.describe()} after it received your requirement for review "  # type: ignore[union-attr]
            f"on {long_date(facts.review_requested)} (day 0){shift}",
            school.citation,
            b.calendar.skipped_between(day0, due),
        )
    if window_due is not None and facts.review_requested > window_due:
        b.notes.append(
            f"The review was asked for after the window closed ({long_date(window_due)}); the authority may "
            "decline to review, so say why it was late."
        )


def _review_next_working_day(b: Builder, requested: date, period: Period, ico_due: date) -> None:
    """A request for review received on a non-working day: the later reading's date too.

    SIC Decision 092/2026 accepted a review answered on Mon 24 Nov 2025 for a
    requirement sent on Sun 26 Oct 2025 as in time, which is only so when the requirement counts
    as received on the next working day (letters wait for the later date).
    """
    what = "If your request for review is taken as received on the next working day"
    later = b.later_reading(DeadlineKey.REVIEW_DUE_NEXT_WORKING_DAY, requested, period, what)
    b.notes.append(
        f"Your request for review arrived on a non-working day ({long_date(requested)}). Counting that day as "
        f"day 0 gives {long_date(ico_due)}; some authorities treat it as received on the next working day, "
        f"giving {long_date(later)}. Wait for the later date before saying the review is late."
    )


def add_complaint_window(b: Builder) -> None:
    facts, r = b.facts, b.regime
    window = r.complaint_window
    if r.review_window is None:
        # Subject access: 3 months from the last contact with the organisation (ICO).
        contacts = [d for d in (facts.responded, facts.review_responded) if d is not None]
        if contacts:
            last = max(contacts)
            due = add_calendar_period(last, window)
            b.add(DeadlineKey.COMPLAINT_BY, due, f"{sentence(r.complaint_rule)} (last contact {long_date(last)})", window.citation)
        return
    if facts.review_responded is not None:
        due = add_calendar_period(facts.review_responded, window)
        b.add(
            DeadlineKey.COMPLAINT_BY,
            due,
            f"{sentence(r.complaint_rule)} on {long_date(facts.review_responded)}",
            window.citation,
        )
        return
    base = b.deadlines.get(DeadlineKey.REVIEW_DUE_MAX) or b.deadlines.get(DeadlineKey.REVIEW_DUE)
    if base is None:
        return
    due = add_calendar_period(base.due, window)
    b.add(
        DeadlineKey.COMPLAINT_BY,
        due,
        f"No review outcome yet: {window.describe()} from the end of the review period, {long_date(base.due)}",
        window.citation,
    )
    b.notes.append(r.no_review_outcome.format(base=long_date(base.due)))
