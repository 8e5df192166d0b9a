"""Fixtures for the chaos tests: the end-to-end fixtures (a fresh fake Discord, the real bot as a
subprocess, a PostgreSQL database of their own, which each bot process reaches by URL)."""

from __future__ import annotations

from tests.e2e.conftest import bot_process, fake_discord, postgres_database  # noqa: F401 (fixtures used by name)
