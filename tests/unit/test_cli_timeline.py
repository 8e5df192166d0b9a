"""``foibot deadline``: every case from the CLI (issue 15): new flags, clarification rounds, and a whole
timeline read from the JSON `/request export` writes, recomputed through the bot's own fold."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.errors import InvalidTransition
from bot.law import Division, Law, RequestFacts
from bot.models import Authority, Event, Request
from bot.services.export import _request_json
from bot.tracking import fold
from bot.tracking.events import EventKind, clean_event_data, why_not
from bot.tracking.fold import TimelineEvent
from bot.tracking.stages import Stage

TODAY = date(2027, 6, 1)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["deadline", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def run_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["deadline", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    return err


# -- the new flags ------------------------------------------------------------------------------


def test_json_names_each_deadline_with_its_title_rule_and_citation(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foia", "--received", "28/03/2022")
    named = data["deadlines"]["response_due"]
    assert named == {
        "date": "2022-04-27",
        "title": "Response due",
        "rule": "20 working days after receipt on Mon 28 March 2022 (day 0)",
        "citation": "FOIA s.10(1)",
    }
    assert isinstance(data["notes"], list)


def test_two_sar_clarification_rounds_from_the_cli_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    # Received Mon 2 Mar 2026; rounds 3-5 Mar and 10-12 Mar stop the clock 3 days each (DUAA 2025 s.76):
    # 2 Apr + 6 = Wed 8 Apr 2026.
    data = run_json(capsys, "--law", "sar", "--received", "2/3/2026",
                    "--clarification", "3/3/2026", "5/3/2026", "--clarification", "10/3/2026", "12/3/2026")
    assert data["response_due"] == "2026-04-08"
    assert any("6 days in all" in n for n in data["notes"])


def test_foi_clarification_rounds_restart_from_the_latest_answer(capsys: pytest.CaptureFixture[str]) -> None:
    # FOIA s.1(3): each answer restarts the 20 working days; the latest arrived Thu 31 Mar 2022 ->
    # Tue 3 May 2022 (Good Friday, Easter Monday and 2 May skipped).
    data = run_json(capsys, "--law", "foia", "--received", "21/03/2022",
                    "--clarification", "22/03/2022", "24/03/2022", "--clarification", "30/03/2022", "31/03/2022")
    assert data["response_due"] == "2022-05-03"


def test_an_open_latest_round_stops_the_clock(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foia", "--received", "21/03/2022", "--clarification", "22/03/2022")
    assert "response_due" not in data and any("Clock stopped" in n for n in data["notes"])


def test_extension_notice_identity_and_promise_flags(capsys: pytest.CaptureFixture[str]) -> None:
    late = run_json(capsys, "--law", "eir", "--received", "6/1/2025", "--extended-to", "3/3/2025", "--extension-notified", "4/2/2025")
    assert late["review_request_by"] == "2025-04-01"  # from Mon 3 Feb: the late notice extended nothing
    sar = run_json(capsys, "--law", "sar", "--received", "3/3/2025", "--identity-requested", "4/3/2025", "--identity-received", "10/3/2025")
    assert sar["response_due"] == "2025-04-10"
    promised = run_json(capsys, "--law", "foia", "--received", "28/03/2022", "--promised-by", "20/04/2022")
    assert promised["authority_promised"] == "2022-04-20"
    assert promised["deadlines"]["authority_promised"]["title"] == "The authority's own date"


def test_a_scottish_school_from_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--law", "foisa", "--division", "scotland", "--school", "--received", "5/6/2023")
    assert data["school_backstop"] == "2023-08-29"
    assert "SSI 2016/346" in data["deadlines"]["school_backstop"]["citation"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--law", "sar", "--received", "2/3/2026", "--clarification", "3/3/2026", "5/3/2026", "6/3/2026"), "one or two dates"),
        (("--law", "sar", "--received", "2/3/2026", "--clarification", "3/3/2026", "--clarification", "10/3/2026"), "must be answered"),
        (("--law", "sar", "--received", "2/3/2026", "--clarification", "5/3/2026", "3/3/2026"), "before it was asked"),
        (("--law", "foia", "--clarification", "3/3/2026", "--clarification-requested", "3/3/2026"), "not both"),
        (("--received", "2/3/2026"), "Give --law"),
        (("--law", "foia", "--request", "R1"), "--timeline"),
    ],
)
def test_bad_combinations_are_one_line_errors(capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str) -> None:
    assert words in run_error(capsys, *args)


# -- timelines ----------------------------------------------------------------------------------


def _write(tmp_path: Path, data: Any) -> str:
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


PHSO_EVENTS = [
    {"kind": "sent", "date": "2022-03-28", "note": None, "details": {}},
    {"kind": "clarification_requested", "date": "2022-03-31", "note": None, "details": {"partial": True}},
    {"kind": "clarification_sent", "date": "2022-03-31", "note": None, "details": {}},
    {"kind": "response", "date": "2022-04-08", "note": None, "details": {"outcome": "partially_successful"}},
]


def test_a_list_of_events_with_the_law_flags(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The PHSO case: responded Fri 8 Apr 2022; ask for a review within 40 working days (s.45 Code):
    # Fri 10 Jun 2022 (Good Friday, Easter Monday, 2 May and 2-3 Jun skipped).
    data = run_json(capsys, "--timeline", _write(tmp_path, PHSO_EVENTS), "--law", "foia")
    assert data["review_request_by"] == "2022-06-10"
    assert data["stage"] == "responded" and data["status"] == "partially_successful"
    assert data["deadlines"]["review_request_by"]["citation"].startswith("FOIA s.45 Code")


def test_an_export_file_with_several_requests_and_one_picked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    export = {"requests": [
        {"id": "RAAAA", "law": "foia", "authority": {"name": "PHSO", "division": "england-and-wales"}, "events": PHSO_EVENTS},
        {"id": "RBBBB", "law": "foisa", "school": True, "authority": {"division": "scotland"},
         "events": [{"kind": "sent", "date": "2023-06-05", "details": {}}]},
    ]}
    path = _write(tmp_path, export)
    both = run_json(capsys, "--timeline", path)
    assert [r["id"] for r in both["requests"]] == ["RAAAA", "RBBBB"]
    school = run_json(capsys, "--timeline", path, "--request", "rbbbb")
    assert school["school_backstop"] == "2023-08-29" and school["response_due"] == "2023-07-03"
    assert main(["deadline", "--timeline", path]) == 0
    text = capsys.readouterr().out
    assert "RAAAA: FOIA" in text and "School backstop (60 working days): Tue 29 August 2023" in text


@pytest.mark.parametrize(
    ("content", "args", "words"),
    [
        ("not json", (), "is not JSON"),
        ([{"kind": "sent"}], ("--law", "foia"), "needs a kind and a date"),
        ([{"kind": "posted", "date": "2022-01-01"}], ("--law", "foia"), "known kinds"),
        ([{"kind": "sent", "date": "28/03/2022"}], ("--law", "foia"), "YYYY-MM-DD"),
        ([{"kind": "sent", "date": "2022-03-28"}], (), "needs --law"),
        ([{"kind": "response", "date": "2022-03-28", "details": {"outcome": "refused"}}], ("--law", "foia"), "Can't record"),
        ({"requests": [{"id": "R1", "law": "foia", "events": []}]}, ("--request", "R2"), "no request"),
        ({"requests": [{"id": "R1", "law": "irish", "events": []}]}, (), "is not one of"),
        ([{"kind": "sent", "date": "2022-03-28"}], ("--law", "foia", "--received", "1/1/2022"), "leave out the date flags"),
    ],
)
def test_bad_timelines_are_one_line_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: Any, args: tuple[str, ...], words: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    assert words in run_error(capsys, "--timeline", str(path), *args)


def test_a_missing_file_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "no file" in run_error(capsys, "--timeline", str(tmp_path / "nope.json"))


# -- the property: an export recomputes to the same deadlines through the CLI -----------------

_STEP_KINDS = [k for k in EventKind if k not in (EventKind.DRAFTED, EventKind.SENT)]


@st.composite
def timelines(draw: st.DrawFn) -> tuple[RequestFacts, list[TimelineEvent]]:
    """A random timeline the fold accepts: each step an event the request's stage allows, with
    details cleaned as the bot stores them."""
    law = draw(st.sampled_from(list(Law)))
    scottish = law in (Law.FOISA, Law.EISR)
    division = Division.SCOTLAND if scottish else draw(st.sampled_from(list(Division)))
    base = RequestFacts(law, division, school=draw(st.booleans()) if law in (Law.FOIA, Law.FOISA) else False)
    day = draw(st.dates(date(2016, 1, 1), date(2026, 6, 1)))
    events = [TimelineEvent(EventKind.SENT, day, {}, None, 0)]
    for seq in range(1, draw(st.integers(0, 7)) + 1):
        folded = fold(base, events, TODAY)
        allowed = [k for k in _STEP_KINDS if why_not(k, folded.stage, folded.facts) is None]
        if not allowed or folded.stage in (Stage.CLOSED, Stage.WITHDRAWN):
            break
        kind = draw(st.sampled_from(allowed))
        day = day + timedelta(days=draw(st.integers(0, 45)))
        raw: dict[str, Any] = {}
        if kind in (EventKind.RESPONSE, EventKind.REVIEW_RESPONSE):
            raw["outcome"] = draw(st.sampled_from(["successful", "partially_successful", "refused", "not_held"]))
        if kind is EventKind.EXTENSION:
            raw["new_date"] = day + timedelta(days=draw(st.integers(1, 60)))
        if kind is EventKind.ACKNOWLEDGED and draw(st.booleans()):
            raw["promised_by"] = day + timedelta(days=draw(st.integers(1, 50)))
        if kind is EventKind.RESPONSE and draw(st.booleans()):
            raw["publication_date"] = day + timedelta(days=draw(st.integers(1, 90)))
            # The law's own future-publication exemption, or another one (no check then names it).
            own = {"foia": "s.22", "foisa": "section 27", "eir": "reg 12(4)(d)", "eisr": "reg 10(4)(d)"}.get(law.value, "")
            raw["exemptions"] = draw(st.sampled_from([own, ""]))
        if kind is EventKind.REMINDER:
            raw["remind_on"] = day + timedelta(days=draw(st.integers(1, 90)))
            raw["about"] = draw(st.sampled_from(["", "they promised publication", "chase them"]))
        if kind is EventKind.CLARIFICATION_REQUESTED:
            raw["partial"] = draw(st.booleans())
        if kind is EventKind.PART_WITHDRAWN:
            raw["questions"] = [draw(st.integers(1, 8))]
        data = clean_event_data(kind, raw, law=law, on=day, today=TODAY)
        candidate = TimelineEvent(kind, day, data, None, seq)
        try:
            fold(base, [*events, candidate], TODAY)
        except InvalidTransition:
            continue
        events.append(candidate)
    return base, events


def _models(base: RequestFacts, events: list[TimelineEvent]) -> tuple[Request, Authority, list[Event]]:
    authority = Authority(id=1, name="Anytown Council", name_key="anytown council", division=base.division.value)
    request = Request(
        id=1, public_id="RPROP1", owner_id=1, authority_id=1, law=base.law.value, title="Property",
        sent_on=events[0].on, school=base.school, visibility="private",
    )
    rows = [Event(id=e.seq + 1, request_id=1, kind=e.kind.value, occurred_on=e.on, data=dict(e.data), note=e.note) for e in events]
    return request, authority, rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(timelines())
def test_an_exported_timeline_recomputes_to_the_same_deadlines_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: tuple[RequestFacts, list[TimelineEvent]]
) -> None:
    base, events = case
    request, authority, rows = _models(base, events)
    folded = fold(base, events, TODAY)
    exported = {"today": TODAY.isoformat(), "requests": [_request_json(request, authority, rows, folded)]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    data = run_json(capsys, "--timeline", str(path))
    expected = {key: {k: v for k, v in d.items()} for key, d in exported["requests"][0]["deadlines"].items()}
    got = {key: {k: d[k] for k in ("date", "rule", "citation")} for key, d in data["deadlines"].items()}
    assert got == expected
    assert data["status"] == exported["requests"][0]["status"]
