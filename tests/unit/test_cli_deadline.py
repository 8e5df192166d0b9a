"""``python -m bot deadline``: the flags and JSON keys other tools rely on, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["deadline", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_phso_case_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foia", "--received", "28/03/2022")
    assert data["response_due"] == "2022-04-27"
    assert data["response_due_extended"] == "2022-05-26"
    assert {"date": "2022-04-18", "name": "Easter Monday (England, Wales and Northern Ireland)"} in data["skipped"]
    assert any("FOIA s.10(1)" in b for b in data["basis"])


def test_json_keys_are_the_deadlines_then_skipped_basis_named_deadlines_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 15: the JSON also names each deadline with its rule ("deadlines") and gives the notes.
    data = run_json(
        capsys,
        "--law", "foia",
        "--received", "26 March 2022",
        "--school",
        "--responded", "2022-04-08",
        "--review-requested", "9/4/22",
    )
    assert set(data) == {
        "response_due", "response_due_next_working_day", "response_due_extended", "school_backstop",
        "review_request_by", "review_due", "review_due_next_working_day", "review_due_max", "complaint_by",
        "skipped", "basis", "deadlines", "notes",
    }  # Sat 9 April 2022: the review's next-working-day reading is given too
    assert set(data["deadlines"]) == {k for k, v in data.items() if isinstance(v, str)}
    assert data["deadlines"]["school_backstop"]["title"] == "School backstop (60 working days)"
    assert "SI 2004/3364" in data["deadlines"]["school_backstop"]["citation"]
    assert data["school_backstop"] == "2022-06-24"
    assert data["review_due"] == "2022-05-11"


def test_review_responded_gives_the_ico_six_weeks(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "eir", "--review-requested", "11/04/2022", "--review-responded", "20/05/2022")
    assert data["complaint_by"] == "2022-07-01"


def test_foisa_in_scotland_counts_easter_monday(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foisa", "--division", "scotland", "--received", "28/03/2022")
    assert data["response_due"] == "2022-04-26"


def test_sar_for_a_scottish_controller_rolls_over_st_andrews_day(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "sar", "--division", "scotland", "--received", "30/10/2024")
    assert data["response_due"] == "2024-12-03"


def test_clarification_and_fee_flags(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foia", "--received", "28/03/2022", "--clarification-requested", "30/03/2022", "--clarification-received", "31/03/2022")
    assert data["response_due"] == "2022-05-03"
    data = run_json(capsys, "--law", "foia", "--received", "7/11/2022", "--fee-notice", "14/11/2022", "--fee-paid", "23/11/2022")
    assert data["response_due"] == "2022-12-16"


def test_next_working_day_convention(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foia", "--received", "26/03/2022", "--receipt-convention", "next-working-day")
    assert data["response_due"] == "2022-04-27"


def test_text_output_explains_the_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--law", "foia", "--received", "28/03/2022"]) == 0
    out = capsys.readouterr().out
    assert "Response due: Wed 27 April 2022" in out
    assert "Good Friday" in out and "Easter Monday" in out
    assert "FOIA s.10(6)" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--law", "foia", "--received", "31/02/2022"], "--received: Can't use the date"),
        (["--law", "foia", "--received", "03/28/2022"], "day first"),
        (["--law", "foia"], "Give at least one date"),
        (["--law", "foia", "--received", "28/03/2022", "--responded", "01/03/2022"], "The dates don't fit"),
        (["--law", "foia", "--received", "1/1/2040"], "2000-2030"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    assert main(["deadline", *args]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1


def test_an_unknown_law_is_refused_by_argparse_with_status_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "deadline", "--law", "gdpr", "--received", "today"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "invalid choice" in result.stderr


def test_the_module_runs_as_a_subprocess_and_prints_json() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "deadline", "--law", "foia", "--received", "2022-03-28", "--json"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    assert json.loads(result.stdout)["response_due"] == "2022-04-27"
