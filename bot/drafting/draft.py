"""The draft wizard's pure state: what a member has typed so far, and whether it is complete.

The Discord cog (later) shows these fields in a modal; a modal text input holds at most 4,000
characters (Discord API, TextInput max_length), so no field may be longer. The database model
(later) stores the same fields.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import date

from bot.drafting.letter import RequestDraftFacts, render_request_letter
from bot.drafting.model import LintContext
from bot.errors import BadInput
from bot.law.regimes import Law

log = logging.getLogger(__name__)

MODAL_FIELD_MAX_CHARS = 4000  # Discord: a modal TextInput's max_length cannot exceed 4000
AUTHORITY_MAX_CHARS = 200
SUBJECT_MAX_CHARS = 200
QUESTIONS_MAX_CHARS = MODAL_FIELD_MAX_CHARS
REQUESTER_NAME_MAX_CHARS = 100

_LIMITS: tuple[tuple[str, str, int], ...] = (
    ("authority", "authority", AUTHORITY_MAX_CHARS),
    ("subject", "subject", SUBJECT_MAX_CHARS),
    ("questions", "questions", QUESTIONS_MAX_CHARS),
    ("requester_name", "requester name", REQUESTER_NAME_MAX_CHARS),
)
_REQUIRED: tuple[tuple[str, str], ...] = (
    ("authority", "the authority's name"),
    ("questions", "your questions"),
    ("requester_name", "your real name"),
)


@dataclass(frozen=True)
class Draft:
    """A request being written. Empty strings are fields not filled in yet."""

    authority: str = ""
    subject: str = ""
    questions: str = ""
    requester_name: str = ""
    law: Law = Law.FOIA

    def with_changes(self, **changes: object) -> Draft:
        """A copy with some fields replaced (the wizard's Edit button)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def check_lengths(self) -> None:
        """``BadInput`` naming the first field that is too long for a Discord modal field."""
        for attribute, label, limit in _LIMITS:
            value = getattr(self, attribute)
            if len(value) > limit:
                raise BadInput(
                    f"The {label} is {len(value):,} characters long; the most it can be is {limit:,}. "
                    "Shorten it" + (" or split the request in two." if attribute == "questions" else ".")
                )

    def missing(self) -> list[str]:
        """The required fields still empty, in the order the wizard asks for them."""
        return [attribute for attribute, _ in _REQUIRED if not getattr(self, attribute).strip()]

    def validate(self) -> None:
        """``BadInput`` naming the field when the draft cannot become a letter yet."""
        self.check_lengths()
        for attribute, what in _REQUIRED:
            if not getattr(self, attribute).strip():
                raise BadInput(f"The draft needs {what} ({attribute.replace('_', ' ')}); it is empty.")

    def lint_context(self, today: date, *, authority_short_name: str | None = None) -> LintContext:
        """``authority_short_name``: the authority's short name on its record ("MoJ"), if known."""
        return LintContext(
            today=today,
            law=self.law,
            authority_name=self.authority.strip() or None,
            requester_name=self.requester_name.strip() or None,
            authority_short_name=authority_short_name,
        )

    def to_facts(self) -> RequestDraftFacts:
        self.validate()
        return RequestDraftFacts(
            authority_name=self.authority,
            law=self.law,
            questions=self.questions,
            requester_name=self.requester_name,
            subject=self.subject or None,
        )

    def letter(self, today: date) -> str:
        """The request letter for this draft (the wizard's Preview letter button)."""
        return render_request_letter(self.to_facts(), today)
