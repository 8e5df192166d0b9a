"""The board and the digest on Discord: posts cards and digests for ``bot.services.board_delivery``'s
loop (never a ping: ``AllowedMentions.none()``), and registers the cards' buttons.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord.ext import commands

from bot.community.cards import CardContext, card_text
from bot.reminders.dispatcher import SendResult
from bot.reminders.sender import classify
from bot.services.board_delivery import CommunityLoop
from cogs._board_views import BoardButton, card_view
from cogs._shared import safe, stamp

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)

_ERRORS = (discord.DiscordException, asyncio.TimeoutError, aiohttp.ClientError, OSError)


class DiscordPoster:
    """Posts into a server's channels through the logged-in client."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    def stamp(self, day: date, style: str) -> str:
        return stamp(day, style)

    def clean(self, text: str) -> str:
        return safe(text, 200)

    async def _send(self, channel_id: int, text: str, nonce: str, view: discord.ui.View | None) -> SendResult:
        try:
            channel = self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                return SendResult.failed(f"channel {channel_id} cannot take messages")
            kwargs = {"view": view} if view is not None else {}
            message = await channel.send(text, nonce=nonce, allowed_mentions=discord.AllowedMentions.none(), **kwargs)
        except _ERRORS as exc:
            result = classify(exc)
            log.info("posting to channel %s: %s", channel_id, result.error)
            return result
        return SendResult.sent(message.id)

    async def post_card(self, card: CardContext) -> SendResult:
        return await self._send(card.channel_id, card_text(card, stamp=self.stamp, clean=self.clean), card.nonce, card_view(card.public_id))

    async def post_digest(self, channel_id: int, text: str, nonce: str) -> SendResult:
        return await self._send(channel_id, text, nonce, None)

    async def delete_message(self, channel_id: int, message_id: int) -> bool:
        """Best effort (data erased, a request deleted): a message already gone, or a channel we lost, is fine."""
        try:
            await self.client.http.delete_message(channel_id, message_id, reason="a member erased their foibot data or deleted a request")
        except _ERRORS as exc:
            log.info("could not delete message %s in %s: %s", message_id, channel_id, exc)
            return False
        return True


class Board(commands.Cog):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        self.poster = DiscordPoster(bot)
        self.loop: CommunityLoop | None = None

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(BoardButton)
        if self.bot.services_enabled:
            self.loop = CommunityLoop(self.bot.db, self.poster)
            self.loop.start()

    async def cog_unload(self) -> None:
        if self.loop is not None:
            await self.loop.stop()
            self.loop = None
        self.bot.remove_dynamic_items(BoardButton)


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Board(bot))
