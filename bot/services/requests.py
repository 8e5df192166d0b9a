"""Tracked requests: log, record events, edit, delete and show; each one transaction (listing and
searching: ``bot.services.request_list``).

Every operation takes a ``Viewer`` (who is asking, and from which server, None in DMs). A member
sees their own requests, and in a server the requests shared with that server; anything else is
"not found", with the same words as an id that does not exist, so nobody learns that a private
request exists. Only the owner may change or delete a request.

Status and deadlines are never written by hand: each change refolds the timeline
(``bot.tracking.fold``) and caches the base status, the next deadline and the deadlines that apply
on the request row, in the same transaction, then brings the alerts in line
(``bot.reminders.outbox.reconcile_alerts``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func
from sqlmodel import col, select

from bot import clock
from bot.errors import BadInput, InvalidTransition, NotAllowed
from bot.law.counting import long_date
from bot.law.deadlines import RequestFacts
from bot.law.regimes import Division, Law
from bot.models import Authority, BoardCard, Event, Request
from bot.reminders import outbox
from bot.services import Viewer, authorities, normalise_public_id, not_found, unused_public_id, visible_to
from bot.services import board
from bot.services import server as server_settings
from bot.tracking import EventKind, Folded, TimelineEvent, check_new_event, clean_event_data, fold
from bot.tracking.events import spec, why_not
from bot.tracking.inputs import NewRequest, RequestChanges, Visibility, clean_new_request, sent_date, shareable, typed_date
from bot.tracking.limits import NOTE_MAX, QUESTIONS_MAX, REFERENCE_MAX, REQUESTER_NAME_MAX, TITLE_MAX, clean_link, clean_text
from bot.tracking.statuses import label
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database

log = logging.getLogger(__name__)

MAX_REQUESTS_PER_MEMBER = 5000
_NEW_EVENT_SEQ = 2**62  # orders a new event after every stored event of the same day


@dataclass(frozen=True)
class RequestDetail:
    """A request with its authority, its timeline and what the timeline folds to today."""

    request: Request
    authority: Authority
    events: tuple[Event, ...]
    folded: Folded
    viewer_is_owner: bool

    @property
    def public_id(self) -> str:
        return self.request.public_id

    @property
    def facts(self) -> RequestFacts:
        """Every dated fact of the timeline, ready for ``bot.law.compute_deadlines``."""
        return self.folded.facts


# -- helpers ----------------------------------------------------------------------------------

def base_facts(request: Request, authority: Authority) -> RequestFacts:
    """The facts a request starts from (law, part of the UK, school); the fold adds the dates."""
    return RequestFacts(law=Law(request.law), division=Division(authority.division), school=request.school)


def timeline(events: list[Event] | tuple[Event, ...]) -> list[TimelineEvent]:
    return [TimelineEvent(EventKind(e.kind), e.occurred_on, dict(e.data or {}), e.note, e.id or 0) for e in events]


# -- loading -------------------------------------------------------------------------------------

async def _load(session: AsyncSession, viewer: Viewer, text: str, *, for_change: bool = False) -> tuple[Request, Authority]:
    public_id = normalise_public_id(text)
    if public_id is None:
        raise not_found(text)
    stmt = (
        select(Request, Authority)
        .join(Authority, col(Authority.id) == col(Request.authority_id))
        .where(col(Request.public_id) == public_id, visible_to(viewer))
    )
    if for_change:
        stmt = stmt.with_for_update(of=Request)  # PostgreSQL: two clicks at once apply one after the other
    row = (await session.exec(stmt)).first()
    if row is None:
        raise not_found(text)
    request, authority = row
    if for_change and request.owner_id != viewer.user_id:
        raise NotAllowed(f"Only the member who logged {request.public_id} can change it.")
    return request, authority


async def _events(session: AsyncSession, request_id: int) -> list[Event]:
    stmt = select(Event).where(col(Event.request_id) == request_id).order_by(col(Event.occurred_on), col(Event.id))
    return list((await session.exec(stmt)).all())


def _detail(viewer: Viewer, request: Request, authority: Authority, events: list[Event], folded: Folded) -> RequestDetail:
    ordered = tuple(sorted(events, key=lambda e: (e.occurred_on, e.id or 0)))
    return RequestDetail(request, authority, ordered, folded, request.owner_id == viewer.user_id)


async def _store(
    session: AsyncSession, request: Request, folded: Folded, now: datetime, *, occasion: str | None = None, on: date | None = None
) -> None:
    """Cache what the timeline folds to, then plan the alerts and board cards from it (same
    transaction); ``occasion`` is what just happened, for the board (``bot.services.board``)."""
    request.status = folded.status.value
    request.next_deadline = folded.next_deadline
    request.next_deadline_key = folded.next_deadline_key
    request.deadlines = folded.deadlines_json()
    request.updated_at = now
    session.add(request)
    await session.flush()
    await outbox.reconcile_alerts(session, request, now=now)
    await board.plan_cards(session, request, now=now, occasion=occasion, on=on)


# -- operations ----------------------------------------------------------------------------------

async def create_request(db: Database, viewer: Viewer, new: NewRequest, *, now: datetime | None = None) -> RequestDetail:
    """Log a request already sent: its authority (created when new), details and a "sent" event."""
    async with db.transaction() as session:
        return await create_request_in(session, viewer, new, now=now)


async def create_request_in(session: AsyncSession, viewer: Viewer, new: NewRequest, *, now: datetime | None = None) -> RequestDetail:
    """``create_request`` inside the caller's open transaction (e.g. a draft marked as sent, so the
    request and the draft's new state commit together or not at all)."""
    now, today = clock.now_and_today(now)
    clean = clean_new_request(new, today=today, in_server=viewer.guild_id is not None)
    if clean.visibility is Visibility.SERVER:
        await server_settings.check_sharing(session, viewer.guild_id)
    count = await session.exec(select(func.count()).select_from(Request).where(col(Request.owner_id) == viewer.user_id))
    if count.one() >= MAX_REQUESTS_PER_MEMBER:
        raise BadInput(f"You already track {MAX_REQUESTS_PER_MEMBER} requests, foibot's limit: delete old ones first.")
    authority = await authorities.find_or_create(
        session, clean.authority_name, law=clean.law, division=clean.division, created_by=viewer.user_id, now=now
    )
    request = Request(
        public_id=await unused_public_id(session),
        owner_id=viewer.user_id,
        guild_id=viewer.guild_id,
        visibility=clean.visibility.value,
        authority_id=authority.id,
        law=clean.law.value,
        title=clean.title,
        questions=clean.questions,
        requester_name=clean.requester_name,
        reference=clean.reference,
        link=clean.link,
        sent_on=clean.sent_on,
        school=clean.school if clean.school is not None else authority.kind == "school",
        created_at=now,
        updated_at=now,
    )
    session.add(request)
    await session.flush()
    event = Event(request_id=request.id, kind=EventKind.SENT.value, occurred_on=clean.sent_on, recorded_at=now, actor_id=viewer.user_id, data={})
    session.add(event)
    await session.flush()
    folded = fold(base_facts(request, authority), timeline([event]), today)
    await _store(session, request, folded, now, occasion="logged" if request.visibility == Visibility.SERVER else None)
    log.info("request %s logged by %s", request.public_id, viewer.user_id)
    return _detail(viewer, request, authority, [event], folded)


