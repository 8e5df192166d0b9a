"""SAR: the right of access under UK GDPR Article 15 (https://www.legislation.gov.uk/eur/2016/679/article/15), as one entry.

Every time limit carries the provision that sets it; the drafting rules' citations and the
letters' words for this law are here too. ``python -m bot docs law`` prints the limits for the
documentation (docs/reference/law.md).
"""

from __future__ import annotations

import logging

from bot.law.entries._common import ICO, ICO_ADDRESS, ICO_SAR_FORM, ICO_SAR_FORM_NAME
from bot.law.entry import CalendarKind, ClockRule, Law, LawWords, Period, Regime, Unit

log = logging.getLogger(__name__)

ENTRY = Regime(
    law=Law.SAR,
    title="UK GDPR Article 15 (subject access request)",
    short="SAR",
    regulator=ICO,
    regulator_short="ICO",
    calendar=CalendarKind.DIVISION,
    # ICO right of access guidance: a weekend or public holiday rolls to the next working day
    working_day_citation="ICO right of access guidance: a weekend or bank holiday rolls to the next working day",
    # UK GDPR art.12(3); ICO: from the day of receipt to the corresponding date next month
    # UK GDPR art.12A (inserted by DUAA 2025 s.76, in force 5 February 2026, SI 2026/82 reg 2): "one
    # month beginning with the relevant time", the latest of receipt of the request, of the identity
    # evidence asked for and of any fee (the same words as DPA 2018 s.54(2)-(3):
    # https://www.legislation.gov.uk/ukpga/2018/12/section/54). Art.12(3) before then. The ICO counts
    # from that day to the corresponding date next month (3 September -> 3 October):
    # https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/what-should-we-consider-when-responding-to-a-request/
    response=Period(1, Unit.MONTHS, "UK GDPR art.12A (art.12(3) before 5 February 2026); ICO right of access guidance"),
    response_rule="one calendar month from the day of receipt (no such date: the month's last day)",
    # ICO: "calculate the extension as three months from the original start date"
    extension=Period(3, Unit.MONTHS, "UK GDPR art.12A (art.12(3) before 5 February 2026); ICO right of access guidance"),
    extension_rule="complex or numerous requests: two further months, if told within the first month",
    # UK GDPR art.12(3): the requester must be told of the extension within one month of receipt
    # UK GDPR art.12(3), and art.12A since 5 February 2026: the requester must be told within the first month
    extension_late=(
        "notified after the first month, so it does not extend the time (UK GDPR art.12(3), art.12A since "
        "5 February 2026: the extension must be notified within the first month)"
    ),
    # ICO right of access guidance (Oct 2020) "stop the clock"; DUAA 2025 s.76 from 5 Feb 2026
    clarification=ClockRule.PAUSE,
    clarification_citation="DUAA 2025 s.76 (from 5 Feb 2026); before then ICO right of access guidance (Oct 2020)",
    fees=None,
    # ICO: the month runs from receipt of the request, the fee or the ID asked for
    fees_start_clock=True,
    school_backstop=None,
    no_school_rule="The schools' 60-working-day rule is a FOIA rule; it does not apply to subject access.",
    review_name="",
    review_window=None,
    review_anchor=None,
    review_period=None,
    review_period_max=None,
    # ICO data protection complaints: within three months of the last contact
    complaint_window=Period(3, Unit.MONTHS, "ICO data protection complaints: within 3 months of the last contact"),
    complaint_rule="complain to the ICO within 3 months of your last contact with the organisation",
    no_review_note=(
        "Subject access has no statutory internal review: complain to the organisation first, then to "
        "the ICO within 3 months of your last contact with it (from 19 June 2026 organisations must run "
        "a complaints process, DUAA 2025)."
    ),
    subject_access=True,
    choice_label="SAR: subject access request (your own personal data)",
    statutes=("dpa", "gdpr"),
    # UK GDPR art.12(5) (manifestly unfounded or excessive, https://www.legislation.gov.uk/eur/2016/679/article/12),
    # art.15(4) (the rights of others); DPA 2018 Schedules 2 to 4, the exemptions from the right of access
    # (https://www.legislation.gov.uk/ukpga/2018/12/schedule/2).
    refusal_provisions=("a12(5)", "a15(4)", "sch2p", "sch3p", "sch4p"),
    drafting={
        "valid_guide": "ICO, 'Preparing and submitting your subject access request'",
        "personal_guide": "ICO, 'Requests for personal data about public authority employees'",
        "cost_cite": "UK GDPR art.12(5)",
        "cost_short": "'manifestly unfounded or excessive' grounds (art.12(5))",
        "env_title": "Environmental Information Regulations 2004",
        "recorded": "UK GDPR art.15: right of access to your own personal data",
        "advice": "UK GDPR art.12(2): the controller must make exercising your rights easy",
        "advice_section": "Article 12(2)",
        "format": "UK GDPR art.15(3): a request made electronically is answered in a commonly used electronic form",
        "format_section": "Article 15(3)",
        "cost": "refusal as manifestly unfounded or excessive (UK GDPR art.12(5))",
        "clarify": "DUAA 2025 s.76: a clarification request stops the one-month clock",
        "vexatious": "UK GDPR art.12(5): manifestly unfounded or excessive requests",
        "personal": "UK GDPR art.15(4): the rights of others",
        "own_data": "UK GDPR art.15",
        "published": "UK GDPR art.15",
        "valid": "UK GDPR art.12(6): the controller may ask for what it needs to confirm your identity",
        "environmental": "EIR reg 2(1)",
        "regulator": "the ICO",
        "guide": "ICO, 'Preparing and submitting your subject access request' (ico.org.uk)",
        "law_name": "the UK GDPR",
        "request_subject": "Subject access request under Article 15 of the UK GDPR",
        "request_opening": (
            "I am making a subject access request under Article 15 of the UK GDPR for a copy of the personal "
            "data you hold about me, with the information Article 15(1) lists: the purposes of the processing, "
            "the categories of data, who it has been disclosed to, how long it will be kept and where it came "
            "from. In particular, I am asking for the following."
        ),
        "correspondence": ". If you need anything to confirm my identity, please tell me straight away.",
    },
    words=LawWords(
        act="the UK GDPR",
        act_short="the UK GDPR",
        duty="Article 15 of the UK GDPR",
        time_limit="Article 12(3) of the UK GDPR",
        duty_text="without undue delay and in any event within one month of receipt",
        response_period="one month",
        working_days=False,
        school_variation="",  # the school regulations vary FOIA s.10 only
        school_duty_text="",
        extension="Article 12(3) of the UK GDPR",
        extension_limit="even the longest extension it allows, two further months, ended on",
        refusal_notice="Article 12(4) of the UK GDPR",
        pi_reasons="",
        pi_test="",
        presumption="",
        advice="",
        format="Article 12(1) and 15(3) of the UK GDPR",
        not_held="Article 15(1) of the UK GDPR",
        cost="",
        cost_regs="",
        cost_limit="",
        vexatious="Article 12(5) of the UK GDPR",
        harm="",
        harm_clause="",
        exemption_word="exemption",
        cost_counts="",
        clarification="Article 12(3) of the UK GDPR as amended by section 76 of the Data (Use and Access) Act 2025",
        review="",
        review_basis="",
        review_asked="",
        review_provision="",
        review_deadline="",
        body="organisation",
        review_needs_reason=False,
        complaint="Article 77 of the UK GDPR and section 165 of the Data Protection Act 2018",
        complaint_window="3 months of the last contact",
        next_step="complain to the Information Commissioner's Office under Article 77 of the UK GDPR",
        complaint_standard="Articles 12 and 15 of the UK GDPR",
        regulator_address=ICO_ADDRESS,
        regulator_form=ICO_SAR_FORM,
        regulator_form_name=ICO_SAR_FORM_NAME,
        complaint_subject="Data protection complaint (subject access): {authority}",
        no_review=(
            "Subject access has no statutory review: complain to the organisation, then to the ICO "
            "within 3 months of your last contact (use the complaint letter)."
        ),
    ),
)
