"""Drafting: the request linter and the request letter (pure: no discord, no database, no clock).

    findings = lint(text, LintContext(today=..., law=Law.FOIA))
    fixed = apply_fixes(text, findings, context)
    letter = render_request_letter(RequestDraftFacts(...), today)

Rules and their sources: ``bot.drafting.rules.RULES``.
"""

from __future__ import annotations

import logging

from bot.drafting.draft import Draft
from bot.drafting.letter import RequestDraftFacts, render_request_letter
from bot.drafting.linter import apply_fixes, lint
from bot.drafting.model import Finding, Fix, LintContext, Severity
from bot.drafting.parse import ParsedRequest, Question, parse_request
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
    "lint",
    "parse_request",
    "render_request_letter",
]
