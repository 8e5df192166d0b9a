"""The documentation cannot drift: generated pages equal their generators, the README stays a front door."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import main
from bot.law.reference import law_reference_markdown
from bot.law.regimes import REGIMES

ROOT = Path(__file__).resolve().parents[2]
LAW_PAGE = ROOT / "docs" / "reference" / "law.md"


def test_the_committed_law_reference_is_exactly_what_the_law_entries_generate() -> None:
    assert LAW_PAGE.read_text(encoding="utf-8") == law_reference_markdown(), (
        "regenerate it: python -m bot docs law --output docs/reference/law.md"
    )


def test_the_law_reference_lists_every_entry_with_every_limit_and_its_source() -> None:
    page = law_reference_markdown()
    for entry in REGIMES.values():
        section = page[page.index(f"## {entry.short}: {entry.title}"):]
        section = section[:section.find("\n## ", 1)] if "\n## " in section[1:] else section
        periods = [entry.response, entry.extension, entry.school_backstop, entry.review_window,
                   entry.review_period, entry.review_period_max, entry.complaint_window]
        if entry.fees is not None:
            periods.append(entry.fees.lapses_after)
        for period in filter(None, periods):
            assert period.describe() in section and period.citation in section, (entry.short, period)
        assert entry.working_day_citation in section and entry.clarification_citation in section


def test_docs_law_writes_the_page_to_the_path_given(tmp_path: Path) -> None:
    out = tmp_path / "law.md"
    assert main(["docs", "law", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == law_reference_markdown()


def test_the_readme_is_a_front_door_under_300_lines() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 300


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^python3 -m venv \.venv && \.venv/bin/pip install -e '\.\[test\]' && (.+)$", readme, re.M)
    assert command is not None
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip install --quiet -e '.[test]'" in ci
    assert re.search(rf"^{re.escape(command.group(1))}$", ci, re.M)


def test_every_page_in_docs_is_in_the_site_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").rglob("*.md"):
        assert page.relative_to(ROOT / "docs").as_posix() in nav, page


def test_sources_in_the_code_are_public_never_notes_outside_the_repository() -> None:
    """Comments and explanations cite the Act, the regulation, the guidance page or the case."""
    private = re.compile(r"(?i:fact sheet|design part \d|research/[a-z-]+\.md)|\[[VKI]\] ")
    found = []
    for folder in ("bot", "cogs", "prompts", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".j2") and path != Path(__file__):
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if private.search(line):
                        found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
