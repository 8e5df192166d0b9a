"""`/draft check` through real interactions: the three findings that matter most, a Show all
button that sends every finding privately, and, once the button has gone, a message that says
to run the check again. The text is the PHSO caseworkers request (WhatDoTheyKnow, March 2022)."""

from __future__ import annotations

import re
import sys

import pytest

from tests.cases import PHSO_QUESTIONS
from tests.cogs.conftest import StartBot
from tests.fakediscord import FakeDiscord, FakeMessage
from tests.fakediscord.models import walk_components


def numbers(message: FakeMessage) -> list[int]:
    return [int(field["name"].split(".")[0]) for embed in message.embeds for field in embed.get("fields", [])]


def button(message: FakeMessage, custom_id: str) -> dict:
    return next(c for c in walk_components(message.components) if c.get("custom_id") == custom_id)


async def test_check_shows_the_three_that_matter_most_and_show_all_sends_every_finding_privately(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot()
    checked = await (await fake.slash("draft check", {"text": PHSO_QUESTIONS})).reply()
    # No authority and no signature in a check: the acronym and the missing name are tips too.
    assert checked.ephemeral and checked.text.startswith("**Check**\n5 warnings, 6 tips · FOIA")
    assert numbers(checked) == [1, 3, 4]  # three rules, numbered as in the full list; 2 repeats 1
    assert "assumed-breakdown" in checked.text and "relative-period" in checked.text and "unbounded-scope" in checked.text
    assert "**Show all 11 findings** lists every one (for the next 10 minutes)" in checked.text
    assert checked.custom_ids() == ["draft:check:all"] and button(checked, "draft:check:all")["label"] == "Show all 11 findings"

    pressed = await fake.click(checked, "draft:check:all")
    pages = await pressed.followups(2)
    assert all(page.ephemeral for page in pages) and len(pressed.followup_ids) == 2
    assert [n for page in pages for n in numbers(page)] == list(range(1, 12))  # every one, in order, once
    last = numbers(pages[0])[-1]
    assert pages[0].text.startswith(f"**Check**\nAll 11 findings (5 warnings, 6 tips): 1 to {last}, message 1 of 2")
    assert pages[1].text.startswith(f"**Check**\nAll 11 findings (5 warnings, 6 tips): {last + 1} to 11, message 2 of 2")
    assert "**Why:** as for 1." in pages[0].text  # the second breakdown, shown now, points at the first
    everything = "\n".join(page.text for page in pages)
    for rule in ("no-advice-request", "no-format-preference", "undefined-term", "compound-question", "no-signature"):
        assert rule in everything and rule not in checked.text
    # Pressed again, it answers again: the findings stay until the button times out.
    again = await (await fake.click(checked, "draft:check:all")).followups(2)
    assert [numbers(page) for page in again] == [numbers(page) for page in pages]
    fake.assert_no_tracebacks()


async def test_a_check_with_three_findings_or_fewer_has_no_show_all(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    text = "1. How many potholes were reported between 1 April 2025 and 31 March 2026?\n\nYours faithfully,\nSam Jones"
    checked = await (await fake.slash("draft check", {"text": text})).reply()
    assert 0 < len(numbers(checked)) <= 3 and checked.custom_ids() == []
    assert "Show all" not in checked.text


async def test_when_show_all_times_out_the_check_says_to_run_it_again(
    fake: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    await start_bot()  # loading the extension runs cogs/drafting.py afresh: the bot's copy is in sys.modules
    monkeypatch.setattr(sys.modules["cogs.drafting"], "CHECK_TIMEOUT", 0.5)  # ten minutes in use; half a second here
    checked = await (await fake.slash("draft check", {"text": PHSO_QUESTIONS})).reply()
    assert checked.custom_ids() == ["draft:check:all"]

    def expired() -> FakeMessage | None:
        message = fake.messages[checked.id]
        return message if message.custom_ids() == [] else None

    after = await fake.wait_for(expired, 5.0, what="the check's Show all to expire")
    assert "The **Show all 11 findings** button has gone: run `/draft check` again to see every one." in after.text
    assert numbers(after) == [1, 3, 4]  # the three stay
    assert not re.search(r"for the next \d+ minutes", after.text)
    fake.assert_no_tracebacks()
