"""``/deadline``: when an answer is owed, for anyone, in servers and DMs.

Thin: it reads the options, calls ``bot.law`` and formats the result. The formatting lives in
small pure functions (``deadline_embed``, ``count_message``) so unit tests can check them without
Discord. The "Show the count" button is a ``DynamicItem`` whose ``custom_id`` carries the inputs
(``deadline:count:foia:england-and-wales:2022-03-28``), so it keeps working after a restart.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FoiView, Interaction
from bot.clock import uk_today
from bot.law import Division, Law, RequestFacts, calendar_for, compute_deadlines, parse_user_date, regime
from bot.law.counting import long_date, sentence
from bot.law.deadlines import NON_WORKING_RECEIPT_NOTE, DeadlineKey, DeadlineReport
from bot.law.explain import REVIEW_ANCHOR_WORDS, count_runs, skipped_line, whose_holidays
from bot.law.regimes import DIVISION_NAMES, REGIMES, CalendarKind, Unit
from cogs._shared import cut, stamp

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)

# Discord embed limits: title 256, field value 1024, footer 2048 characters.
_TITLE_MAX, _FIELD_MAX, _FOOTER_MAX, _MESSAGE_MAX = 256, 1024, 2048, 2000

# One choice per law entry, named as the entry names itself in menus.
LAW_CHOICES = [app_commands.Choice(name=entry.choice_label, value=entry.law.value) for entry in REGIMES.values()]
WHERE_CHOICES = [app_commands.Choice(name=name, value=division.value) for division, name in DIVISION_NAMES.items()]


def discord_date(day: date) -> str:
    """``<t:…:D> (<t:…:R>)``: the date in each reader's own format, and how far away it is
    (the same moment every cog uses for a date: see ``cogs._shared.stamp``)."""
    return f"{stamp(day, 'D')} ({stamp(day, 'R')})"


def _windows_text(report: DeadlineReport) -> tuple[str, str]:
    """What follows the response: the review window and the regulator's window, in words."""
    assert report.law is not None
    r = regime(report.law)
    if r.review_window is None or r.review_period is None:
        review = r.no_review_note
    else:
        review = (
            f"Ask for {r.review_name} within {r.review_window.describe()} {REVIEW_ANCHOR_WORDS[r.review_anchor]} "
            f"({r.review_window.citation}). It is due {r.review_period.describe()} after they get it"
        )
        if r.review_period_max is not None:
            review += f", {r.review_period_max.describe()} at most"
        review += f" ({r.review_period.citation})."
    complaint = f"Then {r.complaint_rule} ({r.complaint_window.citation})."
    return review, complaint


def deadline_embed(report: DeadlineReport, received: date) -> discord.Embed:
    """The reply to ``/deadline``: the due date, what counts, and the windows that follow."""
    assert report.law is not None
    r = regime(report.law)
    division = report.division or Division.ENGLAND_AND_WALES
    due = report.get(DeadlineKey.RESPONSE_DUE)
    if due is None:
        embed = discord.Embed(title=cut(f"{r.short}: no due date yet", _TITLE_MAX), colour=discord.Colour.orange())
    else:
        embed = discord.Embed(
            title=cut(f"{r.short} response due {long_date(due.due)}", _TITLE_MAX),
            description=f"{discord_date(due.due)}\n{r.title}",
            colour=discord.Colour.blurple(),
        )
        counts = (
            f"{sentence(due.rule)} [{due.citation}]. "
            f"Weekends never count; {whose_holidays(report.law, division)}. {skipped_line(due.skipped)}"
        )
        embed.add_field(name="What counts", value=cut(counts, _FIELD_MAX), inline=False)
    later = report.get(DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY)
    if later is not None:
        embed.add_field(
            name="Received on a non-working day",
            value=cut(
                f"Some authorities count from the next working day: {discord_date(later.due)}. "
                "Wait for it before calling the reply late.",
                _FIELD_MAX,
            ),
            inline=False,
        )
    extended = report.get(DeadlineKey.RESPONSE_DUE_EXTENDED)
    if extended is not None:
        embed.add_field(
            name="If they take longer",
            value=cut(f"{discord_date(extended.due)}: {extended.rule} [{extended.citation}]", _FIELD_MAX),
            inline=False,
        )
    review, complaint = _windows_text(report)
    embed.add_field(name="Review", value=cut(review, _FIELD_MAX), inline=False)
    embed.add_field(name=f"Regulator ({r.regulator_short})", value=cut(complaint, _FIELD_MAX), inline=False)
    # The non-working-receipt note is already a field of its own, with a Discord timestamp.
    notes = [n for n in report.notes if not (later and n.startswith(NON_WORKING_RECEIPT_NOTE))]
    if notes:
        embed.add_field(name="Good to know", value=cut("\n".join(f"• {n}" for n in notes), _FIELD_MAX), inline=False)
    where = f" · {DIVISION_NAMES[division]}" if r.calendar is CalendarKind.DIVISION else ""
    embed.set_footer(text=cut(f"Sources: {' | '.join(report.basis)}{where}", _FOOTER_MAX))
    return embed


