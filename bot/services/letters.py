"""Letters for tracked requests: the facts from the timeline, the proposed grounds, the rendered
letter, and the event a sent letter records. No discord here: ``cogs/letters.py`` calls these.

Permissions follow the tracking service (``bot.services.requests``): a member may draft a letter
for any request they can see (their own, and in a server those shared with it; anything else is
"not found"), and only the owner may record that the letter was sent. Only the owner gets a letter
signed with their name: anyone else gets a copy with no name under it and none of the owner's
details (``LetterDraft.is_copy``).

``compose_letter`` is what ``/letter`` calls: a letter, or what stands in the way of one (a review
with no reason: ``ReasonNeeded``; the member's own paragraph asking for an explanation:
``OwnWordsFlagged``), so that no review letter is made without a reason and no flagged paragraph
goes into a letter.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot import clock
from bot.errors import BadInput
from bot.letters import Letter, LetterFacts, LetterKind, ProposedGround, all_grounds, propose_grounds, render_letter
from bot.letters.grounds import check_kind, default_ground_ids
from bot.letters.own_words import NewRequest, OwnWordsFlag, check_own_words, new_request
from bot.letters.reasons import Reason, review_reasons
from bot.letters.regulator import FormBox, form_boxes
from bot.letters.render import normalise_notes
from bot.drafting import Draft
from bot.letters.wording import wording
from bot.services.drafts import DraftRecord, create_draft
from bot.services.requests import RequestDetail, append_event, get_request
from bot.tracking import EventKind
from bot.tracking.events import spec
from bot.tracking.letters import letter_facts, split_questions
from bot.tracking.limits import NOTE_MAX
from bot.tracking.text import member_text
from bot.tracking.stages import Stage

if TYPE_CHECKING:
    from bot.db import Database
    from bot.services import Viewer

log = logging.getLogger(__name__)

NOTES_MAX = NOTE_MAX  # the member's own paragraph: one Discord embed field (1024) with room for its fence


@dataclass(frozen=True)
class LetterEvent:
    """What a letter of one kind records on the timeline once the member has sent it."""

    event: EventKind
    label: str  # "review requested": for "Record: review requested today"
    note: str | None = None  # the note recorded with it (a chaser has no event of its own)


# Rules as data: one entry per letter kind. A chaser is not a stage of the request (FOIA has no
# "chased" state and WhatDoTheyKnow has none either), so it is kept as a note on the timeline.
LETTER_EVENTS: dict[LetterKind, LetterEvent] = {
    LetterKind.REVIEW: LetterEvent(EventKind.REVIEW_REQUESTED, "review requested"),
    LetterKind.CHASER: LetterEvent(EventKind.NOTE, "chaser sent", note="Chaser sent: the response was overdue."),
    LetterKind.COMPLAINT: LetterEvent(EventKind.COMPLAINT_MADE, "complaint made"),
    LetterKind.CLARIFICATION: LetterEvent(EventKind.CLARIFICATION_SENT, "clarification sent"),
}


@dataclass(frozen=True)
class LetterDraft:
    """A letter ready to show: what was proposed, what was written, and what may be recorded."""

    public_id: str
    kind: LetterKind
    proposals: tuple[ProposedGround, ...]  # every ground the facts support (ticked or offered)
    letter: Letter  # its ``ground_ids`` are the grounds argued; ``warnings`` the timing advice
    facts: LetterFacts
    notes: str  # the member's own paragraph, tidied ("" if none)
    signed_as: str  # the name under the letter
    signer_is_fallback: bool  # the request has no requester name: signed with the member's own name
    can_record: bool  # the viewer owns the request and the letter's event can follow its timeline now
    is_copy: bool = False  # the viewer is not the owner: no name under it, none of the owner's details
    boxes: tuple[FormBox, ...] = ()  # a complaint split into the regulator's online form (ICO laws)

    @property
    def chosen_ids(self) -> tuple[str, ...]:
        """The grounds argued and the reasons stated, as a component's custom id carries them."""
        return (*self.letter.ground_ids, *self.letter.reason_ids)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons menu, for a review whose facts give no ground of their own."""
        return review_reasons(self.facts.law) if self.kind is LetterKind.REVIEW and not self.proposals else ()

    @property
    def record(self) -> LetterEvent:
        return LETTER_EVENTS[self.kind]

    @property
    def offered(self) -> tuple[ProposedGround, ...]:
        """Grounds that fit but are not argued: the member may add them."""
        chosen = set(self.letter.ground_ids)
        return tuple(p for p in self.proposals if p.id not in chosen)


# -- facts from the timeline ---------------------------------------------------------------------

def letter_facts_for(detail: RequestDetail, *, signer: str | None = None) -> LetterFacts:
    """A tracked request as a letter sees it (``bot.tracking.letters``: dates from the folded
    timeline, the latest outcome, what the response cited, left unanswered or left out).

    ``signer`` signs the letter when the request has no requester name; ``BadInput`` when neither
    is there (a letter is never signed with a placeholder). When the unanswered question numbers
    recorded do not match the questions as written, the letter quotes the numbers alone rather
    than refusing to be written.
    """
    request = detail.request
    requester = (request.requester_name or "").strip() or member_text(signer)
    if not requester:
        raise BadInput(f"{request.public_id} has no requester name to sign the letter with: add one to the request first.")
    questions: str | None = request.questions
    response = detail.folded.response
    numbers = [n for part in detail.folded.withdrawn_parts for n in part.questions]
    if response:
        numbers += [*response.unanswered, *(n for a in response.answers for n in (a.question, a.to or 0))]
    if numbers and max(numbers) > len(split_questions(questions)):
        questions = None
    return letter_facts(
        detail.folded, authority=detail.authority.name, division=detail.authority.division, title=request.title,
        sent_on=request.sent_on, requester=requester, reference=request.reference, link=request.link,
        questions=questions,
    )


# -- drafting ------------------------------------------------------------------------------------

def clean_notes(notes: str | None) -> str:
    """The member's paragraph, tidied; refused when too long for the letter message to carry it."""
    text = normalise_notes(member_text(notes, one_line=False))
    if len(text) > NOTES_MAX:
        raise BadInput(f"Your paragraph is {len(text)} characters long; the limit is {NOTES_MAX}. Shorten it and try again.")
    if "```" in text:
        raise BadInput("Your paragraph contains ``` (a Discord code fence): remove it and try again.")
    return text


