"""Rewrite builders (the concrete text to write instead) and the safe automatic fixes.

A rewrite is advice shown to the member; a fix is an edit ``apply_fixes`` may make on its own.
Fixes exist only where the meaning cannot change: writing out the dates a relative period stands
for on the day of sending, splitting a compound question at its question words, and adding the
standard format and advice sentences.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from bot.drafting.model import Fix, Hit, LintContext
from bot.drafting.parse import ParsedRequest
from bot.drafting.patterns import NEUTRAL_WORDING
from bot.drafting.periods import current_financial_year_start, example_ranges, financial_year_label, plain_date
from bot.drafting.phrases import format_sentence, narrowing_sentence, not_held_sentence
from bot.drafting.request_checks import MAX_QUESTIONS
from bot.law.regimes import regime

log = logging.getLogger(__name__)

_EXAMPLES = "(for example reports, briefing notes, minutes or emails)"


def _capitalise_like(original: str, replacement: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _inserted(doc: ParsedRequest, point: int, sentence: str) -> str:
    """``sentence`` as its own paragraph at ``point``: after the text before it, or before a sign-off."""
    if point == 0 or doc.text[point - 1] == "\n":
        return f"{sentence}\n\n"
    return f"\n\n{sentence}"


def _last_financial_year(ctx: LintContext) -> tuple[str, str]:
    start = current_financial_year_start(ctx.today) - 1
    return financial_year_label(start), f"1 April {start} to 31 March {start + 1}"


# --- explanation-not-information ---------------------------------------------------------------
def explanation_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    kind, obj = hit.data["kind"], hit.data["object"]
    if kind == "explain" and obj:
        # "tell me why the depot closed" -> "explains why the depot closed": the "why" is the verb's.
        why = "why " if hit.data.get("verb", "").endswith("why") and not obj.lower().startswith("why") else ""
        return f'"Please provide any recorded information you hold that explains {why}{obj} {_EXAMPLES}."'
    if kind == "process":
        verb = hit.data["sentence"].lower()
        found = re.search(r"\b(justify|decide|determine|choose|ensure)\b", verb)
        action = found.group(1) if found else "decide"
        target = f"{action} {obj}" if obj else f"{action} this"
        return f'"Please provide a copy of the policy, procedure or guidance used to {target}."'
    if kind == "opinion":
        return (
            '"Please provide any recorded information that sets out the authority\'s position on this, such as a '
            'policy, a published statement, or the minutes of the meeting where it was decided."'
        )
    if kind == "intent":
        return '"Please provide any recorded plans, project documents, board papers or minutes about this proposal."'
    if kind == "embedded" and obj:
        return f'"Please provide copies of any reports, briefing notes, minutes or emails that record why {obj}."'
    # No safe grammar for turning "Why did X ...?" round: the member names the subject (the
    # bracket is a placeholder on purpose: the linter flags it if it is sent unfilled).
    return (
        '"Please provide copies of any reports, briefing notes, minutes or emails that record the reasons for '
        '[your subject], and any targets or figures that apply." Replace [your subject] with the decision or '
        f'situation you asked about; you asked: "{hit.data["sentence"]}"'
    )


# --- relative-period / no-date-range / calendar-or-financial-year ------------------------------
def relative_period_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    period, years = hit.data.get("period"), hit.data.get("years")
    if period is None:
        return f"Give exact dates instead, e.g. {example_ranges(ctx.today, years or 3)}."
    advice = f'Write "{period.phrase}" ({period.convention}).'
    if period.rolling and years:
        advice += f" If you meant whole years, write {example_ranges(ctx.today, years, rolling=False)}."
    return advice


def relative_period_fix(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> Fix | None:
    period = hit.data.get("period")
    if period is None:
        return None
    original = doc.text[hit.start : hit.end]
    replacement = _capitalise_like(original, period.phrase)
    return Fix(hit.start, hit.end, replacement, f"dates written out: {period.convention}")


def missing_period_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    label, span = _last_financial_year(ctx)
    question = hit.data["question"].rstrip(" ?.")
    last_year = ctx.today.year - 1
    end = "." if _REQUEST_START_RE.match(question) else "?"  # a request ("Please provide ...") is not a question
    return (
        f'"{question} in the financial year {label} ({span}){end}" '
        f"or, by calendar year, 1 January {last_year} to 31 December {last_year}."
    )


def year_kind_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    label, span = _last_financial_year(ctx)
    return (
        f'Say which: "for each financial year (1 April to 31 March), e.g. {label}: {span}" or '
        '"for each calendar year (1 January to 31 December)".'
    )


# --- scope -------------------------------------------------------------------------------------
def unbounded_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    yesterday = plain_date(ctx.today - timedelta(days=1))
    label, span = _last_financial_year(ctx)
    if hit.data.get("catch_all"):
        return (
            f'Name the kinds of document and a period instead of "{doc.text[hit.start:hit.end]}", e.g. '
            f'"copies of the reports, minutes and emails on this subject dated in the financial year {label} ({span})".'
        )
    noun = hit.data["noun"]
    return (
        f'Say which {noun} and which date, e.g. "As at {yesterday}, which of your {noun} in one named area '
        '(for example payroll or IT support) are carried out by outside organisations, and which organisations '
        "carry them out?\" Or ask first for a list the authority already keeps, such as its contracts register."
    )


def breakdown_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    sentence = not_held_sentence(ctx.law) or ""
    return f'Keep the question{"s" if len(hit.data["questions"]) > 1 else ""} and add: "{sentence}"'


def breakdown_fix(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> Fix | None:
    sentence = not_held_sentence(ctx.law)
    if sentence is None:
        return None
    point = doc.insertion_point
    return Fix(point, point, _inserted(doc, point, sentence), "added the 'if not held in this form' advice sentence")


def undefined_term_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    term = hit.data["term"]
    if hit.data["acronym"]:
        return f'Write the full name the first time, followed by the acronym: "... ({term})".'
    return (
        f"Say what you mean by '{term}' in plain words, or ask for the authority's own categories: "
        '"... using the categories you record (please tell me what they are)".'
    )


# --- compound / too many -----------------------------------------------------------------------
def _sub_labels(label: str | None, count: int) -> list[str]:
    if label and re.search(r"\(?[a-z][.)]", label):
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        return [f"({r})" for r in romans[:count]]
    return [f"({chr(ord('a') + i)})" for i in range(count)]


# A split part that asks for something ("Please send ...", "Provide ...") is a request and ends
# with "."; any other part is a question ("Between ..., how many ...?") and ends with "?".
_REQUEST_START_RE = re.compile(
    r"(?:please|kindly|provide|send|supply|give|list|disclose|copy|copies|a copy|the number|details)\b",
    re.IGNORECASE,
)


def _as_question(part: str) -> str:
    part = part.rstrip(" ?.,;")
    end = "." if _REQUEST_START_RE.match(part) else "?"
    return part[:1].upper() + part[1:] + end


def compound_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    parts = hit.data["parts"]
    labels = _sub_labels(hit.data["label"], len(parts))
    return "\n".join(f"{label} {_as_question(part)}" for label, part in zip(labels, parts))


def compound_fix(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> Fix | None:
    # Under a numbered question ("1. (a) ..."), later sub-items line up with the first one.
    indent = " " * (len(hit.data["label"]) + 1) if hit.data["label"] else ""
    first, *rest = compound_rewrite(hit, doc, ctx).split("\n")
    return Fix(hit.start, hit.end, "\n".join([first, *(indent + line for line in rest)]), "split into one item per question")


def too_many_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return (
        f"Keep the {MAX_QUESTIONS} questions that matter most in this request, and send the rest as a separate "
        "request on a different subject after the first answer arrives."
    )


# --- personal data -----------------------------------------------------------------------------
def own_data_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return (
        "Make it a subject access request: switch the law to SAR (law: sar) and write: \"Under Article 15 of the "
        'UK GDPR, please provide a copy of the personal data you hold about me, including any records, notes and '
        'emails about me." Ask for anything else (figures, policies) in a separate FOI request.'
    )


def third_party_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return (
        f'Ask for numbers or anonymised records instead of "{hit.data["match"]}", e.g. "the number of ..., without '
        'names or other details that could identify anyone" (for senior staff: job titles and grades only).'
    )


# --- standard sentences ------------------------------------------------------------------------
def format_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return f'Add: "{format_sentence(ctx.law)}"'


def format_fix(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> Fix | None:
    return Fix(hit.start, hit.end, _inserted(doc, hit.start, format_sentence(ctx.law)), "added a format preference")


def advice_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return f'Add: "{narrowing_sentence(ctx.law)}"'


def advice_fix(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> Fix | None:
    sentence = narrowing_sentence(ctx.law)
    if sentence is None:
        return None
    return Fix(hit.start, hit.end, _inserted(doc, hit.start, sentence), "added the advice-and-assistance sentence")


def published_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return (
        "Look on the authority's website, its publication scheme and disclosure log, and on WhatDoTheyKnow first. "
        'If you cannot find it, keep the question and add: "If this is already published, please tell me exactly '
        'where."'
    )


# --- tone, name, law, placeholders -------------------------------------------------------------
def emotive_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    start, end = _clause_around(doc, hit.start, hit.end)
    clause = doc.text[start:end]
    word = hit.data["match"]
    if not word.strip("!?"):
        neutral = "?" if "?" in word else "."
    elif word.isupper() and word.isalpha():
        neutral = word.lower()
    else:
        neutral = NEUTRAL_WORDING.get(word.lower(), "")
    local = hit.start - start
    rewritten = clause[:local] + neutral + clause[local + len(word) :]
    rewritten = re.sub(r"\s+([,.?!])", r"\1", " ".join(rewritten.split())).strip(" ,;")
    return f'"{rewritten}", or leave it out: a request only needs to say what information you want.'


def _clause_around(doc: ParsedRequest, start: int, end: int) -> tuple[int, int]:
    """The clause (between , ; : or brackets) of the sentence holding ``start``, for a short rewrite."""
    s_start, s_end = next(((s, e) for s, e in doc.sentences if s <= start < e), (start, end))
    sentence = doc.text[s_start:s_end]
    local = start - s_start
    left = max((sentence.rfind(mark, 0, local) for mark in ",;:()"), default=-1)
    rights = [i for i in (sentence.find(mark, local + (end - start)) for mark in ",;:()") if i != -1]
    right = min(rights) if rights else len(sentence)
    return s_start + left + 1, s_start + right


def missing_name_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return (
        'End with "Yours faithfully," and your full real name (first name and surname). Replies go to the '
        "address the request is sent from, which counts as your address for correspondence."
    )


def environmental_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    # FOIA s.39 and FOISA s.39(2): environmental information goes to the EIR, in Scotland the EISR.
    env_law = regime(ctx.law).environmental_law or ctx.law
    title = regime(env_law).title
    return (
        f'Set the law to {regime(env_law).short} (--law {env_law}), or write: "I am requesting this information under the '
        f"{title} where it is environmental information, and otherwise under the {regime(ctx.law).title}.\""
    )


def placeholder_rewrite(hit: Hit, doc: ParsedRequest, ctx: LintContext) -> str:
    return f'Replace "{hit.data["match"]}" with the real text before sending.'
