"""Drafting: the request linter and the request letter (pure: no discord, no database, no clock).

    findings = lint(text, LintContext(today=..., law=Law.FOIA))
    fixed = apply_fixes(text, findings, context)
    letter = render_request_letter(RequestDraftFacts(...), today)
    first = most_important(findings)  # the 3 a member reads first

Rules and their sources: ``bot.drafting.rules.RULES``.
"""

from __future__ import annotations

import logging

from bot.drafting.draft import Draft
from bot.drafting.letter import RequestDraftFacts, render_request_letter
from bot.drafting.linter import apply_fixes, lint
from bot.drafting.model import Finding, Fix, LintContext, Severity
from bot.drafting.parse import ParsedRequest, Question, parse_request
from bot.drafting.ranking import importance_order, most_important
from bot.drafting.rules import RULES, RULES_BY_ID, Rule

log = logging.getLogger(__name__)

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "Draft",
    "Finding",
    "Fix",
    "LintContext",
    "ParsedRequest",
    "Question",
    "RequestDraftFacts",
    "Rule",
    "Severity",
    "apply_fixes",
    "importance_order",
    "lint",
    "most_important",
    "parse_request",
    "render_request_letter",
]
