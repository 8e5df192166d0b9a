"""This process among the others: its heartbeat row and, when ``METRICS_PORT`` is set, its
Prometheus metrics. No commands; the work is in ``bot/services/cluster.py`` and ``bot/metrics.py``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from discord.ext import commands

from bot import metrics
from bot.services.cluster import Heartbeat, alert_counts

if TYPE_CHECKING:
    from bot.client import FoiBot

log = logging.getLogger(__name__)


class Cluster(commands.Cog):
    def __init__(self, bot: FoiBot) -> None:
        self.bot = bot
        self.heartbeat: Heartbeat | None = None
        self.metrics_server: Any = None

    async def cog_load(self) -> None:
        if not self.bot.services_enabled:  # `check` and `sync` are not processes of the cluster
            return
        settings = self.bot.settings
        if settings.metrics_port:
            self.metrics_server = metrics.serve(settings.metrics_port, settings.metrics_host)
        self.heartbeat = Heartbeat(self.bot.db, settings.shard_plan().describe(), interval=settings.heartbeat_seconds,
                                   on_beat=self.refresh_metrics)
        await self.heartbeat.start()

    async def cog_unload(self) -> None:
        if self.heartbeat is not None:
            await self.heartbeat.stop()
            self.heartbeat = None
        if self.metrics_server is not None:
            self.metrics_server.shutdown()
            self.metrics_server = None

    async def refresh_metrics(self) -> None:
        if self.metrics_server is None:
            return
        metrics.set_alert_counts(await alert_counts(self.bot.db))
        latencies = getattr(self.bot, "latencies", None)
        metrics.set_gateway_latencies(list(latencies) if latencies is not None else [(0, self.bot.latency)])


async def setup(bot: FoiBot) -> None:
    await bot.add_cog(Cluster(bot))