def count_message(report: DeadlineReport, received: date) -> str:
    """The "Show the count" reply: the days counted, and the weekday holidays skipped, by name."""
    assert report.law is not None
    r = regime(report.law)
    due = report.get(DeadlineKey.RESPONSE_DUE)
    if due is None:
        return "There is no count to show for these dates."
    lines = [f"**{r.short}: counting from {long_date(received)} (day 0)**", f"Working days: {r.working_day_citation}."]
    if r.response.unit is Unit.WORKING_DAYS:
        cal = calendar_for(report.law, report.division or Division.ENGLAND_AND_WALES)
        lines.extend(count_runs(cal, received, due.due))
    else:
        lines.append(due.rule + ".")
    if due.skipped:
        lines.append("Skipped besides weekends:")
        lines.extend(f"• {long_date(s.day)}: {s.name}" for s in due.skipped)
    else:
        lines.append("No bank holidays fell in the count; only weekends were skipped.")
    lines.append(f"Due: **{long_date(due.due)}** [{due.citation}]")
    return cut("\n".join(lines), _MESSAGE_MAX)


def report_for(law: Law, division: Division, received: date) -> DeadlineReport:
    return compute_deadlines(RequestFacts(law=law, division=division, received=received))


_LAWS = "|".join(law.value for law in Law)
_DIVISIONS = "|".join(division.value for division in Division)


class ShowCountButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"deadline:count:(?P<law>{_LAWS}):(?P<division>{_DIVISIONS}):(?P<received>\d{{4}}-\d{{2}}-\d{{2}})",
):
    """ "Show the count": everything it needs is in its custom_id, so it survives restarts."""

    def __init__(self, law: Law, division: Division, received: date) -> None:
        self.law, self.division, self.received = law, division, received
        super().__init__(
            discord.ui.Button(
                label="Show the count",
                style=discord.ButtonStyle.secondary,
                custom_id=f"deadline:count:{law.value}:{division.value}:{received.isoformat()}",
            )
        )

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> ShowCountButton:
        return cls(Law(match["law"]), Division(match["division"]), date.fromisoformat(match["received"]))

    async def callback(self, interaction: Interaction) -> None:
        report = report_for(self.law, self.division, self.received)
        await interaction.response.send_message(count_message(report, self.received), ephemeral=True)


def count_view(law: Law, division: Division, received: date) -> discord.ui.View:
    view = FoiView(timeout=None)
    view.add_item(ShowCountButton(law, division, received))
    return view


class Deadlines(commands.Cog):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot

    @app_commands.command(name="deadline", description="When an answer to an information request is due, and why")
    @app_commands.describe(
        received="The day they received your request, day first: 28/03/2022, 28 March 2022, today",
        law="The law you asked under",
        where="Where the authority or organisation is (default England and Wales)",
    )
    @app_commands.choices(law=LAW_CHOICES, where=WHERE_CHOICES)
    async def deadline(
        self,
        interaction: Interaction,
        received: str,
        law: app_commands.Choice[str],
        where: app_commands.Choice[str] | None = None,
    ) -> None:
        # Pure and fast (constant-time calendar look-ups): no need to defer. A bad date raises
        # BadInput, which the tree's error handler turns into a private message.
        day = parse_user_date(received, today=uk_today())
        chosen_law = Law(law.value)
        division = Division(where.value) if where else Division.ENGLAND_AND_WALES
        report = report_for(chosen_law, division, day)
        await interaction.response.send_message(embed=deadline_embed(report, day), view=count_view(chosen_law, division, day))


async def setup(bot: FoiBot) -> None:
    bot.add_dynamic_items(ShowCountButton)
    await bot.add_cog(Deadlines(bot))
