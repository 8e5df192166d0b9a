"""The Discord side of the dispatcher: open the member's DM, send the alert, classify failures.

The one module of ``bot.reminders`` that imports discord. Classification (research notes 4):

* ``discord.Forbidden`` with code 50007 ("Cannot send messages to this user") or 50278 (no mutual
  server): the member's DMs are closed, a *permanent* failure. Retrying would only add to the
  invalid-request count Discord bans a bot for (10,000 per 10 minutes).
* 404 (unknown user 10013, unknown channel 10003) and 400 (e.g. 50035 invalid form body: the same
  request can never be accepted): failed at once, with the error kept.
* Everything else is transient and retried with backoff up to the attempt cap: ``RateLimited``
  (a 429 longer than discord.py's ``max_ratelimit_timeout``), 5xx, timeouts, connection errors,
  401 (a token being reset: the next try, with the new token, succeeds) and any other 403 or 4xx.
  Only an error that can never succeed is final.

Every DM carries a deterministic nonce; discord.py sends ``enforce_nonce`` with it, so Discord
returns the first message instead of creating a second when a retry repeats a send whose reply
was lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import aiohttp
import discord

from bot.reminders.dispatcher import SendResult
from bot.reminders.messages import AlertContext, render_alert

log = logging.getLogger(__name__)

DMS_CLOSED_CODES = frozenset({50007, 50278})
# Statuses no retry can change: 404 (unknown user or channel), 400 (the request itself is refused).
FINAL_STATUSES = frozenset({400, 404})

ViewFactory = Callable[[AlertContext], "discord.ui.View | None"]


def classify(error: BaseException) -> SendResult:
    """What a failed send means for the outbox."""
    if isinstance(error, discord.Forbidden) and error.code in DMS_CLOSED_CODES:
        return SendResult.dms_closed(f"Discord error {error.code}: {error.text or 'cannot send messages to this user'}")
    if isinstance(error, discord.RateLimited):
        return SendResult.transient(f"rate limited for {error.retry_after:.1f} s", retry_after=error.retry_after)
    if isinstance(error, discord.HTTPException):
        if error.status in FINAL_STATUSES:
            return SendResult.failed(f"HTTP {error.status} (code {error.code}): {error.text}")
        return SendResult.transient(f"HTTP {error.status} (code {error.code}): {error.text}")
    if isinstance(error, (asyncio.TimeoutError, aiohttp.ClientError, OSError)):
        return SendResult.transient(f"{type(error).__name__}: {error}")
    return SendResult.failed(f"{type(error).__name__}: {error}")


class DiscordSender:
    """Sends alert DMs through a logged-in discord.py client."""

    def __init__(self, client: discord.Client, *, build_view: ViewFactory | None = None, letters: Callable[[], bool] = lambda: False) -> None:
        self.client = client
        self.build_view = build_view
        self.letters = letters

    async def send(self, context: AlertContext) -> SendResult:
        text = render_alert(context, letters=self.letters(), clean=discord.utils.escape_markdown)
        return await self.send_text(context, text,
                                    view=self.build_view(context) if self.build_view else None)

    async def send_text(self, context: AlertContext, text: str, *, view: discord.ui.View | None = None) -> SendResult:
        try:
            channel = await self.client.create_dm(discord.Object(id=context.user_id))
            kwargs = {"view": view} if view is not None else {}
            message = await channel.send(
                text, nonce=context.nonce, allowed_mentions=discord.AllowedMentions.none(), **kwargs
            )
        except (discord.DiscordException, asyncio.TimeoutError, aiohttp.ClientError, OSError) as exc:
            result = classify(exc)
            log.log(logging.INFO if result.outcome != "failed" else logging.WARNING,
                    "DM for alert %s to %s: %s", context.alert_id, context.user_id, result.error)
            return result
        return SendResult.sent(message.id)
