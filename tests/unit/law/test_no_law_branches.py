"""No code outside the law entries tests which law it is: it asks the entry (``regime(law).environmental``).

A grep over bot/ (the reply reader in bot/reading included), cogs/ and the templates, leaving out
bot/law/entries/, where each law's facts are written down.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ENTRIES = ROOT / "bot" / "law" / "entries"
# A law (or a statute the reader names) as code spells it: Law.EIR, "eisr", 'sar', "gdpr".
_LAW = r"""(?:Law\.[A-Z]+|["'](?:foia|eir|foisa|eisr|sar|dpa|gdpr)["'])"""
_COMPARE = r"(?:==|!=|\bis\b|\bin\b)"
BRANCH = re.compile(rf"{_COMPARE}\s*(?:not\s+)?[\(\[{{]?\s*{_LAW}|{_LAW}\s*{_COMPARE}")
TEMPLATE_BRANCH = re.compile(r"\blaw(?:_id)?\s*(?:==|!=)")


def _branches() -> list[str]:
    found = []
    for folder in ("bot", "cogs", "prompts"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".py", ".j2") or ENTRIES in path.parents:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if BRANCH.search(line) or (path.suffix == ".j2" and TEMPLATE_BRANCH.search(line)):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_code_or_template_outside_the_entries_branches_on_a_specific_law() -> None:
    found = _branches()
    assert not found, "ask the law's entry instead:\n" + "\n".join(found)


def test_the_grep_covers_the_reply_reader() -> None:
    reader = [path.name for path in (ROOT / "bot" / "reading").glob("*.py")]
    assert "statutes.py" in reader and "citations.py" in reader  # the files the grep reads


@pytest.mark.parametrize("line", [
    "if law in (Law.EIR, Law.EISR):",
    'if self.law == "sar":',
    'elif self.law in ("foisa", "eisr"):',
    "if law is Law.SAR:",
    'if found.law == "gdpr":',
    'if keyword == "regulation" and law not in ("foia", "foisa", "dpa"):',
])
def test_the_grep_finds_a_branch_on_a_law(line: str) -> None:
    assert BRANCH.search(line)


@pytest.mark.parametrize("line", [
    "if regime(law).environmental:",
    "if keyword == \"regulation\" and law in ACTS:",
    "law: Law = Law.FOIA",
    '("foisa", ACT, r"Freedom of Information"),',
])
def test_the_grep_leaves_questions_to_the_entry_alone(line: str) -> None:
    assert not BRANCH.search(line)


def test_the_grep_finds_a_template_that_tests_the_law() -> None:
    assert TEMPLATE_BRANCH.search("{% if law_id == 'eir' %}")
