"""Every setting foibot reads is listed in .env.example (with a comment) and in the README's table."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
SETTING_NAMES = sorted(field.alias for field in Settings.model_fields.values() if field.alias)


def test_every_setting_is_in_env_example_with_a_comment_above_it() -> None:
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    for name in SETTING_NAMES:
        at = next((i for i, line in enumerate(lines) if line.lstrip("# ").startswith(f"{name}=")), None)
        assert at is not None, f"{name} is missing from .env.example"
        assert at > 0 and lines[at - 1].startswith("#"), f"{name} in .env.example has no comment above it"


def test_every_setting_is_in_the_readme_configuration_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Configuration")
    table = readme[start:readme.index("\n## ", start + 1)]
    for name in SETTING_NAMES:
        assert f"`{name}`" in table, f"{name} is missing from the README's configuration table"
