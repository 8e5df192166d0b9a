"""Hostile text for the property tests, and the database as rows (to show a refusal changed nothing)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import sqlalchemy as sa
from hypothesis import strategies as st
from sqlmodel import SQLModel

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from bot.db import Database

# What breaks text handling: NUL and lone surrogates (no database stores them), control characters,
# direction overrides and marks, line endings, LIKE wildcards and escapes, letters that change length
# when case-folded, combining marks, non-ASCII digits, emoji.
NASTY = ("\x00", "\ud800", "\udfff", "\udcff", "\x07", "\x1b", "\x7f", "\u202e", "\u200f", "\u2066", "\n", "\r", "\t",
         "\x0c", "\u2028", "%", "_", "\\", "'", '"', "`", "ß", "ﬃ", "İ", "\u0301", "١", "😀", "#", ":", "/", " ")
LONG = 100_000

nasty_text = st.text(alphabet=st.one_of(st.sampled_from(NASTY), st.characters()), max_size=40)
long_text = st.builds(lambda piece: (piece * (LONG // len(piece) + 1))[:LONG], st.text(st.sampled_from(NASTY) | st.characters(), min_size=1, max_size=3))


def hostile_or(plain: str) -> SearchStrategy[str]:
    """``plain`` (a value that works), hostile text, or ``plain`` with hostile characters in it."""
    middle = len(plain) // 2
    return st.one_of(
        st.just(plain),
        nasty_text,
        st.builds(lambda bad: plain[:middle] + bad + plain[middle:], st.sampled_from((*NASTY, "\r\n"))),
        st.builds(lambda before, after: before + plain + after, nasty_text, nasty_text),
        long_text,
    )


@lru_cache(maxsize=1)
def _rows_as_text() -> sa.CompoundSelect:
    """Every row of every table as one text (each column cast to text), in one query: comparing the
    whole database around each of hundreds of calls must stay cheap."""
    selects = []
    for table in SQLModel.metadata.sorted_tables:
        columns = [sa.func.coalesce(sa.cast(column, sa.Text), "<null>") for column in table.c]
        row = columns[0]
        for column in columns[1:]:
            row = row + "|" + column
        selects.append(sa.select(sa.literal(table.name, sa.Text).label("name"), row.label("row")))
    return sa.union_all(*selects)


async def database_rows(db: Database) -> list[tuple[str, str]]:
    """Every row of every table, as text, in a fixed order."""
    async with db.engine.connect() as conn:
        return sorted(tuple(r) for r in (await conn.execute(_rows_as_text())).all())
