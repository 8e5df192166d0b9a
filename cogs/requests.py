"""``/request``: log the requests you sent, record what came back, and see status and deadlines.

Thin: every change goes through ``bot.services.requests`` (one transaction each, permissions
there); this file turns interactions into service calls and results into messages. Dates are shown
as Discord timestamps, so each member reads them in their own time zone. Buttons are
``DynamicItem``s whose ``custom_id`` carries the request's public id (and the list's page), so they
keep working after a restart; the service checks who may act on each click.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import GENERIC_FAILURE, reply_privately
from bot.clock import UK, uk_today
from bot.errors import BadInput, UserError
from bot.law.regimes import DIVISION_NAMES, Law, regime
from bot.services import Viewer, Visibility, authorities
from bot.services import requests as service
from bot.services.export import export_requests
from bot.templates import render
from bot.tracking import EVENTS, STAGES, STATUS_INFO, UPDATE_KINDS, EventKind, Outcome, Status, present
from bot.tracking.describe import event_line
from bot.tracking.events import spec
from bot.tracking.limits import LINK_MAX, QUESTIONS_MAX, REFERENCE_MAX, TITLE_MAX

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from bot.client import FoiBot
    from bot.services.requests import RequestDetail, RequestPage

log = logging.getLogger(__name__)

EMBED_DESCRIPTION_MAX = 4096  # Discord's limit for an embed description
SHOWN_EVENTS = 15  # the latest events on `show`; the export has them all
_PID = r"[2-9A-HJ-NP-Z]{5}"
LAW_CHOICES = [app_commands.Choice(name=regime(law).short, value=law.value) for law in Law]
DIVISION_CHOICES = [app_commands.Choice(name=name, value=d.value) for d, name in DIVISION_NAMES.items()]
VISIBILITY_CHOICES = [
    app_commands.Choice(name="Private (only you)", value=Visibility.PRIVATE.value),
    app_commands.Choice(name="Visible to this server", value=Visibility.SERVER.value),
]
STATUS_CHOICES = [app_commands.Choice(name=info.label, value=s.value) for s, info in STATUS_INFO.items() if s is not Status.DRAFT]
EVENT_CHOICES = [app_commands.Choice(name=EVENTS[k].label, value=k.value) for k in UPDATE_KINDS]
OUTCOME_CHOICES = [app_commands.Choice(name=o.label.capitalize(), value=o.value) for o in Outcome]
# The form each event opens from a `show` button (or from /request update without its details).
FORM_FIELDS: dict[EventKind, tuple[str, ...]] = {
    EventKind.RESPONSE: ("date", "outcome", "exemptions", "unanswered", "attachment_missing"),
    EventKind.REVIEW_RESPONSE: ("date", "outcome", "note"),
    EventKind.EXTENSION: ("date", "new_date", "note"),
    EventKind.CLARIFICATION_REQUESTED: ("date", "partial", "note"),
}


def viewer_of(interaction: discord.Interaction) -> Viewer:
    return Viewer(interaction.user.id, interaction.guild_id)


def stamp(day: date, style: str) -> str:
    # Noon UK time reads as the same calendar day in every time zone from UTC-11 to UTC+11.
    return discord.utils.format_dt(datetime.combine(day, time(12), tzinfo=UK), style)  # type: ignore[arg-type]


def safe(text: str | None, limit: int | None = None) -> str:
    """Member text shown as written: markdown escaped, shortened for display only."""
    text = " ".join((text or "").split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return discord.utils.escape_markdown(text)


async def guarded(interaction: discord.Interaction, work: Awaitable[None], what: str) -> None:
    """Run a button's or form's work; a View's errors never reach the tree's ``on_error``."""
    try:
        await work
    except UserError as exc:
        await reply_privately(interaction, exc.message)
    except Exception:
        log.exception("%s failed for user %s", what, interaction.user.id)
        await reply_privately(interaction, GENERIC_FAILURE)


# -- messages ----------------------------------------------------------------------------------

def show_embed(detail: RequestDetail) -> discord.Embed:
    request, folded = detail.request, detail.folded
    context = present.show_context(
        folded, authority=detail.authority.name, law=request.law, sent_on=request.sent_on, reference=request.reference,
        shared=request.visibility == Visibility.SERVER, stamp=stamp, clean=safe,
    )
    timeline = present.timeline_lines(folded, stamp=stamp, clean=safe)
    shown = SHOWN_EVENTS
    while True:  # Discord's 4096-character description: drop the oldest timeline lines until it fits
        text = render("messages/request_show.md.j2", **context, timeline=timeline[-shown:] if shown else [],
                      more_events=len(timeline) - min(shown, len(timeline))).strip()
        if len(text) <= EMBED_DESCRIPTION_MAX or shown == 0:
            break
        shown -= 1
    embed = discord.Embed(title=f"{request.public_id} · {safe(request.title, 230)}", description=text[:EMBED_DESCRIPTION_MAX],
                          url=request.link or None, colour=discord.Colour.blurple())
    embed.set_footer(text="Dates show in your own time zone · /deadline explains how any date is counted")
    return embed


def show_view(detail: RequestDetail) -> discord.ui.View | None:
    if not detail.viewer_is_owner:
        return None
    actions = [EventKind(a) for a in STAGES[detail.folded.stage].actions if EventKind(a) in UPDATE_KINDS]
    if not actions:
        return None
    view = discord.ui.View(timeout=None)
    for kind in actions[:4]:
        view.add_item(ActionButton(detail.public_id, kind))
    return view


def list_embed(page: RequestPage) -> tuple[discord.Embed, discord.ui.View | None]:
    items = present.list_items(page.items, stamp=stamp, clean=safe)
    server = page.scope is service.Scope.SERVER
    text = render("messages/request_list.md.j2", items=items, filtered=page.status is not None, server=server).strip()
    title = "Requests shared with this server" if server else "Your requests"
    if page.status is not None:
        title += f": {STATUS_INFO[page.status].label.lower()}"
    embed = discord.Embed(title=title, description=text, colour=discord.Colour.blurple())
    embed.set_footer(text=f"Page {page.page + 1} of {page.pages} · {page.total} request{'s' if page.total != 1 else ''} · soonest deadline first")
    if page.pages <= 1:
        return embed, None
    view = discord.ui.View(timeout=None)
    status = page.status.value if page.status else ""
    view.add_item(PageButton(page.scope.value, status, max(page.page - 1, 0), "p", disabled=page.page == 0))
    view.add_item(PageButton(page.scope.value, status, min(page.page + 1, page.pages - 1), "n", disabled=page.page >= page.pages - 1))
    return embed, view


# -- persistent buttons ------------------------------------------------------------------------

class ActionButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"req:act:(?P<pid>{_PID}):(?P<kind>[a-z_]+)"):
    """A next sensible action on `show` ("Record response"): opens that event's form."""

    def __init__(self, public_id: str, kind: EventKind) -> None:
        label = present.ACTION_LABELS.get(kind, EVENTS[kind].label)
        style = discord.ButtonStyle.primary if kind in (EventKind.RESPONSE, EventKind.REVIEW_RESPONSE) else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=label[:80], style=style, custom_id=f"req:act:{public_id}:{kind.value}"))
        self.public_id, self.kind = public_id, kind

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button[Any], match: re.Match[str]) -> ActionButton:
        return cls(match["pid"], EventKind(match["kind"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await guarded(interaction, open_event_form(interaction, self.public_id, self.kind), f"button {self.custom_id}")


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                 template=r"req:page:(?P<scope>mine|server):(?P<status>[a-z_]*):(?P<page>[0-9]{1,5}):(?P<dir>[pn])"):
    def __init__(self, scope: str, status: str, page: int, direction: str, *, disabled: bool = False) -> None:
        label = "◀ Previous" if direction == "p" else "Next ▶"
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, disabled=disabled,
                                           custom_id=f"req:page:{scope}:{status}:{page}:{direction}"))
        self.scope, self.status, self.page = scope, status, page

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button[Any], match: re.Match[str]) -> PageButton:
        return cls(match["scope"], match["status"], int(match["page"]), match["dir"])

    async def callback(self, interaction: discord.Interaction) -> None:
        async def turn() -> None:
            page = await service.list_requests(interaction.client.db, viewer_of(interaction), scope=self.scope,  # type: ignore[attr-defined]
                                               status=self.status or None, page=self.page)
            embed, view = list_embed(page)
            await interaction.response.edit_message(embed=embed, view=view)

        await guarded(interaction, turn(), f"button {self.custom_id}")


class DeleteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"req:(?P<action>delete|keep):(?P<pid>{_PID})"):
    def __init__(self, action: str, public_id: str) -> None:
        style = discord.ButtonStyle.danger if action == "delete" else discord.ButtonStyle.secondary
        label = "Delete it" if action == "delete" else "Keep it"
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"req:{action}:{public_id}"))
        self.action, self.public_id = action, public_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button[Any], match: re.Match[str]) -> DeleteButton:
        return cls(match["action"], match["pid"])

    async def callback(self, interaction: discord.Interaction) -> None:
        async def confirm() -> None:
            if self.action == "keep":
                await interaction.response.edit_message(content=f"Kept {self.public_id}.", view=None)
                return
            title = await service.delete_request(interaction.client.db, viewer_of(interaction), self.public_id)  # type: ignore[attr-defined]
            await interaction.response.edit_message(content=f"Deleted {self.public_id} “{safe(title, 120)}” and its timeline.", view=None)

        await guarded(interaction, confirm(), f"button {self.custom_id}")


# -- forms -------------------------------------------------------------------------------------

def _field(name: str, kind: EventKind, prefill: dict[str, Any]) -> discord.ui.Item[Any]:
    if name == "date":
        return discord.ui.TextInput(label="Date (day first)", custom_id="date", default=prefill.get("date") or "today",
                                    placeholder="08/04/2022, 8 April 2022 or today", max_length=60)
    if name == "outcome":
        options = [discord.SelectOption(label=o.label.capitalize(), value=o.value) for o in Outcome]
        required = kind is EventKind.RESPONSE
        select = discord.ui.Select(custom_id="outcome", options=options, required=required, min_values=1 if required else 0)
        hint = None if required else "Leave empty if the review upheld the response"
        return discord.ui.Label(text="Outcome", description=hint, component=select)
    if name in ("attachment_missing", "partial"):
        text = "An attachment is missing" if name == "attachment_missing" else "Only part of the request needs clarifying"
        return discord.ui.Label(text=text, component=discord.ui.Checkbox(custom_id=name, default=bool(prefill.get(name))))
    labels = {"exemptions": ("Exemptions cited", "e.g. s.40(2), s 43, reg 12(4)(b)", 500),
              "unanswered": ("Questions not answered", "e.g. 2, 5, 7-8", 200),
              "new_date": ("New date the authority gave", "e.g. 20/05/2022", 60),
              "note": ("Note (optional)", "What happened, in a line or two", 1000)}
    label, placeholder, limit = labels[name]
    style = discord.TextStyle.paragraph if name == "note" else discord.TextStyle.short
    return discord.ui.TextInput(label=label, custom_id=name, placeholder=placeholder, required=name == "new_date",
                                max_length=limit, style=style, default=prefill.get(name))


