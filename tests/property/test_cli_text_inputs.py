"""Every CLI command that takes text, under hypothesis: hostile text in the files it reads (also as
bytes that are not UTF-8) and in its options. The outcome is exit status 0, or 2 with one line on
stderr; never an exception; and what it prints is UTF-8 (a lone surrogate would not encode).

``main`` runs in this process (a subprocess per example would cost seconds each); the subprocess
tests in tests/unit/test_cli_hostile_input.py show the same refusals from a real process.
``foibot authorities import`` reads its file through ``import_csv``, covered with the services."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from tests.property.hostile import NASTY, hostile_or

EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FACTS = {"law": "foia", "authority": "Home Office", "title": "Visa statistics", "sent": "2024-01-02",
         "requester": "Ann Smith", "reference": "FOI 1", "responded": "2024-02-20", "outcome": "refused",
         "questions": ["How many visas?"]}
REQUEST = "Dear Home Office,\n\nPlease send the number of visas granted in 2023.\n\nYours faithfully,\nAnn Smith\n"
REPLY = "Dear Ms Smith,\n\nThe information is exempt under section 43(2) of the Freedom of Information Act 2000.\n"
TIMELINE = {"id": "R7K3Q", "law": "foia", "authority": {"division": "england-and-wales"},
            "events": [{"kind": "sent", "date": "2024-01-02"}, {"kind": "note", "date": "2024-01-03", "note": "Phoned"}]}

json_date = st.one_of(st.dates().map(date.isoformat), hostile_or("2024-01-02"))
file_bytes = st.one_of(st.binary(max_size=200), st.text(st.sampled_from(NASTY) | st.characters(), max_size=200).map(
    lambda text: text.encode("utf-8", "surrogatepass")))  # a lone surrogate so encoded is bytes that are not UTF-8


def option(flag: str, value: str) -> str:
    return f"{flag}={value}"  # one argument, so a value starting with "-" is still the option's value


def exits_cleanly(run: Callable[[], int | None], capsys: pytest.CaptureFixture[str]) -> None:
    """The property: 0, or 2 with one line on stderr; never an exception; UTF-8 out."""
    try:
        status = run()
    except SystemExit as exit_:  # argparse's own refusal (bot.cli._Parser): one line, status 2
        status = exit_.code
    out, err = capsys.readouterr()
    out.encode("utf-8")
    err.encode("utf-8")
    assert status in (0, 2), err
    if status == 2:
        assert len(err.strip().splitlines()) == 1, err


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    return str(path)


@EXAMPLES
@given(facts=st.fixed_dictionaries({
    "title": hostile_or(FACTS["title"]), "authority": hostile_or(FACTS["authority"]), "requester": hostile_or(FACTS["requester"]),
    "reference": hostile_or(FACTS["reference"]), "sent": json_date, "responded": json_date,
    "questions": st.lists(hostile_or("How many visas?"), max_size=3),
}), notes=hostile_or("Please look again."), grounds=hostile_or("no_exemption_named"), today=hostile_or("09/04/2024"),
    kind=st.sampled_from(["review", "chaser", "complaint", "clarification"]))
def test_letter_takes_hostile_facts_and_options_or_refuses_them_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], facts: dict[str, object], notes: str, grounds: str, today: str, kind: str,
) -> None:
    path = write(tmp_path / "facts.json", json.dumps({**FACTS, **facts}))
    args = ["letter", kind, "--request-json", path, option("--notes", notes), option("--today", today)]
    exits_cleanly(lambda: main(args), capsys)
    exits_cleanly(lambda: main([*args, option("--grounds", grounds)]), capsys)


@EXAMPLES
@given(content=st.one_of(file_bytes, hostile_or(REQUEST)), notes=st.one_of(file_bytes, hostile_or("Please look again.")))
def test_letter_reads_hostile_files_or_refuses_them_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, notes: str | bytes,
) -> None:
    facts = write(tmp_path / "facts.json", content if isinstance(content, bytes) else json.dumps({**FACTS, "title": content}))
    exits_cleanly(lambda: main(["letter", "review", "--request-json", facts, "--notes-file", write(tmp_path / "notes.txt", notes)]), capsys)


@EXAMPLES
@given(text=st.one_of(file_bytes, hostile_or(REQUEST)), name=hostile_or("Ann Smith"), authority=hostile_or("Home Office"),
       subject=hostile_or("Visas"), today=hostile_or("09/04/2024"), mode=st.sampled_from([[], ["--fix"], ["--letter"], ["--json"]]))
def test_lint_takes_hostile_text_and_options_or_refuses_them_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, name: str, authority: str, subject: str,
    today: str, mode: list[str],
) -> None:
    args = ["lint", write(tmp_path / "request.txt", text), option("--name", name), option("--authority", authority),
            option("--subject", subject), option("--today", today), *mode]
    exits_cleanly(lambda: main(args), capsys)


@EXAMPLES
@given(reply=st.one_of(file_bytes, hostile_or(REPLY)), questions=st.one_of(file_bytes, hostile_or("1. How many visas?")),
       as_json=st.booleans())
def test_read_takes_a_hostile_reply_and_questions_or_refuses_them_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reply: str | bytes, questions: str | bytes, as_json: bool,
) -> None:
    args = ["read", write(tmp_path / "reply.txt", reply), "--questions", write(tmp_path / "questions.txt", questions)]
    exits_cleanly(lambda: main([*args, *(["--json"] if as_json else [])]), capsys)


@EXAMPLES
@given(received=hostile_or("02/01/2024"), request_id=hostile_or("R7K3Q"), public_id=hostile_or("R7K3Q"),
       note=hostile_or("Phoned"), when=json_date, as_json=st.booleans())
def test_deadline_takes_hostile_dates_and_timelines_or_refuses_them_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], received: str, request_id: str, public_id: str, note: str,
    when: str, as_json: bool,
) -> None:
    output = ["--json"] if as_json else []
    exits_cleanly(lambda: main(["deadline", "--law", "foia", option("--received", received), *output]), capsys)
    events = [{"kind": "sent", "date": when}, {"kind": "note", "date": when, "note": note}]
    timeline = write(tmp_path / "timeline.json", json.dumps({**TIMELINE, "id": public_id, "events": events}))
    exits_cleanly(lambda: main(["deadline", "--timeline", timeline, option("--request", request_id), *output]), capsys)
