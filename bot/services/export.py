"""A member's requests, exported: a JSON file of everything, and an iCalendar file of every deadline
that applies now (one all-day event each, with a stable UID so a re-import updates, not duplicates).

The calendar is built with the ``icalendar`` package (RFC 5545 line folding and escaping done
properly), never by hand.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import icalendar
from sqlmodel import col, select

from bot import clock
from bot.law.regimes import regime
from bot.models import Authority, Event, Request
from bot.services.requests import base_facts, timeline
from bot.tracking import STATUS_INFO, fold
from bot.tracking.describe import deadline_label

if TYPE_CHECKING:
    from bot.db import Database
    from bot.services import Viewer
    from bot.tracking import Folded

log = logging.getLogger(__name__)

PRODID = "-//foibot//request deadlines//EN"
_IN_CHUNK = 500  # ids per IN (...) list: well under SQLite's and asyncpg's parameter limits


@dataclass(frozen=True)
class Export:
    json_bytes: bytes
    ics_bytes: bytes
    requests: int
    deadlines: int


def _request_json(request: Request, authority: Authority, events: list[Event], folded: Folded) -> dict[str, Any]:
    return {
        "id": request.public_id,
        "title": request.title,
        "authority": {"name": authority.name, "division": authority.division},
        "law": request.law,
        "school": request.school,  # with law and division, what `foibot deadline --timeline` needs
        "visibility": request.visibility,
        "sent_on": request.sent_on.isoformat(),
        "reference": request.reference,
        "link": request.link,
        "requester_name": request.requester_name,
        "questions": request.questions,
        "status": folded.shown_status.value,
        "status_label": STATUS_INFO[folded.shown_status].label,
        "next_deadline": {"key": folded.next_deadline_key, "date": folded.next_deadline.isoformat()}
        if folded.next_deadline
        else None,
        "deadlines": {
            key: {"date": d.due.isoformat(), "rule": d.rule, "citation": d.citation} for key, d in folded.live.items()
        },
        "notes": list(folded.report.notes),
        "events": [
            {"kind": e.kind, "date": e.occurred_on.isoformat(), "note": e.note, "details": e.data or {}}
            for e in events
        ],
    }


def _calendar_events(calendar: icalendar.Calendar, request: Request, authority: Authority, folded: Folded, now: datetime) -> int:
    count = 0
    for key, deadline in folded.live.items():
        event = icalendar.Event()
        event.add("uid", f"{request.public_id}-{key}@foibot")
        event.add("dtstamp", now)
        event.add("dtstart", deadline.due)  # a date: an all-day event
        event.add("dtend", deadline.due + timedelta(days=1))
        label = deadline_label(key, request.law)
        event.add("summary", f"{label}: {request.title} ({authority.name})")
        law = regime(request.law).short
        event.add("description", f"{request.public_id} · {law}\n{deadline.rule}\n{deadline.citation}")
        if request.link:
            event.add("url", request.link)
        event.add("categories", ["foibot", key])
        calendar.add_component(event)
        count += 1
    return count


async def _load(db: Database, owner_id: int) -> list[tuple[Request, Authority, list[Event]]]:
    async with db.read() as session:
        rows = (
            await session.exec(
                select(Request, Authority)
                .join(Authority, col(Authority.id) == col(Request.authority_id))
                .where(col(Request.owner_id) == owner_id)
                .order_by(col(Request.sent_on), col(Request.id))
            )
        ).all()
        ids = [request.id for request, _ in rows]
        by_request: dict[int, list[Event]] = {i: [] for i in ids if i is not None}
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            events = await session.exec(
                select(Event).where(col(Event.request_id).in_(chunk)).order_by(col(Event.occurred_on), col(Event.id))
            )
            for event in events.all():
                by_request[event.request_id].append(event)
    return [(request, authority, by_request[request.id]) for request, authority in rows]  # type: ignore[index]


async def export_requests(db: Database, viewer: Viewer, *, now: datetime | None = None) -> Export:
    """Every request ``viewer`` owns (from any server or DM), as JSON and as an .ics calendar."""
    now = now or clock.utcnow()
    today: date = clock.uk_today(now)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "foibot deadlines")
    items: list[dict[str, Any]] = []
    deadlines = 0
    loaded = await _load(db, viewer.user_id)
    for request, authority, events in loaded:
        folded = fold(base_facts(request, authority), timeline(events), today)
        items.append(_request_json(request, authority, events, folded))
        deadlines += _calendar_events(calendar, request, authority, folded, now)
    document = {"exported_at": now.isoformat(), "today": today.isoformat(), "requests": items}
    json_bytes = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    return Export(json_bytes, calendar.to_ical(), len(items), deadlines)
