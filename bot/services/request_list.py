"""Listing and searching tracked requests (``/request list``, the autocomplete of every request
option): what a member may see, sorted by the next deadline, a page at a time.

Statuses that depend only on the date (overdue, very overdue, review overdue) are not stored: they
are derived for each row shown, and filtering by them is a query on the stored base status and the
cached next deadline (both indexed with the owner or the server).
"""

from __future__ import annotations

import enum
import functools
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, Integer, bindparam, case, func
from sqlmodel import col, select

from bot.law.calendar import calendar_for
from bot.law.regimes import Division, Law
from bot.models import Authority, Request
from bot import clock
from bot.errors import BadInput
from bot.services import Viewer, visible_to
from bot.tracking.inputs import Visibility
from bot.tracking.text import member_text
from bot.tracking.statuses import LIST_FILTERS, MEMBER_DEADLINES, ListFilter, Status, derive_status

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from bot.db import Database


log = logging.getLogger(__name__)

LIST_PAGE_SIZE = 10
SEARCH_LIMIT = 25  # Discord shows at most 25 autocomplete choices


class Scope(enum.StrEnum):
    MINE = "mine"
    SERVER = "server"


@dataclass(frozen=True)
class RequestSummary:
    """One line of a list: enough to show, without the timeline."""

    public_id: str
    title: str
    authority: str
    law: Law
    status: Status  # as shown today
    next_deadline_key: str | None
    next_deadline: date | None
    lapsed: bool  # the next deadline was the member's own window, and it has closed
    owner_id: int
    visibility: Visibility


@dataclass(frozen=True)
class RequestPage:
    items: tuple[RequestSummary, ...]
    page: int  # 0-based, clamped to the pages there are
    pages: int
    total: int
    scope: Scope
    status: Status | None


def _lapsed(today: Any) -> Any:
    return (col(Request.next_deadline) < today) & col(Request.next_deadline_key).in_(sorted(MEMBER_DEADLINES))


def _summary(row: Any, today: date) -> RequestSummary:
    calendar = calendar_for(Law(row.law), Division(row.division))
    status = derive_status(row.status, row.next_deadline_key, row.next_deadline, today, calendar, row.deadlines)
    lapsed = bool(row.next_deadline and row.next_deadline < today and row.next_deadline_key in MEMBER_DEADLINES)
    return RequestSummary(
        row.public_id, row.title, row.name, Law(row.law), status, row.next_deadline_key, row.next_deadline,
        lapsed, row.owner_id, Visibility(row.visibility),
    )


@dataclass(frozen=True)
class _Statements:
    rows: Any  # every row, sorted (the exact filters: very overdue)
    page: Any  # a page of rows, each with the count of all (count(*) OVER () counts before LIMIT)
    count: Any  # the count alone (a page past the end)


@functools.cache
def _statements(scope: Scope, status: Status | None) -> _Statements:
    """The statements of one kind of list, built once: ``who`` (the member, or the server) and the
    day are bound parameters, so each call only binds values (building a statement and its cache
    key each call cost more CPU than running it; docs/maintainers/performance.md)."""
    today = bindparam("today", type_=Date)
    if scope is Scope.SERVER:
        where = [col(Request.guild_id) == bindparam("who"), col(Request.visibility) == Visibility.SERVER.value]
    else:
        where = [col(Request.owner_id) == bindparam("who")]
    wanted = LIST_FILTERS[status] if status else None
    if wanted is not None:
        where.append(col(Request.status).in_(sorted(wanted.bases)))
        if wanted.late is True:
            where.append(col(Request.next_deadline) < today)
        elif wanted.late is False:
            where.append(col(Request.next_deadline).is_(None) | (col(Request.next_deadline) >= today))
    order = (
        case((col(Request.next_deadline).is_(None), 2), (_lapsed(today), 1), else_=0),
        col(Request.next_deadline),
        col(Request.id),
    )
    columns = select(
        Request.public_id, Request.title, Authority.name, Request.law, Request.status, Request.next_deadline_key,
        Request.next_deadline, Request.deadlines, Request.owner_id, Request.visibility, Authority.division,
    ).join(Authority, col(Authority.id) == col(Request.authority_id)).where(*where)
    page = (
        columns.add_columns(func.count().over().label("total")).order_by(*order)
        .offset(bindparam("offset", type_=Integer)).limit(bindparam("limit", type_=Integer))
    )
    return _Statements(columns.order_by(*order), page, select(func.count()).select_from(Request).where(*where))


