"""Acting as a member: run slash commands, autocomplete, click buttons, pick from selects, submit
modals. Each builds a real INTERACTION_CREATE payload and sends it over the bot's gateway session
(or hands it to ``fake.deliver``, a client in the same process).

``FakeDiscord`` exposes the public functions as methods (``fake.slash(...)``); the payload fields are the ones
discord.py's ``Interaction._from_data`` reads: id, application_id, type, token, version, data,
guild_id + guild + member (with permissions) or user, channel + channel_id, locale,
app_permissions, entitlements, authorizing_integration_owners, context, attachment_size_limit.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import TYPE_CHECKING, Any

from tests.fakediscord.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    InteractionRecord,
    command_data,
    modal_submit_data,
    select_data,
)
from tests.fakediscord.models import ADMINISTRATOR, DEFAULT_FILE_SIZE_LIMIT, FakeChannel, FakeGuild, FakeMessage, FakeUser

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord

log = logging.getLogger(__name__)


async def slash(fake: FakeDiscord, name: str, options: dict[str, Any] | None = None, *, user: FakeUser | None = None,
                guild: FakeGuild | bool = True, channel: FakeChannel | None = None, locale: str = "en-GB",
                validate: bool = True, timeout: float | None = None) -> InteractionRecord:
    """Run ``/name`` ("request log": subcommands by spaces) with ``options`` typed from the
    registered command; ``guild=False`` runs it in the member's DM with the bot."""
    user, chan = _where(fake, user, guild, channel)
    top, *path = name.split()
    command, scope = fake.commands.find(top, chan.guild_id)
    _check_visible(fake, command, user, chan)
    data = command_data(fake, command, path, options or {}, scope=scope, validate=validate)
    return await _send(fake, APPLICATION_COMMAND, data, user, chan, f"/{name}", locale=locale, timeout=timeout)


async def autocomplete(fake: FakeDiscord, name: str, focused: str, value: Any, options: dict[str, Any] | None = None, *,
                       user: FakeUser | None = None, guild: FakeGuild | bool = True,
                       channel: FakeChannel | None = None, timeout: float | None = None) -> InteractionRecord:
    """Type ``value`` into option ``focused`` of ``/name``; ``await ix.choices()`` for the answer."""
    user, chan = _where(fake, user, guild, channel)
    top, *path = name.split()
    command, scope = fake.commands.find(top, chan.guild_id)
    data = command_data(fake, command, path, {**(options or {}), focused: value}, scope=scope, focused=focused)
    return await _send(fake, AUTOCOMPLETE, data, user, chan, f"autocomplete /{name} {focused}={value!r}", timeout=timeout)


async def click(fake: FakeDiscord, message: FakeMessage, custom_id: str, *, user: FakeUser | None = None,
                timeout: float | None = None) -> InteractionRecord:
    msg, user = _clickable(fake, message, user)
    component = msg.component(custom_id)
    if component["type"] != 2 or component.get("style") in (5, 6):
        raise AssertionError(f"{custom_id!r} on message {msg.id} is not a clickable button: {component}")
    if component.get("disabled"):
        raise AssertionError(f"button {custom_id!r} on message {msg.id} is disabled")
    data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
    if "id" in component:
        data["id"] = component["id"]
    return await _send(fake, MESSAGE_COMPONENT, data, user, fake.channels[msg.channel_id], f"click {custom_id!r}",
                       message=msg, timeout=timeout)


async def select(fake: FakeDiscord, message: FakeMessage, custom_id: str, values: list[Any], *, user: FakeUser | None = None,
                 timeout: float | None = None) -> InteractionRecord:
    msg, user = _clickable(fake, message, user)
    component = msg.component(custom_id)
    if component["type"] not in (3, 5, 6, 7, 8) or component.get("disabled"):
        raise AssertionError(f"{custom_id!r} on message {msg.id} is not an enabled select: {component}")
    data = select_data(fake, component, values, guild=fake.guilds.get(msg.guild_id) if msg.guild_id else None)
    return await _send(fake, MESSAGE_COMPONENT, data, user, fake.channels[msg.channel_id],
                       f"select {custom_id!r}={values!r}", message=msg, timeout=timeout)


async def submit_modal(fake: FakeDiscord, source: InteractionRecord | dict[str, Any], values: dict[str, Any], *,
                       user: FakeUser | None = None, timeout: float | None = None) -> InteractionRecord:
    """Fill and submit the modal the bot opened: ``source`` is the interaction it answered with the
    modal, or the modal itself (``await ix.modal()``). Inputs left out keep their pre-filled value."""
    if isinstance(source, dict):
        opener = next((ix for ix in fake.interactions.values() if ix.callback is not None and ix.callback.data is source), None)
        if opener is None:
            raise AssertionError(f"no interaction was answered with the modal {source.get('custom_id')!r}")
        source = opener
    modal = await source.modal(timeout)
    data = modal_submit_data(modal, values)
    # A modal opened from a button carries that button's message, as Discord sends it.
    message = fake.messages.get(source.message_id) if source.message_id else None
    return await _send(fake, MODAL_SUBMIT, data, user or source.user, source.channel,
                       f"modal {modal['custom_id']!r}", message=message, timeout=timeout)


