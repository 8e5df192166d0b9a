"""The discord.py client: intents, mentions, one error path, extensions, command registration.

Discord's daily limit on command creates (error 30034) makes "sync on every start" a real outage
risk, so ``run`` registers commands only when their payload changed since the last registration,
keeping a hash of what was registered in the database.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import io
import json
import logging
import pkgutil
import signal
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands

import cogs
from bot import metrics
from bot.config import Settings
from bot.db import Database
from bot.errors import UserError
from bot.models import BotMeta

log = logging.getLogger(__name__)

COMMANDS_HASH_KEY = "commands_hash"
COMMAND_SYNC_LOCK = "command-sync"
GENERIC_FAILURE = "Sorry, something went wrong on foibot's side. It has been logged; please try again in a moment."
# Discord shows "This interaction failed" 3 s after a click or a form that nobody answered; a click on
# a view that died with a restart or a timeout is answered after this many seconds instead.
UNANSWERED_GRACE = 2.5
EXPIRED_COMPONENT = "That button or menu has expired (foibot restarted, or it timed out): run the command again."
EXPIRED_FORM = (
    "That form has expired (foibot restarted, or it was open too long), so nothing was saved. "
    "Run the command again; what you typed is attached so you can paste it back."
)

Notice = Callable[[discord.Interaction["FoiBot"]], Awaitable[str | None]]


def point_discord_at(settings: Settings) -> None:
    """Send discord.py's HTTP and gateway traffic elsewhere (the tests' fake Discord)."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway)


async def reply_privately(interaction: discord.Interaction, content: str) -> None:
    """An ephemeral reply whether or not the interaction was already acknowledged."""
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(content, ephemeral=True)
            return
        if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            # The first followup after a defer fills the "thinking..." placeholder and keeps the
            # deferral's visibility, whatever its own flag says (discord-api-docs#2742): remove a
            # public placeholder first, so the message stays private.
            original = await interaction.original_response()
            if not original.flags.ephemeral:
                await original.delete()
        await interaction.followup.send(content, ephemeral=True)
    except discord.HTTPException as exc:  # the interaction may have expired (15 min) meanwhile
        log.warning("could not tell user %s about an error: %s", interaction.user.id, exc)


def typed_in_form(data: dict[str, Any]) -> str:
    """The text a member typed into a submitted form, one "label: value" block per input."""
    blocks: list[str] = []

    def walk(components: list[dict[str, Any]]) -> None:
        for component in components:
            if component.get("type") == 4 and component.get("value"):  # a text input
                blocks.append(f"{component.get('custom_id', 'text')}:\n{component['value']}")
            walk(component.get("components", []))
            if isinstance(component.get("component"), dict):  # inside a Label
                walk([component["component"]])

    walk(data.get("components", []))
    return "\n\n".join(blocks)


def _user_facing_message(error: app_commands.AppCommandError) -> str | None:
    """The text for an expected problem, or None when the error is ours (a bug)."""
    original = getattr(error, "original", error)
    if isinstance(original, UserError):
        return original.message
    if isinstance(error, app_commands.TransformerError):
        return f"I could not read {error.value!r} as {error.type.name.lower()}: check the value and try again."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    return None


def _what(interaction: discord.Interaction) -> str:
    """What the member was doing: the command, or the component or form by its custom id."""
    if interaction.command is not None:
        return f"command /{interaction.command.qualified_name}"
    custom_id = (interaction.data or {}).get("custom_id", "?") if isinstance(interaction.data, dict) else "?"
    kind = "form" if interaction.type is discord.InteractionType.modal_submit else "component"
    return f"{kind} {custom_id}"


async def report_error(
    interaction: discord.Interaction,
    error: BaseException,
    *,
    what: str | None = None,
    send: Callable[[str], Awaitable[Any]] | None = None,
) -> None:
    """The one way an error reaches a member, from a command, a form, a button or a menu.

    An expected problem (a ``UserError``, or one of discord.py's check failures) becomes its own
    short private message. Anything else is a bug: logged with what was being done, by whom and
    with which options, and the member gets a generic private message (never a traceback).
    ``send`` replaces the private reply where the message belongs elsewhere (an edited message).
    """
    message = _user_facing_message(error)  # type: ignore[arg-type]
    if message is None:
        options = dict(interaction.namespace.__dict__) if interaction.command is not None and interaction.namespace else {}
        log.error(
            "%s failed for user %s with options %r",
            what or _what(interaction),
            interaction.user.id,
            options,
            exc_info=getattr(error, "original", error),
        )
        message = GENERIC_FAILURE
    if send is not None:
        try:
            await send(message)
            return
        except discord.HTTPException as exc:
            log.warning("could not show user %s the error in place: %s", interaction.user.id, exc)
    await reply_privately(interaction, message)


