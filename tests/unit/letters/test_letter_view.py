"""The `/letter` message, built from a request held in memory (no database, no Discord connection):
Discord's limits on components, the letter inline or as a file, the grounds carried in a custom id,
and the member's paragraph carried in the embed."""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.letters import LetterKind, all_grounds
from bot.models import Authority, Request
from bot.services import letters as service
from bot.services.requests import RequestDetail, base_facts
from bot.tracking import EventKind, TimelineEvent, fold
from cogs.letters import (
    COMPONENTS,
    DocxButton,
    GroundsSelect,
    RecordButton,
    letter_message,
    notes_from,
)
from tests.unit.letters.cases import PHSO, PHSO_QUESTIONS

PID = "R7K3Q"
APRIL_9 = date(2022, 4, 9)


def detail_for(events: list[tuple[EventKind, date, dict[str, Any]]], today: date, *, owner: bool = True,
               law: str = "foia", **fields: Any) -> RequestDetail:
    values: dict[str, Any] = {
        "public_id": PID, "owner_id": 1, "authority_id": 1, "law": law, "title": PHSO["title"],
        "sent_on": date(2022, 3, 28), "requester_name": "Dudley Jones", "reference": PHSO["reference"],
        "questions": "\n".join(f"{n}) {q}" for n, q in enumerate(PHSO_QUESTIONS, 1)),
    }
    values.update(fields)
    request = Request(**values)
    authority = Authority(id=1, name=PHSO["authority"], name_key="phso", division="england-and-wales")
    timeline = [TimelineEvent(EventKind.SENT, request.sent_on, {}, None, 0)]
    timeline += [TimelineEvent(kind, on, data, None, n) for n, (kind, on, data) in enumerate(events, 1)]
    return RequestDetail(request, authority, (), fold(base_facts(request, authority), timeline, today), owner)


PHSO_ANSWERED = [(EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "partially_successful", "unanswered": [3, 6],
                                                         "attachment_missing": True})]


def draft(kind: str = "review", events: list[Any] | None = None, today: date = APRIL_9, **kwargs: Any) -> service.LetterDraft:
    owner = kwargs.pop("owner", True)
    fields = kwargs.pop("fields", {})
    detail = detail_for(PHSO_ANSWERED if events is None else events, today, owner=owner, **fields)
    return service.draft_from_detail(detail, kind, kwargs.pop("grounds", None), today, **kwargs)


def components(view: discord.ui.View) -> list[dict[str, Any]]:
    return [c for row in view.to_components() for c in row["components"]]


def template_of(custom_id: str) -> type:
    return next(cls for cls in COMPONENTS if cls.__discord_ui_compiled_template__.fullmatch(custom_id))  # type: ignore[attr-defined]


async def test_the_review_offers_its_grounds_ticked_a_docx_button_and_the_record_button() -> None:
    message = letter_message(draft(), PHSO["authority"])
    found = components(message.view)
    select, docx, record = found
    assert select["type"] == 3 and select["custom_id"] == f"letter:review:{PID}:grounds"
    assert [(o["value"], o["default"]) for o in select["options"]] == [("partial_answer", True), ("missing_attachment", True)]
    assert (select["min_values"], select["max_values"]) == (0, 2)
    assert docx["label"] == "Download .docx" and docx["custom_id"].startswith(f"letter:review:{PID}:docx:")
    assert record["label"] == "Record: review requested today" and record["custom_id"] == f"letter:review:{PID}:record"
    assert [template_of(c["custom_id"]) for c in found] == [GroundsSelect, DocxButton, RecordButton]


async def test_every_component_fits_discords_limits_whatever_the_request_cites() -> None:
    cited = ["s12", "s14", "s21", "s22", "s30", "s31", "s35", "s36", "s40(2)", "s41", "s42", "s43", "s23", "s27", "s38"]
    events = [(EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "refused", "exemptions": cited, "unanswered": [1],
                                                      "attachment_missing": True})]
    for kind in ("review", "complaint"):
        message = letter_message(draft(kind, events, today=date(2022, 7, 1)), PHSO["authority"])
        for component in components(message.view):
            assert len(component["custom_id"]) <= 100
            for option in component.get("options", []):
                assert len(option["label"]) <= 100 and len(option.get("description") or "") <= 100
            assert len(component.get("options", [])) <= 25
        assert len(message.content) <= 2000 and len(message.embed) <= 6000


async def test_a_letter_that_fits_is_shown_inline_after_the_timing_warnings() -> None:
    chaser = draft("chaser", [], today=date(2022, 4, 29))
    message = letter_message(chaser, PHSO["authority"])
    assert message.file is None and message.content.startswith("```\nSubject: ")
    assert chaser.letter.body.strip() in message.content
    assert [c["custom_id"] for c in components(message.view)] == [f"letter:chaser:{PID}:docx:{service.encode_grounds([])}",
                                                                  f"letter:chaser:{PID}:record"]  # no grounds: no menu

    early = letter_message(draft("chaser", [], today=date(2022, 4, 20)), PHSO["authority"])
    assert early.content.startswith("⚠️ **The response is not late yet: it is due by Wednesday 27 April 2022.")
    assert early.content.index("⚠️") < early.content.index("```") and early.embed.colour == discord.Colour.orange()


