"""``/letter``: a review, chaser, complaint or clarification letter for a tracked request.

Thin: the facts, grounds and letter come from ``bot.services.letters``; this file turns them into
a private message. The grounds are a multi-select (ticked = proposed); changing it rewrites the
letter in place. The letter is shown inline when it fits in one message, otherwise attached as a
.txt file; "Download .docx" gives a Word copy; "Record: ... today" puts the letter on the timeline.

Every component is a ``DynamicItem`` whose ``custom_id`` (``letter:<kind>:<public_id>:<action>``)
carries what it needs, so the buttons work after a restart: the grounds ticked are encoded in the
.docx button's id, and the member's own paragraph is read back from the message's embed. The
service checks who may do what on every click (drafting: anyone who can see the request, the
owner's copy signed, anyone else's without a name; recording: its owner only).

A review needs a reason: when the facts give no ground, the member is asked for one (a menu of the
reasons reviews succeed on, and *In my own words*, a form). The member's own paragraph is checked
first (``bot.letters.own_words``): one that asks for an explanation is not put in the letter; the
member picks a ground, writes it again, or opens a new request for the recorded information as a
draft in one click. A complaint under an ICO law can be split into the boxes of the ICO's form.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FoiModal, FoiView, Interaction
from bot.letters import LetterKind
from bot.letters.reasons import OWN_WORDS
from bot.letters.docx import letter_docx
from bot.letters.timeline import plain_date
from bot.services import letters as service
from bot.services.requests import search_requests
from bot.templates import render
from cogs._request_views import send_detail
from cogs._shared import cut, guarded, safe, stamp, viewer_of
from cogs.drafting import draft_message

if TYPE_CHECKING:
    from bot.client import FoiBot
    from bot.services.letters import Composed, LetterDraft, OwnWordsFlagged, ReasonNeeded

log = logging.getLogger(__name__)

MESSAGE_MAX = 2000  # Discord's limit for a message's content
EMBED_DESCRIPTION_MAX = 4096
SELECT_OPTIONS_MAX = 25  # Discord: at most 25 options in a select menu
OPTION_TEXT_MAX = 100  # Discord: a select option's label and description hold 100 characters each
NOTES_FIELD = "Your own paragraph"
FLAGGED_FIELD = "Your paragraph (not in the letter)"
MODAL_TIMEOUT = 1800.0  # half an hour to write a paragraph before the form stops answering
_PID = r"[2-9A-HJ-NP-Z]{5}"
_KINDS = "|".join(k.value for k in LetterKind)
_GROUNDS_CODE = r"[0-9a-z]{3}\.[0-9a-z]{1,20}"
KIND_TITLES = {
    LetterKind.REVIEW: "Review letter",
    LetterKind.CHASER: "Chaser",
    LetterKind.COMPLAINT: "Complaint to the regulator",
    LetterKind.CLARIFICATION: "Clarification reply",
}


def file_name(draft: LetterDraft, extension: str) -> str:
    return f"letter-{draft.kind.value}-{draft.public_id}.{extension}"


# -- the message -----------------------------------------------------------------------------------

@dataclass
class LetterMessage:
    content: str
    embed: discord.Embed
    file: discord.File | None
    view: discord.ui.View

    def send_kwargs(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"content": self.content, "embed": self.embed, "view": self.view}
        if self.file is not None:
            extra["file"] = self.file
        return extra

    def edit_kwargs(self) -> dict[str, Any]:
        # Listing the attachments replaces the old .txt (or removes it when the letter now fits inline).
        return {"content": self.content, "embed": self.embed, "view": self.view,
                "attachments": [self.file] if self.file is not None else []}


def letter_content(draft: LetterDraft) -> tuple[str, discord.File | None]:
    """Timing warnings first (they matter most), then the letter in a code block when it all fits
    in one message: in a code block nothing the member typed is read as markdown or a mention."""
    warnings = "\n".join(f"⚠️ **{w.message}**" for w in draft.letter.warnings)
    head = f"{warnings}\n\n" if warnings else ""
    text = draft.letter.text()
    block = f"```\n{text.rstrip()}\n```"
    if "```" not in text and len(head) + len(block) <= MESSAGE_MAX:
        return head + block, None
    name = file_name(draft, "txt")
    note = f"The letter is attached as `{name}` (too long to show in a message)."
    return cut(head + note, MESSAGE_MAX), discord.File(io.BytesIO(text.encode("utf-8")), filename=name)


def letter_embed(draft: LetterDraft, authority: str) -> discord.Embed:
    argued = [p for p in draft.proposals if p.id in draft.letter.ground_ids]
    stated = [r for r in draft.reasons if r.id in draft.letter.reason_ids]
    description = render(
        "messages/letter_reply.md.j2",
        kind=draft.kind.value,
        argued=[{"title": p.title, "citations": "; ".join(p.citations)} for p in argued],
        stated=[{"title": r.title, "citations": "; ".join(r.citations)} for r in stated],
        own_reason=bool(draft.notes) and draft.kind is LetterKind.REVIEW,
        is_copy=draft.is_copy,
        boxes=len(draft.boxes),
        has_grounds=bool(draft.proposals),
        offered=[{"title": p.title, "check": p.check} for p in draft.offered],
        deadline=f"{plain_date(draft.letter.deadline_stated)} ({stamp(draft.letter.deadline_stated, 'R')})" if draft.letter.deadline_stated else "",
        signer_is_fallback=draft.signer_is_fallback,
        signed_as=safe(draft.signed_as, 100),
        authority=safe(authority, 200),
        can_record=draft.can_record,
        record_label=draft.record.label,
        step=draft.letter.next_step,
    ).strip()
    colour = discord.Colour.orange() if draft.letter.warnings else discord.Colour.blurple()
    embed = discord.Embed(title=f"{KIND_TITLES[draft.kind]} · {draft.public_id}", colour=colour,
                          description=cut(description, EMBED_DESCRIPTION_MAX))
    if draft.notes:
        # The member's paragraph travels with the message, so a later click can rewrite the letter.
        embed.add_field(name=NOTES_FIELD, value=f"```\n{draft.notes}\n```", inline=False)
    embed.set_footer(text="Only you can see this" + (" · tick or untick grounds to rewrite the letter" if draft.proposals else ""))
    return embed


def letter_view(draft: LetterDraft) -> discord.ui.View:
    view = FoiView(timeout=None)
    if draft.proposals:
        view.add_item(GroundsSelect(draft.kind, draft.public_id, ground_options(draft)))
    elif draft.reasons:
        view.add_item(ReasonsSelect(draft.kind, draft.public_id, reason_options(draft.reasons, draft.letter.reason_ids)))
    code = service.encode_grounds(draft.chosen_ids)
    view.add_item(DocxButton(draft.kind, draft.public_id, code))
    if draft.boxes:
        view.add_item(BoxesButton(draft.public_id, code))
    if draft.can_record:
        view.add_item(RecordButton(draft.kind, draft.public_id, draft.record.label))
    return view


def ground_options(draft: LetterDraft) -> list[discord.SelectOption]:
    """One option per ground that fits, ticked ones first if there are more than Discord shows."""
    chosen = set(draft.letter.ground_ids)
    proposals = sorted(draft.proposals, key=lambda p: p.id not in chosen)[:SELECT_OPTIONS_MAX]
    order = {p.id: n for n, p in enumerate(draft.proposals)}
    return [
        discord.SelectOption(
            label=cut(p.title, OPTION_TEXT_MAX), value=p.id, default=p.id in chosen,
            description=cut("; ".join(p.citations) or p.check, OPTION_TEXT_MAX) or None,
        )
        for p in sorted(proposals, key=lambda p: order[p.id])
    ]


def letter_message(draft: LetterDraft, authority: str) -> LetterMessage:
    content, file = letter_content(draft)
    return LetterMessage(content, letter_embed(draft, authority), file, letter_view(draft))


def reason_options(reasons: Any, ticked: Any = (), *, proposals: Any = ()) -> list[discord.SelectOption]:
    """The grounds the facts support, or else the reasons menu; then *In my own words*."""
    chosen = set(ticked)
    options = [
        discord.SelectOption(label=cut(r.title, OPTION_TEXT_MAX), value=r.id, default=r.id in chosen,
                             description=cut("; ".join(r.citations), OPTION_TEXT_MAX) or None)
        for r in [*proposals, *reasons][: SELECT_OPTIONS_MAX - 1]
    ]
    options.append(discord.SelectOption(label="In my own words", value=OWN_WORDS,
                                        description="Write what went wrong yourself (a form opens)"))
    return options


def reason_message(needed: ReasonNeeded) -> dict[str, Any]:
    embed = discord.Embed(title=f"{KIND_TITLES[needed.kind]} · {needed.public_id}", colour=discord.Colour.orange(),
                          description=render("messages/letter_reason.md.j2", review=needed.review,
                                             has_grounds=bool(needed.proposals)).strip())
    embed.set_footer(text="Only you can see this · no letter is made without a reason")
    view = FoiView(timeout=None)
    view.add_item(ReasonsSelect(needed.kind, needed.public_id, reason_options(needed.reasons, proposals=needed.proposals)))
    return {"content": "", "embed": embed, "view": view}


def flagged_message(flagged: OwnWordsFlagged, notes: str) -> dict[str, Any]:
    first = flagged.flags[0]
    description = render(
        "messages/letter_flagged.md.j2", why=first.why, source=first.source,
        quotes=[safe(f.quote, 300) for f in flagged.flags], has_grounds=bool(flagged.proposals),
        subject=safe(flagged.new_request.subject, 200),
    ).strip()
    embed = discord.Embed(title=f"{KIND_TITLES[flagged.kind]} · {flagged.public_id}", colour=discord.Colour.orange(),
                          description=cut(description, EMBED_DESCRIPTION_MAX))
    # The paragraph travels with the message: "Open as a draft" and "Write it again" read it back.
    embed.add_field(name=FLAGGED_FIELD, value=f"```\n{notes}\n```", inline=False)
    embed.set_footer(text="Only you can see this")
    view = FoiView(timeout=None)
    if flagged.proposals or flagged.reasons:
        view.add_item(ReasonsSelect(flagged.kind, flagged.public_id,
                                    reason_options(flagged.reasons, proposals=flagged.proposals)))
    view.add_item(NewRequestButton(flagged.kind, flagged.public_id))
    view.add_item(RewriteButton(flagged.kind, flagged.public_id))
    return {"content": "", "embed": embed, "view": view}


def composed_message(composed: Composed, notes: str | None) -> dict[str, Any]:
    """What ``compose_letter`` gave, as a message's keyword arguments (a send's; an edit adds attachments)."""
    if isinstance(composed, service.ReasonNeeded):
        return reason_message(composed)
    if isinstance(composed, service.OwnWordsFlagged):
        return flagged_message(composed, service.clean_notes(notes))
    return letter_message(composed, composed.facts.authority).send_kwargs()


def _field_text(message: discord.Message | None, name: str) -> str | None:
    for embed in message.embeds if message is not None else ():
        for field in embed.fields:
            value = field.value or ""
            if field.name == name and value.startswith("```\n") and value.endswith("\n```"):
                return value[4:-4]
    return None


def notes_from(message: discord.Message | None) -> str | None:
    """The member's paragraph, as the letter's message carries it (None when there is none)."""
    return _field_text(message, NOTES_FIELD)


def flagged_from(message: discord.Message | None) -> str:
    """The flagged paragraph, as the flag's message carries it."""
    return _field_text(message, FLAGGED_FIELD) or ""


