"""The events of a request's timeline, as data: one entry per kind.

Each entry says what the event is called, which stages it may follow (anything else is refused
with the reason in ``needs``), which details it carries, the stage it leads to and which dated fact
of the deadline engine (``bot.law.RequestFacts``) it sets. The fold (``fold.py``) only reads this
table; adding an event kind is one more entry here.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.errors import BadInput
from bot.law.counting import long_date
from bot.law.dates import parse_user_date
from bot.law.regimes import Law, regime
from bot.letters.answers import answers_from_mapping, answers_to_mapping
from bot.tracking.answers import parse_answers
from bot.tracking.limits import EXEMPTIONS_TEXT_MAX, MAX_QUESTION_NUMBER, REFERENCE_MAX, UNANSWERED_TEXT_MAX, clean_text
# Re-exported: the one Outcome lives in bot/tracking/outcome.py (the letters share it).
from bot.tracking.outcome import OUTCOME_LABELS as OUTCOME_LABELS
from bot.tracking.outcome import OUTCOME_STATUS as OUTCOME_STATUS
from bot.tracking.outcome import RESPONSE_OUTCOMES as RESPONSE_OUTCOMES
from bot.tracking.outcome import REVIEW_VERDICTS as REVIEW_VERDICTS
from bot.tracking.outcome import Outcome as Outcome
from bot.tracking.stages import Stage

if TYPE_CHECKING:
    from bot.law.deadlines import RequestFacts

log = logging.getLogger(__name__)


class EventKind(enum.StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    CLARIFICATION_REQUESTED = "clarification_requested"
    CLARIFICATION_SENT = "clarification_sent"
    FEE_NOTICE = "fee_notice"
    FEE_PAID = "fee_paid"
    EXTENSION = "extension"
    RESPONSE = "response"
    REVIEW_REQUESTED = "review_requested"
    REVIEW_RESPONSE = "review_response"
    COMPLAINT_MADE = "complaint_made"
    REGULATOR_DECISION = "regulator_decision"
    PART_WITHDRAWN = "part_withdrawn"  # some questions dropped or narrowed: no clock moves
    WITHDRAWN = "withdrawn"
    NOTE = "note"
    REMINDER = "reminder"  # a clock the member sets: "they promised publication on 14 February"


class FieldKind(enum.StrEnum):
    OUTCOME = "outcome"
    EXEMPTIONS = "exemptions"  # free text parsed into canonical section ids
    QUESTIONS = "questions"  # question numbers: "2, 5, 7-8"
    FLAG = "flag"
    DATE = "date"
    TEXT = "text"
    ANSWERS = "answers"  # per question: {"<n>": {"status": S}} (bot.letters.answers)
    TRISTATE = "tristate"  # true / false / unknown (None: not stored)
    COUNT = "count"  # a whole number, 0 or more
    READING = "reading"  # what foibot read from the reply (bot.reading), with the member's corrections


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: FieldKind
    label: str  # as a member would name it
    required: bool = False


@dataclass(frozen=True)
class GuardContext:
    """What a guard may look at: the request's stage and dated facts so far, and its law."""

    stage: Stage
    facts: RequestFacts
    law: Law


Guard = Callable[[GuardContext], "str | None"]


@dataclass(frozen=True)
class EventSpec:
    kind: EventKind
    label: str
    allowed_from: frozenset[Stage]
    needs: str  # the refusal's reason: "it needs <needs>"
    leads_to: Stage | None = None  # None: the stage stays
    fact: str | None = None  # the RequestFacts field this event's date sets
    fields: tuple[FieldSpec, ...] = ()
    guard: Guard | None = None  # a further reason to refuse, given the facts so far


_WAITING = frozenset({Stage.AWAITING_RESPONSE, Stage.AWAITING_CLARIFICATION})
_AFTER_SENT = frozenset(
    {Stage.AWAITING_RESPONSE, Stage.AWAITING_CLARIFICATION, Stage.RESPONDED, Stage.IN_REVIEW, Stage.REVIEWED}
)
_ANY = frozenset(Stage) - {Stage.START}

