"""FOIA: the Freedom of Information Act 2000 (https://www.legislation.gov.uk/ukpga/2000/36), as one entry.

Every time limit carries the provision that sets it; the drafting rules' citations and the
letters' words for this law are here too. ``python -m bot docs law`` prints the limits for the
documentation (docs/reference/law.md).
"""

from __future__ import annotations

import logging

from bot.law.entries._common import ICO, ICO_COMPLAINTS, FOIA_CODE, ICO_GUIDE, ICO_ADDRESS, HOGAN_HARM, ICO_FOI_FORM, ICO_FOI_FORM_NAME, ICO_S16_GUIDANCE
from bot.law.entry import CalendarKind, ClockRule, FeeRule, Law, LawWords, Period, Regime, ReviewAnchor, SchoolRule, Unit

log = logging.getLogger(__name__)

# FOIA: SI 2004/3364 reg 3 (maintained schools; https://www.legislation.gov.uk/uksi/2004/3364/regulation/3),
# SI 2009/1369 (Northern Ireland), SI 2010/2768 (academies).
_FOIA_SCHOOLS = SchoolRule(
    backstop=Period(60, Unit.WORKING_DAYS, "SI 2004/3364 reg 3; SI 2009/1369; SI 2010/2768"),
    who="a maintained school or academy",
    explanation=(
        "A maintained school or academy must answer by the earlier of the 20th school day or the 60th "
        "working day (SI 2004/3364 reg 3; SI 2009/1369; SI 2010/2768). foibot has no school calendar, so it "
        "shows the 60-working-day backstop ({due}); in term time the answer is due sooner."
    ),
)

