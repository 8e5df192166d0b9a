"""`/draft` end to end: the real bot process, its SQLite file and the fake Discord.

The draft is the PHSO caseworkers request as first written (WhatDoTheyKnow, "Number of caseworkers
employed by the PHSO and length of time taken to respond to complaints", sent 28 March 2022),
quoted below. The acknowledgement said: "We aim to issue a full response by 27 April 2022".
"""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.clock import UK
from bot.db import Database
from bot.models import Draft, Request
from tests.e2e.bot_process import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_models import FakeMessage, walk_components
from tests.cases import PHSO_QUESTIONS

pytestmark = pytest.mark.e2e

PHSO = "Parliamentary and Health Service Ombudsman"
QUESTIONS = PHSO_QUESTIONS
FORM = {"authority": PHSO, "subject": "Caseworkers", "questions": QUESTIONS, "requester_name": "Dudley Jones"}


def stamp(day: date, style: str = "D") -> str:
    """How the bot writes a date: a Discord timestamp at noon UK time."""
    return f"<t:{int(datetime.combine(day, time(12), tzinfo=UK).timestamp())}:{style}>"


def inputs(form: dict) -> dict[str, dict]:
    return {c["custom_id"]: c for c in walk_components(form["components"]) if c.get("type") == 4}


async def counts(url: str) -> tuple[int, int, list[tuple[str, str]]]:
    db = Database(url)
    try:
        async with db.session() as session:
            drafts = (await session.exec(select(func.count()).select_from(Draft))).one()
            requests = (await session.exec(select(func.count()).select_from(Request))).one()
            states = (await session.exec(select(Draft.public_id, Draft.state).order_by(Draft.id))).all()
            return drafts, requests, [tuple(s) for s in states]  # type: ignore[misc]
    finally:
        await db.dispose()


async def new_draft(fake: FakeDiscord, **changes: str) -> tuple[str, FakeMessage]:
    opened = await fake.slash("draft new", {"law": "foia"})
    form = await opened.modal()
    assert form["title"] == "New FOIA request" and set(inputs(form)) == set(FORM)
    findings = await (await fake.submit_modal(opened, {**FORM, **changes})).reply()
    assert findings.ephemeral and "Saved as draft" in findings.text
    return re.search(r"Saved as draft \*\*(\w{5})\*\*", findings.content).group(1), findings  # type: ignore[union-attr]


