"""Fixtures for the chaos tests: the end-to-end fixtures (a fresh fake Discord, the real bot as a
subprocess) and a PostgreSQL database of their own, which each bot process reaches by URL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.engine import make_url

from bot.db import Database
from tests.conftest import postgres_url_or_skip
from tests.e2e.conftest import bot_process, fake_discord  # noqa: F401 (fixtures used by name)


@pytest.fixture
async def postgres_database() -> AsyncIterator[str]:
    """A database of its own on the test PostgreSQL server, dropped afterwards (even with
    processes still connected)."""
    base = make_url(postgres_url_or_skip())
    name = f"foibot_chaos_{uuid.uuid4().hex[:10]}"
    admin = Database(base.render_as_string(hide_password=False))
    async with admin.engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()