async def append_event(
    db: Database,
    viewer: Viewer,
    public_id: str,
    kind: EventKind | str,
    *,
    on: date | str | None = None,
    note: str | None = None,
    details: Mapping[str, Any] | None = None,
    now: datetime | None = None,
) -> RequestDetail:
    """Record that something happened (default: today). Refused, with the reason, when it cannot
    follow the timeline, is dated in the future or before the request was sent."""
    now, today = clock.now_and_today(now)
    event_spec = spec(kind)
    if event_spec.kind in (EventKind.DRAFTED, EventKind.SENT):
        raise BadInput("A request is sent once: to change the date sent, use /request edit.")
    when = today if on is None or on == "" else typed_date(on, "The date", today)
    note = clean_text(note, "The note", NOTE_MAX, one_line=False)
    if event_spec.kind is EventKind.NOTE and note is None:
        raise BadInput("A note needs some text: say what happened in the note.")
    async with db.transaction() as session:
        request, authority = await _load(session, viewer, public_id, for_change=True)
        data = clean_event_data(event_spec.kind, _member_details(details), law=Law(request.law), on=when, today=today)
        events = await _events(session, request.id)  # type: ignore[arg-type]
        new = TimelineEvent(event_spec.kind, when, data, note, _NEW_EVENT_SEQ)
        folded = check_new_event(base_facts(request, authority), timeline(events), new, today)
        event = Event(
            request_id=request.id, kind=event_spec.kind.value, occurred_on=when, recorded_at=now,
            actor_id=viewer.user_id, note=note, data=data,
        )
        session.add(event)
        if data.get("reference") and not request.reference:
            request.reference = data["reference"]  # the acknowledgement's reference, until one is set
        await session.flush()
        await _store(session, request, folded, now, occasion=board.OCCASION_OF_EVENT.get(event_spec.kind.value), on=when)
        log.info("request %s: %s recorded by %s", request.public_id, event_spec.kind, viewer.user_id)
        return _detail(viewer, request, authority, [*events, event], folded)


