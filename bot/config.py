"""Settings from the environment and an optional ``.env`` file in the working directory.

Every setting is listed, with a comment, in ``.env.example``. Secrets are kept as
``SecretStr`` so that printing or logging the settings never shows the token.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import UserError
from bot.shards import ShardPlan, parse_shard_ids

log = logging.getLogger(__name__)

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///foibot.db"

# A bot token is three base64url parts joined by dots: the bot's id, a timestamp and an HMAC.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$")


class ConfigError(UserError):
    """A setting is missing or malformed; the message says which and where to set it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    database_url: str = Field(default=DEFAULT_DATABASE_URL, alias="DATABASE_URL")
    dev_guild_id: int | None = Field(default=None, alias="DEV_GUILD_ID")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    default_timezone: str = Field(default="Europe/London", alias="DEFAULT_TIMEZONE")
    # For tests and self-hosted gateways only: where discord.py talks to instead of discord.com.
    discord_api_base: str | None = Field(default=None, alias="FOIBOT_DISCORD_API_BASE")
    discord_gateway: str | None = Field(default=None, alias="FOIBOT_DISCORD_GATEWAY")
    # How long discord.py waits after the last server arrives before reporting ready (seconds).
    guild_ready_timeout: float = Field(default=2.0, ge=0, le=60, alias="FOIBOT_GUILD_READY_TIMEOUT")
    # Extra discord.py extensions (comma-separated module names) loaded after cogs/.
    extra_extensions: str = Field(default="", alias="FOIBOT_EXTRA_EXTENSIONS")
    # Several processes on one token (shard clusters, docs/operating-several-processes.md): the
    # total number of shards, and the ones this process runs (comma-separated; blank: all).
    shard_count: int | None = Field(default=None, ge=1, alias="SHARD_COUNT")
    shard_ids: str = Field(default="", alias="SHARD_IDS")
    # Discord's global limit for this bot token, requests a second (50 unless Discord raised it for
    # the bot); alert DMs are paced under it, shared between the processes by shards.
    discord_global_rate_limit: int = Field(default=50, ge=1, le=100_000, alias="DISCORD_GLOBAL_RATE_LIMIT")
    # Operator metrics in the Prometheus text format (bot/metrics.py): off unless a port is set.
    metrics_port: int | None = Field(default=None, ge=1, le=65535, alias="METRICS_PORT")
    metrics_host: str = Field(default="127.0.0.1", alias="METRICS_HOST")
    # How often this process refreshes its heartbeat row (bot/services/cluster.py); three missed beats is "stale".
    heartbeat_seconds: float = Field(default=30.0, gt=0, le=3600, alias="FOIBOT_HEARTBEAT_SECONDS")
    # Testing only: the alert dispatcher's lease, longest sleep and first retry delay (seconds;
    # blank: its defaults).
    alert_lease_seconds: float | None = Field(default=None, gt=0, alias="FOIBOT_ALERT_LEASE_SECONDS")
    alert_poll_seconds: float | None = Field(default=None, gt=0, alias="FOIBOT_ALERT_POLL_SECONDS")
    alert_backoff_seconds: float | None = Field(default=None, gt=0, alias="FOIBOT_ALERT_BACKOFF_SECONDS")
    # WhatDoTheyKnow: the site, the operator's contact for the User-Agent, and how often a tracked
    # request is looked at (seconds, with jitter; the tests use a few seconds).
    wdtk_base_url: str = Field(default="https://www.whatdotheyknow.com", alias="WDTK_BASE_URL")
    wdtk_contact: str = Field(default="", alias="WDTK_CONTACT")
    wdtk_poll_seconds: float = Field(default=21600.0, ge=1, le=30 * 86400, alias="WDTK_POLL_SECONDS")

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"DEFAULT_TIMEZONE {value!r} is not an IANA time zone such as Europe/London") from exc
        return value

    @field_validator("wdtk_base_url")
    @classmethod
    def _site_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not re.match(r"^https?://[^/\s]+$", value):
            raise ValueError("WDTK_BASE_URL must be a site address such as https://www.whatdotheyknow.com (no path)")
        return value

    @field_validator("dev_guild_id", "shard_count", "metrics_port", "alert_lease_seconds", "alert_poll_seconds",
                     "alert_backoff_seconds", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("shard_ids")
    @classmethod
    def _shards_exist(cls, value: str, info: ValidationInfo) -> str:
        if "shard_count" in info.data:  # else SHARD_COUNT itself is wrong, and says so
            parse_shard_ids(value, info.data["shard_count"])
        return value

    def shard_plan(self) -> ShardPlan:
        return ShardPlan(self.shard_count, parse_shard_ids(self.shard_ids, self.shard_count))

    def token(self) -> str:
        """The bot token, checked for shape; raises ConfigError with one line saying what to set."""
        raw = self.discord_token.get_secret_value().strip() if self.discord_token else ""
        if not raw:
            raise ConfigError(
                "DISCORD_TOKEN is not set: put DISCORD_TOKEN=<your bot token> in .env "
                "(see .env.example) or in the environment."
            )
        if not _TOKEN_SHAPE.match(raw):
            raise ConfigError(
                "DISCORD_TOKEN does not look like a bot token (three dot-separated parts): copy it again "
                "from the Developer Portal's Bot page into .env (see .env.example)."
            )
        return raw

    def extension_names(self) -> list[str]:
        return [name.strip() for name in self.extra_extensions.split(",") if name.strip()]


def load_settings() -> Settings:
    """Read the settings now; a malformed value becomes a ConfigError naming the setting."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = first.get("loc", ("?",))[0]
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        raise ConfigError(f"{where}: {message} (set it in .env or the environment; see .env.example)") from None


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load_settings()
