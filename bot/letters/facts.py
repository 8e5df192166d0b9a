"""What a letter needs to know about a request: one frozen value, built from JSON or the database.

The tracking service builds a ``LetterFacts`` from a request's events; the CLI builds one from a
JSON file with ``LetterFacts.from_json``. Every string in it is the member's own text and is only
ever passed to templates as data.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.errors import BadInput
from bot.law.exemptions import parse_exemptions, table
from bot.law.report import RequestFacts
from bot.law.regimes import REGIMES, Division, Law, regime
from bot.tracking.outcome import Outcome  # the one Outcome: what a response or a review gave
from bot.letters.answers import Answer, PartWithdrawal, answers_from_mapping, answers_to_mapping, withdrawals_from_json

log = logging.getLogger(__name__)


# What the reply reader found (bot/reading), as saved with the member's corrections: true, false,
# or None when unknown (never read, or not applicable: no qualified exemption, no cost refusal).
_READ_FLAGS = ("public_interest_reasons_given", "cost_estimate_given", "advice_given", "review_rights_stated",
               "regulator_rights_stated")
_DATE_FIELDS = (
    "sent", "received", "clarification_requested", "clarification_received", "fee_notice", "fee_paid",
    "extended_to", "responded", "review_requested", "review_responded",
)
_REQUIRED_TEXT = ("authority", "title", "requester")
_MAX_TEXT = 4000  # a question or a title longer than this is a paste mistake, not a request


@dataclass(frozen=True)
class LetterFacts:
    """A request's facts as a letter sees them. Dates are calendar dates in the UK."""

    law: Law
    authority: str
    title: str
    sent: date
    requester: str
    division: Division = Division.ENGLAND_AND_WALES
    reference: str | None = None
    link: str | None = None
    received: date | None = None  # None: received the day it was sent (email)
    clarification_requested: date | None = None
    clarification_received: date | None = None
    clarification_partial: bool = False  # clarification asked on one part only (the PHSO case)
    earlier_pause_days: int = 0  # subject access: days stopped by earlier clarification rounds (they add up)
    fee_notice: date | None = None
    fee_paid: date | None = None
    extended_to: date | None = None
    responded: date | None = None
    review_requested: date | None = None
    review_responded: date | None = None
    outcome: Outcome | None = None
    exemptions: tuple[str, ...] = ()  # canonical ids, e.g. ("s40(2)", "s43")
    questions: tuple[str, ...] = ()  # the request's numbered questions, question 1 first
    questions_unanswered: tuple[str, ...] = ()  # question numbers ("3") or the member's own words
    attachment_missing: bool = False
    answers: tuple[Answer, ...] = ()  # what the reply said about each question, question 1 first
    public_interest_reasons_given: bool | None = None
    cost_estimate_given: bool | None = None
    advice_given: bool | None = None
    review_rights_stated: bool | None = None
    regulator_rights_stated: bool | None = None
    attachments_referred: int | None = None
    withdrawn_parts: tuple[PartWithdrawal, ...] = ()  # questions the requester withdrew, and when
    format_asked: str | None = None
    format_given: str | None = None
    school: bool = False

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise once, here, so every consumer sees clean values
        set_(self, "law", _law(self.law))
        set_(self, "division", _enum(Division, self.division, "division"))
        if self.outcome is not None:
            set_(self, "outcome", _enum(Outcome, self.outcome, "outcome"))
        for name in _REQUIRED_TEXT:
            value = _one_line(_text(getattr(self, name), name))
            if not value:
                raise BadInput(f"'{name}' is empty: a letter needs the {name.replace('_', ' ')}.")
            set_(self, name, value)
        for name in ("reference", "link", "format_asked", "format_given"):
            set_(self, name, _one_line(_text(getattr(self, name), name)) or None)
        for name in _DATE_FIELDS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, date):
                raise BadInput(f"'{name}' must be a date, not {type(value).__name__}.")
        set_(self, "questions", tuple(_one_line(_text(q, "questions")) for q in self.questions))
        set_(self, "questions_unanswered", tuple(_unanswered(self.questions_unanswered, len(self.questions))))
        set_(self, "exemptions", tuple(self._exemption_ids()))
        answers = self.answers
        set_(self, "answers", answers_from_mapping(answers if isinstance(answers, Mapping) else list(answers)))
        set_(self, "withdrawn_parts", withdrawals_from_json(list(self.withdrawn_parts)))
        count = len(self.questions)
        beyond = [a for a in self.answers if count and (a.question > count or (a.to or 0) > count)]
        if beyond:
            raise BadInput(f"Question {max(beyond[0].question, beyond[0].to or 0)} is not one of the request's {count} questions.")
        gone = [n for part in self.withdrawn_parts for n in part.questions if count and n > count]
        if gone:
            raise BadInput(f"Question {gone[0]} is not one of the request's {count} questions.")
        self._check_order()

    # -- derived --------------------------------------------------------------------------------

    @property
    def receipt(self) -> date:
        """The day the authority received the request (the day it was sent, unless told otherwise)."""
        return self.received or self.sent

    @property
    def withdrawn_questions(self) -> tuple[int, ...]:
        return tuple(sorted({n for part in self.withdrawn_parts for n in part.questions}))

    def question_line(self, number: int) -> str:
        """"Question 3: <its text>" (or "Question 3" when the text is not known)."""
        text = self.questions[number - 1] if 0 < number <= len(self.questions) else ""
        return f"Question {number}: {text}" if text else f"Question {number}"

    def unanswered_lines(self) -> list[str]:
        """Each unanswered item as a letter states it: "Question 3: <its text>" or the member's words.
        A question the requester withdrew is never "unanswered"."""
        lines = []
        gone = set(self.withdrawn_questions)
        for item in self.questions_unanswered:
            if item.isdigit() and int(item) in gone:
                continue
            lines.append(self.question_line(int(item)) if item.isdigit() else item)
        return lines

    # -- validation -----------------------------------------------------------------------------

    def _exemption_ids(self) -> list[str]:
        if not self.exemptions:
            return []
        # Subject access exemptions (DPA 2018 Schedules 2-4) are not in the table: kept as written
        # in FOI terms, but no ground argues them.
        family = regime(self.law).exemption_family or None
        known = {e.id for e in table(family or "")}
        ids: list[str] = []
        for item in self.exemptions:
            if not isinstance(item, str):
                raise BadInput(f"'exemptions' must be a list of texts such as \"s.40(2)\", not {item!r}.")
            parsed = [item] if item in known else parse_exemptions(item, family)
            ids.extend(i for i in parsed if i not in ids)
        return ids

    def _check_order(self) -> None:
        pairs = (
            ("sent", "received"), ("receipt", "responded"), ("receipt", "clarification_requested"),
            ("clarification_requested", "clarification_received"), ("fee_notice", "fee_paid"),
            ("receipt", "review_requested"), ("review_requested", "review_responded"),
        )
        for earlier, later in pairs:
            first, second = getattr(self, earlier), getattr(self, later)
            if first is not None and second is not None and second < first:
                raise BadInput(f"'{later}' ({second.isoformat()}) is before '{earlier}' ({first.isoformat()}); check the dates.")

    # -- the deadline engine's facts ------------------------------------------------------------

    @classmethod
    def from_request(cls, request: RequestFacts, **letter: Any) -> LetterFacts:
        """A letter's facts from the deadline engine's (the law, the division and every date a letter
        holds, under the same names), with the letter's own fields in ``letter`` (which win)."""
        shared = {name: getattr(request, name) for name in _SHARED_FIELDS}
        return cls(**{**shared, **letter})

    def request_facts(self, **overrides: Any) -> RequestFacts:
        """The deadline engine's view of these facts (received: the day it was sent, unless told
        otherwise); ``overrides`` replace fields (e.g. a review asked today)."""
        shared = {name: getattr(self, name) for name in _SHARED_FIELDS}
        return RequestFacts(**{**shared, "received": self.receipt, **overrides})

    # -- JSON -----------------------------------------------------------------------------------

    @classmethod
    def from_json(cls, data: Any) -> LetterFacts:
        """Build from a JSON object (ISO dates). Unknown or malformed fields are ``BadInput``."""
        if not isinstance(data, dict):
            raise BadInput("The request JSON must be an object, e.g. {\"law\": \"foia\", \"authority\": ...}.")
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise BadInput(f"Unknown field '{unknown[0]}' in the request JSON; known fields: {', '.join(sorted(names))}.")
        missing = [n for n in ("law", "authority", "title", "sent", "requester") if data.get(n) in (None, "")]
        if missing:
            raise BadInput(f"The request JSON needs '{missing[0]}'.")
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name in _DATE_FIELDS:
                values[name] = _iso_date(value, name)
            elif name in ("exemptions", "questions", "questions_unanswered"):
                values[name] = _string_list(value, name)
            elif name == "answers":
                values[name] = answers_from_mapping(value)
            elif name == "withdrawn_parts":
                values[name] = withdrawals_from_json(value)
            elif name == "earlier_pause_days":
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise BadInput(f"'{name}' must be a whole number of days, 0 or more.")
                values[name] = value
            elif name in _READ_FLAGS:
                if value is not None and not isinstance(value, bool):
                    raise BadInput(f"'{name}' must be true, false or null.")
                values[name] = value
            elif name == "attachments_referred":
                if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                    raise BadInput(f"'{name}' must be a whole number, 0 or more, or null.")
                values[name] = value
            elif name in ("attachment_missing", "school", "clarification_partial"):
                if not isinstance(value, bool):
                    raise BadInput(f"'{name}' must be true or false.")
                values[name] = value
            else:
                if value is not None and not isinstance(value, str):
                    raise BadInput(f"'{name}' must be text.")
                values[name] = value
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """The inverse of ``from_json``: plain JSON types, ISO dates, ``None`` for absent values."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "answers":
                value = answers_to_mapping(value)
            elif f.name == "withdrawn_parts":
                value = [part.to_json() for part in value]
            elif isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, enum.Enum):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


# The fields a letter shares with the deadline engine's ``RequestFacts``, by name (the engine's
# extension_notified, promised_by and identity dates are not a letter's).
_SHARED_FIELDS = tuple(f.name for f in dataclasses.fields(RequestFacts) if f.name in {g.name for g in dataclasses.fields(LetterFacts)})


def _law(value: Any) -> Law:
    """A law with an entry (the shipped ones, or one registered at run time)."""
    if isinstance(value, str) and value in REGIMES:
        return regime(value).law
    raise BadInput(f"'law' must be one of {', '.join(REGIMES)}, not {value!r}.")


def _enum(kind: type[enum.StrEnum], value: Any, name: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(m.value for m in kind)  # type: ignore[attr-defined]
        raise BadInput(f"'{name}' must be one of {choices}, not {value!r}.") from None


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadInput(f"'{name}' must be text, not {type(value).__name__}.")
    if len(value) > _MAX_TEXT:
        raise BadInput(f"'{name}' is longer than {_MAX_TEXT} characters; shorten it.")
    return value.strip()


def _one_line(text: str) -> str:
    """Runs of whitespace (newlines included) as one space: these fields sit on one line of a letter."""
    return " ".join(text.split())


def _iso_date(value: Any, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadInput(f"'{name}' must be a date written YYYY-MM-DD (e.g. 2022-03-28), not {value!r}.")


def _string_list(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        # "s.40(2), s.43" is accepted for exemptions; elsewhere a single text is one item
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        raise BadInput(f"'{name}' must be a list of texts (or numbers for questions).")
    return tuple(str(v) for v in value)


def _unanswered(items: tuple[Any, ...], question_count: int) -> list[str]:
    """Question numbers stay numbers ("3"); texts stay texts; empties and duplicates go."""
    out: list[str] = []
    for item in items:
        text = _one_line(_text(str(item), "questions_unanswered"))
        if text.isdigit():
            number = int(text)
            if number < 1 or (question_count and number > question_count):
                raise BadInput(f"Question {number} is not one of the request's {question_count} questions.")
            text = str(number)
        if text and text not in out:
            out.append(text)
    return out

