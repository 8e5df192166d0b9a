"""What a reply said about each question: one status per question number.

The agreed shape on a RESPONSE or REVIEW_RESPONSE event's ``data`` (and in the CLI's letter JSON)
is ``"answers": {"<n>": {"status": S}}`` or ``{"status": "refers_to", "to": N}``, with S one of
``AnswerStatus``. The reply reader (``bot/reading``) fills it; a member can type it with
``/request update answers:`` (``bot.tracking.answers.parse_answers`` reads the compact text form).
``LetterFacts.answers`` holds the same as a tuple of ``Answer``, question 1 first.

Pure: no discord, no database, no clock.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.errors import BadInput

log = logging.getLogger(__name__)

MAX_QUESTION = 200  # as bot.tracking.limits.MAX_QUESTION_NUMBER: a longer list is a paste mistake


class AnswerStatus(enum.StrEnum):
    ANSWERED = "answered"
    NOT_HELD = "not_held"
    # Held, but not in the form asked: e.g. staff are not employed per case type, so a split by
    # case type is not recorded (the PHSO reply of 8 April 2022, questions 1, 3, 4 and 6).
    NOT_HELD_IN_FORM = "not_held_in_form"
    WITHHELD = "withheld"
    REFERS_TO = "refers_to"  # "As question 1": the answer is another question's answer
    UNCLEAR = "unclear"
    WITHDRAWN = "withdrawn"  # the requester withdrew this part

    @property
    def label(self) -> str:
        return ANSWER_LABELS[self]


ANSWER_LABELS: dict[AnswerStatus, str] = {
    AnswerStatus.ANSWERED: "answered",
    AnswerStatus.NOT_HELD: "not held",
    AnswerStatus.NOT_HELD_IN_FORM: "not held in the form asked",
    AnswerStatus.WITHHELD: "withheld",
    AnswerStatus.REFERS_TO: "refers to another answer",
    AnswerStatus.UNCLEAR: "unclear",
    AnswerStatus.WITHDRAWN: "withdrawn",
}


@dataclass(frozen=True, order=True)
class Answer:
    """What the reply said about question ``question`` (1-based)."""

    question: int
    status: AnswerStatus
    to: int | None = None  # REFERS_TO only: the question whose answer this one points to

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status.value, **({"to": self.to} if self.to is not None else {})}


def _number(value: Any, what: str) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not 1 <= int(text) <= MAX_QUESTION:
        raise BadInput(f"{what} must be a question number from 1 to {MAX_QUESTION}, not {str(value)[:20]!r}.")
    return int(text)


def answers_from_mapping(raw: Any) -> tuple[Answer, ...]:
    """``{"3": {"status": "not_held_in_form"}, "4": {"status": "refers_to", "to": 1}}`` as a
    sorted tuple of ``Answer``; anything malformed is ``BadInput`` naming what was wrong."""
    if raw is None:
        return ()
    if isinstance(raw, (list, tuple)) and all(isinstance(a, Answer) for a in raw):
        return _checked(raw)
    if not isinstance(raw, Mapping):
        raise BadInput('"answers" must be an object like {"3": {"status": "not_held_in_form"}}.')
    out: list[Answer] = []
    for key, value in raw.items():
        question = _number(key, "Each key of \"answers\"")
        if not isinstance(value, Mapping) or "status" not in value:
            raise BadInput(f'The answer to question {question} must be an object like {{"status": "answered"}}.')
        extra = sorted(set(value) - {"status", "to"})
        if extra:
            raise BadInput(f"The answer to question {question} has an unknown field '{extra[0]}' (only status and to).")
        try:
            status = AnswerStatus(str(value["status"]))
        except ValueError:
            choices = ", ".join(s.value for s in AnswerStatus)
            raise BadInput(f"'{str(value['status'])[:30]}' is not an answer status: use one of {choices}.") from None
        to = value.get("to")
        if status is AnswerStatus.REFERS_TO:
            if to is None:
                raise BadInput(f"Question {question} refers to another answer: say which one (\"to\": N).")
            to = _number(to, f"The question that question {question} refers to")
        elif to is not None:
            raise BadInput(f"Only an answer that refers to another one takes \"to\" (question {question} is {status.value}).")
        out.append(Answer(question, status, to))
    return _checked(out)


def _checked(answers: Iterable[Answer]) -> tuple[Answer, ...]:
    ordered = sorted(answers)
    seen: set[int] = set()
    for a in ordered:
        if a.question in seen:
            raise BadInput(f"Question {a.question} is given two answers: give one.")
        seen.add(a.question)
    by_number = {a.question: a for a in ordered}
    for a in ordered:
        if a.status is AnswerStatus.REFERS_TO:
            if a.to == a.question:
                raise BadInput(f"Question {a.question} cannot refer to itself.")
            # A chain that comes back to where it started says nothing: refuse it.
            step, hops = a, 0
            while step is not None and step.status is AnswerStatus.REFERS_TO and hops <= len(ordered):
                step, hops = by_number.get(step.to), hops + 1  # type: ignore[arg-type]
            if hops > len(ordered):
                raise BadInput(f"Question {a.question}'s answer refers round in a circle: check the numbers.")
    return tuple(ordered)


def answers_to_mapping(answers: Iterable[Answer]) -> dict[str, dict[str, Any]]:
    """The stored (JSON) form of ``answers``: the inverse of ``answers_from_mapping``."""
    return {str(a.question): a.to_json() for a in sorted(answers)}


def resolved(answers: Iterable[Answer], question: int) -> Answer | None:
    """The answer that finally stands for ``question``, following "as question N" references."""
    by_number = {a.question: a for a in answers}
    found = by_number.get(question)
    hops = 0
    while found is not None and found.status is AnswerStatus.REFERS_TO and hops < len(by_number):
        found, hops = by_number.get(found.to or 0), hops + 1
    return found


def questions_with(answers: Iterable[Answer], *statuses: AnswerStatus, follow: bool = False) -> tuple[int, ...]:
    """The question numbers whose answer is one of ``statuses`` (``follow``: through references)."""
    answers = tuple(answers)
    wanted = set(statuses)
    if follow:
        return tuple(a.question for a in answers if (r := resolved(answers, a.question)) is not None and r.status in wanted)
    return tuple(a.question for a in answers if a.status in wanted)


def summary(answers: Iterable[Answer]) -> str:
    """"questions 1, 3 not held in the form asked; 4 as question 1": one phrase for a timeline line."""
    groups: dict[str, list[int]] = {}
    for a in sorted(answers):
        label = f"as question {a.to}" if a.status is AnswerStatus.REFERS_TO else a.status.label
        groups.setdefault(label, []).append(a.question)
    parts = []
    for label, numbers in groups.items():
        word = "questions" if len(numbers) > 1 else "question"
        parts.append(f"{word} {', '.join(map(str, numbers))} {label}")
    return "; ".join(parts)


@dataclass(frozen=True, order=True)
class PartWithdrawal:
    """The requester withdrew (or narrowed away) questions ``questions`` on ``on``: no clock moves."""

    on: date
    questions: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "questions": list(self.questions)}


def withdrawals_from_json(raw: Any) -> tuple[PartWithdrawal, ...]:
    """``[{"on": "2022-03-31", "questions": [8]}]`` (the CLI's letter JSON) as ``PartWithdrawal``s."""
    if raw is None:
        return ()
    if not isinstance(raw, (list, tuple)):
        raise BadInput('"withdrawn_parts" must be a list like [{"on": "2022-03-31", "questions": [8]}].')
    out: list[PartWithdrawal] = []
    for item in raw:
        if isinstance(item, PartWithdrawal):
            out.append(item)
            continue
        if not isinstance(item, Mapping) or set(item) != {"on", "questions"}:
            raise BadInput('Each withdrawn part must be {"on": "YYYY-MM-DD", "questions": [numbers]}.')
        try:
            on = date.fromisoformat(str(item["on"]))
        except ValueError:
            raise BadInput(f"A withdrawn part's date must be written YYYY-MM-DD, not {str(item['on'])[:20]!r}.") from None
        numbers = item["questions"]
        if not isinstance(numbers, list) or not numbers:
            raise BadInput("A withdrawn part needs the question numbers withdrawn, e.g. [8].")
        out.append(PartWithdrawal(on, tuple(sorted({_number(n, 'A withdrawn question') for n in numbers}))))
    return tuple(sorted(out))


def withdrawn_questions(parts: Iterable[PartWithdrawal]) -> tuple[int, ...]:
    return tuple(sorted({n for part in parts for n in part.questions}))
