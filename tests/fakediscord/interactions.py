"""Interactions the fake sends, and what the bot answered to each.

``InteractionRecord`` is what ``FakeDiscord.slash/click/select/submit_modal/autocomplete`` return.
Its waiting helpers (``response``, ``reply``, ``followups``, ``modal``, ``choices``) time out with
a readable account of what the fake did receive, so a test never hangs.

The ``*_data`` builders turn a test's plain values into the ``data`` object of an interaction,
typed from the command payload the bot **registered** (so a string option is sent as a string, a
user option as an id plus ``resolved`` user/member data, and so on).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tests.fakediscord.models import FakeChannel, FakeFile, FakeMessage, FakeRole, FakeUser, walk_components

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord

log = logging.getLogger(__name__)

# Interaction types and callback types (https://discord.com/developers/docs/interactions/receiving-and-responding).
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT, MODAL = 4, 5, 6, 7, 8, 9
ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {MESSAGE, DEFERRED_MESSAGE, MODAL},
    MESSAGE_COMPONENT: {MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL},
    MODAL_SUBMIT: {MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE},
    AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
}
CALLBACK_NAMES = {4: "message", 5: "deferred message", 6: "deferred update", 7: "update message", 8: "autocomplete result", 9: "modal"}


@dataclass
class CallbackRecord:
    """The bot's answer to ``POST /interactions/{id}/{token}/callback``."""

    type: int
    data: dict[str, Any]
    files: list[FakeFile]
    latency: float  # seconds from dispatch to callback; Discord allows 3 s
    message_version: int = 0  # the message's version when the callback came (for DEFERRED_UPDATE)

    @property
    def ephemeral(self) -> bool:
        return bool((self.data.get("flags") or 0) & 64)

    @property
    def deferred(self) -> bool:
        return self.type in (DEFERRED_MESSAGE, DEFERRED_UPDATE)

    def __str__(self) -> str:
        return f"{CALLBACK_NAMES.get(self.type, self.type)}{' (ephemeral)' if self.ephemeral else ''}"


@dataclass
class InteractionRecord:
    fake: FakeDiscord
    id: int
    token: str
    type: int
    payload: dict[str, Any]
    user: FakeUser
    channel: FakeChannel
    label: str  # "/request log" or "click 'confirm'": for failure messages
    message_id: int | None = None  # the message a component was on
    callback: CallbackRecord | None = None
    original_id: int | None = None  # what messages/@original refers to
    followup_ids: list[int] = field(default_factory=list)
    dispatched_at: float = field(default_factory=time.monotonic)
    shard: tuple[int, int] | None = None  # (id, count) of the session it was sent to
    answer_latency: float | None = None  # seconds from dispatch to the first followup or edit

    def note_answer(self) -> None:
        if self.answer_latency is None:
            self.answer_latency = time.monotonic() - self.dispatched_at

    @property
    def guild_id(self) -> int | None:
        return self.channel.guild_id

    @property
    def original(self) -> FakeMessage | None:
        return self.fake.messages.get(self.original_id) if self.original_id else None

    @property
    def followup_messages(self) -> list[FakeMessage]:
        return [self.fake.messages[i] for i in self.followup_ids]

    @property
    def visible_messages(self) -> list[FakeMessage]:
        """The original response and followups that exist and are not still "thinking"."""
        found = [self.original, *self.followup_messages]
        return list({m.id: m for m in found if m is not None and not m.deleted and not m.loading}.values())

    async def response(self, timeout: float | None = None) -> CallbackRecord:
        """The interaction callback (message, defer, update, modal or autocomplete choices)."""
        return await self.fake.wait_for(lambda: self.callback, timeout, what=f"a response to {self.label}")

    async def reply(self, timeout: float | None = None) -> FakeMessage:
        """The first thing the member sees, however the bot got there: the message sent with the
        callback, the deferred placeholder once edited or filled by the first followup, or (for a
        component) the updated message."""

        def visible() -> FakeMessage | None:
            cb = self.callback
            if cb is None:
                return None
            if cb.type in (MODAL, AUTOCOMPLETE_RESULT):
                raise AssertionError(f"{self.label} was answered with a {CALLBACK_NAMES[cb.type]}, not a message: {cb.data}")
            original = self.original
            if cb.type in (MESSAGE, UPDATE_MESSAGE):
                return original
            if cb.type == DEFERRED_MESSAGE:
                if original is not None and not original.loading and not original.deleted:
                    return original
                # The bot deleted its placeholder and answered with a fresh followup.
                return next((m for m in self.followup_messages if not m.deleted), None)
            if self.followup_ids:  # DEFERRED_UPDATE: a followup or an edit of the message
                return self.followup_messages[0]
            if original is not None and original.version > cb.message_version:
                return original
            return None

        return await self.fake.wait_for(visible, timeout, what=f"a visible reply to {self.label}")

    async def followups(self, n: int = 1, timeout: float | None = None) -> list[FakeMessage]:
        """At least ``n`` followup messages (the first followup after a defer fills the placeholder
        and counts here too)."""
        return await self.fake.wait_for(
            lambda: self.followup_messages if len(self.followup_ids) >= n else None,
            timeout,
            what=f"{n} followup(s) to {self.label}",
        )

    async def modal(self, timeout: float | None = None) -> dict[str, Any]:
        cb = await self.response(timeout)
        if cb.type != MODAL:
            raise AssertionError(f"{self.label} was answered with a {cb}, not a modal")
        return cb.data

    async def choices(self, timeout: float | None = None) -> list[dict[str, Any]]:
        cb = await self.response(timeout)
        if cb.type != AUTOCOMPLETE_RESULT:
            raise AssertionError(f"{self.label} was answered with a {cb}, not autocomplete choices")
        return list(cb.data.get("choices", []))

    def __str__(self) -> str:
        state = str(self.callback) if self.callback else "NO RESPONSE"
        return f"{self.label} by {self.user} in {self.channel}: {state}, followups={len(self.followup_ids)}"


