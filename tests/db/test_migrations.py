from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from bot.db import SchemaError, head_revision
from tests.conftest import drop_database, make_database

pytestmark = pytest.mark.asyncio


async def test_migrations_go_from_empty_to_newest_and_back(backend: str, tmp_path: Path) -> None:
    db, schema = await make_database(backend, tmp_path, migrate=False)
    try:
        assert await db.current_revision() is None
        await db.upgrade()
        assert await db.current_revision() == head_revision()
        async with db.engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
        assert set(SQLModel.metadata.tables) <= tables
        await db.downgrade("base")
        async with db.engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
        assert not (set(SQLModel.metadata.tables) & tables)
        await db.upgrade()  # and forward again: downgrades leave nothing behind that blocks it
        assert await db.check_schema() == head_revision()
    finally:
        await drop_database(db, schema)


async def test_models_match_the_migrated_schema(db) -> None:
    def diff(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)

    async with db.engine.connect() as conn:
        differences = await conn.run_sync(diff)
    assert differences == []


async def test_a_database_newer_than_the_code_is_refused(db) -> None:
    async with db.engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    with pytest.raises(SchemaError, match="newer foibot"):
        await db.upgrade()
    with pytest.raises(SchemaError, match="newer foibot"):
        await db.check_schema()


async def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_db) -> None:
    async with sqlite_db.engine.connect() as conn:
        journal = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar()
        fks = (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar()
        busy = (await conn.exec_driver_sql("PRAGMA busy_timeout")).scalar()
    assert (journal, fks) == ("wal", 1)
    assert busy >= 5000
