"""Shared fixtures: a migrated database on a real SQLite file and, where configured, PostgreSQL.

PostgreSQL tests read ``FOIBOT_TEST_DATABASE_URL`` (e.g.
``postgresql+asyncpg://postgres@127.0.0.1:5432/test``). Each test gets its own schema, so tests
never see each other's rows. Without the variable they skip with a visible reason, except in CI
(``CI=true``), where a missing PostgreSQL is a failure: the PostgreSQL tests must run there.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.db import Database
from tests.dbutil import drop_database, fresh_database
from tests.fakewdtk import FakeWdtk

PG_URL_ENV = "FOIBOT_TEST_DATABASE_URL"


def postgres_url_or_skip() -> str:
    url = os.environ.get(PG_URL_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{PG_URL_ENV} is not set: in CI the PostgreSQL tests must run (.ci/run sets it)")
    pytest.skip(f"PostgreSQL not configured: set {PG_URL_ENV}=postgresql+asyncpg://USER@HOST:5432/DB")


async def make_database(backend: str, tmp_path: Path, *, migrate: bool = True, **engine_kwargs: object) -> tuple[Database, str | None]:
    """A Database for ``backend`` ("sqlite" or "postgres"), in a fresh file or a fresh schema."""
    url = postgres_url_or_skip() if backend == "postgres" else None
    return await fresh_database(backend, tmp_path, url, migrate=migrate, **engine_kwargs)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
async def db(backend: str, tmp_path: Path) -> AsyncIterator[Database]:
    """A database at the newest schema, on SQLite and on PostgreSQL."""
    database, schema = await make_database(backend, tmp_path)
    try:
        yield database
    finally:
        await drop_database(database, schema)


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    """A database at the newest schema on SQLite only (for tests that need no PostgreSQL twin)."""
    database, schema = await make_database("sqlite", tmp_path)
    try:
        yield database
    finally:
        await drop_database(database, schema)


@pytest.fixture
async def fake_wdtk() -> AsyncIterator[FakeWdtk]:
    """A fake WhatDoTheyKnow on 127.0.0.1 (``tests/fakewdtk``), empty until a test fills it."""
    fake = FakeWdtk()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
