"""Requests followed on WhatDoTheyKnow: track one by its link, and apply what a later read shows.

``track`` reads ``/request/<slug>.json`` once, creates the tracked request (title, authority from
the directory by its URL name, law from ``law_used`` and the body's tags, the timeline rebuilt by
``bot.sources.timeline``) and a ``wdtk_tracks`` row the poller reads later. Deadlines and alerts
then come from the ordinary event model (``bot.services.requests._store``), exactly as for a
request logged by hand.

``apply_read`` is the poller's half: new events the fold accepts are appended; each new response
puts a ``wdtk_response`` notice in the alert outbox (unique per request, kind and day, so it is
sent once even if two processes read the same change); a request that became hidden, embargoed
or blocked puts one ``wdtk_problem`` notice and stops being polled (manual tracking, nothing lost).
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select

from bot import clock
from bot.errors import BadInput
from bot.law.regimes import Law
from bot.models import Alert, Authority, Event, Request, WdtkTrack
from bot.reminders.wakeups import wake_after_commit
from bot.services import Viewer, authorities, unused_public_id
from bot.services.requests import MAX_REQUESTS_PER_MEMBER, RequestDetail, _detail, _events, _store, base_facts, timeline
from bot.sources.polite import BotProtected, Gone, Hidden
from bot.sources.records import WdtkRequest
from bot.sources.timeline import accepted, candidates, law_for, new_responses, sent_on
from bot.sources.urls import request_slug, request_url
from bot.tracking import EventKind, fold
from bot.tracking.inputs import Visibility, shareable
from bot.tracking.limits import TITLE_MAX

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database
    from bot.sources.wdtk import WdtkClient

log = logging.getLogger(__name__)

RESPONSE_NOTICE = "wdtk_response"
PROBLEM_NOTICE = "wdtk_problem"
PROBLEMS = {Hidden: "hidden", Gone: "gone", BotProtected: "blocked"}


def next_poll(now: datetime, interval: float, rng: random.Random | None = None) -> datetime:
    """The next look: ``interval`` seconds on, give or take 10%, so polls never bunch up."""
    jitter = (rng or random).uniform(0.9, 1.1)
    return now + timedelta(seconds=interval * jitter)


@dataclass(frozen=True)
class Tracked:
    detail: RequestDetail
    wdtk: WdtkRequest
    skipped: int  # WDTK events the fold could not place (left for the member)
    not_apply: str | None


async def existing_track(db: Database, user_id: int, url_title: str) -> str | None:
    """The public id under which this member already follows ``url_title``, if they do."""
    async with db.read() as session:
        row = (await session.exec(
            select(Request.public_id).join(WdtkTrack, col(WdtkTrack.request_id) == col(Request.id))
            .where(col(WdtkTrack.url_title) == url_title, col(Request.owner_id) == user_id)
        )).first()
    return row


async def track(
    db: Database, viewer: Viewer, wdtk: WdtkRequest, *, base_url: str, visibility: str = Visibility.PRIVATE.value,
    interval: float, etag: str | None = None, last_modified: str | None = None, now: datetime | None = None,
) -> Tracked:
    """Create the tracked request from a WDTK request read just now (one transaction)."""
    now, today = clock.now_and_today(now)
    started = sent_on(wdtk)
    if started is None:
        raise BadInput("That WhatDoTheyKnow request has not been sent yet, so there is no deadline to track.")
    shown = shareable(visibility, viewer.guild_id is not None)
    law = law_for(wdtk)
    async with db.transaction() as session:
        count = (await session.exec(select(func.count()).select_from(Request).where(col(Request.owner_id) == viewer.user_id))).one()
        if count >= MAX_REQUESTS_PER_MEMBER:
            raise BadInput(f"You already track {MAX_REQUESTS_PER_MEMBER} requests, foibot's limit: delete old ones first.")
        authority = await authorities.find_or_create_from_wdtk(session, wdtk.public_body, created_by=viewer.user_id, now=now)
        request = Request(
            public_id=await unused_public_id(session), owner_id=viewer.user_id, guild_id=viewer.guild_id,
            visibility=shown.value, authority_id=authority.id, law=law.value,
            title=" ".join(wdtk.title.split())[:TITLE_MAX] or wdtk.url_title, link=request_url(base_url, wdtk.url_title),
            sent_on=started, school=authority.kind == "school", created_at=now, updated_at=now,
        )
        session.add(request)
        await session.flush()
        sent = Event(request_id=request.id, kind=EventKind.SENT.value, occurred_on=started, recorded_at=now,
                     actor_id=viewer.user_id, data={"wdtk": wdtk.url_title})
        session.add(sent)
        await session.flush()
        events, skipped = await _append(session, request, authority, [sent], wdtk, today=today, now=now)
        folded = fold(base_facts(request, authority), timeline(events), today)
        await _store(session, request, folded, now)
        session.add(WdtkTrack(
            request_id=request.id, url_title=wdtk.url_title, wdtk_id=wdtk.id,
            state="finished" if wdtk.finished else "active",
            seen={str(e.id): (e.state or "") for e in wdtk.events}, etag=etag, last_modified=last_modified,
            next_poll_at=next_poll(now, interval), last_polled_at=now, created_at=now, updated_at=now,
        ))
        await session.flush()
        log.info("request %s tracked from WDTK %s by %s", request.public_id, wdtk.url_title, viewer.user_id)
        detail = _detail(viewer, request, authority, events, folded)
    not_apply = None if authority.foi_applies else "WhatDoTheyKnow says FOI law does not apply to this body"
    return Tracked(detail, wdtk, skipped, not_apply)


async def _append(session: AsyncSession, request: Request, authority: Authority, existing: list[Event], wdtk: WdtkRequest,
                  *, today: Any, now: datetime, only: set[int] | None = None) -> tuple[list[Event], int]:
    """Append the WDTK events the fold accepts after ``existing`` (``only``: those WDTK event ids)."""
    applied = {int(e.data["wdtk_event"]) for e in existing if isinstance(e.data, dict) and "wdtk_event" in e.data}
    wanted = [c for c in candidates(wdtk) if c.wdtk_event not in applied and (only is None or c.wdtk_event in only)]
    kept = accepted(base_facts(request, authority), timeline(existing), wanted, today)
    events = list(existing)
    for c in kept:
        event = Event(request_id=request.id, kind=c.kind.value, occurred_on=c.on, recorded_at=now, actor_id=None,
                      note=c.note, data=c.data)
        session.add(event)
        events.append(event)
    if kept:
        await session.flush()
    return events, len(wanted) - len(kept)


def _insert_alert(session: AsyncSession) -> Any:
    return (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)(Alert)


async def _notice(session: AsyncSession, request: Request, kind: str, day: Any, key: str, now: datetime) -> None:
    """One DM in the outbox; the unique (request, kind, day) key makes a repeat a no-op."""
    await session.exec(_insert_alert(session).values(  # type: ignore[call-overload]
        request_id=request.id, user_id=request.owner_id, kind=kind, deadline_on=day, deadline_key=key[:40],
        fire_at=now, state="pending", attempts=0, deliveries=0, created_at=now, updated_at=now,
    ).on_conflict_do_nothing(index_elements=["request_id", "user_id", "kind", "deadline_on"]))
    wake_after_commit(session, now)


@dataclass(frozen=True)
class Applied:
    new_events: int
    notices: int
    finished: bool


async def apply_read(db: Database, request_id: int, wdtk: WdtkRequest | None, *, worker: str, interval: float,
                     etag: str | None, last_modified: str | None, now: datetime | None = None) -> Applied:
    """What a poll read (``wdtk`` None: not modified), applied in one transaction by the worker
    that holds the track's lease; a worker whose lease was lost writes nothing."""
    now, today = clock.now_and_today(now)
    async with db.transaction() as session:
        track_row = await _owned(session, request_id, worker)
        if track_row is None:
            return Applied(0, 0, False)
        request = await session.get(Request, request_id)
        authority = await session.get(Authority, request.authority_id) if request is not None else None
        added = notices = 0
        finished = False
        if wdtk is not None and request is not None and authority is not None:
            seen = dict(track_row.seen or {})
            fresh = new_responses(wdtk, seen)
            reclassified = {e.id for e in wdtk.events if str(e.id) in seen and seen[str(e.id)] != (e.state or "")}
            existing = await _events(session, request.id)  # type: ignore[arg-type]
            changed = {e.id for e in wdtk.events if str(e.id) not in seen} | reclassified
            events, _ = await _append(session, request, authority, existing, wdtk, today=today, now=now, only=changed)
            added = len(events) - len(existing)
            if added:
                await _store(session, request, fold(base_facts(request, authority), timeline(events), today), now)
            for response in fresh:
                await _notice(session, request, RESPONSE_NOTICE, response.on, f"in:{response.incoming_message_id or response.id}", now)
                notices += 1
            track_row.seen = {str(e.id): (e.state or "") for e in wdtk.events}
            finished = wdtk.finished
            track_row.wdtk_id = wdtk.id
        track_row.etag = etag or track_row.etag
        track_row.last_modified = last_modified or track_row.last_modified
        track_row.state = "finished" if finished else track_row.state
        track_row.failures, track_row.last_error = 0, None
        _release(track_row, now, next_poll(now, interval))
        session.add(track_row)
    return Applied(added, notices, finished)


