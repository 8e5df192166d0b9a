"""A fresh database for one test or one benchmark run: a SQLite file in a directory, or a schema of
its own in a PostgreSQL database (so runs never see each other's rows). No pytest here: the
benchmarks use it too."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from bot.db import Database


async def fresh_database(
    backend: str, directory: Path, postgres_url: str | None = None, *, migrate: bool = True, prefix: str = "t", **engine_kwargs: Any
) -> tuple[Database, str | None]:
    """A Database for ``backend`` ("sqlite" or "postgres") and, for PostgreSQL, its schema's name."""
    if backend == "sqlite":
        db = Database(f"sqlite+aiosqlite:///{directory / 'foibot.db'}", **engine_kwargs)
        schema = None
    else:
        assert postgres_url, "a PostgreSQL URL is needed"
        schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
        admin = Database(postgres_url)
        async with admin.engine.begin() as conn:
            await conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        await admin.dispose()
        db = Database(postgres_url, connect_args={"server_settings": {"search_path": schema}}, **engine_kwargs)
    if migrate:
        await db.upgrade()
    return db, schema


async def drop_database(db: Database, schema: str | None) -> None:
    """Close the engine and, for PostgreSQL, drop the run's schema with everything in it."""
    await db.dispose()
    if schema:
        admin = Database(db.url)
        async with admin.engine.begin() as conn:
            await conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.dispose()
