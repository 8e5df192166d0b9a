"""Public authorities: the shared list members pick from when they log a request.

An authority is known by its name, compared case-insensitively with spaces collapsed (``name_key``),
so "Parliamentary and Health Service Ombudsman" typed twice is one authority. WhatDoTheyKnow's
directory (``foibot authorities import``, ``bot.services.authority_import``) fills the list with
every body WDTK knows, with its part of the UK, default law, school rule and whether FOI applies;
without an import a tiny built-in list (``bot.sources.seed``) still finds the bodies asked most.
A new one is created the first time a member logs a request to it.

Finding one is forgiving (``bot.services.authority_index``: acronyms, typos, the word being
typed); the index is built once per process off the event loop and rebuilt when the table changes
(checked at most every ``REFRESH_SECONDS``), so autocomplete never scans the table.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import case, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from bot.law.regimes import DIVISION_NAMES, Division, Law, regime
from bot.models import Authority
from bot.services.authority_index import AuthorityIndex, Entry, build
from bot.sources.bodies import body_facts, not_apply_reason
from bot.sources.seed import SEED_BODIES
from bot.tracking.limits import AUTHORITY_NAME_MAX, clean_text, name_key
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from datetime import datetime

    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database
    from bot.sources.records import WdtkBody

log = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 25  # Discord shows at most 25 choices
CHOICE_VALUE_MAX = 100  # Discord's limit on an autocomplete choice's value
REFRESH_SECONDS = 10.0
_BY_ID = "authority:"
_BY_ID_SHAPE = re.compile(r"authority:([0-9]{1,18})")  # ASCII digits that fit a BIGINT id

# FOISA and the EISR apply to Scottish public authorities only.
_SEEDS = {name_key(name): (name, short, division, law) for name, short, division, law in SEED_BODIES}


@dataclass(frozen=True)
class AuthorityChoice:
    id: int | None  # None: a built-in body not yet in the database
    name: str
    division: Division
    foi_applies: bool = True
    vanished: bool = False

    @property
    def value(self) -> str:
        """What an autocomplete choice carries: the name, or ``authority:<id>`` when the name is
        longer than a choice value may be (100 characters), so it is never cut."""
        if self.id is None or len(self.name) <= CHOICE_VALUE_MAX:
            return self.name
        return f"{_BY_ID}{self.id}"

    @property
    def display(self) -> str:
        extra = "" if self.foi_applies else " · FOI does not apply"
        extra += " · no longer listed" if self.vanished else ""
        return f"{self.name} ({DIVISION_NAMES[self.division]}){extra}"


@dataclass(frozen=True)
class Resolved:
    """What a member picked or typed: the name, whether foibot knows it, and what it knows."""

    name: str
    known: bool
    division: Division | None = None
    default_law: Law | None = None
    not_apply: str | None = None  # why FOI does not apply to it, when WDTK says so


def clean_authority_name(name: str | None) -> str:
    cleaned = clean_text(name, "The authority's name", AUTHORITY_NAME_MAX, required=True)
    assert cleaned is not None
    return cleaned


def implied_division(law: Law | str) -> Division | None:
    """The part of the UK a law implies (FOISA/EISR: Scotland), or None when it implies none."""
    return regime(law).home_division


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def find_by_name(session: AsyncSession, name: str) -> Authority | None:
    result = await session.exec(select(Authority).where(Authority.name_key == name_key(name)))
    return result.first()


async def short_name_of(session: AsyncSession, name: str) -> str | None:
    """The short name ("PHSO") on the record of the authority called ``name``, else the built-in
    list's, else None (the drafting linter does not call it an undefined term)."""
    if not name.strip():
        return None
    found = await find_by_name(session, name)
    if found is not None and found.short_name:
        return found.short_name
    seed = _SEEDS.get(name_key(name))
    return (seed[1] or None) if seed else None


async def _add(session: AsyncSession, authority: Authority) -> Authority:
    try:
        async with session.begin_nested():  # a savepoint: another member may create it at the same moment
            session.add(authority)
            await session.flush()
    except IntegrityError:
        found = await find_by_name(session, authority.name)
        if found is None:
            raise
        return found
    invalidate(session)
    return authority


