"""The fake Discord's world: users, guilds, channels, messages and files, and their wire payloads.

Everything here is plain data. The payload methods produce exactly the JSON shapes discord.py
2.7 parses (checked against ``discord/{user,member,guild,channel,message}.py``), so the bot under
test builds real ``discord.Message``/``Member`` objects from them without errors.
"""

from __future__ import annotations

import itertools
import logging
import mimetypes
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

log = logging.getLogger(__name__)

DISCORD_EPOCH_MS = 1_420_070_400_000

# Message flags (https://discord.com/developers/docs/resources/message#message-object-message-flags).
EPHEMERAL = 1 << 6
LOADING = 1 << 7
COMPONENTS_V2 = 1 << 15

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
MEMBER_PERMISSIONS = (
    (1 << 6)  # add reactions
    | (1 << 10)  # view channel
    | (1 << 11)  # send messages
    | (1 << 14)  # embed links
    | (1 << 15)  # attach files
    | (1 << 16)  # read message history
    | (1 << 31)  # use application commands
    | (1 << 38)  # send messages in threads
)
ALL_PERMISSIONS = (1 << 50) - 1
BOT_PERMISSIONS = MEMBER_PERMISSIONS | (1 << 13)  # + manage messages

DEFAULT_FILE_SIZE_LIMIT = 10 * 1024 * 1024  # discord.utils.DEFAULT_FILE_SIZE_LIMIT_BYTES


class Snowflakes:
    """Discord-shaped ids: milliseconds since 2015 in the top bits, so ``snowflake_time`` is sane."""

    def __init__(self) -> None:
        self._counter = itertools.count()

    def __call__(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)

    def on_shard(self, shard_id: int, shard_count: int) -> int:
        """An id whose server lands on ``shard_id`` of ``shard_count``: Discord's formula
        ``(id >> 22) % count`` reads the timestamp bits, so step the timestamp back to fit."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        ms -= (ms - shard_id) % shard_count
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class FakeUser:
    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.global_name or self.username.title(),
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "system": False,
            "public_flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
        }

    def __str__(self) -> str:
        return f"{self.username}({self.id})"


@dataclass
class FakeRole:
    id: int
    name: str
    permissions: int
    position: int = 0

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass
class FakeMember:
    user: FakeUser
    guild_id: int
    permissions: int
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: datetime = field(default_factory=now)

    def payload(self, *, with_user: bool = True, with_permissions: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [str(r) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": iso(self.joined_at),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        if with_permissions:
            data["permissions"] = str(self.permissions)
        return data


GUILD_TEXT = 0
DM = 1


@dataclass
class FakeChannel:
    id: int
    type: int
    name: str = ""
    guild_id: int | None = None
    position: int = 0
    recipient: FakeUser | None = None  # the other end of a DM channel

    @property
    def is_dm(self) -> bool:
        return self.type == DM

    def payload(self, *, permissions: int | None = None) -> dict[str, Any]:
        if self.type == DM:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": DM,
                "last_message_id": None,
                "flags": 0,
                "recipients": [self.recipient.payload()],
            }
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data

    def __str__(self) -> str:
        return f"DM with {self.recipient}" if self.type == DM else f"#{self.name}({self.id})"


@dataclass
class FakeGuild:
    id: int
    name: str
    owner_id: int
    everyone: FakeRole
    channels: list[FakeChannel] = field(default_factory=list)
    roles: list[FakeRole] = field(default_factory=list)
    members: dict[int, FakeMember] = field(default_factory=dict)
    locale: str = "en-GB"

    @property
    def text_channels(self) -> list[FakeChannel]:
        return [c for c in self.channels if c.type == GUILD_TEXT]

    def channel(self, name: str) -> FakeChannel:
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(f"no channel #{name} in {self.name}; channels: {[c.name for c in self.channels]}")

    def payload(self) -> dict[str, Any]:
        """The GUILD_CREATE payload (a full guild with channels and members)."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "preferred_locale": self.locale,
            "features": [],
            "roles": [self.everyone.payload(), *(r.payload() for r in self.roles)],
            "emojis": [],
            "stickers": [],
            "channels": [c.payload() for c in self.channels],
            "threads": [],
            "members": [m.payload() for m in self.members.values()],
            "member_count": len(self.members),
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": False,
            "unavailable": False,
            "joined_at": iso(now()),
            "max_members": 500000,
            "max_video_channel_users": 25,
            "application_id": None,
        }


