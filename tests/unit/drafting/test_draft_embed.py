"""The `/draft` messages fit Discord's limits and still say, for each finding, the quote, why, the
source and the rewrite. Built with real ``discord.Embed`` objects, so ``len(embed)`` is Discord's count.

The request is the PHSO caseworkers request (WhatDoTheyKnow, March 2022), quoted in part.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.drafting import Draft, lint
from bot.law.regimes import Law
from bot.services.drafts import DraftList, DraftRecord, DraftState
from cogs._shared import cut
from cogs.drafting import (
    BUTTONS,
    CONTENT_MAX,
    EMBEDS_TOTAL_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    draft_view,
    findings_embeds,
    findings_message,
    fit,
    letter_reply,
    list_embed,
)
from tests.cases import PHSO_QUESTIONS

TODAY = date(2026, 11, 25)

WELL_SCOPED = (
    "1. How many potholes were reported to the council between 1 April 2025 and 31 March 2026?\n\n"
    "Please send the figures as a spreadsheet (CSV). If answering would exceed the cost limit, please answer what "
    "can be answered and advise me under section 16 how I could narrow the rest. If any of this information is not "
    "held in the form I have asked for, please provide the information you hold that comes closest to it."
)
CONTENT = Draft("Parliamentary and Health Service Ombudsman", "Caseworkers", PHSO_QUESTIONS, "Dudley Jones", Law.FOIA)
STAMP = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)


def record(content: Draft = CONTENT, *, state: DraftState = DraftState.OPEN, request_id: str | None = None) -> DraftRecord:
    sent_on = date(2022, 3, 28) if state is DraftState.SENT else None
    return DraftRecord("K7Q2M", 111, content, state, request_id, sent_on, STAMP, STAMP)


def within_limits(message: dict) -> None:
    embeds = message["embeds"]
    assert len(message["content"]) <= CONTENT_MAX
    assert len(embeds) <= 10 and sum(len(e) for e in embeds) <= EMBEDS_TOTAL_MAX
    for embed in embeds:
        assert len(embed.fields) <= 25 and len(embed.title or "") <= 256
        for field in embed.fields:
            assert 0 < len(field.name) <= FIELD_NAME_MAX and 0 < len(field.value) <= FIELD_VALUE_MAX


def test_the_phso_findings_are_grouped_by_severity_each_with_quote_why_source_and_rewrite() -> None:
    findings = lint(PHSO_QUESTIONS, CONTENT.lint_context(TODAY))
    assert sum(len(f.why) + len(f.source) + len(f.rewrite) for f in findings) > EMBEDS_TOTAL_MAX  # too much to show whole
    message = findings_message(findings, law=Law.FOIA, day=TODAY, record=record())
    within_limits(message)
    embeds = message["embeds"]
    assert [e.title.split(":")[0] for e in embeds] == ["Warnings", "Tips"]
    fields = [f for e in embeds for f in e.fields]
    assert len(fields) == len(findings)
    first: dict[str, int] = {}
    for number, (field, finding) in enumerate(zip(fields, findings), start=1):
        assert field.name.startswith(f"{number}. ") and finding.rule_id in field.name
        assert "**Rewrite:** " + finding.rewrite[:40] in field.value
        if finding.rule_id in first:  # the same rule again: why and sources are not repeated
            assert f"**Why:** as for {first[finding.rule_id]}." in field.value and "**Source:**" not in field.value
            continue
        first[finding.rule_id] = number
        assert "**Why:** " + finding.why[:40] in field.value
        assert "**Source:** " + finding.source[:25] in field.value
        assert ("Apply fixes does this for you" in field.value) is (finding.fix is not None)
    assert "> In the last 3 years" in fields[2].value
    assert "Draft K7Q2M · Caseworkers" in message["content"] and "**\n5 warnings, 4 tips · FOIA" in message["content"]
    assert "**Apply fixes** makes the safe edits" in message["content"]


def test_a_request_with_very_many_findings_shows_the_most_serious_and_says_how_many_are_left() -> None:
    text = "\n\n".join(
        f"{n}. Why did the council's 'Team {n}' ignore complaints in the last {n + 1} years, and why was nothing done?"
        for n in range(1, 30)
    )
    findings = lint(text, CONTENT.lint_context(TODAY))
    message = findings_message(findings, law=Law.FOIA, day=TODAY, record=record())
    within_limits(message)
    shown = sum(len(e.fields) for e in message["embeds"])
    assert shown < len(findings)
    assert f"The first {shown} of {len(findings)} are shown" in message["content"]
    assert message["embeds"][0].title.startswith("Problems")


def test_a_well_scoped_request_says_there_is_nothing_to_change() -> None:
    findings = lint(WELL_SCOPED, CONTENT.lint_context(TODAY))
    assert findings == []
    message = findings_message(findings, law=Law.FOIA, day=TODAY, record=record(CONTENT.with_changes(questions=WELL_SCOPED)))
    assert message["embeds"] == []
    assert "No findings: nothing to change. Preview the letter, send it, then press **Mark as sent**." in message["content"]
    assert [i.custom_id for i in message["view"].children] == ["draft:K7Q2M:fix", "draft:K7Q2M:edit", "draft:K7Q2M:preview", "draft:K7Q2M:sent"]
    assert message["view"].children[0].item.disabled  # nothing to fix


def test_check_has_no_buttons_and_points_to_draft_new() -> None:
    findings = lint("Why did you close the library?", CONTENT.lint_context(TODAY))
    message = findings_message(findings, law=Law.EIR, day=TODAY)
    assert "view" not in message
    assert message["content"].startswith("**Check**") and " · EIR · to be sent 25 November 2026" in message["content"]
    assert "use `/draft new`" in message["content"]


def test_markdown_in_the_members_text_is_shown_as_written() -> None:
    findings = lint("Why are *all* the __bins__ late?", CONTENT.lint_context(TODAY))
    [embed] = [e for e in findings_embeds(findings)[0] if e.title.startswith("Problems")]
    assert r"> Why are \*all\* the \_\_bins\_\_ late?" in embed.fields[0].value


def test_a_sent_draft_offers_only_the_preview_and_names_its_request() -> None:
    sent = record(state=DraftState.SENT, request_id="R7K3Q")
    assert [i.custom_id for i in draft_view(sent, fixable=True).children] == ["draft:K7Q2M:preview"]
    message = findings_message(lint(PHSO_QUESTIONS, sent.lint_context(TODAY)), law=Law.FOIA, day=TODAY, record=sent)
    assert "sent 28 March 2022, tracked as **R7K3Q**: `/request show R7K3Q`" in message["content"]
    assert "Apply fixes" not in message["content"]


def test_every_button_label_fits_discord_and_its_custom_id_fits_100_characters() -> None:
    for action, (label, _) in BUTTONS.items():
        assert len(label) <= 80 and len(f"draft:K7Q2M:{action}") <= 100


def test_a_short_letter_is_inline_and_a_long_one_or_one_with_backticks_is_a_file() -> None:
    short = "25 November 2026\n\nDear Council,\n\n1. How many?\n\nYours faithfully,\n\nDudley Jones\n"
    content, file = letter_reply("K7Q2M", short)
    assert file is None and content.endswith("```\n" + short.strip() + "\n```") and len(content) <= CONTENT_MAX
    long_letter = short + "x" * 2000
    content, file = letter_reply("K7Q2M", long_letter)
    assert file is not None and file.filename == "request-K7Q2M.txt" and "2,0" in content
    assert file.fp.read().decode() == long_letter
    _, file = letter_reply("K7Q2M", short.replace("How many?", "How many ```x```?"))
    assert file is not None


@pytest.mark.parametrize(
    ("parts", "room", "expected"),
    [
        (["abc", "defg"], 10, ["abc", "defg"]),
        (["a" * 10, "b" * 100, "c" * 3], 40, ["a" * 10, "b" * 26 + "…", "c" * 3]),
        (["a" * 50, "b" * 50], 20, ["a" * 9 + "…", "b" * 9 + "…"]),
    ],
)
def test_fit_shortens_the_longest_parts_first(parts: list[str], room: int, expected: list[str]) -> None:
    assert fit(parts, room) == expected


@given(st.lists(st.text(max_size=300), min_size=1, max_size=5), st.integers(min_value=10, max_value=1500),
       st.lists(st.integers(min_value=1, max_value=3), min_size=5, max_size=5))
def test_fit_keeps_what_fits_and_otherwise_never_exceeds_its_room(parts: list[str], room: int, weights: list[int]) -> None:
    fitted = fit(parts, room, weights[: len(parts)])
    if sum(len(p) for p in parts) <= room:
        assert fitted == parts
        return
    assert sum(len(p) for p in fitted) <= room
    for before, after in zip(parts, fitted):
        assert after == before or after == "" or (after.endswith("…") and before.startswith(after[:-1]))


def test_cut_never_leaves_half_an_escape() -> None:
    assert cut(r"abc\*def", 5) == "abc…"
    assert cut("abcdef", 6) == "abcdef" and len(cut("abcdefgh", 6)) == 6


def test_the_list_shows_state_and_request_and_stays_within_a_description() -> None:
    items = [record(CONTENT.with_changes(subject=f"Subject {n} " + "x" * 190)) for n in range(25)]
    items[0] = record(state=DraftState.SENT, request_id="R7K3Q")
    embed = list_embed(DraftList(tuple(items), 40))
    assert len(embed.description) <= 4096 and "`K7Q2M` **Caseworkers**" in embed.description
    assert "tracked as `R7K3Q`" in embed.description and "older drafts" in embed.description
    assert embed.footer.text.startswith("40 drafts")
    assert "No drafts yet" in list_embed(DraftList((), 0)).description

