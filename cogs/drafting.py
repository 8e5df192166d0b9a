"""``/draft``: write a request, see what a careful FOI officer would pick at, fix it, preview the
letter, and mark it as sent (it becomes a tracked request with its deadlines).

Thin: drafts live in the database through ``bot.services.drafts`` (owner only, one transaction
each); the rules are ``bot.drafting``'s. This file turns interactions into service calls and
findings into a message (``cogs._findings``: the three that matter most, and every one behind
**Show all**). The buttons are ``DynamicItem``s whose ``custom_id`` is
``draft:<public_id>:<action>``, so they keep working after a restart; the service answers
"not found" to anyone but the draft's owner. ``/draft check`` stores nothing, so its **Show all**
lives in memory (``CheckView``) until it times out. Everything is private (ephemeral).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import FoiModal, FoiView, Interaction
from bot.clock import uk_today
from bot.drafting import Draft, Finding
from bot.drafting.draft import AUTHORITY_MAX_CHARS, QUESTIONS_MAX_CHARS, REQUESTER_NAME_MAX_CHARS, SUBJECT_MAX_CHARS
from bot.drafting.periods import plain_date
from bot.law.regimes import Law, regime
from bot.services import drafts as service
from bot.templates import render
from bot.tracking.describe import deadline_label
from bot.tracking.limits import TITLE_MAX
from cogs._findings import CONTENT_MAX, DESCRIPTION_MAX, TOP, all_findings_messages, findings_embeds, summary, top_findings
from cogs._shared import LAW_CHOICES, answer_privately, before_form, cut, guarded, safe, stamp, viewer_of

if TYPE_CHECKING:
    from bot.client import FoiBot
    from bot.services.drafts import DraftList, DraftRecord, SentDraft

log = logging.getLogger(__name__)

MODAL_TIMEOUT = 3600.0  # an hour to write a request before the form stops answering
# /draft check's Show all button: its findings live only in memory. An interaction's token lasts 15
# minutes, and the check message is edited through it when the button goes ("run it again").
CHECK_TIMEOUT = 600.0
_PID = r"[2-9A-HJ-NP-Z]{5}"
# (label, style) of each button; the action is the last part of its custom_id.
BUTTONS: dict[str, tuple[str, discord.ButtonStyle]] = {
    "fix": ("Apply fixes", discord.ButtonStyle.primary),
    "edit": ("Edit", discord.ButtonStyle.secondary),
    "preview": ("Preview letter", discord.ButtonStyle.secondary),
    "sent": ("Mark as sent", discord.ButtonStyle.success),
    "delete": ("Delete it", discord.ButtonStyle.danger),
    "keep": ("Keep it", discord.ButtonStyle.secondary),
    "all": ("Show all findings", discord.ButtonStyle.secondary),  # labelled with the count: show_all_label
}


def show_all_label(count: int) -> str:
    return f"Show all {count} findings"


# -- messages ------------------------------------------------------------------------------------

def findings_message(findings: Sequence[Finding], *, law: Law, day: date, record: DraftRecord | None = None,
                     note: str | None = None, expired: bool = False) -> dict[str, Any]:
    """The keyword arguments of a findings message: text, the ``TOP`` findings that matter most as
    embeds and (for a stored draft) its buttons, Show all among them when more are waiting.
    ``expired``: a check whose Show all button has gone."""
    shown = top_findings(findings)
    if record is not None:
        heading = f"Draft {record.public_id} · {safe(record.title, 120)} · {safe(record.content.authority, 120)}"
    else:
        heading = "Check"
    content = render(
        "messages/draft_findings.md.j2", note=note, heading=heading, summary=summary(findings), law=regime(law).short,
        day=plain_date(day), count=len(findings), shown=len(shown), hidden=len(findings) - len(shown), stored=record is not None,
        show_all=show_all_label(len(findings)), minutes=round(CHECK_TIMEOUT / 60), expired=expired,
        open=record is None or record.is_open, fixable=any(f.fix for f in findings),
        sent_on=plain_date(record.sent_on) if record is not None and record.sent_on else None,
        request_id=record.request_public_id if record is not None else None,
    ).strip()
    message: dict[str, Any] = {"content": cut(content, CONTENT_MAX), "embeds": findings_embeds(shown)}
    if record is not None:
        message["view"] = draft_view(record, fixable=any(f.fix for f in findings), count=len(findings))
    return message


def draft_message(record: DraftRecord, findings: Sequence[Finding] | None = None, *, note: str | None = None) -> dict[str, Any]:
    """A stored draft's findings message (linted now unless ``findings`` are given)."""
    today = uk_today()
    found = service.lint_draft(record, today) if findings is None else findings
    return findings_message(found, law=record.content.law, day=today, record=record, note=note)


