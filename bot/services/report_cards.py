"""Authority report cards (``/authority show|top``) from a server's shared requests only: a
private request never counts, and nothing names a member. Figures: ``bot.community.report_cards``."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import col, select

from bot import clock
from bot.community.report_cards import Case, Ranking, ReportCard, ranking, report_card
from bot.errors import BadInput, NotFound
from bot.law.calendar import calendar_for
from bot.law.regimes import Division, Law
from bot.law.report import DeadlineKey
from bot.models import Authority, Event, Request
from bot.services import authorities
from bot.services.requests import base_facts, timeline
from bot.tracking import STATUS_INFO, Outcome, fold
from bot.tracking.describe import exemption_label

if TYPE_CHECKING:
    from bot.db import Database
    from bot.tracking import Folded

log = logging.getLogger(__name__)

IN_SERVER_ONLY = "Report cards are built from the requests shared with a server: run this inside one."


def case_of(request: Request, authority: Authority, folded: Folded) -> Case:
    facts, report, response = folded.facts, folded.report, folded.response
    label = STATUS_INFO[folded.shown_status].label
    if facts.responded is None or facts.received is None:
        return Case(request.public_id, request.title, request.sent_on, label)
    calendar = calendar_for(Law(request.law), Division(authority.division))
    # Late only when late on every reading (the extended date if extended; next-working-day receipt).
    due_keys = (DeadlineKey.RESPONSE_DUE_EXTENDED,) if facts.extended_to else (DeadlineKey.RESPONSE_DUE,)
    dues = [d.due for key in (*due_keys, DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, DeadlineKey.SCHOOL_BACKSTOP) if (d := report.get(key))]
    late = facts.responded > max(dues) if dues else None
    return Case(
        request.public_id, request.title, request.sent_on, label, answered_on=facts.responded,
        working_days=calendar.working_days_between(facts.received, facts.responded), late=late,
        refused=response is not None and response.outcome is Outcome.REFUSED,
        exemptions=tuple(exemption_label(e) for e in response.exemptions) if response is not None else (),
    )


async def _cases(db: Database, guild_id: int, authority_id: int | None, today: date) -> dict[int, tuple[Authority, list[Case]]]:
    shared = (col(Request.guild_id) == guild_id) & (col(Request.visibility) == "server")
    stmt = select(Request, Authority).join(Authority, col(Authority.id) == col(Request.authority_id)).where(shared)
    if authority_id is not None:
        stmt = stmt.where(col(Request.authority_id) == authority_id)
    async with db.session() as session:
        rows = (await session.exec(stmt)).all()
        ids = [r.id for r, _ in rows]
        events = (await session.exec(select(Event).where(col(Event.request_id).in_(ids)).order_by(col(Event.occurred_on), col(Event.id))))
        by_request: dict[int, list[Event]] = {}
        for event in events.all() if ids else []:
            by_request.setdefault(event.request_id, []).append(event)
    found: dict[int, tuple[Authority, list[Case]]] = {}
    for request, authority in rows:
        try:
            folded = fold(base_facts(request, authority), timeline(by_request.get(request.id, [])), today)  # type: ignore[arg-type]
        except Exception:  # one odd timeline must not hide the rest
            log.exception("report card: request %s does not fold", request.public_id)
            continue
        found.setdefault(authority.id, (authority, []))[1].append(case_of(request, authority, folded))  # type: ignore[index]
    return found


async def authority_card(db: Database, guild_id: int | None, text: str, *, today: date | None = None) -> ReportCard:
    if guild_id is None:
        raise BadInput(IN_SERVER_ONLY)
    resolved = await authorities.resolve(db, text)
    async with db.session() as session:
        authority = await authorities.find_by_name(session, resolved.name)
    if authority is None:
        raise NotFound(f"No request to “{resolved.name[:100]}” has been shared with this server yet.")
    found = await _cases(db, guild_id, authority.id, today or clock.uk_today())
    _, cases = found.get(authority.id, (authority, []))  # type: ignore[arg-type]
    if not cases:
        raise NotFound(f"No request to {authority.name} has been shared with this server yet.")
    return report_card(authority.name, cases)


async def top(db: Database, guild_id: int | None, *, today: date | None = None) -> Ranking:
    if guild_id is None:
        raise BadInput(IN_SERVER_ONLY)
    found = await _cases(db, guild_id, None, today or clock.uk_today())
    return ranking(report_card(a.name, cases) for a, cases in found.values())
