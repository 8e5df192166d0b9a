"""Citations: every provision a reply names, normalised, and whether it is relied on.

Re-implemented from Alaveteli's behaviour (its ``Legislation::ReferenceCollection``: a keyword,
then numbers with bracketed sub-elements joined by "," / "or" / "&"), not from its AGPL code, and
closing the gaps found in it (research anchors part 4): plurals and "and" ("sections 12 and 14(1)"),
spaced sub-elements ("31(1)(a) & (b)", "s.40 (2)"), schedules and paragraphs (DPA 2018), the
statute named after the number ("section 38(1)(b) of FOISA"), and prose that only *mentions* a
provision (the review-rights paragraph, s.1(1), s.16, s.17, an exemption discussed and then not
applied, the AV#7845 false positive) kept apart from what is relied on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.law.exemptions import lookup
from bot.reading.model import Citation
from bot.law.regimes import REGIMES
from bot.reading.statutes import ACTS, ARTICLE_STATUTE, SCHEDULE_STATUTE, STATUTE, Context, owner, statute_law
from bot.reading.text import Piece, paragraphs, rx, sentence_at, trimmed

log = logging.getLogger(__name__)

_PART = r"\s?\(\s?(?:[0-9]{1,2}[A-Za-z]{0,2}|[a-z]{1,4})\s?\)"
_UNIT_AFTER = r"(?!\s*(?:working|calendar|days?|hours?|weeks?|months?|years?|minutes?|%|per\b|pm\b|am\b|staff|caseworkers?|members?|people|cases|requests?))"
_NUM = rf"\d{{1,3}}[A-Z]?(?!\d)(?![/.:]\d)(?:{_PART})*"
_KEYWORD = (
    r"(?P<kw>sections?|secs?\.?|ss\.?|s\.?(?=\s?\d)|adran(?:nau)?|regulations?|regs?\.?|rheoliad(?:au)?|r\.(?=\s?\d)"
    r"|articles?|arts?\.|erthygl|schedule|sch\.?)"
)
CITATION = re.compile(
    rf"(?<![A-Za-z0-9])(?P<pre>(?:FOIA|FOISA|FoISA|EIRs?|EISRs?|GDPR|DPA)\s)?{_KEYWORD}\s?(?P<first>{_NUM})"
    rf"(?P<more>(?:\s*(?:,|&(?:amp;)?|\band/or\b|\band\b|\bor\b|\bto\b)\s*(?:{_NUM}{_UNIT_AFTER}|(?:{_PART})+))*)"
    rf"(?P<para>,?\s*(?:Part\s+\d+,?\s*)?(?:paragraph|para\.?)\s?\d{{1,2}}(?:{_PART})*)?",
    re.IGNORECASE,
)
_ELEMENT = re.compile(rf"(?P<num>\d{{1,3}}[A-Z]?)?(?P<parts>(?:{_PART})*)", re.IGNORECASE)
_AFTER_STATUTE = re.compile(r"\s*,?\s*(?:of|under|in|o'r|o)\s+(?:the\s+|y\s+|yr\s+)?(?P<word>Act|Regulations|Deddf|Rheoliadau)?", re.IGNORECASE)

# Where a provision is only talked about. Rights paragraphs: FOIA s.17(7), EIR reg 14(5).
_RIGHTS = rx(
    r"(if|should) you (are|remain|were)? ?(dis|un|not )(satisfied|happy)|you (have the right|may|can|are entitled) (to )?(ask|request|complain|apply|appeal|make)"
    r"|it is open to you|right (of|to) (appeal|complain|complaint|request a review)|how to (complain|appeal)"
    r"|if you wish to (complain|appeal|request)|os ydych yn anfodlon",
    re.IGNORECASE,
)
_NEGATED = rx(
    r"\b(?:not|no longer|never)\b[^.;:]{0,40}?\b(?:appl(?:y|ies|ied|icable)|engag(?:e|ed|es)|rel(?:y|ies|ied|ying)|reli(?:ance|ant)|cit(?:e|ed|ing)|us(?:e|ed|ing)|invok\w*)"
    r"|\bdecided against\b|\brather than\b|\binstead of\b|\bincorrectly (?:applied|relied|cited)|\bshould not have\b|\bwrongly\b"
    r"|\bwithdraw\w* (?:its|our|the) (?:reliance|application)|\bno longer\b",
    re.IGNORECASE,
)
# The negation governs the citation itself: "section 36 does not apply", "we have not relied on
# section 36" (but not "the duty ... does not apply by virtue of section 40(5)", which relies on it).
_NEGATED_AFTER = rx(r"^[^.;:,]{0,25}?\b(?:does|do|did|is|was|are|were|has|have) not (?:(?:correctly|properly|appropriately|validly) )?(?:apply|applied|engaged?|relevant|been (?:applied|relied on|engaged))|^[^.;:,]{0,25}?\bis not engaged")
_NEGATED_BEFORE = rx(r"(?:\bnot|\bno longer|n't) (?:appl(?:y|ied|ying)|rel(?:y|ied|ying) (?:up)?on|us(?:e|ed|ing)|cit(?:e|ed|ing)|invok\w*|engag\w*)(?: the)?(?: exemption| exception)?(?: (?:at|in|under))?\s*$"
                     r"|(?:do|does|did) not (?:consider|think|believe) that(?: the)?(?: exemption| exception)?(?: (?:at|in|under))?\s*$|\binstead of\s*$|\brather than\s*$")
# "... section 42 could apply, we have decided not to rely on it": the rest of the sentence says so.
_NOT_RELIED_LATER = rx(r"\b(?:decided|chosen|opted|elected) not to (?:rely|apply|use|cite|invoke)\b|\bnot (?:rel(?:y|ying) (?:up)?on|appl(?:y|ying)|us(?:e|ing)) (?:it|this|that|them)\b")
_ELSEWHERE = rx(r"decision notice|tribunal|\bFS50\d|\bFER0\d|\bIC-\d|\bguidance\b|for (?:example|instance)|such as", re.IGNORECASE)
_DISCUSSED = rx(r"\bconsider(?:ed|ing)? (?:whether|if)\b|\bwe (?:have )?(?:looked at|assessed) whether\b", re.IGNORECASE)
_RELIED_CUE = re.compile(r"exempt|exception|withh[oe]ld|refus|engag|rel(?:y|ied|ying)|appl(?:y|ies|ied|ying)|redact|neither confirm", re.IGNORECASE)


@dataclass(frozen=True)
class _Found:
    law: str
    keyword: str  # "section", "regulation", "article", "schedule"
    number: str  # "40(2)"; for a schedule "2" with para
    para: str | None
    start: int
    end: int


def _keyword(raw: str) -> str:
    word = raw.lower().rstrip(".")
    if word.startswith(("reg", "rheol")) or word == "r":
        return "regulation"
    if word.startswith(("art", "erth")):
        return "article"
    if word.startswith("sch"):
        return "schedule"
    return "section"


def _parts(raw: str) -> list[str]:
    return [p.strip().lower() if not p.strip()[:1].isdigit() else p.strip() for p in re.findall(r"\(\s?([^)]*?)\s?\)", raw)]


def _number(num: str, parts: list[str]) -> str:
    fixed = [re.sub(r"^(\d+)([a-z]+)$", lambda m: m[1] + m[2].upper(), p) for p in parts]  # s.40(3A)
    return num.upper() if num[-1:].isalpha() else num, "".join(f"({p})" for p in fixed)


def _elements(first: str, more: str) -> list[str]:
    """ "12", " and 14(1)" -> ["12", "14(1)"]; "31(1)(a)", " & (b)" -> ["31(1)(a)", "31(1)(b)"]."""
    out: list[tuple[str, list[str]]] = []
    for chunk in [first, *re.split(r"\s*(?:,|&(?:amp;)?|\band/or\b|\band\b|\bor\b|\bto\b)\s*", more, flags=re.IGNORECASE)]:
        chunk = chunk.strip()
        if not chunk:
            continue
        match = _ELEMENT.fullmatch(chunk)
        if not match:
            continue
        parts = _parts(match["parts"] or "")
        if match["num"]:
            out.append((match["num"], parts))
        elif out and parts:
            num, previous = out[-1]
            depth = max(len(previous) - len(parts), 0)
            out.append((num, previous[:depth] + parts))
    return ["".join(_number(num, parts)) for num, parts in out]


def _statute_after(text: str, end: int, context: Context, keyword: str) -> tuple[str, int]:
    """The law named just after a citation ("of FOISA", "of the Act"), and where the name ends."""
    window = text[end:end + 80]
    lead = _AFTER_STATUTE.match(window)
    if not lead:
        return "", end
    rest = window[lead.end():] if lead["word"] is None else ""
    if lead["word"]:
        word = lead["word"]
        if word.lower() in ("deddf",):
            return "", end  # the Welsh statute name is matched below
        return context.resolve(word, keyword), end + lead.end()
    named = STATUTE.match(rest)
    if named:
        return statute_law(named, context.scottish), end + lead.end() + named.end()
    return "", end


def find(text: str, context: Context) -> list[_Found]:
    out: list[_Found] = []
    for match in CITATION.finditer(text):
        keyword = _keyword(match["kw"])
        law, stop = _statute_after(text, match.end(), context, keyword)
        if match["pre"]:
            named = STATUTE.match(match["pre"].strip())
            if named:
                law = statute_law(named, context.scottish)
        if not law:
            law = context.resolve("", keyword)
        if keyword == "schedule" or match["para"]:
            para = re.search(r"(\d{1,2})((?:\s?\([^)]*\))*)\s*$", match["para"] or "")
            if keyword != "schedule" or para is None:
                continue  # "section 5, paragraph 2" of something else: not a citation foibot reads
            schedule = re.match(r"\d{1,2}", match["first"])
            out.append(_Found(SCHEDULE_STATUTE, "schedule", schedule.group(0) if schedule else match["first"],
                              para[1] + "".join(f"({p})" for p in _parts(para[2])), match.start(), stop))
            continue
        if keyword == "article":
            law = ARTICLE_STATUTE  # only the UK GDPR has articles
        if keyword == "regulation" and law in ACTS:
            law = context.regulations  # "regulation 12 of the Act": the letter's regulations
        if keyword == "section" and law not in ACTS:
            law = context.act  # "section 40 of the Regulations": the letter's Act
        for number in _elements(match["first"], match["more"] or ""):
            out.append(_Found(law, keyword, number, None, match.start(), stop))
    return out


def label_of(found: _Found) -> tuple[str, str]:
    """The normalised label and the table-style provision id."""
    n = found.number
    if found.keyword == "schedule":
        return f"DPA 2018 Sch.{n} para.{found.para}", f"sch{n}p{found.para}"
    return {
        "foia": (f"FOIA s.{n}", f"s{n}"),
        "foisa": (f"FOISA s.{n}", f"s{n}"),
        "eir": (f"EIR reg {n}", f"r{n}"),
        "eisr": (f"EISR reg {n}", f"r{n}"),
        "gdpr": (f"UK GDPR art.{n}", f"a{n}"),
        "dpa": (f"DPA 2018 s.{n}", f"s{n}"),
    }[found.law]


def exemption_for(law: str, provision: str) -> str | None:
    """The ``bot.law.exemptions`` entry a provision resolves to: exact, else its parents
    (s.31(1)(a) -> s.31; s.40(5), the NCND subsection, -> s.40)."""
    family = REGIMES[law].exemption_family if law in REGIMES else ""
    if not family:
        return None
    probe = provision
    while True:
        if lookup(family, probe) is not None:
            return probe
        if "(" not in probe:
            return None
        probe = probe[: probe.rindex("(")]


def _ground(found: _Found, provision: str) -> tuple[bool, str | None]:
    """Can this provision be relied on to withhold at all (and which table entry is it)?"""
    entry = exemption_for(found.law, provision)
    if entry is not None:
        return True, entry
    law = owner(found.law)  # the DPA 2018 and the UK GDPR: their refusal grounds are on the subject access entry
    return law is not None and provision.startswith(law.refusal_provisions), None


def rights_paragraphs(masked: str) -> list[Piece]:
    """The paragraphs telling the requester how to ask for a review or complain (FOIA s.17(7))."""
    from bot.reading.text import sentences

    out = []
    for piece in paragraphs(masked):
        first = sentences(masked, piece.start, piece.end)[:1]
        if first and _RIGHTS.search(first[0].text):
            out.append(piece)
    return out


def classify(source: str, masked: str, found: list[_Found], sentences: list[Piece]) -> list[Citation]:
    rights_paragraphs_ = rights_paragraphs(masked)
    out: list[Citation] = []
    for item in found:
        label, provision = label_of(item)
        span = trimmed(source, item.start, item.end)
        can, entry = _ground(item, provision)
        why = "relied on"
        relied = can
        sentence = sentence_at(sentences, item.start)
        said = sentence.text if sentence else masked[item.start:item.end]
        following = _next(sentences, sentence)
        if not can:
            why = "not an exemption or refusal ground"
        elif any(p.start <= item.start < p.end for p in rights_paragraphs_) or _RIGHTS.search(said):
            relied, why = False, "in the review-rights paragraph"
        elif _negated(masked, item, said, sentence, following):
            relied, why = False, "discussed and not applied"
        elif _ELSEWHERE.search(said) and not re.search(r"\bwe\b|\bour\b|\bI\b", said):
            relied, why = False, "cited from guidance or a decision"
        out.append(Citation(label, item.law, provision, relied, why, span, entry if relied or can else None))
    return out


def _negated(masked: str, item: _Found, said: str, sentence: Piece | None, following: Piece | None) -> bool:
    begin = sentence.start if sentence else max(0, item.start - 80)
    before = masked[max(begin, item.start - 80):item.start]
    after = masked[item.end:item.end + 60]
    if _NEGATED_AFTER.search(after) or _NEGATED_BEFORE.search(before):
        return True
    rest = masked[item.end:sentence.end] if sentence else after
    if _NOT_RELIED_LATER.search(rest):
        return True
    # "We have considered whether section 36 applies. However, we have concluded that it does not."
    return bool(_DISCUSSED.search(said) and following is not None and _NEGATED.search(following.text))


def _next(pieces: list[Piece], current: Piece | None) -> Piece | None:
    if current is None:
        return None
    for n, piece in enumerate(pieces):
        if piece is current and n + 1 < len(pieces):
            return pieces[n + 1]
    return None
