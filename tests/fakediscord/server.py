"""A protocol-level fake Discord: an aiohttp HTTP API and gateway websocket on 127.0.0.1.

The real discord.py connects to it when its HTTP base (``discord.http.Route.BASE``) and gateway
(``DiscordWebSocket.DEFAULT_GATEWAY``) point here: ``fake.api_base`` and ``fake.gateway_url``. A
bot under test reads those from its environment under names of its own, which the fake is told
(``FakeDiscord(env_names=EnvNames(api_base="MY_API_BASE", gateway="MY_GATEWAY"))``; ``fake.env()``
then gives both). Tests act as members: run slash commands, click buttons, pick from selects, fill
modals, and read back what the bot sent: interaction responses, followups, channel messages, DMs
and files.

Usage (foibot's fixtures live in ``tests/e2e/conftest.py``)::

    @pytest.mark.e2e
    async def test_request_log_replies_privately(fake_discord, bot_process):
        await bot_process()                                   # real `python -m bot run`, ready
        ix = await fake_discord.slash("request log", {"authority": "Home Office"})
        reply = await ix.reply()                              # callback, or deferred + followup
        assert reply.ephemeral and "Home Office" in reply.text
        confirm = await fake_discord.click(reply, "request:confirm")
        await confirm.response()                              # e.g. UPDATE_MESSAGE (type 7)
        dm = await fake_discord.wait_for_dm(fake_discord.alice)
        assert dm.files["letter.md"].startswith(b"Dear")

World: ``fake.guild`` (channels "general" and "alerts"), members ``fake.alice``, ``fake.bob``,
``fake.admin`` (administrator), ``fake.stranger`` (no shared server), the bot ``fake.bot_user``.
Records: ``fake.messages`` (every message by id, in order), ``fake.dms(user)``,
``fake.channel_messages(channel)``, ``fake.interactions``, ``fake.requests``, ``fake.unknown_routes``,
``fake.registered_commands(guild=None)``, ``fake.command_puts``.
In process: ``fake.deliver = handler`` hands each action's INTERACTION_CREATE payload to ``handler``
(a client with no gateway session) instead of the gateway; the answers still come over HTTP.
Timing: a click, a pick or a form submitted comes at least ``reaction_time`` (0.2 s) after the
fake last answered the bot, as a member's would (discord.py files a view only once the call that
sent it returns). Failures: ``fake.fail_next("POST /channels/{channel_id}/messages", status=429, times=2)``,
``fake.block_dms(user)`` (403 / 50007), ``fake.global_rate_limit = 50`` (Discord's global limit per
token, off by default; refused requests in ``fake.globally_limited``). Every wait times out with ``fake.describe()`` in the message.
Each ``RequestRecord`` has its arrival time (``at``, ``time.time()``) and headers. ``fake.before(route,
hook)`` awaits ``hook(record)`` when a request to ``route`` arrives, before anything else answers it:
the hook may look (who sent it, was it allowed then), hold it (await something) or answer it (return
a ``web.Response``); returning None lets it through as usual.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import socket
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, TypeVar

from aiohttp import web

from tests.fakediscord import actions as fake_actions
from tests.fakediscord.command_store import CommandStore
from tests.fakediscord.gateway import Gateway
from tests.fakediscord.rest import HttpApi
from tests.fakediscord.interactions import InteractionRecord
from tests.fakediscord.models import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    BOT_PERMISSIONS,
    DM,
    GUILD_TEXT,
    MEMBER_PERMISSIONS,
    FakeChannel,
    FakeFile,
    FakeGuild,
    FakeMember,
    FakeMessage,
    FakeRole,
    FakeUser,
    Snowflakes,
)
from tests.fakediscord.wire import RequestRecord, error, rate_limit_response

log = logging.getLogger(__name__)

T = TypeVar("T")
_DEFAULT: Any = object()
TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/')


@dataclass(frozen=True)
class EnvNames:
    """The environment variables the bot under test reads the fake's addresses from."""

    api_base: str
    gateway: str


Hook = Callable[[RequestRecord], Awaitable["web.Response | None"]]


