"""``/reminders``: list, settings and test; the alert dispatcher's start and stop; the DM buttons.

Thin: settings go through ``bot.services.users``, alerts through ``bot.reminders.outbox``. The DM
buttons are ``DynamicItem``s whose ``custom_id`` carries the alert id (``alert:snooze:42``), so
they work after restarts; the services check that the member pressing one owns the alert.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FoiView, Interaction, reply_privately, report_error
from bot.clock import utcnow
from bot.errors import UserError
from bot.reminders.dispatcher import Dispatcher, dispatch_settings
from bot.reminders.kinds import is_notice, kind_named
from bot.reminders.messages import AlertContext, discord_timestamp, render_alert, sample_context
from bot.reminders.sender import DiscordSender
from bot.services import alerts, users
from bot.templates import render
from cogs._board_views import follower_view
from cogs._shared import answer_privately, safe

if TYPE_CHECKING:
    from bot.client import FoiBot
    from bot.services.alerts import UserSettings

log = logging.getLogger(__name__)

RESPONSE_KINDS = frozenset({"response_due_soon", "response_due_today", "response_overdue", "response_very_overdue"})
REVIEW_KINDS = alerts.REVIEW_ALERT_KINDS
MESSAGE_MAX = 2000  # Discord's limit for a message's text


@dataclass(frozen=True)
class ButtonSpec:
    label: str
    style: discord.ButtonStyle
    kinds: frozenset[str] | None  # None: every kind
    needs_letters: bool = False


# The DM's buttons, in the order shown (rules as data). "resume" is only on the stop confirmation.
BUTTONS: dict[str, ButtonSpec] = {
    "chaser": ButtonSpec("Draft chaser", discord.ButtonStyle.primary, frozenset({"response_overdue", "response_very_overdue", "review_overdue"}), True),
    "review": ButtonSpec("Draft review", discord.ButtonStyle.primary, frozenset({"review_window_closing", "publication_check"}), True),
    # A refusal for future publication whose date passed: ask again (a draft addressed to the same body).
    "ask": ButtonSpec("New request", discord.ButtonStyle.primary, frozenset({"publication_check"})),
    "got": ButtonSpec("I got a response", discord.ButtonStyle.success, RESPONSE_KINDS | REVIEW_KINDS),
    "snooze": ButtonSpec("Snooze 3 days", discord.ButtonStyle.secondary, None),
    "stop": ButtonSpec("Stop alerts for this request", discord.ButtonStyle.danger, None),
    "resume": ButtonSpec("Resume alerts", discord.ButtonStyle.secondary, frozenset()),
}
OUTCOME_CHOICES = (
    ("successful", "Successful: I got what I asked for"),
    ("partially_successful", "Partially successful"),
    ("refused", "Refused"),
    ("not_held", "Not held: they say they don't have it"),
)


def letters_available() -> bool:
    """Draft buttons only once the letters feature can draft for a tracked request: it is to
    provide ``bot.services.letters.draft_for_request(db, viewer, public_id, kind, *, now)``
    returning a ``bot.letters.render.Letter`` (kind "chaser" or "review")."""
    try:
        from bot.services import letters as letter_service
    except ImportError:
        return False
    return callable(getattr(letter_service, "draft_for_request", None))


class AlertButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"alert:(?P<action>[a-z]+):(?P<alert>[0-9]+)"):
    def __init__(self, action: str, alert_id: int) -> None:
        spec = BUTTONS[action]
        super().__init__(discord.ui.Button(label=spec.label, style=spec.style, custom_id=f"alert:{action}:{alert_id}"))
        self.action = action
        self.alert_id = alert_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: Any) -> AlertButton:
        if match["action"] not in BUTTONS:
            raise ValueError(f"unknown alert button {match['action']!r}")
        return cls(match["action"], int(match["alert"]))

    async def callback(self, interaction: Interaction) -> None:
        cog = cast("Reminders | None", interaction.client.get_cog("Reminders"))
        try:
            if cog is None:
                raise UserError("Alerts are not running just now; try again in a minute.")
            await cog.on_button(interaction, self.action, self.alert_id)
        except Exception as exc:  # a dynamic item's errors do not reach the tree's on_error
            await report_error(interaction, exc, what=f"alert button {self.action} for alert {self.alert_id}")


def alert_view(context: AlertContext, *, letters: bool) -> discord.ui.View:
    if context.following:  # a follower's copy: the owner's buttons are not theirs to press
        return follower_view(context.public_id)
    if is_notice(context.kind):
        return notice_view(context, letters=letters)
    view = FoiView(timeout=None)
    for action, spec in BUTTONS.items():
        if (spec.kinds is None or context.kind in spec.kinds) and (letters or not spec.needs_letters):
            view.add_item(AlertButton(action, context.alert_id))
    return view


def notice_view(context: AlertContext, *, letters: bool) -> discord.ui.View:
    """A WhatDoTheyKnow notice's buttons: open it there; for a reply, hand it to the reader
    (*Paste the reply*, the ``/request read`` form) and the review letter."""
    view = FoiView(timeout=None)
    if context.link:
        url = context.link
        if context.kind == "wdtk_response" and context.deadline_key.startswith("in:"):
            url = f"{context.link}#incoming-{context.deadline_key[3:]}"
        view.add_item(discord.ui.Button(label="Open on WhatDoTheyKnow", style=discord.ButtonStyle.link, url=url))
    if context.kind == "wdtk_response":
        from cogs._reading_views import PasteButton

        view.add_item(PasteButton(context.public_id))
        if letters:
            view.add_item(AlertButton("review", context.alert_id))
    return view


class OutcomeSelect(discord.ui.Select[Any]):
    """After "I got a response": what did it give? Recorded through the tracking service."""

    def __init__(self, cog: Reminders, public_id: str, event: str) -> None:
        options = [discord.SelectOption(label=label, value=value) for value, label in OUTCOME_CHOICES]
        super().__init__(placeholder="What did the response give you?", options=options, custom_id="alert:outcome")
        self.cog, self.public_id, self.event = cog, public_id, event

    async def callback(self, interaction: Interaction) -> None:
        await interaction.response.defer()  # recording is a transaction: acknowledge first
        in_place = lambda text: interaction.edit_original_response(content=text, view=None)  # noqa: E731
        try:
            text = await self.cog.record_response(interaction.user.id, self.public_id, self.event, self.values[0])
        except Exception as exc:  # the answer replaces the menu, as a success does
            await report_error(interaction, exc, what=f"recording a {self.event} for {self.public_id} from an alert",
                               send=in_place)
            return
        await in_place(text)


def _settings_view(settings: UserSettings) -> dict[str, Any]:
    return {
        "enabled": settings.alerts_enabled, "time": settings.alert_time, "zone": settings.timezone,
        "lead_days": settings.lead_days, "dms_closed": settings.dms_closed,
    }


class Reminders(commands.GroupCog, group_name="reminders", group_description="Your deadline alerts by DM: list, settings, test"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        self.sender = DiscordSender(bot, build_view=lambda c: alert_view(c, letters=letters_available()), letters=letters_available)
        self.dispatcher: Dispatcher | None = None
        self.notices = users.DmNotices(bot.db)
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(AlertButton)
        self.bot.notices.append(self.dm_notice)
        if self.bot.services_enabled:
            self.dispatcher = Dispatcher(self.bot.db, self.sender, settings=dispatch_settings(self.bot.settings),
                                         dms_closed=self.notices.expect)
            self.dispatcher.start()

    async def cog_unload(self) -> None:
        if self.dispatcher is not None:
            await self.dispatcher.stop()
            self.dispatcher = None
        self.bot.remove_dynamic_items(AlertButton)
        if self.dm_notice in self.bot.notices:
            self.bot.notices.remove(self.dm_notice)

    async def dm_notice(self, interaction: Interaction) -> str | None:
        """Run after every command: the closed-DMs notice, once."""
        return await self.notices.take(interaction.user.id)

    # -- commands -------------------------------------------------------------------------------

    @app_commands.command(name="list", description="Your upcoming alerts, with when each will come")
    async def list_alerts(self, interaction: Interaction) -> None:
        await answer_privately(interaction, self.alert_list(interaction.user.id))

    async def alert_list(self, user_id: int) -> dict[str, Any]:
        settings, upcoming = await alerts.upcoming(self.bot.db, user_id, limit=16)
        shown = [
            {"when": discord_timestamp(alert.fire_at, "f"), "relative": discord_timestamp(alert.fire_at, "R"),
             "label": kind_named(alert.kind).label, "public_id": alert.public_id, "title": safe(alert.title, 60)}
            for alert in upcoming[:15]
        ]
        more = len(upcoming) > len(shown)
        while True:  # Discord's 2000 characters a message: show fewer alerts until it fits
            text = render("messages/reminder_list.md.j2", alerts=shown, settings=_settings_view(settings), more=more).strip()
            if len(text) <= MESSAGE_MAX or not shown:
                break
            shown.pop()
            more = True
        return {"content": text}

    @app_commands.command(name="settings", description="When your alerts come: on/off, time of day, time zone, notice")
    @app_commands.describe(
        enabled="Alerts on (True) or off (False)",
        time="Time of day for alerts, 24-hour HH:MM, e.g. 09:00",
        timezone="Your time zone, e.g. Europe/London (start typing to pick)",
        lead_days="Working days' notice before a response is due (0-10; 0 turns that alert off)",
    )
    async def settings(
        self,
        interaction: Interaction,
        enabled: bool | None = None,
        time: app_commands.Range[str, 1, 8] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        lead_days: app_commands.Range[int, 0, 10] | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        changed = any(v is not None for v in (enabled, time, timezone, lead_days))
        settings = await alerts.change_settings(self.bot.db, interaction.user.id, now=utcnow(), enabled=enabled,
                                                time_of_day=time, timezone=timezone, lead_days=lead_days)
        text = render("messages/reminder_settings.md.j2", changed=changed, settings=_settings_view(settings))
        await interaction.followup.send(text.strip(), ephemeral=True)

    @settings.autocomplete("timezone")
    async def timezone_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name) for name in users.timezone_choices(current)]

    @app_commands.command(name="test", description="Send yourself a sample alert by DM now, to check DMs reach you")
    async def test(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = utcnow()
        settings = await alerts.settings_of(self.bot.db, interaction.user.id)
        context = sample_context(interaction.user.id, now=now, zone=settings.timezone)
        text = render("messages/reminder_test.md.j2", sample=render_alert(context))
        result = await self.sender.send_text(context, text.strip()[:2000])
        await alerts.record_test_dm(self.bot.db, interaction.user.id, result.outcome, now=now)
        if result.outcome == "sent":
            reply = f"Sent: check your DMs. Real alerts come at {settings.alert_time} ({settings.timezone}) on working days."
        elif result.outcome == "dms_closed":
            reply = users.DMS_CLOSED_NOTICE.replace("I tried to send you an alert by DM", "I tried to DM you just now")
        else:
            reply = f"Discord did not take the message just now ({result.error}). Try again in a minute."
        await interaction.followup.send(reply, ephemeral=True)

    # -- buttons --------------------------------------------------------------------------------

    async def on_button(self, interaction: Interaction, action: str, alert_id: int) -> None:
        user_id, now = interaction.user.id, utcnow()
        if action in ("chaser", "review"):
            await self.draft_letter(interaction, action, alert_id)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)  # every other button works in the database first
        if action == "snooze":
            alert = await alerts.snooze(self.bot.db, alert_id, user_id, now=now)
            await reply_privately(
                interaction,
                f"Snoozed: I'll remind you again {discord_timestamp(alert.fire_at, 'f')} ({discord_timestamp(alert.fire_at, 'R')}).",
            )
        elif action in ("stop", "resume"):
            request = await alerts.set_stopped(self.bot.db, alert_id, user_id, stop=action == "stop", now=now)
            if action == "stop":
                view = FoiView(timeout=None)
                view.add_item(AlertButton("resume", alert_id))
                text = f"Alerts stopped for `{request.public_id}`: no more DMs about it. Changed your mind?"
                await interaction.followup.send(text, view=view, ephemeral=True)
            else:
                await reply_privately(interaction, f"Alerts are back on for `{request.public_id}`.")
        elif action == "ask":
            alert, request = await alerts.alert_and_request(self.bot.db, alert_id, user_id)
            draft_id = await alerts.draft_asking_again(self.bot.db, alert_id, user_id, now=now)
            await reply_privately(
                interaction,
                f"Draft `{draft_id}` asks {request.title!s:.60} again, now that the publication date has passed: "
                f"open it with `/draft open {draft_id}`, check it, and send it.",
            )
        elif action == "got":
            alert, request = await alerts.alert_and_request(self.bot.db, alert_id, user_id)
            event = alerts.event_for_answer(alert.kind)
            view = FoiView(timeout=600)
            view.add_item(OutcomeSelect(self, request.public_id, event))
            what = "review outcome" if event == "review_response" else "response"
            await interaction.followup.send(
                f"Good news. What did the {what} to `{request.public_id}` give you? (Recorded as received today.)",
                view=view, ephemeral=True,
            )

    async def record_response(self, user_id: int, public_id: str, event: str, outcome: str) -> str:
        from bot.services.requests import Viewer, append_event  # the tracking service

        detail = await append_event(self.bot.db, Viewer(user_id), public_id, event, details={"outcome": outcome})
        return f"Recorded for `{detail.public_id}`: {event.replace('_', ' ')} today ({outcome.replace('_', ' ')}). Your alerts are updated."

    async def draft_letter(self, interaction: Interaction, action: str, alert_id: int) -> None:
        if not letters_available():
            raise UserError("Drafting letters from an alert is not available yet.")
        # The /letter message itself: timing warnings, the grounds menu, .docx and "Record" buttons.
        from cogs.letters import send_letter

        await interaction.response.defer(ephemeral=True, thinking=True)
        _, request = await alerts.alert_and_request(self.bot.db, alert_id, interaction.user.id)
        # for_alert: a "chaser" for a late review is the complaint letter (bot.services.letters.alert_letter_kind).
        await send_letter(interaction, request.public_id, action, for_alert=True)


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Reminders(bot))