async def find_or_create(
    session: AsyncSession,
    name: str,
    *,
    law: Law,
    division: Division | None,
    created_by: int | None,
    now: datetime,
) -> Authority:
    """The authority called ``name``, created (in the caller's transaction) when it is new.

    A new authority takes ``division``, else the built-in list's, else the one its law implies,
    else England and Wales (FOIA and the EIR count every UK bank holiday whatever the division,
    FOIA s.10(6)).
    """
    name = clean_authority_name(name)
    found = await find_by_name(session, name)
    if found is not None:
        return found
    seed = _SEEDS.get(name_key(name))
    authority = Authority(
        name=seed[0] if seed else name,
        name_key=name_key(name),
        short_name=(seed[1] or None) if seed else None,
        division=(division or (seed[2] if seed else None) or implied_division(law) or Division.ENGLAND_AND_WALES).value,
        default_law=(seed[3] if seed else Law(law)).value,
        created_by=created_by,
        created_at=now,
        updated_at=now,
    )
    authority = await _add(session, authority)
    log.info("authority %r created by %s", name, created_by)
    return authority


async def find_or_create_from_wdtk(session: AsyncSession, body: WdtkBody, *, created_by: int | None, now: datetime) -> Authority:
    """The directory's authority for a WDTK body: by its URL name, else by its name (adopting a
    member-typed one), else created from the JSON's own fields and tags."""
    found = (await session.exec(select(Authority).where(Authority.wdtk_url_name == body.url_name))).first()
    if found is None:
        found = await find_by_name(session, body.name)
        if found is not None and found.wdtk_url_name is None:
            found.wdtk_url_name = body.url_name
            found.wdtk_id = found.wdtk_id or body.id
            if not found.tags:
                found.tags = " ".join(body.tags)
                _apply_tags(found)
            found.updated_at = now
            session.add(found)
            await session.flush()
            invalidate(session)
    if found is not None:
        return found
    authority = Authority(
        name=clean_authority_name(body.name), name_key=name_key(body.name), short_name=body.short_name[:200] or None,
        wdtk_url_name=body.url_name, wdtk_id=body.id, tags=" ".join(body.tags), home_page=body.home_page[:500] or None,
        publication_scheme=body.publication_scheme[:500] or None, disclosure_log=body.disclosure_log[:500] or None,
        source="wdtk", created_by=created_by, created_at=now, updated_at=now,
    )
    _apply_tags(authority)
    if (clash := await find_by_name(session, body.name)) is not None and clash.wdtk_url_name != body.url_name:
        authority.name_key = f"{authority.name_key} ({body.url_name})"[:200]
    return await _add(session, authority)


def _apply_tags(authority: Authority) -> None:
    facts = body_facts(authority.tags)
    authority.division = facts.division.value
    authority.default_law = facts.default_law.value
    authority.kind = "school" if facts.school else authority.kind
    authority.foi_applies = facts.foi_applies


async def resolve(db: Database, text: str) -> Resolved:
    """The authority from what the member typed or picked, with what foibot knows about it."""
    text = member_text(text)
    async with db.read() as session:
        found = None
        if by_id := _BY_ID_SHAPE.fullmatch(text):
            found = await session.get(Authority, int(by_id.group(1)))
        if found is None:
            name = clean_authority_name(text)
            found = await find_by_name(session, name)
        if found is not None:
            return Resolved(found.name, True, Division(found.division), Law(found.default_law),
                            not_apply_reason(found.tags) if not found.foi_applies else None)
    seed = _SEEDS.get(name_key(name))
    if seed is not None:
        return Resolved(seed[0], True, seed[2], seed[3])
    return Resolved(name, False)


async def resolve_name(db: Database, text: str) -> tuple[str, bool]:
    """The authority's name from what the member typed or picked, and whether it is known already."""
    resolved = await resolve(db, text)
    return resolved.name, resolved.known


# -- the in-memory index ---------------------------------------------------------------------------

@dataclass
class _Cached:
    index: AuthorityIndex | None = None
    signature: tuple[object, ...] | None = None
    checked_at: float = 0.0
    building: asyncio.Task[None] | None = None


_indexes: weakref.WeakKeyDictionary[object, _Cached] = weakref.WeakKeyDictionary()


def invalidate(where: object) -> None:
    """After a change: the next search checks the table again (``where``: a Database or a session)."""
    key = _key(where)
    if key is not None and key in _indexes:
        _indexes[key].checked_at = 0.0


def _key(where: object) -> object | None:
    """The sync Engine behind a Database or a session: one index per database per process."""
    engine = getattr(where, "engine", None)
    if engine is not None:
        return engine.sync_engine
    get_bind = getattr(where, "get_bind", None)
    if get_bind is None:
        return None
    bind = get_bind()
    return getattr(bind, "engine", bind)


