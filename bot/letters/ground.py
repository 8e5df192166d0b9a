"""What a letter ground is: the entry type of the grounds table (``grounds_table``), the context its
predicates read, and a ground as proposed for one letter. Its own module so that the table and the
engine that runs it (``grounds``) do not import each other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.law.exemptions import Exemption, lookup
from bot.law.regimes import Law
from bot.letters.facts import LetterFacts
from bot.letters.timeline import Timeline
from bot.letters.wording import LetterKind, wording

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GroundContext:
    """Everything a ground's predicate may look at."""

    kind: LetterKind
    facts: LetterFacts
    timeline: Timeline

    @property
    def today(self) -> date:
        return self.timeline.today

    @property
    def cited(self) -> tuple[Exemption, ...]:
        """The exemptions the response cited, as table entries under the request's law."""
        found = (lookup(self.facts.law, i) for i in self.facts.exemptions)
        return tuple(e for e in found if e is not None)


Predicate = Callable[[GroundContext], bool]
Selector = Callable[[GroundContext], tuple[Exemption, ...]]


@dataclass(frozen=True)
class Ground:
    """One argument a letter can make."""

    id: str
    title: str  # short, for a select menu (Discord: 100 characters at most)
    kinds: frozenset[LetterKind]
    laws: frozenset[Law]
    when: Predicate  # the facts support it: it is offered and can be written
    provisions: tuple[str, ...] = ()  # ``LawWording`` attributes cited, e.g. ("refusal_notice",)
    guidance: tuple[str, ...] = ()  # guidance and case law; "foia:..." cites it under that law only
    preselect: bool | Predicate = True  # ticked by default; False: the member confirms it fits
    covers: frozenset[str] = frozenset()  # "family:id" of the exemptions it argues against
    about: Selector | None = None  # which cited exemptions its paragraph names (default: ``covers``)
    check: str = ""  # what the member should check before keeping it (shown when not ticked)
    needs: str = ""  # the facts it needs, said when a member adds it to a request without them
    source: str = ""  # where the argument comes from, for the README

    @property
    def template(self) -> str:
        return f"letters/grounds/{self.id}.txt.j2"

    def exemptions(self, ctx: GroundContext) -> tuple[Exemption, ...]:
        if self.about is not None:
            return self.about(ctx)
        return tuple(e for e in ctx.cited if f"{e.family}:{e.id}" in self.covers)

    def supported(self, ctx: GroundContext) -> bool:
        if ctx.kind not in self.kinds or ctx.facts.law not in self.laws:
            return False
        if (self.covers or self.about is not None) and not self.exemptions(ctx):
            return False
        return self.when(ctx)

    def selected_by_default(self, ctx: GroundContext) -> bool:
        return self.preselect(ctx) if callable(self.preselect) else self.preselect

    def citations(self, law: Law, exemptions: Iterable[Exemption] = ()) -> tuple[str, ...]:
        """Citations in full for ``law``: its provisions, the exemptions named, then guidance."""
        words = wording(law)
        out: list[str] = []
        for name in self.provisions:
            provision = getattr(words, name)
            if provision:
                out.append(provision if " of " in provision else f"{words.short} {provision}")
        out.extend(f"{words.short} {e.label}" for e in exemptions)
        for source in self.guidance:
            prefix, _, rest = source.partition(":")
            if rest and prefix in {m.value for m in Law}:
                if prefix == law.value:
                    out.append(rest)
            else:
                out.append(source)
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class ProposedGround:
    """A ground offered for one letter: ticked (``selected``) or offered for the member to confirm."""

    id: str
    title: str
    selected: bool
    citations: tuple[str, ...]
    check: str = ""
    exemptions: tuple[str, ...] = field(default=())  # the cited exemption ids it is about
