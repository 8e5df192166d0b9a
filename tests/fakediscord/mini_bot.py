"""A tiny discord.py bot that uses every feature of the fake, for the fake's own tests.

``running_mini_bot(fake)`` runs it in-process (same event loop as the fake, no subprocess), so
the fake's self-tests are fast; it is also a short reference for how each interaction behaves.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import discord
import yarl
from discord import app_commands
from discord.ext import commands

log = logging.getLogger(__name__)

TOKEN = "MTA1MDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"


class Choices(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=60)

    @discord.ui.button(label="OK", custom_id="demo:ok", style=discord.ButtonStyle.primary)
    async def ok(self, interaction: discord.Interaction, button: discord.ui.Button[Choices]) -> None:
        button.disabled = True
        await interaction.response.edit_message(content=f"confirmed by {interaction.user.name}", view=self)

    @discord.ui.button(label="Form", custom_id="demo:form")
    async def form(self, interaction: discord.Interaction, button: discord.ui.Button[Choices]) -> None:
        await interaction.response.send_modal(Feedback())

    @discord.ui.select(custom_id="demo:fruit", options=[discord.SelectOption(label=f, value=f) for f in ("apple", "pear", "plum")])
    async def fruit(self, interaction: discord.Interaction, select: discord.ui.Select[Choices]) -> None:
        await interaction.response.defer()
        await interaction.followup.send(f"you picked {select.values[0]}", ephemeral=True)


class Feedback(discord.ui.Modal, title="Feedback"):
    subject: discord.ui.TextInput[Feedback] = discord.ui.TextInput(label="Subject", custom_id="subject", max_length=50)
    body: discord.ui.TextInput[Feedback] = discord.ui.TextInput(
        label="Body", custom_id="body", style=discord.TextStyle.long, required=False, default="(none)"
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks: {self.subject.value} / {self.body.value}", ephemeral=True)


class Demo(commands.Cog):
    note = app_commands.Group(name="note", description="Notes")
    admin = app_commands.Group(name="admin", description="Admin notes", parent=note)

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(description="Answers pong")
    async def ping(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong", ephemeral=True)

    @app_commands.command(description="Echoes typed options")
    @app_commands.choices(colour=[app_commands.Choice(name="Red", value="red"), app_commands.Choice(name="Blue", value="blue")])
    async def echo(self, interaction: discord.Interaction, text: str, count: app_commands.Range[int, 1, 5], loud: bool = False,
                   who: discord.User | None = None, ratio: float = 0.5, colour: str = "red",
                   where: discord.TextChannel | None = None) -> None:
        words = [text.upper() if loud else text] * count
        extra = f" who={who.name}" if who else ""
        extra += f" where={where.name}" if where else ""
        await interaction.response.send_message(f"{' '.join(words)} ratio={ratio} colour={colour}{extra}")

    @admin.command(name="add", description="Adds an admin note")
    async def admin_add(self, interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(f"noted: {text} in {interaction.guild.name if interaction.guild else 'DM'}")

    @app_commands.command(description="Autocompletes a fruit")
    async def pick(self, interaction: discord.Interaction, fruit: str) -> None:
        await interaction.response.send_message(f"picked {fruit}")

    @pick.autocomplete("fruit")
    async def pick_fruit(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f, value=f) for f in ("apple", "apricot", "banana") if f.startswith(current)]

    @app_commands.command(description="Opens a modal")
    async def form(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(Feedback())

    @app_commands.command(description="Buttons and a select")
    async def buttons(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("choose", view=Choices(), ephemeral=True)

    @app_commands.command(description="Defers, then follows up twice")
    async def slow(self, interaction: discord.Interaction, public: bool = False) -> None:
        await interaction.response.defer(ephemeral=not public, thinking=True)
        await interaction.followup.send("first", ephemeral=True)
        await interaction.followup.send("second", ephemeral=True)

    @app_commands.command(description="Defers, then edits the original")
    async def edited(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True)
        await interaction.edit_original_response(content="edited answer")
        original = await interaction.original_response()
        await interaction.followup.send(f"original says {original.content}", ephemeral=True)

    @app_commands.command(description="DMs a member")
    async def dm(self, interaction: discord.Interaction, who: discord.User, nonce: str | None = None) -> None:
        try:
            message = await who.send("hello from the bot", nonce=nonce) if nonce else await who.send("hello from the bot")
        except discord.Forbidden as exc:
            await interaction.response.send_message(f"cannot DM: {exc.code}", ephemeral=True)
            return
        await interaction.response.send_message(f"sent {message.id}", ephemeral=True)

    @app_commands.command(description="Posts in the channel, twice with the same nonce")
    async def post(self, interaction: discord.Interaction, nonce: str) -> None:
        assert interaction.channel is not None and isinstance(interaction.channel, discord.TextChannel)
        first = await interaction.channel.send("posted", nonce=nonce)
        second = await interaction.channel.send("posted", nonce=nonce)
        await interaction.response.send_message(f"same={first.id == second.id}", ephemeral=True)

    @app_commands.command(description="Sends a file, then replaces it")
    async def letter(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("your letter", file=discord.File(io.BytesIO(b"Dear Sir"), "letter.md"))
        await interaction.edit_original_response(attachments=[discord.File(io.BytesIO(b"Dear Madam"), "letter-v2.md")])

    @app_commands.command(description="Reads an uploaded file")
    async def upload(self, interaction: discord.Interaction, document: discord.Attachment) -> None:
        data = await document.read()
        await interaction.response.send_message(f"{document.filename}: {len(data)} bytes, starts {data[:5]!r}")

    @app_commands.command(description="Too long for one message")
    async def long(self, interaction: discord.Interaction) -> None:
        try:
            await interaction.response.send_message("x" * 2001)
        except discord.HTTPException as exc:
            log.info("as expected: %s", exc)
            await interaction.response.send_message(f"refused: {exc.code}", ephemeral=True)

    @app_commands.command(description="Says which shards answered")
    async def shards(self, interaction: discord.Interaction) -> None:
        ids = getattr(self.bot, "shard_ids", None)
        await interaction.response.send_message(f"shards {ids} of {self.bot.shard_count}; servers {len(self.bot.guilds)}")

    @app_commands.command(description="Admins only")
    @app_commands.default_permissions(manage_guild=True)
    async def secret(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("secret", ephemeral=True)


def build_bot(*, shard_ids: list[int] | None = None, shard_count: int | None = None) -> commands.Bot:
    """The mini bot; with ``shard_count`` an ``AutoShardedBot`` on ``shard_ids`` (all by default)."""
    options = dict(command_prefix=commands.when_mentioned, intents=discord.Intents.default(), guild_ready_timeout=0.05)
    bot: commands.Bot
    if shard_count is None:
        bot = commands.Bot(**options)  # type: ignore[arg-type]
    else:
        bot = commands.AutoShardedBot(shard_ids=shard_ids, shard_count=shard_count, **options)  # type: ignore[arg-type]

    async def setup_hook() -> None:
        await bot.add_cog(Demo(bot))
        await bot.tree.sync()

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    return bot


@asynccontextmanager
async def running_mini_bot(fake: object, *, timeout: float = 10.0, shard_ids: list[int] | None = None,
                           shard_count: int | None = None) -> AsyncIterator[commands.Bot]:
    """Run the mini bot in this event loop against ``fake`` (a started FakeDiscord); several may
    run at once, on different shards."""
    api_base, gateway = fake.api_base, fake.gateway_url  # type: ignore[attr-defined]
    old_base, old_gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    bot = build_bot(shard_ids=shard_ids, shard_count=shard_count)
    task = asyncio.create_task(bot.start(TOKEN))
    try:
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            ready.cancel()
            if task.done():
                task.result()  # raise the start-up error
            raise AssertionError(f"mini bot not ready within {timeout} s\n{fake.describe()}")  # type: ignore[attr-defined]
        yield bot
    finally:
        await bot.close()
        try:
            await asyncio.wait_for(task, timeout)
        finally:
            discord.http.Route.BASE = old_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