async def get_request(db: Database, viewer: Viewer, public_id: str, *, now: datetime | None = None) -> RequestDetail:
    """The request with its authority, timeline and status and deadlines as of today."""
    _, today = clock.now_and_today(now)
    async with db.read() as session:
        request, authority = await _load(session, viewer, public_id)
        events = await _events(session, request.id)  # type: ignore[arg-type]
    folded = fold(base_facts(request, authority), timeline(events), today)
    return _detail(viewer, request, authority, events, folded)


async def get_own_request(
    db: Database, viewer: Viewer, public_id: str, *, kind: EventKind | str | None = None, now: datetime | None = None
) -> RequestDetail:
    """Like ``get_request``, for a member about to change it (before a form opens): refused unless
    they own it, and, given ``kind``, unless that event can follow the timeline now."""
    detail = await get_request(db, viewer, public_id, now=now)
    if not detail.viewer_is_owner:
        raise NotAllowed(f"Only the member who logged {detail.public_id} can change it.")
    if kind is not None:
        event = spec(kind)
        if detail.folded.stage not in event.allowed_from:
            raise InvalidTransition(
                f"Can't record “{event.label}” now: it needs {event.needs}, and this request is “{label(detail.folded.status)}”."
            )
        reason = why_not(kind, detail.folded.stage, detail.folded.facts)  # the law's own rules (e.g. no FOISA extension)
        if reason:
            raise InvalidTransition(f"Can't record “{event.label}” now: {reason}.")
    return detail


def _member_details(details: Mapping[str, Any] | None) -> dict[str, Any]:
    """An event's details with each typed text through the one cleaner (lines kept: the answers
    are typed a clause a line), lists of text too; ``clean_event_data`` then reads each detail."""
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return member_text(value, one_line=False)
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value

    return {name: clean(value) for name, value in (details or {}).items()}


def _changed_text(value: str | None, current: str | None, what: str, limit: int, *, one_line: bool = True) -> str | None:
    if value is None:
        return current
    return clean_text(value, what, limit, one_line=one_line)


