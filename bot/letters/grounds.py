"""The grounds engine: which arguments a letter should make, read from the request's facts.

``GROUNDS`` (in ``bot.letters.grounds_table``) is the table: one entry per ground, each saying which
letters and laws it belongs to, when the facts support it, whether it is ticked by default, the
paragraph template (``prompts/letters/grounds/<id>.txt.j2``) and its citations. This module runs it:
``propose_grounds`` offers every ground the facts support (ticked or not), ``choose_grounds`` applies
the member's additions and removals and refuses what cannot be written.

No ground asks the authority to explain itself: FOI gives recorded information, not explanations
(the PHSO review that asked "Can you explain this discrepancy?" was rejected for exactly that).
Grounds ask for information, for a proper refusal notice, or for the handling to be reviewed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from bot.errors import BadInput
from bot.law.regimes import Law
from bot.letters.facts import LetterFacts
from bot.letters.ground import Ground, GroundContext, Predicate, ProposedGround, Selector
from bot.letters.grounds_table import GROUNDS
from bot.letters.timeline import Timeline, build_timeline
from bot.letters.wording import LetterKind, has_kind, wording

log = logging.getLogger(__name__)

__all__ = [
    "GROUNDS",
    "Ground",
    "GroundContext",
    "Predicate",
    "ProposedGround",
    "Selector",
    "all_grounds",
    "check_kind",
    "choose_grounds",
    "context",
    "default_ground_ids",
    "ground",
    "propose",
    "propose_grounds",
    "validate_ground_ids",
]


def _grounds() -> tuple[Ground, ...]:
    return GROUNDS


def ground(ground_id: str) -> Ground:
    for g in _grounds():
        if g.id == ground_id:
            return g
    known = ", ".join(g.id for g in _grounds())
    raise BadInput(f"Unknown ground '{ground_id}'. Known grounds: {known}.")


def all_grounds() -> tuple[Ground, ...]:
    return _grounds()


def check_kind(kind: LetterKind | str, law: Law) -> LetterKind:
    """The kind as an enum, refusing a letter the law has no use for (SAR has no review)."""
    try:
        kind = LetterKind(kind)
    except ValueError:
        raise BadInput(f"Unknown letter '{kind}': choose review, chaser, complaint or clarification.") from None
    if not has_kind(law, kind):
        raise BadInput(wording(law).no_review or f"A {kind.value} letter does not apply to {wording(law).short} requests.")
    return kind


def context(kind: LetterKind | str, facts: LetterFacts, today: date, timeline: Timeline | None = None) -> GroundContext:
    kind = check_kind(kind, facts.law)
    return GroundContext(kind, facts, timeline or build_timeline(facts, today))


def propose(ctx: GroundContext) -> list[ProposedGround]:
    out = []
    for g in _grounds():
        if not g.supported(ctx):
            continue
        cited = g.exemptions(ctx)
        out.append(ProposedGround(
            id=g.id,
            title=g.title,
            selected=g.selected_by_default(ctx),
            citations=g.citations(ctx.facts.law, cited),
            check=g.check,
            exemptions=tuple(e.id for e in cited),
        ))
    return out


def propose_grounds(kind: LetterKind | str, facts: LetterFacts, today: date) -> list[ProposedGround]:
    """Every ground the facts support for this letter, in table order; ``selected`` ones are ticked."""
    return propose(context(kind, facts, today))


def default_ground_ids(proposals: Iterable[ProposedGround]) -> list[str]:
    return [p.id for p in proposals if p.selected]


def choose_grounds(
    kind: LetterKind | str,
    facts: LetterFacts,
    today: date,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
) -> list[str]:
    """The ticked grounds, plus the member's additions, minus their removals, in table order."""
    ctx = context(kind, facts, today)
    chosen = set(default_ground_ids(propose(ctx)))
    chosen |= set(add)
    chosen -= set(remove)
    return validate_ground_ids(ctx, chosen)


def validate_ground_ids(ctx: GroundContext, ids: Iterable[str]) -> list[str]:
    """``ids`` in table order, each known and writable for this letter; otherwise ``BadInput``."""
    wanted = list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))
    for ground_id in wanted:
        g = ground(ground_id)
        if ctx.kind not in g.kinds:
            raise BadInput(f"The ground '{ground_id}' does not belong in a {ctx.kind.value} letter.")
        if ctx.facts.law not in g.laws:
            raise BadInput(f"The ground '{ground_id}' does not apply under {ctx.facts.law.value.upper()}.")
        if not g.supported(ctx):
            raise BadInput(f"The ground '{ground_id}' ({g.title}) does not fit this request's facts: {_why_not(g)}")
    order = {g.id: n for n, g in enumerate(_grounds())}
    return sorted(wanted, key=order.__getitem__)


def _why_not(g: Ground) -> str:
    return g.needs or "record the response details it relies on first."
