"""Which provision says what, per law, so a rule's "why" names the right section.

A rule's ``why`` and ``source`` are templates over the keys of the law entry's ``drafting``
mapping (``{cost}``, ``{advice}``, ...; each entry in ``bot/law/entries/`` holds its own): FOISA
requests cite FOISA (s.15 advice, s.12 £600), EIR requests never mention a cost limit (there is
none: reg 12(4)(b) "manifestly unreasonable" instead), and a subject access request cites the UK
GDPR. ``act`` (the short name) and ``title`` (the full one) are added from the entry.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from bot.law.regimes import Regime, regime

log = logging.getLogger(__name__)


def citations(law: str) -> Mapping[str, str]:
    """The citation keys for ``law``, plus ``act`` (the short name) and ``title`` (the full one)."""
    return _citations(regime(law))


@lru_cache(maxsize=None)
def _citations(entry: Regime) -> Mapping[str, str]:
    return MappingProxyType({**entry.drafting, "act": entry.short, "title": entry.title})
