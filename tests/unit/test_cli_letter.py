"""``python -m bot letter ...``: letters from a JSON file, warnings on stderr, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from bot.cli import main
from tests.unit.letters.cases import PHSO

GOLDEN = Path(__file__).parent / "letters" / "golden"


@pytest.fixture
def phso_json(tmp_path: Path) -> Path:
    path = tmp_path / "phso.json"
    path.write_text(json.dumps(PHSO), encoding="utf-8")
    return path


def test_review_letter_for_the_phso_case_is_the_golden_letter(phso_json: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["letter", "review", "--request-json", str(phso_json), "--today", "09/04/2022"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    assert out == (GOLDEN / "phso-review.txt").read_text(encoding="utf-8")


def test_list_grounds_shows_what_is_ticked(phso_json: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "review", "--request-json", str(phso_json), "--today", "2022-04-09", "--list-grounds"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("[x] not_held_in_form") and out[1].startswith("[ ] totals_for_breakdown")
    assert out[2].startswith("[x] refers_to_answer")


def test_chosen_grounds_replace_the_proposed_ones(phso_json: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["letter", "review", "--request-json", str(phso_json), "--today", "2022-04-09", "--grounds", "refers_to_answer"])
    out = capsys.readouterr().out
    assert '(answered "as question 1")' in out and "not held in the form I asked for" not in out


def test_timing_warnings_go_to_stderr_and_the_letter_still_comes_out(phso_json: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "chaser", "--request-json", str(phso_json), "--today", "2022-04-09"]) == 0
    out, err = capsys.readouterr()
    assert "Dear Parliamentary and Health Service Ombudsman" in out
    assert err.startswith("foibot: warning: The authority already responded on Friday 8 April 2022")


def test_a_docx_is_written_when_asked_for(phso_json: Path, tmp_path: Path) -> None:
    target = tmp_path / "review.docx"
    assert main(["letter", "review", "--request-json", str(phso_json), "--today", "2022-04-09", "--format", "docx", "--output", str(target)]) == 0
    text = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "Dudley Jones" in text


@pytest.mark.parametrize(
    ("content", "args", "says"),
    [
        ('{"law": "foia", "bogus": 1}', [], "Unknown field 'bogus'"),
        ('{"law": ', [], "not valid JSON"),
        (None, ["--grounds", "vexatious"], "section 14"),
        (None, ["--today", "31/02/2022"], "--today"),
        (None, ["--format", "docx"], "--output"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(
    tmp_path: Path, phso_json: Path, capsys: pytest.CaptureFixture[str], content: str | None, args: list[str], says: str
) -> None:
    path = phso_json
    if content is not None:
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
    assert main(["letter", "review", "--request-json", str(path), *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and says in err


def test_a_missing_file_is_one_line_and_exit_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "complaint", "--request-json", "/nonexistent/request.json"]) == 2
    assert capsys.readouterr().err.startswith("foibot: Cannot read --request-json")


def test_the_module_runs_as_a_script(phso_json: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "letter", "review", "--request-json", str(phso_json), "--today", "2022-04-09"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("Subject: Internal review")