async def edit_request(
    db: Database, viewer: Viewer, public_id: str, changes: RequestChanges, *, now: datetime | None = None
) -> RequestDetail:
    """Change a request's details (owner only); the date sent and the law refold the timeline."""
    now, today = clock.now_and_today(now)
    async with db.transaction() as session:
        request, authority = await _load(session, viewer, public_id, for_change=True)
        events = await _events(session, request.id)  # type: ignore[arg-type]
        if changes.title is not None:
            request.title = clean_text(changes.title, "The title", TITLE_MAX, required=True) or request.title
        request.reference = _changed_text(changes.reference, request.reference, "The reference", REFERENCE_MAX)
        request.requester_name = _changed_text(
            changes.requester_name, request.requester_name, "The requester's name", REQUESTER_NAME_MAX
        )
        request.questions = _changed_text(changes.questions, request.questions, "The questions", QUESTIONS_MAX, one_line=False) or ""
        if changes.link is not None:
            request.link = clean_link(changes.link)
        if changes.school is not None:
            request.school = changes.school
        if changes.law is not None:
            request.law = Law(changes.law).value
        if changes.visibility is not None:
            visibility = shareable(changes.visibility, viewer.guild_id is not None)
            if visibility is Visibility.SERVER:
                await server_settings.check_sharing(session, viewer.guild_id)
                request.guild_id = viewer.guild_id  # shared with the server the owner is in now
            request.visibility = visibility.value
        if changes.sent_on is not None:
            _move_sent_date(events, sent_date(changes.sent_on, today))
            request.sent_on = next(e.occurred_on for e in events if e.kind == EventKind.SENT)
        folded = fold(base_facts(request, authority), timeline(events), today)
        for event in events:
            session.add(event)
        await _store(session, request, folded, now, occasion="logged" if changes.visibility == Visibility.SERVER else None)
        log.info("request %s edited by %s", request.public_id, viewer.user_id)
        return _detail(viewer, request, authority, events, folded)


def _move_sent_date(events: list[Event], sent: date) -> None:
    later = [e.occurred_on for e in events if e.kind != EventKind.SENT]
    if later and sent > min(later):
        raise BadInput(
            f"The timeline has an event on {long_date(min(later))}, before {long_date(sent)}: "
            "the date sent can't be later than the first event after it."
        )
    for event in events:
        if event.kind == EventKind.SENT:
            event.occurred_on = sent


@dataclass(frozen=True)
class DeletedRequest:
    title: str
    messages: tuple[tuple[int, int], ...]  # (channel id, message id) of its board cards, to take down


async def delete_request(db: Database, viewer: Viewer, public_id: str) -> DeletedRequest:
    """Delete a request and its timeline, alerts and board cards (owner only). The cards' messages
    are returned so the caller can take them down once the deletion is committed."""
    async with db.transaction() as session:
        request, _ = await _load(session, viewer, public_id, for_change=True)
        cards = (await session.exec(
            select(BoardCard.channel_id, BoardCard.message_id)
            .where(col(BoardCard.request_id) == request.id, col(BoardCard.message_id).is_not(None),
                   col(BoardCard.channel_id).is_not(None)))).all()
        # events and alerts go with it (ON DELETE CASCADE); a draft that became it keeps living.
        await session.exec(delete(Event).where(col(Event.request_id) == request.id))  # type: ignore[call-overload]
        await session.exec(delete(Request).where(col(Request.id) == request.id))  # type: ignore[call-overload]
        log.info("request %s deleted by %s", request.public_id, viewer.user_id)
        return DeletedRequest(request.title, tuple((int(c), int(m)) for c, m in cards))


# Listing and searching live in their own module; re-exported so callers keep one entry point.
from bot.services.request_list import (  # noqa: E402
    LIST_PAGE_SIZE,
    RequestPage,
    RequestSummary,
    Scope,
    list_requests,
    search_requests,
)

__all__ = [
    "LIST_PAGE_SIZE", "DeletedRequest", "RequestDetail", "RequestPage", "RequestSummary", "Scope", "append_event", "base_facts",
    "create_request", "create_request_in", "delete_request", "edit_request", "get_own_request", "get_request",
    "list_requests", "search_requests", "timeline",
]
