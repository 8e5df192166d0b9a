from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from bot.db import Database, SchemaError, head_revision
from tests.conftest import drop_database, make_database, postgres_url_or_skip

REPO_ROOT = Path(__file__).resolve().parents[2]

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


# -- processes starting together ------------------------------------------------------------------

@pytest.mark.postgres
async def test_six_processes_upgrading_an_empty_postgres_database_at_once_all_succeed(tmp_path: Path) -> None:
    """Six real ``foibot db upgrade`` processes on a brand-new PostgreSQL database: without the
    migrations lock they ran the same CREATE TYPE at once and all but one died with a
    UniqueViolation on pg_type_typname_nsp_index."""
    base = make_url(postgres_url_or_skip())
    name = f"foibot_mig_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(base, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR")}
        env.update(DATABASE_URL=url, HOME=str(tmp_path), PYTHONPATH=str(REPO_ROOT), PYTHONDONTWRITEBYTECODE="1")
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "db", "upgrade", cwd=tmp_path, env=env,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
            )
            for _ in range(6)
        ]
        outputs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in processes)), 120)
        results = [(p.returncode, out.decode(errors="replace")) for p, (out, _) in zip(processes, outputs)]
        assert [code for code, _ in results] == [0] * 6, results
        assert all(f"database at revision {head_revision()}" in out for _, out in results), results
        db = Database(url)
        try:
            assert await db.check_schema() == head_revision()
        finally:
            await db.dispose()
    finally:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()


async def test_upgrades_started_together_in_one_process_all_succeed(backend: str, tmp_path: Path) -> None:
    db, schema = await make_database(backend, tmp_path, migrate=False)
    try:
        await asyncio.gather(*(db.upgrade() for _ in range(4)))
        assert await db.check_schema() == head_revision()
    finally:
        await drop_database(db, schema)
