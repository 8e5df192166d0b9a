"""The laws foibot knows, one module and one ``Regime`` entry each, in the order menus show them."""

from __future__ import annotations

from bot.law.entries import eir, eisr, foia, foisa, sar
from bot.law.entry import Regime

ENTRIES: tuple[Regime, ...] = (foia.ENTRY, eir.ENTRY, foisa.ENTRY, eisr.ENTRY, sar.ENTRY)