def _value(item: discord.ui.Item[Any]) -> Any:
    inner = item.component if isinstance(item, discord.ui.Label) else item
    if isinstance(inner, discord.ui.Select):
        return inner.values[0] if inner.values else None
    return inner.value  # type: ignore[attr-defined]


class EventForm(discord.ui.Modal):
    """The details of one event; submitting records it and shows the request again."""

    def __init__(self, public_id: str, kind: EventKind, prefill: dict[str, Any]) -> None:
        super().__init__(title=f"{public_id}: {EVENTS[kind].label}"[:45], custom_id=f"req:form:{public_id}:{kind.value}", timeout=900)
        self.public_id, self.kind = public_id, kind
        self.fields = {name: _field(name, kind, prefill) for name in FORM_FIELDS.get(kind, ("date", "note"))}
        for item in self.fields.values():
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        values = {name: _value(item) for name, item in self.fields.items()}
        on, note = values.pop("date"), values.pop("note", None)
        await guarded(interaction, record(interaction, self.public_id, self.kind, on, note, values), f"form {self.custom_id}")


async def open_event_form(interaction: discord.Interaction, public_id: str, kind: EventKind, prefill: dict[str, Any] | None = None) -> None:
    # A modal must be the first response: this quick check (one indexed read) comes before it.
    detail = await service.get_own_request(interaction.client.db, viewer_of(interaction), public_id, kind=kind)  # type: ignore[attr-defined]
    await interaction.response.send_modal(EventForm(detail.public_id, kind, prefill or {}))


