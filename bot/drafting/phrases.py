"""The standard sentences a good request carries, per law, and how to tell they are already there.

The same sentences are inserted by the linter's automatic fixes and written by the request
letter, so a draft that was fixed and then turned into a letter never says them twice.
"""

from __future__ import annotations

import logging
import re

from bot.law.regimes import Law, regime

from bot.drafting.citations import citations

log = logging.getLogger(__name__)

FORMAT_PRESENT_RE = re.compile(
    r"\b(?:formats?|electronic(?:ally)?|spreadsheets?|csv|excel|xlsx|ods|pdfs?|machine[- ]readable|re-?usable"
    r"|by e-?mail|via e-?mail|paper cop(?:y|ies)|hard cop(?:y|ies)|inspect(?:ion)?|digest)\b",
)
NOT_HELD_PRESENT_RE = re.compile(
    r"\bnot held in (?:this|that|the|the exact|that exact|the requested) (?:form|way|breakdown)\b|\bcomes? closest\b"
    r"|\bclosest (?:equivalent|match)\b|\b(?:whatever|what) (?:information |data )?you (?:do )?hold\b"
    r"|\bas (?:it is|they are) held\b",
)
NARROWING_PRESENT_RE = re.compile(
    r"\b(?:narrow|refine|cost limit|appropriate limit|manifestly unreasonable|too general|advice and assistance"
    r"|advise me)\b|\bs(?:ection)?\.? ?1[56]\b|\breg(?:ulation)?\.? ?9\b",
)


def _law_name(law: Law) -> str:
    return citations(law)["law_name"]


def format_sentence(law: Law) -> str:
    """FOIA s.11 / FOISA s.11 / EIR-EISR reg 6 / UK GDPR art.15(3): say how you want the answer."""
    cite = citations(law)
    if regime(law).subject_access:
        return (
            f"Under {cite['format_section']} of {_law_name(law)}, please send the copy of my personal data "
            "electronically, by email, in a commonly used electronic form."
        )
    return (
        f"Under {cite['format_section']} of {_law_name(law)}, I would like to receive the information "
        "electronically, by email, with any figures or tables as a spreadsheet (CSV or Excel) rather than "
        "as a PDF or a scanned image."
    )


def not_held_sentence(law: Law) -> str | None:
    """The s.16 safety net for a breakdown the authority may not keep (None for a SAR)."""
    if regime(law).subject_access:
        return None
    cite = citations(law)
    return (
        "If any of this information is not held in the form I have asked for, please provide the "
        f"information you hold that comes closest to it, and advise me under {cite['advice_section']} "
        f"of {_law_name(law)}."
    )


def narrowing_sentence(law: Law) -> str | None:
    """Ask for advice on narrowing instead of a flat refusal (None for a SAR)."""
    if regime(law).subject_access:
        return None
    cite = citations(law)
    if not regime(law).cost_limit:
        # EIR reg 12(4)(b) / EISR reg 10(4)(b): no cost limit, "manifestly unreasonable" instead.
        return (
            "If you consider any part of this request manifestly unreasonable or too general, please answer "
            f"the rest and advise me under {cite['advice_section']} of {_law_name(law)} how I could narrow it."
        )
    return (
        "If answering any part of this request would exceed the cost limit, please answer the parts that "
        f"can be answered and advise me under {cite['advice_section']} of {_law_name(law)} how I could "
        "narrow the rest."
    )


# The three patterns above are lower case: the functions below lower-case the text first.
def has_format_preference(text: str) -> bool:
    return bool(FORMAT_PRESENT_RE.search(text.lower()))


def has_not_held_sentence(text: str) -> bool:
    return bool(NOT_HELD_PRESENT_RE.search(text.lower()))


def has_narrowing_sentence(text: str) -> bool:
    return bool(NARROWING_PRESENT_RE.search(text.lower()))


def advice_paragraph(law: Law, *, not_held: bool, narrowing: bool) -> str | None:
    """One paragraph for the letter carrying whichever advice sentences the questions lack."""
    if regime(law).subject_access or not (not_held or narrowing):
        return None
    if not (not_held and narrowing):
        return not_held_sentence(law) if not_held else narrowing_sentence(law)
    cite = citations(law)
    if not regime(law).cost_limit:
        too_big = "if you consider any part of this request manifestly unreasonable or too general, please answer the rest"
    else:
        too_big = "if answering any part of this request would exceed the cost limit, please answer the parts that can be answered"
    return (
        "If any of this information is not held in the form I have asked for, please provide the information you "
        f"hold that comes closest to it; {too_big}. In either case, please advise me under "
        f"{cite['advice_section']} of {_law_name(law)} how I could narrow or rephrase the request."
    )
