"""``lint`` runs every rule that applies to the request's law; ``apply_fixes`` makes the safe edits.

Both are pure: no clock (``context.today`` is the day the request will be sent), no I/O.
"""

from __future__ import annotations

import logging

from bot.drafting.model import Finding, Fix, LintContext
from bot.drafting.parse import parse_request
from bot.drafting.rules import RULE_ORDER, RULES

log = logging.getLogger(__name__)

MAX_FIX_ROUNDS = 5  # fixes can enable each other (a split question then gets its dates); stop at a fixed point


def lint(text: str, context: LintContext) -> list[Finding]:
    """Every finding for ``text``, most serious first, then in reading order."""
    doc = parse_request(text)
    findings: list[Finding] = []
    for rule in RULES:
        if not rule.applies_to(context.law):
            continue
        why, source = rule.why_for(context.law), rule.source_for(context.law)
        severity = rule.severity_for(context.law)
        for hit in rule.detect(doc, context):
            findings.append(
                Finding(
                    rule_id=rule.id,
                    severity=severity,
                    span=(hit.start, hit.end),
                    quote=text[hit.start : hit.end],
                    message=hit.message[:1].upper() + hit.message[1:],
                    why=why,
                    source=source,
                    rewrite=rule.rewrite(hit, doc, context),
                    fix=rule.fix(hit, doc, context) if rule.fix else None,
                )
            )
    findings.sort(key=lambda f: (*f.sort_key(), RULE_ORDER[f.rule_id]))
    return findings


def _fixes_for(text: str, findings: list[Finding]) -> list[tuple[int, Fix]]:
    """The fixes that still match ``text``, without duplicates, in rule order."""
    chosen: dict[tuple[int, int, str], tuple[int, Fix]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None or not 0 <= fix.start <= fix.end <= len(text):
            continue
        if text[finding.span[0] : finding.span[1]] != finding.quote:
            continue  # found in another version of the text
        chosen.setdefault((fix.start, fix.end, fix.replacement), (RULE_ORDER[finding.rule_id], fix))
    return list(chosen.values())


def _overlap(fix: Fix, other: Fix) -> bool:
    """Two edits touch the same characters (an insertion inside a replaced span counts)."""
    if fix.start == fix.end:
        return other.start < fix.start < other.end
    return fix.start < other.end and other.start < fix.end


def _apply(text: str, fixes: list[tuple[int, Fix]]) -> str:
    accepted: list[tuple[int, Fix]] = []
    for order, fix in sorted(fixes, key=lambda item: (item[1].start, item[1].end, item[0])):
        overlaps = any(_overlap(fix, other) for _, other in accepted)
        if not overlaps:
            accepted.append((order, fix))
    # From the end backwards so earlier offsets stay valid; at one insertion point, the fix of the
    # earlier rule ends up first.
    for _, fix in sorted(accepted, key=lambda item: (item[1].start, item[1].end, item[0]), reverse=True):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


def apply_fixes(text: str, findings: list[Finding], context: LintContext) -> str:
    """``text`` with the safe fixes of ``findings`` applied.

    The text is re-linted after each round and fixes of the *same rules* applied again until none
    is left (splitting a question can reveal a period to write out). Passing only some findings
    (the member chose one fix) applies only those rules. Idempotent:
    ``apply_fixes(fixed, lint(fixed, ctx), ctx) == fixed`` for a ``fixed`` it returned.
    """
    wanted = {finding.rule_id for finding in findings if finding.fix is not None}
    current = findings
    for _ in range(MAX_FIX_ROUNDS):
        fixes = _fixes_for(text, [finding for finding in current if finding.rule_id in wanted])
        if not fixes:
            break
        text = _apply(text, fixes)
        current = lint(text, context)
    return text
