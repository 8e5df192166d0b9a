"""The linter's findings as Discord embeds: the few that matter most, and every one on pages.

A findings message shows the ``TOP`` findings that matter most (``bot.drafting.ranking``), each
whole: its quote, why, sources and rewrite. **Show all N findings** sends every finding, split
into as many private messages as Discord's limits need (``finding_pages``). A finding keeps its
number everywhere: the number of its place in the full list (problems first, then reading order),
so "4" in the short message is "4" in the full one, and a gap ("1, 3, 4") says a finding is
waiting behind the button. Renumbering the three 1..3 would make the same finding "3" here and
"4" there, and a repeat's "as for 1" would point at different findings in the two views.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import discord

from bot.drafting import Finding, Severity, importance_order
from bot.drafting.ranking import TOP
from cogs._shared import cut

log = logging.getLogger(__name__)

# Discord's limits (https://discord.com/developers/docs/resources/message): message content 2000;
# up to 10 embeds, whose texts count 6000 characters together; a field's name 256 and value 1024;
# 25 fields an embed; an embed description 4096.
CONTENT_MAX = 2000
EMBEDS_TOTAL_MAX = 6000
EMBEDS_MAX = 10
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
DESCRIPTION_MAX = 4096
NAME_MAX = 150  # a finding's field name: its number, what was found and the rule id
QUOTE_MAX = 200
PART_WEIGHTS = (1, 2, 1, 3)  # quote, why, source, rewrite: how much each keeps when a finding is shortened
SEVERITY_LOOKS: dict[Severity, tuple[str, int]] = {
    Severity.PROBLEM: ("Problems: the request may be refused or ignored", 0xD83C3E),
    Severity.WARNING: ("Warnings: it invites delay, a cost refusal or a different answer", 0xE67E22),
    Severity.TIP: ("Tips: a better answer, sooner", 0x3498DB),
}
# What one message's fields may use: the 6,000 less every severity's embed title (at most three
# embeds a message, well inside Discord's ten).
FIELDS_BUDGET = EMBEDS_TOTAL_MAX - sum(len(title) for title, _ in SEVERITY_LOOKS.values())


# -- text that fits Discord ------------------------------------------------------------------------

def common_cap(lengths: Sequence[int], room: int, weights: Sequence[int] | None = None) -> int | None:
    """The largest ``cap`` such that the items cut to ``weight * cap`` fit in ``room`` together
    (None when they all fit already): the longest items are cut first, short ones stay whole."""
    weights = weights or [1] * len(lengths)
    if sum(lengths) <= room:
        return None
    low, high = 0, max(lengths)
    while low < high:  # binary search: the total only grows with the cap
        middle = (low + high + 1) // 2
        if sum(min(length, weight * middle) for length, weight in zip(lengths, weights)) <= room:
            low = middle
        else:
            high = middle - 1
    return low


def fit(parts: Sequence[str], room: int, weights: Sequence[int] | None = None) -> list[str]:
    """``parts`` shortened (longest first, in proportion to ``weights``) to fit in ``room`` together."""
    weights = weights or [1] * len(parts)
    cap = common_cap([len(p) for p in parts], room, weights)
    return list(parts) if cap is None else [cut(p, weight * cap) for p, weight in zip(parts, weights)]


def md(text: str) -> str:
    """Our text or the member's, shown as written: markdown escaped, line breaks kept."""
    return discord.utils.escape_markdown(text.strip())


def summary(findings: Sequence[Finding]) -> str:
    counts = [(s, sum(f.severity is s for f in findings)) for s in Severity]
    return ", ".join(f"{n} {s.value if n == 1 else s.plural}" for s, n in counts if n) or "No findings"


def finding_field(number: int, finding: Finding, *, same_as: int | None = None) -> tuple[str, str]:
    """One finding as an embed field (name at most ``NAME_MAX``, value at most 1,024 characters);
    ``same_as``: the number of an earlier finding of the same rule, whose why and source apply."""
    name = cut(f"{number}. {md(finding.message.rstrip('.'))} · {finding.rule_id}", NAME_MAX)
    quote = " ".join(finding.quote.split())
    labels = ["> " if quote else "", "\n**Why:** ", "\n**Source:** ", "\n**Rewrite:** "]
    parts = [cut(md(quote), QUOTE_MAX) if quote else "", md(finding.why), md(finding.source), md(finding.rewrite)]
    if same_as is not None:  # the same rule again: its why and sources once are enough
        labels[1:3], parts[1:3] = ["\n**Why:** ", ""], [f"as for {same_as}.", ""]
    tail = "\n*Apply fixes does this for you.*" if finding.fix else ""
    space = FIELD_VALUE_MAX - sum(len(label) for label in labels) - len(tail)
    # The rewrite matters most, then why; the quote is already short and the sources can be looked up.
    value = "".join(label + part for label, part in zip(labels, fit(parts, space, PART_WEIGHTS))).lstrip("\n") + tail
    return name, value