async def record(interaction: discord.Interaction, public_id: str, kind: EventKind, on: str | None, note: str | None,
                 details: dict[str, Any]) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    detail = await service.append_event(interaction.client.db, viewer_of(interaction), public_id, kind,  # type: ignore[attr-defined]
                                        on=on, note=note, details=details)
    newest = max(detail.folded.events, key=lambda e: e.seq)  # the one just recorded, whatever its date
    await send_detail(interaction, f"Recorded on {detail.public_id}: {event_line(newest)}, {stamp(newest.on, 'D')}.", detail)


def detail_inputs(defaults: dict[str, str]) -> dict[str, discord.ui.TextInput[Any]]:
    """The request's long fields, for `log` (empty) and `edit` (pre-filled); keyed like ``NewRequest``."""
    spec = {"title": ("Title", TITLE_MAX, True), "sent_on": ("Date sent (day first)", 60, True),
            "link": ("Link (e.g. WhatDoTheyKnow)", LINK_MAX, False), "reference": ("The authority's reference", REFERENCE_MAX, False),
            "questions": ("Your questions (optional)", QUESTIONS_MAX, False)}
    return {name: discord.ui.TextInput(label=label, custom_id=name, max_length=limit, required=required, default=defaults.get(name),
                                       style=discord.TextStyle.paragraph if name == "questions" else discord.TextStyle.short)
            for name, (label, limit, required) in spec.items()}


async def send_detail(interaction: discord.Interaction, content: str | None, detail: RequestDetail) -> None:
    """The request's embed (and its action buttons) as a private followup."""
    extra: dict[str, Any] = {}
    if content:
        extra["content"] = content
    view = show_view(detail)
    if view is not None:
        extra["view"] = view
    await interaction.followup.send(embed=show_embed(detail), ephemeral=True, **extra)


class DetailsForm(discord.ui.Modal):
    """`/request log`'s long fields (a new request) or `/request edit`'s (``public_id`` given)."""

    def __init__(self, *, authority: str = "", law: str = "", division: str | None = None, visibility: str = "",
                 requester_name: str | None = None, public_id: str | None = None, defaults: dict[str, str] | None = None) -> None:
        title = f"Edit {public_id}" if public_id else "Log a request you sent"
        super().__init__(title=title, custom_id=f"req:edit:{public_id}" if public_id else "req:log", timeout=900)
        self.authority, self.law, self.division, self.visibility, self.public_id = authority, law, division, visibility, public_id
        # Discord allows five inputs in a form and all five are taken: the name comes as a command option.
        self.requester_name = requester_name
        self.inputs = detail_inputs(defaults or {"sent_on": uk_today().strftime("%d/%m/%Y")})
        for item in self.inputs.values():
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        async def save() -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            values = {name: item.value for name, item in self.inputs.items()}
            db, viewer = interaction.client.db, viewer_of(interaction)  # type: ignore[attr-defined]
            if self.public_id:
                detail = await service.edit_request(db, viewer, self.public_id, service.RequestChanges(**values))
                await send_detail(interaction, f"Updated {detail.public_id}.", detail)
                return
            new = service.NewRequest(authority_name=self.authority, law=self.law, division=self.division,
                                     visibility=self.visibility, requester_name=self.requester_name, **values)
            detail = await service.create_request(db, viewer, new)
            await send_detail(interaction, f"Logged as **{detail.public_id}**.", detail)

        await guarded(interaction, save(), f"form {self.custom_id}")


