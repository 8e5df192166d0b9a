"""FOISA: the Freedom of Information (Scotland) Act 2002 (https://www.legislation.gov.uk/asp/2002/13), as one entry.

Every time limit carries the provision that sets it; the drafting rules' citations and the
letters' words for this law are here too. ``python -m bot docs law`` prints the limits for the
documentation (docs/reference/law.md).
"""

from __future__ import annotations

import logging

from bot.law.entries._common import SIC, SIC_GUIDE, SIC_ADDRESS, SIC_FORM, SIC_FORM_NAME
from datetime import date

from bot.law.entry import (
    CalendarKind, ClockRule, Division, FeeRule, Law, LawWords, Period, Regime, ReviewAnchor, SchoolRule, TemporaryLimit, Unit,
)

log = logging.getLogger(__name__)

# FOISA: The Freedom of Information (Scotland) Act 2002 (Time for Compliance) Regulations 2016, SSI
# 2016/346, made under FOISA s.10(4) and s.21(6), in force 1 December 2016
# (https://www.legislation.gov.uk/ssi/2016/346/regulation/1): for grant-aided and independent special
# schools, 20 working days not counting working days that are not school days, and in any event by
# the 60th working day, for requests and for requirements for review (Scottish Government,
# consultation response: https://www.gov.scot/publications/freedom-information-scotland-act-2002-time-compliance-regulations-consultation-response/pages/2/).
# Other Scottish schools are run by councils, which answer under the usual 20 working days.
_SSI_2016_346 = "SSI 2016/346 (FOISA s.10(4), s.21(6))"
_FOISA_SCHOOLS = SchoolRule(
    backstop=Period(60, Unit.WORKING_DAYS, _SSI_2016_346),
    who="a grant-aided or independent special school",
    applies_from=date(2016, 12, 1),
    review_backstop=Period(60, Unit.WORKING_DAYS, _SSI_2016_346),
    explanation=(
        "A grant-aided or independent special school has 20 working days not counting days that are not "
        "school days, and in any event until the 60th working day, for a request and for a requirement for "
        "review (The Freedom of Information (Scotland) Act 2002 (Time for Compliance) Regulations 2016, SSI "
        "2016/346, in force 1 December 2016: https://www.legislation.gov.uk/ssi/2016/346). foibot has no "
        "school calendar, so it shows the 60-working-day backstop ({due}); in term time the answer is due "
        "sooner. A council-run school answers through its council, under the usual 20 working days."
    ),
)
# Coronavirus (Scotland) Act 2020 sch.6 paras 3-4 (https://www.legislation.gov.uk/asp/2020/7/schedule/6/enacted)
# made the FOISA limits for a response and for a review 60 working days from 7 April 2020; the
# Coronavirus (Scotland) (No.2) Act 2020 sch.4 para 11 repealed them from 27 May 2020
# (https://www.legislation.gov.uk/asp/2020/10/schedule/4/part/8/enacted). The Scottish Information
# Commissioner: a response issued from 7 April to 26 May 2020 is judged by the 60 working days; a
# request still unanswered on 27 May 2020 went back to 20
# (https://www.itspublicknowledge.info/Law/Covid-19EmergencyLegislation.aspx).
_CORONAVIRUS_SCOTLAND = "Coronavirus (Scotland) Act 2020 sch.6 paras 3-4 (7 April to 26 May 2020)"
_FOISA_CORONAVIRUS = TemporaryLimit(
    first_day=date(2020, 4, 7),
    last_day=date(2020, 5, 26),
    response=Period(60, Unit.WORKING_DAYS, _CORONAVIRUS_SCOTLAND),
    review=Period(60, Unit.WORKING_DAYS, _CORONAVIRUS_SCOTLAND),
    explanation=(
        "From 7 April to 26 May 2020 the Coronavirus (Scotland) Act 2020 (sch.6 paras 3-4) gave 60 working "
        "days instead of 20 for a response and for a review; the Coronavirus (Scotland) (No.2) Act 2020 "
        "repealed that from 27 May 2020. The Scottish Information Commissioner judges a response issued from "
        "7 April to 26 May 2020 by the 60 working days, and one still unanswered on 27 May 2020 by the 20 "
        "(https://www.itspublicknowledge.info/Law/Covid-19EmergencyLegislation.aspx); the Commissioner may "
        "also accept a delay caused by coronavirus as reasonable (sch.6 para 6)."
    ),
    citation=_CORONAVIRUS_SCOTLAND,
)

