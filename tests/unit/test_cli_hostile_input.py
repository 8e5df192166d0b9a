"""The CLI given hostile files and arguments, run as a real process: a file that is not UTF-8, a lone
surrogate or NUL written into a JSON file, a date past the calendar's years, bytes that are not UTF-8
on the command line. Each is one clear line on stderr and exit status 2, or a letter without the
characters that are not text; never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FACTS = {"law": "foia", "authority": "Home Office", "title": "Visa statistics", "sent": "2024-01-02",
         "requester": "Ann Smith", "responded": "2024-02-20", "outcome": "refused"}


def foibot(cwd: Path, *args: str | bytes) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``python -m bot ARGS``; both outputs must be UTF-8."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "HOME")}
    env.update(PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True, timeout=120)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def one_line_refusal(status: int, err: str) -> str:
    assert status == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.mark.parametrize(
    ("name", "content", "flag"),
    [("facts.json", b'\xff\xfe{"law": "foia"}', "--request-json"), ("notes.txt", b"My own paragraph \xe9t\xe9", "--notes-file")],
)
def test_a_file_that_is_not_utf8_is_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, flag: str) -> None:
    facts = tmp_path / "good.json"
    facts.write_text(json.dumps(FACTS), encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    args = ["--request-json", str(tmp_path / name)] if flag == "--request-json" else ["--request-json", str(facts), flag, str(tmp_path / name)]
    status, _, err = foibot(tmp_path, "letter", "review", *args)
    assert f"{flag} {tmp_path / name} is not UTF-8 text" in one_line_refusal(status, err)


def test_lone_surrogates_and_nul_in_the_letter_facts_are_left_out_of_the_letter(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    # json.dumps writes "\ud800" and "\u0000" as escapes: valid JSON, not valid text once read.
    facts.write_text(json.dumps({**FACTS, "title": "Visa\ud800 statistics\u0000", "requester": "Ann\udfff Smith"}), encoding="utf-8")
    status, out, err = foibot(tmp_path, "letter", "review", "--request-json", str(facts), "--notes", "Please look again.")
    assert status == 0, err
    assert "Visa statistics" in out and "Ann Smith" in out and "\x00" not in out and "Traceback" not in err


def test_a_json_date_past_the_calendars_years_is_one_line_and_exit_2(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({**FACTS, "sent": "9999-12-01", "responded": "9999-12-30"}), encoding="utf-8")
    status, _, err = foibot(tmp_path, "letter", "review", "--request-json", str(facts))
    assert "runs past the years foibot's calendar covers (1900 to 2999)" in one_line_refusal(status, err)


def test_bytes_that_are_not_utf8_on_the_command_line_never_reach_the_output(tmp_path: Path) -> None:
    request = tmp_path / "request.txt"
    request.write_text("Dear Home Office,\n\nPlease send the number of visas granted in 2023.\n", encoding="utf-8")
    status, out, err = foibot(tmp_path, "lint", str(request), "--letter", "--name", b"Ann \xff\xfeSmith", "--subject", b"Visas\xed\xa0\x80")
    assert status == 0, err
    assert "Ann Smith" in out and "Traceback" not in err
