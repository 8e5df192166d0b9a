"""EISR: the Environmental Information (Scotland) Regulations 2004 (SSI 2004/520) (https://www.legislation.gov.uk/ssi/2004/520), as one entry.

Every time limit carries the provision that sets it; the drafting rules' citations and the
letters' words for this law are here too. ``python -m bot docs law`` prints the limits for the
documentation (docs/reference/law.md).
"""

from __future__ import annotations

import logging

from bot.law.entries._common import SIC, SIC_GUIDE, SIC_ADDRESS, SIC_FORM, SIC_FORM_NAME
from datetime import date

from bot.law.entry import (
    CalendarKind, ClockRule, Division, FeeRule, Law, LawWords, Period, Regime, ReviewAnchor, TemporaryLimit, Unit,
)

log = logging.getLogger(__name__)

# The Commissioner, 13 March 2020: the EIRs rest on an EU Directive, so the Scottish Parliament could
# not extend their timescales (https://www.itspublicknowledge.info/home/News/20200313.aspx); the 2020
# Act changed FOISA only.
_EISR_CORONAVIRUS = TemporaryLimit(
    first_day=date(2020, 4, 7),
    last_day=date(2020, 5, 26),
    response=None,
    review=None,
    explanation=(
        "The Coronavirus (Scotland) Act 2020 lengthened the FOISA limits from 7 April to 26 May 2020, but not "
        "the EISR ones: the EISR rest on an EU Directive (Scottish Information Commissioner, 13 March 2020: "
        "https://www.itspublicknowledge.info/home/News/20200313.aspx), so their 20 working days stood."
    ),
    citation="Scottish Information Commissioner, 13 March 2020: EISR limits not changed",
)