async def _signature(db: Database) -> tuple[object, ...]:
    async with db.engine.connect() as conn:
        row = (await conn.execute(
            select(func.count(col(Authority.id)), func.max(col(Authority.id)), func.max(col(Authority.updated_at)))
        )).one()
    return tuple(row)


async def _entries(db: Database) -> list[Entry]:
    async with db.engine.connect() as conn:
        rows = (await conn.execute(select(
            col(Authority.id), col(Authority.name), col(Authority.name_key), col(Authority.short_name),
            col(Authority.wdtk_url_name), col(Authority.division), col(Authority.foi_applies),
            col(Authority.vanished_at), col(Authority.default_law),
        ))).all()
    keys = {r.name_key for r in rows}
    entries = [Entry(r.id, r.name, r.short_name or "", r.wdtk_url_name or "", r.division, bool(r.foi_applies),
                     r.vanished_at is not None, r.default_law) for r in rows]
    entries += [Entry(None, name, short, "", division.value, True, False, law.value)
                for key, (name, short, division, law) in _SEEDS.items() if key not in keys]
    return entries


async def _rebuild(db: Database, cached: _Cached, signature: tuple[object, ...]) -> None:
    try:
        entries = await _entries(db)
        cached.index = await asyncio.to_thread(build, entries)  # CPU work: off the event loop
        cached.signature = signature
        log.info("authority index built: %d bodies", len(entries))
    except Exception:
        log.exception("building the authority index failed; searching the table directly meanwhile")
        cached.checked_at = 0.0


async def directory_index(db: Database, *, wait: float = 1.5) -> AuthorityIndex | None:
    """This process's index for ``db``, checked against the table at most every REFRESH_SECONDS and
    rebuilt when it changed. A build in progress is waited for up to ``wait`` seconds (Discord gives
    autocomplete three); after that, the index as it was, or None (callers then search the table)."""
    key = _key(db)
    cached = _indexes.get(key)
    if cached is None:
        cached = _indexes[key] = _Cached()
    now = time.monotonic()
    if cached.building is None and now - cached.checked_at >= REFRESH_SECONDS:
        cached.checked_at = now
        signature = await _signature(db)
        if signature != cached.signature:
            task = asyncio.create_task(_rebuild(db, cached, signature), name="authority-index")
            cached.building = task
            task.add_done_callback(lambda _t: setattr(cached, "building", None))
    if cached.building is not None and wait > 0:
        await asyncio.wait({cached.building}, timeout=wait)
    return cached.index


def warm_up(db: Database) -> asyncio.Task[AuthorityIndex | None]:
    """Start building the index now (at start-up), so the first autocomplete finds it ready."""
    return asyncio.create_task(directory_index(db, wait=0), name="authority-index-warm-up")


async def search_authorities(db: Database, text: str, *, limit: int = AUTOCOMPLETE_LIMIT) -> list[AuthorityChoice]:
    """Authorities matching ``text`` (for autocomplete): forgiving, best first."""
    text = member_text(text)
    if name_key(text):
        index = await directory_index(db)
        if index is not None:
            return [AuthorityChoice(m.entry.id, m.entry.name, Division(m.entry.division), m.entry.foi_applies, m.entry.vanished)
                    for m in index.search(text, limit=limit)]
    return await _plain_search(db, text, limit=limit)


SEARCH_TEXT_MAX = 200  # an authority's name is at most 200 characters


async def _plain_search(db: Database, text: str, *, limit: int) -> list[AuthorityChoice]:
    """Names containing ``text``, those starting with it first (before the index is built)."""
    key = name_key((text or "")[:SEARCH_TEXT_MAX])  # no name is longer; SQLite refuses a huge LIKE
    stmt = select(Authority.id, Authority.name, Authority.division, Authority.foi_applies, Authority.vanished_at)
    if key:
        pattern = _like_escape(key)
        starts = col(Authority.name_key).like(f"{pattern}%", escape="\\")
        stmt = stmt.where(col(Authority.name_key).like(f"%{pattern}%", escape="\\")).order_by(
            case((starts, 0), else_=1), func.length(Authority.name), Authority.name
        )
    else:
        stmt = stmt.order_by(Authority.name)
    async with db.read() as session:
        rows = (await session.exec(stmt.limit(limit))).all()
    return [AuthorityChoice(id_, name, Division(division), bool(applies), vanished is not None)
            for id_, name, division, applies, vanished in rows]
