"""What kind of message a reply is, and (for a response or a review) its outcome.

Cues as data: each is a pattern and a weight; the kind with the highest score wins, ties going to
the earlier kind in ``KIND_ORDER``. The phrases are the ones authorities use (WhatDoTheyKnow
threads, disclosure logs, ICO and SIC decision notices quoting refusal notices; the labelled
replies in tests/unit/reading/replies.py name a source for each).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from bot.reading.model import Kind, ReadOutcome, Span
from bot.reading.text import rx, trimmed

log = logging.getLogger(__name__)

Cue = tuple[str, int]


def _c(*pairs: Cue) -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((rx(p), w) for p, w in pairs)


KIND_CUES: dict[Kind, tuple[tuple[re.Pattern[str], int], ...]] = {
    Kind.REVIEW_OUTCOME: _c(
        (r"\b(?:outcome|result|findings?|conclusion) of (?:the|my|our|your)? ?internal review", 6),
        (r"\bI have (?:now )?(?:completed|conducted|carried out|undertaken) (?:an|the|a) (?:internal )?review", 6),
        (r"\binternal review (?:has been|was) (?:completed|carried out|conducted)", 6),
        (r"\b(?:review|reviewer|panel) (?:has|have)? ?(?:upheld|overturned|decided|concluded)", 4),
        (r"\bwe (?:do not|don't) uphold your (?:concerns|complaint|appeal)", 5),
        (r"\b(?:uphold|upheld|overturn|overturned|reverse|reversed)\b[^.]{0,40}\b(?:original|initial|earlier) (?:decision|response)", 5),
        (r"\bthe (?:original|initial) (?:decision|response) (?:is|was|has been) (?:upheld|overturned|reversed|partially upheld)", 5),
        (r"\b(?:partially|partly) upheld\b|\bupheld in part\b", 3),
        (r"\bInternal review of your request\b|\bReview of your request\b|\badolygiad mewnol\b", 2),
        (r"\brequirement for review\b", 2),
    ),
    Kind.FEE_NOTICE: _c(
        (r"\bfees? notice\b|\bhysbysiad ffi\b", 5),
        (r"\b(?:fee|charge|payment|sum|cost) of £\s?\d", 4),
        (r"£\s?\d[\d,]*(?:\.\d\d)?\s+(?:is payable|is due|must be paid|will be charged|to cover)", 4),
        (r"\bwithin (?:three|3) months\b", 2),
        (r"\b(?:send|make) (?:the )?payment\b|\bcheque\b|\bpayable to\b", 2),
        (r"\bdisbursements?\b", 1),
        (r"\bsection 9\b|\bregulation 8\b", 1),
    ),
    Kind.EXTENSION_NOTICE: _c(
        (r"\bextend(?:ed|ing)? the (?:time|deadline|period)", 5),
        (r"\b(?:need|require) (?:further|more|additional) time\b", 4),
        (r"\bsection 10\s?\(3\)|\bregulation 7\s?\(1\)|\breg 7\s?\(1\)|\barticle 12\s?\(3\)", 4),
        (r"\b(?:reasonable )?extension\b", 2),
        (r"\b(?:now )?(?:aim|expect|hope) to (?:respond|reply|provide (?:you with )?a (?:full )?response) (?:to you )?by\b", 2),
        (r"\bconsider(?:ing|ation of)? the public interest\b", 1),
    ),
    Kind.CLARIFICATION_REQUEST: _c(
        (r"\b(?:reasonably )?requires? (?:further|more|additional) information in order to identify\b", 6),
        (r"\b(?:could|can|would) you (?:please )?(?:clarify|confirm|be more specific|specify|explain what|let us know|narrow)", 5),
        (r"\bplease (?:clarify|confirm which|specify|provide (?:further|more) details)\b", 4),
        (r"\bwe (?:need|require) (?:you to clarify|(?:some )?(?:further|more) (?:information|details|clarification))", 5),
        (r"\b(?:seek|seeking|request|requesting|ask for) (?:some )?clarification\b", 4),
        (r"\bsection 1\s?\(3\)|\bregulation 9\s?\(2\)|\breg 9\s?\(2\)", 3),
        (r"\bwithout (?:extra|further|this|more) information\b", 3),
        (r"\bonce (?:we receive|we have received) (?:your|this) clarification\b|\bon receipt of (?:your|this) clarification\b", 3),
        (r"\beglurhad\b", 2),
    ),
    Kind.ACKNOWLEDGEMENT: _c(
        (r"\back?nowledge?(?:ment|s)? (?:of|receipt)\b|\backnowledge receipt\b", 5),
        (r"\bthis is to confirm (?:that )?we have received\b|\bconfirm (?:that )?we have received your\b", 5),
        (r"\bwe (?:have )?received your (?:request|email|correspondence)\b", 2),
        (r"\bwe aim to (?:respond|issue a (?:full )?response|reply)\b", 3),
        (r"\bwill (?:be )?(?:respond|responding|reply|replying) (?:to you )?(?:by|within|promptly)\b", 2),
        (r"\byour (?:request|correspondence) (?:has been|will be) (?:logged|handled|passed|allocated)", 3),
    ),
    Kind.RESPONSE: _c(
        (r"\bour response\b|\bresponse to your request\b|\bin response to your request\b", 3),
        (r"\bplease (?:see|find) (?:the )?(?:attached|enclosed|below|information)\b", 3),
        (r"\bI (?:can|am able to) confirm\b|\bwe (?:can|are able to) confirm\b", 3),
        (r"\b(?:does|do) not hold\b|\bnot held\b|\bhold no\b", 4),
        (r"\bexempt (?:from disclosure|information|under)\b|\bis being withheld\b|\bwithheld under\b|\brefus(?:e|ing) (?:your|this|the) request\b", 4),
        (r"\bwithh(?:old|olding|eld)\b|\bredact(?:ed|ion)\b", 3),
        (r"\bneither confirm nor deny\b", 5),
        (r"\bthe information (?:you (?:have )?requested|requested) is\b|\bas follows\b", 2),
        (r"^\s*(?:\d{1,2}[.)]|Q\d|Question \d)", 1),
        (r"\bexceed(?:s|ed)? the (?:appropriate|cost) limit\b|\bmanifestly unreasonable\b|\bvexatious\b", 4),
    ),
}
KIND_ORDER: tuple[Kind, ...] = (Kind.REVIEW_OUTCOME, Kind.FEE_NOTICE, Kind.EXTENSION_NOTICE, Kind.CLARIFICATION_REQUEST,
                                Kind.RESPONSE, Kind.ACKNOWLEDGEMENT)


def score_kinds(text: str) -> dict[Kind, tuple[int, Span | None]]:
    scores: dict[Kind, tuple[int, Span | None]] = {}
    for kind, cues in KIND_CUES.items():
        total, best, best_weight = 0, None, 0
        for pattern, weight in cues:
            for match in pattern.finditer(text):
                total += weight
                if weight > best_weight:
                    best, best_weight = match, weight
                break  # one hit per cue: a phrase repeated is not more evidence
        scores[kind] = (total, trimmed(text, best.start(), best.end()) if best else None)
    return scores


def pick_kind(text: str, masked: str) -> tuple[Kind, Span | None]:
    scores = score_kinds(masked)
    # An acknowledgement's "we aim to respond by" is also an extension's phrase: a reply that
    # answers anything is not an acknowledgement.
    ranked = sorted(KIND_ORDER, key=lambda k: (-scores[k][0], KIND_ORDER.index(k)))
    kind = ranked[0]
    if scores[kind][0] == 0:
        return Kind.RESPONSE, None
    span = scores[kind][1]
    if span is not None:
        span = trimmed(text, span.start, span.end)
    return kind, span


_REVIEW_VERDICTS: Sequence[tuple[ReadOutcome, re.Pattern[str]]] = tuple((o, rx(p)) for o, p in (
    (ReadOutcome.PARTLY_UPHELD, r"\b(?:partially|partly) (?:upheld|uphold|overturn\w*)|\bupheld in part\b|\buphold (?:your (?:complaint|appeal) )?in part\b"
                                r"|\bsome (?:of the|further) information (?:can|will|should) (?:now )?be (?:released|disclosed|provided)"),
    (ReadOutcome.UPHELD, r"\b(?:do not|don't|cannot|can't) uphold your (?:concerns|complaint|appeal|request for review)"
                         r"|\buphold(?:ing)? (?:the|our|its) (?:original|initial|earlier)? ?(?:decision|response|refusal|application)"
                         r"|\b(?:original|initial) (?:decision|response) (?:is|was|has been|should be) (?:upheld|maintained|confirmed)"
                         r"|(?<!not\s)\b(?:correctly|properly|appropriately) (?:applied|relied|engaged|withheld)|\bsatisfied that (?:the|section|regulation)"
                         r"|\bno (?:further )?information (?:will|can) be (?:released|disclosed)|\bconsider the matter closed\b"),
    (ReadOutcome.OVERTURNED, r"\boverturn\w*|\breversed?\b|(?<!not\s)(?<!n't\s)\buphold your (?:complaint|appeal)\b|\bnot (?:correctly|properly) (?:applied|engaged)"
                             r"|\bshould (?:not )?have (?:been )?(?:disclosed|released|provided)|\b(?:should|will|can) (?:now )?be (?:released|disclosed|provided)\b|\bwill now (?:be )?(?:release|disclose|provide)\w*"
                             r"|\bwe are now (?:able to )?(?:releasing|disclosing|providing)|\bplease find (?:the )?(?:information|documents) (?:now )?(?:attached|enclosed)"),
))
_NCND = rx(r"\bneither confirms? (?:n|)or den(?:y|ies)\b|\bcan(?:not|'t)? (?:neither )?confirm or deny\b|\bNCND\b|\brefuse to confirm or deny\b", re.IGNORECASE)
_NOT_HELD = rx(
    r"\b(?:does|do|did) not (?:hold|have) (?:any |the |this |that |such )?(?:recorded )?(?:information|data|records?|figures|details)"
    r"|\b(?:information|data) (?:you (?:have )?requested |requested )?is not held\b|\bhold(?:s)? no (?:recorded )?(?:information|records|data)\b"
    r"|\bno (?:recorded )?information (?:is |was )?held\b|\bnot held by\b|\bnid yw'r wybodaeth\b",
    re.IGNORECASE,
)
_WITHHOLD = rx(
    r"\bexempt\b|\bexception\b|\bwithh[oe]ld|\bredact|\brefus(?:e|ed|ing|al)\b|\bunable to (?:provide|disclose|release|comply)|\bnot (?:able|obliged) to (?:provide|disclose|comply)"
    r"|\bwill not be (?:providing|disclosing|releasing)|\bexceed(?:s|ed)? the (?:appropriate|cost) limit\b|\bmanifestly unreasonable\b|\bvexatious\b",
    re.IGNORECASE,
)
_DISCLOSE = rx(
    r"\bplease (?:see|find) (?:the )?(?:attached|enclosed|below|information|following|link)|\bI (?:can|am able to|am pleased to) (?:confirm|provide|advise|inform)(?![^.]{0,80}\b(?:not|no)\b)"
    r"|\bwe (?:can|are able to|are pleased to) (?:confirm|provide|advise|inform)(?![^.]{0,80}\b(?:not|no)\b)|\b(?:is|are) (?:attached|enclosed)\b|\bwe are (?:releasing|providing|disclosing)\b|\b(?:is|are) (?:being )?(?:released|provided|disclosed)\b|\bthe information (?:you (?:have )?requested |requested )?is (?:as follows|attached|below|enclosed)"
    r"|\bas follows\b|\b(?:there|these) (?:are|were|was|is) (?:currently )?\d[\d,.]*|\bwe hold\b(?![^.]{0,80}\b(?:withh|exempt|refus))|\bI attach\b|\bwe attach\b|\benclosed\b|\bis provided below\b"
    r"|\bfull disclosure\b|\bthe answer(?:s)? (?:is|are)\b|\bhas been disclosed\b|^\s*(?:\d{1,2}[.)]\s*)?(?:Yes|No)\b[,.]",
    re.IGNORECASE | re.MULTILINE,
)
_NO_EXEMPTION = rx(r"\bno exemptions? (?:has|have) been (?:applied|used)|\bin full\b", re.IGNORECASE)


def _hit(source: str, pattern: re.Pattern[str], masked: str) -> Span | None:
    match = pattern.search(masked)
    return trimmed(source, match.start(), match.end()) if match else None


def review_verdict(source: str, masked: str) -> tuple[ReadOutcome | None, Span | None]:
    for outcome, pattern in _REVIEW_VERDICTS:
        match = pattern.search(masked)
        if match:
            return outcome, trimmed(source, match.start(), match.end())
    return None, None


def response_outcome(source: str, masked: str, *, relied: bool, withheld_parts: int, not_held_parts: int,
                     answered_parts: int, attached: bool = False) -> tuple[ReadOutcome, Span | None]:
    """A response's outcome from what it gives and what it withholds.

    NCND first (it is its own refusal); then "refused" when something is withheld and nothing
    given; "not held" when nothing is held; "partially successful" when some is given and some
    withheld or not held; "successful" when it is all given.
    """
    ncnd = _hit(source, _NCND, masked)
    if ncnd is not None:
        return ReadOutcome.NCND, ncnd
    disclose = _hit(source, _DISCLOSE, masked)
    withhold = _hit(source, _WITHHOLD, masked)
    not_held = _hit(source, _NOT_HELD, masked)
    gave = disclose is not None or answered_parts > 0 or attached
    held_back = relied or withhold is not None or withheld_parts > 0
    if held_back and not gave:
        return ReadOutcome.REFUSED, withhold or disclose
    if not_held is not None and not gave and not held_back:
        return ReadOutcome.NOT_HELD, not_held
    if gave and (held_back or not_held is not None or not_held_parts):
        return ReadOutcome.PARTIALLY_SUCCESSFUL, withhold or not_held or disclose
    if gave:
        return ReadOutcome.SUCCESSFUL, disclose
    if not_held is not None:
        return ReadOutcome.NOT_HELD, not_held
    return ReadOutcome.SUCCESSFUL if answered_parts else ReadOutcome.REFUSED, None
