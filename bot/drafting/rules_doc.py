"""The rules table as Markdown, for the README and ``python -m bot lint --rules``.

Generated from ``RULES`` so the documentation cannot drift from the code (a test checks the
README contains exactly this text).
"""

from __future__ import annotations

import logging

from bot.drafting.rules import RULES, Rule
from bot.law.regimes import REGIMES, Law, regime

log = logging.getLogger(__name__)

_LAW_ORDER = tuple(REGIMES)


def _severity(rule: Rule) -> str:
    text = rule.severity.value
    overrides = {(severity.value, law) for law, severity in rule.severity_by_law.items()}
    for value in sorted({value for value, _ in overrides}):
        laws = " and ".join(regime(law).short for law in _LAW_ORDER if (value, law) in overrides)
        text += f", {value} under {laws}"
    return text


def rules_markdown(law: Law = Law.FOIA) -> str:
    """One bullet per rule: id, severity, laws, what it flags, why (as cited for ``law``) and sources."""
    lines: list[str] = []
    for rule in RULES:
        shown = law if rule.applies_to(law) else next(l for l in _LAW_ORDER if rule.applies_to(l))
        laws = ", ".join(regime(l).short for l in _LAW_ORDER if rule.applies_to(l))
        fix = " Automatic fix." if rule.fix else ""
        lines.append(f"- **`{rule.id}`** ({_severity(rule)}; {laws}): {rule.title}.{fix}")
        lines.append(f"  {rule.why_for(shown)}")
        lines.append(f"  *Sources:* {rule.source_for(shown)}.")
    return "\n".join(lines) + "\n"
