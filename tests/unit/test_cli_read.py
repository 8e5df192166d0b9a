"""`foibot read FILE [--law] [--questions] [--json]`: the CLI contract, and bad input exits 2 with one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.unit.reading.pdfs import encrypted_pdf, pdf_bomb, text_pdf

REFUSAL = """Dear Ms Patel,

The information you have requested is exempt from disclosure under section 43(2) of the Freedom of
Information Act 2000, as its release would be likely to prejudice the contractor's commercial interests.

If you are dissatisfied with the handling of your request, you have the right to ask for an internal review.
You may then complain to the Information Commissioner.

Yours sincerely
"""
CONTRACT_KEYS = {"kind", "outcome", "citations", "mentioned", "attachments_referred", "review_rights_stated",
                 "regulator_rights_stated", "public_interest_reasons_given", "cost_estimate_given", "questions", "spans"}


@pytest.fixture
def reply(tmp_path: Path) -> Path:
    path = tmp_path / "reply.txt"
    path.write_text(REFUSAL, encoding="utf-8")
    return path


def test_json_has_every_key_of_the_contract(reply: Path, capsys) -> None:
    assert main(["read", str(reply), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert CONTRACT_KEYS <= set(out)
    assert out["kind"] == "response" and out["outcome"] == "refused"
    assert out["citations"] == ["FOIA s.43(2)"]
    assert out["public_interest_reasons_given"] is False
    assert out["cost_estimate_given"] is None
    assert out["review_rights_stated"] is True and out["regulator_rights_stated"] is True
    assert any(s["finding"] == "citation:FOIA s.43(2)" and "43(2)" in s["text"] for s in out["spans"])


def test_questions_file_gives_a_status_per_question(tmp_path: Path, capsys) -> None:
    reply = tmp_path / "r.txt"
    reply.write_text("Dear Sir\n\n1. There were 12 incidents.\n\n2. As question 1.\n\n3. The Council does not hold this information.\n\nYours sincerely\n")
    questions = tmp_path / "q.txt"
    questions.write_text("1) How many incidents?\n2) How many in 2023?\n3) Who reported them?\n")
    assert main(["read", str(reply), "--questions", str(questions), "--law", "FOIA", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["questions"] == {"1": {"status": "answered"}, "2": {"status": "refers_to", "to": 1}, "3": {"status": "not_held"}}


def test_without_json_it_prints_what_a_member_reads(reply: Path, capsys) -> None:
    assert main(["read", str(reply)]) == 0
    out = capsys.readouterr().out
    assert "What it is: a response" in out
    assert "Relies on: FOIA s.43(2)" in out
    assert "Public interest: no reasons given" in out
    assert "To challenge: A qualified exemption with no public interest reasons" in out


def test_a_pdf_reply_is_read(tmp_path: Path, capsys) -> None:
    path = tmp_path / "reply.pdf"
    path.write_bytes(text_pdf(["Dear Mr Khan", "We are withholding the report under section 40(2) of the FOIA."]))
    assert main(["read", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["citations"] == ["FOIA s.40(2)"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "is empty"),
    ("junk.bin", bytes(range(256)) * 40, "can't read"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "is an image"),
    ("locked.pdf", "encrypted", "password-protected"),
    ("bomb.pdf", "bomb", "expands to far more data"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path: Path, capsys, name: str, content, message: str) -> None:
    path = tmp_path / name
    if content == "encrypted":
        path.write_bytes(encrypted_pdf())
    elif content == "bomb":
        path.write_bytes(pdf_bomb())
    elif content is not None:
        path.write_bytes(content)
    assert main(["read", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert message in captured.err


def test_a_hundred_thousand_characters_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Dear requester. " * 6250)
    assert main(["read", str(path)]) == 2
    assert "characters long" in capsys.readouterr().err
