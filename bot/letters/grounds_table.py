"""The grounds table: one entry per argument a letter can make (read by ``bot.letters.grounds``).

Each ground's paragraph is ``prompts/letters/grounds/<id>.txt.j2``. Sources for every ground are
in its ``source`` (and in the README's grounds table): the statutes as cited, the ICO's and the
Scottish Information Commissioner's guidance on each provision.
"""

from __future__ import annotations

import logging

from bot.law.exemptions import Exemption
from bot.law.regimes import laws_where
from bot.letters.answers import AnswerStatus, questions_with, resolved
from bot.letters.facts import Outcome
from bot.letters.ground import Ground, GroundContext
from bot.letters.wording import LetterKind

log = logging.getLogger(__name__)

REVIEW, CHASER, COMPLAINT, CLARIFICATION = LetterKind
_RC = frozenset({REVIEW, COMPLAINT})
_FOI = laws_where(lambda r: not r.subject_access)  # requests for information
_ALL = laws_where(lambda r: True)
_ACTS = laws_where(lambda r: r.cost_limit)  # the Acts' refusal grounds (cost, vexatious)
_REGS = laws_where(lambda r: r.environmental)

HOGAN = "Hogan and Oxford City Council v Information Commissioner (EA/2005/0026 and 0030)"
DRANSFIELD = "Dransfield v Information Commissioner [2015] EWCA Civ 454"
BROMLEY = "Bromley v Information Commissioner and Environment Agency (EA/2006/0072)"


# -- predicates over the facts -----------------------------------------------------------------

def _responded(ctx: GroundContext) -> bool:
    return ctx.facts.responded is not None


def _late_response(ctx: GroundContext) -> bool:
    return _responded(ctx) and ctx.timeline.late


def _no_response(ctx: GroundContext) -> bool:
    return not _responded(ctx) and ctx.timeline.late


def _partial(ctx: GroundContext) -> bool:
    return _responded(ctx) and bool(ctx.facts.unanswered_lines())  # a withdrawn question is not unanswered


def _attachment(ctx: GroundContext) -> bool:
    return _responded(ctx) and ctx.facts.attachment_missing


def _format_ignored(ctx: GroundContext) -> bool:
    asked, given = ctx.facts.format_asked, ctx.facts.format_given
    return _responded(ctx) and bool(asked and given) and asked.casefold() != given.casefold()  # type: ignore[union-attr]


def _not_in_form(ctx: GroundContext) -> bool:
    return _responded(ctx) and bool(questions_with(ctx.facts.answers, AnswerStatus.NOT_HELD_IN_FORM))


def _refers(ctx: GroundContext) -> bool:
    return _responded(ctx) and bool(questions_with(ctx.facts.answers, AnswerStatus.REFERS_TO))


def _refers_to_no_answer(ctx: GroundContext) -> bool:
    """Ticked when an "as question N" leads to something other than an answer (PHSO: 4 -> 1, 6 -> 3)."""
    answers = ctx.facts.answers
    return any(
        (r := resolved(answers, n)) is None or r.status is not AnswerStatus.ANSWERED
        for n in questions_with(answers, AnswerStatus.REFERS_TO)
    )


def _refused_unnamed(ctx: GroundContext) -> bool:
    return ctx.facts.outcome in (Outcome.REFUSED, Outcome.NCND) and not ctx.facts.exemptions


# What the reply reader found (bot/reading, saved with the member's corrections) ticks the ground
# it supports; unknown (None) leaves it for the member to confirm, as before.
def _no_pi_reasons_read(ctx: GroundContext) -> bool:
    return ctx.facts.public_interest_reasons_given is False


def _no_estimate_read(ctx: GroundContext) -> bool:
    return ctx.facts.cost_estimate_given is not True


def _no_advice_read(ctx: GroundContext) -> bool:
    return ctx.facts.advice_given is not True


