"""``/request``: log the requests you sent, record what came back, and see status and deadlines.

Thin: every change goes through ``bot.services.requests`` (one transaction each, permissions
there); this file turns interactions into service calls, and ``cogs/_request_views.py`` turns
results into messages, buttons and forms. Dates are shown
as Discord timestamps, so each member reads them in their own time zone. Buttons are
``DynamicItem``s whose ``custom_id`` carries the request's public id (and the list's page), so they
keep working after a restart; the service checks who may act on each click.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FoiView, Interaction
from bot.errors import BadInput
from bot.law.regimes import DIVISION_NAMES, Law
from bot.services import Visibility, authorities
from bot.services import requests as service
from bot.services.export import export_requests
from bot.services.pictures import timeline_picture
from bot.sources.urls import looks_like_wdtk, request_slug
from bot.services.reading import READABLE_EVENTS
from bot.tracking import EVENTS, STATUS_INFO, UPDATE_KINDS, EventKind, Outcome, Status
from bot.tracking.answers import ANSWERS_TEXT_MAX
from bot.tracking.events import spec
from bot.tracking.limits import NOTE_MAX, REQUESTER_NAME_MAX
from cogs._request_views import (
    DATE_TEXT_MAX,
    EXEMPTIONS_MAX,
    FORM_FIELDS,
    UNANSWERED_MAX,
    ActionButton,
    DeleteButton,
    DetailsForm,
    DivisionPicker,
    PageButton,
    list_embed,
    open_event_form,
    record,
    send_detail,
    show_embed,
)
from cogs._reading_views import PasteButton, start_reading
from cogs._shared import LAW_CHOICES, answer_privately, before_form, safe, viewer_of

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)

REMINDER_ABOUT_MAX = 100  # the "about" text is stored like a reference (bot.tracking.limits.REFERENCE_MAX)

DIVISION_CHOICES = [app_commands.Choice(name=name, value=d.value) for d, name in DIVISION_NAMES.items()]
VISIBILITY_CHOICES = [
    app_commands.Choice(name="Private (only you)", value=Visibility.PRIVATE.value),
    app_commands.Choice(name="Visible to this server", value=Visibility.SERVER.value),
]
STATUS_CHOICES = [app_commands.Choice(name=info.label, value=s.value) for s, info in STATUS_INFO.items() if s is not Status.DRAFT]
EVENT_CHOICES = [app_commands.Choice(name=EVENTS[k].label, value=k.value) for k in UPDATE_KINDS]
READ_EVENT_CHOICES = [app_commands.Choice(name=EVENTS[k].label, value=k.value) for k in READABLE_EVENTS]
OUTCOME_CHOICES = [app_commands.Choice(name=o.label.capitalize(), value=o.value) for o in Outcome]


# -- the commands ------------------------------------------------------------------------------

class Requests(commands.GroupCog, group_name="request", group_description="Track the requests you sent: status, deadlines, timeline"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ActionButton, PageButton, DeleteButton, PasteButton)
        if self.bot.services_enabled:  # the authority finder's index, built before the first keystroke
            self._warm_up = authorities.warm_up(self.bot.db)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ActionButton, PageButton, DeleteButton, PasteButton)

    @app_commands.command(name="log", description="Record a request you have already sent")
    @app_commands.describe(authority="The public authority (pick one, or type a new name)", law="The law you asked under (default FOIA)",
                           visibility="Who can see it (default: only you)", division="For a new authority: its part of the UK",
                           name="Your real name for letters (FOIA s.8)")
    @app_commands.choices(law=LAW_CHOICES, visibility=VISIBILITY_CHOICES, division=DIVISION_CHOICES)
    async def log(self, interaction: Interaction, authority: str, law: str = Law.FOIA.value,
                  visibility: str = Visibility.PRIVATE.value, division: str | None = None, name: app_commands.Range[str, 1, REQUESTER_NAME_MAX] | None = None) -> None:
        if visibility == Visibility.SERVER and interaction.guild_id is None:
            raise BadInput("A request can be shared only from inside a server: in DMs it stays private to you.")
        requester = name
        if looks_like_wdtk(authority, self.bot.settings.wdtk_base_url):
            await self.offer_to_track(interaction, authority)
            return
        resolved = await before_form(authorities.resolve(self.bot.db, authority))
        if resolved.not_apply:
            raise BadInput(f"{safe(resolved.name, 100)}: {resolved.not_apply}, so there is no legal deadline for foibot to track. "
                           "If you asked another body, pick that one instead.")
        name, known = resolved.name, resolved.known
        if not known and division is None and authorities.implied_division(law) is None:
            await interaction.response.send_message(
                f"“{safe(name, 100)}” is new to foibot. Which part of the UK is it in? (It matters for bank holidays.)",
                view=DivisionPicker(name, law, visibility, requester), ephemeral=True)
            return
        await interaction.response.send_modal(
            DetailsForm(authority=name, law=law, division=division, visibility=visibility, requester_name=requester))

    async def offer_to_track(self, interaction: Interaction, link: str) -> None:
        """A WhatDoTheyKnow link where the authority goes: offer to follow the request instead."""
        from cogs.wdtk import track_button

        slug = request_slug(link, self.bot.settings.wdtk_base_url)  # not a request link: says so
        button = track_button(slug)
        text = ("That is a WhatDoTheyKnow request: foibot can follow it from there (title, authority, dates and "
                "replies, read for you) instead of you typing it in.")
        if button is None:
            await interaction.response.send_message(f"{text} Use `/request track url:` with the link.", ephemeral=True)
            return
        view = FoiView(timeout=None)
        view.add_item(button)
        await interaction.response.send_message(text, view=view, ephemeral=True)

    @app_commands.command(name="track", description="Follow a request you made on WhatDoTheyKnow, by its link")
    @app_commands.describe(url="The request's WhatDoTheyKnow link",
                           visibility="Who can see it (default: only you)")
    @app_commands.choices(visibility=VISIBILITY_CHOICES)
    async def track(self, interaction: Interaction, url: app_commands.Range[str, 1, 500],
                    visibility: str = Visibility.PRIVATE.value) -> None:
        cog = self.bot.get_cog("WhatDoTheyKnow")
        if cog is None:
            raise BadInput("WhatDoTheyKnow tracking is not running just now; try again in a minute.")
        if visibility == Visibility.SERVER and interaction.guild_id is None:
            raise BadInput("A request can be shared only from inside a server: in DMs it stays private to you.")
        request_slug(url, self.bot.settings.wdtk_base_url)  # a bad link is refused before anything else
        await cog.track(interaction, url, visibility)  # type: ignore[attr-defined]

    @app_commands.command(name="import", description="Follow your own WhatDoTheyKnow requests: prove your profile, then pick them")
    @app_commands.describe(wdtk_user="Your WhatDoTheyKnow profile's link")
    async def import_(self, interaction: Interaction, wdtk_user: app_commands.Range[str, 1, 500]) -> None:
        from cogs._wdtk_import import start_import

        await start_import(interaction, wdtk_user)

    @log.autocomplete("authority")
    async def authority_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await authorities.search_authorities(self.bot.db, current)
        choices = [app_commands.Choice(name=a.display[:100], value=a.value) for a in found]
        typed = " ".join(current.split())
        # A new name longer than a choice value (100) is left as typed, never offered cut short. It
        # comes after the bodies found (a typo should pick the real body first), first when none is.
        if typed and len(typed) <= 100 and not any(a.name.casefold() == typed.casefold() for a in found):
            new = app_commands.Choice(name=f"{typed} (new)"[:100], value=typed)
            choices = [*choices[:24], new] if choices else [new]
        return choices

    @app_commands.command(name="list", description="Your requests (or this server's), soonest deadline first")
    @app_commands.describe(status="Only requests with this status", scope="Yours (default) or those shared with this server")
    @app_commands.choices(status=STATUS_CHOICES, scope=[app_commands.Choice(name="Mine", value="mine"),
                                                        app_commands.Choice(name="This server", value="server")])
    async def list_(self, interaction: Interaction, status: str | None = None, scope: str = "mine") -> None:
        async def reply() -> dict[str, Any]:
            page = await service.list_requests(self.bot.db, viewer_of(interaction), scope=scope, status=status)
            embed, view = list_embed(page)
            return {"embed": embed, **({"view": view} if view else {})}

        await answer_privately(interaction, reply())

    @app_commands.command(name="show", description="A request's status, every deadline and its timeline")
    @app_commands.describe(request="The request (its title or id)", post="Post it in this channel (shared requests only)")
    async def show(self, interaction: Interaction, request: str, post: bool = False) -> None:
        if post:
            detail = await service.get_request(self.bot.db, viewer_of(interaction), request)
            if detail.request.visibility != Visibility.SERVER or detail.request.guild_id != interaction.guild_id:
                raise BadInput("Only a request shared with this server can be posted here: share it with /request edit first.")
            await interaction.response.send_message(embed=show_embed(detail))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        detail = await service.get_request(self.bot.db, viewer_of(interaction), request)
        await send_detail(interaction, None, detail, picture=await timeline_picture(detail))

    # Discord counts every name and description of a command, its subcommands and options together
    # (at most 4,000 characters for /request as a whole), so these stay terse.
    @app_commands.command(name="update", description="Record what happened: a response, a review, a clarification...")
    @app_commands.describe(
        request="The request (its title or id)", event="What happened", date="When (day first; default today)",
        note="A note", outcome="What a response or review gave",
        exemptions="Exemptions cited, e.g. s.40(2), s 43", unanswered="Questions not answered, e.g. 2, 5",
        attachment_missing="An attachment they mention is missing", partial="Clarification of only part of it",
        new_date="An extension's new date",
        publication_date="A future-publication refusal (s.22): the date promised",
        answers="Per question, e.g. 1,3: not held in form; 4->1; 2,5: answered",
        reply="Their reply as a file (.txt, .eml, .pdf, .docx), read and checked before saving",
        questions="A part withdrawn: its questions, e.g. 8",
    )
    @app_commands.choices(event=EVENT_CHOICES, outcome=OUTCOME_CHOICES)
    async def update(self, interaction: Interaction, request: str, event: str,
                     date: app_commands.Range[str, 1, DATE_TEXT_MAX] | None = None,
                     note: app_commands.Range[str, 1, NOTE_MAX] | None = None, outcome: str | None = None,
                     exemptions: app_commands.Range[str, 1, EXEMPTIONS_MAX] | None = None,
                     unanswered: app_commands.Range[str, 1, UNANSWERED_MAX] | None = None, attachment_missing: bool | None = None,
                     partial: bool | None = None, new_date: app_commands.Range[str, 1, DATE_TEXT_MAX] | None = None,
                     publication_date: app_commands.Range[str, 1, DATE_TEXT_MAX] | None = None,
                     answers: app_commands.Range[str, 1, ANSWERS_TEXT_MAX] | None = None,
                     reply: discord.Attachment | None = None,
                     questions: app_commands.Range[str, 1, UNANSWERED_MAX] | None = None) -> None:
        kind = spec(event).kind
        if reply is not None:  # read it first: what foibot reads is checked and corrected before saving
            typed = [name for name, value in {"note": note, "outcome": outcome, "exemptions": exemptions, "unanswered": unanswered,
                     "attachment_missing": attachment_missing, "partial": partial, "new_date": new_date, "answers": answers,
                     "questions": questions, "publication_date": publication_date}.items()
                     if value not in (None, False)]
            if typed:  # never lose what was typed: the reading's own controls take these corrections
                raise BadInput(f"With `reply:` leave out {', '.join(f'`{t}:`' for t in typed)}: foibot reads them from the "
                               "reply, and you correct them before saving.")
            await start_reading(interaction, request, reply, kind.value, date)
            return
        details = {"outcome": outcome, "exemptions": exemptions, "unanswered": unanswered,
                   "attachment_missing": attachment_missing, "partial": partial, "new_date": new_date,
                   "answers": answers, "questions": questions, "publication_date": publication_date}
        needed = {EventKind.RESPONSE: ("outcome", outcome), EventKind.EXTENSION: ("new_date", new_date),
                  EventKind.PART_WITHDRAWN: ("questions", questions)}.get(kind)
        missing = needed is not None and not needed[1]
        if missing:  # the event's form asks for the details left out, with what was given filled in
            given = {"date": date, "note": note, **details}
            dropped = [name for name, value in given.items() if value not in (None, False) and name not in FORM_FIELDS[kind]]
            if dropped:  # a form has room for five inputs only: never lose what the member typed
                raise BadInput(f"Give `{needed[0]}:` too when you give {', '.join(f'`{d}:`' for d in dropped)}: "
                               "the form has no room for them.")
            await open_event_form(interaction, request, kind, given)
            return
        await record(interaction, request, kind, date, note, {k: v for k, v in details.items() if v is not None})

    @app_commands.command(name="remind", description="A reminder by DM on any day, e.g. the day they promised to publish")
    @app_commands.describe(request="The request (its title or id)", on="The day (day first, e.g. 14/02/2027)",
                           about="What to remind you of, e.g. they promised publication")
    async def remind(self, interaction: Interaction, request: str, on: app_commands.Range[str, 1, DATE_TEXT_MAX],
                     about: app_commands.Range[str, 1, REMINDER_ABOUT_MAX] | None = None) -> None:
        # Stored as a "reminder" event: the fold makes it a deadline, the outbox an alert at your time of day.
        await record(interaction, request, EventKind.REMINDER, None, None, {"remind_on": on, "about": about})

    @app_commands.command(name="read", description="Paste or attach the authority's reply: foibot reads it, you check it, then save")
    @app_commands.describe(request="The request (its title or id)",
                           reply="The reply as a file (.txt, .eml, .pdf, .docx); leave out to paste it",
                           event="Record it as (default: what foibot reads it as)", date="The reply's date (day first; default today)")
    @app_commands.choices(event=READ_EVENT_CHOICES)
    async def read(self, interaction: Interaction, request: str, reply: discord.Attachment | None = None,
                   event: str | None = None, date: app_commands.Range[str, 1, DATE_TEXT_MAX] | None = None) -> None:
        await start_reading(interaction, request, reply, event, date)

    @app_commands.command(name="edit", description="Change a request's details (title, date sent, link...) or who sees it")
    @app_commands.describe(request="The request (its title or id)", visibility="Who can see it", law="The law it was made under",
                           name="Your name as it should appear on letters")
    @app_commands.choices(visibility=VISIBILITY_CHOICES, law=LAW_CHOICES)
    async def edit(self, interaction: Interaction, request: str, visibility: str | None = None, law: str | None = None,
                   name: app_commands.Range[str, 1, REQUESTER_NAME_MAX] | None = None) -> None:
        if visibility is None and law is None and name is None:
            r = (await before_form(service.get_own_request(self.bot.db, viewer_of(interaction), request))).request
            defaults = {"title": r.title, "sent_on": r.sent_on.strftime("%d/%m/%Y"), "link": r.link or "",
                        "reference": r.reference or "", "questions": r.questions or ""}
            await interaction.response.send_modal(DetailsForm(public_id=r.public_id, defaults=defaults))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        detail = await service.edit_request(self.bot.db, viewer_of(interaction), request,
                                            service.RequestChanges(visibility=visibility, law=law, requester_name=name))
        await send_detail(interaction, f"Updated {detail.public_id}.", detail)

    @app_commands.command(name="delete", description="Delete a request and its timeline (asks first)")
    @app_commands.describe(request="The request (its title or id)")
    async def delete(self, interaction: Interaction, request: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        detail = await service.get_own_request(self.bot.db, viewer_of(interaction), request)
        view = FoiView(timeout=None)
        view.add_item(DeleteButton("delete", detail.public_id))
        view.add_item(DeleteButton("keep", detail.public_id))
        await interaction.followup.send(
            f"Delete {detail.public_id} “{safe(detail.request.title, 120)}” and its whole timeline? This can't be undone.",
            view=view, ephemeral=True)

    @app_commands.command(name="export", description="Your requests as a JSON file and your deadlines as a calendar (.ics)")
    async def export(self, interaction: Interaction) -> None:
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
    async def visible_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(interaction, current, owned_only=False)

    @update.autocomplete("request")
    @remind.autocomplete("request")
    @read.autocomplete("request")
    @edit.autocomplete("request")
    @delete.autocomplete("request")
    async def owned_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(interaction, current, owned_only=True)

    async def _choices(self, interaction: Interaction, current: str, *, owned_only: bool) -> list[app_commands.Choice[str]]:
        found = await service.search_requests(self.bot.db, viewer_of(interaction), current, owned_only=owned_only)
        return [app_commands.Choice(name=f"{pid} · {' '.join(title.split())}"[:100], value=pid) for pid, title in found]


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Requests(bot))
