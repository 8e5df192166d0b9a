"""`python -m bot lint`: findings grouped by severity, JSON, fixes and the letter; bad input exits 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main

WEAK_REQUEST = """Dear Leeds City Council,

In the last 3 years, how many fines were issued for 'pavement' parking, and which streets were they issued in?

Why did the council stop enforcing on Elm Street?

Yours faithfully,
Jane Smith
"""


@pytest.fixture
def request_file(tmp_path: Path) -> Path:
    path = tmp_path / "request.txt"
    path.write_text(WEAK_REQUEST, encoding="utf-8")
    return path


def test_the_human_report_groups_findings_by_severity_with_why_and_rewrite(request_file, capsys):
    assert main(["lint", str(request_file), "--today", "25/11/2026"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("1 problem, ")
    assert "(FOIA; request to be sent 25 November 2026)" in out.splitlines()[0]
    assert out.index("PROBLEMS") < out.index("WARNINGS") < out.index("TIPS")
    assert "[explanation-not-information] line 5" in out
    assert "Why:" in out and "Source:" in out and "Rewrite:" in out
    assert "between 25 November 2023 and 24 November 2026" in out


def test_json_prints_a_list_of_finding_objects(request_file, capsys):
    assert main(["lint", str(request_file), "--json", "--today", "2026-11-25"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert isinstance(findings, list) and findings
    first = findings[0]
    assert set(first) == {"rule_id", "severity", "span", "quote", "message", "why", "source", "rewrite", "fix"}
    assert first["severity"] == "problem"
    assert WEAK_REQUEST[first["span"][0] : first["span"][1]] == first["quote"]


def test_the_law_option_changes_the_citations(request_file, capsys):
    main(["lint", str(request_file), "--json", "--today", "2026-11-25", "--law", "foisa"])
    text = json.dumps(json.loads(capsys.readouterr().out))
    assert "FOISA" in text and "section 16" not in text


def test_standard_input_is_read_with_a_dash(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(WEAK_REQUEST))
    assert main(["lint", "-", "--json", "--today", "25 November 2026"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_fix_prints_the_request_with_the_safe_fixes_applied(request_file, capsys):
    assert main(["lint", str(request_file), "--fix", "--today", "25/11/2026"]) == 0
    out = capsys.readouterr().out
    assert "(a) Between 25 November 2023 and 24 November 2026, how many fines were issued" in out
    assert "Under section 11 of the Freedom of Information Act 2000" in out
    assert out.endswith("Yours faithfully,\nJane Smith\n")


def test_letter_prints_the_request_letter_using_the_salutation_and_signature(request_file, capsys):
    assert main(["lint", str(request_file), "--fix", "--letter", "--today", "25/11/2026", "--subject", "Fines"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("25 November 2026\n\nTo: Leeds City Council\n")
    assert "Subject: Request for information under the Freedom of Information Act 2000: Fines" in out
    assert out.endswith("Yours faithfully,\n\nJane Smith\n")


def test_letter_without_a_name_is_bad_input_naming_the_field(tmp_path, capsys):
    path = tmp_path / "q.txt"
    path.write_text("How many fines were issued in 2025?\n", encoding="utf-8")
    assert main(["lint", str(path), "--letter", "--authority", "Leeds City Council"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(requester name)" in err


def test_a_missing_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "nope.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "no such file" in captured.err


def test_a_bad_date_is_one_line_and_exit_2(request_file, capsys):
    assert main(["lint", str(request_file), "--today", "31/02/2026"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "31/02/2026" in err


def test_an_empty_file_is_bad_input(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    assert main(["lint", str(path)]) == 2
    assert "empty" in capsys.readouterr().err


def test_a_file_that_is_not_text_is_bad_input(tmp_path, capsys):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\xff\xfe\x00bad")
    assert main(["lint", str(path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_an_unknown_law_is_a_usage_error(request_file, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["lint", str(request_file), "--law", "gdpr"])
    assert exc.value.code == 2


def test_a_clean_request_says_so(tmp_path, capsys):
    path = tmp_path / "clean.txt"
    path.write_text(
        "How many buses did the council buy between 1 April 2025 and 31 March 2026?\n\n"
        "I would like the answer by email, as a spreadsheet. If any part would exceed the cost limit, "
        "please advise me how to narrow it.\n\nYours faithfully,\nJane Smith\n",
        encoding="utf-8",
    )
    assert main(["lint", str(path), "--today", "25/11/2026"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("0 problems, 0 warnings, 0 tips") and "No findings" in out


def test_rules_lists_every_rule_with_its_sources(capsys):
    assert main(["lint", "--rules", "--law", "eir"]) == 0
    out = capsys.readouterr().out
    assert "**`explanation-not-information`**" in out and "*Sources:*" in out
    assert "EIR reg 12(4)(b)" in out


def test_no_file_and_no_rules_is_bad_input(capsys):
    assert main(["lint"]) == 2
    assert "Give the request to check" in capsys.readouterr().err