_OUTCOME = FieldSpec("outcome", FieldKind.OUTCOME, "the outcome", required=True)
_ANSWERS = FieldSpec("answers", FieldKind.ANSWERS, "what the reply said about each question")
# What the reply reader (bot/reading) found, kept on the event it was saved as (issue #12's keys).
READING_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("reading", FieldKind.READING, "what foibot read from the reply"),
    FieldSpec("public_interest_reasons_given", FieldKind.TRISTATE, "whether public interest reasons were given"),
    FieldSpec("cost_estimate_given", FieldKind.TRISTATE, "whether a cost estimate was given"),
    FieldSpec("advice_given", FieldKind.TRISTATE, "whether advice on narrowing was given"),
    FieldSpec("review_rights_stated", FieldKind.TRISTATE, "whether review rights were stated"),
    FieldSpec("regulator_rights_stated", FieldKind.TRISTATE, "whether the right to complain to the regulator was stated"),
    FieldSpec("attachments_referred", FieldKind.COUNT, "how many attachments the reply refers to"),
)
READING_MAX = 20_000  # characters of a stored reading (its spans' quotes are cut short first)


def _one_fee_notice(ctx: GuardContext) -> str | None:
    if ctx.facts.fee_notice is not None:
        return "foibot tracks one fees notice per request and one is already recorded; add a note instead"
    return None


def _fee_outstanding(ctx: GuardContext) -> str | None:
    if ctx.facts.fee_notice is None:
        return "it needs a fees notice first"
    if ctx.facts.fee_paid is not None:
        return "the fee is already recorded as paid"
    return None


def _law_has_extension(ctx: GuardContext) -> str | None:
    r = regime(ctx.law)
    if r.extension is None:
        return f"{r.short} has no extension of the time for response: a reply after the deadline is simply late"
    return None


def _part_withdrawable(ctx: GuardContext) -> str | None:
    facts = ctx.facts
    if ctx.stage is Stage.AWAITING_CLARIFICATION and not facts.clarification_partial:
        # The authority asked about the whole request: the answer is a clarification (whose
        # arrival restarts the clock, FOIA s.1(3)), even when it drops a part.
        return ("the authority is waiting for your clarification of the whole request: record "
                "“Clarification sent” and say in its note which part you dropped")
    return None


def _law_has_review(ctx: GuardContext) -> str | None:
    r = regime(ctx.law)
    if r.review_window is None:
        return r.no_review_note or f"{r.short} has no review stage"
    return None


