"""Public authorities: the shared list members pick from when they log a request.

An authority is known by its name, compared case-insensitively with spaces collapsed (``name_key``),
so "Parliamentary and Health Service Ombudsman" typed twice is one authority. A new one is created
the first time a member logs a request to it; its part of the UK matters for subject access (the
controller's bank holidays) and for Scottish bodies.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import case, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from bot.law.regimes import DIVISION_NAMES, Division, Law
from bot.models import Authority
from bot.tracking.limits import AUTHORITY_NAME_MAX, clean_text, name_key

if TYPE_CHECKING:
    from datetime import datetime

    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.db import Database

log = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 25  # Discord shows at most 25 choices
CHOICE_VALUE_MAX = 100  # Discord's limit on an autocomplete choice's value
_BY_ID = "authority:"

# FOISA and the EISR apply to Scottish public authorities only.
_LAW_DIVISION = {Law.FOISA: Division.SCOTLAND, Law.EISR: Division.SCOTLAND}


@dataclass(frozen=True)
class AuthorityChoice:
    id: int
    name: str
    division: Division

    @property
    def value(self) -> str:
        """What an autocomplete choice carries: the name, or ``authority:<id>`` when the name is
        longer than a choice value may be (100 characters), so it is never cut."""
        return self.name if len(self.name) <= CHOICE_VALUE_MAX else f"{_BY_ID}{self.id}"

    @property
    def display(self) -> str:
        return f"{self.name} ({DIVISION_NAMES[self.division]})"


def clean_authority_name(name: str | None) -> str:
    cleaned = clean_text(name, "The authority's name", AUTHORITY_NAME_MAX, required=True)
    assert cleaned is not None
    return cleaned


def implied_division(law: Law | str) -> Division | None:
    """The part of the UK a law implies (FOISA/EISR: Scotland), or None when it implies none."""
    return _LAW_DIVISION.get(Law(law))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def find_by_name(session: AsyncSession, name: str) -> Authority | None:
    result = await session.exec(select(Authority).where(Authority.name_key == name_key(name)))
    return result.first()


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

    A new authority takes ``division``, else the one its law implies, else England and Wales
    (FOIA and the EIR count every UK bank holiday whatever the division, FOIA s.10(6)).
    """
    name = clean_authority_name(name)
    found = await find_by_name(session, name)
    if found is not None:
        return found
    authority = Authority(
        name=name,
        name_key=name_key(name),
        division=(division or implied_division(law) or Division.ENGLAND_AND_WALES).value,
        default_law=Law(law).value,
        created_by=created_by,
        created_at=now,
    )
    try:
        async with session.begin_nested():  # a savepoint: another member may create it at the same moment
            session.add(authority)
            await session.flush()
    except IntegrityError:
        found = await find_by_name(session, name)
        if found is None:
            raise
        return found
    log.info("authority %r created by %s", name, created_by)
    return authority


async def resolve_name(db: Database, text: str) -> tuple[str, bool]:
    """The authority's name from what the member typed or picked, and whether it is known already."""
    async with db.read() as session:
        if text.startswith(_BY_ID) and text[len(_BY_ID):].isdigit():
            found = await session.get(Authority, int(text[len(_BY_ID):]))
            if found is not None:
                return found.name, True
        name = clean_authority_name(text)
        found = await find_by_name(session, name)
        return (found.name, True) if found is not None else (name, False)


async def search_authorities(db: Database, text: str, *, limit: int = AUTOCOMPLETE_LIMIT) -> list[AuthorityChoice]:
    """Authorities whose name contains ``text``, names starting with it first (for autocomplete)."""
    key = name_key(text or "")
    stmt = select(Authority.id, Authority.name, Authority.division)
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
    return [AuthorityChoice(id_, name, Division(division)) for id_, name, division in rows]
