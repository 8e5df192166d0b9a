"""EIR: the Environmental Information Regulations 2004 (SI 2004/3391) (https://www.legislation.gov.uk/uksi/2004/3391), as one entry.

Every time limit carries the provision that sets it; the drafting rules' citations and the
letters' words for this law are here too. ``python -m bot docs law`` prints the limits for the
documentation (docs/reference/law.md).
"""

from __future__ import annotations

import logging

from bot.law.entries._common import ICO, ICO_COMPLAINTS, ICO_GUIDE, ICO_ADDRESS, ICO_FOI_FORM, ICO_FOI_FORM_NAME
from bot.law.entry import CalendarKind, ClockRule, FeeRule, Law, LawWords, Period, Regime, ReviewAnchor, Unit

log = logging.getLogger(__name__)

# The EIR have their own Code of Practice, issued under EIR reg 16 (Defra, laid 16 February 2005:
# http://archive.defra.gov.uk/corporate/policy/opengov/eir/cop.htm), not the FOIA s.45 Code.
_EIR_CODE = "EIR Code of Practice under reg 16 (Defra, 2005)"

ENTRY = Regime(
    law=Law.EIR,
    title="Environmental Information Regulations 2004",
    short="EIR",
    regulator=ICO,
    regulator_short="ICO",
    calendar=CalendarKind.UK_UNION,
    # EIR reg 2(1) takes FOIA's working day; councils' EIR pages ("anywhere in the UK")
    # EIR reg 2(1) takes FOIA s.10(6)'s working day, which leaves out Christmas Day and Good Friday too
    # (https://www.legislation.gov.uk/uksi/2004/3391/regulation/2; the calendar already does).
    working_day_citation=(
        "EIR reg 2(1) (FOIA s.10(6)): not a weekend, Christmas Day, Good Friday or a bank holiday anywhere in the UK"
    ),
    # EIR reg 5(2); ICO: "day 1" is the first working day after receipt
    response=Period(20, Unit.WORKING_DAYS, "EIR reg 5(2)"),
    response_rule="make the information available by the 20th working day after receipt",
    # reg 7(1) complex and voluminous, reg 7(3) notified within the first 20
    extension=Period(40, Unit.WORKING_DAYS, "EIR reg 7(1), 7(3)"),
    extension_rule="complex and voluminous: up to 40, if told within the first 20",
    # reg 7(3): the requester must be told within the first 20 working days
    extension_late="notified after the 20 working days, so it does not extend the time (EIR reg 7(3))",
    # EIR reg 9(4): 20 working days run from the day the further particulars arrive
    clarification=ClockRule.RESTART,
    clarification_citation="EIR reg 9(2), 9(4)",
    # EIR reg 8(5)-(6): advance payment pauses the clock; unpaid after 60 working days
    fees=FeeRule("EIR reg 8(5), 8(6)", Period(60, Unit.WORKING_DAYS, "EIR reg 8(5)")),
    fees_start_clock=False,
    school_backstop=None,
    future_publication=("r12(4)(d)", "EIR reg 12(4)(d): material still being completed"),
    no_school_rule=(
        "The schools' 60-working-day rule (SI 2004/3364, made under FOIA s.10(4)) varies FOIA s.10 only; "
        "it does not apply under the EIR."
    ),
    review_name="reconsideration (EIR reg 11)",
    # reg 11(2) representations within 40 WD; reg 11(4) decision within 40 WD
    review_window=Period(40, Unit.WORKING_DAYS, "EIR reg 11(2)"),
    review_anchor=ReviewAnchor.RESPONSE_OR_MISSED_DEADLINE,
    review_period=Period(40, Unit.WORKING_DAYS, "EIR reg 11(4)"),
    review_period_max=None,
    complaint_window=Period(6, Unit.WEEKS, f"EIR reg 18 (FOIA s.50); {ICO_COMPLAINTS}"),
    complaint_rule="complain to the ICO within 6 weeks of the reconsideration outcome",
    # FOIMan 2958 on the final 2018 s.45 Code; councils that apply it (Newcastle-under-Lyme)
    # The reading is some authorities' practice, e.g. Newcastle-under-Lyme's EIR page; the FOIA s.45
    # Code does not govern the EIR, which have their own Code of Practice under reg 16.
    next_working_day_reading=(
        "some authorities' practice (Newcastle-under-Lyme's EIR page); the EIR's own Code of Practice is "
        f"the {_EIR_CODE}, not the FOIA s.45 Code"
    ),
    no_review_outcome=(
        "No reconsideration outcome yet: it was due within 40 working days ({base}, EIR reg 11(4)); the ICO "
        "accepts a complaint after that. foibot counts the ICO's 6 weeks from that day, so complain promptly."
    ),
    environmental=True,
    name_required=False,
    exemption_family="eir",
    # EIR reg 12(4)(b), manifestly unreasonable (the EIR have no cost limit); reg 12(4)(a), not held
    cost_refusal="r12(4)(b)",
    not_held_exception="r12(4)(a)",
    choice_label="EIR: Environmental Information Regulations 2004",
    drafting={
        "valid_guide": "ICO, 'Recognising a request made under the FOIA (section 8)'",
        "personal_guide": "ICO, 'Requests for personal data about public authority employees'",
        "cost_cite": "EIR reg 12(4)(b)",
        "cost_short": "'manifestly unreasonable' grounds (reg 12(4)(b))",
        "env_title": "Environmental Information Regulations 2004",
        "recorded": "EIR reg 2(1): information in written, visual, aural, electronic or any other material form",
        "advice": "EIR reg 9: advice and assistance",
        "advice_section": "regulation 9",
        "format": "EIR reg 6(1): a particular form or format",
        "format_section": "regulation 6",
        "cost": (
            "refusal as manifestly unreasonable (EIR reg 12(4)(b): the EIR have no cost limit, but a request whose "
            "burden is grossly out of proportion can be refused)"
        ),
        "clarify": "EIR reg 9(2) and reg 12(4)(c): a request formulated in too general a manner",
        "vexatious": "EIR reg 12(4)(b): manifestly unreasonable requests",
        "personal": "EIR reg 13: other people's personal data",
        "own_data": "EIR reg 5(3): your own personal data is not disclosed under the EIR",
        "published": "EIR reg 6(1)(b): information already publicly available and easily accessible",
        "valid": (
            "EIR reg 5(1): the EIR do not require a name, but the authority needs an address to reply to, "
            "and a request that turns out to be FOIA needs both (FOIA s.8(1)(b))"
        ),
        "environmental": "EIR reg 2(1)",
        "regulator": "the ICO",
        "guide": ICO_GUIDE,
        "law_name": "the Environmental Information Regulations 2004",
        "request_subject": "Request for environmental information under the Environmental Information Regulations 2004",
        "request_opening": (
            "I am writing to request the following environmental information under the Environmental "
            "Information Regulations 2004."
        ),
        "correspondence": ".",
    },
    words=LawWords(
        review_noun="reconsideration",
        act="the Environmental Information Regulations 2004",
        act_short="the Regulations",
        duty="regulation 5(1)",
        time_limit="regulation 5(2)",
        duty_text="as soon as possible and no later than 20 working days after the date of receipt",
        response_period="20 working days",
        working_days=True,
        school_variation="",  # the school regulations vary FOIA s.10 only
        school_duty_text="",
        extension="regulation 7(1)",
        extension_limit="even the longest extension it allows, 40 working days, ended on",
        refusal_notice="regulation 14(3)",
        pi_reasons="regulation 14(3)(b)",
        pi_test="regulation 12(1)(b)",
        presumption="regulation 12(2)",
        advice="regulation 9",
        format="regulation 6(1)",
        not_held="regulation 12(4)(a)",
        cost="",
        cost_regs="",
        cost_limit="",
        vexatious="regulation 12(4)(b)",
        harm="an adverse effect that is more probable than not",
        harm_clause="disclosure would adversely affect the interest it protects",
        exemption_word="exception",
        cost_counts="",
        clarification="regulation 9",
        review="representations under regulation 11",
        review_basis="regulation 11 of the Regulations",
        review_asked="reconsideration under regulation 11",
        review_provision="regulation 11",
        review_deadline="regulation 11(4)",  # decision within 40 working days
        body="authority",
        review_needs_reason=False,
        complaint=(
            "section 50 of the Freedom of Information Act 2000, as applied by regulation 18 of the "
            "Environmental Information Regulations 2004"
        ),
        complaint_window="6 weeks of the last meaningful contact",
        next_step=(
            "complain to the Information Commissioner under section 50 of the Freedom of Information "
            "Act 2000, as applied by regulation 18"
        ),
        complaint_standard="the requirements of the Environmental Information Regulations 2004",
        regulator_address=ICO_ADDRESS,
        regulator_form=ICO_FOI_FORM,
        regulator_form_name=ICO_FOI_FORM_NAME,
        review_subject="Representations under regulation 11 of the EIR: {title}",
        complaint_subject="Complaint under section 50 of FOIA (EIR): {authority}, {title}",
        review_opening=(
            "I am writing to make representations under regulation 11 of the Environmental Information "
            "Regulations 2004 about {authority}'s handling of my request for environmental information "
            "\"{title}\", sent on {sent}{answered}. I ask you to reconsider your response in the light of them, "
            "as regulation 11(3) requires."
        ),
        # The ICO's template shape ("I am dissatisfied with your response for the following reason(s)"),
        # as the representations regulation 11(1) speaks of.
        review_points="I am dissatisfied with your response for the following {reasons}, which are my representations under regulation 11(1).",
        review_closing=(
            "Regulation 11(4) requires you to notify me of your decision as soon as possible and no later than "
            "40 working days after receiving these representations, that is by {deadline}. If I remain "
            "dissatisfied, I will complain to the Information Commissioner under section 50 of the Freedom of "
            "Information Act 2000, as applied by regulation 18."
        ),
        vexatious_case="Dransfield v Information Commissioner, with Craven, [2015] EWCA Civ 454",
        confidentiality_harm="disclosure would adversely affect that confidentiality",
        emissions_provision="regulation 12(9)",
    ),
)
