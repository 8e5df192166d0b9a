"""Detectors that look at the request as a whole: the name it is signed with, whether it states a
format and asks for advice, and whether it is too big to answer within the cost limit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from bot.drafting.model import Hit, LintContext
from bot.drafting.parse import ParsedRequest
from bot.drafting.phrases import has_format_preference, has_narrowing_sentence

log = logging.getLogger(__name__)

# WhatDoTheyKnow help ("Keep it focused") and the s.12 aggregation rule: past these sizes a
# request is usually split by the authority, refused on cost, or answered in part.
MAX_QUESTIONS = 10
MAX_QUESTION_WORDS = 750

# ICO s.8 guidance: a pseudonym or an obviously false name does not make a valid request.
PSEUDONYM_RE = re.compile(
    r"\b(?:anonymous|anon|concerned|citizen|resident|taxpayer|ratepayer|friend|requester|requestor|foi|user"
    r"|member|local|whistle-?blower|admin|test|unknown)\b|\d|@",
    re.IGNORECASE,
)


def requester_name(doc: ParsedRequest, ctx: LintContext) -> tuple[str | None, tuple[int, int] | None]:
    """The name the request is made in: the context's, else the one under the sign-off."""
    if ctx.requester_name and ctx.requester_name.strip():
        return ctx.requester_name.strip(), None
    if doc.signoff and doc.signoff.name:
        return doc.signoff.name, doc.signoff.name_span
    return None, None


def no_signature(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    """No name at all: the letter foibot writes signs it with the name given, so this is a tip."""
    name, _ = requester_name(doc, ctx)
    if not name:
        end = len(doc.text.rstrip())
        yield Hit(end, end, "not signed: no name under the request", {"name": None})


def missing_name(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    """A name that is not a full real name (a pseudonym, a first name alone): the request may be invalid."""
    name, span = requester_name(doc, ctx)
    if name and (PSEUDONYM_RE.search(name) or len(name.replace(".", " ").split()) < 2):
        end = len(doc.text.rstrip())
        start, stop = span or (end, end)
        yield Hit(start, stop, f"'{name}' does not look like a full real name", {"name": name})


def no_format_preference(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    if not has_format_preference(doc.text):
        point = doc.insertion_point
        yield Hit(point, point, "no format preference: the answer may come as a scanned PDF")


def no_advice_request(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    if doc.questions and not has_narrowing_sentence(doc.text):
        point = doc.insertion_point
        yield Hit(point, point, "does not ask for advice on narrowing if the request is too big")


def too_many_questions(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    questions = doc.questions
    words = sum(len(q.text.split()) for q in questions)
    if len(questions) > MAX_QUESTIONS:
        first_extra = questions[MAX_QUESTIONS]
        yield Hit(
            first_extra.start,
            questions[-1].end,
            f"{len(questions)} questions in one request",
            {"count": len(questions), "words": words},
        )
    elif words > MAX_QUESTION_WORDS:
        yield Hit(
            questions[0].start,
            questions[-1].end,
            f"{words} words of questions in one request",
            {"count": len(questions), "words": words},
        )
