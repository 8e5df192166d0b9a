"""``bot/reading`` is pure: no discord, no database, no clock (like ``bot/law``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bot.reading

READING_DIR = Path(bot.reading.__file__).parent
FORBIDDEN = ("discord", "sqlmodel", "sqlalchemy", "aiosqlite", "asyncpg", "bot.db", "bot.models", "bot.clock", "bot.services", "cogs")
CLOCK_CALLS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("time", "time")}


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_reading_modules_import_neither_discord_nor_the_database_nor_the_clock() -> None:
    for path in sorted(READING_DIR.glob("*.py")):
        tree = ast.parse(path.read_text())
        for name in _imports(tree):
            assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                assert (node.func.value.id, node.func.attr) not in CLOCK_CALLS, f"{path.name}:{node.lineno} reads the clock"


def test_importing_the_reader_loads_no_discord() -> None:
    code = "import sys, bot.reading, bot.reading.extract; print(any(m == 'discord' or m.startswith('discord.') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
