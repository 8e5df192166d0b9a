"""The board card's persistent buttons: Follow, Open, and (on a follower's alert DM) Unfollow.

``DynamicItem``s whose ``custom_id`` carries the request's public id, so they keep working after a
restart; the board service checks on each click that the member may see the request.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.client import FoiView, Interaction
from bot.services import board
from bot.services import requests as request_service
from bot.services.pictures import timeline_picture
from cogs._request_views import send_detail
from cogs._shared import guarded, viewer_of

log = logging.getLogger(__name__)

LABELS = {"follow": "Follow", "open": "Open", "unfollow": "Stop following"}
STYLES = {"follow": discord.ButtonStyle.primary, "open": discord.ButtonStyle.secondary, "unfollow": discord.ButtonStyle.secondary}


class BoardButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"board:(?P<action>follow|open|unfollow):(?P<pid>[2-9A-HJ-NP-Z]{5})"):
    def __init__(self, action: str, public_id: str) -> None:
        super().__init__(discord.ui.Button(label=LABELS[action], style=STYLES[action], custom_id=f"board:{action}:{public_id}"))
        self.action, self.public_id = action, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: Any) -> BoardButton:
        return cls(match["action"], match["pid"])

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, self._act(interaction), f"board {self.action} {self.public_id}")

    async def _act(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        db = interaction.client.db
        viewer = viewer_of(interaction)
        if self.action == "open":
            detail = await request_service.get_request(db, viewer, self.public_id)
            await send_detail(interaction, None, detail, picture=await timeline_picture(detail))
            return
        if self.action == "follow":
            request = await board.follow(db, viewer, self.public_id)
            text = (f"You follow {request.public_id}: its alerts come to you by DM too (at your `/reminders settings` times). "
                    "Its owner handles the letters. Each alert has a button to stop following.")
        else:
            request = await board.unfollow(db, viewer, self.public_id)
            text = f"You no longer follow {request.public_id}; its pending alerts to you are cancelled."
        await interaction.followup.send(text, ephemeral=True)


def card_view(public_id: str) -> discord.ui.View:
    view = FoiView(timeout=None)
    view.add_item(BoardButton("follow", public_id))
    view.add_item(BoardButton("open", public_id))
    return view


def follower_view(public_id: str) -> discord.ui.View:
    view = FoiView(timeout=None)
    view.add_item(BoardButton("unfollow", public_id))
    return view
