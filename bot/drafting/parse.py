"""Split a request into its parts: salutation, numbered questions, context paragraphs, sign-off.

The linter's rules work on these parts: a question rule looks at each question, a sign-off rule
at the name under "Yours faithfully". Questions are recognised the way people write them:
``1)``, ``1.``, ``(1)``, ``(a)``, ``a)``, ``Q1``, bullets, and unlabelled paragraphs (or lines)
that ask something or start with a request verb. "Dear ..." and "Yours faithfully, Name" are
not questions.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from bot.drafting.periods import lowered

log = logging.getLogger(__name__)

_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+$")

# One or more stacked labels, each followed by white space: "3) (a) How many ..." is one item.
_LABEL_RE = re.compile(
    r"""^[ \t]*(?:(?:
          \(?\d{1,2}[.)]            # 1)  1.  (1)
        | \((?:[a-z]|[ivx]{1,4})\)  # (a) (iv)
        | [a-z][.)]                 # a)  a.
        | Q\d{1,2}[.):]?            # Q1  Q1.
        | [-*\u2022\u2023\u25e6\u00b7\u2013\u2014]  # bullets
    )[ \t]+)+""",
    re.VERBOSE,
)

_SALUTATION_RE = re.compile(
    r"^[ \t]*(?:dear[ \t]+(?P<addressee>[^\n]{1,120}?)|to whom it may concern|hello|hi|good (?:morning|afternoon))"
    r"[ \t]*[,:.!]?[ \t]*$",
    re.IGNORECASE,
)
_SALUTATION_SEARCH_LINES = 5
_GENERIC_ADDRESSEE_RE = re.compile(
    r"\b(?:sirs?|madam|team|officer|colleagues?|whom|all|foi|freedom of information|information rights)\b",
    re.IGNORECASE,
)
_CLOSING_RE = re.compile(
    r"^[ \t]*(?:yours[ \t]+(?:faithfully|sincerely|truly)|(?:kind|best|warm|warmest|many)[ \t]+(?:regards|thanks)"
    r"|regards|thanks(?:[ \t]+in[ \t]+advance)?|thank[ \t]+you(?:[ \t]+in[ \t]+advance)?|best[ \t]+wishes"
    r"|with[ \t]+thanks|cheers)[ \t]*[,.!]?[ \t]*(?P<rest>[^\n]*)$",
    re.IGNORECASE,
)
_PARTICLES = r"(?:de|da|di|du|van|von|der|den|le|la|bin|binti|al|el|ap|of)"
_NAME_RE = re.compile(
    rf"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)?\.?[ \t]*[^\W\d_][\w'\u2019.-]*(?:[ \t]+(?:{_PARTICLES}|[^\W\d_][\w'\u2019.-]*)){{0,5}}$"
)
_REQUEST_START_RE = re.compile(
    r"^(?:(?:please|kindly)[ \t]+(?:could[ \t]+you[ \t]+)?)?(?:provide|send|supply|disclose|give|list|confirm|tell[ \t]+me"
    r"|let[ \t]+me[ \t]+know|state|identify|share|release)\b"
    r"|^(?:I[ \t]+would[ \t]+like|I'd[ \t]+like|I[ \t]+request|I[ \t]+am[ \t]+requesting|I'm[ \t]+requesting"
    r"|I[ \t]+wish[ \t]+to[ \t]+(?:request|receive|obtain|have))\b"
    r"|^(?:copies|a[ \t]+copy|the[ \t]+number|numbers|details|a[ \t]+list|the[ \t]+total|the[ \t]+amount|any|all)\b",
    re.IGNORECASE,
)
# A paragraph about *how* to answer ("I would like the figures as a spreadsheet by email") is not a
# question, however it starts: only generic nouns stand between the verb and the format.
_HOW_TO_ANSWER_RE = re.compile(
    r"^(?:I[ \t]+would|I'd|I)[ \t]+(?:like|prefer|want)|^(?:please[ \t]+)?(?:send|provide|supply|give)\b",
    re.IGNORECASE,
)
_HOW_TO_ANSWER_TAIL_RE = re.compile(
    r"(?:[ \t\n]+(?:me|to|receive|have|the|this|these|that|it|them|my|any|all|your|information|figures|data"
    r"|answers?|documents|readings|response|reply|results|replies))*[ \t\n,]+(?:electronically|by[ \t]+e-?mail"
    r"|as[ \t]+(?:an?[ \t]+)?(?:spreadsheets?|csv|pdf|excel)|in[ \t]+(?:an?[ \t]+)?(?:spreadsheets?|csv|pdf|excel|electronic"
    r"|digital|[\w-]+[ \t]+format))\b",
    re.IGNORECASE,
)
# A sentence ends at . ? ! (and any closing quotes/brackets) followed by white space and a
# capital, digit, quote or bracket -- so "s.16" and "e.g. the" do not end one.
_SENTENCE_END_RE = re.compile(r"[.?!]+['\u2019\"\u201d)\]]*(?=\s+['\u2018\"\u201c(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Question:
    """A question as written: ``start``/``end`` cover its text, not its label."""

    number: int
    label: str | None
    start: int
    end: int
    text: str

    @property
    def one_line(self) -> str:
        """The question with hard line breaks folded into spaces (for letters and messages)."""
        return " ".join(self.text.split())


@dataclass(frozen=True)
class SignOff:
    start: int
    closing: str
    name: str | None
    name_span: tuple[int, int] | None


@dataclass(frozen=True)
class ParsedRequest:
    text: str
    lower: str  # the text lower-cased character for character: patterns run on it (faster, same offsets)
    body_start: int
    body_end: int
    addressee: str | None
    signoff: SignOff | None
    questions: tuple[Question, ...]
    context: tuple[tuple[int, int], ...]  # paragraphs that are not questions (intros, background)
    sentences: tuple[tuple[int, int], ...]  # every sentence of every question and paragraph, in order
    # Per-request results detectors share (e.g. where the dates are), computed once per lint.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def insertion_point(self) -> int:
        """Where added sentences go: after the last question or paragraph, before the sign-off."""
        ends = [q.end for q in self.questions] + [end for _, end in self.context]
        if not ends:
            return self.body_end
        point = max(ends)
        while point < len(self.text) and self.text[point] in " \t":
            point += 1  # after the line's trailing blanks, so the line itself is left as it was
        return point

    def blocks(self) -> list[tuple[int, int]]:
        spans = [(q.start, q.end) for q in self.questions] + list(self.context)
        return sorted(spans)


@dataclass
class _Block:
    start: int
    end: int
    label: str | None
    closed: bool = False


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, the newline excluded."""
    return [(m.start(), m.end() - (1 if m.group().endswith("\n") else 0)) for m in _LINE_RE.finditer(text)]