# -- building the ``data`` of an interaction ---------------------------------------------------

STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = 3, 4, 5, 6, 7, 8, 9, 10, 11


def command_data(
    fake: FakeDiscord,
    command: dict[str, Any],
    path: list[str],
    options: dict[str, Any],
    *,
    scope: int | None,
    focused: str | None = None,
    validate: bool = True,
) -> dict[str, Any]:
    """``data`` for an APPLICATION_COMMAND (or AUTOCOMPLETE when ``focused`` names an option)."""
    resolved: dict[str, dict[str, Any]] = {}
    top: list[dict[str, Any]] = []
    container, defs, where = top, command.get("options", []), f"/{command['name']}"
    for name in path:
        sub = next((d for d in defs if d["name"] == name and d["type"] in (1, 2)), None)
        if sub is None:
            subs = [d["name"] for d in defs if d["type"] in (1, 2)]
            raise AssertionError(f"{where} has no subcommand {name!r}; it has {subs}")
        node: dict[str, Any] = {"name": name, "type": sub["type"], "options": []}
        container.append(node)
        container, defs, where = node["options"], sub.get("options", []), f"{where} {name}"
    if any(d["type"] in (1, 2) for d in defs):
        raise AssertionError(f"{where} needs a subcommand: one of {[d['name'] for d in defs]}")
    known = {d["name"]: d for d in defs}
    for name in options:
        if name not in known:
            raise AssertionError(f"{where} has no option {name!r}; its options are {list(known)}")
    for definition in defs:
        name = definition["name"]
        if name not in options:
            if definition.get("required") and validate and focused is None:
                raise AssertionError(f"{where} needs option {name!r} (required)")
            continue
        if name == focused:
            container.append({"name": name, "type": definition["type"], "value": options[name], "focused": True})
            continue
        value = _option_value(fake, definition, options[name], resolved, scope_guild=fake.guilds.get(scope) if scope else None,
                              validate=validate and focused is None, where=f"{where} {name}:")
        container.append({"name": name, "type": definition["type"], "value": value})
    data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": command.get("type", 1), "options": top}
    if resolved and focused is None:  # Discord sends no resolved data with autocomplete
        data["resolved"] = resolved
    if scope is not None:
        data["guild_id"] = str(scope)
    return data