ENTRY = Regime(
    law=Law.FOISA,
    title="Freedom of Information (Scotland) Act 2002",
    short="FOISA",
    regulator=SIC,
    regulator_short="SIC",
    calendar=CalendarKind.SCOTLAND,
    # FOISA s.73: Scottish bank holidays only, so Easter Monday is a working day
    working_day_citation="FOISA s.73: not a weekend, Christmas Day or a bank holiday in Scotland",
    response=Period(20, Unit.WORKING_DAYS, "FOISA s.10(1)"),
    response_rule="respond promptly and by the 20th working day after receipt",
    extension=None,  # FOISA has no public-interest or volume extension
    extension_rule="",
    # FOISA s.1(3), s.10(1)(b): 20 working days after receipt of the further information
    clarification=ClockRule.RESTART,
    clarification_citation="FOISA s.1(3), s.10(1)(b)",
    # FOISA s.10(3) fee-notice period disregarded; s.9(4) three months to pay
    fees=FeeRule("FOISA s.9, s.10(3)", Period(3, Unit.MONTHS, "FOISA s.9(4)")),
    fees_start_clock=False,
    school_backstop=None,
    future_publication=("s27", "FOISA s.27(1): information intended for future publication"),
    school=_FOISA_SCHOOLS,
    temporary_limits=(_FOISA_CORONAVIRUS,),
    review_name="a review (a requirement for review, FOISA s.20)",
    # s.20(5): 40 WD after the 20-WD period expires, or after a late response arrives
    review_window=Period(40, Unit.WORKING_DAYS, "FOISA s.20(5)"),
    review_anchor=ReviewAnchor.LATER_OF_RESPONSE_AND_DEADLINE,
    review_period=Period(20, Unit.WORKING_DAYS, "FOISA s.21(1)"),
    review_period_max=None,
    # s.47(4): six months from the review notice, or from the review period expiring
    complaint_window=Period(6, Unit.MONTHS, "FOISA s.47(4)"),
    complaint_rule="apply to the Scottish Information Commissioner within 6 months of the review outcome",
    # SIC Decision 092/2026 accepted a review answered on the deferred date as in time
    next_working_day_reading="SIC Decision 092/2026 (accepted the next-working-day reading)",
    no_review_outcome=(
        "No review response yet: you may apply to the Scottish Information Commissioner within 6 months "
        "of the end of the review period ({base}, FOISA s.47(4)(b))."
    ),
    cost_limit=True,
    review_before_regulator=True,
    home_division=Division.SCOTLAND,
    environmental_law="eisr",
    exemption_family="foisa",
    cost_refusal="s12",  # FOISA s.12: excessive cost of compliance
    choice_label="FOISA: Freedom of Information (Scotland) Act 2002",
    drafting={
        "valid_guide": "Scottish Information Commissioner, 'How do I ask for information?' (give your real name)",
        "personal_guide": "Scottish Information Commissioner, guidance on section 38 (personal information)",
        "cost_cite": "FOISA s.12; SSI 2004/467",
        "cost_short": "the cost limit (s.12)",
        "env_title": "Environmental Information (Scotland) Regulations 2004",
        "recorded": 'FOISA s.1(1) and s.73: "information" means information recorded in any form',
        "advice": "FOISA s.15: advice and assistance",
        "advice_section": "section 15",
        "format": "FOISA s.11: means of providing information",
        "format_section": "section 11",
        "cost": "the excessive-cost limit (FOISA s.12 and the Fees Regulations, SSI 2004/467: £600)",
        "clarify": "FOISA s.1(3): the authority may ask what you mean, and the 20 working days restart when you answer",
        "vexatious": "FOISA s.14(1): vexatious requests",
        "personal": "FOISA s.38(1)(b): other people's personal data",
        "own_data": "FOISA s.38(1)(a): your own personal data is absolutely exempt under FOISA",
        "published": "FOISA s.25, information otherwise accessible, and the s.23 publication scheme",
        "valid": "FOISA s.8(1)(b): a valid request contains the applicant's name and an address for correspondence",
        "environmental": "FOISA s.39(2) and the Environmental Information (Scotland) Regulations 2004",
        "regulator": "the Scottish Information Commissioner",
        "guide": SIC_GUIDE,
        "law_name": "the Freedom of Information (Scotland) Act 2002",
        "request_subject": "Request for information under the Freedom of Information (Scotland) Act 2002",
        "request_opening": (
            "I am writing to request the following information under the Freedom of Information (Scotland) Act "
            "2002."
        ),
        "correspondence": " (section 8(1)(b) of the Freedom of Information (Scotland) Act 2002).",
    },
    words=LawWords(
        review_overdue_note=(
            " The failure to give notice of the review's outcome is itself a matter I ask the Commissioner to "
            "decide (section 47(1)(b) of the Freedom of Information (Scotland) Act 2002)."
        ),
        act="the Freedom of Information (Scotland) Act 2002",
        act_short="the Act",
        duty="section 1(1)",
        time_limit="section 10(1)",
        duty_text="promptly and in any event by not later than the twentieth working day after receipt",
        response_period="20 working days",
        working_days=True,
        # SSI 2016/346 (FOISA s.10(4)): grant-aided and independent special schools, in force 1 December 2016
        school_variation="as varied for grant-aided and independent special schools (SSI 2016/346)",
        school_duty_text=(
            "promptly and in any event by the twentieth working day after receipt not counting days that are not "
            "school days, and by the sixtieth working day at the latest"
        ),
        extension="",
        extension_limit="",
        refusal_notice="section 16(1)",
        pi_reasons="section 16(2)",
        pi_test="section 2(1)(b)",
        presumption="",
        advice="section 15",
        format="section 11",
        not_held="section 17",
        cost="section 12",
        cost_regs="the Fees for Required Disclosure Regulations (SSI 2004/467)",
        cost_limit="£600, with staff time at no more than £15 an hour",
        vexatious="section 14",
        harm="substantial prejudice, shown rather than asserted",
        harm_clause="disclosure would, or would be likely to, prejudice substantially the interest it protects",
        exemption_word="exemption",
        cost_counts=(
            "only the cost of locating, retrieving and providing the information may be counted, not "
            "the cost of deciding whether it is held or should be withheld (regulation 3)"
        ),
        clarification="sections 1(3) and 10(1)(b)",
        review="a requirement for review under section 20",
        review_basis="section 20 of the Act",
        review_asked="a review under section 20",
        review_provision="section 20",  # requiring a review
        review_deadline="section 21(1)",  # answering it: by the 20th working day
        body="authority",
        review_needs_reason=True,
        complaint="section 47(1) of the Freedom of Information (Scotland) Act 2002",
        complaint_window="6 months of the review outcome (section 47(4))",
        next_step=(
            "require a review under section 20 of the Act and, if necessary, apply to the Scottish "
            "Information Commissioner"
        ),
        complaint_standard="Part 1 of the Freedom of Information (Scotland) Act 2002",
        regulator_address=SIC_ADDRESS,
        regulator_form=SIC_FORM,
        regulator_form_name=SIC_FORM_NAME,
        review_subject="Requirement for review under section 20 of FOISA: {title}",
        complaint_subject="Application under section 47 of FOISA: {authority}, {title}",
        review_opening=(
            "I require {authority} to review its actions and decisions in relation to my request \"{title}\", "
            "sent on {sent}{answered}. This is a requirement for review under section 20(1) of the Freedom of "
            "Information (Scotland) Act 2002."
        ),
        review_points="As section 20(3)(c) requires, these are the matters that give rise to my dissatisfaction.",
        review_closing=(
            "Section 21(1) requires you to comply with this requirement promptly and in any event by the "
            "twentieth working day after receiving it, that is by {deadline}. If I remain dissatisfied, I may "
            "apply to the Scottish Information Commissioner under section 47(1) of the Act."
        ),
        review_reason_provision="section 20(3)(c)",
        future_publication_test=(
            "That applies only if, when I made the request, the information was held with a view to its "
            "publication within 12 weeks, and it is reasonable to withhold it until then."
        ),
        policy_formulation=(
            "Only the Scottish Administration can rely on it, and only for information relating to the "
            "formulation or development of its policy. Once a policy decision has been taken, factual and "
            "statistical information used to inform it is treated differently, and the need for a private space "
            "to develop policy weakens once the policy is settled. It is qualified, so the public interest test "
            "applies."
        ),
        public_affairs=(
            "which requires substantial prejudice to the effective conduct of public affairs (or to the free "
            "and frank provision of advice or exchange of views). An argument that officials would be less "
            "candid must be shown for this information, not asserted in general. It is qualified, so the public "
            "interest test applies. {ask} reconsider whether substantial prejudice has been shown and disclose "
            "the information."
        ),
    ),
)
