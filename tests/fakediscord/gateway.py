"""The fake gateway: one websocket per connection, speaking Discord's gateway protocol v10.

Script (https://discord.com/developers/docs/events/gateway): on connect send op 10 HELLO; on
op 2 IDENTIFY send READY (the guilds as unavailable) and one GUILD_CREATE per guild; answer op 1
HEARTBEAT with op 11; answer op 6 RESUME with op 9 INVALID_SESSION ``false`` (discord.py then
identifies afresh); answer op 8 REQUEST_GUILD_MEMBERS with one GUILD_MEMBERS_CHUNK. Frames are
uncompressed text even though discord.py asks for zlib-stream: it accepts text frames as they are
(``gateway.py: received_message``).

Shards, as Discord has them (the gateway docs' "Sharding"): IDENTIFY may carry ``shard: [id,
count]`` (none means ``[0, 1]``); a session gets READY and GUILD_CREATE for its shard's servers
only, a server's events go to the session of shard ``(guild_id >> 22) % count``, and events with
no server (DMs) to shard 0. An id outside ``0..count-1`` is closed with 4010 "Invalid shard", and
a shard that would hold more than ``fake.max_guilds_per_shard`` servers (2,500 on Discord) with
4011 "Sharding required".
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, RESUME, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 0, 1, 2, 3, 6, 8, 9, 10, 11
AUTHENTICATION_FAILED, INVALID_SHARD, SHARDING_REQUIRED = 4004, 4010, 4011


def shard_of(guild_id: int | None, shard_count: int) -> int:
    """The shard that receives a server's events; events with no server go to shard 0."""
    return 0 if guild_id is None else (guild_id >> 22) % shard_count


@dataclass
class GatewaySession:
    ws: web.WebSocketResponse
    session_id: str = ""
    sequence: int = 0
    identified: bool = False
    closed: bool = False
    identify: dict[str, Any] = field(default_factory=dict)
    heartbeats: int = 0
    shard: tuple[int, int] = (0, 1)  # (id, count) from IDENTIFY
    events: list[str] = field(default_factory=list)  # every dispatch sent, by name

    @property
    def live(self) -> bool:
        return self.identified and not self.closed

    def receives(self, guild_id: int | None) -> bool:
        """Whether Discord would send this server's events (None: a DM's) to this session."""
        return shard_of(guild_id, self.shard[1]) == self.shard[0]

    async def send(self, op: int, data: Any = None, event: str | None = None) -> None:
        frame: dict[str, Any] = {"op": op, "d": data, "s": None, "t": None}
        if op == DISPATCH:
            self.sequence += 1
            frame["s"], frame["t"] = self.sequence, event
            self.events.append(str(event))
        await self.ws.send_str(json.dumps(frame))