def _not_held(ctx: GroundContext) -> bool:
    return _responded(ctx) and (ctx.facts.outcome == Outcome.NOT_HELD or any(e.test == "not-held" for e in ctx.cited))


def _review_overdue(ctx: GroundContext) -> bool:
    facts = ctx.facts
    if facts.review_requested is None or facts.review_responded is not None:
        return False
    # Late only on every reading: a request for review received on a non-working day waits for
    # the next-working-day date (SIC Decision 092/2026).
    due = ctx.timeline.review_late_after()
    return due is not None and ctx.today > due


def _partly_clarified(ctx: GroundContext) -> bool:
    return ctx.facts.clarification_partial and ctx.facts.clarification_requested is not None


def _always(ctx: GroundContext) -> bool:
    return True


# -- which cited exemptions a generic ground is about ----------------------------------------

def _qualified(ctx: GroundContext) -> tuple[Exemption, ...]:
    # A public interest argument only for provisions that have a public interest test (never absolute ones).
    return tuple(e for e in ctx.cited if e.public_interest and not e.absolute)


def _prejudice_based(ctx: GroundContext) -> tuple[Exemption, ...]:
    return tuple(e for e in ctx.cited if e.prejudice_based)


def _covered(e: Exemption) -> bool:
    return any(f"{e.family}:{e.id}" in g.covers for g in GROUNDS)


def _prejudice_unargued(ctx: GroundContext) -> bool:
    """Ticked when some prejudice-based exemption has no ground of its own that argues the harm."""
    return any(not _covered(e) for e in _prejudice_based(ctx))


def _others(ctx: GroundContext) -> tuple[Exemption, ...]:
    """Cited class-based exemptions with no ground of their own (prejudice-based ones go to prejudice_not_shown)."""
    return tuple(e for e in ctx.cited if not _covered(e) and not e.prejudice_based and e.test != "not-held")


def _keys(*pairs: str) -> frozenset[str]:
    return frozenset(pairs)