def draft_view(record: DraftRecord, *, fixable: bool, count: int = 0) -> discord.ui.View:
    """Apply fixes, Edit, Preview letter, Mark as sent; a sent draft keeps only Preview letter; then
    Show all when ``count`` findings are more than the message shows (five buttons: one row)."""
    view = FoiView(timeout=None)
    actions = ("fix", "edit", "preview", "sent") if record.is_open else ("preview",)
    for action in actions:
        view.add_item(DraftButton(record.public_id, action, disabled=action == "fix" and not fixable))
    if count > TOP:
        view.add_item(DraftButton(record.public_id, "all", label=show_all_label(count)))
    return view


async def send_all_findings(interaction: Interaction, findings: Sequence[Finding], heading: str) -> None:
    """Every finding, privately, in as many messages as Discord's limits need (after a defer)."""
    for message in all_findings_messages(findings, heading):
        await interaction.followup.send(ephemeral=True, **message)


class CheckView(FoiView):
    """``/draft check``'s Show all: nothing is stored, so the findings wait here until the view
    times out; then the check message says to run the check again. The message is private, so
    only the member who ran the check can press it."""

    def __init__(self, interaction: Interaction, findings: Sequence[Finding], *, law: Law, day: date) -> None:
        super().__init__(timeout=CHECK_TIMEOUT)
        self.interaction, self.findings, self.law, self.day = interaction, list(findings), law, day
        button: discord.ui.Button[CheckView] = discord.ui.Button(
            label=show_all_label(len(findings)), style=discord.ButtonStyle.secondary, custom_id="draft:check:all")
        button.callback = self.show_all  # type: ignore[method-assign]
        self.add_item(button)

    async def show_all(self, interaction: Interaction) -> None:
        async def send() -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await send_all_findings(interaction, self.findings, "Check")

        await guarded(interaction, send(), "button draft:check:all")

    async def on_timeout(self) -> None:
        expired = findings_message(self.findings, law=self.law, day=self.day, expired=True)
        try:
            await self.interaction.edit_original_response(content=expired["content"], view=None)
        except discord.HTTPException as exc:  # the member dismissed the message: nothing to say it on
            log.info("could not mark the check's Show all as expired: %s", exc)


def letter_reply(public_id: str, letter: str) -> tuple[str, discord.File | None]:
    """The letter inline in a code block when it fits in one message, otherwise a .txt file."""
    inline = f"The letter for draft {public_id}, ready to copy:\n```\n{letter.strip()}\n```"
    if len(inline) <= CONTENT_MAX and "```" not in letter:
        return inline, None
    note = f"The letter for draft {public_id} is {len(letter):,} characters long, so here it is as a file to copy from."
    return note, discord.File(io.BytesIO(letter.encode("utf-8")), filename=f"request-{public_id}.txt")