class FoiTree(app_commands.CommandTree):
    """One error path for every command: ``report_error``."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        expected = _user_facing_message(error) is not None
        metrics.command_failed(interaction.command.qualified_name if interaction.command else "?", expected=expected)
        await report_error(interaction, error)


class FoiView(discord.ui.View):
    """A view whose items' errors take the one error path (a View's errors never reach the tree)."""

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        await report_error(interaction, error, what=f"component {getattr(item, 'custom_id', '?')}")


class FoiModal(discord.ui.Modal):
    """A form whose errors take the one error path."""

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        await report_error(interaction, error, what=f"form {self.custom_id}")


# Seconds discord.py may wait out a rate limit (its minimum is 30); well inside the alert lease.
MAX_RATELIMIT_WAIT = 30.0


class FoiBot(commands.Bot):
    """foibot. ``services=False`` builds the command tree without starting background work
    (``check`` and ``sync`` use it)."""

    def __init__(self, settings: Settings, db: Database, *, services: bool = True, **shard_options: Any) -> None:
        super().__init__(
            **shard_options,
            command_prefix=commands.when_mentioned,  # slash-only; no message content intent needed
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=FoiTree,
            help_command=None,
            # Usable in servers, in DMs with the bot, and as a user-installed app.
            allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True),
            allowed_installs=app_commands.AppInstallationType(guild=True, user=True),
            guild_ready_timeout=settings.guild_ready_timeout,
            # A 429 longer than this raises RateLimited instead of being slept through: the alert
            # dispatcher must not sit inside a claim past its lease (it reschedules instead).
            max_ratelimit_timeout=MAX_RATELIMIT_WAIT,
        )
        self.settings = settings
        self.db = db
        self.services_enabled = services
        self.auto_register = services
        # Cogs may add callables that produce a private notice for the member (e.g. "your DMs are
        # closed"); they are sent after the member's next command.
        self.notices: list[Notice] = []
        self._pending_checks: set[asyncio.Task[None]] = set()

    # -- start-up -----------------------------------------------------------------------------

    async def load_all_extensions(self) -> None:
        names = [f"cogs.{m.name}" for m in pkgutil.iter_modules(cogs.__path__) if not m.name.startswith("_")]
        for name in [*sorted(names), *self.settings.extension_names()]:
            await self.load_extension(name)
            log.debug("loaded extension %s", name)

    async def setup_hook(self) -> None:
        await self.load_all_extensions()
        if self.auto_register:
            await self.register_commands_if_changed()

    async def on_ready(self) -> None:
        log.info("foibot ready as %s (id %s) in %d server(s), %s", self.user, self.user.id if self.user else "?",
                 len(self.guilds), self.settings.shard_plan().describe())
        # What start-up built (modules, the command tree, the servers and members just cached) lives
        # as long as the process: frozen out of the collector's sight, so a full collection no longer
        # walks all of it on the event loop (about 0.2 s each, several a minute under load, before).
        # https://docs.python.org/3/library/gc.html#gc.freeze
        gc.collect()
        gc.freeze()

    async def on_shard_ready(self, shard_id: int) -> None:
        log.info("shard %s of %s ready", shard_id, self.shard_count)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        if interaction.type in (discord.InteractionType.component, discord.InteractionType.modal_submit):
            task = asyncio.create_task(self._answer_if_unanswered(interaction))
            self._pending_checks.add(task)
            task.add_done_callback(self._pending_checks.discard)

    async def _answer_if_unanswered(self, interaction: discord.Interaction) -> None:
        """Answer a click or a form that no live view handled, so the member never sees "This
        interaction failed", and never loses text typed into a form."""
        await asyncio.sleep(UNANSWERED_GRACE)
        if interaction.response.is_done():
            return
        log.info("unanswered %s %r from user %s: expired", interaction.type.name, (interaction.data or {}).get("custom_id"), interaction.user.id)
        try:
            if interaction.type is discord.InteractionType.modal_submit:
                typed = typed_in_form(interaction.data or {})
                files = [discord.File(io.BytesIO(typed.encode("utf-8")), "what-you-typed.txt")] if typed else []
                await interaction.response.send_message(EXPIRED_FORM, files=files, ephemeral=True)
            else:
                await interaction.response.send_message(EXPIRED_COMPONENT, ephemeral=True)
        except discord.InteractionResponded:
            pass  # the real handler answered in the meantime
        except discord.HTTPException as exc:
            log.warning("could not answer an expired interaction from user %s: %s", interaction.user.id, exc)

    async def on_app_command_completion(self, interaction: discord.Interaction[FoiBot], command: Any) -> None:
        metrics.command_done(command.qualified_name, (discord.utils.utcnow() - interaction.created_at).total_seconds())
        if interaction.response.type is discord.InteractionResponseType.modal:
            # A form was the answer: no message can follow it, so the notices wait for the next command
            # (they are taken, not just read, so calling them now would lose them).
            return
        for notice in self.notices:
            try:
                text = await notice(interaction)
            except Exception:
                log.exception("notice failed for user %s", interaction.user.id)
                continue
            if text:
                await reply_privately(interaction, text)

    # -- command registration -------------------------------------------------------------------

    def command_payload(self) -> list[dict[str, Any]]:
        return [command.to_dict(self.tree) for command in self.tree.get_commands()]

    def command_target(self) -> str:
        return f"guild:{self.settings.dev_guild_id}" if self.settings.dev_guild_id else "global"

    def command_hash(self) -> str:
        body = json.dumps({"target": self.command_target(), "commands": self.command_payload()}, sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()

    async def register_commands(self) -> int:
        """Register the tree (globally, or copied to the dev guild) and remember its hash."""
        if self.settings.dev_guild_id:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        else:
            synced = await self.tree.sync()
        async with self.db.transaction() as session:
            row = await session.get(BotMeta, COMMANDS_HASH_KEY)
            if row is None:
                row = BotMeta(key=COMMANDS_HASH_KEY, value="")
            row.value = self.command_hash()
            row.updated_at = datetime.now(timezone.utc)
            session.add(row)
        log.info("registered %d slash command(s) (%s)", len(synced), self.command_target())
        return len(synced)

    async def register_commands_if_changed(self) -> bool:
        # Shard clusters start together: one process registers under the database's lock, the
        # others wait for it, then find its hash and skip (Discord's daily limit on creates).
        async with self.db.lock(COMMAND_SYNC_LOCK):
            async with self.db.read() as session:
                row = await session.get(BotMeta, COMMANDS_HASH_KEY)
            if row is not None and row.value == self.command_hash():
                log.info("slash commands unchanged since the last registration; not registering")
                return False
            await self.register_commands()
            return True


class ShardedFoiBot(FoiBot, commands.AutoShardedBot):
    """foibot on the shards ``SHARD_IDS`` of ``SHARD_COUNT``: one gateway connection per shard."""


# What cogs annotate an interaction with: its client is a FoiBot, so ``interaction.client.db``,
# ``.settings`` and ``.get_cog`` are typed and no cog needs a ``type: ignore`` to reach them.
Interaction = discord.Interaction[FoiBot]


def make_bot(settings: Settings, db: Database) -> FoiBot:
    plan = settings.shard_plan()
    if not plan.sharded:
        return FoiBot(settings, db)
    return ShardedFoiBot(settings, db, shard_count=plan.count, shard_ids=list(plan.shard_ids))


# Gateway close codes for a shard Discord refuses (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
REFUSED_SHARDS = {
    4010: "Discord refused SHARD_COUNT={count}: a shard id is outside it (4010 Invalid shard); check SHARD_COUNT and SHARD_IDS",
    4011: "Discord refused SHARD_COUNT={count}: a shard would hold more than 2,500 servers (4011 Sharding required); "
          "raise SHARD_COUNT (Discord suggests about one shard per 1,000 servers)",
}


async def serve(settings: Settings, db: Database, token: str) -> None:
    """Run the bot until SIGINT/SIGTERM; a token or a shard count Discord refuses becomes a
    one-line ``UserError``."""
    point_discord_at(settings)
    bot = make_bot(settings, db)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        try:
            await bot.start(token)
        except discord.LoginFailure:
            raise UserError(
                "Discord refused DISCORD_TOKEN: reset the token on the Developer Portal's Bot page and put the new one in .env"
            ) from None
        except discord.ConnectionClosed as exc:
            if exc.code not in REFUSED_SHARDS:
                raise
            raise UserError(REFUSED_SHARDS[exc.code].format(count=settings.shard_count or 1)) from None
