"""The reader: an authority's message in, a ``Reading`` out. Pure: no discord, no database, no clock.

    reading = read_reply(text, law="foia", questions=("How many ...", ...))

Everything it decides rests on a span of the text, so the member sees the words behind each
finding and can correct it before anything is saved (the member's correction always wins).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from bot.errors import BadInput
from bot.law.regimes import REGIMES
from bot.reading import citations as cites
from bot.reading import gaps
from bot.reading.kinds import pick_kind, response_outcome, review_verdict
from bot.reading.model import Answer, AnswerStatus, Citation, Kind, ReadOutcome, Reading
from bot.reading.questions import clarification_part, read_answers
from bot.reading.statutes import Context
from bot.reading.text import clean, looks_cut_off, mask_quoted, sentences

log = logging.getLogger(__name__)

MAX_CHARS = 60_000  # a long refusal is ~10,000 characters; past this it is a whole thread or the wrong file
_COST_WORDS = re.compile(r"\bexceed(?:s|ed)? the (?:appropriate|cost) limit\b|\bcost of compliance\b|\bmanifestly unreasonable\b", re.IGNORECASE)
_OUTCOME_KINDS = (Kind.RESPONSE, Kind.REVIEW_OUTCOME)


def _not_held(citation: Citation) -> bool:
    """A "not held" answer under its law (the entry's ``not_held_exception``)."""
    entry = REGIMES.get(citation.law)
    return entry is not None and bool(entry.not_held_exception) and citation.exemption_id == entry.not_held_exception


def read_reply(text: str, *, law: str | None = None, questions: Sequence[str] = ()) -> Reading:
    """Read one message from an authority. ``law`` (foia, eir, foisa, eisr, sar) is the tracked
    request's law when known; ``questions`` its questions, question 1 first."""
    if law is not None and law not in REGIMES:
        *first, last = REGIMES
        raise BadInput(f"'{law}' is not a law foibot reads: use {', '.join(first)} or {last}.")
    if text is None or not text.strip():
        raise BadInput("There is no text to read: paste the authority's reply, or attach it as a file.")
    if len(text) > MAX_CHARS:
        raise BadInput(f"The reply is {len(text):,} characters long; foibot reads up to {MAX_CHARS:,}. "
                       "Paste the authority's letter alone, without the thread it quotes.")
    if _binary(text):
        raise BadInput("That doesn't look like text (it is mostly control characters): attach the reply as .txt, .eml, .pdf or .docx.")
    plain = clean(text)
    masked = mask_quoted(plain)
    context = Context(masked, law)
    pieces = sentences(masked)
    found = cites.classify(text, masked, cites.find(masked, context), pieces)
    truncated = looks_cut_off(plain)
    # The rights paragraph ("the outcome of the internal review") says nothing about this message's kind.
    unrighted = masked
    for piece in cites.rights_paragraphs(masked):
        unrighted = unrighted[:piece.start] + re.sub(r"[^\n]", " ", piece.text) + unrighted[piece.end:]
    kind, kind_span = pick_kind(text, unrighted)
    answers = read_answers(text, masked, questions) if kind is Kind.RESPONSE else ()
    outcome, outcome_span = None, None
    # "Not held" (the entry's not_held_exception: EIR reg 12(4)(a), EISR reg 10(4)(a)) withholds nothing.
    relied = any(c.relied and not _not_held(c) for c in found)
    count, attachment_spans = gaps.attachments(text, masked)
    if kind is Kind.REVIEW_OUTCOME:
        outcome, outcome_span = review_verdict(text, masked)
    elif kind is Kind.RESPONSE:
        statuses = [a.status for a in answers]
        outcome, outcome_span = response_outcome(
            text, masked, relied=relied,
            withheld_parts=statuses.count(AnswerStatus.WITHHELD),
            not_held_parts=statuses.count(AnswerStatus.NOT_HELD) + statuses.count(AnswerStatus.NOT_HELD_IN_FORM),
            answered_parts=statuses.count(AnswerStatus.ANSWERED), attached=count > 0,
        )
    answers = _answers_from_outcome(answers, outcome)
    cost_words = bool(_COST_WORDS.search(masked))
    part, part_span = ((), None)
    if kind is Kind.CLARIFICATION_REQUEST:
        part, part_span = clarification_part(text, masked, questions)
    new_date, new_date_span = gaps.new_date(text, masked) if kind is Kind.EXTENSION_NOTICE else (None, None)
    fee_amount, fee_span = gaps.fee(text, masked) if kind is Kind.FEE_NOTICE else (None, None)
    reading = Reading(
        kind=kind,
        kind_span=kind_span,
        law=context.law,
        outcome=outcome,
        outcome_span=outcome_span,
        citations=tuple(found),
        attachments_referred=count,
        attachment_spans=attachment_spans,
        review_rights=gaps.review_rights(text, masked, truncated),
        regulator_rights=gaps.regulator_rights(text, masked, truncated),
        public_interest_reasons=gaps.public_interest_reasons(text, masked, found, truncated),
        cost_estimate=gaps.cost_estimate(text, masked, found, cost_words),
        advice=gaps.advice(text, masked, found, cost_words),
        answers=answers,
        clarification_part=part,
        clarification_span=part_span,
        new_date=new_date,
        new_date_span=new_date_span,
        fee_amount=fee_amount,
        fee_span=fee_span,
        truncated=truncated,
    )
    return _with_gaps(reading)


# A question the reply never takes up one by one shares the whole reply's fate: a refusal withholds
# it, a "not held" reply does not hold it, a full answer answers it. A partial reply leaves it unclear.
_WHOLE_REPLY = {ReadOutcome.REFUSED: AnswerStatus.WITHHELD, ReadOutcome.NCND: AnswerStatus.WITHHELD,
                ReadOutcome.NOT_HELD: AnswerStatus.NOT_HELD, ReadOutcome.SUCCESSFUL: AnswerStatus.ANSWERED}


def _answers_from_outcome(answers: tuple[Answer, ...], outcome: ReadOutcome | None) -> tuple[Answer, ...]:
    status = _WHOLE_REPLY.get(outcome) if outcome is not None else None
    if status is None:
        return answers
    return tuple(replace(a, status=status) if a.status is AnswerStatus.UNCLEAR and a.span is None else a for a in answers)


def _binary(text: str) -> bool:
    sample = text[:4000]
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return odd > max(8, len(sample) // 20)


def _with_gaps(reading: Reading) -> Reading:
    """The gaps an expert would challenge, as ids the letters' grounds know."""
    out: list[str] = []
    refusing = reading.outcome in (ReadOutcome.REFUSED, ReadOutcome.PARTIALLY_SUCCESSFUL, ReadOutcome.NCND)
    if reading.public_interest_reasons.value is False:
        out.append("no_public_interest_reasons")
    if reading.cost_estimate.value is False:
        out.append("no_cost_estimate")
    if reading.advice.value is False:
        out.append("no_advice")
    if reading.outcome is ReadOutcome.REFUSED and not reading.relied and reading.cost_estimate.value is None:
        out.append("no_exemption_named")
    if refusing and reading.review_rights.value is False:
        out.append("no_review_rights")
    if refusing and reading.regulator_rights.value is False:
        out.append("no_regulator_rights")
    if any(a.status is AnswerStatus.UNCLEAR for a in reading.answers):
        out.append("unanswered_questions")
    if reading.truncated:
        out.append("cut_off")
    return replace(reading, gaps=tuple(out))
