"""How each law words the things a letter cites: one entry per law, read by every template.

Templates never branch on a law's name to pick a section number; they print ``law.refusal_notice``
and the like from here. The regimes' own names (title, regulator) come from ``bot.law.regimes``.
Citations: FOIA ss.1, 10, 11, 12, 14, 16, 17, 45, 50 (fact sheet 1.1-1.5); EIR regs 5, 6, 9, 11, 12,
14, 18 (fact sheet 2); FOISA ss.1, 10, 11, 12, 14, 15, 16, 17, 20, 21, 47 (fact sheet 3); EISR regs
5, 6, 9, 10, 13, 16, 17 (fact sheet 3); UK GDPR arts 12, 15, 77 and DPA 2018 s.165 (fact sheet 4).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from bot.law.regimes import Law, regime

log = logging.getLogger(__name__)


class LetterKind(enum.StrEnum):
    REVIEW = "review"
    CHASER = "chaser"
    COMPLAINT = "complaint"
    CLARIFICATION = "clarification"


@dataclass(frozen=True)
class LawWording:
    """The provisions and phrases one law gives a letter (empty string: the law has none)."""

    law: Law
    act: str               # "the Freedom of Information Act 2000"
    act_short: str         # "the Act" / "the Regulations"
    duty: str              # the duty to give the information
    time_limit: str        # the provision that sets the response period
    duty_text: str         # what the time limit requires, in the provision's own terms
    response_period: str   # "20 working days" / "one calendar month"
    working_days: bool     # lateness is counted in working days (not for SAR)
    school_variation: str  # how the time limit is varied for schools ("" where it is not)
    school_duty_text: str  # what the varied time limit requires of a school or academy
    extension: str         # the provision allowing a longer period ("" if none)
    extension_limit: str   # "<how long an extension may be>", ending before its date
    refusal_notice: str    # must name the exemption and say how it applies
    pi_reasons: str        # must give the public interest reasons
    pi_test: str           # the public interest test itself
    presumption: str       # the presumption in favour of disclosure ("" if none)
    advice: str            # advice and assistance
    format: str            # the requester's preferred form or format
    not_held: str          # what governs a "not held" answer
    cost: str              # the cost limit ("" if none)
    cost_regs: str         # the regulations that set it
    cost_limit: str        # its amount, in words
    vexatious: str         # vexatious / manifestly unreasonable
    harm: str              # the harm test for prejudice-based provisions
    harm_clause: str       # "disclosure would, or would be likely to, prejudice ..." in the law's terms
    exemption_word: str    # "exemption" (the Acts) or "exception" (the Regulations)
    cost_counts: str       # what may be counted towards the cost limit ("" if no cost limit)
    clarification: str     # what makes the clock run from the clarification
    review: str            # how the review is asked for, as a noun phrase
    review_basis: str      # the provision or code the review rests on
    review_asked: str      # "I asked for ..." in a complaint's chronology
    review_provision: str  # the review's provision, for warnings: "section 20", "regulation 11"
    review_deadline: str   # what sets the time for the review's answer: "section 21(1)", "regulation 16(4)"
    body: str              # what the letter calls the other side: "authority" / "organisation"
    review_needs_reason: bool  # FOISA s.20(3)(c), EISR reg 16: the requester must say why
    complaint: str         # the provision for going to the regulator
    complaint_window: str  # how long the requester has to go to the regulator
    next_step: str         # what the requester does if a chaser is ignored
    complaint_standard: str  # what the regulator is asked to decide compliance with
    regulator_address: tuple[str, ...]

    def short_cite(self, provision: str) -> str:
        """A provision for a warning or a menu: "FOISA section 20"."""
        return provision if " of " in provision or provision.startswith("the ") else f"{self.short} {provision}"

    def cite(self, provision: str) -> str:
        """A provision in full: "section 10(1)" -> "section 10(1) of the Freedom of Information Act 2000"."""
        return provision if " of " in provision else f"{provision} of {self.act}"

    @property
    def title(self) -> str:
        return regime(self.law).title

    @property
    def short(self) -> str:
        return regime(self.law).short

    @property
    def regulator(self) -> str:
        return regime(self.law).regulator

    @property
    def regulator_short(self) -> str:
        return regime(self.law).regulator_short


# [K] ICO and SIC postal addresses as published on their contact pages; the ICO prefers its online form.
_ICO_ADDRESS = ("Information Commissioner's Office", "Wycliffe House", "Water Lane", "Wilmslow", "Cheshire SK9 5AF")
_SIC_ADDRESS = ("Scottish Information Commissioner", "Kinburn Castle", "Doubledykes Road", "St Andrews", "Fife KY16 9DS")
_HOGAN = "a real and significant risk of harm that is actual and of substance, not merely possible"

WORDING: dict[Law, LawWording] = {
    Law.FOIA: LawWording(
        law=Law.FOIA,
        act="the Freedom of Information Act 2000",
        act_short="the Act",
        duty="section 1(1)",
        time_limit="section 10(1)",
        duty_text="promptly and in any event not later than the twentieth working day following the date of receipt",
        response_period="20 working days",
        working_days=True,
        # Fact sheet 5 [V]: SI 2004/3364 reg 3 (maintained schools), SI 2009/1369 (NI), SI 2010/2768 (academies).
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
        # SI 2004/3244 regs 3-4 (fact sheet 1.4): £600 (Schedule 1 Part I bodies) or £450, at £25 an hour.
        cost_limit="£600 for central government (24 hours) and £450 for other authorities (18 hours), at £25 an hour",
        vexatious="section 14",
        harm=f"prejudice: {_HOGAN}",
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
        regulator_address=_ICO_ADDRESS,
    ),
    Law.EIR: LawWording(
        law=Law.EIR,
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
        regulator_address=_ICO_ADDRESS,
    ),
    Law.FOISA: LawWording(
        law=Law.FOISA,
        act="the Freedom of Information (Scotland) Act 2002",
        act_short="the Act",
        duty="section 1(1)",
        time_limit="section 10(1)",
        duty_text="promptly and in any event by not later than the twentieth working day after receipt",
        response_period="20 working days",
        working_days=True,
        school_variation="",  # the school regulations vary FOIA s.10 only
        school_duty_text="",
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
        regulator_address=_SIC_ADDRESS,
    ),
    Law.EISR: LawWording(
        law=Law.EISR,
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
        regulator_address=_SIC_ADDRESS,
    ),
    Law.SAR: LawWording(
        law=Law.SAR,
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
        regulator_address=_ICO_ADDRESS,
    ),
}


def wording(law: Law) -> LawWording:
    return WORDING[Law(law)]


# Which letter each law supports. SAR has no review stage (no statutory internal review; the ICO
# asks people to complain to the organisation first, then to it within 3 months).
KIND_LAWS: dict[LetterKind, frozenset[Law]] = {
    LetterKind.REVIEW: frozenset({Law.FOIA, Law.EIR, Law.FOISA, Law.EISR}),
    LetterKind.CHASER: frozenset(Law),
    LetterKind.COMPLAINT: frozenset(Law),
    LetterKind.CLARIFICATION: frozenset(Law),
}

# Subject lines; ``str.format`` with the member's text as arguments, never as the format string.
SUBJECTS: dict[tuple[LetterKind, Law | None], str] = {
    (LetterKind.REVIEW, Law.FOIA): "Internal review of my Freedom of Information request: {title}",
    (LetterKind.REVIEW, Law.EIR): "Representations under regulation 11 of the EIR: {title}",
    (LetterKind.REVIEW, Law.FOISA): "Requirement for review under section 20 of FOISA: {title}",
    (LetterKind.REVIEW, Law.EISR): "Requirement for review under regulation 16 of the EISR: {title}",
    (LetterKind.CHASER, None): "Overdue response to my request: {title}",
    (LetterKind.COMPLAINT, Law.FOIA): "Complaint under section 50 of FOIA: {authority}, {title}",
    (LetterKind.COMPLAINT, Law.EIR): "Complaint under section 50 of FOIA (EIR): {authority}, {title}",
    (LetterKind.COMPLAINT, Law.FOISA): "Application under section 47 of FOISA: {authority}, {title}",
    (LetterKind.COMPLAINT, Law.EISR): "Application under section 47 of FOISA (EISR): {authority}, {title}",
    (LetterKind.COMPLAINT, Law.SAR): "Data protection complaint (subject access): {authority}",
    (LetterKind.CLARIFICATION, None): "Clarification of my request: {title}",
}


def subject(kind: LetterKind, law: Law, *, title: str, authority: str) -> str:
    template = SUBJECTS.get((kind, law)) or SUBJECTS[(kind, None)]
    return template.format(title=title, authority=authority)
