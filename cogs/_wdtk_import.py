"""``/request import wdtk_user:``'s Discord side: the ownership code, *Check*, and the pick list.

Thin: the claim and the listing are ``bot.services.wdtk_import``; each request picked is tracked
through ``cogs.wdtk.WhatDoTheyKnow.track``'s service, one after the other (the polite client spaces
the reads a second apart).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.client import FoiView, Interaction
from bot.errors import UserError
from bot.services import wdtk as tracking
from bot.services import wdtk_import as service
from bot.sources.polite import SourceError
from bot.sources.urls import user_slug
from cogs._shared import guarded, safe, viewer_of

if TYPE_CHECKING:
    from cogs.wdtk import WhatDoTheyKnow

log = logging.getLogger(__name__)

MENU_MAX = 25  # Discord: at most 25 options in a select menu


def _cog(interaction: Interaction) -> WhatDoTheyKnow:
    cog = interaction.client.get_cog("WhatDoTheyKnow")
    if cog is None:
        raise UserError("WhatDoTheyKnow tracking is not running just now; try again in a minute.")
    return cast("WhatDoTheyKnow", cog)


async def start_import(interaction: Interaction, profile_url: str) -> None:
    cog = _cog(interaction)
    url_name = user_slug(profile_url, cog.client.base_url)  # not a profile link: says so, before anything
    await interaction.response.defer(ephemeral=True, thinking=True)
    got = await service.claim(cog.bot.db, cog.client, interaction.user.id, url_name)
    if not got.verified:
        view = FoiView(timeout=None)
        view.add_item(CheckButton(interaction.user.id))
        await interaction.followup.send(
            "First, prove this WhatDoTheyKnow profile is yours (anyone's requests are public, so foibot checks). "
            f"On WhatDoTheyKnow choose *Edit profile* and put this code anywhere in **About me**: `{got.code}`\n"
            "Then press *Check*. You can remove the code afterwards.", view=view, ephemeral=True)
        return
    await offer(interaction, cog)


async def offer(interaction: Interaction, cog: WhatDoTheyKnow) -> None:
    listed = await service.mine(cog.bot.db, cog.client, interaction.user.id)
    if not listed:
        await interaction.followup.send("foibot found no requests of yours on WhatDoTheyKnow that you don't already follow. "
                                        "(Private, embargoed Pro requests can't be imported.)", ephemeral=True)
        return
    shown = listed[:MENU_MAX]
    view = FoiView(timeout=900)
    view.add_item(PickMenu(shown))
    more = f" (the newest {MENU_MAX} of {len(listed)}; run it again for the rest)" if len(listed) > MENU_MAX else ""
    await interaction.followup.send(f"Your WhatDoTheyKnow requests{more}: pick the ones foibot should follow.",
                                    view=view, ephemeral=True)


class CheckButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"wdtk:check:(?P<user>[0-9]+)"):
    def __init__(self, user_id: int) -> None:
        super().__init__(discord.ui.Button(label="Check", style=discord.ButtonStyle.primary, custom_id=f"wdtk:check:{user_id}"))
        self.user_id = user_id

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: Any) -> CheckButton:
        return cls(int(match["user"]))

    async def callback(self, interaction: Interaction) -> None:
        async def go() -> None:
            if interaction.user.id != self.user_id:
                raise UserError("That check belongs to another member: run /request import yourself.")
            cog = _cog(interaction)
            await interaction.response.defer(ephemeral=True, thinking=True)
            url_name = await _pending_profile(cog, interaction.user.id)
            got = await service.claim(cog.bot.db, cog.client, interaction.user.id, url_name)
            if not got.verified:
                raise UserError(f"The code `{got.code}` is not in your WhatDoTheyKnow “About me” yet: save it there, then press Check again.")
            await offer(interaction, cog)

        await guarded(interaction, go(), f"button {self.custom_id}")


async def _pending_profile(cog: WhatDoTheyKnow, user_id: int) -> str:
    url_name = await service.pending_profile(cog.bot.db, user_id)
    if url_name is None:
        raise UserError("Run /request import with your WhatDoTheyKnow profile's link first.")
    return url_name


class PickMenu(discord.ui.Select[Any]):
    def __init__(self, listed: list[Any]) -> None:
        options = [discord.SelectOption(label=safe(item.title, 100) or item.url_title[:100], value=item.url_title[:100],
                                        description=(item.body_name or "")[:100] or None) for item in listed]
        super().__init__(placeholder="Requests to follow", options=options, min_values=1, max_values=len(options),
                         custom_id="wdtk:pick")

    async def callback(self, interaction: Interaction) -> None:
        async def go() -> None:
            cog = _cog(interaction)
            await interaction.response.defer(ephemeral=True, thinking=True)
            done: list[str] = []
            problems: list[str] = []
            for slug in self.values:
                try:
                    tracked = await tracking.track_url(cog.bot.db, cog.client, viewer_of(interaction),
                                                       f"{cog.client.base_url}/request/{slug}", interval=cog.interval)
                    done.append(f"`{tracked.detail.public_id}` {safe(tracked.detail.request.title, 80)}")
                except (UserError, SourceError) as exc:
                    problems.append(f"{slug}: {exc.message if isinstance(exc, UserError) else exc}")
            lines = [f"Now following {len(done)} request(s) from WhatDoTheyKnow:", *done]
            if problems:
                lines += ["Not followed:", *problems]
            await interaction.followup.send("\n".join(lines)[:2000], ephemeral=True)

        await guarded(interaction, go(), "the WhatDoTheyKnow import menu")
