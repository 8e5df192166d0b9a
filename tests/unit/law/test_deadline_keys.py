"""Every deadline is named by ``DeadlineKey``: no code looks a deadline up by a bare string.

(A StrEnum: the stored keys, the JSON of ``foibot deadline --json`` and the templates' values are
the same strings. Alert kinds such as ``review_due`` and the templates' variable names are other
vocabularies and are not looked up here.)
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.law.report import DeadlineKey

ROOT = Path(__file__).resolve().parents[3]
_KEYS = "|".join(sorted((re.escape(k.value) for k in DeadlineKey), key=len, reverse=True))
LOOKUP = re.compile(rf"""(?:\.get\(|\[|==\s*|!=\s*|\bin\s+\(?)\s*["'](?:{_KEYS})["']|["'](?:{_KEYS})["']\s+(?:not\s+)?in\b""")


def test_no_code_looks_a_deadline_up_by_a_bare_string() -> None:
    found = []
    for folder in ("bot", "cogs"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if LOOKUP.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "use DeadlineKey:\n" + "\n".join(found)


def test_the_grep_finds_a_lookup_by_a_bare_string() -> None:
    for line in ('report.get("response_due")', 'if key == "review_due":', 'deadlines["complaint_by"]',
                 'if "clarified_part_due" in dates:', 'x in ("school_backstop", "y")'):
        assert LOOKUP.search(line), line
    assert not LOOKUP.search('"review_due": _d(timeline.get(DeadlineKey.REVIEW_DUE)),')  # a template's variable
