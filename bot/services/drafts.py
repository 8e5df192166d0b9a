"""Request drafts (``/draft``): create, edit, fix, list, delete, and mark as sent; each one transaction.

A draft is private to the member who wrote it: anyone else gets "not found", in the same words as
an id that does not exist. Drafts have public ids of the same shape as requests' (made by the
tracking service's generator), so a member can come back to one days later.

Marking a draft as sent logs it as a tracked request through the tracking service
(``bot.services.requests.create_request_in``: authority found or created, "sent" event, deadlines,
alerts) **in the same transaction** that turns the draft into ``sent``: both happen or neither.
It calls ``create_request_in``, which works inside the caller's open session.

Linting and fixing are the pure ``bot.drafting`` rules; the context (law, the day it will be sent,
authority, requester) comes from the draft (``DraftRecord.lint_context``).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, Row, bindparam, func
from sqlmodel import col, select

from bot import clock
from bot.drafting import Draft, Finding, LintContext, apply_fixes, lint
from bot.drafting.draft import QUESTIONS_MAX_CHARS
from bot.errors import BadInput, InvalidTransition, NotFound
from bot.law.regimes import Law
from bot.models import Draft as DraftRow
from bot.models import Request
from bot.services import Viewer, normalise_public_id, unused_public_id
from bot.services import authorities
from bot.services import requests as tracking
from bot.tracking.inputs import NewRequest, sent_date
from bot.tracking.limits import TITLE_MAX, clean_text
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.engine import Connection
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database
    from bot.services.requests import RequestDetail

log = logging.getLogger(__name__)

MAX_DRAFTS_PER_MEMBER = 200
LIST_LIMIT = 25  # /draft list shows the latest 25; autocomplete finds the rest
SEARCH_LIMIT = 25  # Discord shows at most 25 autocomplete choices
_TITLE_FROM_QUESTIONS = 80  # a title made from the first question is cut to this many characters


class DraftState(enum.StrEnum):
    OPEN = "open"
    SENT = "sent"


@dataclass(frozen=True)
class DraftRecord:
    """A stored draft: its content (the pure ``bot.drafting.Draft``) and where it stands."""

    public_id: str
    owner_id: int
    content: Draft
    state: DraftState
    request_public_id: str | None  # the tracked request it became (None: open, or that request was deleted)
    sent_on: date | None
    created_at: datetime
    updated_at: datetime
    authority_short_name: str | None = None  # from the authority's record ("PHSO"), for the linter

    @property
    def title(self) -> str:
        """The subject, or the start of the first line of the questions when there is none."""
        return self.content.subject or _title_from(self.content.questions)

    @property
    def is_open(self) -> bool:
        return self.state is DraftState.OPEN

    def require_open(self) -> None:
        """``InvalidTransition`` for a draft already marked as sent (it can no longer change)."""
        if self.is_open:
            return
        if self.request_public_id:
            where = f"it is tracked as request {self.request_public_id}: see /request show {self.request_public_id}"
        else:
            where = "the request it became has since been deleted"
        raise InvalidTransition(f"Draft {self.public_id} was already marked as sent, so it can't change: {where}.")

    def lint_context(self, today: date) -> LintContext:
        """``today``: the day the request will be sent (for a sent draft, the day it was)."""
        return self.content.lint_context(self.sent_on or today, authority_short_name=self.authority_short_name)


@dataclass(frozen=True)
class DraftList:
    items: tuple[DraftRecord, ...]  # most recently changed first
    total: int


@dataclass(frozen=True)
class FixOutcome:
    record: DraftRecord
    changed: bool  # False: nothing the automatic fixes could change
    findings: list[Finding]  # what is left, on the fixed text


@dataclass(frozen=True)
class SentDraft:
    record: DraftRecord
    request: RequestDetail  # the tracked request it became, with its deadlines


# -- pure helpers -------------------------------------------------------------------------------

def lint_draft(record: DraftRecord, today: date) -> list[Finding]:
    """The linter's findings for the draft's questions, in its own context."""
    return lint(record.content.questions, record.lint_context(today))


def lint_text(text: str, law: Law | str, today: date) -> list[Finding]:
    """``/draft check``: the findings for any text, with no draft stored."""
    text = member_text(text, one_line=False)
    if not text:
        raise BadInput("Nothing to check: write the request's text after the command.")
    if len(text) > QUESTIONS_MAX_CHARS:
        raise BadInput(f"The text is {len(text):,} characters long; the most foibot checks at once is {QUESTIONS_MAX_CHARS:,}.")
    return lint(text, LintContext(today=today, law=Law(law)))


def clean_content(content: Draft) -> Draft:
    """The draft as it is stored, each field through the one cleaner (``member_text``): one-line
    fields with spaces collapsed, questions with Windows line endings and outer blank space removed;
    ``BadInput`` naming a field too long or missing."""
    cleaned = Draft(
        authority=member_text(content.authority),
        subject=member_text(content.subject),
        questions=member_text(content.questions, one_line=False),
        requester_name=member_text(content.requester_name),
        law=Law(content.law),
    )
    cleaned.validate()
    return cleaned


def _title_from(questions: str) -> str:
    line = next((" ".join(l.split()) for l in questions.splitlines() if l.strip()), "")
    return line if len(line) <= _TITLE_FROM_QUESTIONS else line[: _TITLE_FROM_QUESTIONS - 1].rstrip() + "…"


def not_found(text: str) -> NotFound:
    """The one answer for a draft that does not exist *and* for someone else's."""
    shown = member_text(text)[:20] or "(empty)"
    return NotFound(
        f"No draft {shown} among your drafts. Check the id (5 characters, like K7Q2M) "
        "or pick one from the list as you type; /draft list shows them all."
    )