async def apply_problem(db: Database, request_id: int, error: Exception, *, worker: str, interval: float,
                        now: datetime | None = None) -> str:
    """A failed read: hidden / gone / blocked stop polling with one notice; anything else backs off."""
    now, today = clock.now_and_today(now)
    problem = next((name for kind, name in PROBLEMS.items() if isinstance(error, kind)), None)
    async with db.transaction() as session:
        track_row = await _owned(session, request_id, worker)
        if track_row is None:
            return "lost"
        request = await session.get(Request, request_id)
        track_row.last_error = str(error)[:500]
        if problem is not None:
            track_row.state, track_row.problem = "manual", problem
            if request is not None:
                await _notice(session, request, PROBLEM_NOTICE, today, problem, now)
            _release(track_row, now, now)
            log.warning("WDTK request %s is %s: back to manual tracking", track_row.url_title, problem)
        else:
            track_row.failures += 1
            retry_after = getattr(error, "retry_after", None) or 0.0
            delay = max(retry_after, min(interval, 600.0 * 2 ** (track_row.failures - 1)))
            _release(track_row, now, now + timedelta(seconds=delay))
            log.info("WDTK request %s: %s; next try in %.0f s", track_row.url_title, error, delay)
        session.add(track_row)
    return problem or "retry"