async def list_requests(
    db: Database,
    viewer: Viewer,
    *,
    scope: Scope | str = Scope.MINE,
    status: Status | str | None = None,
    page: int = 0,
    page_size: int = LIST_PAGE_SIZE,
    now: datetime | None = None,
) -> RequestPage:
    """A page of requests sorted by next deadline: late and upcoming first, then those whose
    member's window has closed, then those with no deadline."""
    _, today = clock.now_and_today(now)
    scope = Scope(scope)
    if scope is Scope.SERVER and viewer.guild_id is None:
        raise BadInput("There is no server in DMs: here /request list shows your own requests.")
    wanted_status = Status(status) if status else None
    statements = _statements(scope, wanted_status)
    wanted = LIST_FILTERS[wanted_status] if wanted_status else None
    values: dict[str, Any] = {"today": today, "who": viewer.guild_id if scope is Scope.SERVER else viewer.user_id}
    read = functools.partial(_read_page, statements=statements, values=values, wanted=wanted, page=page, page_size=page_size)
    items, page, pages, total = await db.run_read(read)
    return RequestPage(tuple(items), page, pages, total, scope, wanted_status)


def _read_page(conn: Connection, *, statements: _Statements, values: dict[str, Any], wanted: ListFilter | None,
               page: int, page_size: int) -> tuple[list[RequestSummary], int, int, int]:
    """One page of the list in one read: (items, page, pages, total); a page past the end gives the last."""
    today = values["today"]

    def paged(number: int) -> dict[str, Any]:
        return {**values, "offset": number * page_size, "limit": page_size}

    if wanted is not None and wanted.exact:
        # Very overdue depends on each law's working days: filter the (few) late rows here.
        rows = conn.execute(statements.rows, values).all()
        items = [s for s in (_summary(r, today) for r in rows) if s.status is wanted.status]
        total = len(items)
        pages = _page_count(total, page_size)
        page = min(max(page, 0), pages - 1)
        return items[page * page_size : (page + 1) * page_size], page, pages, total
    # The page and the count in one statement; only a page past the end needs the count alone,
    # and then the last page.
    page = max(page, 0)
    rows = conn.execute(statements.page, paged(page)).all()
    if rows:
        total = rows[0].total
    else:
        total = conn.execute(statements.count, values).scalar_one()
        last = _page_count(total, page_size) - 1
        if total and page > last:
            page = last
            rows = conn.execute(statements.page, paged(page)).all()
        else:
            page = 0
    return [_summary(r, today) for r in rows], page, _page_count(total, page_size), total


def _page_count(total: int, page_size: int) -> int:
    """Pages for ``total`` rows (at least one: an empty list is one empty page)."""
    return max(1, -(-total // page_size))


async def search_requests(
    db: Database, viewer: Viewer, text: str, *, owned_only: bool = False, limit: int = SEARCH_LIMIT
) -> list[tuple[str, str]]:
    """``(public_id, title)`` of requests whose id starts with, or title contains, ``text``:
    the ones ``viewer`` may see (or owns, for commands that change a request), latest first."""
    who = col(Request.owner_id) == viewer.user_id if owned_only else visible_to(viewer)
    stmt = select(Request.public_id, Request.title).where(who)
    needle = member_text(text).lstrip("#")[:100]
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(
            col(Request.public_id).like(f"{escaped.upper()}%", escape="\\")
            | func.lower(Request.title).like(f"%{escaped.lower()}%", escape="\\")
        )
    stmt = stmt.order_by(col(Request.updated_at).desc(), col(Request.id).desc()).limit(limit)
    async with db.read() as session:
        return [(pid, title) for pid, title in (await session.exec(stmt)).all()]