async def test_a_long_letter_is_attached_as_a_txt_file_named_after_its_kind_and_request() -> None:
    long = draft("review")
    message = letter_message(long, PHSO["authority"])
    assert len(long.letter.text()) > 2000
    assert message.file is not None and message.file.filename == f"letter-review-{PID}.txt"
    assert message.file.fp.read().decode() == long.letter.text()
    assert "letter-review-R7K3Q.txt" in message.content and "```" not in message.content
    assert message.edit_kwargs()["attachments"] == [message.file]


async def test_member_text_stays_literal_and_a_code_fence_in_it_moves_the_letter_to_a_file() -> None:
    title = "Budget @everyone <@123> **bold** {{ 7*7 }}"
    chaser = draft("chaser", [], today=date(2022, 4, 29), fields={"title": title, "requester_name": None}, signer="*Dee*")
    message = letter_message(chaser, "Council *West* @here")
    # In the code block nothing is markdown or a mention (and the client sends AllowedMentions.none()).
    assert f'"{title}"' in message.content and "{{ 7*7 }}" in chaser.letter.body
    description = str(message.embed.description)
    assert "Council \\*West\\* @here" in description and "Signed “\\*Dee\\*”" in description
    fenced = draft("chaser", [], today=date(2022, 4, 29), fields={"title": "Minutes ``` of the board"})
    assert letter_message(fenced, PHSO["authority"]).file is not None


async def test_the_members_paragraph_travels_in_the_embed_and_is_read_back_exactly() -> None:
    notes = "I mean the *outsourced* activities only.\n\n<@123> @everyone {{ x }}"
    reply = draft("clarification", [(EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 31), {})], today=date(2022, 4, 1),
                  notes=notes)
    message = letter_message(reply, PHSO["authority"])
    assert notes in reply.letter.body
    assert notes_from(SimpleNamespace(embeds=[message.embed])) == notes  # type: ignore[arg-type]
    assert notes_from(SimpleNamespace(embeds=[])) is None  # type: ignore[arg-type]
    with pytest.raises(service.BadInput, match="code fence"):
        draft("review", notes="see ``` here")


async def test_only_the_owner_gets_the_record_button_and_only_when_the_event_can_follow() -> None:
    assert not any(c["custom_id"].endswith(":record") for c in components(letter_message(draft(owner=False), "x").view))
    reviewed = PHSO_ANSWERED + [(EventKind.REVIEW_REQUESTED, APRIL_9, {})]
    assert not draft("review", reviewed, today=date(2022, 4, 10)).can_record
    assert draft("complaint", reviewed, today=date(2022, 6, 20)).can_record


async def test_buttons_rebuilt_after_a_restart_carry_the_same_request_and_grounds() -> None:
    code = service.encode_grounds(["missing_attachment"])
    custom_id = f"letter:review:{PID}:docx:{code}"
    match = DocxButton.__discord_ui_compiled_template__.fullmatch(custom_id)  # type: ignore[attr-defined]
    rebuilt = await DocxButton.from_custom_id(None, None, match)  # type: ignore[arg-type]
    assert (rebuilt.kind, rebuilt.public_id, rebuilt.grounds_code) == ("review", PID, code)
    assert service.decode_grounds(rebuilt.grounds_code) == ["missing_attachment"]
    old = DocxButton.__discord_ui_compiled_template__.fullmatch(f"letter:review:{PID}:docx")  # type: ignore[attr-defined]
    assert (await DocxButton.from_custom_id(None, None, old)).grounds_code is None  # type: ignore[arg-type]


@given(st.sets(st.sampled_from([g.id for g in all_grounds()])))
def test_any_choice_of_grounds_survives_the_custom_id_round_trip(chosen: set[str]) -> None:
    code = service.encode_grounds(chosen)
    assert re.fullmatch(r"[0-9a-z]{3}\.[0-9a-z]{1,20}", code)
    assert service.decode_grounds(code) == [g.id for g in all_grounds() if g.id in chosen]


def test_a_code_from_another_version_of_the_grounds_table_is_not_misread() -> None:
    code = service.encode_grounds(["partial_answer"])
    fingerprint, digits = code.split(".")
    other = "000" if fingerprint != "000" else "001"
    assert service.decode_grounds(f"{other}.{digits}") is None
    too_many = service._to_base36(1 << len(all_grounds()))
    assert service.decode_grounds(f"{fingerprint}.{too_many}") is None
    assert service.decode_grounds("nonsense") is None


def test_every_kind_has_an_event_to_record_and_a_title() -> None:
    from cogs.letters import KIND_TITLES

    assert set(service.LETTER_EVENTS) == set(LetterKind) == set(KIND_TITLES)
    for a, b in combinations(service.LETTER_EVENTS.values(), 2):
        assert a.label != b.label


LETTERS_PAGE = Path(__file__).resolve().parents[3] / "docs" / "members" / "letters.md"


def test_the_letters_page_lists_every_letter_command_and_every_ground_with_its_source() -> None:
    from cogs.letters import Letters

    text = LETTERS_PAGE.read_text(encoding="utf-8")
    for command in Letters.__cog_app_commands__:
        assert f"`/letter {command.name} request:<id>" in text, command.name
    for ground in all_grounds():
        assert f"| `{ground.id}` | {ground.title} |" in text and ground.source in text, ground.id
