"""What a law's entry is made of: the types every entry in ``bot/law/entries/`` fills in.

A law is one ``Regime``: its time limits (each a ``Period`` with the provision that sets it), its
calendar, its review and regulator, flags that say what kind of law it is (environmental, subject
access, a cost limit), the citations its drafting rules use and the words its letters use
(``LawWords``). Code and templates read these; none of them tests which law it is.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

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
    DIVISION = "division"  # SAR: the controller's own part of the UK (ICO right of access guidance)


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
class LawWords:
    """The provisions and phrases one law gives a letter (empty string: the law has none)."""

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
    regulator_form: str = ""  # the regulator's online form for this law's complaints
    regulator_form_name: str = ""  # what the regulator calls it
    advice_guidance: str = ""  # the regulator's guidance on the duty to advise ("" where foibot cites none)
    # Subject lines (``str.format`` over the member's title and the authority, never as a template).
    review_subject: str = ""
    complaint_subject: str = ""
    # The review letter: what goes before, opens, introduces the points and closes it.
    review_preamble: str = ""   # a line before the letter's first paragraph
    review_opening: str = ""    # format: authority, title, sent, answered
    review_points: str = ""     # the sentence before the numbered grounds
    review_closing: str = ""    # format: deadline, deadline_max
    review_reason_provision: str = ""  # where the law says a review must give reasons
    review_noun: str = "review"  # what the review is called in a sentence: "review", "reconsideration"
    review_overdue_note: str = ""  # a sentence after "no review outcome", where the regulator decides that too
    no_review: str = ""  # why a review letter is refused, for a law that has no review
    # Sentences some grounds add for this law only.
    harm_case: str = ""  # the case that sets the harm test
    vexatious_case: str = ""  # the case on vexatious / manifestly unreasonable requests
    cost_advice_guidance: str = ""  # guidance on advice when refusing on cost, after the duty
    format_reusable: str = ""  # the re-usable datasets duty, after the format duty
    future_publication_test: str = ""  # when the future-publication exemption applies
    policy_formulation: str = ""  # who may rely on the policy-formulation exemption, and for what
    public_affairs: str = ""  # format: ask; the public-affairs exemption's condition and what to ask
    confidentiality_harm: str = ""  # the harm the commercial-confidentiality exception needs
    emissions_provision: str = ""  # the provision that keeps emissions out of that exception
    # Filled from the entry (``Regime.__post_init__``).
    law: str = ""
    title: str = ""
    short: str = ""
    regulator: str = ""
    regulator_short: str = ""
    subject_access: bool = False

    def short_cite(self, provision: str) -> str:
        """A provision for a warning or a menu: "FOISA section 20"."""
        return provision if " of " in provision or provision.startswith("the ") else f"{self.short} {provision}"

    def cite(self, provision: str) -> str:
        """A provision in full: "section 10(1)" -> "section 10(1) of the Freedom of Information Act 2000"."""
        return provision if " of " in provision else f"{provision} of {self.act}"


@dataclass(frozen=True)
class SchoolRule:
    """A time-for-compliance variation for schools: the earlier of the 20th working day that is a
    school day, or a backstop counted in working days. foibot has no school calendars, so it shows
    the backstop and says so (``explanation``, with ``{due}`` for the date)."""

    backstop: Period
    who: str  # which schools, as a member reads it
    explanation: str
    applies_from: date | None = None  # when the regulations came into force
    review_backstop: Period | None = None  # the same variation for a review (FOISA s.21(6))


@dataclass(frozen=True)
class TemporaryLimit:
    """A limit that applied for a while only (the Coronavirus (Scotland) Act 2020): a response
    issued from ``first_day`` to ``last_day`` is judged by ``response`` (and a review outcome by
    ``review``); ``explanation`` is said to the member whenever a count ran in that time."""

    first_day: date
    last_day: date
    response: Period | None
    review: Period | None
    explanation: str
    citation: str

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True, eq=False)  # one object per law: compared and hashed by identity
class Regime:
    """One law's entry: its limits with their sources, its calendar, review and regulator, the
    flags code asks instead of testing which law it is, and its words for drafting and letters."""

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
    school_backstop: Period | None  # filled in from ``school`` when that is given
    review_name: str
    review_window: Period | None
    review_anchor: ReviewAnchor | None
    review_period: Period | None
    review_period_max: Period | None
    complaint_window: Period
    complaint_rule: str
    # Who reads receipt on a non-working day as receipt on the next working day (the 2018 s.45 Code
    # as some authorities read it; SIC Decision 092/2026).
    next_working_day_reading: str = ""
    no_review_outcome: str = ""  # what the regulator accepts when a review goes unanswered
    no_response_route: str = ""  # what to do when the request itself goes unanswered
    no_review_note: str = ""
    # Why an extension notified too late does not move the deadline ("" when there is no extension).
    extension_late: str = ""
    school: SchoolRule | None = None  # a time-for-compliance variation for schools (issue 15)
    no_school_rule: str = ""  # said when a school is flagged but this law has no school variation
    temporary_limits: tuple[TemporaryLimit, ...] = ()  # limits in force for a while only (2020)
    # The refusal that relies on future publication: (exemption id, its citation); ("", "") for none.
    future_publication: tuple[str, str] = ("", "")
    # -- what kind of law it is (code asks these, never which law it is) --------------------------
    environmental: bool = False  # environmental information regulations: exceptions, no cost limit
    cost_limit: bool = False  # a cost limit can be refused on (FOIA s.12, FOISA s.12)
    subject_access: bool = False  # a right of access to one's own personal data, not to information
    name_required: bool = True  # a valid request must give the requester's name (not the EIR/EISR)
    review_before_regulator: bool = False  # the regulator takes a case only after a review (FOISA s.47(1))
    home_division: Division | None = None  # where every authority under this law is (Scotland for FOISA)
    environmental_law: str = ""  # the law environmental information goes to instead (FOIA s.39 -> EIR)
    exemption_family: str = ""  # the exemptions table it uses (bot/law/exemptions.py), "" for none
    cost_refusal: str = ""  # that table's id for a refusal on cost (FOIA s.12; the EIR's "manifestly unreasonable")
    not_held_exception: str = ""  # its id for "not held", which withholds nothing (EIR reg 12(4)(a))
    choice_label: str = ""  # how a menu names it: "FOIA: Freedom of Information Act 2000 (...)"
    # -- how a reply under it is read (bot/reading) -------------------------------------------------
    # The statutes a reply under it cites when they are not laws of their own, as the reader names
    # them, its Act first ("the Act" in such a reply): the DPA 2018 and the UK GDPR for subject access.
    statutes: tuple[str, ...] = ()
    # Provisions of those statutes, as the reader writes them, that refuse a request (the exemptions
    # table holds the laws' own): UK GDPR art.12(5), art.15(4); DPA 2018 Schedules 2 to 4.
    refusal_provisions: tuple[str, ...] = ()
    # -- its words -------------------------------------------------------------------------------
    drafting: Mapping[str, str] = field(default_factory=dict)  # the drafting rules' citations, by key
    words: LawWords | None = None  # how its letters cite it

    def __post_init__(self) -> None:
        if self.school is not None and self.school_backstop is None:
            object.__setattr__(self, "school_backstop", self.school.backstop)
        elif self.school_backstop is not None and self.school is None:
            object.__setattr__(self, "school", SchoolRule(
                self.school_backstop, "a school",
                f"A school must answer by the earlier of the 20th school day or the {self.school_backstop.describe()} "
                f"({self.school_backstop.citation}); foibot has no school calendar, so it shows the backstop ({{due}}).",
            ))
        object.__setattr__(self, "drafting", MappingProxyType(dict(self.drafting)))
        if self.words is not None:
            # The words carry the entry's names, so a template reads them all from one object.
            object.__setattr__(self, "words", replace(
                self.words, law=self.law, title=self.title, short=self.short, regulator=self.regulator,
                regulator_short=self.regulator_short, subject_access=self.subject_access,
            ))

    @property
    def has_review(self) -> bool:
        """A statutory (or Code of Practice) review exists before the regulator."""
        return self.review_window is not None
