"""The request letter: the member's questions, numbered, inside the wording a valid request needs.

ICO "Preparing and submitting your information request": a subject line that says it is an
information request, the date, the requester's real name and contact details (FOIA s.8(1)(b) /
FOISA s.8(1)(b): name and an address for correspondence), the format wanted (FOIA/FOISA s.11,
EIR/EISR reg 6), and the advice-and-assistance sentence (FOIA s.16, FOISA s.15, EIR/EISR reg 9).

A subject access request gets its own wording (UK GDPR art.15) rather than a refusal: the member
who picked "sar" wants their own data, and the same questions text describes what to look for.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.drafting.patterns import PLACEHOLDER_CASED_RE as PLACEHOLDER_RE
from bot.drafting.citations import citations
from bot.drafting.parse import parse_request
from bot.drafting.periods import plain_date
from bot.drafting.phrases import (
    advice_paragraph,
    format_sentence,
    has_format_preference,
    has_narrowing_sentence,
    has_not_held_sentence,
)
from bot.drafting.request_checks import PSEUDONYM_RE
from bot.errors import BadInput
from bot.law.regimes import Law, regime
from bot.templates import render

log = logging.getLogger(__name__)

TEMPLATE = "letters/request.txt.j2"


@dataclass(frozen=True)
class RequestDraftFacts:
    """Everything a request letter is made from; all of it typed by the member."""

    authority_name: str
    law: Law
    questions: str
    requester_name: str
    subject: str | None = None


def _subject_line(law: Law, subject: str | None) -> str:
    base = citations(law)["request_subject"]
    return f"{base}: {subject}" if subject else base


def _opening(law: Law) -> str:
    return citations(law)["request_opening"]


def _correspondence_note(law: Law) -> str:
    # FOIA s.8(1)(b) / FOISA s.8(1)(b) (a valid request states a name and an address for
    # correspondence) and UK GDPR art.12(6) (the controller may ask to confirm identity): the entry's words.
    note = "Please send your reply to the email address this request was sent from, which is my address for correspondence"
    return note + citations(law)["correspondence"]


def _require(value: str | None, field: str, what: str) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise BadInput(f"The letter needs {what} ({field}); it is empty.")
    placeholder = PLACEHOLDER_RE.search(cleaned)
    if placeholder:
        raise BadInput(f"The {field} still contains the placeholder \"{placeholder.group()}\"; replace it first.")
    return cleaned


_SUB_LABEL_RE = re.compile(r"\(?(?:[a-z]|[ivx]{1,4})[.)]")


def _is_sub_label(label: str | None) -> bool:
    return bool(label) and bool(_SUB_LABEL_RE.fullmatch(label.split()[-1]))  # type: ignore[union-attr]


def _blocks(questions_text: str) -> list[dict[str, Any]]:
    """The member's text as paragraphs and runs of numbered questions, in the order written.

    Questions are renumbered 1, 2, 3 in the letter; sub-items written under a number
    ("1. (a) ...", "(b) ...", as the linter's split of a compound question makes them) stay
    together under that number.
    """
    doc = parse_request(questions_text)
    entries: list[tuple[int, str, str | None, bool]] = [(q.start, q.one_line, q.label, True) for q in doc.questions]
    entries += [(start, " ".join(questions_text[start:end].split()), None, False) for start, end in doc.context]
    if not doc.questions:
        # Nothing looked like a question ("The number of X in 2025."): every paragraph is one.
        entries = [(start, text, None, True) for start, text, _, _ in entries]
    entries.sort()
    blocks: list[dict[str, Any]] = []
    number = 0
    in_sub_items = False
    for _, text, label, is_question in entries:
        if not is_question:
            blocks.append({"questions": [], "text": text})
            in_sub_items = False
            continue
        stacked_sub = bool(label) and len(label.split()) > 1 and _is_sub_label(label)  # type: ignore[union-attr]
        if in_sub_items and label and len(label.split()) == 1 and _is_sub_label(label):
            previous_number, previous_text = blocks[-1]["questions"][-1]
            indent = " " * (len(str(previous_number)) + 2)
            blocks[-1]["questions"][-1] = (previous_number, f"{previous_text}\n{indent}{label} {text}")
            continue
        number += 1
        in_sub_items = stacked_sub
        entry = (number, f"{label.split()[-1]} {text}" if stacked_sub else text)  # type: ignore[union-attr]
        if blocks and blocks[-1]["questions"]:
            blocks[-1]["questions"].append(entry)
        else:
            blocks.append({"questions": [entry], "text": ""})
    if number == 0:
        raise BadInput("The letter needs at least one question (questions); none was found in the text.")
    return blocks


def render_request_letter(draft: RequestDraftFacts, today: date) -> str:
    """The finished letter; ``BadInput`` naming the field when something required is missing."""
    law = regime(draft.law).law
    authority = _require(draft.authority_name, "authority", "the authority's name")
    name = _require(draft.requester_name, "requester name", "your real name")
    if PSEUDONYM_RE.search(name) or len(name.replace(".", " ").split()) < 2:
        raise BadInput(
            f"\"{name}\" does not look like a full real name; a request needs your first name and surname "
            "(FOIA s.8(1)(b), FOISA s.8(1)(b))."
        )
    questions = draft.questions or ""
    _require(questions, "questions", "your questions")
    subject = " ".join((draft.subject or "").split()) or None
    if subject:
        _require(subject, "subject", "a subject")
    # The standard sentences, unless the member's text (perhaps fixed by the linter) already says them.
    advice = advice_paragraph(
        law, not_held=not has_not_held_sentence(questions), narrowing=not has_narrowing_sentence(questions)
    )
    standard = [advice, None if has_format_preference(questions) else format_sentence(law)]
    return render(
        TEMPLATE,
        date=plain_date(today),
        authority=authority,
        subject=_subject_line(law, subject),
        opening=_opening(law),
        blocks=_blocks(questions),
        standard_paragraphs=[paragraph for paragraph in standard if paragraph],
        correspondence_note=_correspondence_note(law),
        requester_name=name,
    )