class DivisionPicker(discord.ui.View):
    """A new authority: which part of the UK is it in? Then the log form opens."""

    def __init__(self, authority: str, law: str, visibility: str, requester_name: str | None = None) -> None:
        super().__init__(timeout=600)
        self.authority, self.law, self.visibility, self.requester_name = authority, law, visibility, requester_name
        select = discord.ui.Select(custom_id="req:division", placeholder="Part of the UK",
                                   options=[discord.SelectOption(label=name, value=d.value) for d, name in DIVISION_NAMES.items()])
        select.callback = self.picked  # type: ignore[method-assign]
        self.add_item(select)
        self.select = select

    async def picked(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(
            DetailsForm(authority=self.authority, law=self.law, division=self.select.values[0], visibility=self.visibility,
                        requester_name=self.requester_name))


# -- the commands ------------------------------------------------------------------------------

class Requests(commands.GroupCog, group_name="request", group_description="Track the requests you sent: status, deadlines, timeline"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ActionButton, PageButton, DeleteButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ActionButton, PageButton, DeleteButton)

    @app_commands.command(name="log", description="Record a request you have already sent")
    @app_commands.describe(authority="The public authority (pick one, or type a new name)", law="The law you asked under (default FOIA)",
                           visibility="Who can see it (default: only you)", division="For a new authority: its part of the UK",
                           name="Your name as it should appear on letters (FOIA s.8: a request needs your real name)")
    @app_commands.choices(law=LAW_CHOICES, visibility=VISIBILITY_CHOICES, division=DIVISION_CHOICES)
    async def log(self, interaction: discord.Interaction, authority: str, law: str = Law.FOIA.value,
                  visibility: str = Visibility.PRIVATE.value, division: str | None = None, name: str | None = None) -> None:
        if visibility == Visibility.SERVER and interaction.guild_id is None:
            raise BadInput("A request can be shared only from inside a server: in DMs it stays private to you.")
        requester = name
        name, known = await authorities.resolve_name(self.bot.db, authority)
        if not known and division is None and authorities.implied_division(law) is None:
            await interaction.response.send_message(
                f"“{safe(name, 100)}” is new to foibot. Which part of the UK is it in? (It matters for bank holidays.)",
                view=DivisionPicker(name, law, visibility, requester), ephemeral=True)
            return
        await interaction.response.send_modal(
            DetailsForm(authority=name, law=law, division=division, visibility=visibility, requester_name=requester))

    @log.autocomplete("authority")
    async def authority_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await authorities.search_authorities(self.bot.db, current)
        choices = [app_commands.Choice(name=a.display[:100], value=a.value) for a in found]
        typed = " ".join(current.split())
        # A new name longer than a choice value (100) is left as typed, never offered cut short.
        if typed and len(typed) <= 100 and not any(a.name.casefold() == typed.casefold() for a in found):
            choices = [app_commands.Choice(name=f"{typed} (new)"[:100], value=typed), *choices[:24]]
        return choices

    @app_commands.command(name="list", description="Your requests (or this server's), soonest deadline first")
    @app_commands.describe(status="Only requests with this status", scope="Yours (default) or those shared with this server")
    @app_commands.choices(status=STATUS_CHOICES, scope=[app_commands.Choice(name="Mine", value="mine"),
                                                        app_commands.Choice(name="This server", value="server")])
    async def list_(self, interaction: discord.Interaction, status: str | None = None, scope: str = "mine") -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        page = await service.list_requests(self.bot.db, viewer_of(interaction), scope=scope, status=status)
        embed, view = list_embed(page)
        await interaction.followup.send(embed=embed, ephemeral=True, **({"view": view} if view else {}))

    @app_commands.command(name="show", description="A request's status, every deadline and its timeline")
    @app_commands.describe(request="The request (type its title or id)", post="Post it in this channel (shared requests only)")
    async def show(self, interaction: discord.Interaction, request: str, post: bool = False) -> None:
        if post:
            detail = await service.get_request(self.bot.db, viewer_of(interaction), request)
            if detail.request.visibility != Visibility.SERVER or detail.request.guild_id != interaction.guild_id:
                raise BadInput("Only a request shared with this server can be posted here: share it with /request edit first.")
            await interaction.response.send_message(embed=show_embed(detail))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        detail = await service.get_request(self.bot.db, viewer_of(interaction), request)
        await send_detail(interaction, None, detail)

    @app_commands.command(name="update", description="Record what happened: a response, a review, a clarification...")
    @app_commands.describe(
        request="The request (type its title or id)", event="What happened", date="When (day first; default today)",
        note="A note, in a line or two", outcome="For a response or review outcome: what it gave",
        exemptions="Exemptions cited, e.g. s.40(2), s 43", unanswered="Questions not answered, e.g. 2, 5",
        attachment_missing="An attachment they mention is missing", partial="Clarification asked on only part of the request",
        new_date="For an extension: the new date they gave",
    )
    @app_commands.choices(event=EVENT_CHOICES, outcome=OUTCOME_CHOICES)
    async def update(self, interaction: discord.Interaction, request: str, event: str, date: str | None = None,
                     note: str | None = None, outcome: str | None = None, exemptions: str | None = None,
                     unanswered: str | None = None, attachment_missing: bool | None = None, partial: bool | None = None,
                     new_date: str | None = None) -> None:
        kind = spec(event).kind
        details = {"outcome": outcome, "exemptions": exemptions, "unanswered": unanswered,
                   "attachment_missing": attachment_missing, "partial": partial, "new_date": new_date}
        missing = (kind is EventKind.RESPONSE and not outcome) or (kind is EventKind.EXTENSION and not new_date)
        if missing:  # the event's form asks for the details left out, with what was given filled in
            await open_event_form(interaction, request, kind, {"date": date, "note": note, **details})
            return
        await record(interaction, request, kind, date, note, {k: v for k, v in details.items() if v is not None})

    @app_commands.command(name="edit", description="Change a request's details (title, date sent, link...) or who sees it")
    @app_commands.describe(request="The request (type its title or id)", visibility="Who can see it", law="The law it was made under",
                           name="Your name as it should appear on letters")
    @app_commands.choices(visibility=VISIBILITY_CHOICES, law=LAW_CHOICES)
    async def edit(self, interaction: discord.Interaction, request: str, visibility: str | None = None, law: str | None = None,
                   name: str | None = None) -> None:
        if visibility is None and law is None and name is None:
            r = (await service.get_own_request(self.bot.db, viewer_of(interaction), request)).request
            defaults = {"title": r.title, "sent_on": r.sent_on.strftime("%d/%m/%Y"), "link": r.link or "",
                        "reference": r.reference or "", "questions": r.questions or ""}
            await interaction.response.send_modal(DetailsForm(public_id=r.public_id, defaults=defaults))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        detail = await service.edit_request(self.bot.db, viewer_of(interaction), request,
                                            service.RequestChanges(visibility=visibility, law=law, requester_name=name))
        await send_detail(interaction, f"Updated {detail.public_id}.", detail)

    @app_commands.command(name="delete", description="Delete a request and its timeline (asks first)")
    @app_commands.describe(request="The request (type its title or id)")
    async def delete(self, interaction: discord.Interaction, request: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        detail = await service.get_own_request(self.bot.db, viewer_of(interaction), request)
        view = discord.ui.View(timeout=None)
        view.add_item(DeleteButton("delete", detail.public_id))
        view.add_item(DeleteButton("keep", detail.public_id))
        await interaction.followup.send(
            f"Delete {detail.public_id} “{safe(detail.request.title, 120)}” and its whole timeline? This can't be undone.",
            view=view, ephemeral=True)

    @app_commands.command(name="export", description="Your requests as a JSON file and your deadlines as a calendar (.ics)")
    async def export(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        exported = await export_requests(self.bot.db, viewer_of(interaction))
        if not exported.requests:
            await interaction.followup.send("You have no requests to export yet.", ephemeral=True)
            return
        files = [discord.File(io.BytesIO(exported.json_bytes), "foibot-requests.json"),
                 discord.File(io.BytesIO(exported.ics_bytes), "foibot-deadlines.ics")]
        await interaction.followup.send(
            f"{exported.requests} request{'s' if exported.requests != 1 else ''} and {exported.deadlines} deadline"
            f"{'s' if exported.deadlines != 1 else ''}. Import the .ics file into your calendar app.", files=files, ephemeral=True)

    @show.autocomplete("request")
    async def visible_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(interaction, current, owned_only=False)

    @update.autocomplete("request")
    @edit.autocomplete("request")
    @delete.autocomplete("request")
    async def owned_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(interaction, current, owned_only=True)

    async def _choices(self, interaction: discord.Interaction, current: str, *, owned_only: bool) -> list[app_commands.Choice[str]]:
        found = await service.search_requests(self.bot.db, viewer_of(interaction), current, owned_only=owned_only)
        return [app_commands.Choice(name=f"{pid} · {' '.join(title.split())}"[:100], value=pid) for pid, title in found]


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Requests(bot))
