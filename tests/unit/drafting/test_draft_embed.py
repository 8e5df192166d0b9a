"""The `/draft` messages fit Discord's limits and still say, for each finding, the quote, why, the
source and the rewrite: the three that matter most in the findings message, every one on the pages
Show all sends. Built with real ``discord.Embed`` objects, so ``len(embed)`` is Discord's count.

The request is the PHSO caseworkers request (WhatDoTheyKnow, March 2022), quoted in part.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.drafting import Draft, Finding, Fix, Severity, lint
from bot.law.regimes import Law
from bot.services.drafts import DraftList, DraftRecord, DraftState
from cogs._findings import (
    CONTENT_MAX,
    EMBEDS_TOTAL_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_BUDGET,
    all_findings_messages,
    finding_pages,
    findings_embeds,
    fit,
    numbered,
    top_findings,
)
from cogs._shared import cut
from cogs.drafting import BUTTONS, draft_view, findings_message, letter_reply, list_embed, show_all_label
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


def test_the_phso_findings_show_the_three_that_matter_most_and_every_one_behind_show_all() -> None:
    findings = lint(PHSO_QUESTIONS, CONTENT.lint_context(TODAY))
    assert sum(len(f.why) + len(f.source) + len(f.rewrite) for f in findings) > EMBEDS_TOTAL_MAX  # too much for one message
    message = findings_message(findings, law=Law.FOIA, day=TODAY, record=record())
    within_limits(message)
    # Three different warnings, numbered as in the full list: the second breakdown (2) waits behind Show all.
    [embed] = message["embeds"]
    assert embed.title.startswith("Warnings")
    assert [f.name.split(".")[0] for f in embed.fields] == ["1", "3", "4"]
    assert [f.name.rsplit(" · ", 1)[1] for f in embed.fields] == ["assumed-breakdown", "relative-period", "unbounded-scope"]
    assert "> In the last 3 years" in embed.fields[1].value
    for field, finding in zip(embed.fields, [findings[0], findings[2], findings[3]]):
        assert f"**Rewrite:** {finding.rewrite[:40]}" in field.value and f"**Why:** {finding.why[:40]}" in field.value
    assert "Draft K7Q2M · Caseworkers" in message["content"] and "**\n5 warnings, 4 tips · FOIA" in message["content"]
    assert "The 3 that matter most are shown, numbered as in the full list: **Show all 9 findings** lists every one." in message["content"]
    assert "**Apply fixes** makes the safe edits" in message["content"]
    assert message["view"].children[-1].custom_id == "draft:K7Q2M:all"
    assert message["view"].children[-1].item.label == "Show all 9 findings"

    pages = all_findings_messages(findings, "Draft K7Q2M · Caseworkers")
    for page in pages:
        within_limits(page)
    assert [p["content"].splitlines()[1] for p in pages] == [
        "All 9 findings (5 warnings, 4 tips): 1 to 7, message 1 of 2", "All 9 findings (5 warnings, 4 tips): 8 to 9, message 2 of 2"]
    assert [e.title.split(":")[0] for p in pages for e in p["embeds"]] == ["Warnings", "Tips", "Tips"]
    fields = [f for p in pages for e in p["embeds"] for f in e.fields]
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
    assert fields[2].value == embed.fields[1].value  # the same finding says the same thing in both views


def test_a_request_with_very_many_findings_shows_the_most_serious_three_and_pages_every_one() -> None:
    text = "\n\n".join(
        f"{n}. Why did the council's 'Team {n}' ignore complaints in the last {n + 1} years, and why was nothing done?"
        for n in range(1, 30)
    )
    findings = lint(text, CONTENT.lint_context(TODAY))
    message = findings_message(findings, law=Law.FOIA, day=TODAY, record=record())
    within_limits(message)
    shown = sum(len(e.fields) for e in message["embeds"])
    assert shown == 3 < len(findings)
    assert f"The 3 that matter most are shown, numbered as in the full list: **Show all {len(findings)} findings**" in message["content"]
    assert message["embeds"][0].title.startswith("Problems")
    # Problems beat any warning, even when they are all the same rule: the repeats say "as for 1".
    [problems] = message["embeds"]
    assert [f.name.split(".")[0] for f in problems.fields] == ["1", "2", "3"]
    assert all("**Why:** as for 1." in f.value for f in problems.fields[1:])
    pages = all_findings_messages(findings, "Draft K7Q2M · Caseworkers")
    assert len(pages) > 1
    for page in pages:
        within_limits(page)
    numbers = [int(f.name.split(".")[0]) for p in pages for e in p["embeds"] for f in e.fields]
    assert numbers == list(range(1, len(findings) + 1))


def long_finding(at: int, severity: Severity, rule: str, size: int) -> Finding:
    fix = Fix(at, at, "x", "a fix") if at % 2 else None
    return Finding(rule, severity, (at, at + size), "q*" * size, "A finding with a long message " * 10, "why_" * size,
                   "source " * size, "rewrite " * size, fix)


def test_many_long_findings_are_paged_whole_in_order_within_every_discord_limit() -> None:
    severities = [Severity.PROBLEM] * 20 + [Severity.WARNING] * 50 + [Severity.TIP] * 60
    findings = [long_finding(at, s, f"rule-{at % 7}", 300 + 11 * at) for at, s in enumerate(severities)]
    shown = numbered(findings)
    pages = finding_pages(shown)
    assert [item for page in pages for item in page] == shown  # every finding, once, in order
    for page, after in zip(pages, pages[1:] + [[]]):
        within_limits({"content": "", "embeds": findings_embeds(page)})
        if after:  # a page ends only when the next finding would not fit it: full pages, not one a message
            assert sum(item.size() for item in page + after[:1]) > FIELDS_BUDGET
    assert 20 < len(pages) < 130
    messages = all_findings_messages(findings, "Check")
    assert len(messages) == len(pages)
    last = pages[0][-1].number
    assert messages[0]["content"] == f"**Check**\nAll 130 findings (20 problems, 50 warnings, 60 tips): 1 to {last}, message 1 of {len(pages)}"


def test_short_findings_of_one_severity_fill_at_most_25_fields_a_page() -> None:
    findings = [Finding(f"r{at}", Severity.TIP, (at, at), "", "Short", "why", "src", "fix it") for at in range(60)]
    pages = finding_pages(numbered(findings))
    assert [len(page) for page in pages] == [25, 25, 10]
    for page in pages:
        within_limits({"content": "", "embeds": findings_embeds(page)})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Severity)), st.integers(min_value=0, max_value=1500)), max_size=40))
def test_pages_of_any_findings_keep_them_all_in_order_and_fit_one_message_each(specs: list[tuple[Severity, int]]) -> None:
    findings = sorted((long_finding(at, s, f"rule-{at % 3}", size) for at, (s, size) in enumerate(specs)), key=Finding.sort_key)
    shown = numbered(findings)
    pages = finding_pages(shown)
    assert [item for page in pages for item in page] == shown
    for page in pages:
        assert page
        within_limits({"content": "", "embeds": findings_embeds(page)})
    for message in all_findings_messages(findings, "Check"):
        within_limits(message)


def test_three_findings_or_fewer_need_no_show_all() -> None:
    findings = lint("Why did you close the library?", CONTENT.lint_context(TODAY))
    assert 0 < len(findings) <= 3
    message = findings_message(findings, law=Law.FOIA, day=TODAY, record=record())
    assert "draft:K7Q2M:all" not in [i.custom_id for i in message["view"].children]
    assert "Show all" not in message["content"]
    assert len(top_findings(findings)) == len(findings)


def test_an_expired_check_says_to_run_it_again() -> None:
    findings = lint(PHSO_QUESTIONS, CONTENT.lint_context(TODAY))
    live = findings_message(findings, law=Law.FOIA, day=TODAY)
    assert "**Show all 9 findings** lists every one (for the next 10 minutes)." in live["content"]
    expired = findings_message(findings, law=Law.FOIA, day=TODAY, expired=True)
    assert "The **Show all 9 findings** button has gone: run `/draft check` again to see every one." in expired["content"]
    assert [f.name for e in expired["embeds"] for f in e.fields] == [f.name for e in live["embeds"] for f in e.fields]


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
    [embed] = [e for e in findings_embeds(top_findings(findings)) if e.title.startswith("Problems")]
    assert r"> Why are \*all\* the \_\_bins\_\_ late?" in embed.fields[0].value


def test_a_sent_draft_offers_only_the_preview_and_names_its_request() -> None:
    sent = record(state=DraftState.SENT, request_id="R7K3Q")
    assert [i.custom_id for i in draft_view(sent, fixable=True).children] == ["draft:K7Q2M:preview"]
    assert [i.custom_id for i in draft_view(sent, fixable=True, count=9).children] == ["draft:K7Q2M:preview", "draft:K7Q2M:all"]
    message = findings_message(lint(PHSO_QUESTIONS, sent.lint_context(TODAY)), law=Law.FOIA, day=TODAY, record=sent)
    assert "sent 28 March 2022, tracked as **R7K3Q**: `/request show R7K3Q`" in message["content"]
    assert "Apply fixes" not in message["content"]


def test_every_button_label_fits_discord_and_its_custom_id_fits_100_characters() -> None:
    for action, (label, _) in BUTTONS.items():
        assert len(label) <= 80 and len(f"draft:K7Q2M:{action}") <= 100
    assert len(show_all_label(1000)) <= 80


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

