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

log = logging.getLogger(__name__)

# Order matters: the Scottish names contain the English ones.
STATUTE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("foisa", r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act(?:\s+2002)?|FOI\s?\(S\)\s?A|FOISA|FoISA|Achd\s+Saorsa\s+Fiosrachaidh\s+\(Alba\)(?:\s+2002)?"),
    ("eisr", r"Environmental\s+Information\s+\(Scotland\)\s+Regulations(?:\s+2004)?|EI\s?\(S\)\s?Rs?|EISRs?|Scottish\s+EIRs?"),
    ("eir", r"Environmental\s+Information\s+Regulations(?:\s+2004)?|EIRs?|Rheoliadau\s+Gwybodaeth\s+Amgylcheddol(?:\s+2004)?"),
    ("foia", r"Freedom\s+of\s+Information\s+Act(?:\s+2000)?|FOIA|FoIA|FOI\s+Act|Deddf\s+Rhyddid\s+Gwybodaeth(?:\s+2000)?"),
    ("dpa", r"Data\s+Protection\s+Act(?:\s+2018)?|DPA(?:\s?2018)?|Deddf\s+Diogelu\s+Data(?:\s+2018)?"),
    ("gdpr", r"(?:UK\s+)?General\s+Data\s+Protection\s+Regulation|(?:UK\s?)?GDPR"),
)
STATUTE = re.compile("|".join(f"(?P<{law}>{pattern})" for law, pattern in STATUTE_PATTERNS))
_SCOTTISH = re.compile(r"\bScottish Information Commissioner\b|\bfoi\.scot\b|itspublicknowledge|\(Scotland\)", re.IGNORECASE)
_SAR = re.compile(r"subject access|right of access|your personal (data|information)|Article 15", re.IGNORECASE)

ACTS = {"foia", "foisa", "dpa"}
REGULATIONS = {"eir", "eisr"}
FOI_LAWS = ("foia", "eir", "foisa", "eisr", "sar")


def statute_law(match: re.Match[str], scottish: bool) -> str:
    law = match.lastgroup or "foia"
    if law == "eir" and scottish and not match.group(0).lower().startswith("rheoliadau"):
        return "eisr"  # the Scottish Information Commissioner writes "the EIRs" for the EISR
    return law


class Context:
    """The letter's law and what "the Act", "the Regulations" and a bare "section" mean in it."""

    def __init__(self, text: str, hint: str | None = None) -> None:
        self.scottish = bool(_SCOTTISH.search(text)) or hint in ("foisa", "eisr")
        counts: dict[str, int] = {}
        for match in STATUTE.finditer(text):
            law = statute_law(match, self.scottish)
            counts[law] = counts.get(law, 0) + 1
        self.named = counts
        self.law = hint or self._guess(text, counts)
        if self.law == "sar":
            self.act = "dpa"
        elif self.law in ("foisa", "eisr"):
            self.act = "foisa"
        else:
            self.act = "foia"
        self.regulations = "eisr" if self.scottish or self.law == "eisr" else "eir"

    def _guess(self, text: str, counts: dict[str, int]) -> str:
        foi = {law: n for law, n in counts.items() if law in ("foia", "eir", "foisa", "eisr")}
        if not foi and (counts.get("dpa") or counts.get("gdpr") or _SAR.search(text)):
            return "sar"
        if not foi:
            return "foisa" if self.scottish else "foia"
        best = max(foi, key=lambda law: (foi[law], law in ("eir", "eisr")))
        if self.scottish and best == "foia":
            return "foisa"
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
                return "gdpr"
            if keyword == "schedule":
                return "dpa"
            return self.act
        return self.act
