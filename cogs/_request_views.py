"""``/request``'s messages, persistent buttons and forms (the cog itself is ``cogs/requests.py``).

Buttons are ``DynamicItem``s whose ``custom_id`` carries the request's public id (and the list's
page), so they keep working after a restart; the service checks who may act on each click.
"""

from __future__ import annotations

import io
import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.client import FoiModal, FoiView, Interaction
from bot.clock import uk_today
from bot.law.regimes import DIVISION_NAMES
from bot.services import Visibility
from bot.services import requests as service
from bot.templates import render
from bot.tracking import EVENTS, STAGES, STATUS_INFO, UPDATE_KINDS, EventKind, Outcome, present
from bot.tracking.describe import event_line
from bot.tracking.events import RESPONSE_OUTCOMES, why_not
from bot.tracking.limits import LINK_MAX, NOTE_MAX, QUESTIONS_MAX, REFERENCE_MAX, TITLE_MAX
from cogs._shared import before_form, guarded, safe, stamp, take_down, viewer_of

if TYPE_CHECKING:
    from bot.services.pictures import Picture
    from bot.services.requests import RequestDetail, RequestPage

log = logging.getLogger(__name__)

EMBED_DESCRIPTION_MAX = 4096  # Discord's limit for an embed description
SHOWN_EVENTS = 15  # the latest events on `show`; the export has them all
_PID = r"[2-9A-HJ-NP-Z]{5}"
# How long the event form's inputs (and the matching /request update options) may be.
DATE_TEXT_MAX = 60
EXEMPTIONS_MAX = 500
UNANSWERED_MAX = 200
# The form each event opens from a `show` button (or from /request update without its details).
FORM_FIELDS: dict[EventKind, tuple[str, ...]] = {
    EventKind.RESPONSE: ("date", "outcome", "exemptions", "unanswered", "attachment_missing"),
    EventKind.REVIEW_RESPONSE: ("date", "outcome", "note"),
    EventKind.EXTENSION: ("date", "new_date", "note"),
    EventKind.CLARIFICATION_REQUESTED: ("date", "partial", "note"),
    EventKind.PART_WITHDRAWN: ("date", "questions", "note"),
}


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
    folded = detail.folded
    actions = [EventKind(a) for a in STAGES[folded.stage].actions
               if EventKind(a) in UPDATE_KINDS and why_not(a, folded.stage, folded.facts) is None]
    from bot.services.reading import READABLE_EVENTS
    from cogs._reading_views import PasteButton

    readable = any(why_not(k, folded.stage, folded.facts) is None for k in READABLE_EVENTS if k is not EventKind.ACKNOWLEDGED)
    if not actions and not readable:
        return None
    view = FoiView(timeout=None)
    for kind in actions[:4]:
        view.add_item(ActionButton(detail.public_id, kind))
    if readable:  # issue #12: paste the reply and foibot reads it (bot/reading)
        view.add_item(PasteButton(detail.public_id))
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
    view = FoiView(timeout=None)
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
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]) -> ActionButton:
        return cls(match["pid"], EventKind(match["kind"]))

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, open_event_form(interaction, self.public_id, self.kind), f"button {self.custom_id}")


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                 template=r"req:page:(?P<scope>mine|server):(?P<status>[a-z_]*):(?P<page>[0-9]{1,5}):(?P<dir>[pn])"):
    def __init__(self, scope: str, status: str, page: int, direction: str, *, disabled: bool = False) -> None:
        label = "◀ Previous" if direction == "p" else "Next ▶"
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, disabled=disabled,
                                           custom_id=f"req:page:{scope}:{status}:{page}:{direction}"))
        self.scope, self.status, self.page = scope, status, page

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]) -> PageButton:
        return cls(match["scope"], match["status"], int(match["page"]), match["dir"])

    async def callback(self, interaction: Interaction) -> None:
        async def turn() -> None:
            await interaction.response.defer()  # the page is read from the database: acknowledge first
            page = await service.list_requests(interaction.client.db, viewer_of(interaction), scope=self.scope,
                                               status=self.status or None, page=self.page)
            embed, view = list_embed(page)
            await interaction.edit_original_response(embed=embed, view=view)

        await guarded(interaction, turn(), f"button {self.custom_id}")


class DeleteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"req:(?P<action>delete|keep):(?P<pid>{_PID})"):
    def __init__(self, action: str, public_id: str) -> None:
        style = discord.ButtonStyle.danger if action == "delete" else discord.ButtonStyle.secondary
        label = "Delete it" if action == "delete" else "Keep it"
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"req:{action}:{public_id}"))
        self.action, self.public_id = action, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: re.Match[str]) -> DeleteButton:
        return cls(match["action"], match["pid"])

    async def callback(self, interaction: Interaction) -> None:
        async def confirm() -> None:
            if self.action == "keep":
                await interaction.response.edit_message(content=f"Kept {self.public_id}.", view=None)
                return
            await interaction.response.defer()  # a transaction follows: acknowledge first
            deleted = await service.delete_request(interaction.client.db, viewer_of(interaction), self.public_id)
            removed = await take_down(interaction.client, deleted.messages)  # after the commit, best effort
            cards = f" and {removed} board card message(s)" if removed else ""
            await interaction.edit_original_response(
                content=f"Deleted {self.public_id} “{safe(deleted.title, 120)}”, its timeline{cards}.", view=None)

        await guarded(interaction, confirm(), f"button {self.custom_id}")


# -- forms -------------------------------------------------------------------------------------

def _field(name: str, kind: EventKind, prefill: dict[str, Any]) -> discord.ui.Item[Any]:
    if name == "date":
        return discord.ui.TextInput(label="Date (day first)", custom_id="date", default=prefill.get("date") or "today",
                                    placeholder="08/04/2022, 8 April 2022 or today", max_length=DATE_TEXT_MAX)
    if name == "outcome":
        choices = RESPONSE_OUTCOMES if kind is EventKind.RESPONSE else tuple(Outcome)  # a verdict is a review's only
        options = [discord.SelectOption(label=o.label.capitalize(), value=o.value) for o in choices]
        required = kind is EventKind.RESPONSE
        select = discord.ui.Select(custom_id="outcome", options=options, required=required, min_values=1 if required else 0)
        hint = None if required else "Leave empty if the review upheld the response"
        return discord.ui.Label(text="Outcome", description=hint, component=select)
    if name in ("attachment_missing", "partial"):
        text = "An attachment is missing" if name == "attachment_missing" else "Only part of the request needs clarifying"
        return discord.ui.Label(text=text, component=discord.ui.Checkbox(custom_id=name, default=bool(prefill.get(name))))
    labels = {"exemptions": ("Exemptions cited", "e.g. s.40(2), s 43, reg 12(4)(b)", EXEMPTIONS_MAX),
              "unanswered": ("Questions not answered", "e.g. 2, 5, 7-8", UNANSWERED_MAX),
              "questions": ("Questions withdrawn", "e.g. 8 (or 7-8)", UNANSWERED_MAX),
              "new_date": ("New date the authority gave", "e.g. 20/05/2022", DATE_TEXT_MAX),
              "note": ("Note (optional)", "What happened, in a line or two", NOTE_MAX)}
    label, placeholder, limit = labels[name]
    style = discord.TextStyle.paragraph if name == "note" else discord.TextStyle.short
    return discord.ui.TextInput(label=label, custom_id=name, placeholder=placeholder, required=name in ("new_date", "questions"),
                                max_length=limit, style=style, default=prefill.get(name))


def _value(item: discord.ui.Item[Any]) -> Any:
    inner = item.component if isinstance(item, discord.ui.Label) else item
    if isinstance(inner, discord.ui.Select):
        return inner.values[0] if inner.values else None
    return inner.value  # type: ignore[attr-defined]


