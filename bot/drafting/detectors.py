"""What each rule looks for in the text. A detector takes the parsed request and the context and
yields ``Hit``s (span + message + data for the rewrite builder); it never decides severity,
sources or the wording of the advice: those live in the rules table.

Patterns (``patterns.py``) run on ``doc.lower`` unless their name ends in ``_CASED_RE``.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from bot.drafting import patterns as p
from bot.drafting.acronyms import COMMON_ACRONYMS, NOT_TERMS
from bot.drafting.model import Hit, LintContext
from bot.drafting.parse import ParsedRequest, Question
from bot.drafting.periods import RELATIVE_CORE_RE, VAGUE_PERIOD_RE, explicit_period, find_relative_periods, years_in
from bot.drafting.phrases import has_not_held_sentence

log = logging.getLogger(__name__)

Detector = Callable[[ParsedRequest, LintContext], Iterator[Hit]]


# --- periods, found once per request ------------------------------------------------------------
def _period_starts(doc: ParsedRequest) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where dates or periods start: (dates and periods, then vaguer ones: "as at", "currently", "recently").

    Only the first kind in an intro paragraph covers the whole request: "I recently read that..."
    gives no period to the questions after it.
    """
    if "periods" not in doc.memo:
        doc.memo["periods"] = _find_period_starts(doc)
    return doc.memo["periods"]


def _find_period_starts(doc: ParsedRequest) -> tuple[tuple[int, ...], tuple[int, ...]]:
    explicit = [m.start() for m in p.DATE_CASED_RE.finditer(doc.text)]
    for pattern in (p.YEAR_KINDS_RE, RELATIVE_CORE_RE):
        explicit += [m.start() for m in pattern.finditer(doc.lower)]
    points = [m.start() for pattern in (p.POINT_IN_TIME_RE, VAGUE_PERIOD_RE) for m in pattern.finditer(doc.lower)]
    return tuple(sorted(explicit)), tuple(sorted(points))


def _any_between(starts: tuple[int, ...], start: int, end: int) -> bool:
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def has_period(doc: ParsedRequest, start: int, end: int, *, points_in_time: bool = True) -> bool:
    explicit, points = _period_starts(doc)
    return _any_between(explicit, start, end) or (points_in_time and _any_between(points, start, end))


def _lower(doc: ParsedRequest, question: Question) -> str:
    return doc.lower[question.start : question.end]


# --- detectors -----------------------------------------------------------------------------------
_KINDS = ("why", "embedded", "explain", "explain2", "wh", "opinion", "process", "intent")


def _sentences_with(doc: ParsedRequest, hint: re.Pattern[str]) -> list[tuple[int, int]]:
    """The sentences containing a match of ``hint`` (a cheap pre-filter for costlier patterns)."""
    starts = [s for s, _ in doc.sentences]
    chosen: dict[int, tuple[int, int]] = {}
    for match in hint.finditer(doc.lower, doc.body_start, doc.body_end):
        index = bisect_left(starts, match.start() + 1) - 1
        if index >= 0 and match.start() < doc.sentences[index][1]:
            chosen.setdefault(index, doc.sentences[index])
    return [chosen[i] for i in sorted(chosen)]


