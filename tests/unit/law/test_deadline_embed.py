"""The ``/deadline`` reply, built without Discord: embed fields, the count, the persistent button."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import discord
import pytest
from discord.ext import commands

import cogs.deadlines as cog
from bot.law import Division, Law


def embed_for(law: Law, received: date, division: Division = Division.ENGLAND_AND_WALES) -> discord.Embed:
    return cog.deadline_embed(cog.report_for(law, division, received), received)


def fields(embed: discord.Embed) -> dict[str, str]:
    return {f.name or "": f.value or "" for f in embed.fields}


def test_phso_embed_shows_the_due_date_with_discord_timestamps() -> None:
    embed = embed_for(Law.FOIA, date(2022, 3, 28))
    assert embed.title == "FOIA response due Wed 27 April 2022"
    stamp = int(datetime(2022, 4, 27, 11, 0, tzinfo=timezone.utc).timestamp())  # noon BST
    assert f"<t:{stamp}:D>" in (embed.description or "")
    assert f"<t:{stamp}:R>" in (embed.description or "")


def test_embed_says_what_counts_and_names_the_skipped_days() -> None:
    counts = fields(embed_for(Law.FOIA, date(2022, 3, 28)))["What counts"]
    assert "20 working days after receipt on Mon 28 March 2022 (day 0)" in counts
    assert "Good Friday" in counts and "Easter Monday (England, Wales and Northern Ireland)" in counts
    assert "anywhere in the UK" in counts
    assert "FOIA s.10(1)" in counts


def test_embed_gives_the_review_and_complaint_windows_that_follow() -> None:
    got = fields(embed_for(Law.FOIA, date(2022, 3, 28)))
    assert "40 working days of the response" in got["Review"]
    assert "6 weeks" in got["Regulator (ICO)"]
    scottish = fields(embed_for(Law.FOISA, date(2022, 3, 28), Division.SCOTLAND))
    assert "after the 20 working days for the response end" in scottish["Review"]
    assert "6 months" in scottish["Regulator (SIC)"]
    assert "Easter Monday is a working day" in scottish["What counts"]


def test_sar_embed_explains_there_is_no_statutory_review() -> None:
    got = fields(embed_for(Law.SAR, date(2024, 1, 31), Division.SCOTLAND))
    assert "no statutory internal review" in got["Review"]
    assert "3 months" in got["Regulator (ICO)"]


def test_saturday_receipt_shows_the_later_reading_once() -> None:
    embed = embed_for(Law.FOIA, date(2022, 3, 26))
    got = fields(embed)
    assert "Received on a non-working day" in got
    assert "Received on a non-working day" not in got.get("Good to know", "")


def test_embed_fits_discords_limits() -> None:
    for law in Law:
        for division in Division:
            embed = embed_for(law, date(2022, 12, 24), division)
            assert len(embed) <= 6000
            assert all(len(f.value or "") <= 1024 for f in embed.fields)


def test_count_message_lists_the_counted_days_and_skipped_holidays() -> None:
    report = cog.report_for(Law.FOIA, Division.ENGLAND_AND_WALES, date(2022, 3, 28))
    text = cog.count_message(report, date(2022, 3, 28))
    assert "Days 1-4: Tue 29 Mar - Fri 1 Apr" in text
    assert "Days 14-17: Tue 19 Apr - Fri 22 Apr" in text
    assert "• Fri 15 April 2022: Good Friday" in text
    assert "Due: **Wed 27 April 2022**" in text
    assert len(text) <= 2000


def test_count_message_for_a_sar_shows_the_roll() -> None:
    report = cog.report_for(Law.SAR, Division.ENGLAND_AND_WALES, date(2024, 11, 25))
    text = cog.count_message(report, date(2024, 11, 25))
    assert "rolled from Wed 25 December 2024" in text
    assert "Boxing Day" in text


def test_the_button_custom_id_encodes_the_inputs_and_round_trips() -> None:
    button = cog.ShowCountButton(Law.FOIA, Division.NORTHERN_IRELAND, date(2022, 3, 28))
    custom_id = button.item.custom_id
    assert custom_id == "deadline:count:foia:northern-ireland:2022-03-28"
    assert len(custom_id) <= 100
    match = re.fullmatch(cog.ShowCountButton.__discord_ui_compiled_template__, custom_id)
    assert match is not None
    assert match["law"] == "foia" and match["division"] == "northern-ireland" and match["received"] == "2022-03-28"


async def test_from_custom_id_rebuilds_the_button_after_a_restart() -> None:
    match = re.fullmatch(cog.ShowCountButton.__discord_ui_compiled_template__, "deadline:count:sar:scotland:2024-10-30")
    assert match is not None
    rebuilt = await cog.ShowCountButton.from_custom_id(None, None, match)  # type: ignore[arg-type]
    assert (rebuilt.law, rebuilt.division, rebuilt.received) == (Law.SAR, Division.SCOTLAND, date(2024, 10, 30))


def test_a_tampered_custom_id_does_not_match() -> None:
    assert re.fullmatch(cog.ShowCountButton.__discord_ui_compiled_template__, "deadline:count:gdpr:scotland:2024-10-30") is None


async def test_setup_registers_the_command_and_the_dynamic_button() -> None:
    registered: list[type] = []

    class RecordingBot(commands.Bot):
        def add_dynamic_items(self, *items: type) -> None:  # type: ignore[override]
            registered.extend(items)
            super().add_dynamic_items(*items)  # type: ignore[arg-type]

    bot = RecordingBot(command_prefix="!", intents=discord.Intents.none())
    await cog.setup(bot)  # type: ignore[arg-type]
    command = bot.tree.get_command("deadline")
    assert command is not None
    names = {p.name: p for p in command.parameters}  # type: ignore[union-attr]
    assert set(names) == {"received", "law", "where"}
    assert names["received"].required and names["law"].required and not names["where"].required
    assert {c.value for c in names["law"].choices} == {"foia", "eir", "foisa", "eisr", "sar"}
    assert {c.value for c in names["where"].choices} == {"england-and-wales", "scotland", "northern-ireland"}
    assert registered == [cog.ShowCountButton]


@pytest.mark.parametrize("day", [date(2022, 3, 27), date(2022, 10, 30)])
def test_a_due_date_is_shown_as_noon_uk_time_whatever_the_clock_change(day: date) -> None:
    # Noon UK time is the same calendar day for readers from UTC-11 to UTC+11.
    moment = datetime.combine(day, time(12), tzinfo=ZoneInfo("Europe/London"))
    assert f"<t:{int(moment.timestamp())}:D>" in cog.discord_date(day)