async def _owned(session: AsyncSession, request_id: int, worker: str) -> WdtkTrack | None:
    row = await session.get(WdtkTrack, request_id)
    if row is None or row.claimed_by != worker:
        log.warning("WDTK track %s is no longer %s's (lease lost); not writing", request_id, worker)
        return None
    return row


def _release(row: WdtkTrack, now: datetime, next_at: datetime) -> None:
    row.claimed_by, row.lease_until = None, None
    row.next_poll_at, row.last_polled_at, row.updated_at = next_at, now, now


async def track_url(db: Database, client: WdtkClient, viewer: Viewer, url: str, *, visibility: str = Visibility.PRIVATE.value,
                    interval: float, now: datetime | None = None) -> Tracked:
    """``/request track url:``: the link checked, the request read once, and tracked. Every refusal
    (not WDTK, not a request, does not exist, hidden, blocked) is a UserError saying which."""
    slug = request_slug(url, client.base_url)
    already = await existing_track(db, viewer.user_id, slug)
    if already is not None:
        raise BadInput(f"You already follow that WhatDoTheyKnow request as `{already}`: see it with /request show.")
    try:
        read = await client.read_request(slug)
    except Gone:
        raise Gone("WhatDoTheyKnow has no public request at that link: check it (a private, embargoed Pro request "
                   "can't be followed until it is published).") from None
    assert read.request is not None
    return await track(db, viewer, read.request, base_url=client.base_url, visibility=visibility, interval=interval,
                       etag=read.etag, last_modified=read.last_modified, now=now)
