"""What an expert would check in a reply: the refusal notice's contents and what is missing.

- a qualified exemption needs the public interest reasons (FOIA s.17(3); EIR reg 14(3)(b) with
  reg 12(1)(b); FOISA s.16(2); EISR reg 13(b));
- a cost refusal needs an estimate (ICO section 12 guidance: a "sensible and realistic" estimate)
  and advice on narrowing the request (FOIA s.16; FOISA s.15; EIR/EISR reg 9);
- a refusal must name its exemption (FOIA s.17(1)(b); EIR reg 14(3)(a); FOISA s.16(1)(c));
- it must say how to ask for a review and how to complain to the regulator (FOIA s.17(7);
  EIR reg 14(5); FOISA s.19);
- "please see attached": how many documents are referred to, so the member can say whether they came.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date

from bot.law.exemptions import lookup
from bot.law.regimes import REGIMES
from bot.reading.model import Citation, Flag, Span
from bot.reading.text import Piece, dates, paragraphs, rx, trimmed

log = logging.getLogger(__name__)

_REVIEW = rx(r"\binternal review\b|\brequest (?:a|an) review\b|\bask (?:us )?for (?:a|an) review\b|\brequirement for review\b|\brequire (?:us|the \w+) to review\b"
                     r"|\breview (?:of )?(?:our|this|the) (?:decision|response|handling)\b|\badolygiad mewnol\b|\bappeal\b|\bcomplaints? (?:procedure|process)\b", re.IGNORECASE)
_REGULATOR = rx(r"\bInformation Commissioner\b|\bICO\b|ico\.org\.uk|\bfoi\.scot\b|itspublicknowledge|\bsection 50\b|\bsection 47\b|\bComisiynydd Gwybodaeth\b", re.IGNORECASE)
_PI = rx(r"public interest|presumption in favour of disclosure|budd (?:y )?cyhoedd", re.IGNORECASE)
_PI_REASONS = rx(
    r"\bfactors?\b|\barguments?\b|\btransparen|\baccountab|\bopenness\b|\bscrutiny\b|\bunderstanding\b|\bconfidence in\b|\bweigh(?:ed|ing)?\b(?! *up\b)"
    r"|\bin favour of (?:disclosure|disclosing|release|maintaining|withholding)\b|\bbecause\b|\bas disclosure would\b|\bwould (?:be likely to )?(?:prejudice|harm|undermine|damage|weaken)",
    re.IGNORECASE,
)
_ESTIMATE = re.compile(r"£\s?\d|\b\d+(?:\.\d+)?\s*(?:hours?|hrs?|minutes?|mins?)\b|\b(?:eighteen|twenty-four|twenty four) hours\b", re.IGNORECASE)
_ADVICE = rx(
    r"\bnarrow\w*|\brefin\w*|\breduc\w* (?:the )?(?:scope|time ?frame|period|number)|\bif you (?:were to|could|wish to|would like to) (?:limit|restrict|narrow|reduce|focus|submit|resubmit|specify)"
    r"|\byou (?:may|might|could) (?:wish to|like to|want to|consider)|\bmay be able to (?:provide|answer|comply)|\badvice and assistance\b|\bwithin the (?:appropriate|cost) limit",
    re.IGNORECASE,
)
_ATTACH = rx(r"\battach(?:ed|ment|ments)\b|\benclos(?:ed|ure|ures)\b|\bI attach\b|\bwe attach\b|\batodiad\b|\bsee (?:the )?(?:annex|appendix)\b", re.IGNORECASE)
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "both": 2}
_COUNTED = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|both)\s+(?:\w+\s+){0,2}?(?:documents?|files?|spreadsheets?|reports?|copies|attachments|tables?|letters?|emails?|pdfs?|sheets?|policies|items|records)\b", re.IGNORECASE)
_FEE = re.compile(r"£\s?(?P<amount>\d[\d,]*(?:\.\d{2})?)")
_NEW_DATE_CUE = rx(r"\bby\b|\bno later than\b|\bon or before\b|\buntil\b|\bextend\w*\b[^.]{0,40}\bto\b|\bnew (?:deadline|date|target)\b|\bwill (?:respond|reply|provide)", re.IGNORECASE)


def rights(source: str, masked: str, pattern: re.Pattern[str], truncated: bool) -> Flag:
    match = pattern.search(masked)
    if match:
        return Flag(True, trimmed(source, match.start(), match.end()))
    # A cut-off paste may have lost the rights paragraph: "not stated" would be a guess.
    return Flag(None if truncated else False)


def review_rights(source: str, masked: str, truncated: bool) -> Flag:
    return rights(source, masked, _REVIEW, truncated)


def regulator_rights(source: str, masked: str, truncated: bool) -> Flag:
    return rights(source, masked, _REGULATOR, truncated)


def _qualified(citations: Sequence[Citation]) -> list[Citation]:
    out = []
    for c in citations:
        if not c.relied or c.exemption_id is None:
            continue
        entry = lookup(c.law, c.exemption_id)
        if entry is not None and entry.public_interest and not entry.absolute:
            out.append(c)
    return out


def public_interest_reasons(source: str, masked: str, citations: Sequence[Citation], truncated: bool) -> Flag:
    """True when the public interest is argued (factors, both sides), False when a qualified
    exemption is relied on with no reasons (a bare "the public interest favours withholding" is a
    conclusion, not reasons), None when no qualified exemption is relied on."""
    if not _qualified(citations):
        return Flag(None)
    for piece in paragraphs(masked):
        if not _PI.search(piece.text):
            continue
        reasons = _PI_REASONS.search(piece.text)
        if reasons:
            return Flag(True, trimmed(source, piece.start, piece.end))
    return Flag(None if truncated else False)


def _cost_refusal(citations: Sequence[Citation]) -> bool:
    """A refusal on cost relied on (the entry's ``cost_refusal``: FOIA/FOISA s.12, EIR reg 12(4)(b), EISR reg 10(4)(b))."""
    return any(c.relied and _is_cost_refusal(c) for c in citations)


def _is_cost_refusal(citation: Citation) -> bool:
    entry = REGIMES.get(citation.law)
    return entry is not None and bool(entry.cost_refusal) and citation.exemption_id == entry.cost_refusal


def cost_estimate(source: str, masked: str, citations: Sequence[Citation], cost_words: bool) -> Flag:
    """Whether a cost refusal gives an estimate (hours or pounds beyond the limit itself: "£450,
    18 hours" alone is the limit, not an estimate); None when cost is not the ground."""
    if not (_cost_refusal(citations) or cost_words):
        return Flag(None)
    for match in _ESTIMATE.finditer(masked):
        figure = re.sub(r"[^\d.]", "", match.group(0))
        if figure in ("450", "600", "18", "24", "25", ""):
            continue
        return Flag(True, trimmed(source, match.start(), match.end()))
    return Flag(False)


def advice(source: str, masked: str, citations: Sequence[Citation], cost_words: bool) -> Flag:
    if not (_cost_refusal(citations) or cost_words):
        return Flag(None)
    match = _ADVICE.search(masked)
    if match:
        return Flag(True, trimmed(source, match.start(), match.end()))
    return Flag(False)


def attachments(source: str, masked: str) -> tuple[int, tuple[Span, ...]]:
    """How many documents the reply says it attaches: "the attached table" is one, "two attached
    spreadsheets" two; the same thing mentioned twice is counted once."""
    seen: set[str] = set()
    count = 0
    spans: list[Span] = []
    for piece in _sentences_with(masked, _ATTACH):
        counted = _COUNTED.search(piece.text)
        what = re.search(r"\b(?:attached|enclosed)\s+(?:\w+\s+){0,2}?(?P<noun>table|spreadsheet|document|file|report|letter|policy|list|copy|copies|form|pdf|map|plan|invoice|minutes|data)", piece.text, re.IGNORECASE)
        key = (what["noun"].lower() if what else "") or piece.text.strip().lower()[:30]
        if re.search(r"\bno (?:documents?|attachments?)\b|\bnot (?:attached|enclosed)\b|\battachments? (?:will|may)\b|\bcan(?:not|'t) be attached\b", piece.text, re.IGNORECASE):
            continue
        if counted:
            number = counted["n"].lower()
            n = _COUNT_WORDS.get(number) or int(number)
        else:
            n = 1
        if key in seen and not counted:
            continue
        seen.add(key)
        count += n
        spans.append(trimmed(source, piece.start, piece.end))
    return count, tuple(spans)


def _sentences_with(masked: str, pattern: re.Pattern[str]) -> list[Piece]:
    from bot.reading.text import sentences

    return [s for s in sentences(masked) if pattern.search(s.text)]


def fee(source: str, masked: str) -> tuple[str | None, Span | None]:
    for piece in _sentences_with(masked, _FEE):
        if re.search(r"fee|charge|pay|cost|sum|£", piece.text, re.IGNORECASE) and not re.search(r"appropriate limit|£\s?(?:450|600)\b", piece.text):
            match = _FEE.search(piece.text)
            assert match is not None
            amount = match["amount"].replace(",", "")
            amount = amount if "." in amount else f"{amount}.00"
            return amount, trimmed(source, piece.start + match.start(), piece.start + match.end())
    return None, None


def new_date(source: str, masked: str, after: date | None = None) -> tuple[str | None, Span | None]:
    """An extension's new date: the latest date given with "by", "no later than", "extend ... to"."""
    best: tuple[date, int, int] | None = None
    for when, start, end in dates(masked):
        before = masked[max(0, start - 60):start]
        if _NEW_DATE_CUE.search(before) and (best is None or when > best[0]):
            best = (when, start, end)
    if best is None:
        return None, None
    return best[0].isoformat(), trimmed(source, best[1], best[2])