def _record(row: DraftRow | Row[Any], request_public_id: str | None, short_name: str | None = None) -> DraftRecord:
    content = Draft(row.authority_name, row.subject, row.questions, row.requester_name, Law(row.law))
    return DraftRecord(
        row.public_id, row.owner_id, content, DraftState(row.state), request_public_id, row.sent_on,
        row.created_at, row.updated_at, short_name,
    )


async def _linted_record(session: AsyncSession, row: DraftRow, request_public_id: str | None) -> DraftRecord:
    """The record with its authority's short name looked up, for a draft about to be linted."""
    return _record(row, request_public_id, await authorities.short_name_of(session, row.authority_name))


def _store_content(row: DraftRow, content: Draft, now: datetime) -> None:
    row.law = content.law.value
    row.authority_name = content.authority
    row.subject = content.subject
    row.questions = content.questions
    row.requester_name = content.requester_name
    row.updated_at = now


# -- loading ------------------------------------------------------------------------------------

def _owned(viewer: Viewer, public_id: str) -> Any:
    return (col(DraftRow.public_id) == public_id) & (col(DraftRow.owner_id) == viewer.user_id)


async def _load(session: AsyncSession, viewer: Viewer, text: str, *, for_change: bool = False) -> tuple[DraftRow, str | None]:
    public_id = normalise_public_id(text)
    if public_id is None:
        raise not_found(text)
    stmt = (
        select(DraftRow, Request.public_id)
        .outerjoin(Request, col(Request.id) == col(DraftRow.request_id))
        .where(_owned(viewer, public_id))
    )
    if for_change:
        stmt = stmt.with_for_update(of=DraftRow)  # PostgreSQL: two clicks at once apply one after the other
    row = (await session.exec(stmt)).first()
    if row is None:
        raise not_found(text)
    return row[0], row[1]


def _now(now: datetime | None) -> datetime:
    return now or clock.utcnow()


# -- operations ---------------------------------------------------------------------------------