ENTRY = Regime(
    law=Law.FOIA,
    title="Freedom of Information Act 2000",
    short="FOIA",
    regulator=ICO,
    regulator_short="ICO",
    calendar=CalendarKind.UK_UNION,
    # FOIA s.10(6); ICO line to take LTT47 (St Patrick's Day is non-working for every FOIA body)
    working_day_citation="FOIA s.10(6): not a weekend, Christmas Day, Good Friday or a bank holiday anywhere in the UK",
    # FOIA s.10(1): "not later than the twentieth working day following the date of receipt"
    response=Period(20, Unit.WORKING_DAYS, "FOIA s.10(1)"),
    response_rule="answer promptly and by the 20th working day after receipt",
    # s.10(3) + ICO: refusal notice still due at 20; the public-interest decision by 40 in total
    extension=Period(40, Unit.WORKING_DAYS, "FOIA s.10(3); ICO time-limits guidance (no more than 40 working days in total)"),
    extension_rule="public-interest extension: the refusal notice is still due at 20, the decision by 40",
    # s.10(3) + s.17(1): the refusal notice (with the estimate) must come within the 20 working days
    extension_late=(
        "notified after the 20 working days, so it does not extend the time (FOIA s.10(3) and s.17(1): "
        "the refusal notice that starts a public-interest extension is due within the 20 working days)"
    ),
    # s.1(3) with s.10(6): the date of receipt becomes the day the clarification arrives
    clarification=ClockRule.RESTART,
    clarification_citation="FOIA s.1(3), s.10(6)",
    # s.10(2) working days from notice to payment disregarded; s.9(2) unpaid after 3 months
    fees=FeeRule("FOIA s.9, s.10(2)", Period(3, Unit.MONTHS, "FOIA s.9(2)")),
    fees_start_clock=False,
    # SI 2004/3364 reg 3 (maintained schools), SI 2009/1369 (NI), SI 2010/2768 (academies)
    school_backstop=None,
    future_publication=("s22", "FOIA s.22(1): information intended for future publication"),
    school=_FOIA_SCHOOLS,
    review_name="an internal review",
    # ICO: ask within 40 working days of the response; review within 20, at most 40
    review_window=Period(40, Unit.WORKING_DAYS, FOIA_CODE),
    review_anchor=ReviewAnchor.RESPONSE,
    review_period=Period(20, Unit.WORKING_DAYS, FOIA_CODE),
    review_period_max=Period(40, Unit.WORKING_DAYS, FOIA_CODE),
    # ICO FOI complaints pages: within six weeks of the last meaningful contact (s.50)
    complaint_window=Period(6, Unit.WEEKS, f"FOIA s.50; {ICO_COMPLAINTS}"),
    complaint_rule="complain to the ICO within 6 weeks of the review outcome",
    # FOIMan 2958 on the final 2018 s.45 Code; councils that apply it (Newcastle-under-Lyme)
    next_working_day_reading="2018 s.45 Code of Practice as some authorities apply it (FOIMan; Newcastle-under-Lyme)",
    no_review_outcome=(
        "No review outcome yet: the ICO accepts a complaint when there has been no review outcome after "
        "40 working days ({base}). foibot counts the ICO's 6 weeks from that day, so complain promptly."
    ),
    no_response_route=(
        "If no response arrives, you can complain to the ICO without a review; it asks for evidence "
        "that you chased the authority."
    ),
    cost_limit=True,
    environmental_law="eir",
    exemption_family="foia",
    cost_refusal="s12",  # FOIA s.12: the appropriate limit
    choice_label="FOIA: Freedom of Information Act 2000 (England, Wales, NI, UK bodies)",
    drafting={
        "valid_guide": "ICO, 'Recognising a request made under the FOIA (section 8)'",
        "personal_guide": "ICO, 'Requests for personal data about public authority employees'",
        "cost_cite": "FOIA s.12; SI 2004/3244 regs 3-5",
        "cost_short": "the cost limit (s.12)",
        "env_title": "Environmental Information Regulations 2004",
        "recorded": 'FOIA s.1(1) and s.84: "information" means information recorded in any form',
        "advice": "FOIA s.16: advice and assistance",
        "advice_section": "section 16",
        "format": "FOIA s.11: means of communication; s.11(1A) re-usable datasets",
        "format_section": "section 11",
        "cost": (
            "the cost limit (FOIA s.12 and the Fees Regulations, SI 2004/3244: £600 for central government, "
            "£450 for other authorities, at £25 an hour; similar requests within 60 working days can be added together)"
        ),
        "clarify": "FOIA s.1(3): the authority may ask what you mean, and the 20 working days restart when you answer",
        "vexatious": "FOIA s.14(1): vexatious requests",
        "personal": "FOIA s.40(2): other people's personal data",
        "own_data": "FOIA s.40(1): your own personal data is absolutely exempt under FOI",
        "published": "FOIA s.21, information reasonably accessible by other means, and the s.19 publication scheme",
        "valid": "FOIA s.8(1)(b): a valid request states the applicant's name and an address for correspondence",
        "environmental": "FOIA s.39 and the Environmental Information Regulations 2004",
        "regulator": "the ICO",
        "guide": ICO_GUIDE,
        "law_name": "the Freedom of Information Act 2000",
        "request_subject": "Request for information under the Freedom of Information Act 2000",
        "request_opening": "I am writing to request the following information under the Freedom of Information Act 2000.",
        "correspondence": " (section 8(1)(b) of the Freedom of Information Act 2000).",
    },
    words=LawWords(
        act="the Freedom of Information Act 2000",
        act_short="the Act",
        duty="section 1(1)",
        time_limit="section 10(1)",
        duty_text="promptly and in any event not later than the twentieth working day following the date of receipt",
        response_period="20 working days",
        working_days=True,
        # SI 2004/3364 reg 3 (maintained schools), SI 2009/1369 (NI), SI 2010/2768 (academies).
        school_variation="as varied for schools and academies (SI 2004/3364 reg 3; SI 2009/1369; SI 2010/2768)",
        school_duty_text=(
            "promptly and in any event not later than the twentieth working day following the date of receipt, "
            "disregarding working days that are not school days, or the sixtieth working day following the date "
            "of receipt if that is earlier"
        ),
        extension="section 10(3)",
        extension_limit="the Information Commissioner expects no more than 40 working days in total, which ended on",
        refusal_notice="section 17(1)",
        pi_reasons="section 17(3)",
        pi_test="section 2(2)(b)",
        presumption="",
        advice="section 16",
        format="section 11(1)",
        not_held="section 1(1)(a)",
        cost="section 12",
        cost_regs="the Fees Regulations (SI 2004/3244)",
        # SI 2004/3244 regs 3-4: £600 (Schedule 1 Part I bodies) or £450, at £25 an hour.
        cost_limit="£600 for central government (24 hours) and £450 for other authorities (18 hours), at £25 an hour",
        vexatious="section 14",
        harm=f"prejudice: {HOGAN_HARM}",
        harm_clause="disclosure would, or would be likely to, prejudice the interest it protects",
        exemption_word="exemption",
        cost_counts=(
            "only the time spent determining whether the information is held, locating it, retrieving "
            "it and extracting it may be counted (regulation 4(3))"
        ),
        clarification="sections 1(3) and 10(6)",
        review="an internal review",
        review_basis="the Code of Practice issued under section 45 of the Act",
        review_asked="an internal review",
        review_provision="the section 45 Code of Practice",
        review_deadline="the section 45 Code of Practice",
        body="authority",
        review_needs_reason=False,
        complaint="section 50 of the Freedom of Information Act 2000",
        complaint_window="6 weeks of the last meaningful contact",
        next_step="complain to the Information Commissioner under section 50 of the Act",
        complaint_standard="the requirements of Part I of the Freedom of Information Act 2000",
        regulator_address=ICO_ADDRESS,
        regulator_form=ICO_FOI_FORM,
        regulator_form_name=ICO_FOI_FORM_NAME,
        advice_guidance=ICO_S16_GUIDANCE,
        review_subject="Internal review of my Freedom of Information request: {title}",
        complaint_subject="Complaint under section 50 of FOIA: {authority}, {title}",
        review_preamble="Please pass this on to the person who conducts Freedom of Information reviews.",
        review_opening=(
            "I am writing to request an internal review of {authority}'s handling of my Freedom of Information "
            "request \"{title}\", sent on {sent}{answered}. I ask for this review under the Code of Practice "
            "issued under section 45 of the Freedom of Information Act 2000."
        ),
        # The ICO's internal review template: "I am dissatisfied with your response for the following
        # reason(s)" (the template letter on ico.org.uk for asking a public authority for an internal review).
        review_points="I am dissatisfied with your response for the following {reasons}.",
        review_closing=(
            "The Code of Practice says a review should normally be completed within 20 working days, and within "
            "40 working days only in exceptional cases. I therefore expect your decision by {deadline}, and in "
            "any event no later than {deadline_max}. If I remain dissatisfied, I will complain to the "
            "Information Commissioner under section 50 of the Act."
        ),
        harm_case="Hogan and Oxford City Council v Information Commissioner, EA/2005/0026 and 0030",
        vexatious_case="Dransfield v Information Commissioner [2015] EWCA Civ 454",
        cost_advice_guidance=(
            "; the Code of Practice issued under section 45 and the Information Commissioner's guidance on "
            "section 12 say the same"
        ),
        format_reusable=(
            "Section 11(1A) adds that a dataset asked for in electronic form should be provided in a re-usable "
            "form where reasonably practicable."
        ),
        future_publication_test=(
            "That applies only if, when I made the request, the information was already held with a view to its "
            "publication, and it is reasonable in all the circumstances to withhold it until then."
        ),
        policy_formulation=(
            "Only a government department or the Welsh Government can rely on it, and only for information "
            "relating to the formulation or development of government policy. Once a policy decision has been "
            "taken, statistical information used to inform it is no longer covered (section 35(2)), and the "
            "public interest in disclosing factual information used to inform it must be considered (section "
            "35(4)). The need for a private space to develop policy weakens once the policy is settled, and the "
            "exemption is qualified, so the public interest test applies."
        ),
        public_affairs=(
            "which applies only if, in the reasonable opinion of the authority's qualified person, disclosure "
            "would, or would be likely to, cause the prejudice it describes. An opinion given after the "
            "refusal, or by someone who had not seen the information, does not meet that condition. {ask} send "
            "me the record of the qualified person's opinion, showing who gave it, when, and on what "
            "information. The exemption is qualified (except for information held by the Houses of Parliament), "
            "so the public interest test applies as well, and arguments that officials would be less candid "
            "must be shown for this information, not asserted in general."
        ),
    ),
)