def sent_message(sent: SentDraft) -> str:
    request = sent.request
    key, due = request.folded.next_deadline_key, request.folded.next_deadline
    deadline = request.folded.live.get(key) if key else None
    details = None
    if key and due:
        details = {"label": deadline_label(key, request.request.law), "date": stamp(due, "D"), "relative": stamp(due, "R"),
                   "citation": deadline.citation if deadline else regime(Law(request.request.law)).short}
    return render("messages/draft_sent.md.j2", draft_id=sent.record.public_id, request_id=request.public_id,
                  sent=plain_date(request.request.sent_on), authority=safe(request.authority.name, 200), due=details).strip()


def list_embed(drafts: DraftList) -> discord.Embed:
    items = [{"id": r.public_id, "title": safe(r.title, 80), "authority": safe(r.content.authority, 60),
              "law": regime(r.content.law).short, "changed": discord.utils.format_dt(r.updated_at, "R"),
              "state": "Open" if r.is_open else (f"Sent {stamp(r.sent_on, 'D')}" if r.sent_on else "Sent")
              + (f", tracked as `{r.request_public_id}`" if r.request_public_id else "")} for r in drafts.items]
    while True:  # Discord's 4096-character description: show fewer until it fits
        text = render("messages/draft_list.md.j2", items=items, more=drafts.total - len(items)).strip()
        if len(text) <= DESCRIPTION_MAX or not items:
            break
        items.pop()
    embed = discord.Embed(title="Your drafts", description=text, colour=discord.Colour.blurple())
    embed.set_footer(text=f"{drafts.total} draft{'s' if drafts.total != 1 else ''} · latest first · /draft open <id> to carry on")
    return embed


# -- buttons -------------------------------------------------------------------------------------

Action = Callable[[Interaction, str], Awaitable[None]]


class DraftButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=rf"draft:(?P<pid>{_PID}):(?P<action>{'|'.join(BUTTONS)})"):
    """A draft's button; the action runs only for the draft's owner (the service says "not found" otherwise)."""

    def __init__(self, public_id: str, action: str, *, disabled: bool = False, label: str | None = None) -> None:
        default, style = BUTTONS[action]
        custom_id = f"draft:{public_id}:{action}"
        super().__init__(discord.ui.Button(label=label or default, style=style, custom_id=custom_id, disabled=disabled))
        self.public_id, self.action = public_id, action

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any],
                             match: re.Match[str]) -> DraftButton:
        return cls(match["pid"], match["action"])

    async def callback(self, interaction: Interaction) -> None:
        await guarded(interaction, ACTIONS[self.action](interaction, self.public_id), f"button {self.custom_id}")


def _db(interaction: Interaction) -> Any:
    return interaction.client.db


async def fix_draft(interaction: Interaction, public_id: str) -> None:
    await interaction.response.defer()  # updates the findings message in place
    outcome = await service.apply_draft_fixes(_db(interaction), viewer_of(interaction), public_id)
    note = "Applied the safe fixes." if outcome.changed else "Nothing left that foibot can fix by itself."
    await interaction.edit_original_response(**draft_message(outcome.record, outcome.findings, note=note))


async def edit_draft(interaction: Interaction, public_id: str) -> None:
    # A modal must be the first response: this quick check (one indexed read) comes before it.
    record = await before_form(service.get_draft(_db(interaction), viewer_of(interaction), public_id))
    record.require_open()
    await interaction.response.send_modal(DraftForm(record.content.law, record))


async def preview_draft(interaction: Interaction, public_id: str) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    record, letter = await service.preview_letter(_db(interaction), viewer_of(interaction), public_id)
    content, file = letter_reply(record.public_id, letter)
    await interaction.followup.send(content, ephemeral=True, **({"file": file} if file else {}))


async def show_all_findings(interaction: Interaction, public_id: str) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    record = await service.get_draft(_db(interaction), viewer_of(interaction), public_id)
    heading = f"Draft {record.public_id} · {safe(record.title, 120)}"
    await send_all_findings(interaction, service.lint_draft(record, uk_today()), heading)