async def create_draft(db: Database, viewer: Viewer, content: Draft, *, now: datetime | None = None) -> DraftRecord:
    """Store a new draft for ``viewer``; ``BadInput`` naming the field when one is missing or too long."""
    now = _now(now)
    content = clean_content(content)
    async with db.transaction() as session:
        count = (await session.exec(select(func.count()).select_from(DraftRow).where(col(DraftRow.owner_id) == viewer.user_id))).one()
        if count >= MAX_DRAFTS_PER_MEMBER:
            raise BadInput(f"You already have {MAX_DRAFTS_PER_MEMBER} drafts, foibot's limit: delete old ones with /draft delete.")
        row = DraftRow(public_id=await unused_public_id(session, DraftRow), owner_id=viewer.user_id, guild_id=viewer.guild_id,
                       state=DraftState.OPEN.value, created_at=now)
        _store_content(row, content, now)
        session.add(row)
        await session.flush()
        log.info("draft %s created by %s", row.public_id, viewer.user_id)
        return await _linted_record(session, row, None)


async def get_draft(db: Database, viewer: Viewer, public_id: str) -> DraftRecord:
    async with db.read() as session:
        return await _linted_record(session, *await _load(session, viewer, public_id))


async def preview_letter(db: Database, viewer: Viewer, public_id: str, *, now: datetime | None = None) -> tuple[DraftRecord, str]:
    """The draft and its request letter, dated today (or the day it was sent); ``BadInput`` naming
    what the letter still lacks (a full name, a question, a placeholder left in)."""
    record = await get_draft(db, viewer, public_id)
    return record, record.content.letter(record.sent_on or clock.uk_today(_now(now)))


async def update_draft(db: Database, viewer: Viewer, public_id: str, content: Draft, *, now: datetime | None = None) -> DraftRecord:
    """Replace an open draft's fields (the Edit button)."""
    now = _now(now)
    content = clean_content(content)
    async with db.transaction() as session:
        row, request_public_id = await _load(session, viewer, public_id, for_change=True)
        _record(row, request_public_id).require_open()
        _store_content(row, content, now)
        session.add(row)
        log.info("draft %s edited by %s", row.public_id, viewer.user_id)
        return await _linted_record(session, row, None)


async def apply_draft_fixes(db: Database, viewer: Viewer, public_id: str, *, now: datetime | None = None) -> FixOutcome:
    """Apply the linter's safe fixes to an open draft's questions and store the result."""
    now = _now(now)
    today = clock.uk_today(now)
    async with db.transaction() as session:
        row, request_public_id = await _load(session, viewer, public_id, for_change=True)
        record = await _linted_record(session, row, request_public_id)
        record.require_open()
        context = record.lint_context(today)
        fixed = apply_fixes(record.content.questions, lint(record.content.questions, context), context)
        if fixed == record.content.questions:
            return FixOutcome(record, False, lint(fixed, context))
        if len(fixed) > QUESTIONS_MAX_CHARS:
            # The Edit form holds 4,000 characters (a Discord modal text input): a longer draft could never be edited.
            raise BadInput(
                f"With the fixes the questions would be {len(fixed):,} characters long, over the {QUESTIONS_MAX_CHARS:,} "
                "a draft can hold. Shorten them with Edit (or split the request in two), then apply the fixes."
            )
        _store_content(row, record.content.with_changes(questions=fixed), now)
        session.add(row)
        log.info("draft %s: fixes applied by %s", row.public_id, viewer.user_id)
        return FixOutcome(_record(row, None, record.authority_short_name), True, lint(fixed, context))


# Built once, the member and the limit bound (see request_list._statements): the draft's columns,
# the request it became, and how many drafts in all (counted before LIMIT).
_DRAFT_PAGE = (
    select(*DraftRow.__table__.c, col(Request.public_id).label("request_public_id"), func.count().over().label("total"))  # type: ignore[attr-defined]
    .outerjoin(Request, col(Request.id) == col(DraftRow.request_id))
    .where(col(DraftRow.owner_id) == bindparam("owner_id"))
    .order_by(col(DraftRow.updated_at).desc(), col(DraftRow.id).desc())
    .limit(bindparam("limit", type_=Integer))
)