@dataclass
class FakeFile:
    """A file the bot uploaded (multipart) or a test attached to a command option."""

    filename: str
    data: bytes
    content_type: str | None = None
    id: int = 0
    url: str = ""
    description: str | None = None

    def __post_init__(self) -> None:
        if self.content_type is None or self.content_type == "application/octet-stream":
            guessed, _ = mimetypes.guess_type(self.filename)
            self.content_type = guessed or "application/octet-stream"

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": self.url,
            "proxy_url": self.url,
            "content_type": self.content_type,
            "description": self.description,
            "flags": 0,
        }


@dataclass
class FakeMessage:
    """A message as the fake holds it: the latest state plus every earlier state in ``history``.

    ``kind`` says how it was made: "channel" (POST /channels/.../messages in a server), "dm" (the
    same in a DM channel), "response" (an interaction callback or its deferred placeholder) or
    "followup" (POST /webhooks/{app}/{token}).
    """

    id: int
    channel_id: int
    author: FakeUser
    kind: str
    guild_id: int | None = None
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    flags: int = 0
    attachments: list[FakeFile] = field(default_factory=list)
    nonce: str | None = None
    interaction_id: int | None = None
    application_id: int | None = None
    interaction_metadata: dict[str, Any] | None = None
    created_at: datetime = field(default_factory=now)
    edited_at: datetime | None = None
    deleted: bool = False
    version: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """A deferred response still "thinking" (nothing shown yet but the placeholder)."""
        return bool(self.flags & LOADING)

    @property
    def files(self) -> dict[str, bytes]:
        return {f.filename: f.data for f in self.attachments}

    @property
    def text(self) -> str:
        """Everything a member reads: content, embed texts and Components V2 text displays."""
        parts = [self.content] if self.content else []
        for embed in self.embeds:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            parts += [(embed.get("author") or {}).get("name") or "", (embed.get("footer") or {}).get("text") or ""]
            for f in embed.get("fields", []):
                parts += [f.get("name") or "", f.get("value") or ""]
        parts += [c.get("content", "") for c in walk_components(self.components) if c.get("type") == 10]
        return "\n".join(p for p in parts if p)

    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in walk_components(self.components) if "custom_id" in c]

    def component(self, custom_id: str) -> dict[str, Any]:
        for comp in walk_components(self.components):
            if comp.get("custom_id") == custom_id:
                return comp
        raise AssertionError(
            f"message {self.id} has no component {custom_id!r}; it has {self.custom_ids()} (content: {self.text[:200]!r})"
        )

    def snapshot(self) -> dict[str, Any]:
        return {
            "content": self.content,
            "embeds": self.embeds,
            "components": self.components,
            "flags": self.flags,
            "attachments": [f.filename for f in self.attachments],
        }

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "author": self.author.payload(),
            "content": self.content,
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edited_at) if self.edited_at else None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [f.payload() for f in self.attachments],
            "embeds": self.embeds,
            "pinned": False,
            # 20: CHAT_INPUT_COMMAND reply; 0: DEFAULT.
            "type": 20 if self.interaction_id else 0,
            "flags": self.flags,
            "components": self.components,
        }
        if self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
        if self.nonce is not None:
            data["nonce"] = self.nonce
        if self.application_id is not None:
            data["application_id"] = str(self.application_id)
            data["webhook_id"] = str(self.application_id)
        if self.interaction_metadata is not None:
            data["interaction_metadata"] = self.interaction_metadata
        return data

    def __str__(self) -> str:
        flags = "".join(f" [{n}]" for n, bit in (("ephemeral", EPHEMERAL), ("loading", LOADING)) if self.flags & bit)
        files = f" files={[f.filename for f in self.attachments]}" if self.attachments else ""
        gone = " [deleted]" if self.deleted else ""
        text = self.text.replace("\n", " | ")
        return f"{self.kind} {self.id} in {self.channel_id}{flags}{gone}: {text[:160]!r}{files}"


def walk_components(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every component, depth first: action rows, sections (with accessory), containers, labels."""
    found: list[dict[str, Any]] = []
    for comp in components:
        found.append(comp)
        found += walk_components(comp.get("components", []))
        for key in ("accessory", "component"):
            if isinstance(comp.get(key), dict):
                found += walk_components([comp[key]])
    return found
