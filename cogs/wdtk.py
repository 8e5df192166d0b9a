"""WhatDoTheyKnow: the process's one polite client, the background poller, and the Discord side of
``/request track`` and ``/request import`` (their commands live in ``cogs/requests.py``, in the
``/request`` group; they call in here).

Thin: reading and tracking are ``bot.services.wdtk``; polling is ``bot.services.wdtk_poll``. The
poller starts in ``cog_load`` (only when the bot runs its services) and stops with the cog.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

import discord
from discord.ext import commands

from bot.client import Interaction
from bot.errors import UserError
from bot.law.regimes import Law, regime
from bot.services import wdtk as service
from bot.services.wdtk_poll import Poller
from bot.sources.polite import PoliteClient
from bot.sources.wdtk import WdtkClient
from cogs._shared import guarded, safe, viewer_of

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)

CUSTOM_ID_MAX = 100  # Discord's limit on a component's custom_id


def hours(seconds: float) -> str:
    if seconds >= 3600:
        value = seconds / 3600
        return f"{value:.0f} hour{'s' if round(value) != 1 else ''}"
    return f"{seconds:.0f} seconds"


class WhatDoTheyKnow(commands.Cog):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        settings = bot.settings
        self.interval = settings.wdtk_poll_seconds
        self.client = WdtkClient(PoliteClient(contact=settings.wdtk_contact), settings.wdtk_base_url)
        self.poller: Poller | None = None

    async def cog_load(self) -> None:
        from cogs._wdtk_import import CheckButton

        self.bot.add_dynamic_items(TrackButton, CheckButton)
        if self.bot.services_enabled:
            self.poller = Poller(self.bot.db, self.client, interval=self.interval)
            self.poller.start()

    async def cog_unload(self) -> None:
        if self.poller is not None:
            await self.poller.stop()
            self.poller = None
        from cogs._wdtk_import import CheckButton

        self.bot.remove_dynamic_items(TrackButton, CheckButton)
        await self.client.close()

    async def track(self, interaction: Interaction, url: str, visibility: str) -> None:
        """Follow a WDTK request: the reply is the request's own view, with what was read."""
        from cogs._request_views import send_detail

        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        tracked = await service.track_url(self.bot.db, self.client, viewer_of(interaction), url,
                                          visibility=visibility, interval=self.interval)
        detail = tracked.detail
        lines = [
            f"Now following `{detail.public_id}` “{safe(detail.request.title, 150)}” on WhatDoTheyKnow: "
            f"{safe(detail.authority.name, 100)}, {regime(Law(detail.request.law)).short}.",
            f"foibot looks for replies about every {hours(self.interval)} and DMs you when {safe(detail.authority.name, 60)} replies.",
        ]
        if tracked.skipped:
            lines.append(f"{tracked.skipped} event(s) on WhatDoTheyKnow did not fit the timeline; add them with /request update if they matter.")
        if tracked.not_apply:
            lines.append(f"Note: {tracked.not_apply}, so the deadlines shown may not bind it.")
        await send_detail(interaction, "\n".join(lines), detail)


class TrackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"wdtk:track:(?P<slug>[a-z0-9_]+)"):
    """*Track it* under a WhatDoTheyKnow link pasted where an authority was expected."""

    def __init__(self, slug: str) -> None:
        super().__init__(discord.ui.Button(label="Track it from WhatDoTheyKnow", style=discord.ButtonStyle.primary,
                                           custom_id=f"wdtk:track:{slug}"))
        self.slug = slug

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Button[Any], match: Any) -> TrackButton:
        return cls(match["slug"])

    async def callback(self, interaction: Interaction) -> None:
        cog = cast("WhatDoTheyKnow | None", interaction.client.get_cog("WhatDoTheyKnow"))

        async def go() -> None:
            if cog is None:
                raise UserError("WhatDoTheyKnow tracking is not running just now; try again in a minute.")
            await cog.track(interaction, f"{cog.client.base_url}/request/{self.slug}", "private")

        await guarded(interaction, go(), f"button {self.custom_id}")


def track_button(slug: str) -> TrackButton | None:
    return TrackButton(slug) if len(f"wdtk:track:{slug}") <= CUSTOM_ID_MAX else None


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(WhatDoTheyKnow(bot))