class EventForm(FoiModal):
    """The details of one event; submitting records it and shows the request again."""

    def __init__(self, public_id: str, kind: EventKind, prefill: dict[str, Any]) -> None:
        super().__init__(title=f"{public_id}: {EVENTS[kind].label}"[:45], custom_id=f"req:form:{public_id}:{kind.value}", timeout=900)
        self.public_id, self.kind = public_id, kind
        self.fields = {name: _field(name, kind, prefill) for name in FORM_FIELDS.get(kind, ("date", "note"))}
        for item in self.fields.values():
            self.add_item(item)

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        values = {name: _value(item) for name, item in self.fields.items()}
        on, note = values.pop("date"), values.pop("note", None)
        await guarded(interaction, record(interaction, self.public_id, self.kind, on, note, values), f"form {self.custom_id}")


async def open_event_form(interaction: Interaction, public_id: str, kind: EventKind, prefill: dict[str, Any] | None = None) -> None:
    # A modal must be the first response: this quick check (one indexed read) comes before it.
    detail = await before_form(service.get_own_request(interaction.client.db, viewer_of(interaction), public_id, kind=kind))
    await interaction.response.send_modal(EventForm(detail.public_id, kind, prefill or {}))


async def record(interaction: Interaction, public_id: str, kind: EventKind, on: str | None, note: str | None,
                 details: dict[str, Any]) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    detail = await service.append_event(interaction.client.db, viewer_of(interaction), public_id, kind,
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


async def send_detail(interaction: Interaction, content: str | None, detail: RequestDetail, *,
                      picture: Picture | None = None) -> None:
    """The request's embed (and its action buttons) as a private followup; with ``picture``, the
    timeline image inside the embed, its alt text as the attachment's description."""
    extra: dict[str, Any] = {}
    if content:
        extra["content"] = content
    view = show_view(detail)
    if view is not None:
        extra["view"] = view
    embed = show_embed(detail)
    if picture is not None:
        extra["file"] = discord.File(io.BytesIO(picture.png), picture.filename, description=picture.description)
        embed.set_image(url=f"attachment://{picture.filename}")
    await interaction.followup.send(embed=embed, ephemeral=True, **extra)


class DetailsForm(FoiModal):
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

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        async def save() -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            values = {name: item.value for name, item in self.inputs.items()}
            db, viewer = interaction.client.db, viewer_of(interaction)
            if self.public_id:
                detail = await service.edit_request(db, viewer, self.public_id, service.RequestChanges(**values))
                await send_detail(interaction, f"Updated {detail.public_id}.", detail)
                return
            new = service.NewRequest(authority_name=self.authority, law=self.law, division=self.division,
                                     visibility=self.visibility, requester_name=self.requester_name, **values)
            detail = await service.create_request(db, viewer, new)
            await send_detail(interaction, f"Logged as **{detail.public_id}**.", detail)

        await guarded(interaction, save(), f"form {self.custom_id}")


class DivisionPicker(FoiView):
    """A new authority: which part of the UK is it in? Then the log form opens."""

    def __init__(self, authority: str, law: str, visibility: str, requester_name: str | None = None) -> None:
        super().__init__(timeout=600)
        self.authority, self.law, self.visibility, self.requester_name = authority, law, visibility, requester_name
        select = discord.ui.Select(custom_id="req:division", placeholder="Part of the UK",
                                   options=[discord.SelectOption(label=name, value=d.value) for d, name in DIVISION_NAMES.items()])
        select.callback = self.picked  # type: ignore[method-assign,assignment]
        self.add_item(select)
        self.select = select

    async def picked(self, interaction: Interaction) -> None:
        await interaction.response.send_modal(
            DetailsForm(authority=self.authority, law=self.law, division=self.select.values[0], visibility=self.visibility,
                        requester_name=self.requester_name))
        self.stop()  # one pick, one form: picking again must not open a second form (and log the request twice)