GROUNDS: tuple[Ground, ...] = (
    # -- time ----------------------------------------------------------------------------------
    Ground(
        "no_response", "No response within the time limit", _RC, _ALL, _no_response,
        provisions=("time_limit", "duty"),
        needs="there must be no response yet, and the deadline must have passed.",
        source="FOIA s.10(1); EIR reg 5(2); FOISA s.10(1); EISR reg 5(2)(a); UK GDPR art.12(3); ICO time-limits guidance",
    ),
    Ground(
        "late_response", "The response came after the time limit", _RC, _ALL, _late_response,
        provisions=("time_limit",),
        needs="the response must have come after the deadline.",
        source="FOIA s.10(1); EIR reg 5(2); FOISA s.10(1); EISR reg 5(2)(a); UK GDPR art.12(3)",
    ),
    Ground(
        "review_overdue", "No review outcome within the review period", frozenset({COMPLAINT}), _FOI, _review_overdue,
        provisions=("review_deadline",),  # the duty to answer: FOISA s.21(1), EISR reg 16(4), EIR reg 11(4)
        needs="a review must have been asked for, with no outcome by its due date.",
        source="FOIA s.45 Code of Practice (ICO: 20, at most 40 working days); EIR reg 11(4); FOISA s.21(1); EISR reg 16(4)",
    ),
    # -- what came back ------------------------------------------------------------------------
    Ground(
        "partial_answer", "Some questions were not answered", _RC, _ALL, _partial,
        provisions=("duty", "refusal_notice", "advice"),
        needs="record which questions were not answered.",
        source="FOIA s.1(1), s.16, s.17(1); EIR reg 5(1), reg 9, reg 14; FOISA s.1(1), s.15, s.16; EISR reg 5(1), reg 9, reg 13; UK GDPR art.15",
    ),
    Ground(
        "missing_attachment", "The attachment the response refers to is missing", _RC, _ALL, _attachment,
        provisions=("duty",),
        needs="record that the response's attachment was missing.",
        source="FOIA s.1(1)(b) (the duty is to communicate the information); EIR reg 5(1); FOISA s.1(1); EISR reg 5(1); UK GDPR art.15(3)",
    ),
    Ground(
        "format_ignored", "My format preference was ignored", _RC, _ALL, _format_ignored,
        provisions=("format",),
        needs="record the format asked for and the format given.",
        source="FOIA s.11(1), s.11(1A) (re-usable datasets); EIR reg 6(1); FOISA s.11; EISR reg 6(1); UK GDPR art.12(1), 15(3)",
    ),
    Ground(
        "not_held_in_form", "Held, but 'not in the form asked': ask what is held", _RC, _FOI, _not_in_form,
        provisions=("duty", "advice"),
        guidance=("foia:ICO guidance on section 16 (advice and assistance)",),
        needs="record the questions the response said were not held in the form asked (answers: 1,3: not held in form).",
        source="FOIA s.1(1), s.16, s.84 (information recorded in any form); EIR reg 5(1), reg 9; FOISA s.1(1), s.15; EISR reg 5(1), reg 9; ICO section 16 guidance",
    ),
    Ground(
        "totals_for_breakdown", "Totals were given where I asked for a breakdown", _RC, _FOI, _not_in_form,
        provisions=("duty", "advice"), preselect=False,
        check="Keep this if the response gave totals where you asked for figures split by category.",
        needs="record the questions the response said were not held in the form asked (answers: 1,3: not held in form).",
        source="FOIA s.1(1), s.16; EIR reg 5(1), reg 9; FOISA s.1(1), s.15; EISR reg 5(1), reg 9 (a count from records that show the category is held information)",
    ),
    Ground(
        "refers_to_answer", "An answer only refers to another answer", _RC, _FOI, _refers,
        provisions=("duty", "advice"), preselect=_refers_to_no_answer,
        check="Keep this if the question referred to asks for something different from the one it answers.",
        needs="record the answers that only refer to another one (answers: 4->1).",
        source="FOIA s.1(1); EIR reg 5(1); FOISA s.1(1); EISR reg 5(1): each part of a request is answered on its own terms",
    ),
    Ground(
        "not_held", "'Not held': ask for the searches to be checked", _RC, _ALL, _not_held,
        provisions=("not_held", "advice"),
        guidance=(BROMLEY,),
        needs="the response must have said the information is not held.",
        source="FOIA s.1(1)(a), s.16; EIR reg 12(4)(a); FOISA s.17; EISR reg 10(4)(a); ICO guidance on determining whether information is held; Bromley (EA/2006/0072)",
    ),
    # -- the refusal notice --------------------------------------------------------------------
    Ground(
        "no_exemption_named", "The refusal names no exemption", _RC, _FOI, _refused_unnamed,
        provisions=("refusal_notice",),
        needs="the response must be a refusal that cited no exemption.",
        source="FOIA s.17(1)(b)-(c); EIR reg 14(3)(a); FOISA s.16(1); EISR reg 13(b)",
    ),
    Ground(
        "no_public_interest_reasons", "No public interest reasons were given", _RC, _FOI, _always,
        about=_qualified, provisions=("pi_reasons",), preselect=_no_pi_reasons_read,
        check="Keep this only if the refusal gave no reasons for its public interest conclusion.",
        needs="the response must cite an exemption that has a public interest test.",
        source="FOIA s.17(3); EIR reg 14(3)(b); FOISA s.16(2); EISR reg 13(b)",
    ),
    # -- refusals about the request itself ----------------------------------------------------
    Ground(
        "cost_estimate", "Cost limit: ask for the estimate", _RC, _ACTS, _always,
        covers=_keys("foia:s12", "foisa:s12"), provisions=("cost",), preselect=_no_estimate_read,
        needs="the response must cite section 12 (cost).",
        source="FOIA s.12; SI 2004/3244 regs 3-4 (£600/£450 at £25 an hour; only four activities count); FOISA s.12; SSI 2004/467; ICO section 12 guidance",
    ),
    Ground(
        "cost_advice", "Cost limit: no advice on narrowing the request", _RC, _ACTS, _always,
        covers=_keys("foia:s12", "foisa:s12"), provisions=("advice",), preselect=_no_advice_read,
        needs="the response must cite section 12 (cost).",
        source="FOIA s.16 and the s.45 Code; FOISA s.15; ICO section 12 guidance (advice and assistance)",
    ),
    Ground(
        "vexatious", "The request is not vexatious", _RC, _ACTS, _always,
        covers=_keys("foia:s14", "foisa:s14"), provisions=("vexatious",), guidance=(f"foia:{DRANSFIELD}",),
        needs="the response must cite section 14.",
        source="FOIA s.14(1)-(2), s.17(5); FOISA s.14; Dransfield [2015] EWCA Civ 454; ICO section 14 guidance",
    ),
    Ground(
        "manifestly_unreasonable", "The request is not manifestly unreasonable", _RC, _REGS, _always,
        covers=_keys("eir:r12(4)(b)", "eisr:r10(4)(b)"), provisions=("advice",), guidance=(f"eir:{DRANSFIELD}",),
        needs="the response must cite reg 12(4)(b) (EISR reg 10(4)(b)).",
        source="EIR reg 12(4)(b), 12(1)(b), 12(2), reg 9; EISR reg 10(4)(b); Dransfield (with Craven) [2015] EWCA Civ 454",
    ),
    # -- one per exemption the issue lists ----------------------------------------------------
    Ground(
        "personal_data", "Personal data: anonymise or aggregate", _RC, _FOI, _always,
        covers=_keys("foia:s40", "foia:s40(2)", "eir:r13", "foisa:s38", "foisa:s38(1)(b)", "eisr:r11"),
        needs="the response must cite s.40(2), reg 13, FOISA s.38(1)(b) or EISR reg 11.",
        source="FOIA s.40(2); EIR reg 13; FOISA s.38(1)(b); EISR reg 11; UK GDPR art.6(1)(f), recital 26 (anonymous information); ICO section 40 guidance",
    ),
    Ground(
        "accessible_elsewhere", "Not reasonably accessible to me elsewhere", _RC, _ACTS, _always,
        covers=_keys("foia:s21", "foisa:s25"),
        needs="the response must cite s.21 (FOISA s.25).",
        source="FOIA s.21; FOISA s.25; ICO section 21 guidance (precise location; reasonably accessible to the applicant)",
    ),
    Ground(
        "future_publication", "Future publication: no settled plan shown", _RC, _ACTS, _always,
        covers=_keys("foia:s22", "foisa:s27"),
        needs="the response must cite s.22 (FOISA s.27).",
        source="FOIA s.22(1); FOISA s.27(1) (within 12 weeks); ICO section 22 guidance",
    ),
    Ground(
        "investigations", "Investigations: the exemption's scope and age", _RC, _ACTS, _always,
        covers=_keys("foia:s30", "foisa:s34"),
        needs="the response must cite FOIA s.30 (FOISA s.34).",
        source="FOIA s.30; FOISA s.34; ICO section 30 guidance",
    ),
    Ground(
        "law_enforcement", "Law enforcement: the purpose and the harm", _RC, _ACTS, _always,
        covers=_keys("foia:s31", "foisa:s35"), guidance=(f"foia:{HOGAN}",),
        needs="the response must cite FOIA s.31 (FOISA s.35).",
        source="FOIA s.31(1); FOISA s.35; ICO section 31 guidance; Hogan",
    ),
    Ground(
        "policy_formulation", "Policy formulation: who may use it, and when", _RC, _ACTS, _always,
        covers=_keys("foia:s35", "foisa:s29"),
        needs="the response must cite FOIA s.35 (FOISA s.29).",
        source="FOIA s.35(1), (2), (4); FOISA s.29; ICO section 35 guidance",
    ),
    Ground(
        "public_affairs", "Conduct of public affairs: the opinion relied on", _RC, _ACTS, _always,
        covers=_keys("foia:s36", "foisa:s30"),
        needs="the response must cite FOIA s.36 (FOISA s.30).",
        source="FOIA s.36(2), (5) (the qualified person's reasonable opinion); FOISA s.30 (substantial prejudice); ICO section 36 guidance",
    ),
    Ground(
        "confidence", "Confidence: obtained from another person and actionable", _RC, _ACTS, _always,
        covers=_keys("foia:s41", "foisa:s36(2)"),
        needs="the response must cite FOIA s.41 (FOISA s.36(2)).",
        source="FOIA s.41(1)(a)-(b); FOISA s.36(2); ICO section 41 guidance (actionable breach; the public interest defence)",
    ),
    Ground(
        "legal_privilege", "Legal privilege: waiver and the public interest", _RC, _ACTS, _always,
        covers=_keys("foia:s42", "foisa:s36(1)"), provisions=("pi_test",),
        needs="the response must cite FOIA s.42 (FOISA s.36(1)).",
        source="FOIA s.42; FOISA s.36(1); ICO section 42 guidance",
    ),
    Ground(
        "commercial_interests", "Commercial interests: whose, and how harmed", _RC, _ACTS, _always,
        covers=_keys("foia:s43", "foia:s43(1)", "foia:s43(2)", "foisa:s33"),
        needs="the response must cite FOIA s.43 (FOISA s.33).",
        source="FOIA s.43; FOISA s.33(1); ICO section 43 guidance (evidence of third parties' concerns; public money)",
    ),
    Ground(
        "commercial_confidentiality", "Commercial confidentiality: each condition", _RC, _REGS, _always,
        covers=_keys("eir:r12(5)(e)", "eisr:r10(5)(e)"), provisions=("presumption",),
        needs="the response must cite reg 12(5)(e) (EISR reg 10(5)(e)).",
        source="EIR reg 12(5)(e), 12(9) (emissions); EISR reg 10(5)(e), 10(6); ICO regulation 12(5)(e) guidance",
    ),
    # -- arguments across exemptions (after the specific ones, so a letter reads specific first) --
    Ground(
        "prejudice_not_shown", "The harm claimed is not shown", _RC, _FOI, _always,
        about=_prejudice_based, preselect=_prejudice_unargued, guidance=(f"foia:{HOGAN}",),
        needs="the response must cite a prejudice-based exemption.",
        source="ICO guidance on the prejudice test; Hogan (EA/2005/0026 and 0030); FOISA and EISR: substantial prejudice",
    ),
    Ground(
        "exemption_other", "The exemption's own conditions are not met", _RC, _FOI, _always,
        about=_others, provisions=("refusal_notice",),
        needs="the response must cite an exemption that no other ground covers.",
        source="The exemptions table (bot/law/exemptions.py): what a review should argue for each provision",
    ),
    Ground(
        "public_interest", "The public interest favours disclosure", _RC, _FOI, _always,
        about=_qualified, provisions=("pi_test", "presumption"),
        needs="the response must cite a qualified exemption (absolute ones have no public interest test).",
        source="FOIA s.2(2)(b); EIR reg 12(1)(b), 12(2); FOISA s.2(1)(b); EISR reg 10(1)(b), 10(2); ICO guidance on the public interest test",
    ),
    # -- a reply to a clarification request ----------------------------------------------------
    Ground(
        "rest_still_due", "The parts not asked about keep their deadline", frozenset({CLARIFICATION}), _FOI, _partly_clarified,
        provisions=("time_limit", "clarification"),
        needs="the clarification must have been asked about one part of the request only.",
        source="FOIA s.1(3), s.10(6) (the PHSO case: the rest of the request kept its date); FOISA s.1(3); EIR/EISR reg 9",
    ),
)