EVENTS: dict[EventKind, EventSpec] = {
    spec.kind: spec
    for spec in (
        EventSpec(EventKind.DRAFTED, "Drafted", frozenset({Stage.START}), "a new request", Stage.DRAFT),
        EventSpec(EventKind.SENT, "Sent", frozenset({Stage.START, Stage.DRAFT}), "a new request or a draft", Stage.AWAITING_RESPONSE, "received"),
        EventSpec(
            EventKind.ACKNOWLEDGED,
            "Acknowledged",
            _WAITING,
            "a request awaiting a response",
            fields=(
                FieldSpec("reference", FieldKind.TEXT, "the authority's reference"),
                # "We aim to respond by ...": shown beside the law's date, or pointed out when later.
                FieldSpec("promised_by", FieldKind.DATE, "the date the authority said it aims to respond by"),
            ),
        ),
        EventSpec(
            EventKind.CLARIFICATION_REQUESTED,
            "Clarification asked for",
            frozenset({Stage.AWAITING_RESPONSE}),
            "a request awaiting a response",
            Stage.AWAITING_CLARIFICATION,
            "clarification_requested",
            (FieldSpec("partial", FieldKind.FLAG, "whether only part of the request needs clarifying"), *READING_FIELDS),
        ),
        EventSpec(
            EventKind.CLARIFICATION_SENT,
            "Clarification sent",
            frozenset({Stage.AWAITING_CLARIFICATION}),
            "a request for clarification from the authority first",
            Stage.AWAITING_RESPONSE,
            "clarification_received",
        ),
        EventSpec(
            EventKind.FEE_NOTICE, "Fees notice", frozenset({Stage.AWAITING_RESPONSE}),
            "a request awaiting a response", fact="fee_notice", guard=_one_fee_notice, fields=READING_FIELDS,
        ),
        EventSpec(
            EventKind.FEE_PAID, "Fee paid", frozenset({Stage.AWAITING_RESPONSE}),
            "a fees notice first", fact="fee_paid", guard=_fee_outstanding,
        ),
        EventSpec(
            EventKind.EXTENSION,
            "Extension",
            _WAITING,
            "a request awaiting a response",
            fields=(FieldSpec("new_date", FieldKind.DATE, "the new date the authority gave", required=True), *READING_FIELDS),
            guard=_law_has_extension,
        ),
        EventSpec(
            EventKind.RESPONSE,
            "Response",
            _WAITING,
            "a request awaiting a response (record a later answer as a review outcome)",
            Stage.RESPONDED,
            "responded",
            (
                _OUTCOME,
                FieldSpec("exemptions", FieldKind.EXEMPTIONS, "the exemptions cited"),
                FieldSpec("unanswered", FieldKind.QUESTIONS, "the questions not answered"),
                FieldSpec("attachment_missing", FieldKind.FLAG, "whether an attachment is missing"),
                # FOIA s.22, FOISA s.27, EIR reg 12(4)(d), EISR reg 10(4)(d): a refusal that relies on
                # future publication; with a date given, foibot checks on that day whether it came.
                FieldSpec("publication_date", FieldKind.DATE, "the date the authority said it would publish by"),
                _ANSWERS,
                *READING_FIELDS,
            ),
        ),
        EventSpec(
            EventKind.REVIEW_REQUESTED,
            "Internal review requested",
            frozenset({Stage.RESPONDED, Stage.AWAITING_RESPONSE}),
            "a response first (or a request still awaiting one)",
            Stage.IN_REVIEW,
            "review_requested",
            guard=_law_has_review,
        ),
        EventSpec(
            EventKind.REVIEW_RESPONSE,
            "Review outcome",
            frozenset({Stage.IN_REVIEW}),
            "a review request first",
            Stage.REVIEWED,
            "review_responded",
            # Optional: without it the response's outcome stands (the review upheld it).
            (FieldSpec("outcome", FieldKind.OUTCOME, "the outcome after the review"), _ANSWERS,
             FieldSpec("exemptions", FieldKind.EXEMPTIONS, "the exemptions still relied on"), *READING_FIELDS),
        ),
        EventSpec(EventKind.COMPLAINT_MADE, "Complaint to the regulator", _AFTER_SENT, "a sent request that is not already with the regulator", Stage.COMPLAINT),
        EventSpec(
            EventKind.REGULATOR_DECISION, "Regulator's decision", frozenset({Stage.COMPLAINT}),
            "a complaint to the regulator first", Stage.CLOSED,
        ),
        EventSpec(
            EventKind.PART_WITHDRAWN,
            "Part withdrawn",
            frozenset({Stage.AWAITING_RESPONSE, Stage.AWAITING_CLARIFICATION, Stage.RESPONDED, Stage.IN_REVIEW}),
            "an open request that has been sent",
            # No stage and no date fact of its own: withdrawing a part restarts no clock. Ending a
            # clarification round about that part returns the request to awaiting a response
            # (the fold's effect), and the other parts keep their date (FOIA s.10(1)).
            fields=(FieldSpec("questions", FieldKind.QUESTIONS, "the questions withdrawn", required=True),),
            guard=_part_withdrawable,
        ),
        EventSpec(
            EventKind.WITHDRAWN,
            "Withdrawn",
            frozenset({Stage.DRAFT, Stage.AWAITING_RESPONSE, Stage.AWAITING_CLARIFICATION, Stage.IN_REVIEW, Stage.COMPLAINT}),
            "an open request",
            Stage.WITHDRAWN,
        ),
        EventSpec(EventKind.NOTE, "Note", _ANY, "a request"),
        EventSpec(
            EventKind.REMINDER,
            "Reminder",
            _ANY,
            "a request",
            fields=(
                FieldSpec("remind_on", FieldKind.DATE, "the day to remind you", required=True),
                FieldSpec("about", FieldKind.TEXT, "what to remind you of"),
            ),
        ),
    )
}