def _check_can_write(kind: LetterKind, facts: LetterFacts, notes: str, public_id: str) -> None:
    """Refusals worded for a tracked request (the renderer's own words speak of JSON fields)."""
    if kind is LetterKind.CHASER and facts.clarification_requested and not facts.clarification_partial \
            and facts.clarification_received is None and facts.responded is None:
        # The authority is waiting for the member: the clock stands still (FOIA s.1(3), EIR reg 9(4),
        # FOISA s.1(3); UK GDPR art.12(3) as amended), so there is nothing late to chase.
        raise BadInput(
            f"{public_id} is waiting for your clarification: the clock is stopped until you reply, so there is nothing "
            "to chase. Reply with /letter clarification."
        )
    if kind is LetterKind.CLARIFICATION:
        if facts.clarification_requested is None:
            raise BadInput(
                f"{public_id} has no request for clarification recorded: record it first with "
                "/request update (event: Clarification asked for), then write the reply."
            )
        if not notes:
            raise BadInput("A reply to a clarification request needs your clarification: write it in the clarification option.")


def _split_ids(kind: LetterKind, law: str, proposals: Iterable[ProposedGround], ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """(grounds, reasons): the reasons menu is offered only when the facts support no ground, so
    only then are its ids reasons; otherwise every id is a ground (and one that does not fit is refused)."""
    ids, proposals = list(ids), list(proposals)
    menu = {r.id for r in review_reasons(law)} if kind is LetterKind.REVIEW and not proposals else set()
    fitting = {p.id for p in proposals}
    reasons = [i for i in ids if i in menu and i not in fitting]
    return [i for i in ids if i not in reasons], reasons


def draft_from_detail(
    detail: RequestDetail,
    kind: LetterKind | str,
    ground_ids: Iterable[str] | None,
    today: date,
    *,
    notes: str | None = None,
    signer: str | None = None,
) -> LetterDraft:
    """The letter for an already loaded request (pure: no database, no clock). ``ground_ids`` may
    hold reasons from the review's menu (``bot.letters.reasons``) as well as grounds."""
    facts = letter_facts_for(detail, signer=signer)
    kind = check_kind(kind, facts.law)
    tidy = clean_notes(notes)
    _check_can_write(kind, facts, tidy, detail.public_id)
    proposals = propose_grounds(kind, facts, today)
    chosen, reasons = _split_ids(kind, facts.law, proposals, default_ground_ids(proposals) if ground_ids is None else ground_ids)
    copy = not detail.viewer_is_owner
    letter = render_letter(kind, facts, chosen, today, notes=tidy or None, reasons=reasons, unsigned=copy)
    event = spec(LETTER_EVENTS[kind].event)
    return LetterDraft(
        public_id=detail.public_id,
        kind=kind,
        proposals=tuple(proposals),
        letter=letter,
        facts=facts,
        notes=tidy,
        signed_as="" if copy else facts.requester,
        signer_is_fallback=not copy and not (detail.request.requester_name or "").strip(),
        can_record=detail.viewer_is_owner and detail.folded.stage in event.allowed_from,
        is_copy=copy,
        boxes=tuple(form_boxes(letter.body, facts.law)) if kind is LetterKind.COMPLAINT else (),
    )


@dataclass(frozen=True)
class ReasonNeeded:
    """A review with no reason yet: the facts give no ground (or all were unticked) and the member
    wrote nothing. The member picks a ground, a reason from the menu, or writes their own."""

    public_id: str
    kind: LetterKind
    proposals: tuple[ProposedGround, ...]  # grounds the facts support (the member unticked them all)
    reasons: tuple[Reason, ...]  # the reasons menu (when the facts support no ground)
    review: str  # "review" (EIR: "reconsideration"), as the law names it


@dataclass(frozen=True)
class OwnWordsFlagged:
    """The member's own paragraph asks for what the letter cannot get: shown before any letter."""

    public_id: str
    kind: LetterKind
    flags: tuple[OwnWordsFlag, ...]
    proposals: tuple[ProposedGround, ...]  # a ground about the handling instead
    reasons: tuple[Reason, ...]  # or, when the facts support none, a reason from the menu
    new_request: NewRequest  # or a new request for the recorded information, opened as a draft


Composed = LetterDraft | ReasonNeeded | OwnWordsFlagged


def compose_from_detail(
    detail: RequestDetail,
    kind: LetterKind | str,
    ground_ids: Iterable[str] | None,
    today: date,
    *,
    notes: str | None = None,
    signer: str | None = None,
) -> Composed:
    """The letter ``draft_from_detail`` writes, unless something must come first (pure)."""
    facts = letter_facts_for(detail, signer=signer)
    kind = check_kind(kind, facts.law)
    tidy = clean_notes(notes)
    proposals = tuple(propose_grounds(kind, facts, today))
    menu = review_reasons(facts.law) if kind is LetterKind.REVIEW and not proposals else ()
    flags = check_own_words(tidy, kind, facts.law, today)
    if flags:
        return OwnWordsFlagged(detail.public_id, kind, tuple(flags), proposals, menu, new_request(facts, flags))
    if kind is LetterKind.REVIEW and not tidy:
        chosen = default_ground_ids(proposals) if ground_ids is None else list(ground_ids)
        if not chosen:
            return ReasonNeeded(detail.public_id, kind, proposals, menu, wording(facts.law).review_noun)
    return draft_from_detail(detail, kind, ground_ids, today, notes=notes, signer=signer)


async def _letter_request(
    db: Database, viewer: Viewer, public_id: str, kind: LetterKind | str, today: date | None, *,
    for_alert: bool, now: datetime | None,
) -> tuple[RequestDetail, LetterKind | str, date]:
    """The request a letter is for (``NotFound`` unless ``viewer`` may see it), the letter's kind
    (an alert's button names one that ``alert_letter_kind`` may turn into the one that fits now)
    and its date (UK)."""
    now = now or clock.utcnow()
    detail = await get_request(db, viewer, public_id, now=now)
    return detail, alert_letter_kind(detail, kind) if for_alert else kind, today or clock.uk_today(now)


async def compose_letter(
    db: Database,
    viewer: Viewer,
    public_id: str,
    kind: LetterKind | str,
    ground_ids: Iterable[str] | None = None,
    today: date | None = None,
    *,
    notes: str | None = None,
    signer: str | None = None,
    for_alert: bool = False,
    now: datetime | None = None,
) -> Composed:
    """``prepare_letter``, or what must come first: a reason for a review, or a paragraph to rethink."""
    detail, kind, today = await _letter_request(db, viewer, public_id, kind, today, for_alert=for_alert, now=now)
    return compose_from_detail(detail, kind, ground_ids, today, notes=notes, signer=signer)


async def open_new_request(
    db: Database, viewer: Viewer, public_id: str, kind: LetterKind | str, notes: str, *, signer: str,
    now: datetime | None = None,
) -> DraftRecord:
    """A draft (``/draft``), private to ``viewer``, asking for the recorded information that a flagged
    paragraph of ``notes`` was after (its authority and law are the request's). It is signed with the
    request's requester name for its owner, otherwise with ``signer`` (the member changes it in the draft)."""
    now = now or clock.utcnow()
    detail = await get_request(db, viewer, public_id, now=now)
    facts = letter_facts_for(detail, signer="-")
    flags = check_own_words(clean_notes(notes), kind, facts.law, clock.uk_today(now))
    asked = new_request(facts, flags)
    name = ((detail.request.requester_name or "").strip() if detail.viewer_is_owner else "") or " ".join(signer.split()) or "-"
    content = Draft(authority=facts.authority, subject=asked.subject, questions=asked.questions,
                    requester_name=name, law=facts.law)
    return await create_draft(db, viewer, content, now=now)


async def prepare_letter(
    db: Database,
    viewer: Viewer,
    public_id: str,
    kind: LetterKind | str,
    ground_ids: Iterable[str] | None = None,
    today: date | None = None,
    *,
    notes: str | None = None,
    signer: str | None = None,
    for_alert: bool = False,
    now: datetime | None = None,
) -> LetterDraft:
    """Load the request (``NotFound`` unless ``viewer`` may see it) and write the letter of ``kind``
    arguing ``ground_ids`` (None: the grounds proposed and ticked), dated ``today`` (UK).

    ``signer`` signs it when the request has no requester name. ``for_alert``: the kind an alert's
    button names, which ``alert_letter_kind`` may turn into the letter that fits the request now.
    """
    detail, kind, today = await _letter_request(db, viewer, public_id, kind, today, for_alert=for_alert, now=now)
    return draft_from_detail(detail, kind, ground_ids, today, notes=notes, signer=signer)


async def draft_for_request(
    db: Database, viewer: Viewer, public_id: str, kind: LetterKind | str, *, now: datetime | None = None
) -> Letter:
    """The letter an alert's *Draft* button asks for, with the proposed grounds (``bot.reminders``).

    A request whose review is late has had its response: the letter foibot writes for it is the
    complaint to the regulator, whose ``review_overdue`` ground is the chase (``Letter.kind`` says so).
    """
    now = now or clock.utcnow()
    detail = await get_request(db, viewer, public_id, now=now)
    return draft_from_detail(detail, alert_letter_kind(detail, kind), None, clock.uk_today(now)).letter


def alert_letter_kind(detail: RequestDetail, kind: LetterKind | str) -> LetterKind:
    """The letter for an alert's button: a chaser, unless the response came and a review is pending."""
    wanted = LetterKind(kind)
    if wanted is LetterKind.CHASER and detail.folded.stage is Stage.IN_REVIEW:
        return LetterKind.COMPLAINT
    return wanted


# -- recording -------------------------------------------------------------------------------------

async def record_letter_sent(
    db: Database, viewer: Viewer, public_id: str, kind: LetterKind | str, *, now: datetime | None = None
) -> RequestDetail:
    """Record on the timeline, dated today, that the letter of ``kind`` was sent (owner only:
    ``NotAllowed`` otherwise; ``InvalidTransition`` when the event cannot follow the timeline)."""
    action = LETTER_EVENTS[LetterKind(kind)]
    return await append_event(db, viewer, public_id, action.event, note=action.note, now=now)


# -- the selection, carried in a component's custom id ----------------------------------------------

_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def _table_fingerprint() -> str:
    """Changes when the grounds table changes order or content, so an old button is never misread."""
    ids = ",".join(g.id for g in all_grounds())
    return _to_base36(zlib.crc32(ids.encode()) % 36**3).rjust(3, "0")


def _to_base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _BASE36[rest] + digits
        if number == 0:
            return digits


def encode_grounds(ground_ids: Iterable[str]) -> str:
    """The grounds as ``<fingerprint>.<bitmask in base 36>`` over the table's order: ~10 characters
    for any choice of the table's grounds (a Discord custom id holds 100)."""
    order = {g.id: n for n, g in enumerate(all_grounds())}
    mask = 0
    for ground_id in ground_ids:
        mask |= 1 << order[ground_id]
    return f"{_table_fingerprint()}.{_to_base36(mask)}"


def decode_grounds(code: str) -> list[str] | None:
    """The grounds ``encode_grounds`` wrote, in table order; None when the table has changed since
    (or the code is malformed): the caller then falls back to the proposed grounds."""
    fingerprint, _, digits = code.partition(".")
    if fingerprint != _table_fingerprint() or not digits or any(c not in _BASE36 for c in digits):
        return None
    mask = int(digits, 36)
    grounds = all_grounds()
    if mask >> len(grounds):
        return None
    return [g.id for n, g in enumerate(grounds) if mask >> n & 1]