def looks_like_name(candidate: str) -> bool:
    """Up to six words, each capitalised except particles ("van", "de"): "Jane Smith", "J. de Souza"."""
    candidate = candidate.strip().rstrip(",.")
    if not candidate or len(candidate) > 80 or not _NAME_RE.match(candidate):
        return False
    return all(word[0].isupper() or re.fullmatch(_PARTICLES, word) for word in candidate.split())


def _find_salutation(text: str, lines: list[tuple[int, int]]) -> tuple[int, str | None]:
    """The end of the "Dear ..." line and who it is addressed to (None when generic or absent).

    A letter may open with a date, "To:" and "Subject:" lines, so the first few lines are searched.
    """
    seen = 0
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            continue
        seen += 1
        if seen > _SALUTATION_SEARCH_LINES:
            break
        match = _SALUTATION_RE.match(line)
        if not match:
            continue
        addressee = (match.group("addressee") or "").strip().rstrip(",")
        if not addressee or _GENERIC_ADDRESSEE_RE.search(addressee):
            return end, None
        return end, addressee
    return 0, None


def _find_signoff(text: str, lines: list[tuple[int, int]], body_start: int) -> SignOff | None:
    for index, (start, end) in enumerate(lines):
        if start < body_start:
            continue
        match = _CLOSING_RE.match(text[start:end])
        if not match:
            continue
        rest = match.group("rest").strip()
        if rest and not looks_like_name(rest):
            continue  # "Thank you for your help with this." is a sentence, not a closing
        closing = text[start:end].strip()
        if rest:
            name_start = start + match.start("rest")
            name = rest.rstrip(",.")
            return SignOff(start, closing, name, (name_start, name_start + len(name)))
        for next_start, next_end in lines[index + 1 : index + 4]:
            candidate = text[next_start:next_end].strip()
            if not candidate:
                continue
            if looks_like_name(candidate):
                offset = next_start + text[next_start:next_end].index(candidate)
                name = candidate.rstrip(",.")
                return SignOff(start, closing, name, (offset, offset + len(name)))
            break
        return SignOff(start, closing, None, None)
    return None


def _blocks(text: str, lines: list[tuple[int, int]], body_start: int, body_end: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for start, end in lines:
        if start < body_start or start >= body_end:
            continue
        line = text[start:end]
        stripped = line.rstrip()
        if not stripped.strip():
            current = None
            continue
        label = _LABEL_RE.match(line)
        if label and label.end() < len(line):
            current = _Block(start + label.end(), start + len(stripped), line[: label.end()].strip())
            blocks.append(current)
            continue
        if current is None or current.closed:
            current = _Block(start + len(line) - len(line.lstrip()), start + len(stripped), None)
            blocks.append(current)
        else:
            current.end = start + len(stripped)
        # In an unlabelled paragraph, a line ending in "?" or ":" ends that item: the next line is a
        # new question ("How many X?\nHow many Y?") or the list an intro announced.
        if current.label is None and stripped.endswith(("?", ":")):
            current.closed = True
    return blocks


def _is_question(text: str, block: _Block) -> bool:
    if block.label is not None:
        return True
    chunk = text[block.start : block.end]
    if chunk.endswith(":"):
        return False
    how = _HOW_TO_ANSWER_RE.match(chunk)
    if how and "?" not in chunk and _HOW_TO_ANSWER_TAIL_RE.match(chunk, how.end()):
        return False
    return "?" in chunk or bool(_REQUEST_START_RE.match(chunk))


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        spans.append((cursor, match.end()))
        cursor = match.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end and text[cursor:end].strip():
        spans.append((cursor, end))
    return spans


def parse_request(text: str) -> ParsedRequest:
    lines = _lines(text)
    body_start, addressee = _find_salutation(text, lines)
    signoff = _find_signoff(text, lines, body_start)
    body_end = signoff.start if signoff else len(text)
    questions: list[Question] = []
    context: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    for block in _blocks(text, lines, body_start, body_end):
        if _is_question(text, block):
            questions.append(
                Question(len(questions) + 1, block.label, block.start, block.end, text[block.start : block.end])
            )
        else:
            context.append((block.start, block.end))
        sentences.extend(split_sentences(text, block.start, block.end))
    return ParsedRequest(
        text=text,
        lower=lowered(text),
        body_start=body_start,
        body_end=body_end,
        addressee=addressee,
        signoff=signoff,
        questions=tuple(questions),
        context=tuple(context),
        sentences=tuple(sentences),
    )