async def ask_sent_date(interaction: Interaction, public_id: str) -> None:
    record = await before_form(service.get_draft(_db(interaction), viewer_of(interaction), public_id))
    record.require_open()
    await interaction.response.send_modal(SentForm(record))


async def delete_or_keep(interaction: Interaction, public_id: str, *, delete: bool) -> None:
    await interaction.response.defer()
    db, viewer = _db(interaction), viewer_of(interaction)
    record = await (service.delete_draft if delete else service.get_draft)(db, viewer, public_id)
    done = f"{'Deleted' if delete else 'Kept'} draft {record.public_id} “{safe(record.title, 120)}”."
    await interaction.edit_original_response(content=done, embeds=[], view=None)


ACTIONS: dict[str, Action] = {
    "fix": fix_draft,
    "edit": edit_draft,
    "preview": preview_draft,
    "sent": ask_sent_date,
    "all": show_all_findings,
    "delete": lambda interaction, pid: delete_or_keep(interaction, pid, delete=True),
    "keep": lambda interaction, pid: delete_or_keep(interaction, pid, delete=False),
}


# -- forms ---------------------------------------------------------------------------------------

# The draft form's inputs, keyed like ``bot.drafting.Draft``: (label, max length, required, placeholder).
DRAFT_INPUTS: dict[str, tuple[str, int, bool, str]] = {
    "authority": ("Authority (who you are asking)", AUTHORITY_MAX_CHARS, True, "e.g. Bristol City Council"),
    "subject": ("Subject (a few words)", SUBJECT_MAX_CHARS, False, "e.g. Pothole repairs in Southville"),
    "questions": ("Your questions", QUESTIONS_MAX_CHARS, True, "1. How many ... between 1 April 2023 and 31 March 2026?"),
    "requester_name": ("Your full name, as it goes on the letter", REQUESTER_NAME_MAX_CHARS, True, "First name and surname"),
}


class DraftForm(FoiModal):
    """The draft's four fields: empty for `/draft new`, pre-filled for Edit (``record`` given)."""

    def __init__(self, law: Law, record: DraftRecord | None = None) -> None:
        title = f"Edit draft {record.public_id}" if record else f"New {regime(law).short} request"
        super().__init__(title=title, custom_id=f"draft:form:{record.public_id if record else 'new'}", timeout=MODAL_TIMEOUT)
        self.law, self.record = law, record
        old = record.content if record else Draft()
        self.inputs = {
            name: discord.ui.TextInput(label=label, custom_id=name, max_length=limit, required=required, placeholder=hint,
                                       default=getattr(old, name) or None,
                                       style=discord.TextStyle.paragraph if name == "questions" else discord.TextStyle.short)
            for name, (label, limit, required, hint) in DRAFT_INPUTS.items()
        }
        for item in self.inputs.values():
            self.add_item(item)

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        content = Draft(**{name: item.value for name, item in self.inputs.items()}, law=self.law)
        await guarded(interaction, self.save(interaction, content), f"form {self.custom_id}")

    async def save(self, interaction: Interaction, content: Draft) -> None:
        db, viewer = _db(interaction), viewer_of(interaction)
        if self.record is None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            record = await service.create_draft(db, viewer, content)
            note = f"Saved as draft **{record.public_id}**: come back to it any time with `/draft open {record.public_id}`."
            await interaction.followup.send(ephemeral=True, **draft_message(record, note=note))
            return
        await interaction.response.defer()  # the findings message the Edit button is on is updated in place
        record = await service.update_draft(db, viewer, self.record.public_id, content)
        await interaction.edit_original_response(**draft_message(record, note="Saved your changes."))