# The kinds a member records with `/request update` (drafted and sent come from log / drafts).
# Reminders have their own command (`/request remind`).
UPDATE_KINDS: tuple[EventKind, ...] = tuple(
    k for k in EventKind if k not in (EventKind.DRAFTED, EventKind.SENT, EventKind.REMINDER)
)


def spec(kind: EventKind | str) -> EventSpec:
    try:
        return EVENTS[EventKind(kind)]
    except ValueError:
        raise BadInput(f"'{kind}' is not an event foibot knows: choose one from the list.") from None


# -- details ---------------------------------------------------------------------------------

_QUESTION_LIST = re.compile(r"^(?:\d+(?:\s*-\s*\d+)?)(?:\s*(?:,|;|&|\band\b)?\s*\d+(?:\s*-\s*\d+)?)*$")
_QUESTION_WORDS = re.compile(r"\b(questions?|qs?|nos?|numbers?)\b\.?|#|q(?=\d)", re.IGNORECASE)


def parse_question_numbers(text: str) -> list[int]:
    """"2, 5, 7-8" / "Q2 and Q5" -> [2, 5, 7, 8]; anything else is refused with an example."""
    cleaned = clean_text(text, "The list of questions not answered", UNANSWERED_TEXT_MAX) or ""
    bare = " ".join(_QUESTION_WORDS.sub(" ", cleaned).replace("–", "-").split())
    if not bare:
        return []
    if not _QUESTION_LIST.fullmatch(bare):
        raise BadInput(f"Could not read '{cleaned[:40]}' as question numbers: write them like 2, 5, 7-8.")
    numbers: list[int] = []
    for first, last in re.findall(r"(\d+)(?:\s*-\s*(\d+))?", bare):
        low, high = int(first), int(last or first)
        if low < 1 or high < low or high > MAX_QUESTION_NUMBER:
            raise BadInput(f"'{first}{'-' + last if last else ''}' is not a range of question numbers: write them like 2, 5, 7-8.")
        numbers.extend(n for n in range(low, high + 1) if n not in numbers)
    return sorted(numbers)


def _exemption_ids(text: str | list[str], law: Law) -> list[str]:
    from bot.law.exemptions import families, parse_exemptions

    if isinstance(text, list):
        text = ", ".join(text)
    cleaned = clean_text(text, "The exemptions cited", EXEMPTIONS_TEXT_MAX)
    if cleaned is None:
        return []
    return parse_exemptions(cleaned, str(law) if str(law) in families() else None)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or value is False


def _answers(value: Any) -> dict[str, Any]:
    """Per-question answers, typed (``"1,3: not held in form; 4->1"``) or as the stored mapping."""
    if isinstance(value, str):
        return parse_answers(value)
    return answers_to_mapping(answers_from_mapping(value))


