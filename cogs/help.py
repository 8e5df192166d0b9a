"""``/help``: an overview of every command group, read from the command tree itself, so it grows
as features land without anyone editing a list."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import Interaction
from bot.templates import render

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)


def help_embed(tree: app_commands.CommandTree) -> discord.Embed:
    embed = discord.Embed(title="foibot", description=render("messages/help_intro.md.j2"), colour=discord.Colour.blurple())
    for command in sorted(tree.get_commands(), key=lambda c: c.name):
        if command.name == "help":
            continue
        subcommands = getattr(command, "commands", None)
        if subcommands:
            lines = [f"`/{command.name} {sub.name}` {sub.description}" for sub in sorted(subcommands, key=lambda c: c.name)]
            embed.add_field(name=f"/{command.name}: {command.description}"[:256], value="\n".join(lines)[:1024], inline=False)
        else:
            embed.add_field(name=f"/{command.name}"[:256], value=command.description[:1024] or "-", inline=False)
    return embed


class Help(commands.Cog):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What foibot does and every command it has")
    async def help(self, interaction: Interaction) -> None:
        await interaction.response.send_message(embed=help_embed(self.bot.tree), ephemeral=True)


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Help(bot))
