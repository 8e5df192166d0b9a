"""WhatDoTheyKnow's public bodies: the ``all-authorities.csv`` file and what a body's tags mean (pure).

The CSV's columns are Alaveteli's ``PublicBodyCSV.default_headers`` (``lib/public_body_csv.rb``):
``Internal ID, Name, Short name, URL name, Tags, Home page, Publication scheme, Disclosure log,
Notes, Created at, Updated at, Version``; ``Tags`` is ``tag_string`` (space-separated, ``name:value``
for valued tags). It lists visible bodies only and never an email address.

Tags foibot reads (Alaveteli ``public_body.rb``; WDTK theme ``lib/model_patches.rb``):
``scotland`` (a Scottish public authority: FOISA / the EISR, Scottish bank holidays, FOISA s.73),
``eir_only`` (only the Environmental Information Regulations apply), ``school`` / ``academy_trust``
(the 60-working-day backstop, SI 2010/2768), and three that say FOI does not apply:
``not_apply``, ``defunct`` (the body no longer exists) and ``foi_no`` (not subject to FOI law).
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.errors import BadInput
from bot.law.regimes import Division, Law, information_law, regime
from bot.tracking.text import member_text

log = logging.getLogger(__name__)

CSV_COLUMNS = ("Internal ID", "Name", "Short name", "URL name", "Tags", "Home page", "Publication scheme",
               "Disclosure log", "Notes", "Created at", "Updated at", "Version")
_URL_NAME = re.compile(r"[a-z0-9_]{1,200}")
NAME_MAX = 200
SHORT_NAME_MAX = 200
LINK_MAX = 500
NOTES_MAX = 4000

# Why FOI does not apply, in words a member reads when they pick the body.
NOT_APPLY_REASONS = {
    "defunct": "WhatDoTheyKnow lists it as defunct: the body no longer exists, so nobody has to answer a request to it",
    "not_apply": "WhatDoTheyKnow says freedom of information law does not apply to it",
    "foi_no": "WhatDoTheyKnow says it is not subject to freedom of information law (it may still answer voluntarily)",
}


@dataclass(frozen=True)
class BodyFacts:
    """What a body's tags mean for foibot."""

    division: Division
    default_law: Law
    school: bool
    foi_applies: bool
    not_apply_reason: str | None


def tag_names(tags: str | Iterable[str]) -> frozenset[str]:
    """The tags' names (``"scotland wikidata:Q1"`` -> {"scotland", "wikidata"})."""
    items = tags.split() if isinstance(tags, str) else tags
    return frozenset(t.split(":", 1)[0].strip().lower() for t in items if t.strip())


def body_facts(tags: str | Iterable[str]) -> BodyFacts:
    names = tag_names(tags)
    scottish = "scotland" in names
    environmental = "eir_only" in names
    # FOISA s.3 for a Scottish authority, FOIA elsewhere; an EIR-only body answers under the
    # environmental regulations that law sends environmental information to (EIR, EISR reg 2(1)).
    law = information_law(Division.SCOTLAND if scottish else Division.ENGLAND_AND_WALES)
    if environmental:
        law = Law(regime(law).environmental_law)
    reason = next((NOT_APPLY_REASONS[t] for t in ("defunct", "not_apply", "foi_no") if t in names), None)
    return BodyFacts(
        division=Division.SCOTLAND if scottish else Division.ENGLAND_AND_WALES,
        default_law=law,
        school=bool(names & {"school", "academy_trust"}),
        foi_applies=reason is None,
        not_apply_reason=reason,
    )


def not_apply_reason(tags: str | Iterable[str]) -> str | None:
    return body_facts(tags).not_apply_reason


@dataclass(frozen=True)
class CsvBody:
    wdtk_id: int
    name: str
    short_name: str
    url_name: str
    tags: str
    home_page: str
    publication_scheme: str
    disclosure_log: str
    notes: str
    version: int


def _cut(text: str | None, limit: int) -> str:
    return member_text(text)[:limit]  # the one cleaner (bot.tracking.text): no NUL reaches PostgreSQL


def _whole_number(text: str) -> bool:
    """ASCII digits that fit a BIGINT ("١٢" is a digit to ``isdigit``, and 5,000 digits are not an id)."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def parse_authorities_csv(data: bytes) -> list[CsvBody]:
    """Every row of ``all-authorities.csv``, checked; any problem refuses the whole file (BadInput,
    one line naming the row or the columns), so an import is all or nothing."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("The authorities file is not UTF-8 text: download all-authorities.csv from WhatDoTheyKnow again.") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        raise BadInput("The authorities file is empty: it should start with WhatDoTheyKnow's header line (Internal ID,Name,...).")
    header = [h.strip() for h in header]
    missing = [c for c in CSV_COLUMNS if c not in header]
    extra = [h for h in header if h not in CSV_COLUMNS]
    if missing or extra or len(header) != len(CSV_COLUMNS):
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if extra:
            parts.append("unexpected " + ", ".join(repr(e) for e in extra))
        if not parts:
            parts.append("a column appears twice")
        raise BadInput(
            f"The authorities file's columns are not WhatDoTheyKnow's ({'; '.join(parts)}): expected "
            f"{', '.join(CSV_COLUMNS)}. Nothing was imported."
        )
    at = {name: header.index(name) for name in CSV_COLUMNS}
    bodies: list[CsvBody] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(CSV_COLUMNS):
            raise BadInput(f"Line {line} of the authorities file has {len(row)} fields, not {len(CSV_COLUMNS)}. Nothing was imported.")
        url_name = row[at["URL name"]].strip()
        name = _cut(row[at["Name"]], NAME_MAX)
        raw_id = row[at["Internal ID"]].strip()
        if not _URL_NAME.fullmatch(url_name) or not name or not _whole_number(raw_id):
            raise BadInput(f"Line {line} of the authorities file has no valid Internal ID, Name or URL name. Nothing was imported.")
        if url_name in seen:
            raise BadInput(f"Line {line} of the authorities file repeats the URL name {url_name!r}. Nothing was imported.")
        seen.add(url_name)
        version = row[at["Version"]].strip()
        bodies.append(CsvBody(
            wdtk_id=int(raw_id),
            name=name,
            short_name=_cut(row[at["Short name"]], SHORT_NAME_MAX),
            url_name=url_name,
            tags=member_text(row[at["Tags"]]),
            home_page=_cut(row[at["Home page"]], LINK_MAX),
            publication_scheme=_cut(row[at["Publication scheme"]], LINK_MAX),
            disclosure_log=_cut(row[at["Disclosure log"]], LINK_MAX),
            notes=member_text(row[at["Notes"]], one_line=False)[:NOTES_MAX],
            version=int(version) if _whole_number(version) else 0,
        ))
    if not bodies:
        raise BadInput("The authorities file has a header but no bodies. Nothing was imported.")
    return bodies
