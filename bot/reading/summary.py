"""A reading in words a member reads: one line per finding, each with the quote it rests on.

Used by ``foibot read`` (plain text) and by Discord (an embed); both show the same lines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.reading.model import AnswerStatus, Kind, ReadOutcome, Reading, Span

log = logging.getLogger(__name__)

KIND_WORDS = {
    Kind.RESPONSE: "a response", Kind.CLARIFICATION_REQUEST: "a request for clarification",
    Kind.FEE_NOTICE: "a fees notice", Kind.EXTENSION_NOTICE: "an extension of the time to respond",
    Kind.REVIEW_OUTCOME: "the outcome of an internal review", Kind.ACKNOWLEDGEMENT: "an acknowledgement",
}
OUTCOME_WORDS = {
    ReadOutcome.SUCCESSFUL: "successful: the information was given", ReadOutcome.PARTIALLY_SUCCESSFUL: "partially successful",
    ReadOutcome.REFUSED: "refused", ReadOutcome.NOT_HELD: "information not held",
    ReadOutcome.NCND: "neither confirm nor deny (they won't say whether they hold it)",
    ReadOutcome.UPHELD: "the review upheld the original decision", ReadOutcome.OVERTURNED: "the review overturned the original decision",
    ReadOutcome.PARTLY_UPHELD: "the review upheld the decision in part",
}
ANSWER_WORDS = {
    AnswerStatus.ANSWERED: "answered", AnswerStatus.NOT_HELD: "not held", AnswerStatus.NOT_HELD_IN_FORM: "not held in the form asked",
    AnswerStatus.WITHHELD: "withheld", AnswerStatus.REFERS_TO: "as Q", AnswerStatus.UNCLEAR: "not clearly answered",
    AnswerStatus.WITHDRAWN: "withdrawn by you",
}
GAP_WORDS = {
    "no_public_interest_reasons": "A qualified exemption with no public interest reasons (FOIA s.17(3); EIR reg 14(3)(b); FOISA s.16(2))",
    "no_cost_estimate": "A cost refusal with no estimate of the time or cost (ICO section 12 guidance)",
    "no_advice": "No advice on narrowing the request (FOIA s.16; FOISA s.15; EIR/EISR reg 9)",
    "no_exemption_named": "A refusal that names no exemption (FOIA s.17(1); EIR reg 14(3)(a); FOISA s.16(1))",
    "no_review_rights": "It doesn't say how to ask for an internal review (FOIA s.17(7); EIR reg 14(5); FOISA s.19)",
    "no_regulator_rights": "It doesn't say you can complain to the regulator (FOIA s.17(7)(b); FOISA s.19)",
    "unanswered_questions": "Some questions are not clearly answered",
    "cut_off": "The text seems cut off: check nothing is missing (rights and reasons may be further down)",
}


@dataclass(frozen=True)
class Line:
    title: str
    detail: str
    quote: str | None = None


def _quote(span: Span | None, limit: int = 160) -> str | None:
    if span is None:
        return None
    text = " ".join(span.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _flag(value: bool | None, yes: str, no: str) -> str | None:
    return None if value is None else (yes if value else no)


def lines(reading: Reading) -> list[Line]:
    out = [Line("What it is", KIND_WORDS[reading.kind], _quote(reading.kind_span))]
    if reading.outcome is not None:
        out.append(Line("Outcome", OUTCOME_WORDS[reading.outcome], _quote(reading.outcome_span)))
    relied = reading.relied_labels()
    if relied:
        first = next(c for c in reading.citations if c.relied and c.label in relied)
        out.append(Line("Relies on", ", ".join(relied), _quote(first.span, 120)))
    elif reading.kind in (Kind.RESPONSE, Kind.REVIEW_OUTCOME):
        out.append(Line("Relies on", "no exemption named"))
    mentioned = reading.mentioned_labels()
    if mentioned:
        out.append(Line("Only mentioned", ", ".join(mentioned[:8])))
    for title, flag, yes, no in (
        ("Public interest", reading.public_interest_reasons, "reasons given", "no reasons given"),
        ("Cost estimate", reading.cost_estimate, "given", "none given"),
        ("Advice on narrowing", reading.advice, "given", "none given"),
        ("Review rights", reading.review_rights, "stated", "not stated"),
        ("Regulator", reading.regulator_rights, "complaint route stated", "not stated"),
    ):
        words = _flag(flag.value, yes, no)
        if words is not None:
            out.append(Line(title, words, _quote(flag.span, 100)))
    if reading.attachments_referred:
        n = reading.attachments_referred
        out.append(Line("Attachments", f"{n} document{'s' if n != 1 else ''} referred to: check {'they' if n != 1 else 'it'} arrived",
                        _quote(reading.attachment_spans[0] if reading.attachment_spans else None, 100)))
    if reading.answers:
        parts = []
        for a in reading.answers:
            words = ANSWER_WORDS[a.status] + (f"{a.to}" if a.to is not None else "")
            parts.append(f"Q{a.number} {words}")
        out.append(Line("Questions", "; ".join(parts)))
    if reading.kind is Kind.CLARIFICATION_REQUEST:
        part = ", ".join(f"Q{n}" for n in reading.clarification_part) or "the whole request (no part named)"
        out.append(Line("Clarification asked on", part, _quote(reading.clarification_span)))
    if reading.new_date:
        out.append(Line("New date", reading.new_date, _quote(reading.new_date_span)))
    if reading.fee_amount:
        out.append(Line("Fee", f"£{reading.fee_amount}", _quote(reading.fee_span)))
    for gap in reading.gaps:
        out.append(Line("To challenge", GAP_WORDS.get(gap, gap)))
    return out


def as_text(reading: Reading) -> str:
    rows = []
    for line in lines(reading):
        rows.append(f"{line.title}: {line.detail}")
        if line.quote:
            rows.append(f'    "{line.quote}"')
    return "\n".join(rows) + "\n"