# -- sending ---------------------------------------------------------------------------------------

async def send_letter(interaction: Interaction, public_id: str, kind: LetterKind | str, *,
                      notes: str | None = None, for_alert: bool = False) -> None:
    """Write the letter and send it privately; also used by the alert DMs' *Draft* buttons."""
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    composed = await service.compose_letter(
        interaction.client.db, viewer_of(interaction), public_id, kind,
        notes=notes, signer=interaction.user.display_name, for_alert=for_alert,
    )
    await interaction.followup.send(ephemeral=True, **composed_message(composed, notes))


async def send_with_reasons(interaction: Interaction, kind: str, public_id: str, ids: list[str], notes: str) -> None:
    """A letter from the reasons menu and the member's own words (the form's answer), in a new message."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    composed = await service.compose_letter(
        interaction.client.db, viewer_of(interaction), public_id, kind, ids,
        notes=notes, signer=interaction.user.display_name,
    )
    await interaction.followup.send(ephemeral=True, **composed_message(composed, notes))


async def rewrite_letter(interaction: Interaction, kind: str, public_id: str, ground_ids: list[str]) -> None:
    await interaction.response.defer()  # the letter message itself is edited
    notes = notes_from(interaction.message)
    composed = await service.compose_letter(
        interaction.client.db, viewer_of(interaction), public_id, kind, ground_ids,
        notes=notes, signer=interaction.user.display_name,
    )
    extra = composed_message(composed, notes)
    if isinstance(composed, service.LetterDraft):
        extra = letter_message(composed, composed.facts.authority).edit_kwargs()
    else:
        extra["attachments"] = []
    await interaction.edit_original_response(**extra)


async def send_boxes(interaction: Interaction, public_id: str, grounds_code: str | None) -> None:
    """The complaint in the boxes of the regulator's online form, one block per box."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    ground_ids = service.decode_grounds(grounds_code) if grounds_code else None
    draft = await service.prepare_letter(
        interaction.client.db, viewer_of(interaction), public_id, LetterKind.COMPLAINT, ground_ids,
        notes=notes_from(interaction.message), signer=interaction.user.display_name,
    )
    step = draft.letter.next_step
    embeds = [
        discord.Embed(title=cut(f"Box {n} of {len(draft.boxes)}: {box.label}", 256), colour=discord.Colour.blurple(),
                      description=f"```\n{box.text}\n```")
        .set_footer(text=f"{len(box.text):,} of {box.limit:,} characters" + (" · the rest is in the letter you attach" if box.cut else ""))
        for n, box in enumerate(draft.boxes, 1)
    ]
    form = f" ({step.form_name}: {step.form_url})" if step is not None and step.form_url else ""
    await interaction.followup.send(
        f"Your complaint for `{draft.public_id}` in the boxes of the form{form}: copy each block into its box, "
        "and attach the letter with the copies it lists.", embeds=embeds, ephemeral=True,
    )