@dataclass
class _Failure:
    route: str
    response: Callable[[], web.Response]
    remaining: int
    where: dict[str, str]


class FakeDiscord:
    """The fake: its world (users, guilds, channels), what it received, and the member's actions."""

    def __init__(self, *, token: str | None = None, heartbeat_interval_ms: int = 41_250, nonce_window: float = 300.0,
                 default_timeout: float = 15.0, response_deadline: float | None = None,
                 env_names: EnvNames | None = None, bot_name: str = "foibot", reaction_time: float = 0.2) -> None:
        self.token = token  # None: any "Bot ..." token is accepted
        self.env_names = env_names
        # Discord voids an interaction not answered within 3 s (10062 Unknown interaction). Off by
        # default so a loaded CI machine cannot fail a test; set 3.0 to test that commands defer.
        self.response_deadline = response_deadline
        self.default_timeout = default_timeout
        # A member clicks, picks or submits at least this long after the bot's latest answer (see
        # ``actions._send``); ``last_answer_at`` is when the fake last answered an HTTP call (monotonic).
        self.reaction_time = reaction_time
        self.last_answer_at = 0.0
        self.nonce_window = nonce_window
        # Discord's global limit: requests a second per bot token, across all its processes, on every
        # route but interactions and webhooks (50 unless Discord raised it for the bot); over it, 429
        # with "global": true. https://discord.com/developers/docs/topics/rate-limits#global-rate-limit
        # None (the default): not enforced, so no other test is slowed by it.
        self.global_rate_limit: int | None = None
        self.globally_limited: list[RequestRecord] = []  # the requests answered with that 429
        self._global_window: deque[float] = deque()  # when the last second's counted requests came
        # Discord closes an IDENTIFY whose shard would hold more servers than this with 4011.
        self.max_guilds_per_shard = 2500
        self.new_id = Snowflakes()
        self.users: dict[int, FakeUser] = {}
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.messages: dict[int, FakeMessage] = {}
        self.uploads: dict[int, FakeFile] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}
        self.requests: list[RequestRecord] = []
        self.unknown_routes: list[RequestRecord] = []
        self.nonces: dict[str, tuple[int, float]] = {}
        self.blocked_dm_users: set[int] = set()
        self.command_overrides: set[tuple[int, str, int]] = set()  # (guild, command, user): see allow_command
        self._failures: list[_Failure] = []
        self._hooks: list[tuple[str, Hook]] = []
        self._diagnostics: list[tuple[str, Callable[[], str]]] = []
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port = 0

        self.bot_user = self._new_user(bot_name, bot=True)
        self.application_id = self.bot_user.id  # for bots made since 2019 the two ids are equal
        self.owner = self._new_user("owner")
        self.guild = self.add_guild("Test Server", owner=self.owner, channels=("general", "alerts"))
        self.alice = self.add_user("alice")
        self.bob = self.add_user("bob")
        self.admin = self.add_user("admin", admin=True)
        self.stranger = self.add_user("stranger", guild=None)
        self.commands = CommandStore(self.application_id, self.new_id)
        self.gateway = Gateway(self, heartbeat_interval_ms)
        self.http = HttpApi(self)
        # A client in the same process, with no gateway session: when set, the members' actions hand
        # their INTERACTION_CREATE payloads to it instead (answers still come back over HTTP).
        self.deliver: Callable[[dict[str, Any]], None] | None = None

    # -- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        self.http.install(app)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # loopback only, any free port
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        log.info("fake discord listening on %s", self.base_url)
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    def env(self) -> dict[str, str]:
        """The bot's environment variables that point it here (named by ``env_names``)."""
        if self.env_names is None:
            raise RuntimeError("the fake does not know the bot's variable names: pass env_names=EnvNames(...) to FakeDiscord")
        return {self.env_names.api_base: self.api_base, self.env_names.gateway: self.gateway_url}

    # -- the world ---------------------------------------------------------------------------------

    def _new_user(self, name: str, *, bot: bool = False) -> FakeUser:
        user = FakeUser(self.new_id(), name, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(self, name: str, *, owner: FakeUser, channels: tuple[str, ...] = ("general",),
                  shard: tuple[int, int] | None = None) -> FakeGuild:
        """A server with the bot in it; ``shard=(id, count)`` picks an id on that shard."""
        gid = self.new_id.on_shard(*shard) if shard is not None else self.new_id()
        guild = FakeGuild(gid, name, owner.id, everyone=FakeRole(gid, "@everyone", MEMBER_PERMISSIONS))
        guild.roles.append(FakeRole(self.new_id(), "Admin", ADMINISTRATOR, position=1))
        for position, channel_name in enumerate(channels):
            channel = FakeChannel(self.new_id(), GUILD_TEXT, channel_name, guild_id=gid, position=position)
            guild.channels.append(channel)
            self.channels[channel.id] = channel
        self.guilds[gid] = guild
        guild.members[self.bot_user.id] = FakeMember(self.bot_user, gid, BOT_PERMISSIONS)
        guild.members[owner.id] = FakeMember(owner, gid, ALL_PERMISSIONS)
        return guild

    def add_user(self, name: str, *, guild: FakeGuild | None = _DEFAULT, admin: bool = False) -> FakeUser:
        """A new user, by default a member of ``fake.guild`` (``guild=None``: shares no server)."""
        user = self._new_user(name)
        guild = self.guild if guild is _DEFAULT else guild
        if guild is not None:
            self.add_member(guild, user, admin=admin)
        return user

    def add_member(self, guild: FakeGuild, user: FakeUser, *, admin: bool = False) -> FakeMember:
        roles = [guild.roles[0].id] if admin else []
        member = FakeMember(user, guild.id, ALL_PERMISSIONS if admin else MEMBER_PERMISSIONS, roles=roles)
        guild.members[user.id] = member
        return member

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        for channel in self.channels.values():
            if channel.type == DM and channel.recipient is not None and channel.recipient.id == user.id:
                return channel
        channel = FakeChannel(self.new_id(), DM, recipient=user)
        self.channels[channel.id] = channel
        return channel

    def find_user(self, value: FakeUser | FakeMember | int | None) -> FakeUser | None:
        if isinstance(value, FakeMember):
            value = value.user
        ident = value.id if isinstance(value, FakeUser) else value
        return self.users.get(ident) if isinstance(ident, int) else None

    def find_role(self, value: FakeRole | int) -> FakeRole | None:
        ident = value.id if isinstance(value, FakeRole) else int(value)
        for guild in self.guilds.values():
            for role in (guild.everyone, *guild.roles):
                if role.id == ident:
                    return role
        return None

    def permissions_in(self, channel: FakeChannel, user: FakeUser | None = None) -> int:
        guild = self.guilds.get(channel.guild_id) if channel.guild_id else None
        member = guild.members.get((user or self.bot_user).id) if guild else None
        return member.permissions if member else MEMBER_PERMISSIONS

    def upload(self, value: FakeFile | tuple[Any, ...]) -> FakeFile:
        """Register a file (from the bot's multipart, or a test's attachment option) with an id and URL."""
        upload = value if isinstance(value, FakeFile) else FakeFile(*value)
        if not upload.id:
            upload.id = self.new_id()
            upload.url = f"{self.base_url}/attachments/{upload.id}/{upload.filename}"
            self.uploads[upload.id] = upload
        return upload

    def new_message(self, channel: FakeChannel, *, kind: str, interaction: InteractionRecord | None = None) -> FakeMessage:
        msg = FakeMessage(self.new_id(), channel.id, self.bot_user, kind, guild_id=channel.guild_id)
        if interaction is not None:
            msg.interaction_id = interaction.id
            msg.application_id = self.application_id
            msg.interaction_metadata = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": interaction.user.payload(),
                "authorizing_integration_owners": interaction.payload["authorizing_integration_owners"],
            }
        self.messages[msg.id] = msg
        return msg

    def application_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id), "name": self.bot_user.username, "icon": None, "description": "",
            "summary": "", "bot_public": True, "bot_require_code_grant": False, "verify_key": "0" * 64,
            "owner": self.owner.payload(), "team": None, "flags": 0, "bot": self.bot_user.payload(),
            "interactions_endpoint_url": None, "redirect_uris": [], "tags": [],
            "approximate_guild_count": len(self.guilds), "integration_types_config": {"0": {}, "1": {}},
        }

    # -- acting as a member (tests/fakediscord/actions.py) --------------------------------------------

    slash = fake_actions.slash
    autocomplete = fake_actions.autocomplete
    click = fake_actions.click
    select = fake_actions.select
    submit_modal = fake_actions.submit_modal

    # -- reading back ----------------------------------------------------------------------------

    def dms(self, user: FakeUser | int) -> list[FakeMessage]:
        """The bot's DMs to ``user`` (a user or an id), oldest first."""
        ident = user.id if isinstance(user, FakeUser) else user
        return [m for m in self.messages.values() if m.kind == "dm" and not m.deleted
                and getattr(self.channels[m.channel_id].recipient, "id", None) == ident]

    def channel_messages(self, channel: FakeChannel) -> list[FakeMessage]:
        return [m for m in self.messages.values() if m.kind == "channel" and m.channel_id == channel.id and not m.deleted]

    def registered_commands(self, guild: FakeGuild | None = None) -> list[dict[str, Any]]:
        return self.commands.get(guild.id if guild else None)

    def requests_to(self, route: str) -> list[RequestRecord]:
        """Requests by route template, e.g. "PUT /applications/{application_id}/commands"."""
        return [r for r in self.requests if r.route == route]

    @property
    def command_puts(self) -> int:
        """PUTs to the global or any guild's command list (each one counts against Discord's limits)."""
        return len(self.commands.puts)

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float | None = None, *, what: str = "the condition") -> T:
        """Wait until ``predicate()`` is truthy and return it; on timeout fail with ``describe()``."""
        loop = asyncio.get_running_loop()
        limit = self.default_timeout if timeout is None else timeout
        deadline = loop.time() + limit
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out after {limit:.0f} s waiting for {what}\n{self.describe()}")
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    def notify(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def wait_for_dm(self, user: FakeUser | int, timeout: float | None = None,
                          predicate: Callable[[FakeMessage], bool] | None = None) -> FakeMessage:
        """The first DM to ``user`` that matches ``predicate`` (any, by default)."""
        def first() -> FakeMessage | None:
            return next((m for m in self.dms(user) if predicate is None or predicate(m)), None)
        return await self.wait_for(first, timeout, what=f"a DM to {self.find_user(user) or user}")

    async def wait_for_message(self, channel: FakeChannel, timeout: float | None = None,
                               predicate: Callable[[FakeMessage], bool] | None = None) -> FakeMessage:
        def first() -> FakeMessage | None:
            return next((m for m in self.channel_messages(channel) if predicate is None or predicate(m)), None)
        return await self.wait_for(first, timeout, what=f"a message in {channel}")

    # -- failure injection ----------------------------------------------------------------------------

    def fail_next(self, route: str, *, status: int = 500, times: int = 1, retry_after: float = 0.05,
                  is_global: bool = False, code: int = 0, message: str | None = None,
                  where: dict[str, Any] | None = None) -> None:
        """Make the next ``times`` requests to ``route`` (e.g. "POST /channels/{channel_id}/messages";
        ``where={"channel_id": id}`` narrows it) fail with ``status``: 429 carries ``retry_after``."""
        known = [f"{m} {p}" for m, p, _ in self.http.routes()]
        if route not in known:
            raise ValueError(f"unknown route {route!r}; known routes: {known}")
        if status == 429:
            bucket = secrets.token_hex(8)
            response: Callable[[], web.Response] = lambda: rate_limit_response(retry_after, is_global=is_global, bucket=bucket)  # noqa: E731
        else:
            text = message or {500: "500: Internal Server Error", 403: "Missing Permissions", 404: "Not Found"}.get(status, "Error")
            response = lambda: error(status, code, text)  # noqa: E731
        self._failures.append(_Failure(route, response, times, {k: str(v) for k, v in (where or {}).items()}))

    def before(self, route: str, hook: Hook) -> Callable[[], None]:
        """Await ``hook(record)`` for each request to ``route`` as it arrives (before auth, failures
        and the handler); a ``web.Response`` it returns is the answer. Returns a function that
        removes the hook."""
        known = [f"{m} {p}" for m, p, _ in self.http.routes()]
        if route not in known:
            raise ValueError(f"unknown route {route!r}; known routes: {known}")
        entry = (route, hook)
        self._hooks.append(entry)
        return lambda: self._hooks.remove(entry) if entry in self._hooks else None

    async def run_hooks(self, record: RequestRecord) -> web.Response | None:
        self.notify()  # a request arrived: waiters on ``requests`` look again, even while a hook holds it
        for route, hook in list(self._hooks):
            if route == record.route:
                answer = await hook(record)
                if answer is not None:
                    return answer
        return None

    def take_global_limit(self, record: RequestRecord) -> web.Response | None:
        """The global 429 for a request over ``global_rate_limit`` in the last second, else None
        (and the request is counted)."""
        if self.global_rate_limit is None:
            return None
        now = time.monotonic()
        window = self._global_window
        while window and now - window[0] >= 1.0:
            window.popleft()
        if len(window) >= self.global_rate_limit:
            self.globally_limited.append(record)
            return rate_limit_response(max(0.01, 1.0 - (now - window[0])), is_global=True, bucket="global")
        window.append(now)
        return None

    def take_failure(self, route: str, match_info: dict[str, str]) -> web.Response | None:
        for failure in self._failures:
            if failure.route == route and failure.remaining > 0 and all(match_info.get(k) == v for k, v in failure.where.items()):
                failure.remaining -= 1
                return failure.response()
        return None

    def allow_command(self, guild: FakeGuild, name: str, user: FakeUser) -> None:
        """A server admin's per-member override of a command's default permissions (Discord's
        Server Settings > Integrations): the command is offered to ``user`` whatever their permissions."""
        self.command_overrides.add((guild.id, name, user.id))

    def block_dms(self, user: FakeUser | int) -> None:
        """The user closed their DMs: messages to them get 403 / 50007 "Cannot send messages to this user"."""
        self.blocked_dm_users.add(user.id if isinstance(user, FakeUser) else user)

    def unblock_dms(self, user: FakeUser | int) -> None:
        self.blocked_dm_users.discard(user.id if isinstance(user, FakeUser) else user)

    # -- diagnostics ----------------------------------------------------------------------------------

    def add_diagnostic(self, name: str, produce: Callable[[], str]) -> None:
        """Extra text for every timeout message (the bot_process fixture adds the bot's log)."""
        self._diagnostics.append((name, produce))

    def received_text(self) -> str:
        """Every request body the fake received (JSON text, payload_json, file contents)."""
        return "\n".join(r.body_text for r in self.requests if r.body_text)

    def assert_no_unknown_routes(self) -> None:
        assert not self.unknown_routes, "the bot used routes the fake does not know: " + ", ".join(map(str, self.unknown_routes))

    def assert_no_tracebacks(self) -> None:
        text = self.received_text()
        found = [marker for marker in TRACEBACK_MARKERS if marker in text]
        assert not found, f"traceback text reached Discord ({found}):\n{text[-3000:]}"

    def describe(self, limit: int = 40) -> str:
        sessions = ", ".join(f"{s.session_id[:8] or '-'}{' closed' if s.closed else ''}" for s in self.gateway.sessions)
        lines = [f"fake discord at {self.base_url}: {len(self.requests)} request(s), "
                 f"{self.gateway.identify_count} IDENTIFY, sessions [{sessions}]"]
        lines += ["requests (latest last):", *(f"  {r}" for r in self.requests[-limit:])]
        lines += ["interactions:", *(f"  {ix}" for ix in list(self.interactions.values())[-limit:])]
        lines += ["messages:", *(f"  {m}" for m in list(self.messages.values())[-limit:])]
        if self.unknown_routes:
            lines += ["UNKNOWN ROUTES:", *(f"  {r}" for r in self.unknown_routes)]
        for name, produce in self._diagnostics:
            try:
                lines += [f"--- {name} ---", produce()]
            except Exception as exc:  # a diagnostic must never hide the real failure
                lines += [f"--- {name}: unavailable ({exc}) ---"]
        return "\n".join(lines)