async def test_a_weak_request_becomes_a_tracked_request_and_its_buttons_survive_a_restart(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    bot = await bot_process()
    draft_id, findings = await new_draft(fake_discord)
    # What a careful FOI officer would pick at: the three that matter most, with why, source and
    # rewrite, numbered as in the full list (2 is the same breakdown again), the rest behind Show all.
    assert "5 warnings, 4 tips · FOIA" in findings.text
    assert "> In the last 3 years" in findings.text and "relative-period" in findings.text
    assert "**Why:** " in findings.text and "**Source:** " in findings.text and "**Rewrite:** " in findings.text
    assert [f["name"].split(".")[0] for e in findings.embeds for f in e["fields"]] == ["1", "3", "4"]
    assert "The 3 that matter most are shown, numbered as in the full list: **Show all 9 findings** lists every one." in findings.text
    buttons = [f"draft:{draft_id}:{a}" for a in ("fix", "edit", "preview", "sent")]
    show_all = f"draft:{draft_id}:all"
    assert findings.custom_ids() == [*buttons, show_all] and findings.component(show_all)["label"] == "Show all 9 findings"

    # Show all: every finding, privately, in as many messages as Discord's limits need.
    pressed = await fake_discord.click(findings, show_all)
    pages = await pressed.followups(2)
    assert all(page.ephemeral for page in pages) and findings.custom_ids() == [*buttons, show_all]  # the draft's message stays
    fields = [f for page in pages for e in page.embeds for f in e["fields"]]
    assert [f["name"].split(".")[0] for f in fields] == [str(n) for n in range(1, 10)]
    everything = "\n".join(page.text for page in pages)
    for rule in ("assumed-breakdown", "relative-period", "unbounded-scope", "compound-question", "undefined-term",
                 "no-advice-request", "no-format-preference"):
        assert rule in everything, rule
    assert "**Why:** as for 1." in fields[1]["value"] and pages[0].text.startswith(f"**Draft {draft_id} · Caseworkers**\nAll 9 findings")

    fixed = await (await fake_discord.click(findings, buttons[0])).reply()
    assert fixed.id == findings.id and "Applied the safe fixes" in fixed.text
    assert "relative-period" not in fixed.text and "compound-question" not in fixed.text
    assert fixed.component(buttons[0])["disabled"]  # nothing left to fix automatically
    assert "2 warnings, 2 tips" in fixed.text and fixed.component(show_all)["label"] == "Show all 4 findings"
    [left] = await (await fake_discord.click(fixed, show_all)).followups()  # what is left fits one message
    assert left.text.startswith(f"**Draft {draft_id} · Caseworkers**\nAll 4 findings (2 warnings, 2 tips): 1 to 4")

    # Edit opens the form again, filled with the fixed draft; saving updates the same message.
    opened = await fake_discord.click(fixed, buttons[1])
    form = inputs(await opened.modal())
    assert form["authority"]["value"] == PHSO and form["requester_name"]["value"] == "Dudley Jones"
    assert re.search(r"Between \d{1,2} \w+ \d{4} and \d{1,2} \w+ \d{4}, how many case investigations", form["questions"]["value"])
    edited = await (await fake_discord.submit_modal(opened, {"subject": "Number of caseworkers employed by the PHSO"})).reply()
    assert edited.id == findings.id and "Saved your changes" in edited.text and "Number of caseworkers employed by the PHSO" in edited.text

    preview = await (await fake_discord.click(edited, buttons[2])).reply()
    assert preview.ephemeral
    letter = preview.files[f"request-{draft_id}.txt"].decode()  # over 2,000 characters: a file
    assert "Dear Parliamentary and Health Service Ombudsman," in letter and letter.rstrip().endswith("Dudley Jones")
    assert "10. What is the name of the outsourcing company?" in letter and "In the last 3 years" not in letter

    # Mark as sent: a malformed date first (nothing changes), then the day it was sent.
    opened = await fake_discord.click(edited, buttons[3])
    form = inputs(await opened.modal())
    assert form["title"]["value"] == "Number of caseworkers employed by the PHSO"
    refused = await (await fake_discord.submit_modal(opened, {"sent_on": "31/02/2022"})).reply()
    assert refused.ephemeral and "February 2022 has no day 31" in refused.text
    empty = await (await fake_discord.slash("request list")).reply()
    assert "No requests" in empty.text
    opened = await fake_discord.click(edited, buttons[3])
    sent = await (await fake_discord.submit_modal(opened, {"sent_on": "28/03/2022"})).reply()
    assert sent.ephemeral
    request_id = re.search(r"tracked as request \*\*(\w{5})\*\*", sent.content).group(1)  # type: ignore[union-attr]
    # FOIA s.10(1): 20 working days after Monday 28 March 2022, skipping Good Friday and Easter Monday.
    assert f"**Response due: {stamp(date(2022, 4, 27))}**" in sent.text and "s.10(1)" in sent.text
    assert f"/request show {request_id}" in sent.text

    listed = await (await fake_discord.slash("request list")).reply()
    assert request_id in listed.text and "Number of caseworkers employed by the PHSO" in listed.text
    assert stamp(date(2022, 4, 27)) in listed.text

    # After a restart the buttons on the first message still answer: the preview, dated the day it was sent,
    await bot.restart()
    again = await (await fake_discord.click(findings, buttons[2])).reply()
    assert again.files[f"request-{draft_id}.txt"].decode().startswith("28 March 2022")
    # Show all on the first message lists the findings of the draft as it is now (after the fixes),
    now = await (await fake_discord.click(findings, show_all)).reply()
    assert now.ephemeral and "All 4 findings (2 warnings, 2 tips): 1 to 4" in now.text and "relative-period" not in now.text
    # and Edit says it was sent and where to find it, instead of opening a form.
    stale = await (await fake_discord.click(findings, buttons[1])).reply()
    assert stale.ephemeral and "already marked as sent" in stale.text and f"/request show {request_id}" in stale.text
    shown = await (await fake_discord.slash("draft open", {"draft": draft_id})).reply()
    assert f"tracked as **{request_id}**" in shown.text and shown.custom_ids() == [buttons[2], show_all]
    fake_discord.assert_no_tracebacks()
    fake_discord.assert_no_unknown_routes()


async def test_drafts_are_private_and_bad_input_changes_nothing(fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    await bot_process(database_url=url)
    draft_id, findings = await new_draft(fake_discord, questions="Why does it take so long to fix potholes in Southville?",
                                         authority="Bristol City Council", subject="Potholes", requester_name="Sam")
    assert "2 problems, 2 tips" in findings.text and "explanation-not-information" in findings.text and "missing-name" in findings.text
    before = await counts(url)
    assert before == (1, 0, [(draft_id, "open")])
    bob = fake_discord.bob

    # Another member with alice's buttons (a forwarded copy): "not found", privately, and no form.
    leaked = fake_discord.new_message(fake_discord.guild.channel("general"), kind="channel")
    leaked.components = copy.deepcopy(findings.components)
    assert findings.custom_ids()[-1] == f"draft:{draft_id}:all"  # 4 findings: one more than the message shows
    for action in ("fix", "edit", "preview", "sent", "all"):
        reply = await (await fake_discord.click(leaked, f"draft:{draft_id}:{action}", user=bob)).reply()
        assert reply.ephemeral and f"No draft {draft_id} among your drafts" in reply.text, action
    for command in ("draft open", "draft delete"):
        reply = await (await fake_discord.slash(command, {"draft": draft_id}, user=bob)).reply()
        assert reply.ephemeral and f"No draft {draft_id} among your drafts" in reply.text
    assert await (await fake_discord.autocomplete("draft open", "draft", "pot", user=bob)).choices() == []
    mine = await (await fake_discord.autocomplete("draft open", "draft", "pot")).choices()
    assert [c["value"] for c in mine] == [draft_id]

    # A first name alone can't go on a letter; an unknown id is not found; a future date is refused.
    preview = await (await fake_discord.click(findings, f"draft:{draft_id}:preview")).reply()
    assert preview.ephemeral and "\"Sam\" does not look like a full real name" in preview.text
    unknown = await (await fake_discord.slash("draft open", {"draft": "ZZZZZ"})).reply()
    assert "No draft ZZZZZ among your drafts" in unknown.text
    opened = await fake_discord.click(findings, f"draft:{draft_id}:sent")
    future = await (await fake_discord.submit_modal(opened, {"sent_on": "01/01/2030"})).reply()
    assert future.ephemeral and "is in the future" in future.text
    assert await counts(url) == before

    checked = await (await fake_discord.slash("draft check", {"text": "Please send me all information about the new bus lanes.", "law": "eir"})).reply()
    assert checked.ephemeral and checked.text.startswith("**Check**") and "unbounded-scope" in checked.text
    assert checked.custom_ids() == ["draft:check:all"] and "· EIR ·" in checked.text  # 4 findings: Show all
    every = await (await fake_discord.click(checked, "draft:check:all")).reply()
    assert every.ephemeral and every.text.startswith("**Check**\nAll 4 findings") and "unbounded-scope" in every.text

    listed = await (await fake_discord.slash("draft list")).reply()
    assert listed.ephemeral and f"`{draft_id}` **Potholes** · Bristol City Council" in listed.text and "Open" in listed.text

    asked = await (await fake_discord.slash("draft delete", {"draft": draft_id})).reply()
    assert asked.ephemeral and "can't be undone" in asked.text
    kept = await (await fake_discord.click(asked, f"draft:{draft_id}:keep")).reply()
    assert f"Kept draft {draft_id}" in kept.text and await counts(url) == before
    asked = await (await fake_discord.slash("draft delete", {"draft": draft_id})).reply()
    deleted = await (await fake_discord.click(asked, f"draft:{draft_id}:delete")).reply()
    assert f"Deleted draft {draft_id}" in deleted.text and await counts(url) == (0, 0, [])
    fake_discord.assert_no_tracebacks()
