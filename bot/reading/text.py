"""Text helpers for the reader: a same-length clean-up, quoted text masked out, paragraphs,
sentences and day-first dates. Every helper keeps character offsets, so spans point into the
authority's text as given.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from bot.reading.model import Span

log = logging.getLogger(__name__)

# One character for one: curly quotes, dashes and odd spaces become plain ones.
_SAME_LENGTH = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\r": " ", "\u2022": "*", "\u00b7": "*",
})

# A quoted block ("Your request: “...”") repeats the request, numbered questions and all; the
# reader must not take the request's words for the authority's. Alaveteli reads the body with
# quoted text folded away for the same reason (anchors: get_main_body_text_folded).
_QUOTED_BLOCK = re.compile(r'"[^"]{120,}?"', re.DOTALL)
_EMAIL_QUOTE = re.compile(r"^[ ]*>.*$", re.MULTILINE)
_ORIGINAL = re.compile(r"^-{2,}\s*Original Message\s*-{2,}|^From:\s.*\nSent:\s", re.MULTILINE | re.IGNORECASE)
# WhatDoTheyKnow's page furniture pasted along with a message ("1 Atodiad", "2 Attachments").
_CHROME = re.compile(r"^\s*\d+\s+(?:Atodiad(?:au)?|Attachments?)\s*$", re.MULTILINE | re.IGNORECASE)
_TRAILER = re.compile(r"^\s*(References\s*\n\s*Visible links|Visible links)\b", re.MULTILINE)


def clean(text: str) -> str:
    """The text with look-alike characters made plain; same length, same offsets."""
    return text.translate(_SAME_LENGTH)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def mask_quoted(text: str) -> str:
    """Quoted blocks, '>' lines, the forwarded original and WhatDoTheyKnow's link list blanked out
    (newlines kept), so only the authority's own words are read."""
    out = text
    for match in _QUOTED_BLOCK.finditer(text):
        out = _blank(out, match.start(), match.end())
    for match in [*_EMAIL_QUOTE.finditer(out), *_CHROME.finditer(out)]:
        out = _blank(out, match.start(), match.end())
    for pattern in (_ORIGINAL, _TRAILER):
        found = pattern.search(out)
        if found:
            out = _blank(out, found.start(), len(out))
    return out


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str

    def span(self, source: str) -> Span:
        return Span(self.start, self.end, source[self.start:self.end].strip())


def paragraphs(text: str) -> list[Piece]:
    """Runs of non-blank lines."""
    out = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        chunk = match.group(0)
        if chunk.strip():
            out.append(Piece(match.start(), match.end(), chunk))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(*])|\n\s*\n|\n(?=\s*(?:\d{1,2}[.)]|[*-]|Q\d)\s)")
# "s.40", "reg. 13", "para. 2", "e.g." and "No." end no sentence.
_NO_BREAK = re.compile(r"(?:\b(?:s|ss|reg|regs|para|paras|art|arts|sch|no|nos|e\.g|i\.e|etc|cf|Mr|Mrs|Ms|Dr|St|sec|p|pp)\.)$", re.IGNORECASE)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Piece]:
    end = len(text) if end is None else end
    out: list[Piece] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _NO_BREAK.search(text[max(begin, match.start() - 8):match.start()]):
            continue
        if text[begin:match.start()].strip():
            out.append(Piece(begin, match.start(), text[begin:match.start()]))
        begin = match.end()
    if text[begin:end].strip():
        out.append(Piece(begin, end, text[begin:end]))
    return out


def sentence_at(pieces: list[Piece], offset: int) -> Piece | None:
    for piece in pieces:
        if piece.start <= offset < piece.end:
            return piece
    return None


def trimmed(source: str, start: int, end: int) -> Span:
    """A span with the surrounding whitespace left out."""
    chunk = source[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    tail = len(chunk.rstrip())
    return Span(start + lead, start + tail, " ".join(chunk.strip().split()))


MONTHS = {m: n for n, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), 1)}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
DATE = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})\b"
    r"|\b(?P<d2>\d{1,2})[/.\-](?P<m2>\d{1,2})[/.\-](?P<y2>\d{4}|\d{2})\b"
    r"|\b(?P<mon3>[A-Za-z]{3,9})\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{4})\b"
)


def dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[date, int, int]]:
    """Day-first dates with a year ("27 April 2022", "27/04/2022"); UK letters write them so."""
    end = len(text) if end is None else end
    for match in DATE.finditer(text, start, end):
        try:
            if match["d"]:
                month = MONTHS.get(match["mon"].lower())
                if month is None:
                    continue
                yield date(int(match["y"]), month, int(match["d"])), match.start(), match.end()
            elif match["d2"]:
                year = int(match["y2"])
                year += 2000 if year < 100 else 0
                yield date(year, int(match["m2"]), int(match["d2"])), match.start(), match.end()
            else:
                month = MONTHS.get(match["mon3"].lower())
                if month is None:
                    continue
                yield date(int(match["y3"]), month, int(match["d3"])), match.start(), match.end()
        except ValueError:
            continue


def looks_cut_off(text: str) -> bool:
    """The letter stops mid-sentence with no sign-off: a paste that lost its end."""
    body = text.rstrip()
    if not body:
        return False
    tail = "\n".join(body.splitlines()[-4:]).lower()
    if re.search(r"yours (sincerely|faithfully)|kind regards|best regards|regards|yn gywir|yr eiddoch|many thanks", tail):
        return False
    last_line = body.splitlines()[-1].strip()
    return not re.search(r"[.!?:)\]\"']$", last_line) and len(last_line.split()) > 3


_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def ascii_lower(text: str) -> str:
    """Lowercase A-Z only: same length, so offsets still point into the original."""
    return text.translate(_ASCII_LOWER)


def _split_top(pattern: str) -> list[str]:
    """The pattern's top-level alternatives (outside groups and character classes)."""
    parts, depth, current, i, in_class = [], 0, [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _lower_pattern(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if pattern.startswith("(?P<", i):
            end = pattern.index(">", i)
            out.append(pattern[i:end + 1])
            i = end + 1
            continue
        out.append(pattern[i].lower())
        i += 1
    return "".join(out)


class Phrase:
    """A phrase pattern, matched fast: on ASCII-lowercased text without IGNORECASE, and with its
    leading word boundaries checked by hand, so the regex engine can scan for the first literal
    (Python's ``re`` cannot when a pattern starts with ``\\b`` or ignores case: 5-10x slower, and
    the reader runs some fifty of these on every reply). Matches give offsets into the text."""

    def __init__(self, pattern: str, flags: int) -> None:
        spaced = pattern.replace(" ?", r"\s?").replace(" *", r"\s*").replace(" +", r"\s+").replace(" ", r"\s+")
        lowered = _lower_pattern(spaced)
        alternatives = _split_top(lowered)
        self.bounded = [a.startswith(r"\b") for a in alternatives]
        stripped = "|".join(a[2:] if a.startswith(r"\b") else a for a in alternatives)
        self.pattern = pattern
        self._plain = re.compile(lowered, flags & ~re.IGNORECASE)
        self._fast = re.compile(stripped, flags & ~re.IGNORECASE) if any(self.bounded) else self._plain

    def _ok(self, text: str, match: re.Match[str]) -> bool:
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            return True
        return not (match.group(0)[:1].isalnum() or match.group(0)[:1] == "_")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        lowered = ascii_lower(text)
        end = len(text) if endpos is None else endpos
        at = pos
        while at <= end:
            match = self._fast.search(lowered, at, end)
            if match is None:
                return
            if self._ok(lowered, match):
                # the fast pattern found where; the full one (with its boundaries) says what
                exact = self._plain.match(lowered, match.start(), end) if self._fast is not self._plain else match
                if exact is not None:
                    yield exact
                    at = max(exact.end(), exact.start() + 1)
                    continue
            at = match.start() + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str) -> re.Match[str] | None:
        return self._plain.match(ascii_lower(text))


def rx(pattern: str, flags: int = re.IGNORECASE) -> Phrase:
    """A phrase pattern whose spaces match any run of whitespace (letters wrap lines anywhere),
    case-insensitive (ASCII)."""
    return Phrase(pattern, flags)