class SentForm(FoiModal):
    """Mark as sent: the day it went (day first) and the title to track it by."""

    def __init__(self, record: DraftRecord) -> None:
        super().__init__(title=f"Mark draft {record.public_id} as sent", custom_id=f"draft:sentform:{record.public_id}",
                         timeout=MODAL_TIMEOUT)
        self.public_id = record.public_id
        self.sent_on = discord.ui.TextInput(label="Date you sent it (day first)", custom_id="sent_on", max_length=60,
                                            default=uk_today().strftime("%d/%m/%Y"), placeholder="25/11/2026 or today")
        self.title_input = discord.ui.TextInput(label="Title to track it by", custom_id="title", max_length=TITLE_MAX,
                                                default=record.title[:TITLE_MAX])
        self.add_item(self.sent_on)
        self.add_item(self.title_input)

    async def on_submit(self, interaction: Interaction) -> None:  # type: ignore[override]
        async def send() -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            sent = await service.mark_sent(_db(interaction), viewer_of(interaction), self.public_id, self.sent_on.value,
                                           title=self.title_input.value)
            await interaction.followup.send(sent_message(sent), ephemeral=True)

        await guarded(interaction, send(), f"form {self.custom_id}")


# -- the commands --------------------------------------------------------------------------------

class Drafting(commands.GroupCog, group_name="draft", group_description="Write a request that can't be dodged, then track it"):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(DraftButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(DraftButton)

    @app_commands.command(name="new", description="Write a request: a form, then what to fix, the letter, and tracking")
    @app_commands.describe(law="The law you are asking under (default FOIA; EIR for environmental information)")
    @app_commands.choices(law=LAW_CHOICES)
    async def new(self, interaction: Interaction, law: str = Law.FOIA.value) -> None:
        await interaction.response.send_modal(DraftForm(Law(law)))

    @app_commands.command(name="check", description="Check any request text against the drafting rules (only you see it)")
    @app_commands.describe(text="The request's text", law="The law it is asked under (default FOIA)")
    @app_commands.choices(law=LAW_CHOICES)
    async def check(self, interaction: Interaction, text: app_commands.Range[str, 1, QUESTIONS_MAX_CHARS],
                    law: str = Law.FOIA.value) -> None:
        today = uk_today()
        found = service.lint_text(text, law, today)
        message = findings_message(found, law=Law(law), day=today)
        if len(found) > TOP:
            message["view"] = CheckView(interaction, found, law=Law(law), day=today)
        await interaction.response.send_message(ephemeral=True, **message)

    @app_commands.command(name="list", description="Your drafts, latest first")
    async def list_(self, interaction: Interaction) -> None:
        async def reply() -> dict[str, Any]:
            return {"embed": list_embed(await service.list_drafts(self.bot.db, viewer_of(interaction)))}

        await answer_privately(interaction, reply())

    @app_commands.command(name="open", description="Carry on with a draft: its findings and buttons")
    @app_commands.describe(draft="The draft (type its subject or id)")
    async def open(self, interaction: Interaction, draft: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        record = await service.get_draft(self.bot.db, viewer_of(interaction), draft)
        await interaction.followup.send(ephemeral=True, **draft_message(record))

    @app_commands.command(name="delete", description="Delete a draft (asks first; a request it became stays)")
    @app_commands.describe(draft="The draft (type its subject or id)")
    async def delete(self, interaction: Interaction, draft: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        record = await service.get_draft(self.bot.db, viewer_of(interaction), draft)
        view = FoiView(timeout=None)
        view.add_item(DraftButton(record.public_id, "delete"))
        view.add_item(DraftButton(record.public_id, "keep"))
        stays = f" The tracked request {record.request_public_id} stays." if record.request_public_id else ""
        question = f"Delete draft {record.public_id} “{safe(record.title, 120)}”? This can't be undone.{stays}"
        await interaction.followup.send(question, view=view, ephemeral=True)

    @open.autocomplete("draft")
    @delete.autocomplete("draft")
    async def draft_autocomplete(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await service.search_drafts(self.bot.db, viewer_of(interaction), current)
        return [app_commands.Choice(name=f"{pid} · {' '.join(title.split())}"[:100], value=pid) for pid, title in found]


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Drafting(bot))
