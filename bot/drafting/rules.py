"""The drafting rules, one entry each.

Each rule is data: a stable kebab-case id, a severity, the laws it applies to, a detector, why it
matters (a template over ``citations.py`` so each law cites its own provisions), the named
guidance it comes from, a rewrite builder and, where safe, an automatic fix. Adding a rule is one
more ``Rule(...)`` in ``RULES``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.drafting import detectors as d
from bot.drafting import patterns as p
from bot.drafting import request_checks as r
from bot.drafting import rewrites as w
from bot.drafting.citations import citations
from bot.drafting.detectors import Detector
from bot.drafting.model import Fix, Hit, LintContext, Severity
from bot.drafting.parse import ParsedRequest
from bot.law.regimes import Law, laws_where

log = logging.getLogger(__name__)

RewriteBuilder = Callable[[Hit, ParsedRequest, LintContext], str]
FixBuilder = Callable[[Hit, ParsedRequest, LintContext], Fix | None]

ALL_LAWS = laws_where(lambda r: True)
FOI_LAWS = laws_where(lambda r: not r.subject_access)  # information requests, not subject access
_WDTK = "WhatDoTheyKnow help, 'Making requests'"
_CFOI = "Campaign for Freedom of Information (Maurice Frankel, 'How to make your FOI request really count')"
_YORK = "City of York Council FOI guidance (say whether calendar or financial year)"
_ICO_RIGHT_OF_ACCESS = "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: Severity
    laws: frozenset[Law]
    detect: Detector
    why: str  # a str.format template over citations(law); our own text, never the member's
    source: str
    rewrite: RewriteBuilder
    fix: FixBuilder | None = None
    severity_by_law: Mapping[Law, Severity] = field(default_factory=lambda: MappingProxyType({}))

    def applies_to(self, law: Law) -> bool:
        return law in self.laws

    def severity_for(self, law: Law) -> Severity:
        return self.severity_by_law.get(law, self.severity)

    def why_for(self, law: Law) -> str:
        return self.why.format_map(citations(law))

    def source_for(self, law: Law) -> str:
        return self.source.format_map(citations(law))


RULES: tuple[Rule, ...] = (
    Rule(
        id="placeholder-left",
        title="A placeholder was left in",
        severity=Severity.PROBLEM,
        laws=ALL_LAWS,
        detect=d.placeholders,
        why=(
            "A request sent with '[insert date]' or 'XXX' in it cannot be answered as written, and an unfilled "
            "name makes it invalid ({valid})."
        ),
        source="Alaveteli issue #1545 (letters sent with placeholders unfilled); {guide}",
        rewrite=w.placeholder_rewrite,
    ),
    Rule(
        id="explanation-not-information",
        title="Asks for an explanation or opinion, not recorded information",
        severity=Severity.PROBLEM,
        laws=FOI_LAWS,
        detect=d.explanation_requests,
        why=(
            "The right of access covers information the authority already holds in recorded form ({recorded}); "
            "nobody has to explain, justify or give an opinion in reply. A 'why' question can be answered 'not "
            "held' or set aside, and an internal review that asks for an explanation can be dismissed for the "
            "same reason. Ask for the documents that would record the answer."
        ),
        source=(
            f"{{guide}} (recorded information only); {_WDTK} (no 'why' or opinion questions: ask for documents); "
            f"Eastleigh Borough Council FOI guidance (ask 'what?' or 'how much?', not 'why?'); {_CFOI}; {{recorded}}"
        ),
        rewrite=w.explanation_rewrite,
    ),
    Rule(
        id="own-personal-data",
        title="Asks for the requester's own personal data",
        severity=Severity.PROBLEM,
        laws=FOI_LAWS,
        detect=d.pattern_in_body(p.OWN_DATA_RE, "asks for records about you (\"{quote}\"): a subject access request"),
        why=(
            "Records about you are your personal data. They are not released under {act} ({own_data}) but "
            "through a subject access request: the right of access in UK GDPR art.15, answered within one "
            "calendar month (art.12(3)), free in most cases. Switch the law to SAR and foibot writes that request."
        ),
        source=(
            f"ICO, 'Right of access' ({_ICO_RIGHT_OF_ACCESS}); ICO, 'Preparing and submitting your subject access "
            "request'; {own_data}; UK GDPR art.15 (https://www.legislation.gov.uk/eur/2016/679/article/15)"
        ),
        rewrite=w.own_data_rewrite,
    ),
    Rule(
        id="missing-name",
        title="No real name",
        severity=Severity.PROBLEM,
        laws=ALL_LAWS,
        detect=r.missing_name,
        why=(
            "A request must give the requester's real name and an address for correspondence ({valid}); with a "
            "pseudonym or a first name alone the authority can treat it as invalid and never answer. The address "
            "the request is emailed from is enough as the address."
        ),
        source="{valid_guide}; {valid}",
        rewrite=w.missing_name_rewrite,
        # EIR reg 5 / EISR reg 5 set no name requirement: a risk, not invalidity.
        severity_by_law=MappingProxyType({law: Severity.WARNING for law in laws_where(lambda r: not r.name_required)}),
    ),
    Rule(
        id="no-signature",
        title="Not signed",
        severity=Severity.TIP,
        laws=ALL_LAWS,
        detect=r.no_signature,
        why=(
            "A request is made in the requester's real name ({valid}). The letter foibot writes is signed with "
            "the name you give it; text sent as it is here would go unsigned."
        ),
        source="{valid_guide}; {valid}",
        rewrite=w.missing_name_rewrite,
    ),
    Rule(
        id="relative-period",
        title="Relative period instead of dates",
        severity=Severity.WARNING,
        laws=ALL_LAWS,
        detect=d.relative_periods,
        why=(
            "The authority reads a relative period from the day it receives the request, and may take 'years' as "
            "calendar years, financial years (1 April to 31 March) or a rolling period. Different readings give "
            "different figures, and asking you which restarts the clock ({clarify})."
        ),
        source=f"{_YORK}; {_WDTK} (limit the time period); {{clarify}}",
        rewrite=w.relative_period_rewrite,
        fix=w.relative_period_fix,
    ),
    Rule(
        id="no-date-range",
        title="No dates for events or correspondence",
        severity=Severity.WARNING,
        laws=FOI_LAWS,
        detect=d.missing_periods,
        why=(
            "With no dates the authority has to search everything it holds on the subject, which pushes the "
            "request towards {cost}; or it chooses a period for you."
        ),
        source=f"{_WDTK} (limit the time period); {{guide}} (give any dates that help the search); {{cost_cite}}",
        rewrite=w.missing_period_rewrite,
    ),
    Rule(
        id="unbounded-scope",
        title="Unbounded scope",
        severity=Severity.WARNING,
        laws=FOI_LAWS,
        detect=d.unbounded_scope,
        why=(
            "'All information' or an open-ended list makes the authority search everything, which invites {cost} "
            "or a request for clarification that restarts the clock ({clarify}). The open-ended part is the one "
            "most often queried, answered last or dropped while the rest is answered."
        ),
        source=(
            f"{_CFOI} (avoid 'everything you hold'); Scottish Information Commissioner (too broad means a cost "
            "refusal); {cost_cite}"
        ),
        rewrite=w.unbounded_rewrite,
    ),
    Rule(
        id="assumed-breakdown",
        title="Assumes a breakdown the authority may not keep",
        severity=Severity.WARNING,
        laws=FOI_LAWS,
        detect=d.assumed_breakdowns,
        why=(
            "'How many X for Y cases' assumes the authority records X by Y. If it does not, the honest answer is "
            "'not held' (staff who work on every kind of case are not counted by kind). Ask for what is held in "
            "the nearest form, and for advice ({advice})."
        ),
        source="{advice}; {guide} (the authority must advise and assist); NCVO / Request Initiative (leave no room for interpretation)",
        rewrite=w.breakdown_rewrite,
        fix=w.breakdown_fix,
    ),
    Rule(
        id="compound-question",
        title="Several questions in one",
        severity=Severity.WARNING,
        laws=ALL_LAWS,
        detect=d.compound_questions,
        why=(
            "Several questions in one sentence invite a partial answer: the first part is answered and the rest "
            "missed, and a review is harder to argue when the parts have no numbers."
        ),
        source=f"{_WDTK} (keep it focused); ICO internal-review template (say which parts were not answered)",
        rewrite=w.compound_rewrite,
        fix=w.compound_fix,
    ),
    Rule(
        id="too-many-questions",
        title="Too many questions or too long",
        severity=Severity.WARNING,
        laws=FOI_LAWS,
        detect=r.too_many_questions,
        why="Many questions in one request add up towards {cost}, and one expensive part can sink the whole request.",
        source=f"{_WDTK} (keep it focused; think twice about big batches); {{cost_cite}}",
        rewrite=w.too_many_rewrite,
    ),
    Rule(
        id="third-party-personal-data",
        title="Asks for other people's personal data",
        severity=Severity.WARNING,
        laws=FOI_LAWS,
        detect=d.third_party_data,
        why=(
            "Information about identifiable people other than you is usually withheld ({personal}), and a whole "
            "question can be refused for it. Numbers, anonymised records, and senior staff's names and roles in "
            "their public capacity are usually released."
        ),
        source="{guide}; {personal_guide}; {personal}",
        rewrite=w.third_party_rewrite,
    ),
    Rule(
        id="emotive-wording",
        title="Emotive or accusatory wording",
        severity=Severity.WARNING,
        laws=ALL_LAWS,
        detect=d.emotive_wording,
        why=(
            "Accusations, insults and shouting add nothing a request needs; they make it read as a grievance and "
            "can support a refusal as vexatious ({vexatious}). Requests on WhatDoTheyKnow are published."
        ),
        source=(
            f"{{guide}} (no offensive language or unrelated complaint material); {_WDTK} (be polite; no campaign "
            "arguments or defamation); {vexatious}"
        ),
        rewrite=w.emotive_rewrite,
    ),
    Rule(
        id="undefined-term",
        title="Undefined term or acronym",
        severity=Severity.TIP,
        laws=ALL_LAWS,
        detect=d.undefined_terms,
        why=(
            "The authority searches for the words you use. An acronym or a label in quotes may mean something "
            "else to it, or nothing, and it may answer a different question or ask what you mean ({clarify})."
        ),
        source=f"{_WDTK} (spell out acronyms); NCVO / Request Initiative (leave no room for interpretation)",
        rewrite=w.undefined_term_rewrite,
    ),
    Rule(
        id="calendar-or-financial-year",
        title="Years, but which kind",
        severity=Severity.TIP,
        laws=FOI_LAWS,
        detect=d.year_kind,
        why=(
            "Councils and NHS bodies keep figures by financial year (1 April to 31 March), schools by academic "
            "year; 'per year' lets the authority choose, and figures by different kinds of year do not compare."
        ),
        source=_YORK,
        rewrite=w.year_kind_rewrite,
    ),
    Rule(
        id="no-advice-request",
        title="No request for advice and assistance",
        severity=Severity.TIP,
        laws=FOI_LAWS,
        detect=r.no_advice_request,
        why=(
            "The authority must give reasonable advice and assistance ({advice}); asking for it up front turns a "
            "flat refusal on {cost_short} into an answer to what can be answered and a way to narrow the rest."
        ),
        source=(
            f"{_CFOI} (use the duty to advise and assist); Scottish Information Commissioner (ask the authority to "
            "help you describe what you want); {advice}"
        ),
        rewrite=w.advice_rewrite,
        fix=w.advice_fix,
    ),
    Rule(
        id="no-format-preference",
        title="No format preference",
        severity=Severity.TIP,
        laws=ALL_LAWS,
        detect=r.no_format_preference,
        why=(
            "You may say how you want the information ({format}); the authority must follow a preference you "
            "state where reasonably practicable, or say why not. Without one, figures often arrive as scanned PDFs."
        ),
        source=f"{{guide}} (say which format you want); {_WDTK} (CSV, not screenshots); {{format}}",
        rewrite=w.format_rewrite,
        fix=w.format_fix,
    ),
    Rule(
        id="likely-published",
        title="Probably already published",
        severity=Severity.TIP,
        laws=FOI_LAWS,
        detect=d.pattern_in_questions(p.LIKELY_PUBLISHED_RE, "asks for something usually published: \"{quote}\""),
        why=(
            "Information already published need not be provided again ({published}): the answer will be a link, "
            "weeks later. Annual reports, accounts, pay policy statements, spending over £500, committee minutes "
            "and registers of interests are routinely published."
        ),
        source=f"{_WDTK} (check it is not already published); {_CFOI} (read what is published); {{published}}",
        rewrite=w.published_rewrite,
    ),
    Rule(
        id="environmental-subject",
        title="Environmental subject: the environmental regulations apply",
        severity=Severity.TIP,
        laws=laws_where(lambda r: bool(r.environmental_law)),
        detect=d.pattern_in_body(p.ENVIRONMENTAL_RE, "environmental subject: \"{quote}\"", once=True),
        why=(
            "Environmental information (air, water, land, noise, waste, emissions, and the plans and decisions "
            "affecting them) is dealt with under the {env_title} ({environmental}), not under {act}: there is no "
            "cost limit, only the environmental exceptions apply, and reconsideration is a legal right."
        ),
        source=f"{_CFOI} (flag environmental information); {{guide}}; {{environmental}}",
        rewrite=w.environmental_rewrite,
    ),
)

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
RULE_ORDER: Mapping[str, int] = MappingProxyType({rule.id: index for index, rule in enumerate(RULES)})
