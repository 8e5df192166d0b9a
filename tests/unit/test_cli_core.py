"""``check`` and ``db``: the operator's commands, run as a host runs them (a subprocess, a fresh
working directory, nothing set but what the test gives)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.db import head_revision

REPO = Path(__file__).resolve().parents[2]


def foibot(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "HOME")}
    clean.update(PYTHONPATH=str(REPO), **env)
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=clean, capture_output=True, text=True, timeout=120)


def test_check_passes_on_a_fresh_install_without_a_token(tmp_path: Path) -> None:
    done = foibot(tmp_path, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "DISCORD_TOKEN: not set" in done.stdout
    assert "alert DMs: paced at 20 a second (DISCORD_GLOBAL_RATE_LIMIT=50" in done.stdout
    assert "not created yet" in done.stdout
    assert "all compile" in done.stdout
    for command in ("/help", "/deadline", "/request", "/reminders", "/draft", "/letter"):
        assert command in done.stdout
    assert not (tmp_path / "foibot.db").exists(), "check must not create the database"
    assert done.stdout.rstrip().endswith("all is well")


def test_db_upgrade_current_and_downgrade_move_the_schema(tmp_path: Path) -> None:
    assert foibot(tmp_path, "db", "current").stdout.strip() == "empty (no schema yet)"
    up = foibot(tmp_path, "db", "upgrade")
    assert up.returncode == 0, up.stderr
    assert foibot(tmp_path, "db", "current").stdout.strip() == head_revision()
    down = foibot(tmp_path, "db", "downgrade", "0001")
    assert down.returncode == 0, down.stderr
    assert foibot(tmp_path, "db", "current").stdout.strip() == "0001"
    check = foibot(tmp_path, "check")
    assert check.returncode == 0 and "`run` upgrades it" in check.stdout


def test_db_downgrade_to_an_unknown_revision_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = foibot(tmp_path, "db", "downgrade", "nonsense")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "unknown revision 'nonsense'" in done.stderr


def test_a_database_written_by_a_newer_foibot_fails_check_and_is_not_touched(tmp_path: Path) -> None:
    assert foibot(tmp_path, "db", "upgrade").returncode == 0
    with sqlite3.connect(tmp_path / "foibot.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    check = foibot(tmp_path, "check")
    assert check.returncode == 1
    assert "newer than this foibot" in check.stdout
    upgrade = foibot(tmp_path, "db", "upgrade")
    assert upgrade.returncode == 2 and "newer foibot" in upgrade.stderr and "Traceback" not in upgrade.stderr
    with sqlite3.connect(tmp_path / "foibot.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_future",)


@pytest.mark.parametrize(
    ("setting", "value", "named"),
    [("LOG_LEVEL", "LOUD", "LOG_LEVEL"), ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE")],
)
def test_a_malformed_setting_is_named_and_check_fails(tmp_path: Path, setting: str, value: str, named: str) -> None:
    done = foibot(tmp_path, "check", **{setting: value})
    assert done.returncode == 1
    assert named in done.stdout and "Traceback" not in done.stdout + done.stderr


def test_settings_are_read_from_a_dot_env_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DATABASE_URL=sqlite+aiosqlite:///from-dotenv.db\n")
    done = foibot(tmp_path, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "from-dotenv.db").exists()
