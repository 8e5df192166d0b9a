"""The registry of law entries: ``regime(law)`` is the one way code reads what a law says.

Each law is one entry in ``bot/law/entries/`` (its limits with their sources, its flags, its
drafting citations and letter words; the types are in ``bot/law/entry.py``). Code asks the entry
(``regime(law).environmental``, ``regime(law).words.review``) and never tests which law it is, so
adding a law is a new entry module, listed in ``bot/law/entries/__init__.py``, and its ``Law`` id.
``register`` adds an entry at run time (the tests' exercise: the Irish FOI Act 2014).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bot.law.entries import ENTRIES
from bot.law.entry import (
    DIVISION_NAMES,
    CalendarKind,
    ClockRule,
    Division,
    FeeRule,
    Law,
    LawWords,
    Period,
    Regime,
    ReviewAnchor,
    SchoolRule,
    TemporaryLimit,
    Unit,
)

log = logging.getLogger(__name__)

__all__ = [
    "DIVISION_NAMES",
    "REGIMES",
    "CalendarKind",
    "ClockRule",
    "Division",
    "FeeRule",
    "Law",
    "LawWords",
    "Period",
    "Regime",
    "ReviewAnchor",
    "SchoolRule",
    "TemporaryLimit",
    "Unit",
    "information_law",
    "laws_where",
    "register",
    "regime",
]

# Keyed by the law's id (a ``Law`` is a str, so ``REGIMES[Law.FOIA]`` and ``REGIMES["foia"]`` agree).
REGIMES: dict[str, Regime] = {entry.law: entry for entry in ENTRIES}
assert set(REGIMES) == set(Law), "every Law has exactly one entry"


def regime(law: str) -> Regime:
    """The entry for ``law`` (a ``Law`` or its id, e.g. ``"foia"``); ValueError for an unknown law."""
    try:
        return REGIMES[law]
    except (KeyError, TypeError):
        raise ValueError(f"{law!r} is not a law foibot knows") from None


def laws_where(test: Callable[[Regime], bool]) -> frozenset[Law]:
    """The laws whose entries pass ``test``, e.g. ``laws_where(lambda r: r.environmental)``."""
    return frozenset(entry.law for entry in REGIMES.values() if test(entry))


def information_law(division: Division) -> Law:
    """The freedom of information law for an authority in ``division`` (FOISA in Scotland, FOIA
    elsewhere): the entry for information requests that is at home there, else the UK-wide one."""
    candidates = [r for r in REGIMES.values() if not r.environmental and not r.subject_access]
    for entry in candidates:
        if entry.home_division == division:
            return entry.law
    return next(entry.law for entry in candidates if entry.home_division is None)


@contextmanager
def register(entry: Regime) -> Iterator[Regime]:
    """Add ``entry`` to the registry for the duration of the block (a law under trial)."""
    if entry.law in REGIMES:
        raise ValueError(f"a law with the id {entry.law!r} is already registered")
    REGIMES[entry.law] = entry
    try:
        yield entry
    finally:
        del REGIMES[entry.law]
