"""Pure parts of dispatching: backoff, nonces, and how a Discord error is classified."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timezone
from types import SimpleNamespace

import aiohttp
import discord
import pytest

from bot.reminders.dispatcher import DispatchSettings, backoff
from bot.reminders.messages import AlertContext
from bot.reminders.sender import classify


def test_backoff_doubles_from_the_base_up_to_the_cap() -> None:
    settings = DispatchSettings(backoff_base=30, backoff_cap=1800)
    assert [backoff(n, settings) for n in (1, 2, 3, 7, 8, 20)] == [30, 60, 120, 1800, 1800, 1800]


def test_backoff_never_retries_sooner_than_discord_asked() -> None:
    assert backoff(1, DispatchSettings(backoff_base=30), retry_after=45.5) == 45.5


def test_the_nonce_is_deterministic_per_delivery_and_fits_discords_25_characters() -> None:
    context = AlertContext(
        alert_id=2**31 - 1, user_id=1, kind="response_overdue", deadline_on=date(2026, 4, 8), deadline_key="response_due",
        fire_at=datetime(2026, 4, 9, tzinfo=timezone.utc), attempt=3, delivery=99, request_id=1, public_id="R7K3Q",
        title="t", authority="a", law="foia", status="waiting_response",
    )
    assert context.nonce == "a2147483647d99"
    assert len(context.nonce) <= 25


def _http_error(cls: type[discord.HTTPException], status: int, code: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="x")
    return cls(response, {"code": code, "message": "Cannot send messages to this user"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (_http_error(discord.Forbidden, 403, 50007), "dms_closed"),
        (_http_error(discord.Forbidden, 403, 50278), "dms_closed"),
        (_http_error(discord.Forbidden, 403, 50013), "transient"),  # not a closed DM: may change
        (_http_error(discord.HTTPException, 401, 0), "transient"),  # a token being reset
        (_http_error(discord.NotFound, 404, 10013), "failed"),  # unknown user: can never succeed
        (_http_error(discord.NotFound, 404, 10003), "failed"),  # unknown channel
        (_http_error(discord.HTTPException, 429, 0), "transient"),
        (_http_error(discord.DiscordServerError, 503, 0), "transient"),
        (_http_error(discord.HTTPException, 400, 50035), "failed"),
        (discord.RateLimited(12.5), "transient"),
        (asyncio.TimeoutError(), "transient"),
        (aiohttp.ClientConnectionError("reset"), "transient"),
    ],
)
def test_discord_errors_are_classified_as_closed_dms_transient_or_failed(error: BaseException, outcome: str) -> None:
    assert classify(error).outcome == outcome


def test_a_rate_limit_carries_discords_retry_after() -> None:
    assert classify(discord.RateLimited(12.5)).retry_after == 12.5
