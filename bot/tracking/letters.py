"""A tracked request as the letters see it: ``bot.letters.facts.LetterFacts`` from the fold.

Pure: the caller passes the request's own fields; the dates and the response's details come from
the folded timeline, so a letter and `/request show` always agree.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from bot.law.regimes import Division
from bot.letters.facts import LetterFacts
from bot.tracking.fold import Folded, ResponseDetails

log = logging.getLogger(__name__)

# "1) ...", "1. ...", "Q1: ...", "Question 1 - ..."
_NUMBERED = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d{1,3}\s*[.):\-]\s*(?P<text>\S.*)$", re.IGNORECASE)


def split_questions(text: str | None) -> tuple[str, ...]:
    """The request's questions in order, question 1 first.

    Numbered lines start questions; a line straight after one continues it; a paragraph after a
    blank line is the next question (requests often end with unnumbered paragraphs, as the PHSO
    one does). Lines before the first numbered one ("Could you tell me:") are an introduction.
    Without any numbered line, each paragraph is a question.
    """
    lines = (text or "").splitlines()
    numbered = any(_NUMBERED.match(line) for line in lines)
    questions: list[str] = []
    current: list[str] = []
    started = not numbered
    after_blank = True

    def close() -> None:
        if current:
            questions.append(" ".join(" ".join(current).split()))
            current.clear()

    for line in lines:
        if not line.strip():
            after_blank = True
            continue
        match = _NUMBERED.match(line)
        if match:
            close()
            current.append(match["text"])
            started = True
        elif started and after_blank:
            close()
            current.append(line.strip())
        elif started:
            current.append(line.strip())
        after_blank = False
    close()
    return tuple(questions)


_READ = ("public_interest_reasons_given", "cost_estimate_given", "advice_given", "review_rights_stated",
         "regulator_rights_stated", "attachments_referred")


def _read_flags(latest: ResponseDetails | None) -> dict[str, object]:
    """What the reader found on the latest response or review (bot/reading), for the grounds."""
    return {name: getattr(latest, name) for name in _READ} if latest is not None else {}


def letter_facts(
    folded: Folded,
    *,
    authority: str,
    division: Division | str,
    title: str,
    sent_on: date,
    requester: str,
    reference: str | None = None,
    link: str | None = None,
    questions: str | None = None,
) -> LetterFacts:
    """The letter's facts: the request's fields, every date, the outcome (the review's once there
    is one) and what the response cited, left unanswered or left out (a review outcome records
    only its outcome, so those stay the response's)."""
    facts = folded.facts
    latest = folded.review or folded.response
    response = folded.response
    return LetterFacts.from_request(
        facts,
        authority=authority,
        title=title,
        sent=sent_on,
        requester=requester,
        division=Division(division),
        reference=reference,
        link=link,
        outcome=latest.outcome.value if latest else None,
        exemptions=(folded.review.exemptions if folded.review and folded.review.exemptions else response.exemptions) if response else (),
        questions=split_questions(questions),
        questions_unanswered=tuple(str(n) for n in response.unanswered) if response else (),
        attachment_missing=response.attachment_missing if response else False,
        # The review outcome's own reading of each question, when it gave one; else the response's.
        answers=(folded.review.answers if folded.review and folded.review.answers else response.answers) if response else (),
        **_read_flags(latest),
        withdrawn_parts=folded.withdrawn_parts,
    )
