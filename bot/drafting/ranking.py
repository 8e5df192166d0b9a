"""Which findings a member reads first: the few that matter most (pure: no discord, no clock).

A member reads three things, not twenty. A weak request easily has ten findings, several of them
the same rule again (one quoted label after another), and a long list gets skimmed: the problem
that gets the request refused sits next to the tip about a spreadsheet. So ``/draft`` shows the
``n`` that matter most and keeps the rest one click away.

Importance, in order:

1. severity: problems, then warnings, then tips (``Severity.rank``);
2. within a severity, the first finding of each rule before any repeat of a rule already chosen
   (the second hit of every rule before the third hit of any), so three hits of one rule do not
   crowd out two other rules: a repeat usually says "as for 1" and teaches nothing new;
3. then the order the findings arrived in (the linter's: reading order, then ``RULE_ORDER``).

    chosen = most_important(lint(text, context))   # at most 3, most important first
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.drafting.model import Finding

log = logging.getLogger(__name__)

TOP = 3  # how many findings a message shows before "Show all"


def importance_order(findings: Sequence[Finding]) -> list[int]:
    """The positions of ``findings``, most important first (see the module's docstring)."""
    seen: dict[str, int] = {}
    keys: list[tuple[int, int, int]] = []
    for position, finding in enumerate(findings):
        repeat = seen.get(finding.rule_id, 0)  # 0 for a rule's first finding, 1 for its second, ...
        seen[finding.rule_id] = repeat + 1
        keys.append((finding.severity.rank, repeat, position))
    return [position for *_, position in sorted(keys)]


def most_important(findings: Sequence[Finding], n: int = TOP) -> list[Finding]:
    """The ``n`` findings that matter most (all of them when there are fewer), most important first."""
    return [findings[position] for position in importance_order(findings)[: max(n, 0)]]