ENTRY = Regime(
    law=Law.EISR,
    title="Environmental Information (Scotland) Regulations 2004",
    short="EISR",
    regulator=SIC,
    regulator_short="SIC",
    calendar=CalendarKind.SCOTLAND,
    working_day_citation="EISR reg 2(1) (FOISA s.73): not a weekend, Christmas Day or a bank holiday in Scotland",
    response=Period(20, Unit.WORKING_DAYS, "EISR reg 5(2)(a)"),
    response_rule="make the information available by the 20th working day after receipt",
    # EISR reg 7: 40 WD for volume and complexity, told within 20
    extension=Period(40, Unit.WORKING_DAYS, "EISR reg 7"),
    extension_rule="complex and voluminous: up to 40, if told within the first 20",
    # EISR reg 7: the requester must be told within the 20 working days
    extension_late="notified after the 20 working days, so it does not extend the time (EISR reg 7)",
    clarification=ClockRule.RESTART,
    clarification_citation="EISR reg 9(2), 9(4)",
    # EISR reg 8: advance payment pauses the clock (mirrors EIR reg 8)
    fees=FeeRule("EISR reg 8", Period(60, Unit.WORKING_DAYS, "EISR reg 8")),
    fees_start_clock=False,
    school_backstop=None,
    future_publication=("r10(4)(d)", "EISR reg 10(4)(d): material still being completed"),
    no_school_rule=(
        "The Scottish schools' rule (SSI 2016/346, made under FOISA s.10(4) and s.21(6)) varies FOISA only; "
        "it does not apply under the EISR."
    ),
    temporary_limits=(_EISR_CORONAVIRUS,),
    review_name="a review (EISR reg 16)",
    # reg 16: representations within 40 WD; decision within 20 WD (reg 16(4))
    review_window=Period(40, Unit.WORKING_DAYS, "EISR reg 16(2)"),
    review_anchor=ReviewAnchor.RESPONSE_OR_MISSED_DEADLINE,
    review_period=Period(20, Unit.WORKING_DAYS, "EISR reg 16(4)"),
    review_period_max=None,
    # EISR reg 17 applies FOISA Part 4: six months (s.47(4))
    complaint_window=Period(6, Unit.MONTHS, "EISR reg 17; FOISA s.47(4)"),
    complaint_rule="apply to the Scottish Information Commissioner within 6 months of the review outcome",
    # SIC Decision 092/2026 accepted a review answered on the deferred date as in time
    next_working_day_reading="SIC Decision 092/2026 (accepted the next-working-day reading)",
    no_review_outcome=(
        "No review response yet: you may apply to the Scottish Information Commissioner within 6 months "
        "of the end of the review period ({base}, FOISA s.47(4)(b))."
    ),
    environmental=True,
    name_required=False,
    review_before_regulator=True,
    home_division=Division.SCOTLAND,
    exemption_family="eisr",
    # EISR reg 10(4)(b), manifestly unreasonable (no cost limit); reg 10(4)(a), not held
    cost_refusal="r10(4)(b)",
    not_held_exception="r10(4)(a)",
    choice_label="EISR: Environmental Information (Scotland) Regulations 2004",
    drafting={
        "valid_guide": "Scottish Information Commissioner, 'How do I ask for information?' (give your real name)",
        "personal_guide": "Scottish Information Commissioner, guidance on section 38 (personal information)",
        "cost_cite": "EISR reg 10(4)(b)",
        "cost_short": "'manifestly unreasonable' grounds (reg 10(4)(b))",
        "env_title": "Environmental Information (Scotland) Regulations 2004",
        "recorded": "EISR reg 2(1): information in written, visual, aural, electronic or any other material form",
        "advice": "EISR reg 9: advice and assistance",
        "advice_section": "regulation 9",
        "format": "EISR reg 6(1): a particular form or format",
        "format_section": "regulation 6",
        "cost": (
            "refusal as manifestly unreasonable (EISR reg 10(4)(b): the EISR have no cost limit, but a request "
            "whose burden is grossly out of proportion can be refused)"
        ),
        "clarify": "EISR reg 9(2) and reg 10(4)(c): a request formulated in too general a manner",
        "vexatious": "EISR reg 10(4)(b): manifestly unreasonable requests",
        "personal": "EISR reg 11: other people's personal data",
        "own_data": "EISR reg 11(1): your own personal data is not disclosed under the EISR",
        "published": "EISR reg 6(1)(b): information already publicly available and easily accessible",
        "valid": (
            "EISR reg 5(1): the EISR do not require a name, but the authority needs an address to reply to, "
            "and a request that turns out to be FOISA needs both (FOISA s.8(1)(b))"
        ),
        "environmental": "EISR reg 2(1)",
        "regulator": "the Scottish Information Commissioner",
        "guide": SIC_GUIDE,
        "law_name": "the Environmental Information (Scotland) Regulations 2004",
        "request_subject": "Request for environmental information under the Environmental Information (Scotland) Regulations 2004",
        "request_opening": (
            "I am writing to request the following environmental information under the Environmental "
            "Information (Scotland) Regulations 2004."
        ),
        "correspondence": ".",
    },
    words=LawWords(
        review_overdue_note=(
            " The failure to give notice of the review's outcome is itself a matter I ask the Commissioner to "
            "decide (section 47(1)(b) of the Freedom of Information (Scotland) Act 2002)."
        ),
        act="the Environmental Information (Scotland) Regulations 2004",
        act_short="the Regulations",
        duty="regulation 5(1)",
        time_limit="regulation 5(2)(a)",
        duty_text="as soon as possible and in any event no later than 20 working days after the date of receipt",
        response_period="20 working days",
        working_days=True,
        school_variation="",  # the school regulations vary FOIA s.10 only
        school_duty_text="",
        extension="regulation 7",
        extension_limit="even the longest extension it allows, 40 working days, ended on",
        refusal_notice="regulation 13",
        pi_reasons="regulation 13(b)",
        pi_test="regulation 10(1)(b)",
        presumption="regulation 10(2)",
        advice="regulation 9",
        format="regulation 6(1)",
        not_held="regulation 10(4)(a)",
        cost="",
        cost_regs="",
        cost_limit="",
        vexatious="regulation 10(4)(b)",
        harm="substantial prejudice, shown rather than asserted",
        harm_clause="disclosure would, or would be likely to, prejudice substantially the interest it protects",
        exemption_word="exception",
        cost_counts="",
        clarification="regulation 9",
        review="a requirement for review under regulation 16",
        review_basis="regulation 16 of the Regulations",
        review_asked="a review under regulation 16",
        review_provision="regulation 16",
        review_deadline="regulation 16(4)",  # decision within 20 working days
        body="authority",
        review_needs_reason=True,
        complaint=(
            "section 47(1) of the Freedom of Information (Scotland) Act 2002, as applied by regulation "
            "17 of the Environmental Information (Scotland) Regulations 2004"
        ),
        complaint_window="6 months of the review outcome (section 47(4))",
        next_step=(
            "require a review under regulation 16 and, if necessary, apply to the Scottish Information "
            "Commissioner"
        ),
        complaint_standard="the Environmental Information (Scotland) Regulations 2004",
        regulator_address=SIC_ADDRESS,
        regulator_form=SIC_FORM,
        regulator_form_name=SIC_FORM_NAME,
        review_subject="Requirement for review under regulation 16 of the EISR: {title}",
        complaint_subject="Application under section 47 of FOISA (EISR): {authority}, {title}",
        review_opening=(
            "I require {authority} to review its decision on my request for environmental information "
            "\"{title}\", sent on {sent}{answered}. I make these representations under regulation 16 of the "
            "Environmental Information (Scotland) Regulations 2004."
        ),
        review_points="My representations are these.",
        review_closing=(
            "Regulation 16(4) requires you to notify me of your decision as soon as possible and no later than "
            "20 working days after receiving these representations, that is by {deadline}. If I remain "
            "dissatisfied, I may apply to the Scottish Information Commissioner under section 47(1) of the "
            "Freedom of Information (Scotland) Act 2002, as applied by regulation 17."
        ),
        review_reason_provision="regulation 16",
        confidentiality_harm="disclosure would, or would be likely to, prejudice that confidentiality substantially",
        emissions_provision="regulation 10(6)",
    ),
)
