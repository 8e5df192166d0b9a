"""The linter's plain data: severities, findings, fixes and the context a lint runs in.

Everything here is a frozen dataclass so findings can be cached, compared in tests and turned
into JSON for the CLI and, later, Discord embeds.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.law.regimes import Law

log = logging.getLogger(__name__)


class Severity(enum.StrEnum):
    """How much a finding matters, most serious first."""

    PROBLEM = "problem"  # the request will be refused, ignored or is not an information request
    WARNING = "warning"  # the request invites a clarification, a cost refusal or a different answer
    TIP = "tip"  # good practice that makes the answer better or quicker

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def plural(self) -> str:
        return f"{self.value}s"


_RANK = {Severity.PROBLEM: 0, Severity.WARNING: 1, Severity.TIP: 2}


@dataclass(frozen=True)
class Fix:
    """A safe automatic edit: replace ``text[start:end]`` with ``replacement``.

    An insertion has ``start == end``. Fixes are applied by ``apply_fixes`` only.
    """

    start: int
    end: int
    replacement: str
    description: str

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
            "description": self.description,
        }


@dataclass(frozen=True)
class Finding:
    """One thing the linter found, with the exact text it is about and what to write instead.

    ``span`` is a pair of character offsets into the linted text; for something *missing* (no
    format preference, no name) the span is empty and sits where the missing text would go.
    """

    rule_id: str
    severity: Severity
    span: tuple[int, int]
    quote: str
    message: str
    why: str
    source: str
    rewrite: str
    fix: Fix | None = None

    @property
    def start(self) -> int:
        return self.span[0]

    def sort_key(self) -> tuple[int, int, int]:
        return (self.severity.rank, self.span[0], self.span[1])

    def as_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "span": list(self.span),
            "quote": self.quote,
            "message": self.message,
            "why": self.why,
            "source": self.source,
            "rewrite": self.rewrite,
            "fix": self.fix.as_json() if self.fix else None,
        }


@dataclass(frozen=True)
class LintContext:
    """What the linter needs besides the text. ``today`` is the day the request will be sent."""

    today: date
    law: Law = Law.FOIA
    authority_name: str | None = None
    requester_name: str | None = None
    authority_short_name: str | None = None  # from the authority's record ("MoJ"): not an undefined term


@dataclass(frozen=True)
class Hit:
    """What a detector reports: a span, a message, and anything the rewrite/fix builders need."""

    start: int
    end: int
    message: str
    data: dict[str, Any] = field(default_factory=dict)
