"""The picture of a request's clock for ``/request show``: laid out from the request's folded
timeline, drawn off the event loop (``asyncio.to_thread``: matplotlib takes tens of milliseconds)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.community.timeline_layout import alt_text, build_layout
from bot.community.timeline_png import render_png
from bot.law.calendar import calendar_for
from bot.law.regimes import Division, Law

if TYPE_CHECKING:
    from bot.services.requests import RequestDetail

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Picture:
    png: bytes
    description: str  # the alt text: the same in words
    filename: str = "timeline.png"


async def timeline_picture(detail: RequestDetail) -> Picture | None:
    """The request's timeline as a PNG with its alt text; None when there is nothing to draw (or
    drawing failed: the text of ``/request show`` says it all anyway)."""
    folded = detail.folded
    try:
        calendar = calendar_for(Law(detail.request.law), Division(detail.authority.division))
        layout = build_layout(detail.public_id, folded.facts, folded.report, calendar, folded.today)
        if layout is None:
            return None
        png = await asyncio.to_thread(render_png, layout)
    except Exception:  # a picture is a nicety: never lose the answer over it
        log.exception("drawing the timeline of %s failed", detail.public_id)
        return None
    return Picture(png, alt_text(layout))
