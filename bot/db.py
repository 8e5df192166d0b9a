"""The async database: engine, sessions, and schema migrations (Alembic).

SQLite (the default) goes through aiosqlite with WAL (readers never wait for the writer), a busy
timeout (writers queue instead of failing at once) and foreign keys switched on (SQLite leaves them
off per connection). PostgreSQL goes through asyncpg. Sessions never expire objects on commit, so
attributes stay readable after a transaction without a lazy load (which would raise
``MissingGreenlet`` under asyncio).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.errors import UserError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


class SchemaError(UserError):
    """The database's schema does not match this version of foibot."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide when a transaction begins (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a crash loses at most the last commit
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another
    # connection wrote in between (WAL cannot upgrade a stale snapshot, and the busy timeout does not
    # apply). Taking the write lock up front makes concurrent writers queue on the busy timeout instead.
    # It also makes migrations' DDL transactional.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if is_sqlite(url):
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    return create_async_engine(url, **kwargs)


class Database:
    """An engine and its session factory. ``transaction()`` is the unit of work services use."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.sessions = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        async with self.sessions() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()

    # -- schema -------------------------------------------------------------------------------

    async def upgrade(self) -> None:
        """Bring the schema to the newest revision (refusing a database newer than the code)."""
        async with self.engine.begin() as conn:
            await conn.run_sync(_check_not_newer)
            await conn.run_sync(_upgrade_on, "head")

    async def downgrade(self, revision: str) -> None:
        async with self.engine.begin() as conn:
            await conn.run_sync(_downgrade_on, revision)

    async def current_revision(self) -> str | None:
        async with self.engine.connect() as conn:
            return await conn.run_sync(_current_on)

    async def check_schema(self) -> str:
        """Raise SchemaError unless the schema is at the newest revision; return the revision."""
        current = await self.current_revision()
        head = head_revision()
        if current == head:
            return head
        if current is not None and current not in known_revisions():
            raise SchemaError(_newer_message(current))
        raise SchemaError(
            f"the database is at revision {current or 'none (empty)'}, this foibot needs {head}: "
            "run `python -m bot db upgrade`"
        )


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:  # a branch in the history is a packaging bug, not a user problem
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _newer_message(current: str) -> str:
    return (
        f"the database is at revision {current}, which this version of foibot does not know: it was "
        "written by a newer foibot. Upgrade foibot (or restore a backup); foibot will not touch it."
    )


def _current_on(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _check_not_newer(connection: Connection) -> None:
    current = _current_on(connection)
    if current is not None and current not in known_revisions():
        raise SchemaError(_newer_message(current))


def _upgrade_on(connection: Connection, revision: str) -> None:
    command.upgrade(alembic_config(connection), revision)


def _downgrade_on(connection: Connection, revision: str) -> None:
    command.downgrade(alembic_config(connection), revision)
