"""Per numbered question of the tracked request: what the reply did with it.

Numbered answers ("1.", "2)", "Q3", "Question 4:") are matched to the request's numbers; a
question the reply does not number (the PHSO request ends with two unnumbered paragraphs) is
found by the words it shares with a paragraph of the reply. Each block is then read for "As
question 1" (refers to), "not held" and "not held in that form" (held, but not broken down the
way the question asks: the PHSO's "not specifically on health or parliamentary"), "withheld",
"withdrawn" (the requester dropped it) or an answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from bot.reading.model import Answer, AnswerStatus, Span
from bot.reading.text import Piece, paragraphs, rx, trimmed

log = logging.getLogger(__name__)

_NUMBERED = re.compile(r"^[ *]*(?:(?:Q|Question|Cwestiwn)\s?(?P<q>\d{1,2})\s*[.:)\-]?|(?P<n>\d{1,2})\s*[.)]|\((?P<b>\d{1,2})\))\s+(?=\S)", re.IGNORECASE | re.MULTILINE)
_REFERS = rx(
    r"^\s*(?:(?:please )?(?:see|refer to)\s+(?:our |the )?(?:answer|response|reply)?\s*(?:to|for|at)?\s*|as (?:per |in |for )?(?:our )?(?:answer |response )?(?:to )?|same as (?:in )?|covered (?:by|in|under) (?:our )?(?:answer |response )?(?:to )?)"
    r"(?:question|q|point|part|item|number|no\.?)\s?(?P<to>\d{1,2})\b",
    re.IGNORECASE,
)
_IN_FORM = rx(
    r"\bnot (?:specifically|separately|broken down|split|categoris\w+|recorded|held|kept|identified|employed)\b[^.]{0,60}\b(?:by|on|per|in (?:that|this|the) (?:way|form|format)|for)\b"
    r"|\bnot (?:broken down|split|categorised|categorized|recorded separately)\b|\bin the (?:form|format|way) (?:you )?(?:requested|asked|described)\b"
    r"|\bdo(?:es)? not (?:record|hold|collate|categorise|categorize|break down|keep)\b[^.]{0,50}\b(?:in (?:that|this|the) (?:form|format|way)|by|separately|per)\b"
    r"|\b(?:all|each)\b[^.]{0,60}\b(?:deal|work|cover)s? with both\b|\bboth\b[^.]{0,40}\band\b[^.]{0,40}\bwork\b",
    re.IGNORECASE,
)
_NOT_HELD = rx(
    r"\b(?:does|do|did) not hold\b|\bnot held\b|\bhold(?:s)? no\b|\bno (?:recorded )?(?:information|records|data)\b|\bnot (?:collected|recorded)\b",
    re.IGNORECASE,
)
_WITHHELD = rx(r"\bexempt\b|\bexception\b|\bwithh[oe]ld|\bredact|\brefus|\bunable to (?:provide|disclose|release)|\bnot (?:able|obliged) to (?:provide|disclose)", re.IGNORECASE)
_WITHDRAWN = rx(r"\bno longer (?:want|wish|require|need)|\bwithdr[ae]wn?\b|\byou (?:have )?(?:agreed|decided) to (?:remove|drop|delete|withdraw)|\bremoved from (?:the|your) request\b", re.IGNORECASE)
_ANSWER = rx(r"\d|\battached\b|\benclosed\b|\bplease see\b|\byes\b|\bno\b|£|\bthere (?:are|were|is|was)\b|\bwe (?:hold|have|can confirm)\b|\bhttps?://", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{4,}|\d+", re.IGNORECASE)
_STOP = frozenset("that this with from have were what when which your many much does their there those these they into than then them about would could should please information request number numbers".split())


def _stem(word: str) -> str:
    return word.lower()[:6]


def _words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP}


def _weights(text: str) -> dict[str, float]:
    """Stems with a weight: long words ("outsourcing", "activities") say more than short ones."""
    out: dict[str, float] = {}
    for word in _WORD.findall(text):
        if word.lower() not in _STOP:
            out[_stem(word)] = max(out.get(_stem(word), 0.0), 1.5 if len(word) >= 8 else 1.0)
    return out


def numbered_blocks(masked: str) -> dict[int, Piece]:
    """Blocks that start with a number and run to the next one; the last runs to the end of its
    paragraph and any paragraph that carries on from it ("However, ..."). The later of two blocks
    with one number wins (the answers follow a restated request)."""
    starts = [(int(m["q"] or m["n"] or m["b"]), m.start(), m.end()) for m in _NUMBERED.finditer(masked)]
    blocks: dict[int, Piece] = {}
    for i, (number, start, body) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(masked)
        if i + 1 == len(starts):
            end = body + _last_block_length(masked[body:end])
        blocks[number] = Piece(body, end, masked[body:end])
    return blocks


_CARRIES_ON = re.compile(r"\s*(?:However|But|In addition|Additionally|Also|This|These|Please note|Note)\b|\s*[a-z]")


def _last_block_length(chunk: str) -> int:
    length = 0
    for n, match in enumerate(re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", chunk)):
        if n and not _CARRIES_ON.match(match.group(0)):
            break
        length = match.end()
    return length


def _answer_part(text: str) -> tuple[str, int]:
    """The answer inside a block that restates its question ("How many ...? 36"), and its offset."""
    label = re.search(r"\b(?:answer|response|reply)\s*:\s*", text, re.IGNORECASE)
    if label:
        return text[label.end():], label.end()
    mark = text.find("?")
    if 0 <= mark < len(text) - 2 and text[mark + 1:].strip():
        return text[mark + 1:], mark + 1
    return text, 0


def classify_block(text: str) -> tuple[AnswerStatus, int | None]:
    body, _ = _answer_part(text)
    flat = " ".join(body.split())
    if not flat:
        return AnswerStatus.UNCLEAR, None
    refers = _REFERS.match(flat)
    if refers and len(flat) < 120:
        return AnswerStatus.REFERS_TO, int(refers["to"])
    if _WITHDRAWN.search(flat):
        return AnswerStatus.WITHDRAWN, None
    in_form = _IN_FORM.search(flat)
    if in_form:
        # "not specifically on health or parliamentary. However, ... There are 29": answered after all.
        after = flat[in_form.end():]
        if re.search(r"\bhowever\b", after, re.IGNORECASE) and re.search(r"\d", after):
            return AnswerStatus.ANSWERED, None
        return AnswerStatus.NOT_HELD_IN_FORM, None
    if _NOT_HELD.search(flat):
        return AnswerStatus.NOT_HELD, None
    if _WITHHELD.search(flat):
        return AnswerStatus.WITHHELD, None
    if _ANSWER.search(flat) or len(flat.split()) >= 6:
        return AnswerStatus.ANSWERED, None
    return AnswerStatus.UNCLEAR, None


def read_answers(source: str, masked: str, questions: Sequence[str]) -> tuple[Answer, ...]:
    """One ``Answer`` per question of the request (all numbered answers when none are given)."""
    blocks = numbered_blocks(masked)
    numbers = range(1, len(questions) + 1) if questions else sorted(blocks)
    used: set[int] = set()
    answers: list[Answer] = []
    free = [p for p in paragraphs(masked) if not any(b.start <= p.start < b.end or p.start <= b.start < p.end for b in blocks.values())]
    free_words = [(p, _words(p.text)) for p in free]  # once per reply, not once per question
    for number in numbers:
        block = blocks.get(number)
        if block is not None:
            status, to = classify_block(block.text)
            answers.append(Answer(number, status, trimmed(source, block.start, block.end), to))
            used.add(number)
            continue
        text = questions[number - 1] if questions and number <= len(questions) else ""
        match = _best_paragraph(text, free_words)
        if match is None:
            answers.append(Answer(number, AnswerStatus.UNCLEAR, None))
            continue
        status, to = classify_block(match.text)
        answers.append(Answer(number, status, trimmed(source, match.start, match.end), to))
    return tuple(answers)


def _best_paragraph(question: str, pieces: list[tuple[Piece, set[str]]]) -> Piece | None:
    wanted = _weights(question)
    if len(wanted) < 2:
        return None
    best, score = None, 0.0
    for piece, words in pieces:
        shared = set(wanted) & words
        value = sum(wanted[w] + (2 if w.isdigit() else 0) for w in shared)
        if value > score:
            best, score = piece, value
    return best if score >= 3 else None


def clarification_part(source: str, masked: str, questions: Sequence[str]) -> tuple[tuple[int, ...], Span | None]:
    """Which questions a clarification request is about: those it names by number ("question 3"),
    else the one whose words it quotes or repeats most."""
    named = sorted({int(m[1]) for m in re.finditer(r"\b(?:question|point|part|item|q)\s?(\d{1,2})\b", masked, re.IGNORECASE)})
    if named:
        first = re.search(r"\b(?:question|point|part|item|q)\s?\d{1,2}\b", masked, re.IGNORECASE)
        span = trimmed(source, first.start(), first.end()) if first else None
        return tuple(n for n in named if not questions or n <= len(questions)), span
    if not questions:
        return (), None
    # The part is named by its words (the PHSO letter quoted the outsourcing question back): the
    # question sharing clearly the most of them, long words counting more.
    reply = _words(masked) | _words(source)
    scored = sorted(((sum(w for s, w in _weights(q).items() if s in reply), n) for n, q in enumerate(questions, 1)), reverse=True)
    if not scored or scored[0][0] < 2.5:
        return (), None
    if len(scored) > 1 and scored[0][0] < 1.5 * scored[1][0]:
        return (), None  # it repeats the whole request: the part is not told apart
    return (scored[0][1],), None