class Gateway:
    """All gateway sessions of one fake; ``current`` is the newest identified, open one."""

    def __init__(self, fake: FakeDiscord, heartbeat_interval_ms: int) -> None:
        self.fake = fake
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.sessions: list[GatewaySession] = []
        self.identifies: list[dict[str, Any]] = []
        self.resumes = 0

    @property
    def current(self) -> GatewaySession | None:
        """The newest live session (with one unsharded bot, its only one)."""
        live = self.live_sessions
        return live[-1] if live else None

    @property
    def live_sessions(self) -> list[GatewaySession]:
        return [s for s in self.sessions if s.live]

    def session_for(self, guild_id: int | None) -> GatewaySession | None:
        """The newest live session that Discord would send this server's (or a DM's) events to."""
        found = [s for s in self.live_sessions if s.receives(guild_id)]
        return found[-1] if found else None

    def session_of_shard(self, shard_id: int) -> GatewaySession | None:
        found = [s for s in self.live_sessions if s.shard[0] == shard_id]
        return found[-1] if found else None

    @property
    def identify_count(self) -> int:
        return len(self.identifies)

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        session = GatewaySession(ws=ws)
        self.sessions.append(session)
        log.debug("gateway: connection from %s (%s)", request.remote, request.query_string)
        try:
            await session.send(HELLO, {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["fake-gateway"]})
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                await self._on_frame(session, frame.get("op"), frame.get("d"))
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            session.closed = True
            self.fake.notify()
            log.debug("gateway: session %s closed (%s)", session.session_id or "?", ws.close_code)
        return ws

    async def _on_frame(self, session: GatewaySession, op: int | None, data: Any) -> None:
        if op == HEARTBEAT:
            session.heartbeats += 1
            await session.send(HEARTBEAT_ACK)
        elif op == IDENTIFY:
            await self._identify(session, data or {})
        elif op == RESUME:
            self.resumes += 1
            await session.send(INVALID_SESSION, False)
        elif op == REQUEST_MEMBERS:
            await self._member_chunks(session, data or {})
        elif op == PRESENCE:
            pass
        else:
            log.warning("gateway: unhandled op %s: %s", op, data)

    async def _identify(self, session: GatewaySession, data: dict[str, Any]) -> None:
        redacted = {k: v for k, v in data.items() if k != "token"}
        self.identifies.append(redacted)
        expected = self.fake.token
        if expected is not None and data.get("token") != expected:
            await session.ws.close(code=AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        shard_id, shard_count = data.get("shard") or (0, 1)
        if not 0 <= shard_id < shard_count:
            await session.ws.close(code=INVALID_SHARD, message=b"Invalid shard.")
            return
        session.shard = (shard_id, shard_count)
        guilds = [g for g in self.fake.guilds.values() if self.fake.bot_user.id in g.members and session.receives(g.id)]
        if len(guilds) > self.fake.max_guilds_per_shard:
            await session.ws.close(code=SHARDING_REQUIRED, message=b"Sharding required.")
            return
        session.identify = redacted
        session.session_id = secrets.token_hex(16)
        ready = {
            "v": 10,
            "user": {**self.fake.bot_user.payload(), "verified": True, "mfa_enabled": False, "flags": 0, "locale": "en-GB"},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.fake.gateway_url,
            "shard": [shard_id, shard_count],
            "application": {"id": str(self.fake.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ["fake-gateway"],
        }
        await session.send(DISPATCH, ready, "READY")
        for guild in guilds:
            await session.send(DISPATCH, guild.payload(), "GUILD_CREATE")
        session.identified = True
        log.info("gateway: identified session %s, shard %s of %s (intents %s)", session.session_id, shard_id, shard_count,
                 data.get("intents"))
        self.fake.notify()

    async def _member_chunks(self, session: GatewaySession, data: dict[str, Any]) -> None:
        ids = data.get("guild_id")
        for guild_id in ids if isinstance(ids, list) else [ids]:
            guild = self.fake.guilds.get(int(guild_id))
            members = [m.payload() for m in guild.members.values()] if guild else []
            chunk = {"guild_id": str(guild_id), "members": members, "chunk_index": 0, "chunk_count": 1}
            if data.get("nonce"):
                chunk["nonce"] = data["nonce"]
            await session.send(DISPATCH, chunk, "GUILD_MEMBERS_CHUNK")

    async def dispatch(self, event: str, data: dict[str, Any], timeout: float) -> GatewaySession:
        """Send an event to the session of its server's shard (a DM's: shard 0), waiting up to
        ``timeout`` for that session to exist; returns the session it went to."""
        raw = data.get("guild_id")
        guild_id = int(raw) if raw is not None else None
        where = f"server {guild_id}" if guild_id is not None else "a DM (shard 0)"
        session = await self.fake.wait_for(lambda: self.session_for(guild_id), timeout,
                                           what=f"the bot to be connected (IDENTIFY) on the shard of {where}")
        await session.send(DISPATCH, data, event)
        return session

    async def drop(self, code: int = 4000, *, shard: int | None = None) -> None:
        """Close the bot's live session (of ``shard``, else the newest) as a network blip would;
        discord.py reconnects and tries RESUME, which this fake refuses (INVALID_SESSION), so it
        identifies again."""
        session = self.current if shard is None else self.session_of_shard(shard)
        if session is None:
            raise AssertionError(f"no live gateway session to drop{'' if shard is None else f' on shard {shard}'}")
        await session.ws.close(code=code, message=b"fake discord dropped the connection")

    async def close_all(self) -> None:
        for session in self.sessions:
            if not session.ws.closed:
                await session.ws.close(code=1001, message=b"fake discord stopping")
