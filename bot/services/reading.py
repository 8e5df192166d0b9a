"""Reading an authority's reply for a tracked request, and saving what was read as its event.

Two steps, so the member checks the reading before anything is stored: ``read_for_request`` reads
the pasted text or the attached file (off the event loop: PDF parsing is CPU work) against the
request's law and questions; ``save_reading`` records the event the member chose, with the
reading's facts and the member's corrections (which always win), in one transaction
(``bot.services.requests.append_event``). Nothing is written when the reply can't be read.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from bot.errors import BadInput, InvalidTransition
from bot.law.exemptions import parse_exemptions
from bot.law.regimes import regime
from bot.letters.answers import answers_to_mapping
from bot.reading import AnswerStatus, Kind, Reading, read_reply
from bot.reading.extract import MAX_FILE_BYTES, extract_text
from bot.services.requests import RequestDetail, append_event, get_own_request
from bot.tracking import EventKind
from bot.tracking.events import Outcome, why_not
from bot.tracking.letters import split_questions
from bot.tracking.statuses import label
from bot.tracking.answers import parse_answers
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from bot.db import Database
    from bot.services import Viewer

log = logging.getLogger(__name__)

# Which event each kind of message is recorded as (rules as data).
KIND_EVENTS: dict[Kind, EventKind] = {
    Kind.RESPONSE: EventKind.RESPONSE,
    Kind.REVIEW_OUTCOME: EventKind.REVIEW_RESPONSE,
    Kind.CLARIFICATION_REQUEST: EventKind.CLARIFICATION_REQUESTED,
    Kind.FEE_NOTICE: EventKind.FEE_NOTICE,
    Kind.EXTENSION_NOTICE: EventKind.EXTENSION,
    Kind.ACKNOWLEDGEMENT: EventKind.ACKNOWLEDGED,
}
READABLE_EVENTS: tuple[EventKind, ...] = tuple(KIND_EVENTS.values())
# The reader's yes/no findings, as event keys (bot.tracking.events.READING_FIELDS).
FLAGS: tuple[str, ...] = ("public_interest_reasons_given", "cost_estimate_given", "advice_given", "review_rights_stated",
                          "regulator_rights_stated")
_CARRIES_READING = frozenset({EventKind.RESPONSE, EventKind.REVIEW_RESPONSE, EventKind.CLARIFICATION_REQUESTED,
                              EventKind.FEE_NOTICE, EventKind.EXTENSION})


@dataclass(frozen=True)
class ReadDraft:
    """What foibot read from a reply, for one of the member's requests, before it is saved."""

    public_id: str
    law: str
    questions: tuple[str, ...]
    reading: Reading
    kinds: tuple[EventKind, ...]  # the events that can follow the request's timeline now
    suggested: EventKind  # the reader's kind (or the member's choice), when it can follow
    notes: tuple[str, ...] = ()  # what an attachment's extraction left out


@dataclass
class Corrections:
    """The member's corrections; each None keeps what foibot read."""

    kind: EventKind | None = None
    outcome: str | None = None
    exemptions: list[str] | None = None  # normalised labels chosen ("FOIA s.43(2)") or ids typed
    flags: dict[str, bool | None] = field(default_factory=dict)
    attachment_missing: bool | None = None
    answers: str | None = None  # typed: "1,3: not held in form; 4->1"
    new_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: v for k, v in {
            "kind": self.kind.value if self.kind else None, "outcome": self.outcome, "exemptions": self.exemptions,
            "attachment_missing": self.attachment_missing, "answers": self.answers, "new_date": self.new_date,
        }.items() if v is not None}
        if self.flags:
            out["flags"] = dict(self.flags)
        return out


async def read_for_request(
    db: Database, viewer: Viewer, public_id: str, *, text: str | None = None, data: bytes | None = None,
    filename: str | None = None, kind: EventKind | str | None = None, now: datetime | None = None,
) -> ReadDraft:
    """Read ``text`` (pasted) or ``data`` (an attached file) as a reply to the member's request.

    ``BadInput`` for a reply that can't be read (empty, too long, binary, an image, a locked or
    scanned PDF, a bomb); ``InvalidTransition`` when nothing foibot reads can follow the timeline.
    """
    detail = await get_own_request(db, viewer, public_id, now=now)
    notes: tuple[str, ...] = ()
    if data is not None:
        if len(data) > MAX_FILE_BYTES:
            raise BadInput(f"{filename or 'The file'} is too large: foibot reads files up to {MAX_FILE_BYTES // 1_048_576} MB.")
        extracted = await asyncio.to_thread(extract_text, data, filename or "reply")
        text, notes = extracted.text, extracted.notes
    text = member_text(text, one_line=False)  # the one cleaner, for a pasted reply and a file's text alike
    questions = split_questions(detail.request.questions)
    reading = await asyncio.to_thread(read_reply, text, law=detail.request.law, questions=questions)
    folded = detail.folded
    kinds = tuple(k for k in READABLE_EVENTS if why_not(k, folded.stage, folded.facts) is None)
    if kind is not None:
        wanted = EventKind(kind)
        if wanted not in READABLE_EVENTS:
            raise BadInput(f"foibot reads replies for a response, review outcome, clarification request, fees notice or extension, not {wanted.value.replace('_', ' ')}.")
        reason = why_not(wanted, folded.stage, folded.facts)
        if reason:
            raise InvalidTransition(f"Can't record this reply as that now: {reason}.")
        suggested = wanted
    elif not kinds:
        raise InvalidTransition(f"Nothing a reply says can be recorded on {detail.public_id} now: it is “{label(folded.status)}”.")
    else:
        read_as = KIND_EVENTS[reading.kind]
        suggested = read_as if read_as in kinds else kinds[0]
    return ReadDraft(detail.public_id, detail.request.law, questions, reading, kinds, suggested, notes)


