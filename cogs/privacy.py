"""``/privacy``: a member's own data. ``export`` sends everything foibot holds about them (JSON, and
their deadlines as ``.ics``); ``delete`` erases it after a confirmation button, then removes their
board cards' messages (best effort); ``name`` sets the name board cards show (none by default).

The right of access and to portability (UK GDPR arts. 15 and 20) and to erasure (art. 17):
https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FoiView, Interaction
from bot.services import privacy as service
from cogs._shared import guarded, safe, take_down

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)


class EraseButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"privacy:(?P<action>erase|keep):(?P<user>[0-9]+)"):
    """The confirmation: only the member who asked can press it (the id is in the custom_id)."""

    def __init__(self, action: str, user_id: int) -> None:
        label, style = ("Delete everything", discord.ButtonStyle.danger) if action == "erase" else ("Keep it", discord.ButtonStyle.secondary)
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"privacy:{action}:{user_id}"))
        self.action, self.user_id = action, user_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: Any) -> EraseButton:
        return cls(match["action"], int(match["user"]))

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, self._act(interaction), f"privacy {self.action}")

    async def _act(self, interaction: Interaction) -> None:
        if interaction.user.id != self.user_id:
            await interaction.response.send_message("That button is for the member who asked to delete their data.", ephemeral=True)
            return
        if self.action == "keep":
            await interaction.response.edit_message(content="Nothing was deleted.", view=None)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        erased = await service.erase_member(interaction.client.db, self.user_id)
        removed = await take_down(interaction.client, erased.messages)  # after the commit, best effort
        await interaction.followup.send(
            f"Done: foibot no longer holds anything about you. Deleted {service.summary(erased.counts)}"
            + (f"; {removed} of {len(erased.messages)} board card message(s) removed." if erased.messages else "."),
            ephemeral=True)


class Privacy(commands.GroupCog, group_name="privacy", group_description="Your data in foibot: export it, delete it, your board name"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(EraseButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(EraseButton)

    @app_commands.command(name="export", description="Everything foibot holds about you, as JSON, and your deadlines as .ics")
    async def export(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        exported = await service.export_member(self.bot.db, interaction.user.id)
        files = [discord.File(io.BytesIO(exported.json_bytes), "foibot-my-data.json"),
                 discord.File(io.BytesIO(exported.ics_bytes), "foibot-deadlines.ics")]
        await interaction.followup.send(f"Everything foibot holds about you: {service.summary(exported.counts)}.", files=files, ephemeral=True)

    @app_commands.command(name="delete", description="Erase everything foibot holds about you (asks first)")
    async def delete(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await service.member_data(self.bot.db, interaction.user.id)
        view = FoiView(timeout=None)
        view.add_item(EraseButton("erase", interaction.user.id))
        view.add_item(EraseButton("keep", interaction.user.id))
        await interaction.followup.send(
            f"This erases everything foibot holds about you: {service.summary(data.counts())}. Your alerts stop, other members "
            "stop following your shared requests, and your board cards are removed. It can't be undone: `/privacy export` "
            "first if you want a copy.", view=view, ephemeral=True)

    @app_commands.command(name="name", description="The name board cards show for your shared requests (empty: none)")
    @app_commands.describe(name="The name to show; leave it out to show no name")
    async def name(self, interaction: Interaction, name: app_commands.Range[str, 1, service.BOARD_NAME_MAX] | None = None) -> None:
        shown = await service.set_board_name(self.bot.db, interaction.user.id, name)
        await interaction.response.send_message(
            f"Board cards of your shared requests now say “shared by {safe(shown)}”." if shown
            else "Board cards of your shared requests name nobody.", ephemeral=True)


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Privacy(bot))
