"""``bot/law`` is pure: it imports neither discord nor the database and never reads the clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bot.law

LAW_DIR = Path(bot.law.__file__).parent
FORBIDDEN_MODULES = ("discord", "sqlmodel", "sqlalchemy", "aiosqlite", "asyncpg", "bot.db", "bot.models", "bot.clock", "bot.services")
CLOCK_CALLS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("time", "time"), ("time", "localtime")}


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_law_modules_import_neither_discord_nor_the_database_nor_the_clock() -> None:
    for path in sorted(LAW_DIR.glob("*.py")):
        for name in _imports(ast.parse(path.read_text())):
            assert not name.startswith(FORBIDDEN_MODULES), f"{path.name} imports {name}"


def test_law_modules_never_read_the_clock() -> None:
    for path in sorted(LAW_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                assert (node.func.value.id, node.func.attr) not in CLOCK_CALLS, f"{path.name}:{node.lineno} reads the clock"


def test_importing_the_law_package_loads_no_discord() -> None:
    code = "import sys, bot.law, bot.law.explain; print(any(m == 'discord' or m.startswith('discord.') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
