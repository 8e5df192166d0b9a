"""What the reader returns: a ``Reading``, each finding with the span of text it rests on.

Offsets are into the text as given (the reader's clean-up keeps every character's position), so a
finding can always be shown as the authority's own words.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from typing import Any

from bot.letters.answers import AnswerStatus  # one vocabulary with the tracked event's ``answers``

log = logging.getLogger(__name__)


class Kind(enum.StrEnum):
    """What sort of message the authority sent."""

    RESPONSE = "response"
    CLARIFICATION_REQUEST = "clarification_request"
    FEE_NOTICE = "fee_notice"
    EXTENSION_NOTICE = "extension_notice"
    REVIEW_OUTCOME = "review_outcome"
    ACKNOWLEDGEMENT = "acknowledgement"


class ReadOutcome(enum.StrEnum):
    """A response's outcome (WhatDoTheyKnow's words, plus NCND) or a review's verdict."""

    SUCCESSFUL = "successful"
    PARTIALLY_SUCCESSFUL = "partially_successful"
    REFUSED = "refused"
    NOT_HELD = "not_held"
    NCND = "ncnd"  # neither confirm nor deny (FOIA s.1(1)(a) excluded by a Part II "(N)" subsection)
    UPHELD = "upheld"  # a review kept the original decision
    OVERTURNED = "overturned"
    PARTLY_UPHELD = "partly_upheld"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Citation:
    """One provision as written, normalised ("FOIA s.40(2)"), and whether the reply relies on it."""

    label: str  # normalised, e.g. "FOIA s.43(2)", "EIR reg 12(4)(b)", "DPA 2018 Sch.2 para.16"
    law: str  # "foia", "eir", "foisa", "eisr", "gdpr", "dpa"
    provision: str  # the table-style id, e.g. "s43(2)", "r12(4)(b)", "a15", "sch2p16"
    relied: bool
    why: str  # why it was judged relied on or only mentioned ("rights paragraph", "not applied", ...)
    span: Span
    exemption_id: str | None = None  # the entry in bot.law.exemptions it resolves to, if any


@dataclass(frozen=True)
class Answer:
    number: int
    status: AnswerStatus
    span: Span | None
    to: int | None = None  # for REFERS_TO

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status.value}
        if self.to is not None:
            out["to"] = self.to
        return out


@dataclass(frozen=True)
class Flag:
    """A yes/no/unknown finding (``value`` None: the reply gives no reason to say either)."""

    value: bool | None
    span: Span | None = None


@dataclass(frozen=True)
class Reading:
    kind: Kind
    kind_span: Span | None
    law: str  # the law the reply is under, as read ("foia", "eir", "foisa", "eisr", "sar")
    outcome: ReadOutcome | None
    outcome_span: Span | None
    citations: tuple[Citation, ...]  # every provision found, relied on or not, in text order
    attachments_referred: int
    attachment_spans: tuple[Span, ...]
    review_rights: Flag
    regulator_rights: Flag
    public_interest_reasons: Flag
    cost_estimate: Flag
    advice: Flag
    answers: tuple[Answer, ...] = ()
    clarification_part: tuple[int, ...] = ()  # the questions a clarification request concerns
    clarification_span: Span | None = None
    new_date: str | None = None  # an extension's new date (ISO)
    new_date_span: Span | None = None
    fee_amount: str | None = None  # a fees notice's amount, "25.00"
    fee_span: Span | None = None
    truncated: bool = False  # the text stops mid-letter (no sign-off, mid-sentence)
    gaps: tuple[str, ...] = field(default=())  # what an expert would challenge, as gap ids

    @property
    def relied(self) -> tuple[Citation, ...]:
        return tuple(c for c in self.citations if c.relied)

    def relied_labels(self) -> list[str]:
        """Normalised, once each; a parent named beside its subsection ("section 43 ... 43(2)") is the subsection."""
        labels = list(dict.fromkeys(c.label for c in self.citations if c.relied))
        return [label for label in labels if not any(other.startswith(label + "(") for other in labels)]

    def mentioned_labels(self) -> list[str]:
        relied = self.relied_labels()
        labels = dict.fromkeys(c.label for c in self.citations)
        return [label for label in labels if label not in relied and not any(r.startswith(label + "(") for r in relied)
                and not any(c.relied and c.label == label for c in self.citations)]

    def exemption_ids(self) -> list[str]:
        """The relied-on provisions as ``bot.law.exemptions`` ids, for the tracked event."""
        kept = set(self.relied_labels())
        ids = list(dict.fromkeys(c.exemption_id for c in self.citations if c.relied and c.exemption_id and c.label in kept))
        return [i for i in ids if not any(other != i and other.startswith(i + "(") for other in ids)]

    def to_json(self) -> dict[str, Any]:
        """The CLI contract (docs/reading.md): these keys, in this shape."""
        spans: list[dict[str, Any]] = []

        def add(finding: str, span: Span | None) -> None:
            if span is not None:
                spans.append({"finding": finding, **span.to_json()})

        add("kind", self.kind_span)
        add("outcome", self.outcome_span)
        for c in self.citations:
            add(f"{'citation' if c.relied else 'mentioned'}:{c.label}", c.span)
        for s in self.attachment_spans:
            add("attachment", s)
        add("review_rights", self.review_rights.span)
        add("regulator_rights", self.regulator_rights.span)
        add("public_interest_reasons", self.public_interest_reasons.span)
        add("cost_estimate", self.cost_estimate.span)
        add("advice", self.advice.span)
        for a in self.answers:
            add(f"question:{a.number}", a.span)
        add("clarification_part", self.clarification_span)
        add("new_date", self.new_date_span)
        add("fee_amount", self.fee_span)
        return {
            "kind": self.kind.value,
            "law": self.law,
            "outcome": self.outcome.value if self.outcome else None,
            "citations": self.relied_labels(),
            "mentioned": self.mentioned_labels(),
            "exemptions": self.exemption_ids(),
            "attachments_referred": self.attachments_referred,
            "review_rights_stated": self.review_rights.value,
            "regulator_rights_stated": self.regulator_rights.value,
            "public_interest_reasons_given": self.public_interest_reasons.value,
            "cost_estimate_given": self.cost_estimate.value,
            "advice_given": self.advice.value,
            "questions": {str(a.number): a.to_json() for a in self.answers},
            "clarification_part": list(self.clarification_part),
            "new_date": self.new_date,
            "fee_amount": self.fee_amount,
            "truncated": self.truncated,
            "gaps": list(self.gaps),
            "spans": spans,
        }
