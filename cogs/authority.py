"""``/authority``: report cards on public authorities, from the requests members shared with this
server (``bot.services.report_cards``). The authority is picked with the same search as
``/request log`` (``bot.services.authorities``)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import Interaction
from bot.community.report_cards import percent
from bot.services import authorities
from bot.services import report_cards as service
from cogs._shared import safe, stamp

if TYPE_CHECKING:
    from bot.client import FoiBot
    from bot.community.report_cards import Ranking, ReportCard

log = logging.getLogger(__name__)


def _days(value: float | None) -> str:
    return "–" if value is None else f"{value:g} working days"


def card_embed(card: ReportCard) -> discord.Embed:
    lines = [
        f"Requests shared with this server: **{card.requests}** ({card.answered} answered)",
        f"Median time to answer: **{_days(card.median_working_days)}** (from receipt, on the law's working-day calendar)",
        f"Answered late: **{percent(card.late_share)}** · refused: **{percent(card.refused_share)}** (of answered requests)",
    ]
    if card.exemptions:
        lines.append("Exemptions most cited: " + ", ".join(f"{safe(e, 30)} ({n})" for e, n in card.exemptions))
    if not card.enough:
        lines.append(f"-# Fewer than {card.min_sample} answered requests: too few to judge this authority by, and it is "
                     "left out of `/authority top`.")
    latest = [f"`{c.public_id}` {safe(c.title, 60)} · sent {stamp(c.sent_on, 'd')} · {c.status_label}" for c in card.latest]
    embed = discord.Embed(title=safe(card.authority, 240), description="\n".join(lines), colour=discord.Colour.blurple())
    if latest:
        embed.add_field(name="Latest requests", value="\n".join(latest)[:1024], inline=False)
    embed.set_footer(text="Only requests members chose to share with this server count.")
    return embed


def top_embed(result: Ranking) -> discord.Embed:
    def rows(cards: tuple[ReportCard, ...]) -> str:
        return "\n".join(f"{safe(c.authority, 60)}: {_days(c.median_working_days)}, {percent(c.late_share)} late ({c.answered} answered)"
                         for c in cards) or "None yet."
    embed = discord.Embed(title="Slowest and fastest authorities in this server", colour=discord.Colour.blurple(),
                          description=f"Ranked by the median working days to answer. Only authorities with at least "
                                      f"**{result.min_sample}** answered shared requests are ranked, so one late answer "
                                      f"doesn't brand a council; {result.too_few} left out for now.")
    embed.add_field(name="Slowest", value=rows(result.slowest)[:1024], inline=False)
    embed.add_field(name="Fastest", value=rows(result.fastest)[:1024], inline=False)
    return embed


@app_commands.guild_only()
class AuthorityCards(commands.GroupCog, group_name="authority", group_description="Report cards on public authorities, from this server's shared requests"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="show", description="An authority's report card from the requests shared with this server")
    @app_commands.describe(authority="The public authority (pick one as you type)")
    async def show(self, interaction: Interaction, authority: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        card = await service.authority_card(self.bot.db, interaction.guild_id, authority)
        await interaction.followup.send(embed=card_embed(card), ephemeral=True)

    @show.autocomplete("authority")
    async def authority_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await authorities.search_authorities(self.bot.db, current)
        return [app_commands.Choice(name=a.display[:100], value=a.value) for a in found]

    @app_commands.command(name="top", description="The slowest and fastest authorities, by this server's shared requests")
    async def top(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(embed=top_embed(await service.top(self.bot.db, interaction.guild_id)), ephemeral=True)


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(AuthorityCards(bot))
