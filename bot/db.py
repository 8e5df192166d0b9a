"""The async database: engine, sessions, and schema migrations (Alembic).

SQLite (the default) goes through aiosqlite with WAL (readers never wait for the writer), a busy
timeout (writers queue instead of failing at once) and foreign keys switched on (SQLite leaves them
off per connection). PostgreSQL goes through asyncpg. Sessions never expire objects on commit, so
attributes stay readable after a transaction without a lazy load (which would raise
``MissingGreenlet`` under asyncio).

Two kinds of transaction: ``transaction()`` writes (on SQLite it takes the write lock up front,
``BEGIN IMMEDIATE``), ``read()`` only reads (on SQLite a plain deferred ``BEGIN``, so it reads a WAL
snapshot and never queues behind a writer; on PostgreSQL ``READ ONLY``, so a write slipped into a
read path fails loudly instead of passing unnoticed). ``run_read(work)`` is a read without the ORM
for the lists members run most: on a SQLite file it runs on a reader thread with a synchronous
connection (one trip to the thread, not one per cursor call).

``lock(name)`` is a lock across every process using the database (PostgreSQL advisory locks; on
SQLite, where one process per file is the supported shape, a lock within the process).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import weakref
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import NullPool
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.errors import UserError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Threads (and connections) for SQLite's run_read: SQLite reads in parallel under WAL, and sqlite3
# lets go of the GIL while a statement runs.
SQLITE_READER_THREADS = 4
T = TypeVar("T")
# An execution option marking a connection that only reads (see _sqlite_begin and Database.read).
READ_ONLY = "foibot_read_only"
# Where a session carries the zone for members who never chose one (DEFAULT_TIMEZONE, given to the
# Database at construction): the alert planner reads it from the session it is handed.
DEFAULT_ZONE_KEY = "foibot_default_zone"


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
    # It also makes migrations' DDL transactional. A transaction that only reads needs no write lock:
    # a deferred BEGIN reads a WAL snapshot and never waits for a writer (https://sqlite.org/wal.html).
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_reader_pragmas(dbapi_connection: Any, record: Any) -> None:
    _sqlite_pragmas(dbapi_connection, record)
    dbapi_connection.execute("PRAGMA query_only=ON")  # a write on a read path fails loudly


def _read_on(engine: Engine, work: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
    """On a reader thread: ``work`` in one read-only (deferred, snapshot) transaction."""
    with engine.connect() as conn, conn.begin():
        return work(conn, *args, **kwargs)


def _close_readers(engine: Engine, pool: ThreadPoolExecutor) -> None:
    pool.shutdown(wait=True)
    engine.dispose()


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


def _with_statement_cache(url: str, engine_kwargs: dict[str, Any]) -> dict[str, Any]:
    """``?statement_cache_size=0`` in a PostgreSQL URL reaches asyncpg as a number: behind
    PgBouncer in transaction mode its prepared-statement cache must be off (asyncpg's FAQ), and
    SQLAlchemy passes URL options on as strings, which asyncpg refuses."""
    value = make_url(url).query.get("statement_cache_size")
    if value is None or is_sqlite(url):
        return engine_kwargs
    connect_args = {**engine_kwargs.get("connect_args", {}), "statement_cache_size": int(str(value))}
    return {**engine_kwargs, "connect_args": connect_args}


def lock_key(name: str) -> int:
    """A stable signed 64-bit number for a lock's name (PostgreSQL advisory locks take a bigint).
    Python's hash() changes between processes, so a digest: every process must agree on it."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


class Database:
    """An engine and its session factories. ``transaction()`` (writing) and ``read()`` (only reading)
    are the units of work services use; ``lock(name)`` serialises work across processes."""

    def __init__(self, url: str, *, default_zone: str = "Europe/London", **engine_kwargs: Any) -> None:
        self.url = url
        self.default_zone = default_zone
        info = {DEFAULT_ZONE_KEY: default_zone}
        engine_kwargs = _with_statement_cache(url, engine_kwargs)
        self.engine = make_engine(url, **engine_kwargs)
        self.sessions = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False, info=info)
        # The same pool, marked read-only: SQLite begins deferred, PostgreSQL begins READ ONLY.
        read_options: dict[str, Any] = {READ_ONLY: True}
        if self.engine.dialect.name == "postgresql":
            read_options["postgresql_readonly"] = True
        self.read_engine = self.engine.execution_options(**read_options)
        self.readers = async_sessionmaker(self.read_engine, class_=AsyncSession, expire_on_commit=False, info=info)
        # Locks hold a connection of their own, outside the pool: a long-held lock never takes a
        # slot the services need, and closing the connection ends the server session, which
        # releases whatever the session still holds.
        self._lock_engine: AsyncEngine | None = None
        self._lock_connect_args = engine_kwargs.get("connect_args", {})
        # SQLite's reader threads and their engine, made on the first run_read (a file only: an
        # in-memory database is one connection's, which a second engine could not see).
        self._reads_on_threads = self.dialect == "sqlite" and not self._sqlite_identity().startswith("memory:")
        self._readers: tuple[Engine, ThreadPoolExecutor] | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One writing transaction: committed when the block ends, rolled back if it raises."""
        async with self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """One transaction that only reads: it never waits for a writer on SQLite, and PostgreSQL
        refuses a write in it."""
        async with self.readers() as session, session.begin():
            yield session

    async def run_read(self, work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``read()`` without the ORM, for the reads members run most: ``work(connection, *args, **kwargs)``,
        a plain function of a Core connection, run in one read-only transaction; it returns rows
        or what it builds from them, not ORM objects (a session's identity map and ORM layers cost
        about a third of such a read's CPU).

        On a SQLite file the whole function runs in one trip to a reader thread, on a synchronous
        connection of its own (``query_only``, so a write fails loudly): aiosqlite goes to its
        thread and back for every cursor call, nine trips for a one-statement read, and each trip
        costs more CPU than the query (docs/maintainers/performance.md). On PostgreSQL (and an
        in-memory SQLite, which a second engine could not see) it runs on an async connection
        through ``run_sync``."""
        readers = self._sqlite_readers()
        if readers is None:
            async with self.read_engine.connect() as conn, conn.begin():
                return await conn.run_sync(work, *args, **kwargs)
        engine, pool = readers
        return await asyncio.get_running_loop().run_in_executor(pool, _read_on, engine, work, args, kwargs)

    def _sqlite_readers(self) -> tuple[Engine, ThreadPoolExecutor] | None:
        if self._readers is None and self._reads_on_threads:
            url = make_url(self.url).set(drivername="sqlite+pysqlite")
            engine = create_engine(
                url, pool_size=SQLITE_READER_THREADS, max_overflow=0,
                # Reader threads share the pool's connections, one thread at a time each.
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            )
            event.listen(engine, "connect", _sqlite_reader_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            pool = ThreadPoolExecutor(SQLITE_READER_THREADS, thread_name_prefix="foibot-read")
            self._readers = engine.execution_options(**{READ_ONLY: True}), pool
        return self._readers

    @asynccontextmanager
    async def lock(self, name: str, *, wait: bool = True) -> AsyncIterator[bool]:
        """Hold the lock ``name`` for the block, across every process on this database; yields
        whether it was acquired (always True with ``wait``; with ``wait=False``, False when another
        holder has it, and the block runs without it). Released when the block ends, even on error.

        PostgreSQL: a session-level advisory lock on one connection kept for the block (outside any
        transaction, so nothing sits "idle in transaction"); its key is a digest of the schema and
        the name, so foibots in different schemas of one database do not block each other. If that
        connection is lost the server drops the lock. SQLite: within this process only (one process
        per SQLite file is the supported shape).
        """
        if self.engine.dialect.name == "postgresql":
            async with self._advisory_lock(name, wait) as held:
                yield held
        else:
            async with _process_lock(self._sqlite_identity(), name, wait) as held:
                yield held

    @asynccontextmanager
    async def _advisory_lock(self, name: str, wait: bool) -> AsyncIterator[bool]:
        if self._lock_engine is None:
            self._lock_engine = create_async_engine(
                self.url, poolclass=NullPool, isolation_level="AUTOCOMMIT", connect_args=self._lock_connect_args
            )
        async with self._lock_engine.connect() as conn:
            try:
                schema = (await conn.exec_driver_sql("SELECT current_schema()")).scalar()
                key = lock_key(f"{schema}:{name}")
                if wait:
                    await conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                    held = True
                else:
                    held = bool((await conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key})).scalar())
            except BaseException:
                # Cancelled or failed while asking: the server may still grant the lock to this
                # session, so the session must end rather than linger holding it.
                await _discard(conn)
                raise
            if not held:
                yield False
                return
            try:
                yield True
            finally:
                await _advisory_unlock(conn, key, name)

    def _sqlite_identity(self) -> str:
        path = make_url(self.url).database
        if not path or path == ":memory:":
            return f"memory:{id(self)}"
        return str(Path(path).resolve())

    async def dispose(self) -> None:
        if self._readers is not None:
            engine, pool = self._readers
            self._readers = None
            await asyncio.get_running_loop().run_in_executor(None, _close_readers, engine, pool)
        await self.engine.dispose()
        if self._lock_engine is not None:
            await self._lock_engine.dispose()

    # -- schema -------------------------------------------------------------------------------

    async def upgrade(self) -> None:
        """Bring the schema to the newest revision (refusing a database newer than the code).

        Under ``lock("migrations")``: processes starting together on one PostgreSQL database would
        otherwise run the same DDL at once (``CREATE TYPE`` races end in a UniqueViolation on
        pg_type); the first upgrades, the rest then find the schema current and do nothing."""
        async with self.lock("migrations"), self.engine.begin() as conn:
            await conn.run_sync(_check_not_newer)
            await conn.run_sync(_upgrade_on, "head")

    async def downgrade(self, revision: str) -> None:
        async with self.lock("migrations"), self.engine.begin() as conn:
            await conn.run_sync(_downgrade_on, revision)

    async def current_revision(self) -> str | None:
        async with self.read_engine.connect() as conn:
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


