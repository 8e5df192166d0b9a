"""The five access regimes as data: every time limit, with the citation that sets it.

Adding a regime is one more ``Regime`` entry in ``REGIMES``; ``deadlines.py`` reads only these
fields and never branches on the law's name. Sources are the project fact sheet
(``research/foi-rules.md``) and design part 4; the tag after a citation in a comment says how
sure we are: [V] checked against the source, [K] canonical location, text not checked.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


class Law(enum.StrEnum):
    FOIA = "foia"
    EIR = "eir"
    FOISA = "foisa"
    EISR = "eisr"
    SAR = "sar"


class Division(enum.StrEnum):
    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


DIVISION_NAMES: dict[Division, str] = {
    Division.ENGLAND_AND_WALES: "England and Wales",
    Division.SCOTLAND: "Scotland",
    Division.NORTHERN_IRELAND: "Northern Ireland",
}


class CalendarKind(enum.StrEnum):
    """Whose bank holidays make a day non-working."""

    UK_UNION = "uk-union"  # FOIA s.10(6), EIR reg 2(1): a bank holiday in any part of the UK
    SCOTLAND = "scotland"  # FOISA s.73, EISR reg 2(1): Scottish bank holidays only
    DIVISION = "division"  # SAR: the controller's own part of the UK [I] (fact sheet 4)


class Unit(enum.StrEnum):
    WORKING_DAYS = "working days"
    CALENDAR_DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


@dataclass(frozen=True)
class Period:
    """A time limit and the provision (or guidance) that sets it."""

    amount: int
    unit: Unit
    citation: str

    def describe(self) -> str:
        unit = self.unit.value
        if self.amount == 1:
            unit = unit.removesuffix("s")
        return f"{self.amount} {unit}"


class ClockRule(enum.StrEnum):
    """What asking the requester for clarification does to the clock."""

    RESTART = "restart"  # the period runs again from the day the answer arrives
    PAUSE = "pause"  # the days from asking to answering do not count


class ReviewAnchor(enum.StrEnum):
    """The day the window to ask for a review counts from."""

    RESPONSE = "response"  # FOIA s.45 Code: 40 WD from the response
    RESPONSE_OR_MISSED_DEADLINE = "response-or-missed-deadline"  # EIR reg 11(2), EISR reg 16(2)
    LATER_OF_RESPONSE_AND_DEADLINE = "later-of-response-and-deadline"  # FOISA s.20(5)


@dataclass(frozen=True)
class FeeRule:
    """A fees notice / advance-payment request stops the clock until payment (a pause)."""

    citation: str
    lapses_after: Period  # unpaid after this long from the notice, the request need not be answered


@dataclass(frozen=True)
class Regime:
    law: Law
    title: str
    short: str
    regulator: str
    regulator_short: str
    calendar: CalendarKind
    working_day_citation: str
    response: Period
    response_rule: str
    extension: Period | None  # the total period when extended, counted from the same start
    extension_rule: str
    clarification: ClockRule
    clarification_citation: str
    fees: FeeRule | None
    fees_start_clock: bool  # SAR: the month runs from the day the fee is received
    school_backstop: Period | None
    review_name: str
    review_window: Period | None
    review_anchor: ReviewAnchor | None
    review_period: Period | None
    review_period_max: Period | None
    complaint_window: Period
    complaint_rule: str
    # Who reads receipt on a non-working day as receipt on the next working day (design part 4).
    next_working_day_reading: str = ""
    no_review_outcome: str = ""  # what the regulator accepts when a review goes unanswered
    no_response_route: str = ""  # what to do when the request itself goes unanswered
    no_review_note: str = ""
    # Why an extension notified too late does not move the deadline ("" when there is no extension).
    extension_late: str = ""


ICO = "the Information Commissioner's Office"
SIC = "the Scottish Information Commissioner"
_ICO_COMPLAINTS = "ICO: complain within 6 weeks of the last meaningful contact (ico.org.uk, FOI and EIR complaints)"
_FOIA_CODE = "FOIA s.45 Code of Practice (2018), ICO guidance on internal reviews"

REGIMES: dict[Law, Regime] = {
    Law.FOIA: Regime(
        law=Law.FOIA,
        title="Freedom of Information Act 2000",
        short="FOIA",
        regulator=ICO,
        regulator_short="ICO",
        calendar=CalendarKind.UK_UNION,
        # [V] FOIA s.10(6); ICO line to take LTT47 (St Patrick's Day is non-working for every FOIA body)
        working_day_citation="FOIA s.10(6): not a weekend, Christmas Day, Good Friday or a bank holiday anywhere in the UK",
        # [V] FOIA s.10(1): "not later than the twentieth working day following the date of receipt"
        response=Period(20, Unit.WORKING_DAYS, "FOIA s.10(1)"),
        response_rule="answer promptly and by the 20th working day after receipt",
        # [V] s.10(3) + ICO: refusal notice still due at 20; the public-interest decision by 40 in total
        extension=Period(40, Unit.WORKING_DAYS, "FOIA s.10(3); ICO time-limits guidance (no more than 40 working days in total)"),
        extension_rule="public-interest extension: the refusal notice is still due at 20, the decision by 40",
        # [V] s.10(3) + s.17(1): the refusal notice (with the estimate) must come within the 20 working days
        extension_late=(
            "notified after the 20 working days, so it does not extend the time (FOIA s.10(3) and s.17(1): "
            "the refusal notice that starts a public-interest extension is due within the 20 working days)"
        ),
        # [V] s.1(3) with s.10(6): the date of receipt becomes the day the clarification arrives
        clarification=ClockRule.RESTART,
        clarification_citation="FOIA s.1(3), s.10(6)",
        # [V] s.10(2) working days from notice to payment disregarded; s.9(2) unpaid after 3 months
        fees=FeeRule("FOIA s.9, s.10(2)", Period(3, Unit.MONTHS, "FOIA s.9(2)")),
        fees_start_clock=False,
        # [V] SI 2004/3364 reg 3 (maintained schools), SI 2009/1369 (NI), SI 2010/2768 (academies)
        school_backstop=Period(60, Unit.WORKING_DAYS, "SI 2004/3364 reg 3; SI 2009/1369; SI 2010/2768"),
        review_name="an internal review",
        # [V] ICO: ask within 40 working days of the response; review within 20, at most 40
        review_window=Period(40, Unit.WORKING_DAYS, _FOIA_CODE),
        review_anchor=ReviewAnchor.RESPONSE,
        review_period=Period(20, Unit.WORKING_DAYS, _FOIA_CODE),
        review_period_max=Period(40, Unit.WORKING_DAYS, _FOIA_CODE),
        # [V] ICO FOI complaints pages: within six weeks of the last meaningful contact (s.50)
        complaint_window=Period(6, Unit.WEEKS, f"FOIA s.50; {_ICO_COMPLAINTS}"),
        complaint_rule="complain to the ICO within 6 weeks of the review outcome",
        # [V] FOIMan 2958 on the final 2018 s.45 Code; councils that apply it (Newcastle-under-Lyme)
        next_working_day_reading="2018 s.45 Code of Practice as some authorities apply it (FOIMan; Newcastle-under-Lyme)",
        no_review_outcome=(
            "No review outcome yet: the ICO accepts a complaint when there has been no review outcome after "
            "40 working days ({base}). foibot counts the ICO's 6 weeks from that day, so complain promptly."
        ),
        no_response_route=(
            "If no response arrives, you can complain to the ICO without a review; it asks for evidence "
            "that you chased the authority."
        ),
    ),
    Law.EIR: Regime(
        law=Law.EIR,
        title="Environmental Information Regulations 2004",
        short="EIR",
        regulator=ICO,
        regulator_short="ICO",
        calendar=CalendarKind.UK_UNION,
        # [K] EIR reg 2(1) takes FOIA's working day; [V] councils' EIR pages ("anywhere in the UK")
        working_day_citation="EIR reg 2(1) (FOIA s.10(6)): not a weekend or a bank holiday anywhere in the UK",
        # [V] EIR reg 5(2); ICO: "day 1" is the first working day after receipt
        response=Period(20, Unit.WORKING_DAYS, "EIR reg 5(2)"),
        response_rule="make the information available by the 20th working day after receipt",
        # [V] reg 7(1) complex and voluminous, reg 7(3) notified within the first 20
        extension=Period(40, Unit.WORKING_DAYS, "EIR reg 7(1), 7(3)"),
        extension_rule="complex and voluminous: up to 40, if told within the first 20",
        # [V] reg 7(3): the requester must be told within the first 20 working days
        extension_late="notified after the 20 working days, so it does not extend the time (EIR reg 7(3))",
        # [K] EIR reg 9(4): 20 working days run from the day the further particulars arrive
        clarification=ClockRule.RESTART,
        clarification_citation="EIR reg 9(2), 9(4)",
        # [K] EIR reg 8(5)-(6): advance payment pauses the clock; unpaid after 60 working days
        fees=FeeRule("EIR reg 8(5), 8(6)", Period(60, Unit.WORKING_DAYS, "EIR reg 8(5)")),
        fees_start_clock=False,
        school_backstop=None,  # the school regulations vary FOIA s.10 only
        review_name="reconsideration (EIR reg 11)",
        # [V] reg 11(2) representations within 40 WD; reg 11(4) decision within 40 WD
        review_window=Period(40, Unit.WORKING_DAYS, "EIR reg 11(2)"),
        review_anchor=ReviewAnchor.RESPONSE_OR_MISSED_DEADLINE,
        review_period=Period(40, Unit.WORKING_DAYS, "EIR reg 11(4)"),
        review_period_max=None,
        complaint_window=Period(6, Unit.WEEKS, f"EIR reg 18 (FOIA s.50); {_ICO_COMPLAINTS}"),
        complaint_rule="complain to the ICO within 6 weeks of the reconsideration outcome",
        # [V] FOIMan 2958 on the final 2018 s.45 Code; councils that apply it (Newcastle-under-Lyme)
        next_working_day_reading="2018 s.45 Code of Practice as some authorities apply it (FOIMan; Newcastle-under-Lyme)",
        no_review_outcome=(
            "No reconsideration outcome yet: it was due within 40 working days ({base}, EIR reg 11(4)); the ICO "
            "accepts a complaint after that. foibot counts the ICO's 6 weeks from that day, so complain promptly."
        ),
    ),
    Law.FOISA: Regime(
        law=Law.FOISA,
        title="Freedom of Information (Scotland) Act 2002",
        short="FOISA",
        regulator=SIC,
        regulator_short="SIC",
        calendar=CalendarKind.SCOTLAND,
        # [V] FOISA s.73: Scottish bank holidays only, so Easter Monday is a working day
        working_day_citation="FOISA s.73: not a weekend, Christmas Day or a bank holiday in Scotland",
        response=Period(20, Unit.WORKING_DAYS, "FOISA s.10(1)"),
        response_rule="respond promptly and by the 20th working day after receipt",
        extension=None,  # FOISA has no public-interest or volume extension
        extension_rule="",
        # [V] FOISA s.1(3), s.10(1)(b): 20 working days after receipt of the further information
        clarification=ClockRule.RESTART,
        clarification_citation="FOISA s.1(3), s.10(1)(b)",
        # [V] FOISA s.10(3) fee-notice period disregarded; [K] s.9(4) three months to pay
        fees=FeeRule("FOISA s.9, s.10(3)", Period(3, Unit.MONTHS, "FOISA s.9(4)")),
        fees_start_clock=False,
        school_backstop=None,  # no Scottish school-day variation found (fact sheet 5, not verified)
        review_name="a review (a requirement for review, FOISA s.20)",
        # [V] s.20(5): 40 WD after the 20-WD period expires, or after a late response arrives
        review_window=Period(40, Unit.WORKING_DAYS, "FOISA s.20(5)"),
        review_anchor=ReviewAnchor.LATER_OF_RESPONSE_AND_DEADLINE,
        review_period=Period(20, Unit.WORKING_DAYS, "FOISA s.21(1)"),
        review_period_max=None,
        # [V] s.47(4): six months from the review notice, or from the review period expiring
        complaint_window=Period(6, Unit.MONTHS, "FOISA s.47(4)"),
        complaint_rule="apply to the Scottish Information Commissioner within 6 months of the review outcome",
        # [V] SIC Decision 092/2026 accepted a review answered on the deferred date as in time
        next_working_day_reading="SIC Decision 092/2026 (accepted the next-working-day reading)",
        no_review_outcome=(
            "No review response yet: you may apply to the Scottish Information Commissioner within 6 months "
            "of the end of the review period ({base}, FOISA s.47(4)(b))."
        ),
    ),
    Law.EISR: Regime(
        law=Law.EISR,
        title="Environmental Information (Scotland) Regulations 2004",
        short="EISR",
        regulator=SIC,
        regulator_short="SIC",
        calendar=CalendarKind.SCOTLAND,
        working_day_citation="EISR reg 2(1) (FOISA s.73): not a weekend, Christmas Day or a bank holiday in Scotland",
        response=Period(20, Unit.WORKING_DAYS, "EISR reg 5(2)(a)"),
        response_rule="make the information available by the 20th working day after receipt",
        # [V] EISR reg 7: 40 WD for volume and complexity, told within 20
        extension=Period(40, Unit.WORKING_DAYS, "EISR reg 7"),
        extension_rule="complex and voluminous: up to 40, if told within the first 20",
        # [V] EISR reg 7: the requester must be told within the 20 working days
        extension_late="notified after the 20 working days, so it does not extend the time (EISR reg 7)",
        clarification=ClockRule.RESTART,
        clarification_citation="EISR reg 9(2), 9(4)",
        # [K] EISR reg 8: advance payment pauses the clock (mirrors EIR reg 8)
        fees=FeeRule("EISR reg 8", Period(60, Unit.WORKING_DAYS, "EISR reg 8")),
        fees_start_clock=False,
        school_backstop=None,
        review_name="a review (EISR reg 16)",
        # [V] reg 16: representations within 40 WD; decision within 20 WD ([K] paragraph numbers)
        review_window=Period(40, Unit.WORKING_DAYS, "EISR reg 16(2)"),
        review_anchor=ReviewAnchor.RESPONSE_OR_MISSED_DEADLINE,
        review_period=Period(20, Unit.WORKING_DAYS, "EISR reg 16(4)"),
        review_period_max=None,
        # [V] EISR reg 17 applies FOISA Part 4: six months (s.47(4))
        complaint_window=Period(6, Unit.MONTHS, "EISR reg 17; FOISA s.47(4)"),
        complaint_rule="apply to the Scottish Information Commissioner within 6 months of the review outcome",
        # [V] SIC Decision 092/2026 accepted a review answered on the deferred date as in time
        next_working_day_reading="SIC Decision 092/2026 (accepted the next-working-day reading)",
        no_review_outcome=(
            "No review response yet: you may apply to the Scottish Information Commissioner within 6 months "
            "of the end of the review period ({base}, FOISA s.47(4)(b))."
        ),
    ),
    Law.SAR: Regime(
        law=Law.SAR,
        title="UK GDPR Article 15 (subject access request)",
        short="SAR",
        regulator=ICO,
        regulator_short="ICO",
        calendar=CalendarKind.DIVISION,
        # [V] ICO right of access guidance: a weekend or public holiday rolls to the next working day
        working_day_citation="ICO right of access guidance: a weekend or bank holiday rolls to the next working day",
        # [V] UK GDPR art.12(3); ICO: from the day of receipt to the corresponding date next month
        response=Period(1, Unit.MONTHS, "UK GDPR art.12(3); ICO right of access guidance"),
        response_rule="one calendar month from the day of receipt (no such date: the month's last day)",
        # [V] ICO: "calculate the extension as three months from the original start date"
        extension=Period(3, Unit.MONTHS, "UK GDPR art.12(3); ICO right of access guidance"),
        extension_rule="complex or numerous requests: two further months, if told within the first month",
        # [V] UK GDPR art.12(3): the requester must be told of the extension within one month of receipt
        extension_late=(
            "notified after the first month, so it does not extend the time (UK GDPR art.12(3): the "
            "extension must be notified within one month of receipt)"
        ),
        # [V] ICO right of access guidance (Oct 2020) "stop the clock"; DUAA 2025 s.76 from 5 Feb 2026
        clarification=ClockRule.PAUSE,
        clarification_citation="DUAA 2025 s.76 (from 5 Feb 2026); before then ICO right of access guidance (Oct 2020)",
        fees=None,
        # [V] ICO: the month runs from receipt of the request, the fee or the ID asked for
        fees_start_clock=True,
        school_backstop=None,
        review_name="",
        review_window=None,
        review_anchor=None,
        review_period=None,
        review_period_max=None,
        # [V] ICO data protection complaints: within three months of the last contact
        complaint_window=Period(3, Unit.MONTHS, "ICO data protection complaints: within 3 months of the last contact"),
        complaint_rule="complain to the ICO within 3 months of your last contact with the organisation",
        no_review_note=(
            "Subject access has no statutory internal review: complain to the organisation first, then to "
            "the ICO within 3 months of your last contact with it (from 19 June 2026 organisations must run "
            "a complaints process, DUAA 2025)."
        ),
    ),
}


def regime(law: Law) -> Regime:
    """The regime for ``law`` (a ``Law`` or its value, e.g. ``"foia"``)."""
    return REGIMES[Law(law)]
