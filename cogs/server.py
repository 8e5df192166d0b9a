"""``/server``: a server's settings for foibot (board and digest channels, the digest's rhythm,
whether members may share requests). Changing them needs Discord's Manage Server permission;
``default_permissions`` hides the commands from other members, and the service checks again
from the interaction's own permissions (admins can override ``default_permissions`` per role).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import Interaction
from bot.errors import BadInput
from bot.services import server as service
from cogs._shared import safe

if TYPE_CHECKING:
    from bot.client import FoiBot
    from bot.services.server import ServerSettings

log = logging.getLogger(__name__)

RHYTHM_CHOICES = [app_commands.Choice(name="Weekly", value="weekly"), app_commands.Choice(name="Daily", value="daily")]
DAY_CHOICES = [app_commands.Choice(name=day.capitalize(), value=day) for day in service.WEEKDAYS]


def can_manage(interaction: Interaction) -> bool:
    """The member's own permissions, as Discord computed them for this interaction."""
    return interaction.guild_id is not None and interaction.permissions.manage_guild


def channel_text(channel_id: int | None) -> str:
    return f"<#{channel_id}>" if channel_id else "not set"


def settings_text(settings: ServerSettings) -> str:
    if settings.digest_rhythm == "daily":
        rhythm = f"daily at {settings.digest_time}"
    else:
        rhythm = f"weekly on {service.weekday_name(settings.digest_weekday)} at {settings.digest_time}"
    return "\n".join([
        "**foibot in this server**",
        f"Board (a card when a shared request is logged, answered, overdue, or taken further): {channel_text(settings.board_channel_id)}",
        f"Digest: {channel_text(settings.digest_channel_id)}, {rhythm} ({safe(settings.timezone)})",
        f"Members may share requests with the server: {'yes' if settings.sharing_allowed else 'no'}",
    ])


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Server(commands.GroupCog, group_name="server", group_description="This server's foibot settings (Manage Server)"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    async def _change(self, interaction: Interaction, change: service.SettingsChange) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        settings = await service.update_settings(self.bot.db, interaction.guild_id, change, can_manage=can_manage(interaction))
        await interaction.followup.send(f"Saved.\n{settings_text(settings)}", ephemeral=True)

    @app_commands.command(name="show", description="This server's foibot settings")
    async def show(self, interaction: Interaction) -> None:
        settings = await service.get_settings(self.bot.db, interaction.guild_id)
        await interaction.response.send_message(settings_text(settings), ephemeral=True)

    @app_commands.command(name="board", description="The channel where foibot posts cards about shared requests")
    @app_commands.describe(channel="The board channel", off="Stop posting cards")
    async def board(self, interaction: Interaction,
                    channel: discord.TextChannel | None = None, off: bool = False) -> None:
        if channel is None and not off:
            raise BadInput("Give a `channel:` for the board, or `off: True` to stop posting cards.")
        await self._change(interaction, service.SettingsChange(board_channel_id=channel.id if channel else None, clear_board=off))

    @app_commands.command(name="digest", description="Where and when foibot posts its digest of shared requests")
    @app_commands.describe(channel="The digest channel", rhythm="Weekly (default) or daily", day="For a weekly digest: the day",
                           time="Time of day, 24-hour clock (HH:MM)", timezone="The server's time zone, e.g. Europe/London",
                           off="Stop posting the digest")
    @app_commands.choices(rhythm=RHYTHM_CHOICES, day=DAY_CHOICES)
    async def digest(self, interaction: Interaction, channel: discord.TextChannel | None = None,
                     rhythm: str | None = None, day: str | None = None, time: app_commands.Range[str, 1, 8] | None = None,
                     timezone: app_commands.Range[str, 1, 64] | None = None, off: bool = False) -> None:
        await self._change(interaction, service.SettingsChange(
            digest_channel_id=channel.id if channel else None, clear_digest=off, digest_rhythm=rhythm,
            digest_weekday=day, digest_time=time, timezone=timezone))

    @app_commands.command(name="sharing", description="Whether members may share their requests with this server")
    @app_commands.describe(allowed="True: members may share requests; False: every request stays private")
    async def sharing(self, interaction: Interaction, allowed: bool) -> None:
        await self._change(interaction, service.SettingsChange(sharing_allowed=allowed))


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Server(bot))