def explanation_requests(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    for start, end in _sentences_with(doc, p.EXPLANATION_HINT_RE):
        sentence = doc.lower[start:end]
        match = p.EXPLANATION_RE.search(sentence)
        if not match or p.DOCUMENT_REQUEST_RE.search(sentence[: match.start()]):
            continue
        kind = next(k for k in _KINDS if match.group(k))
        group = next((g for g in ("obj", "obj2", "obj3", "clause") if match.group(g)), None)
        obj = doc.text[start + match.start(group) : start + match.end(group)].strip(" ,;:") if group else ""
        yield Hit(
            start,
            end,
            "asks for an explanation or an opinion, not for recorded information",
            {"kind": kind.rstrip("2"), "object": obj, "verb": " ".join(match.group(kind).split()),
             "sentence": " ".join(doc.text[start:end].split())},
        )


def relative_periods(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    for match in find_relative_periods(doc.lower, doc.body_start, doc.body_end):
        yield Hit(
            match.start(),
            match.end(),
            "a relative period moves with the day the request is read",
            {"period": explicit_period(match, ctx.today), "years": years_in(match)},
        )
    for question in doc.questions:
        for match in VAGUE_PERIOD_RE.finditer(_lower(doc, question)):
            start = question.start + match.start()
            yield Hit(start, start + len(match.group()), "a vague period gives no dates to search", {"period": None})


def missing_periods(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    # A period stated once for the whole request (an intro, or a "For 2024/25:" lead-in) covers all.
    if any(has_period(doc, s, e, points_in_time=False) for s, e in doc.context) or any(
        q.text.rstrip().endswith(":") and has_period(doc, q.start, q.end) for q in doc.questions
    ):
        return
    for question in doc.questions:
        text = _lower(doc, question)
        if has_period(doc, question.start, question.end) or not p.QUANTITY_RE.search(text):
            continue
        if p.PAST_FLOW_RE.search(text) or p.FLOW_DOCUMENTS_RE.search(text):
            yield Hit(
                question.start,
                question.end,
                "asks about events or correspondence with no dates",
                {"question": question.one_line},
            )


def unbounded_scope(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    for question in doc.questions:
        if has_period(doc, question.start, question.end):
            continue
        text = _lower(doc, question)
        enumeration = p.ENUMERATION_RE.search(text)
        if enumeration:
            noun = next(g for g in enumeration.groups() if g)
            yield Hit(
                question.start,
                question.end,
                f"open-ended: asks about every one of the authority's {noun}",
                {"noun": noun, "catch_all": False},
            )
            continue
        catch_all = p.CATCH_ALL_RE.search(text)
        if catch_all:
            yield Hit(
                question.start + catch_all.start(),
                question.start + catch_all.end(),
                "a catch-all with no limit on subject or dates",
                {"catch_all": True},
            )


def assumed_breakdowns(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    if has_not_held_sentence(doc.text):
        return
    groups: dict[str, tuple[int, int, str, list[int]]] = {}
    for question in doc.questions:
        if not p.QUANTITY_RE.search(_lower(doc, question)):
            continue
        named = p.CATEGORY_BREAKDOWN_CASED_RE.search(question.text)
        if named:
            span, shown = named.span("cat"), f"separate figures for {named.group('cat')} {named.group('noun')}"
        else:
            explicit = p.EXPLICIT_BREAKDOWN_RE.search(_lower(doc, question))
            if not explicit:
                continue
            span, shown = explicit.span(), breakdown_phrase(question.text, explicit)
        key = shown.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').lower()
        key = key.replace('"', "'").replace("'", "")
        first = groups.setdefault(key, (question.start + span[0], question.start + span[1], shown, []))
        first[3].append(question.number)
    for start, end, shown, numbers in groups.values():
        which = f"question {numbers[0]}" if len(numbers) == 1 else "questions " + _join_numbers(numbers)
        verb = "assumes" if len(numbers) == 1 else "assume"
        yield Hit(
            start,
            end,
            f"{which} {verb} the authority keeps {shown}",
            {"category": shown, "questions": numbers},
        )


def breakdown_phrase(text: str, match: re.Match[str]) -> str:
    """What the authority is assumed to keep, as a phrase that reads on after "keeps":
    "separate figures by ward", "separate figures for each school", "the figures broken down as asked"."""
    for group in ("dim", "dim2", "dim3"):
        if match.group(group):
            return "separate figures by " + " ".join(text[match.start(group) : match.end(group)].split())
    if match.group("unit"):
        return "separate figures for each " + text[match.start("unit") : match.end("unit")]
    return "the figures broken down as asked"


def _join_numbers(numbers: list[int]) -> str:
    items = [str(n) for n in numbers]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def known_terms(doc: ParsedRequest, ctx: LintContext) -> set[str]:
    """Short forms the authority reads without asking: the common ones, those the text defines, and
    the authority's own (its short name on record, the initials of its name, the name it is addressed by)."""
    known = set(COMMON_ACRONYMS) | NOT_TERMS | _defined_acronyms(doc.text)
    for name in (ctx.authority_name, doc.addressee):
        if name:
            known |= {initials(name), name.strip()}
    if ctx.authority_short_name and ctx.authority_short_name.strip():
        known.add(ctx.authority_short_name.strip())
    return known


def undefined_terms(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    body, offset = doc.text[doc.body_start : doc.body_end], doc.body_start
    seen: set[str] = set()
    known = known_terms(doc, ctx)
    if sum(map(str.isupper, body)) < sum(map(str.islower, body)):  # in all-caps text no acronym stands out
        for match in p.ACRONYM_CASED_RE.finditer(body):
            acronym = match.group()
            bare = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
            if acronym in known or bare in known or bare in seen or p.SHOUTING_CASED_RE.fullmatch(bare):
                continue
            seen.add(bare)
            yield Hit(
                offset + match.start(),
                offset + match.end(),
                f"the acronym {bare} is not spelled out",
                {"term": bare, "acronym": True},
            )
    for match in p.SCARE_QUOTE_RE.finditer(body):
        term = match.group("term")
        bare = term[:-1] if term.endswith("s") and term[:-1].isupper() else term
        if term.lower() in seen or term in known or bare in known:  # 'NHS' in quotes is still the NHS
            continue
        seen.add(term.lower())
        yield Hit(
            offset + match.start(),
            offset + match.end(),
            f"'{term}' is in quotes: a label the authority may not use",
            {"term": term, "acronym": False},
        )


def initials(name: str) -> str:
    """ "Department for Work and Pensions" -> "DWP" (small words skipped)."""
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    return "".join(w[0].upper() for w in words if w.lower() not in {"and", "of", "the", "for", "in", "on"})


def _defined_acronyms(text: str) -> set[str]:
    defined = {m.group("a") or m.group("b") for m in p.DEFINED_ACRONYM_CASED_RE.finditer(text)}
    return defined | {acronym.removesuffix("s") for acronym in defined}  # "(EHCPs)" defines EHCP too


def compound_questions(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    for question in doc.questions:
        if "?" not in question.text or not p.INTERROGATIVE_RE.search(_lower(doc, question)[:60]):
            continue
        parts = split_compound(question.text)
        if len(parts) > 1:
            yield Hit(
                question.start,
                question.end,
                f"asks {len(parts)} things in one question",
                {"parts": parts, "label": question.label},
            )


def split_compound(text: str) -> list[str]:
    """The separate questions in ``text``, or ``[text]`` when a split would not leave whole questions.

    "How many X are handled by Y, and what are those activities?" splits; "how many suspensions and
    how many exclusions did the academy issue?" does not (its first part has no verb of its own), nor
    does "how many applications were received, and how many approved?" (one count and its sub-count
    are answered together; a third part, or a different kind of question, is what gets missed).
    """
    parts, cursor = [], 0
    for match in p.COMPOUND_JOINER_RE.finditer(text.lower()):
        parts.append(text[cursor : match.start() + (1 if match.group().startswith("?") else 0)])
        cursor = match.end()
    parts.append(text[cursor:])
    cleaned = [" ".join(part.split()).strip(" ,;") for part in parts]
    cleaned = [part for part in cleaned if len(part.split()) >= 2]
    if len(cleaned) == 2 and p.SUB_COUNT_RE.match(cleaned[1].lower()):
        return [text]
    if len(cleaned) > 1 and p.VERB_RE.search(p.ASK_FRAME_RE.sub("", cleaned[0].lower(), count=1)):
        return cleaned
    return [text]


def pattern_in_body(pattern: re.Pattern[str], message: str, *, once: bool = False) -> Detector:
    """A detector for a lower-case pattern anywhere between the salutation and the sign-off."""

    def detect(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
        for match in pattern.finditer(doc.lower, doc.body_start, doc.body_end):
            quote = doc.text[match.start() : match.end()]
            yield Hit(match.start(), match.end(), message.format(quote=quote), {"match": quote})
            if once:
                return

    return detect


def pattern_in_questions(pattern: re.Pattern[str], message: str) -> Detector:
    """A detector for the first match of a lower-case pattern in each question."""

    def detect(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
        for question in doc.questions:
            match = pattern.search(doc.lower, question.start, question.end)
            if match:
                quote = doc.text[match.start() : match.end()]
                yield Hit(match.start(), match.end(), message.format(quote=quote), {"match": quote})

    return detect


def emotive_wording(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    hits = [m.span() for m in p.EMOTIVE_RE.finditer(doc.lower, doc.body_start, doc.body_end)]
    hits += [m.span() for m in p.EXCLAMATION_RE.finditer(doc.text, doc.body_start, doc.body_end)]
    hits += [m.span() for m in p.SHOUTING_CASED_RE.finditer(doc.text, doc.body_start, doc.body_end)]
    for start, end in sorted(hits):
        quote = doc.text[start:end]
        yield Hit(start, end, f'emotive or accusatory wording: "{quote}"', {"match": quote})


def third_party_data(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    """People's details asked for, unless the same sentence asks for them to be removed."""
    for start, end in _sentences_with(doc, p.THIRD_PARTY_HINT_RE):
        if p.REDACTION_RE.search(doc.lower, start, end):
            continue
        for match in p.THIRD_PARTY_CASED_RE.finditer(doc.text, start, end):
            yield Hit(
                match.start(),
                match.end(),
                f'asks for information about identifiable people: "{match.group()}"',
                {"match": match.group()},
            )


def placeholders(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    for match in p.PLACEHOLDER_CASED_RE.finditer(doc.text):
        yield Hit(match.start(), match.end(), "a placeholder was left in", {"match": match.group()})


def year_kind(doc: ParsedRequest, ctx: LintContext) -> Iterator[Hit]:
    if p.YEAR_KIND_GIVEN_RE.search(doc.lower):
        return
    for question in doc.questions:
        match = p.YEAR_KIND_NEEDED_RE.search(doc.lower, question.start, question.end)
        if match:
            yield Hit(
                match.start(),
                match.end(),
                "years, but not whether calendar or financial years",
                {"match": doc.text[match.start() : match.end()]},
            )
            return
