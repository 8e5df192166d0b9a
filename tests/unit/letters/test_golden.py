"""Golden letters: one per law and stage, and the PHSO review. A reviewer reads the diff of a letter.

Rewrite them after a deliberate change with ``FOIBOT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/letters``,
then read every changed letter as the member who will send it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.letters import LetterFacts, default_ground_ids, propose_grounds, render_letter
from tests.unit.letters.cases import CASES, Case

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("FOIBOT_UPDATE_GOLDEN") == "1"

# The timing advice each example must come with (codes), so a golden letter is never silently mistimed.
EXPECTED_WARNINGS: dict[str, set[str]] = {
    "chaser-foisa": {"chaser_review_window"},
    "chaser-eisr": {"chaser_review_window"},
}


def render_case(case: Case) -> tuple[str, set[str]]:
    facts = LetterFacts.from_json(case.facts)
    ids = case.grounds if case.grounds is not None else default_ground_ids(propose_grounds(case.kind, facts, case.today))
    letter = render_letter(case.kind, facts, ids, case.today, notes=case.notes)
    return letter.text(), {w.code for w in letter.warnings}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rendered_letter_matches_its_golden_file(case: Case) -> None:
    text, _ = render_case(case)
    path = GOLDEN / f"{case.name}.txt"
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist; written now: read it, then run again")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_example_comes_with_exactly_its_expected_timing_advice(case: Case) -> None:
    _, codes = render_case(case)
    assert codes == EXPECTED_WARNINGS.get(case.name, set())


def test_every_law_has_a_golden_letter_for_every_stage_it_supports() -> None:
    names = {c.name for c in CASES}
    for kind in ("review", "chaser", "complaint", "clarification"):
        for law in ("foia", "eir", "foisa", "eisr"):
            assert f"{kind}-{law}" in names
    assert "complaint-sar" in names and "phso-review" in names


def test_no_golden_file_is_left_over_from_a_removed_example() -> None:
    assert {p.stem for p in GOLDEN.glob("*.txt")} <= {c.name for c in CASES}