def _option_value(fake: FakeDiscord, definition: dict[str, Any], value: Any, resolved: dict[str, dict[str, Any]],
                  *, scope_guild: Any, validate: bool, where: str) -> Any:
    kind = definition["type"]
    if kind in (STRING, INTEGER, NUMBER):
        choices = definition.get("choices") or []
        if choices:
            by_name = {c["name"]: c["value"] for c in choices}
            values = [c["value"] for c in choices]
            if value not in values and value in by_name:
                value = by_name[value]
            if validate and value not in values:
                raise AssertionError(f"{where} {value!r} is not one of the choices {choices}")
        expected = {STRING: (str,), INTEGER: (int,), NUMBER: (int, float)}[kind]
        if validate and (not isinstance(value, expected) or isinstance(value, bool)):
            raise AssertionError(f"{where} expects {expected[0].__name__}, got {value!r}")
        if validate and kind == STRING:
            low, high = definition.get("min_length", 0), definition.get("max_length", 6000)
            if not low <= len(value) <= high:
                raise AssertionError(f"{where} length {len(value)} is outside {low}..{high} (Discord's client refuses it)")
        if validate and kind in (INTEGER, NUMBER):
            low, high = definition.get("min_value"), definition.get("max_value")
            if (low is not None and value < low) or (high is not None and value > high):
                raise AssertionError(f"{where} {value} is outside {low}..{high} (Discord's client refuses it)")
        return value
    if kind == BOOLEAN:
        if validate and not isinstance(value, bool):
            raise AssertionError(f"{where} expects a bool, got {value!r}")
        return value
    if kind == ATTACHMENT:
        upload = fake.upload(value)
        resolved.setdefault("attachments", {})[str(upload.id)] = upload.payload()
        return str(upload.id)
    if kind in (USER, MENTIONABLE) and isinstance(value, (FakeUser, int)) and fake.find_user(value) is not None:
        user = fake.find_user(value)
        assert user is not None
        resolved.setdefault("users", {})[str(user.id)] = user.payload()
        if scope_guild is not None and user.id in scope_guild.members:
            member = scope_guild.members[user.id]
            resolved.setdefault("members", {})[str(user.id)] = member.payload(with_user=False, with_permissions=True)
        return str(user.id)
    if kind in (ROLE, MENTIONABLE):
        role = value if isinstance(value, FakeRole) else fake.find_role(value)
        if role is None:
            raise AssertionError(f"{where} {value!r} is not a known role" + (" or user" if kind == MENTIONABLE else ""))
        resolved.setdefault("roles", {})[str(role.id)] = role.payload()
        return str(role.id)
    if kind == CHANNEL:
        channel = value if isinstance(value, FakeChannel) else fake.channels.get(int(value))
        if channel is None:
            raise AssertionError(f"{where} {value!r} is not a known channel")
        allowed = definition.get("channel_types")
        if validate and allowed and channel.type not in allowed:
            raise AssertionError(f"{where} channel type {channel.type} is not among {allowed}")
        resolved.setdefault("channels", {})[str(channel.id)] = channel.payload(permissions=fake.permissions_in(channel))
        return str(channel.id)
    if kind == USER:
        raise AssertionError(f"{where} {value!r} is not a known user")
    raise AssertionError(f"{where} option type {kind} is not supported by the fake")


def select_data(fake: FakeDiscord, component: dict[str, Any], values: list[Any], *, guild: Any) -> dict[str, Any]:
    """``data`` for choosing ``values`` in a select menu (string, user, role, mentionable, channel)."""
    kind = component["type"]
    low, high = component.get("min_values", 1), component.get("max_values", 1)
    if not low <= len(values) <= high:
        raise AssertionError(f"select {component['custom_id']!r} takes {low}..{high} values, got {len(values)}")
    data: dict[str, Any] = {"custom_id": component["custom_id"], "component_type": kind}
    if kind == 3:
        offered = [o["value"] for o in component.get("options", [])]
        for value in values:
            if value not in offered:
                raise AssertionError(f"select {component['custom_id']!r} offers {offered}, not {value!r}")
        data["values"] = list(values)
        return data
    resolved: dict[str, dict[str, Any]] = {}
    definition = {5: USER, 6: ROLE, 7: MENTIONABLE, 8: CHANNEL}[kind]
    data["values"] = [
        _option_value(fake, {"type": definition}, v, resolved, scope_guild=guild, validate=True, where="select")
        for v in values
    ]
    data["resolved"] = resolved
    return data


def modal_submit_data(modal: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """``data`` for submitting ``modal`` (the callback's data) with ``values`` by custom_id.

    Inputs the test leaves out are sent with their pre-filled value; Discord's client refuses an
    empty required input or one outside its length limits, so those are test mistakes here.
    """
    inputs = {c["custom_id"]: c for c in walk_components(modal.get("components", [])) if "custom_id" in c}
    unknown = set(values) - set(inputs)
    if unknown:
        raise AssertionError(f"modal {modal.get('custom_id')!r} has no inputs {sorted(unknown)}; it has {sorted(inputs)}")

    def submitted(component: dict[str, Any]) -> dict[str, Any]:
        kind, custom_id = component["type"], component["custom_id"]
        out: dict[str, Any] = {"type": kind, "custom_id": custom_id}
        if "id" in component:
            out["id"] = component["id"]
        if kind == 4:  # text input
            value = str(values.get(custom_id, component.get("value") or ""))
            required = component.get("required", True)
            if required and not value:
                raise AssertionError(f"modal input {custom_id!r} is required")
            if value and not component.get("min_length", 0) <= len(value) <= component.get("max_length", 4000):
                raise AssertionError(f"modal input {custom_id!r}: {len(value)} characters is outside its limits")
            out["value"] = value
        elif kind in (21, 23):  # radio group, checkbox
            out["value"] = values.get(custom_id, False if kind == 23 else None)
        else:  # selects, checkbox groups, file uploads
            out["values"] = list(values.get(custom_id, []))
        return out

    def mirror(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
        result = []
        for comp in components:
            if comp["type"] == 1:
                result.append({"type": 1, "components": mirror(comp.get("components", []))})
            elif comp["type"] == 18:
                result.append({"type": 18, "id": comp.get("id", 0), "component": submitted(comp["component"])})
            elif "custom_id" in comp:
                result.append(submitted(comp))
        return result

    return {"custom_id": modal["custom_id"], "components": mirror(modal.get("components", []))}
