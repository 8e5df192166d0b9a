"""A test-only extension (loaded through FOIBOT_EXTRA_EXTENSIONS) whose commands fail on purpose.

``/boom crash`` raises an unexpected exception whose text must never reach Discord;
``/boom bad`` raises ``BadInput``, whose text the member must see as is. Both can first defer
privately or publicly, because the error path must answer correctly in every state.
"""

from __future__ import annotations

import logging
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import BadInput

log = logging.getLogger(__name__)

SECRET_DETAIL = "internal detail 7f3a: database password is hunter2"
BAD_INPUT_TEXT = "That date does not parse: write it as 2025-01-31."

Defer = Literal["no", "private", "public"]


async def _maybe_defer(interaction: discord.Interaction, defer: Defer) -> None:
    if defer != "no":
        await interaction.response.defer(ephemeral=defer == "private", thinking=True)


class Boom(commands.GroupCog, group_name="boom", group_description="Test-only commands that fail on purpose"):
    @app_commands.command(name="crash", description="Raise an unexpected exception")
    @app_commands.describe(defer="Defer first: no, privately or publicly")
    async def crash(self, interaction: discord.Interaction, defer: Defer = "no") -> None:
        await _maybe_defer(interaction, defer)
        raise RuntimeError(SECRET_DETAIL)

    @app_commands.command(name="bad", description="Raise BadInput")
    @app_commands.describe(defer="Defer first: no, privately or publicly")
    async def bad(self, interaction: discord.Interaction, defer: Defer = "no") -> None:
        await _maybe_defer(interaction, defer)
        raise BadInput(BAD_INPUT_TEXT)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Boom(bot))
