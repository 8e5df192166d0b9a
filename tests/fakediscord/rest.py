"""The fake's HTTP API: routes under /api/v10, a middleware that records and can fail requests.

Route templates match discord.py's ``Route`` paths (``discord/http.py``, ``webhook/async_.py``).
Every request is recorded as a ``RequestRecord`` (route = "METHOD /template"); requests to
routes the fake does not know get 404 and land in ``fake.unknown_routes`` too, so a test can
assert that the bot only used what the fake implements. Error bodies use Discord's shape
(``{"message", "code"}``, plus ``errors`` for 50035) so discord.py raises the same exceptions.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from aiohttp import web

from tests.fakediscord.limits import choices_errors, message_errors, modal_errors
from tests.fakediscord.models import EPHEMERAL, LOADING, FakeMessage, now
from tests.fakediscord.interactions import (
    ALLOWED_CALLBACKS,
    AUTOCOMPLETE_RESULT,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    MESSAGE,
    MODAL,
    UPDATE_MESSAGE,
    CallbackRecord,
    InteractionRecord,
)

from tests.fakediscord.wire import (
    RequestRecord,
    apply_body,
    callback_payload,
    error,
    invalid,
    json_response,
    read_body,
)

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord

log = logging.getLogger(__name__)

API = "/api/v10"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Per-request storage key for the RequestRecord (aiohttp >= 3.9 prefers typed keys).
RECORD: Any = web.RequestKey("record", RequestRecord) if hasattr(web, "RequestKey") else "record"
# Flags a bot may set on a message it sends; ephemeral only through interactions.
SETTABLE_FLAGS = (1 << 2) | (1 << 12) | (1 << 15)  # suppress embeds, suppress notifications, components v2


class HttpApi:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def routes(self) -> list[tuple[str, str, Handler]]:
        f = self
        return [
            ("GET", "/users/@me", f.get_me),
            ("POST", "/users/@me/channels", f.create_dm),
            ("GET", "/users/{user_id}", f.get_user),
            ("GET", "/oauth2/applications/@me", f.get_application),
            ("GET", "/applications/@me", f.get_application),
            ("GET", "/gateway", f.get_gateway),
            ("GET", "/gateway/bot", f.get_gateway),
            ("GET", "/applications/{application_id}/commands", f.get_commands),
            ("PUT", "/applications/{application_id}/commands", f.put_commands),
            ("GET", "/applications/{application_id}/guilds/{guild_id}/commands", f.get_commands),
            ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", f.put_commands),
            ("GET", "/guilds/{guild_id}", f.get_guild),
            ("GET", "/guilds/{guild_id}/channels", f.get_guild_channels),
            ("GET", "/guilds/{guild_id}/members/{user_id}", f.get_member),
            ("GET", "/channels/{channel_id}", f.get_channel),
            ("POST", "/channels/{channel_id}/typing", f.typing),
            ("POST", "/channels/{channel_id}/messages", f.create_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", f.channel_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", f.channel_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", f.channel_message),
            ("POST", "/interactions/{interaction_id}/{token}/callback", f.callback),
            ("POST", "/webhooks/{application_id}/{token}", f.followup),
            ("GET", "/webhooks/{application_id}/{token}/messages/{message_id}", f.webhook_message),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/{message_id}", f.webhook_message),
            ("DELETE", "/webhooks/{application_id}/{token}/messages/{message_id}", f.webhook_message),
        ]

    def install(self, app: web.Application) -> None:
        for method, path, handler in self.routes():
            app.router.add_route(method, API + path, handler)
        app.router.add_get("/gateway", self.fake.gateway.handle)
        app.router.add_get("/attachments/{attachment_id}/{filename}", self.attachment)
        app.router.add_route("*", "/{tail:.*}", self.unknown)
        app.middlewares.append(self.middleware)

    # -- recording, auth and failure injection --------------------------------------------------

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == "/gateway":
            return await handler(request)
        canonical = request.match_info.route.resource.canonical if request.match_info.route.resource else ""
        template = canonical[len(API):] if canonical.startswith(API) else canonical
        route = "UNKNOWN" if handler == self.unknown else f"{request.method} {template}"
        record = RequestRecord(request.method, request.path_qs, route, query=dict(request.query), at=time.time(),
                               headers=dict(request.headers))
        await read_body(request, record)
        request[RECORD] = record
        self.fake.requests.append(record)
        response: web.StreamResponse
        answered = await self.fake.run_hooks(record)
        # A bot-token route Discord knows: authenticated, and counted against the global limit.
        bot_route = (request.path.startswith(API) and not template.startswith(("/webhooks/", "/interactions/"))
                     and handler != self.unknown)
        auth = request.headers.get("Authorization", "")
        if answered is not None:
            response = answered
        elif bot_route and (not auth.startswith("Bot ") or (self.fake.token is not None and auth[4:] != self.fake.token)):
            response = error(401, 0, "401: Unauthorized")
        elif bot_route and (limited := self.fake.take_global_limit(record)) is not None:
            response = limited
        elif (failure := self.fake.take_failure(route, dict(request.match_info))) is not None:
            response = failure
        else:
            response = await handler(request)
        record.status = response.status
        if response.status >= 400:
            log.info("fake discord: %s %s -> %s", request.method, request.path, response.status)
        self.fake.last_answer_at = time.monotonic()
        self.fake.notify()
        return response

    async def unknown(self, request: web.Request) -> web.Response:
        self.fake.unknown_routes.append(request[RECORD])
        log.warning("fake discord: unknown route %s %s", request.method, request.path)
        return error(404, 0, "404: Not Found")

    # -- users, application, gateway, commands, guilds, channels ----------------------------------

    async def get_me(self, request: web.Request) -> web.Response:
        me = {**self.fake.bot_user.payload(), "verified": True, "mfa_enabled": False, "flags": 0, "locale": "en-GB"}
        return json_response(me)

    async def get_user(self, request: web.Request) -> web.Response:
        user = self.fake.users.get(int(request.match_info["user_id"]))
        return json_response(user.payload()) if user else error(404, 10013, "Unknown User")

    async def create_dm(self, request: web.Request) -> web.Response:
        body = request[RECORD].json or {}
        user = self.fake.users.get(int(body.get("recipient_id", 0)))
        if user is None:
            return error(400, 50033, "Invalid Recipient(s)")
        return json_response(self.fake.dm_channel(user).payload())

    async def get_application(self, request: web.Request) -> web.Response:
        return json_response(self.fake.application_payload())

    async def get_gateway(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        # Discord recommends about one shard per 1,000 servers (at most 2,500 are allowed).
        shards = max(1, -(-len(self.fake.guilds) // 1000))
        return json_response({"url": self.fake.gateway_url, "shards": shards, "session_start_limit": limit})

    def _scope(self, request: web.Request) -> int | None | web.Response:
        if int(request.match_info["application_id"]) != self.fake.application_id:
            return error(403, 20012, "You are not authorized to perform this action on this application")
        guild_id = request.match_info.get("guild_id")
        if guild_id is not None and int(guild_id) not in self.fake.guilds:
            return error(403, 50001, "Missing Access")
        return int(guild_id) if guild_id is not None else None

    async def get_commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        return scope if isinstance(scope, web.Response) else json_response(self.fake.commands.get(scope))

    async def put_commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        if isinstance(scope, web.Response):
            return scope
        status, body = self.fake.commands.put(scope, request[RECORD].json)
        return json_response(body, status=status)

    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self.fake.guilds.get(int(request.match_info["guild_id"]))
        return json_response(guild.payload()) if guild else error(404, 10004, "Unknown Guild")

    async def get_guild_channels(self, request: web.Request) -> web.Response:
        guild = self.fake.guilds.get(int(request.match_info["guild_id"]))
        return json_response([c.payload() for c in guild.channels]) if guild else error(404, 10004, "Unknown Guild")

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self.fake.guilds.get(int(request.match_info["guild_id"]))
        member = guild.members.get(int(request.match_info["user_id"])) if guild else None
        return json_response(member.payload()) if member else error(404, 10007, "Unknown Member")

    async def get_channel(self, request: web.Request) -> web.Response:
        channel = self.fake.channels.get(int(request.match_info["channel_id"]))
        return json_response(channel.payload()) if channel else error(404, 10003, "Unknown Channel")

    async def typing(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def attachment(self, request: web.Request) -> web.Response:
        upload = self.fake.uploads.get(int(request.match_info["attachment_id"]))
        if upload is None:
            return web.Response(status=404)
        return web.Response(body=upload.data, content_type=upload.content_type or "application/octet-stream")

    # -- channel messages and DMs ---------------------------------------------------------------

    async def create_message(self, request: web.Request) -> web.Response:
        record: RequestRecord = request[RECORD]
        body = record.json or {}
        channel = self.fake.channels.get(int(request.match_info["channel_id"]))
        if channel is None:
            return error(404, 10003, "Unknown Channel")
        if channel.is_dm and channel.recipient is not None and channel.recipient.id in self.fake.blocked_dm_users:
            return error(403, 50007, "Cannot send messages to this user")
        problem = message_errors(body, uploads=len(record.files))
        if problem:
            return invalid(problem)
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            seen = self.fake.nonces.get(str(nonce))
            # Discord: the same nonce from the same author "in the past few minutes" returns that message.
            if seen is not None and time.monotonic() - seen[1] < self.fake.nonce_window:
                return json_response(self.fake.messages[seen[0]].payload())
        msg = self.fake.new_message(channel, kind="dm" if channel.is_dm else "channel")
        msg.nonce = str(nonce) if nonce is not None else None
        apply_body(self.fake, msg, body, record.files, settable=SETTABLE_FLAGS)
        if nonce is not None and body.get("enforce_nonce"):
            self.fake.nonces[str(nonce)] = (msg.id, time.monotonic())
        return json_response(msg.payload())

    async def channel_message(self, request: web.Request) -> web.StreamResponse:
        msg = self.fake.messages.get(int(request.match_info["message_id"]))
        if msg is None or msg.deleted or msg.channel_id != int(request.match_info["channel_id"]):
            return error(404, 10008, "Unknown Message")
        return self._message_verb(request, msg, settable=SETTABLE_FLAGS)

    def _message_verb(self, request: web.Request, msg: FakeMessage, *, settable: int) -> web.StreamResponse:
        record: RequestRecord = request[RECORD]
        if request.method == "DELETE":
            msg.deleted = True
            return web.Response(status=204)
        if request.method == "PATCH":
            body = record.json or {}
            problem = message_errors(body, uploads=len(record.files), existing_attachments=len(msg.attachments))
            if problem and problem[0] != 50006:
                return invalid(problem)
            was_loading = msg.loading
            apply_body(self.fake, msg, body, record.files, settable=settable)
            if not was_loading:  # resolving a "thinking" placeholder is not an edit
                msg.edited_at = now()
        return json_response(msg.payload())

    # -- interactions: callback, followups, @original -------------------------------------------

    async def callback(self, request: web.Request) -> web.Response:
        record: RequestRecord = request[RECORD]
        ix = self.fake.interactions.get(int(request.match_info["interaction_id"]))
        if ix is None or ix.token != request.match_info["token"]:
            return error(404, 10062, "Unknown interaction")
        if ix.callback is not None:
            return error(400, 40060, "Interaction has already been acknowledged.")
        body = record.json or {}
        kind, data = body.get("type"), body.get("data") or {}
        if kind not in ALLOWED_CALLBACKS.get(ix.type, set()):
            return error(400, 50035, "Invalid Form Body", {"type": {"_errors": [
                {"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": f"Callback type {kind} is not valid for interaction type {ix.type}."}]}})
        problem = self._callback_problem(ix, kind, data, record)
        if problem is not None:
            return problem
        latency = time.monotonic() - ix.dispatched_at
        if self.fake.response_deadline is not None and latency > self.fake.response_deadline:
            return error(404, 10062, "Unknown interaction")
        if latency > 3:
            log.warning("fake discord: %s answered after %.1f s; Discord allows 3 s (10062 in production)", ix.label, latency)
        target: FakeMessage | None = None
        if kind in (MESSAGE, DEFERRED_MESSAGE):
            target = self.fake.new_message(ix.channel, kind="response", interaction=ix)
            if kind == MESSAGE:
                apply_body(self.fake, target, data, record.files, settable=SETTABLE_FLAGS | EPHEMERAL)
            else:
                target.flags = LOADING | ((data.get("flags") or 0) & EPHEMERAL)
            ix.original_id = target.id
        elif kind in (DEFERRED_UPDATE, UPDATE_MESSAGE) and ix.message_id is not None:
            target = self.fake.messages[ix.message_id]
            ix.original_id = target.id
            if kind == UPDATE_MESSAGE:
                apply_body(self.fake, target, data, record.files, settable=SETTABLE_FLAGS)
                target.edited_at = now()
        ix.callback = CallbackRecord(kind, data, record.files, latency, message_version=target.version if target else 0)
        log.debug("fake discord: %s answered with %s", ix.label, ix.callback)
        if "with_response" not in request.query:
            return web.Response(status=204)
        return json_response(callback_payload(ix, target))

    def _callback_problem(self, ix: InteractionRecord, kind: int, data: dict[str, Any], record: RequestRecord) -> web.Response | None:
        if kind == MESSAGE:
            problem = message_errors(data, uploads=len(record.files))
            return invalid(problem, prefix="data") if problem else None
        if kind == UPDATE_MESSAGE:
            if ix.message_id is None:
                return error(400, 50035, "Invalid Form Body", {"type": {"_errors": [
                    {"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": "There is no message to update."}]}})
            problem = message_errors(data, uploads=len(record.files), existing_attachments=1)
            return invalid(problem, prefix="data") if problem and problem[0] != 50006 else None
        errors = choices_errors(data) if kind == AUTOCOMPLETE_RESULT else modal_errors(data) if kind == MODAL else {}
        return error(400, 50035, "Invalid Form Body", errors) if errors else None

    def _interaction_for_token(self, request: web.Request) -> InteractionRecord | None:
        ix = self.fake.interactions_by_token.get(request.match_info["token"])
        if ix is None or int(request.match_info["application_id"]) != self.fake.application_id:
            return None
        # Until the interaction is acknowledged its webhook does not exist.
        return ix if ix.callback is not None and ix.callback.type not in (MODAL, AUTOCOMPLETE_RESULT) else None

    async def followup(self, request: web.Request) -> web.Response:
        record: RequestRecord = request[RECORD]
        ix = self._interaction_for_token(request)
        if ix is None:
            return error(404, 10015, "Unknown Webhook")
        body = record.json or {}
        problem = message_errors(body, uploads=len(record.files))
        if problem:
            return invalid(problem)
        original = ix.original
        if ix.callback is not None and ix.callback.type == DEFERRED_MESSAGE and original is not None and original.loading \
                and not original.deleted:
            # Discord: a followup sent while the deferred response is still loading resolves it;
            # the deferral's ephemeral flag wins (discord-api-docs#2742, #3466).
            apply_body(self.fake, original, body, record.files, settable=SETTABLE_FLAGS)
            msg = original
        else:
            msg = self.fake.new_message(ix.channel, kind="followup", interaction=ix)
            apply_body(self.fake, msg, body, record.files, settable=SETTABLE_FLAGS | EPHEMERAL)
        ix.followup_ids.append(msg.id)
        ix.note_answer()
        return json_response(msg.payload())

    async def webhook_message(self, request: web.Request) -> web.StreamResponse:
        ix = self._interaction_for_token(request)
        if ix is None:
            return error(404, 10015, "Unknown Webhook")
        wanted = request.match_info["message_id"]
        message_id = ix.original_id if wanted == "@original" else int(wanted)
        msg = self.fake.messages.get(message_id) if message_id else None
        if msg is None or msg.deleted or (message_id != ix.original_id and message_id not in ix.followup_ids):
            return error(404, 10008, "Unknown Message")
        response = self._message_verb(request, msg, settable=SETTABLE_FLAGS)
        if request.method == "PATCH" and response.status < 300:
            ix.note_answer()
        return response
