"""Which statute a reply is under, and which one each citation belongs to.

Letters name their statute in full ("the Freedom of Information Act 2000"), by abbreviation
("FOIA", "the EIR", "FOISA"), in Welsh ("Deddf Rhyddid Gwybodaeth 2000", "Rheoliadau Gwybodaeth
Amgylcheddol 2004"; glossary: ICO Welsh pages, Alaveteli cy.po) or in Gaelic for Scotland ("Achd
Saorsa Fiosrachaidh (Alba) 2002"), and then say "the Act" or "the Regulations": those resolve to
the statute the letter is under.
"""

from __future__ import annotations

import logging
import re

from bot.law.regimes import REGIMES, Division, Regime, information_law, regime

log = logging.getLogger(__name__)

ACT, REGULATIONS, ARTICLES = "act", "regulations", "articles"
# (statute, what kind of instrument it is, how letters name it). Order matters: the Scottish names
# contain the English ones. A statute that is a law of its own has that law's id (foia, eir, foisa,
# eisr); the others belong to a law that lists them (``Regime.statutes``: subject access).
STATUTES: tuple[tuple[str, str, str], ...] = (
    ("foisa", ACT, r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act(?:\s+2002)?|FOI\s?\(S\)\s?A|FOISA|FoISA|Achd\s+Saorsa\s+Fiosrachaidh\s+\(Alba\)(?:\s+2002)?"),
    ("eisr", REGULATIONS, r"Environmental\s+Information\s+\(Scotland\)\s+Regulations(?:\s+2004)?|EI\s?\(S\)\s?Rs?|EISRs?|Scottish\s+EIRs?"),
    ("eir", REGULATIONS, r"Environmental\s+Information\s+Regulations(?:\s+2004)?|EIRs?|Rheoliadau\s+Gwybodaeth\s+Amgylcheddol(?:\s+2004)?"),
    ("foia", ACT, r"Freedom\s+of\s+Information\s+Act(?:\s+2000)?|FOIA|FoIA|FOI\s+Act|Deddf\s+Rhyddid\s+Gwybodaeth(?:\s+2000)?"),
    ("dpa", ACT, r"Data\s+Protection\s+Act(?:\s+2018)?|DPA(?:\s?2018)?|Deddf\s+Diogelu\s+Data(?:\s+2018)?"),
    ("gdpr", ARTICLES, r"(?:UK\s+)?General\s+Data\s+Protection\s+Regulation|(?:UK\s?)?GDPR"),
)
STATUTE = re.compile("|".join(f"(?P<{statute}>{pattern})" for statute, _, pattern in STATUTES))
_SCOTTISH = re.compile(r"\bScottish Information Commissioner\b|\bfoi\.scot\b|itspublicknowledge|\(Scotland\)", re.IGNORECASE)
_SAR = re.compile(r"subject access|right of access|your personal (data|information)|Article 15", re.IGNORECASE)

ACTS = {statute for statute, kind, _ in STATUTES if kind == ACT}
ARTICLE_STATUTE = next(statute for statute, kind, _ in STATUTES if kind == ARTICLES)  # "article 15" is the UK GDPR's
SCHEDULE_STATUTE = "dpa"  # "Schedule 2, paragraph 16": the DPA 2018's exemptions from subject access


def owner(statute: str) -> Regime | None:
    """The law entry a statute is, or belongs to (the DPA 2018 and the UK GDPR: subject access)."""
    if statute in REGIMES:
        return regime(statute)
    return next((entry for entry in REGIMES.values() if statute in entry.statutes), None)


def _home(law: str) -> Division:
    return regime(law).home_division or Division.ENGLAND_AND_WALES


def statute_law(match: re.Match[str], scottish: bool) -> str:
    law = match.lastgroup or "foia"
    entry = REGIMES.get(law)
    if scottish and entry is not None and entry.environmental and not match.group(0).lower().startswith("rheoliadau"):
        # The Scottish Information Commissioner writes "the EIRs" for the EISR: in a Scottish letter
        # the environmental regulations are Scotland's.
        return regime(information_law(Division.SCOTLAND)).environmental_law
    return law


class Context:
    """The letter's law and what "the Act", "the Regulations" and a bare "section" mean in it."""

    def __init__(self, text: str, hint: str | None = None) -> None:
        self.scottish = bool(_SCOTTISH.search(text)) or (hint is not None and _home(hint) is Division.SCOTLAND)
        counts: dict[str, int] = {}
        for match in STATUTE.finditer(text):
            law = statute_law(match, self.scottish)
            counts[law] = counts.get(law, 0) + 1
        self.named = counts
        self.law = hint or self._guess(text, counts)
        entry = regime(self.law)
        # "The Act": the law's own statute (the DPA 2018 for subject access), else the information
        # Act where the law is at home (FOIA for the EIR, FOISA for the EISR).
        self.act = entry.statutes[0] if entry.statutes else str(information_law(_home(self.law)))
        # "The Regulations": the environmental regulations of the letter's part of the UK.
        division = Division.SCOTLAND if self.scottish else _home(self.law)
        self.regulations = regime(information_law(division)).environmental_law

    def _guess(self, text: str, counts: dict[str, int]) -> str:
        foi = {law: n for law, n in counts.items() if law in REGIMES and not regime(law).subject_access}
        if not foi:
            # Only the subject access statutes named (the DPA 2018, the UK GDPR), or its words used.
            access = [entry for entry in REGIMES.values() if entry.subject_access]
            if any(statute in entry.statutes for entry in access for statute in counts) or _SAR.search(text):
                return str(access[0].law)
            return str(information_law(Division.SCOTLAND if self.scottish else Division.ENGLAND_AND_WALES))
        best = max(foi, key=lambda law: (foi[law], regime(law).environmental))
        if self.scottish and not regime(best).environmental:
            return str(information_law(Division.SCOTLAND))
        return best

    def resolve(self, word: str, keyword: str) -> str:
        """The law of a citation whose statute was written as ``word`` ("the Act", "" for none)."""
        lowered = word.lower()
        if "regulation" in lowered and "data protection" not in lowered:
            return self.regulations
        if lowered.endswith("act") or lowered == "":
            if keyword == "regulation":
                return self.regulations
            if keyword == "article":
                return ARTICLE_STATUTE
            if keyword == "schedule":
                return SCHEDULE_STATUTE
            return self.act
        return self.act