async def open_new_request(interaction: Interaction, kind: str, public_id: str) -> None:
    """*Open as a draft*: the new request for recorded information, as a `/draft`, in one click."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    record = await service.open_new_request(
        interaction.client.db, viewer_of(interaction), public_id, kind, flagged_from(interaction.message),
        signer=interaction.user.display_name,
    )
    note = (f"Opened as draft **{record.public_id}**: a request for the recorded information. Check it, edit it, "
            f"then send it to the authority; come back to it with `/draft open {record.public_id}`.")
    await interaction.followup.send(ephemeral=True, **draft_message(record, note=note))


async def send_docx(interaction: Interaction, kind: str, public_id: str, grounds_code: str | None) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    ground_ids = service.decode_grounds(grounds_code) if grounds_code else None
    draft = await service.prepare_letter(
        interaction.client.db, viewer_of(interaction), public_id, kind, ground_ids,
        notes=notes_from(interaction.message), signer=interaction.user.display_name,
    )
    data = await asyncio.to_thread(letter_docx, draft.letter)  # python-docx is synchronous
    reset = "" if grounds_code is None or ground_ids is not None else " (foibot was updated since: with the grounds it proposes)"
    await interaction.followup.send(
        f"Word copy of your {KIND_TITLES[draft.kind].lower()} for `{draft.public_id}`{reset}.",
        file=discord.File(io.BytesIO(data), filename=file_name(draft, "docx")), ephemeral=True,
    )


async def record_sent(interaction: Interaction, kind: str, public_id: str) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    detail = await service.record_letter_sent(interaction.client.db, viewer_of(interaction), public_id, kind)
    label = service.LETTER_EVENTS[LetterKind(kind)].label
    await send_detail(interaction, f"Recorded on {detail.public_id}: {label} today.", detail)


# -- components (persistent: they work after a restart) -------------------------------------------

class GroundsSelect(discord.ui.DynamicItem[discord.ui.Select[Any]],
                    template=rf"letter:(?P<kind>{_KINDS}):(?P<pid>{_PID}):grounds"):
    def __init__(self, kind: LetterKind | str, public_id: str, options: list[discord.SelectOption]) -> None:
        super().__init__(discord.ui.Select(
            custom_id=f"letter:{LetterKind(kind).value}:{public_id}:grounds", options=options, min_values=0,
            max_values=max(len(options), 1), placeholder="Grounds to argue: tick or untick to rewrite the letter",
        ))
        self.kind, self.public_id = LetterKind(kind).value, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Select[Any],  # type: ignore[override]
                             match: re.Match[str]) -> GroundsSelect:
        return cls(match["kind"], match["pid"], list(item.options))

    async def callback(self, interaction: Interaction) -> None:
        values = list(self.item.values)
        await guarded(interaction, rewrite_letter(interaction, self.kind, self.public_id, values), f"select {self.custom_id}")


class DocxButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                 template=rf"letter:(?P<kind>{_KINDS}):(?P<pid>{_PID}):docx(?::(?P<grounds>{_GROUNDS_CODE}))?"):
    def __init__(self, kind: LetterKind | str, public_id: str, grounds_code: str | None) -> None:
        kind = LetterKind(kind).value
        custom_id = f"letter:{kind}:{public_id}:docx" + (f":{grounds_code}" if grounds_code else "")
        super().__init__(discord.ui.Button(label="Download .docx", style=discord.ButtonStyle.secondary, custom_id=custom_id))
        self.kind, self.public_id, self.grounds_code = kind, public_id, grounds_code

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any],  # type: ignore[override]
                             match: re.Match[str]) -> DocxButton:
        return cls(match["kind"], match["pid"], match["grounds"])

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, send_docx(interaction, self.kind, self.public_id, self.grounds_code), f"button {self.custom_id}")


class RecordButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=rf"letter:(?P<kind>{_KINDS}):(?P<pid>{_PID}):record"):
    def __init__(self, kind: LetterKind | str, public_id: str, label: str) -> None:
        kind = LetterKind(kind).value
        super().__init__(discord.ui.Button(label=cut(f"Record: {label} today", 80), style=discord.ButtonStyle.primary,
                                           custom_id=f"letter:{kind}:{public_id}:record"))
        self.kind, self.public_id = kind, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any],  # type: ignore[override]
                             match: re.Match[str]) -> RecordButton:
        return cls(match["kind"], match["pid"], service.LETTER_EVENTS[LetterKind(match["kind"])].label)

    async def callback(self, interaction: Interaction) -> None:
        # The service refuses anyone but the owner (and "not found" for those who cannot see it).
        await guarded(interaction, record_sent(interaction, self.kind, self.public_id), f"button {self.custom_id}")


class ReasonsSelect(discord.ui.DynamicItem[discord.ui.Select[Any]],
                    template=rf"letter:(?P<kind>{_KINDS}):(?P<pid>{_PID}):reasons"):
    """The reasons for a review (or the grounds that fit), and *In my own words*."""

    def __init__(self, kind: LetterKind | str, public_id: str, options: list[discord.SelectOption]) -> None:
        super().__init__(discord.ui.Select(
            custom_id=f"letter:{LetterKind(kind).value}:{public_id}:reasons", options=options, min_values=1,
            max_values=len(options), placeholder="What went wrong? Pick one or more",
        ))
        self.kind, self.public_id = LetterKind(kind).value, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Select[Any],  # type: ignore[override]
                             match: re.Match[str]) -> ReasonsSelect:
        return cls(match["kind"], match["pid"], list(item.options))

    async def callback(self, interaction: Interaction) -> None:
        values = list(self.item.values)
        picked = [v for v in values if v != OWN_WORDS]
        if OWN_WORDS in values:  # the form must be the first answer to the click
            await interaction.response.send_modal(OwnWordsForm(self.kind, self.public_id, picked))
            return
        await guarded(interaction, rewrite_letter(interaction, self.kind, self.public_id, picked), f"select {self.custom_id}")


class OwnWordsForm(FoiModal):
    """*In my own words*: the member's paragraph, checked before it goes into the letter."""

    def __init__(self, kind: str, public_id: str, picked: list[str], default: str | None = None) -> None:
        super().__init__(title=cut(f"Your reason · {public_id}", 45), custom_id=f"letter:form:{kind}:{public_id}",
                         timeout=MODAL_TIMEOUT)
        self.kind, self.public_id, self.picked = kind, public_id, picked
        self.paragraph = discord.ui.TextInput(
            label="What went wrong with the response?", custom_id="notes", style=discord.TextStyle.paragraph,
            max_length=service.NOTES_MAX, default=default or None,
            placeholder="e.g. Question 3 asked for a figure for each team; the response gave one total.",
        )
        self.add_item(self.paragraph)

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        work = send_with_reasons(interaction, self.kind, self.public_id, self.picked, self.paragraph.value)
        await guarded(interaction, work, f"form {self.custom_id}")


class NewRequestButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                       template=rf"letter:(?P<kind>{_KINDS}):(?P<pid>{_PID}):newreq"):
    def __init__(self, kind: LetterKind | str, public_id: str) -> None:
        kind = LetterKind(kind).value
        super().__init__(discord.ui.Button(label="Open as a draft: a new request", style=discord.ButtonStyle.primary,
                                           custom_id=f"letter:{kind}:{public_id}:newreq"))
        self.kind, self.public_id = kind, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any],  # type: ignore[override]
                             match: re.Match[str]) -> NewRequestButton:
        return cls(match["kind"], match["pid"])

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, open_new_request(interaction, self.kind, self.public_id), f"button {self.custom_id}")


class RewriteButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=rf"letter:(?P<kind>{_KINDS}):(?P<pid>{_PID}):rewrite"):
    def __init__(self, kind: LetterKind | str, public_id: str) -> None:
        kind = LetterKind(kind).value
        super().__init__(discord.ui.Button(label="Write it again", style=discord.ButtonStyle.secondary,
                                           custom_id=f"letter:{kind}:{public_id}:rewrite"))
        self.kind, self.public_id = kind, public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any],  # type: ignore[override]
                             match: re.Match[str]) -> RewriteButton:
        return cls(match["kind"], match["pid"])

    async def callback(self, interaction: Interaction) -> None:
        await interaction.response.send_modal(OwnWordsForm(self.kind, self.public_id, [], flagged_from(interaction.message)))


class BoxesButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=rf"letter:complaint:(?P<pid>{_PID}):boxes(?::(?P<grounds>{_GROUNDS_CODE}))?"):
    def __init__(self, public_id: str, grounds_code: str | None) -> None:
        custom_id = f"letter:complaint:{public_id}:boxes" + (f":{grounds_code}" if grounds_code else "")
        super().__init__(discord.ui.Button(label="Split into the form's boxes", style=discord.ButtonStyle.secondary,
                                           custom_id=custom_id))
        self.public_id, self.grounds_code = public_id, grounds_code

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any],  # type: ignore[override]
                             match: re.Match[str]) -> BoxesButton:
        return cls(match["pid"], match["grounds"])

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, send_boxes(interaction, self.public_id, self.grounds_code), f"button {self.custom_id}")


COMPONENTS = (GroundsSelect, ReasonsSelect, DocxButton, RecordButton, NewRequestButton, RewriteButton, BoxesButton)


# -- the commands ----------------------------------------------------------------------------------

REQUEST_HELP = "The request (type its title or id)"
NOTES_HELP = "A paragraph of your own to add to the letter (optional)"


class Letters(commands.GroupCog, group_name="letter",
              group_description="Write a review, chaser, complaint or clarification letter for a tracked request"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*COMPONENTS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*COMPONENTS)

    @app_commands.command(name="review", description="Ask for a review of a response: grounds proposed from its facts")
    @app_commands.describe(request=REQUEST_HELP, notes=NOTES_HELP)
    async def review(self, interaction: Interaction, request: str,
                     notes: app_commands.Range[str, 1, service.NOTES_MAX] | None = None) -> None:
        await send_letter(interaction, request, LetterKind.REVIEW, notes=notes)

    @app_commands.command(name="chaser", description="Chase a response that is late, giving the deadline it missed")
    @app_commands.describe(request=REQUEST_HELP, notes=NOTES_HELP)
    async def chaser(self, interaction: Interaction, request: str,
                     notes: app_commands.Range[str, 1, service.NOTES_MAX] | None = None) -> None:
        await send_letter(interaction, request, LetterKind.CHASER, notes=notes)

    @app_commands.command(name="complaint", description="Complain to the regulator (ICO or Scottish Information Commissioner)")
    @app_commands.describe(request=REQUEST_HELP, notes=NOTES_HELP)
    async def complaint(self, interaction: Interaction, request: str,
                        notes: app_commands.Range[str, 1, service.NOTES_MAX] | None = None) -> None:
        await send_letter(interaction, request, LetterKind.COMPLAINT, notes=notes)

    @app_commands.command(name="clarification", description="Reply to the authority's request for clarification")
    @app_commands.describe(request=REQUEST_HELP, clarification="Your clarification: what you meant, in your own words")
    async def clarification(self, interaction: Interaction, request: str,
                            clarification: app_commands.Range[str, 1, service.NOTES_MAX]) -> None:
        await send_letter(interaction, request, LetterKind.CLARIFICATION, notes=clarification)

    @review.autocomplete("request")
    @chaser.autocomplete("request")
    @complaint.autocomplete("request")
    @clarification.autocomplete("request")
    async def request_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        # The tracking service's search: only the requests this member may see, latest first.
        found = await search_requests(self.bot.db, viewer_of(interaction), current)
        return [app_commands.Choice(name=cut(f"{pid} · {' '.join(title.split())}", 100), value=pid) for pid, title in found]


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Letters(bot))