def _where(fake: FakeDiscord, user: FakeUser | None, guild: FakeGuild | bool, channel: FakeChannel | None) -> tuple[FakeUser, FakeChannel]:
    found = fake.find_user(user) if user is not None else fake.alice
    if found is None:
        raise AssertionError(f"{user!r} is not a user of this fake")
    user = found
    if channel is None:
        if guild is False:
            channel = fake.dm_channel(user)
        else:
            channel = (fake.guild if guild is True else guild).text_channels[0]  # type: ignore[union-attr]
    if channel.guild_id is not None and user.id not in fake.guilds[channel.guild_id].members:
        raise AssertionError(f"{user} is not a member of the server of {channel}")
    return user, channel


def _check_visible(fake: FakeDiscord, command: dict[str, Any], user: FakeUser, channel: FakeChannel) -> None:
    context = 0 if channel.guild_id else 1
    contexts = command.get("contexts")
    # What Discord's client offers: the command's contexts (0 server, 1 bot DM), legacy dm_permission,
    # and default_member_permissions (hidden unless the member has them or is an administrator).
    if (contexts is not None and context not in contexts) or (context == 1 and command.get("dm_permission") is False):
        raise AssertionError(f"/{command['name']} is not offered in {channel} (contexts {contexts})")
    needed = command.get("default_member_permissions")
    # A server's admins can let a member use a command anyway (Server Settings > Integrations).
    allowed = (channel.guild_id, command["name"], user.id) in fake.command_overrides
    if needed is not None and channel.guild_id is not None and not allowed:
        have = fake.permissions_in(channel, user)
        if not have & ADMINISTRATOR and int(needed) & ~have:
            raise AssertionError(f"/{command['name']} is hidden from {user}: needs permissions {needed}")


def _clickable(fake: FakeDiscord, message: FakeMessage | int, user: FakeUser | None) -> tuple[FakeMessage, FakeUser]:
    msg = fake.messages.get(message.id if isinstance(message, FakeMessage) else message)
    if msg is None or msg.deleted:
        raise AssertionError(f"message {message} does not exist (or was deleted)")
    owner = fake.interactions[msg.interaction_id].user if msg.interaction_id in fake.interactions else None
    user = fake.find_user(user) if user is not None else (owner or fake.alice)
    assert user is not None
    if msg.ephemeral and owner is not None and owner.id != user.id:
        raise AssertionError(f"message {msg.id} is ephemeral: only {owner} can see it, not {user}")
    return msg, user


async def _send(fake: FakeDiscord, kind: int, data: dict[str, Any], user: FakeUser, channel: FakeChannel, label: str, *,
                message: FakeMessage | None = None, locale: str = "en-GB", timeout: float | None = None) -> InteractionRecord:
    if kind in (MESSAGE_COMPONENT, MODAL_SUBMIT):
        # A member acts on what they see, and nobody clicks within a moment of a message or a form
        # appearing. discord.py files a message's view, or a form, only once the HTTP call that sent
        # it has returned; an action sent the instant the fake recorded that call could overtake the
        # return on the bot's loop and find nothing to answer it ("has expired"), a race no member
        # can cause in production.
        wait = fake.last_answer_at + fake.reaction_time - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
    iid, token = fake.new_id(), secrets.token_urlsafe(48)
    guild = fake.guilds.get(channel.guild_id) if channel.guild_id else None
    payload: dict[str, Any] = {
        "id": str(iid), "application_id": str(fake.application_id), "type": kind, "token": token,
        "version": 1, "data": data, "channel_id": str(channel.id),
        "channel": channel.payload(permissions=fake.permissions_in(channel, user) if guild else None),
        "locale": locale, "app_permissions": str(fake.permissions_in(channel)),
        "entitlements": [], "entitlement_sku_ids": [],
        # Guild install ("0"): the server's id, or "0" in the bot's DM.
        "authorizing_integration_owners": {"0": str(guild.id) if guild else "0"},
        "context": 0 if guild else 1,
        "attachment_size_limit": DEFAULT_FILE_SIZE_LIMIT,
    }
    if guild is not None:
        payload.update(guild_id=str(guild.id), guild_locale=guild.locale,
                       guild={"id": str(guild.id), "locale": guild.locale, "features": []},
                       member=guild.members[user.id].payload(with_permissions=True))
    else:
        payload["user"] = user.payload()
    if message is not None:
        payload["message"] = message.payload()
    ix = InteractionRecord(fake, iid, token, kind, payload, user, channel, label,
                           message_id=message.id if message else None)
    fake.interactions[iid] = ix
    fake.interactions_by_token[token] = ix
    if fake.deliver is not None:  # a client in this process, without a gateway session
        ix.dispatched_at = time.monotonic()
        fake.deliver(payload)
        return ix
    session = await fake.gateway.dispatch("INTERACTION_CREATE", payload, timeout or fake.default_timeout)
    ix.dispatched_at = time.monotonic()
    ix.shard = session.shard
    return ix
