"""Paste or attach the authority's reply: foibot shows what it read, the member corrects it, then saves.

`/request read` (with an attachment option) and the **Paste the reply** button on `/request show`
lead here. The reading is shown as a short summary with the words it rests on, and a view to
correct it: what to record it as, the outcome, the exemptions relied on (each one a choice the
member confirms, as Alaveteli's users asked: AV#7845), and what to challenge. **Save** records
it through ``bot.services.reading`` (one transaction); the member's correction always wins.

The view lives in memory for 15 minutes (a reading is not stored until it is saved); after a
restart the safety net answers its buttons with a private "expired" note.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.client import FoiModal, FoiView, Interaction
from bot.errors import BadInput
from bot.reading.extract import MAX_FILE_BYTES
from bot.reading.summary import lines as reading_lines
from bot.services import reading as service
from bot.services.reading import FLAGS, Corrections, ReadDraft
from bot.tracking import EVENTS, EventKind
from bot.tracking.describe import event_line
from bot.tracking.events import RESPONSE_OUTCOMES, Outcome
from cogs._shared import before_form, guarded, safe, stamp, viewer_of

log = logging.getLogger(__name__)

PASTE_MAX = 4000  # Discord's limit for one text input in a form: a longer reply goes as an attachment
EMBED_MAX = 4096
_PID = r"[2-9A-HJ-NP-Z]{5}"
# What to challenge, as the member reads it: (the finding's key, the box's label). Ticked means
# the gap is there (reasons NOT given, rights NOT stated).
GAP_CHOICES: tuple[tuple[str, str], ...] = (
    ("public_interest_reasons_given", "No public interest reasons given"),
    ("cost_estimate_given", "No estimate of the cost or time"),
    ("advice_given", "No advice on narrowing the request"),
    ("review_rights_stated", "Doesn't say how to ask for a review"),
    ("regulator_rights_stated", "Doesn't say I can complain to the regulator"),
    ("attachment_missing", "An attachment it refers to didn't arrive"),
)


# -- entry points --------------------------------------------------------------------------------

async def start_reading(interaction: Interaction, request: str, reply: discord.Attachment | None,
                        event: str | None, on: str | None) -> None:
    """`/request read`: without a file, the paste form; with one, read it now."""
    db, viewer = interaction.client.db, viewer_of(interaction)
    if reply is None:
        detail = await before_form(service.get_own_request(db, viewer, request))
        await interaction.response.send_modal(ReplyForm(detail.public_id, event, on))
        return
    if reply.size > MAX_FILE_BYTES:  # said before anything is downloaded
        raise BadInput(f"{reply.filename} is {reply.size / 1_048_576:.1f} MB; foibot reads files up to "
                       f"{MAX_FILE_BYTES // 1_048_576} MB. Attach the letter alone, or paste its text.")
    await interaction.response.defer(ephemeral=True, thinking=True)
    data = await reply.read()
    draft = await service.read_for_request(db, viewer, request, data=data, filename=reply.filename, kind=event)
    await show_reading(interaction, draft, on)


class ReplyForm(FoiModal):
    """The reply pasted in (Discord holds 4,000 characters in one box: longer ones are attached)."""

    def __init__(self, public_id: str, event: str | None = None, on: str | None = None) -> None:
        super().__init__(title=f"{public_id}: paste the reply"[:45], custom_id=f"read:form:{public_id}", timeout=900)
        self.public_id, self.event = public_id, event
        self.text = discord.ui.TextInput(
            label="The authority's reply (up to 4,000 characters)", custom_id="reply", style=discord.TextStyle.paragraph,
            max_length=PASTE_MAX, placeholder="Paste it here. Longer, or a PDF/Word/email? Use /request read with a file.")
        self.on = discord.ui.TextInput(label="Date of the reply (day first)", custom_id="date", default=on or "today",
                                       max_length=60, placeholder="08/04/2022, 8 April 2022 or today")
        self.add_item(self.text)
        self.add_item(self.on)

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        async def read() -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            draft = await service.read_for_request(interaction.client.db, viewer_of(interaction), self.public_id,
                                                   text=self.text.value, kind=self.event)
            await show_reading(interaction, draft, self.on.value)

        await guarded(interaction, read(), f"form {self.custom_id}")


class PasteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"req:read:(?P<pid>{_PID})"):
    """**Paste the reply** on `/request show`: opens the paste form (kept across restarts)."""

    def __init__(self, public_id: str) -> None:
        super().__init__(discord.ui.Button(label="Paste the reply", emoji="📋", style=discord.ButtonStyle.secondary,
                                           custom_id=f"req:read:{public_id}"))
        self.public_id = public_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: Any) -> PasteButton:
        return cls(match["pid"])

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, start_reading(interaction, self.public_id, None, None, None), f"button {self.custom_id}")


# -- what foibot read --------------------------------------------------------------------------------

def reading_embed(draft: ReadDraft, fixes: Corrections, kind: EventKind) -> discord.Embed:
    rows = [f"Record as: **{EVENTS[kind].label}**"]
    for line in reading_lines(draft.reading):
        rows.append(f"**{safe(line.title)}:** {safe(line.detail, 300)}")
        if line.quote:
            rows.append(f"> {safe(line.quote, 200)}")
    changed = fixes.to_json()
    if changed:
        rows.append("")
        rows.append("**Your corrections:** " + safe(", ".join(f"{k.replace('_', ' ')}" for k in changed), 300))
    for note in draft.notes:
        rows.append(f"*Note: {safe(note, 300)}*")
    text = "\n".join(rows)
    if len(text) > EMBED_MAX:
        text = text[: EMBED_MAX - 1] + "…"
    embed = discord.Embed(title=f"{draft.public_id}: what foibot read", description=text, colour=discord.Colour.gold())
    embed.set_footer(text="Check it and correct anything below before saving: your correction always wins.")
    return embed


async def show_reading(interaction: Interaction, draft: ReadDraft, on: str | None) -> None:
    view = ReadingView(draft, on)
    await interaction.followup.send(embed=view.embed(), view=view, ephemeral=True)


class ReadingView(FoiView):
    def __init__(self, draft: ReadDraft, on: str | None) -> None:
        super().__init__(timeout=900)
        self.draft, self.on, self.fixes = draft, on, Corrections()
        self.build()

    @property
    def kind(self) -> EventKind:
        return self.fixes.kind or self.draft.suggested

    def embed(self) -> discord.Embed:
        return reading_embed(self.draft, self.fixes, self.kind)

    def build(self) -> None:
        self.clear_items()
        reading, kind = self.draft.reading, self.kind
        kinds = discord.ui.Select(custom_id="read:kind", placeholder="Record as", row=0, options=[
            discord.SelectOption(label=EVENTS[k].label[:100], value=k.value, default=k is kind) for k in self.draft.kinds])
        kinds.callback = self.chose_kind  # type: ignore[method-assign,assignment]
        self.add_item(kinds)
        if kind in (EventKind.RESPONSE, EventKind.REVIEW_RESPONSE):
            current = self.fixes.outcome or (reading.outcome.value if reading.outcome else None)
            choices = RESPONSE_OUTCOMES if kind is EventKind.RESPONSE else tuple(Outcome)
            outcome = discord.ui.Select(custom_id="read:outcome", placeholder="Outcome", row=1, options=[
                discord.SelectOption(label=o.label.capitalize()[:100], value=o.value, default=o.value == current) for o in choices])
            outcome.callback = self.chose_outcome  # type: ignore[method-assign,assignment]
            self.add_item(outcome)
            labels = list(dict.fromkeys([*reading.relied_labels(), *reading.mentioned_labels()]))[:25]
            if labels:
                chosen = set(self.fixes.exemptions if self.fixes.exemptions is not None else reading.relied_labels())
                exemptions = discord.ui.Select(custom_id="read:exemptions", placeholder="Exemptions relied on (none)", row=2,
                                               min_values=0, max_values=len(labels), options=[
                    discord.SelectOption(label=lab[:100], value=lab[:100], default=lab in chosen,
                                         description="foibot read it as relied on" if lab in reading.relied_labels() else "only mentioned")
                    for lab in labels])
                exemptions.callback = self.chose_exemptions  # type: ignore[method-assign,assignment]
                self.add_item(exemptions)
        values = service.flag_values(self.draft, self.fixes)
        gaps = discord.ui.Select(custom_id="read:gaps", placeholder="What to challenge (none ticked)", row=3,
                                 min_values=0, max_values=len(GAP_CHOICES), options=[
            discord.SelectOption(label=text, value=key, default=(bool(self.fixes.attachment_missing) if key == "attachment_missing"
                                                                 else values.get(key) is False))
            for key, text in GAP_CHOICES])
        gaps.callback = self.chose_gaps  # type: ignore[method-assign,assignment]
        self.add_item(gaps)
        for label, style, custom_id, action in (("Save", discord.ButtonStyle.success, "read:save", self.save),
                                                ("Edit details", discord.ButtonStyle.secondary, "read:edit", self.edit),
                                                ("Cancel", discord.ButtonStyle.danger, "read:cancel", self.cancel)):
            button = discord.ui.Button(label=label, style=style, custom_id=custom_id, row=4)
            button.callback = action  # type: ignore[method-assign,assignment]
            self.add_item(button)

    async def _refresh(self, interaction: Interaction) -> None:
        self.build()
        await interaction.response.edit_message(embed=self.embed(), view=self)

    def _values(self, interaction: Interaction) -> list[str]:
        return list((interaction.data or {}).get("values", []))  # type: ignore[union-attr]

    async def chose_kind(self, interaction: Interaction) -> None:
        self.fixes.kind = EventKind(self._values(interaction)[0])
        await guarded(interaction, self._refresh(interaction), "reading kind")

    async def chose_outcome(self, interaction: Interaction) -> None:
        self.fixes.outcome = self._values(interaction)[0]
        await guarded(interaction, self._refresh(interaction), "reading outcome")

    async def chose_exemptions(self, interaction: Interaction) -> None:
        self.fixes.exemptions = self._values(interaction)
        await guarded(interaction, self._refresh(interaction), "reading exemptions")

    async def chose_gaps(self, interaction: Interaction) -> None:
        ticked = set(self._values(interaction))
        read = service.flag_values(self.draft, Corrections())
        for key in FLAGS:
            if key in ticked:
                self.fixes.flags[key] = False
            elif read.get(key) is False:
                self.fixes.flags[key] = True  # the member says it was there after all
            else:
                self.fixes.flags.pop(key, None)
        self.fixes.attachment_missing = "attachment_missing" in ticked or None
        await guarded(interaction, self._refresh(interaction), "reading gaps")

    async def edit(self, interaction: Interaction) -> None:
        await guarded(interaction, interaction.response.send_modal(DetailsForm(self)), "reading edit")

    async def cancel(self, interaction: Interaction) -> None:
        self.stop()
        await guarded(interaction, interaction.response.edit_message(content="Nothing was saved.", embed=None, view=None), "reading cancel")

    async def save(self, interaction: Interaction) -> None:
        async def saved() -> None:
            from cogs._request_views import send_detail

            await interaction.response.defer()  # the transaction follows; the reading stays if it is refused
            detail = await service.save_reading(interaction.client.db, viewer_of(interaction), self.draft, self.fixes, on=self.on)
            self.stop()
            await interaction.edit_original_response(view=None)
            newest = max(detail.folded.events, key=lambda e: e.seq)
            await send_detail(interaction, f"Recorded on {detail.public_id}: {event_line(newest)}, {stamp(newest.on, 'D')}.", detail)

        await guarded(interaction, saved(), "reading save")


class DetailsForm(FoiModal):
    """Corrections that need typing: exemptions, answers per question, an extension's new date."""

    def __init__(self, view: ReadingView) -> None:
        super().__init__(title="Correct what foibot read", timeout=900)
        self.view = view
        reading, fixes = view.draft.reading, view.fixes
        exemptions = fixes.exemptions if fixes.exemptions is not None else reading.relied_labels()
        answers = fixes.answers if fixes.answers is not None else "; ".join(
            f"{a.number}: {a.status.value.replace('_', ' ')}" if a.to is None else f"{a.number}->{a.to}" for a in reading.answers)
        self.exemptions = discord.ui.TextInput(label="Exemptions relied on", required=False, max_length=500,
                                               default=", ".join(exemptions)[:500], placeholder="e.g. s.40(2), s 43, reg 12(4)(b)")
        self.answers = discord.ui.TextInput(label="Answers per question", required=False, max_length=500, default=answers[:500],
                                            placeholder="e.g. 1,3: not held in form; 2: answered; 4->1")
        self.new_date = discord.ui.TextInput(label="An extension's new date (day first)", required=False, max_length=60,
                                             default=fixes.new_date or reading.new_date or "")
        for item in (self.exemptions, self.answers, self.new_date):
            self.add_item(item)

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        fixes = self.view.fixes
        typed = [part.strip() for part in self.exemptions.value.split(",") if part.strip()]
        fixes.exemptions = typed
        fixes.answers = self.answers.value
        fixes.new_date = self.new_date.value.strip() or None
        await guarded(interaction, self.view._refresh(interaction), "reading details")