# -- locks ----------------------------------------------------------------------------------------

async def _discard(conn: AsyncConnection) -> None:
    """End the connection's server session now (any lock it holds goes with it)."""
    try:
        await conn.invalidate()
    except Exception:  # already broken: the server has ended the session, and the lock with it
        log.debug("could not invalidate a lock connection", exc_info=True)


async def _advisory_unlock(conn: AsyncConnection, key: int, name: str) -> None:
    try:
        released = (await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})).scalar()
    except BaseException:
        await _discard(conn)  # cannot say it is released: end the session, which releases it
        raise
    if not released:  # the server had dropped it (the session was terminated and reconnected?)
        log.warning("database lock %r was not held at release (the connection was lost?)", name)


# (loop, database, name) -> lock. asyncio locks belong to one event loop; keying by the loop keeps a
# lock from one loop (a finished test's, a second asyncio.run) from being used in another.
_PROCESS_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple[str, str], asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


@asynccontextmanager
async def _process_lock(database: str, name: str, wait: bool) -> AsyncIterator[bool]:
    locks = _PROCESS_LOCKS.setdefault(asyncio.get_running_loop(), {})
    lock = locks.setdefault((database, name), asyncio.Lock())
    if not wait and lock.locked():
        yield False
        return
    async with lock:
        yield True