# -- which findings, numbered how ------------------------------------------------------------------

@dataclass(frozen=True)
class Numbered:
    """A finding as shown: its number in the full list, and the shown finding whose why it shares."""

    number: int
    finding: Finding
    same_as: int | None = None

    @cached_property
    def field(self) -> tuple[str, str]:
        """Its embed field (name, value), made once: pages measure it and embeds then show it."""
        return finding_field(self.number, self.finding, same_as=self.same_as)

    def size(self) -> int:
        """What the field counts towards a message's 6,000 embed characters."""
        return sum(map(len, self.field))


def numbered(findings: Sequence[Finding], positions: Sequence[int] | None = None) -> list[Numbered]:
    """The findings at ``positions`` (all by default), in list order and numbered by their place in
    the full list; a repeat of a rule shown before it says "as for N" instead of repeating itself."""
    first: dict[str, int] = {}
    shown: list[Numbered] = []
    for position in sorted(range(len(findings)) if positions is None else positions):
        finding, number = findings[position], position + 1
        earlier = first.setdefault(finding.rule_id, number)
        shown.append(Numbered(number, finding, earlier if earlier != number else None))
    return shown


def top_findings(findings: Sequence[Finding], n: int = TOP) -> list[Numbered]:
    """The ``n`` that matter most, in list order (the most serious first) with their full-list numbers."""
    return numbered(findings, importance_order(findings)[:n])


# -- embeds and pages ----------------------------------------------------------------------------

def findings_embeds(shown: Sequence[Numbered]) -> list[discord.Embed]:
    """One embed per severity, each finding a whole field. ``shown`` must fit one message: the top
    three always do (3 x 1,174 characters at most), and ``finding_pages`` makes pages that do."""
    embeds: dict[Severity, discord.Embed] = {}
    for item in shown:
        title, colour = SEVERITY_LOOKS[item.finding.severity]
        embed = embeds.setdefault(item.finding.severity, discord.Embed(title=title, colour=colour))
        name, value = item.field
        embed.add_field(name=name, value=value, inline=False)
    return list(embeds.values())


def finding_pages(shown: Sequence[Numbered], budget: int = FIELDS_BUDGET) -> list[list[Numbered]]:
    """``shown`` split, in order, into pages that each fit one message: fields of at most ``budget``
    characters together and at most 25 fields of one severity (one embed). Every finding stays
    whole: a field is at most 1,174 characters, so it always fits a page of its own."""
    pages: list[list[Numbered]] = []
    page: list[Numbered] = []
    used, per_severity = 0, Counter[Severity]()
    for item in shown:
        size = item.size()
        if page and (used + size > budget or per_severity[item.finding.severity] == FIELDS_MAX):
            pages.append(page)
            page, used, per_severity = [], 0, Counter()
        page.append(item)
        used += size
        per_severity[item.finding.severity] += 1
    if page:
        pages.append(page)
    return pages


def all_findings_messages(findings: Sequence[Finding], heading: str) -> list[dict[str, Any]]:
    """The keyword arguments of the private messages that hold every finding, in order, numbered
    as in the findings message; ``heading`` names what was checked (already escaped)."""
    if not findings:
        return [{"content": cut(f"**{heading}**\nNo findings now: nothing to change.", CONTENT_MAX), "embeds": []}]
    pages = finding_pages(numbered(findings))
    messages = []
    for index, page in enumerate(pages, start=1):
        first, last = page[0].number, page[-1].number
        which = f"{first} to {last}" if last != first else f"{first}"
        part = f", message {index} of {len(pages)}" if len(pages) > 1 else ""
        line = f"All {len(findings)} findings ({summary(findings)}): {which}{part}"
        messages.append({"content": cut(f"**{heading}**\n{line}", CONTENT_MAX), "embeds": findings_embeds(page)})
    return messages