def _exemption_ids(draft: ReadDraft, chosen: list[str]) -> list[str]:
    by_label = {c.label: c.exemption_id for c in draft.reading.citations if c.exemption_id}
    ids: list[str] = []
    for item in chosen:
        found = by_label.get(item)
        if found:
            parsed = [found]
        elif not regime(draft.law).exemption_family:
            parsed = []  # subject access exemptions (DPA 2018 schedules) stay in the reading only
        else:  # typed: "s.40(2)", or a label foibot showed ("FOIA s.40(2)") with its law dropped
            parsed = parse_exemptions(re.sub(r"^(?:FOIA|FOISA|EIR|EISR)\s+", "", item.strip()), draft.law)
        ids.extend(i for i in parsed if i and i not in ids)
    return ids


def event_details(draft: ReadDraft, fixes: Corrections) -> tuple[EventKind, dict[str, Any]]:
    """The event to record and its details: the reading, with every correction applied (pure)."""
    reading = draft.reading
    kind = fixes.kind or draft.suggested
    if kind not in draft.kinds:
        raise InvalidTransition("That event can't follow the request's timeline now: choose another in “Record as”.")
    if kind is EventKind.ACKNOWLEDGED:
        return kind, {}
    details: dict[str, Any] = {}
    flags = {name: getattr(reading, _FLAG_SOURCE[name]).value for name in FLAGS}
    flags.update(fixes.flags)
    details.update({k: v for k, v in flags.items() if v is not None})
    details["attachments_referred"] = reading.attachments_referred
    stored = reading.to_json()
    stored["corrections"] = fixes.to_json()
    details["reading"] = stored
    if kind in (EventKind.RESPONSE, EventKind.REVIEW_RESPONSE):
        outcome = fixes.outcome or (reading.outcome.value if reading.outcome else None)
        if kind is EventKind.RESPONSE and (outcome is None or Outcome(outcome).is_verdict):
            raise BadInput("Choose the response's outcome in “Outcome” first: foibot couldn't tell what it gave.")
        if outcome is not None:
            details["outcome"] = outcome
        chosen = fixes.exemptions if fixes.exemptions is not None else reading.relied_labels()
        details["exemptions"] = _exemption_ids(draft, chosen)
        if fixes.answers is not None:
            details["answers"] = parse_answers(fixes.answers) if fixes.answers.strip() else {}
        elif reading.answers:
            details["answers"] = answers_to_mapping([_letter_answer(a) for a in reading.answers])
        if kind is EventKind.RESPONSE:
            details["unanswered"] = [a.number for a in reading.answers if a.status is AnswerStatus.UNCLEAR] if fixes.answers is None else []
            details["attachment_missing"] = bool(fixes.attachment_missing)
    elif kind is EventKind.CLARIFICATION_REQUESTED:
        part = reading.clarification_part
        details["partial"] = bool(part) and len(part) < len(draft.questions)
    elif kind is EventKind.EXTENSION:
        new_date = fixes.new_date or reading.new_date
        if not new_date:
            raise BadInput("foibot didn't find the extension's new date: give it with “Edit details”.")
        details["new_date"] = date.fromisoformat(new_date) if _iso(new_date) else new_date
    if kind not in _CARRIES_READING:
        return kind, {}
    return kind, details


_FLAG_SOURCE = {"public_interest_reasons_given": "public_interest_reasons", "cost_estimate_given": "cost_estimate",
                "advice_given": "advice", "review_rights_stated": "review_rights", "regulator_rights_stated": "regulator_rights"}


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _letter_answer(answer: Any) -> Any:
    from bot.letters.answers import Answer

    return Answer(answer.number, answer.status, answer.to)


async def save_reading(
    db: Database, viewer: Viewer, draft: ReadDraft, fixes: Corrections, *, on: date | str | None = None,
    now: datetime | None = None,
) -> RequestDetail:
    """Record the reply as the event chosen, with the reading's facts and the corrections (owner only)."""
    kind, details = event_details(draft, _clean_corrections(fixes))
    return await append_event(db, viewer, draft.public_id, kind, on=on, details=details, now=now)


def _clean_corrections(fixes: Corrections) -> Corrections:
    """The member's typed corrections through the one cleaner (they are stored with the reading)."""
    return Corrections(
        kind=fixes.kind, outcome=member_text(fixes.outcome) if fixes.outcome is not None else None,
        exemptions=[member_text(e) for e in fixes.exemptions] if fixes.exemptions is not None else None,
        flags=dict(fixes.flags), attachment_missing=fixes.attachment_missing,
        answers=member_text(fixes.answers, one_line=False) if fixes.answers is not None else None,
        new_date=member_text(fixes.new_date) if fixes.new_date is not None else None,
    )


def flag_values(draft: ReadDraft, fixes: Corrections) -> Mapping[str, bool | None]:
    """Each yes/no finding after the member's corrections (for showing them)."""
    values = {name: getattr(draft.reading, _FLAG_SOURCE[name]).value for name in FLAGS}
    values.update(fixes.flags)
    return values
