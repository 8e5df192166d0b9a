"""Drawing the timeline layout as a PNG with matplotlib (pure: no database, no discord).

Matplotlib's object-oriented API on the Agg canvas, never ``pyplot``: no global figure state, so
it is safe in a worker thread (callers run it with ``asyncio.to_thread``: drawing takes tens of
milliseconds, too long for the event loop). The picture has its own opaque, light-grey card and
dark ink, so it reads the same on Discord's dark and light themes; colours come from the
colour-blind-safe Okabe-Ito palette.
"""

from __future__ import annotations

import io
import logging
from datetime import timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.community.timeline_layout import TimelineLayout

log = logging.getLogger(__name__)

BACKGROUND = "#f2f3f5"
INK = "#23272a"
COLOURS = {
    "running": "#0072B2", "stopped": "#E69F00", "window": "#009E73", "review": "#CC79A7",
    "due": "#D55E00", "extended": "#D55E00", "answered": "#0072B2", "review_due": "#CC79A7", "today": "#000000",
    "received": "#56B4E9", "holiday": "#999999",
}
ROW_NAMES = {"clock": "Response", "review": "Review", "complaint": "Regulator"}


def render_png(layout: TimelineLayout, *, dpi: int = 100) -> bytes:
    figure = Figure(figsize=(8.0, 2.8), dpi=dpi, facecolor=BACKGROUND)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.11, 0.2, 0.86, 0.58), facecolor=BACKGROUND)
    rows = [r for r in layout.rows if any(s.row == r for s in layout.spans)] or ["clock"]
    y = {row: len(rows) - 1 - i for i, row in enumerate(rows)}
    x0, x1 = layout.x(layout.start) - 3, layout.x(layout.end)
    for holiday in layout.holidays:
        ax.axvspan(layout.x(holiday.day) - 0.5, layout.x(holiday.day) + 0.5, color=COLOURS["holiday"], alpha=0.35, lw=0)
    for span in layout.spans:
        height = 0.5 if span.kind != "stopped" else 0.62
        left, width = layout.x(span.start), max(layout.x(span.end) - layout.x(span.start), 0.6)
        ax.broken_barh([(left, width)], (y[span.row] - height / 2, height), facecolors=COLOURS[span.kind],
                       alpha=0.95 if span.kind == "stopped" else 0.8, zorder=3 if span.kind == "stopped" else 2)
    close = max(1.0, (x1 - x0) * 0.09)  # labels nearer than this would overlap: the later one goes higher
    previous, level = None, 0
    for mark in sorted(layout.marks, key=lambda m: m.day):
        style = "--" if mark.kind == "today" else "-"
        x = layout.x(mark.day)
        ax.axvline(x, color=COLOURS[mark.kind], lw=2 if mark.kind != "received" else 1.2, ls=style, zorder=4)
        level = level + 1 if previous is not None and x - previous < close else 0
        previous = x
        ax.annotate(f"{mark.label} {mark.day.strftime('%d %b %Y')}", (x, len(rows) - 0.45 + 0.28 * (level % 3)),
                    color=INK, fontsize=7, ha="center", va="bottom", annotation_clip=False)
    ax.set_xlim(x0, x1)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_yticks([y[r] for r in rows], [ROW_NAMES[r] for r in rows], color=INK, fontsize=9)
    ticks = _ticks(layout)
    ax.set_xticks([layout.x(d) for d in ticks], [d.strftime("%d %b") for d in ticks], color=INK, fontsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=INK, length=3)
    figure.text(0.11, 0.04, f"{layout.public_id} · orange: clock stopped · grey: bank holidays (not working days) · dashed: today",
                color=INK, fontsize=7.5)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor=BACKGROUND)
    return buffer.getvalue()


def _ticks(layout: TimelineLayout) -> list:  # type: ignore[type-arg]
    days = (layout.end - layout.start).days
    step = max(1, days // 8)
    return [layout.start + timedelta(days=n) for n in range(0, days + 1, step)]
