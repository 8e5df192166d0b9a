"""A member's own data: everything foibot holds about them, exported or erased.

What names a member is found from the tables themselves (``SQLModel.metadata``), so a table added
later is covered without anyone remembering this file: a row whose ``user_id`` or ``owner_id``
is the member's is theirs (exported, then deleted); a nullable ``created_by`` or ``actor_id``
pointing at them is cleared (the row is shared, like an authority they first typed). Rows that
hang off their requests (events, alerts, follows, board cards, WhatDoTheyKnow tracking) go with
the requests.

Erasure is one transaction: it all goes or nothing does. The board cards' messages are deleted
from Discord afterwards, best effort (``erase_member`` returns them): a database must never wait on
Discord, and a message already gone is fine.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from bot import clock
from bot.models import BoardCard, Request
from bot.services import Viewer
from bot.services.export import export_requests
from bot.tracking.text import member_text

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection

    from bot.db import Database

log = logging.getLogger(__name__)

OWNING_COLUMNS = ("user_id", "owner_id")  # the row is the member's
NAMING_COLUMNS = ("created_by", "actor_id")  # the row is shared; the member's id is cleared


@dataclass(frozen=True)
class MemberData:
    """What foibot holds about a member: table -> rows (as JSON-ready dicts)."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items() if rows}


@dataclass(frozen=True)
class Export:
    json_bytes: bytes
    ics_bytes: bytes
    counts: dict[str, int]


@dataclass(frozen=True)
class Erased:
    counts: dict[str, int]
    messages: tuple[tuple[int, int], ...]  # (channel id, message id) of their board cards, to delete


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def member_tables() -> list[sa.Table]:
    return list(SQLModel.metadata.sorted_tables)


async def _rows(conn: AsyncConnection, table: sa.Table, where: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in (await conn.execute(sa.select(table).where(where))).all()]


async def _collect(conn: AsyncConnection, user_id: int) -> MemberData:
    owned = sa.select(Request.id).where(Request.owner_id == user_id).scalar_subquery()
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in member_tables():
        conditions = [table.c[name] == user_id for name in (*OWNING_COLUMNS, *NAMING_COLUMNS) if name in table.c]
        if "request_id" in table.c:
            conditions.append(table.c.request_id.in_(owned))
        if conditions:
            tables[table.name] = await _rows(conn, table, sa.or_(*conditions))
    return MemberData(tables)


async def member_data(db: Database, user_id: int) -> MemberData:
    async with db.engine.connect() as conn:
        return await _collect(conn, user_id)


async def export_member(db: Database, user_id: int, *, now: datetime | None = None) -> Export:
    """Everything foibot holds about the member as JSON, and their deadlines as a calendar."""
    now = now or clock.utcnow()
    data = await member_data(db, user_id)
    calendar = await export_requests(db, Viewer(user_id), now=now)
    document = {
        "about": "Everything foibot holds about you (UK GDPR art. 15 and 20): one list of rows per table.",
        "member_id": str(user_id),
        "exported_at": now.isoformat(),
        "requests_with_timelines": json.loads(calendar.json_bytes) if calendar.requests else [],
        "tables": data.tables,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False, default=str)
    return Export(text.encode("utf-8"), calendar.ics_bytes, data.counts())


async def erase_member(db: Database, user_id: int) -> Erased:
    """Erase everything that names the member, in one transaction."""
    async with db.engine.begin() as conn:
        data = await _collect(conn, user_id)
        owned_ids = [row["id"] for row in data.tables.get("requests", [])]
        messages = tuple(
            (row.channel_id, row.message_id) for row in (await conn.execute(
                sa.select(BoardCard.channel_id, BoardCard.message_id)
                .where(BoardCard.request_id.in_(owned_ids), BoardCard.message_id.is_not(None), BoardCard.channel_id.is_not(None))
            )).all()
        ) if owned_ids else ()
        # Children first (reverse dependency order), so no foreign key is left pointing at a deleted row.
        for table in reversed(member_tables()):
            if owned_ids and "request_id" in table.c:
                await conn.execute(sa.delete(table).where(table.c.request_id.in_(owned_ids)))
            for name in OWNING_COLUMNS:
                if name in table.c:
                    await conn.execute(sa.delete(table).where(table.c[name] == user_id))
            for name in NAMING_COLUMNS:
                if name in table.c and table.c[name].nullable:
                    await conn.execute(sa.update(table).where(table.c[name] == user_id).values({name: None}))
    log.info("member %s erased their data: %s", user_id, data.counts())
    return Erased(data.counts(), messages)


BOARD_NAME_MAX = 40


async def set_board_name(db: Database, user_id: int, name: str | None, *, now: datetime | None = None) -> str | None:
    """The name board cards show for the member's shared requests (None: cards name nobody)."""
    from bot.errors import BadInput
    from bot.models import UserSettings
    from bot.services.users import new_settings

    cleaned = member_text(name) or None
    if cleaned is not None and len(cleaned) > BOARD_NAME_MAX:
        raise BadInput(f"A board name can be at most {BOARD_NAME_MAX} characters.")
    now = now or clock.utcnow()
    async with db.transaction() as session:
        settings = await session.get(UserSettings, user_id) or new_settings(session, user_id, now)
        settings.board_name = cleaned
        settings.updated_at = now
        session.add(settings)
    return cleaned


SUMMARY_NAMES = {
    "requests": "tracked requests", "events": "timeline events", "drafts": "drafts", "alerts": "alerts",
    "follows": "follows", "board_cards": "board cards", "user_settings": "settings", "alert_mutes": "stopped-alert marks",
    "wdtk_tracks": "WhatDoTheyKnow links", "wdtk_profiles": "WhatDoTheyKnow profile claims", "authorities": "authorities you added (kept, without your id)",
}


def summary(counts: dict[str, int]) -> str:
    """What goes, in words: "3 tracked requests, 12 timeline events, ..."."""
    return ", ".join(f"{n} {SUMMARY_NAMES.get(t, t.replace('_', ' '))}" for t, n in counts.items()) or "nothing"
