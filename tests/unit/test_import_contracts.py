"""The architecture is checked: import-linter runs the contracts in pyproject.toml.

The contracts say the pure layers (law, drafting, letters, reading, tracking, the alert planner)
import no database, no Discord and no clock; cogs reach the database only through services; only
``bot/client.py``, the alert sender and cogs import discord. The second test shows they bite: a
forbidden import added to a copy of the tree makes ``lint-imports`` fail and name the import.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", str(tree / "pyproject.toml")], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=120)


def copy_of_the_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("bot", "cogs", "prompts"):
        shutil.copytree(ROOT / package, tree / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_import_contracts_hold_for_the_code_as_it_is() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# (module, the line added to it, the import lint-imports must then name): one per contract.
FORBIDDEN = (
    ("bot/law/counting.py", "import sqlalchemy", "bot.law.counting -> sqlalchemy"),
    ("bot/letters/render.py", "from bot.db import Database", "bot.letters.render -> bot.db"),
    ("bot/tracking/fold.py", "from bot.clock import utcnow", "bot.tracking.fold -> bot.clock"),
    ("bot/reading/forbidden_example.py", "from bot.models import Request", "bot.reading.forbidden_example -> bot.models"),
    ("cogs/help.py", "from bot.models import Request", "cogs.help -> bot.models"),
    ("bot/services/users.py", "import discord", "bot.services.users -> discord"),
    ("bot/law/dates.py", "import cogs", "bot.law.dates -> cogs"),
)


def test_a_forbidden_import_makes_the_contracts_fail_and_names_it(tmp_path: Path) -> None:
    tree = copy_of_the_tree(tmp_path)
    for module, line, _ in FORBIDDEN:
        target = tree / module
        target.parent.mkdir(exist_ok=True)  # bot/reading: the reader's package, before or after it exists
        (target.parent / "__init__.py").touch()
        text = target.read_text(encoding="utf-8") if target.exists() else ""
        target.write_text(f"{text}\n{line}\n", encoding="utf-8")
    result = lint_imports(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    for _, _, broken in FORBIDDEN:
        assert broken in result.stdout, f"{broken} not reported:\n{result.stdout}"


@pytest.mark.parametrize(("one", "other"), [("bot.law.deadlines", "bot.law.reviews"),
                                            ("bot.letters.grounds", "bot.letters.grounds_table")])
def test_no_import_cycle_between(one: str, other: str) -> None:
    graph = grimp.build_graph("bot", "cogs", cache_dir=None)
    assert graph.find_shortest_chain(importer=other, imported=one) is None or \
        graph.find_shortest_chain(importer=one, imported=other) is None