def _draft_page(conn: Connection, owner_id: int, limit: int) -> Sequence[Row[Any]]:
    return conn.execute(_DRAFT_PAGE, {"owner_id": owner_id, "limit": limit}).all()


async def list_drafts(db: Database, viewer: Viewer, *, limit: int = LIST_LIMIT) -> DraftList:
    """The member's drafts, most recently changed first (``limit`` of them) and how many there are."""
    rows = await db.run_read(_draft_page, viewer.user_id, limit)  # rows, not objects: a list needs no session
    total = rows[0].total if rows else 0
    return DraftList(tuple(_record(row, row.request_public_id) for row in rows), total)


async def search_drafts(db: Database, viewer: Viewer, text: str, *, limit: int = SEARCH_LIMIT) -> list[tuple[str, str]]:
    """``(public_id, title)`` of the member's drafts whose id starts with, or subject, authority or
    questions contain, ``text``; latest first (for autocomplete)."""
    stmt = select(DraftRow.public_id, DraftRow.subject, DraftRow.authority_name, DraftRow.questions).where(
        col(DraftRow.owner_id) == viewer.user_id
    )
    needle = member_text(text).lstrip("#")[:100]
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        contains = f"%{escaped.lower()}%"
        stmt = stmt.where(
            col(DraftRow.public_id).like(f"{escaped.upper()}%", escape="\\")
            | func.lower(DraftRow.subject).like(contains, escape="\\")
            | func.lower(DraftRow.authority_name).like(contains, escape="\\")
        )
    stmt = stmt.order_by(col(DraftRow.updated_at).desc(), col(DraftRow.id).desc()).limit(limit)
    async with db.read() as session:
        rows = (await session.exec(stmt)).all()
    return [(pid, f"{subject or _title_from(questions)} · {authority}") for pid, subject, authority, questions in rows]


async def delete_draft(db: Database, viewer: Viewer, public_id: str) -> DraftRecord:
    """Delete a draft (a tracked request it became stays); returns what was deleted."""
    async with db.transaction() as session:
        row, request_public_id = await _load(session, viewer, public_id, for_change=True)
        await session.delete(row)
        log.info("draft %s deleted by %s", row.public_id, viewer.user_id)
        return _record(row, request_public_id)


async def mark_sent(
    db: Database,
    viewer: Viewer,
    draft_id: str,
    sent_on: date | str,
    *,
    title: str | None = None,
    now: datetime | None = None,
) -> SentDraft:
    """The draft was sent on ``sent_on`` (a date, or day-first text such as "25/11/2026" or
    "today"): log it as a tracked request (title: ``title``, else its subject) and mark it sent.

    Refused, with nothing changed, for a date that does not parse or is in the future, a draft
    already sent, or one missing the authority, questions or name.
    """
    now = _now(now)
    today = clock.uk_today(now)
    sent = sent_date(sent_on, today)  # checked before any database work
    title = clean_text(title, "The title", TITLE_MAX)
    async with db.transaction() as session:
        row, request_public_id = await _load(session, viewer, draft_id, for_change=True)
        record = _record(row, request_public_id)
        record.require_open()
        record.content.validate()
        new = NewRequest(
            authority_name=record.content.authority,
            title=title or record.title[:TITLE_MAX],
            sent_on=sent,
            law=record.content.law,
            questions=record.content.questions,
            requester_name=record.content.requester_name or None,
        )
        detail = await tracking.create_request_in(session, viewer, new, now=now)
        row.state = DraftState.SENT.value
        row.request_id = detail.request.id
        row.sent_on = sent
        row.updated_at = now
        session.add(row)
        await session.flush()
        log.info("draft %s marked sent by %s as request %s", row.public_id, viewer.user_id, detail.public_id)
        return SentDraft(_record(row, detail.public_id), detail)