def clean_event_data(kind: EventKind | str, raw: Mapping[str, Any], *, law: Law, on: date, today: date) -> dict[str, Any]:
    """The event's details checked and in their stored (JSON) form.

    ``raw`` holds what the member gave: an outcome as text or ``Outcome``, exemptions as text,
    question numbers as text or a list, flags as bools, a date as text or ``date``. A detail the
    event does not take is refused rather than dropped, so nothing typed is silently lost.
    """
    event = spec(kind)
    fields = {f.name: f for f in event.fields}
    stray = [name for name, value in raw.items() if name not in fields and not _empty(value)]
    if stray:
        raise BadInput(f"{event.label} takes no {stray[0].replace('_', ' ')}: leave it out, or choose another event.")
    out: dict[str, Any] = {}
    for field in event.fields:
        value = raw.get(field.name)
        if field.kind is FieldKind.TRISTATE:  # False is a finding here, not "left empty"
            if value is not None:
                if not isinstance(value, bool):
                    raise BadInput(f"{field.label.capitalize()} must be true or false.")
                out[field.name] = value
            continue
        if field.kind is FieldKind.COUNT:
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
                    raise BadInput(f"{field.label.capitalize()} must be a whole number from 0 to 1000.")
                out[field.name] = value
            continue
        if _empty(value):
            if field.required:
                raise BadInput(f"{event.label} needs {field.label}: give it and try again.")
            continue
        if field.kind is FieldKind.OUTCOME:
            outcome = Outcome.parse(value)
            if outcome.is_verdict and event.kind is not EventKind.REVIEW_RESPONSE:
                raise BadInput(f"'{outcome.label}' is a review's verdict: a {event.label.lower()} is successful, "
                               "partially successful, refused, not held or ncnd.")
            out[field.name] = outcome.value
        elif field.kind is FieldKind.READING:
            out[field.name] = _reading(value)
        elif field.kind is FieldKind.EXEMPTIONS:
            ids = _exemption_ids(value, law)
            if ids:
                out[field.name] = ids
        elif field.kind is FieldKind.QUESTIONS:
            numbers = sorted(set(value)) if isinstance(value, list) else parse_question_numbers(str(value))
            if numbers:
                out[field.name] = numbers
        elif field.kind is FieldKind.FLAG:
            out[field.name] = bool(value)
        elif field.kind is FieldKind.ANSWERS:
            out[field.name] = _answers(value)
        elif field.kind is FieldKind.DATE:
            when = value if isinstance(value, date) else parse_user_date(str(value), today=today)
            if when <= on:
                raise BadInput(f"{field.label.capitalize()} must be after the day of the event ({long_date(on)}).")
            out[field.name] = when.isoformat()
        else:
            text = clean_text(str(value), field.label.capitalize(), REFERENCE_MAX)
            if text:
                out[field.name] = text
    return out


def _reading(value: Any) -> dict[str, Any]:
    """The reader's JSON, as stored: a mapping, plain JSON, capped (long quotes are cut first)."""
    import json

    if not isinstance(value, Mapping):
        raise BadInput("What foibot read must be a JSON object.")
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        raise BadInput("What foibot read must be plain JSON.") from None
    data = json.loads(text)
    if len(text) > READING_MAX:
        for span in data.get("spans", []) if isinstance(data.get("spans"), list) else []:
            if isinstance(span, dict) and isinstance(span.get("text"), str):
                span["text"] = span["text"][:80]
        text = json.dumps(data, ensure_ascii=False)
        if len(text) > READING_MAX:
            data.pop("spans", None)
            if len(json.dumps(data, ensure_ascii=False)) > READING_MAX:
                raise BadInput(f"What foibot read is too large to keep ({len(text):,} characters).")
    return data


def why_not(kind: EventKind | str, stage: Stage, facts: RequestFacts) -> str | None:
    """Why an event of ``kind`` cannot be recorded now (its stage rule first, then its guard, e.g. a
    FOISA request has no extension), or None when it can. Buttons and forms ask this before offering
    an event, so a member never fills in a form for an event the law does not have."""
    event = EVENTS[EventKind(kind)]
    if stage not in event.allowed_from:
        return f"it needs {event.needs}"
    if event.guard is not None:
        return event.guard(GuardContext(stage, facts, facts.law))
    return None
