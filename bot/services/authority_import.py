"""``foibot authorities import``: WhatDoTheyKnow's ``all-authorities.csv`` into the directory.

Idempotent, in one transaction (all or nothing):

* a body is matched by its WDTK URL name, else its WDTK id, else (once) by its name among the
  authorities members typed in before any import, which it then adopts, so their requests keep
  their authority;
* a changed body is updated, an unchanged one is not written at all (re-importing the same file
  changes nothing), a new one is inserted; writes are bulk statements in chunks;
* a body that is no longer in the file is marked vanished (``vanished_at``), never deleted; one that
  comes back is unmarked;
* each body's tags set its part of the UK, its default law, the school rule and whether FOI applies
  (``bot.sources.bodies.body_facts``).

Two WDTK bodies with one name (it happens: schools) keep one ``name_key`` each by adding the URL
name to the second's key, so typing the name still finds both.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, insert, select, update

from bot import clock
from bot.models import Authority, BotMeta
from bot.sources.bodies import CsvBody, body_facts, parse_authorities_csv
from bot.tracking.limits import name_key

if TYPE_CHECKING:
    from bot.db import Database

log = logging.getLogger(__name__)

CHUNK = 500  # rows per INSERT: 13 columns x 500 stays far below SQLite's bound-parameter limit
DIRECTORY_KEY = "authorities_imported_at"
_COMPARED = ("name", "name_key", "short_name", "division", "default_law", "kind", "tags", "home_page",
             "publication_scheme", "disclosure_log", "notes", "foi_applies", "wdtk_id", "wdtk_url_name",
             "wdtk_version", "source")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    vanished: int
    returned: int
    adopted: int

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, {self.vanished} marked as "
                f"no longer listed, {self.returned} listed again, {self.adopted} matched to authorities members had typed")


def _by_id(names: list[str]) -> Any:
    """An executemany UPDATE of ``names`` by primary key (Core: one statement, many parameter sets)."""
    table = Authority.__table__  # type: ignore[attr-defined]
    return update(table).where(table.c.id == bindparam("b_id")).values({n: bindparam(n) for n in names})


def _values(body: CsvBody, key: str) -> dict[str, Any]:
    facts = body_facts(body.tags)
    return {
        "name": body.name,
        "name_key": key,
        "short_name": body.short_name or None,
        "division": facts.division.value,
        "default_law": facts.default_law.value,
        "kind": "school" if facts.school else None,
        "tags": body.tags,
        "home_page": body.home_page or None,
        "publication_scheme": body.publication_scheme or None,
        "disclosure_log": body.disclosure_log or None,
        "notes": body.notes or None,
        "foi_applies": facts.foi_applies,
        "wdtk_id": body.wdtk_id,
        "wdtk_url_name": body.url_name,
        "wdtk_version": body.version,
        "source": "wdtk",
    }


async def import_csv(db: Database, data: bytes, *, now: datetime | None = None) -> ImportResult:
    bodies = parse_authorities_csv(data)  # refuses a bad file before anything is written
    now = now or clock.utcnow()
    columns = [getattr(Authority, c) for c in ("id", *_COMPARED, "vanished_at")]
    async with db.engine.begin() as conn:  # Core, one transaction: bulk statements, no unit of work
        rows = (await conn.execute(select(*columns))).all()
        by_url = {r.wdtk_url_name: r for r in rows if r.wdtk_url_name}
        by_wdtk_id = {r.wdtk_id: r for r in rows if r.wdtk_id is not None}
        typed_by_key = {r.name_key: r for r in rows if not r.wdtk_url_name}
        key_owner = {r.name_key: r.id for r in rows}
        current_key = {r.id: r.name_key for r in rows}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        seen_ids: set[int] = set()
        unchanged = returned = adopted = 0
        for body in bodies:
            key = name_key(body.name)
            row = by_url.get(body.url_name) or by_wdtk_id.get(body.wdtk_id)
            if row is None and key in typed_by_key and typed_by_key[key].id not in seen_ids:
                row = typed_by_key.pop(key)
                adopted += 1
            own_id = row.id if row is not None else None
            if key_owner.get(key, own_id) != own_id:
                key = f"{key} ({body.url_name})"[:200]  # another body has this name already
            values = _values(body, key)
            if row is None:
                inserts.append({**values, "created_at": now, "updated_at": now})
                key_owner[key] = -len(inserts)  # taken by a row not yet inserted
                continue
            seen_ids.add(row.id)
            if key_owner.get(row.name_key) == row.id and row.name_key != key:
                key_owner.pop(row.name_key, None)
            key_owner[key] = row.id
            changed = any(getattr(row, c) != values[c] for c in _COMPARED)
            if row.vanished_at is not None:
                returned += 1
                changed = True
            if changed:
                updates.append({"id": row.id, **values, "vanished_at": None, "updated_at": now})
            else:
                unchanged += 1
        gone = [r.id for r in rows if r.wdtk_url_name and r.id not in seen_ids and r.vanished_at is None]
        # Renames can swap two bodies' keys; clear the keys being rewritten first so the unique
        # index never sees two rows with one key mid-statement.
        if updates:
            renamed = [u for u in updates if u["name_key"] != current_key[u["id"]]]
            if renamed:  # a key no typed name can have (name_key collapses spaces; this has none to collapse)
                await conn.execute(_by_id(["name_key"]), [{"b_id": u["id"], "name_key": f"#renaming#{u['id']}"} for u in renamed])
            names = [k for k in updates[0] if k != "id"]
            await conn.execute(_by_id(names), [{"b_id": u["id"], **{k: u[k] for k in names}} for u in updates])
        for start in range(0, len(inserts), CHUNK):
            await conn.execute(insert(Authority), inserts[start:start + CHUNK])
        for start in range(0, len(gone), CHUNK):
            await conn.execute(
                update(Authority).where(Authority.id.in_(gone[start:start + CHUNK])).values(vanished_at=now, updated_at=now)
            )
        if inserts or updates or gone:
            changed = await conn.execute(
                update(BotMeta).where(BotMeta.key == DIRECTORY_KEY).values(value=now.isoformat(), updated_at=now)
            )
            if not changed.rowcount:
                await conn.execute(insert(BotMeta).values(key=DIRECTORY_KEY, value=now.isoformat(), updated_at=now))
    result = ImportResult(len(inserts), len(updates), unchanged, len(gone), returned, adopted)
    log.info("authorities imported: %s", result.summary())
    return result
