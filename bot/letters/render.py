"""Write a letter: the chosen grounds' paragraphs inside the letter kind's template, plus timing advice.

``render_letter`` is pure: it takes ``today`` and returns a ``Letter``; it never reads the clock,
the database or Discord. Every value passed to a template is plain data (strings, numbers,
lists), prepared here, so a template never prints ``None`` and never compiles member text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.errors import BadInput
from bot.law.deadlines import DUAA_STOP_THE_CLOCK, DeadlineKey, DeadlineReport
from bot.law.exemptions import Exemption
from bot.law.regimes import ClockRule, regime
from bot.letters.answers import AnswerStatus, PartWithdrawal, questions_with
from bot.letters.facts import LetterFacts
from bot.letters.grounds import GroundContext, context, ground, validate_ground_ids
from bot.letters.reasons import check_reasons, review_reasons
from bot.letters.regulator import NextStep, before_scottish_review, enclosures, next_step, recipient
from bot.letters.timeline import count_late, plain_date
from bot.letters.timing import TimingWarning, timing_warnings
from bot.letters.wording import LetterKind, subject, wording
from bot.templates import render

log = logging.getLogger(__name__)

# foibot's convention, not law: a chaser gives a last 10 working days before the requester goes to
# the regulator (the ICO asks that a missing response be chased before a complaint).
CHASE_WORKING_DAYS = 10

_OUTCOME_WORDS = {
    "successful": "provided the information",
    "partially_successful": "provided part of the information",
    "refused": "refused the request",
    "not_held": "said the information is not held",
    "ncnd": "would neither confirm nor deny that the information is held",
}


@dataclass(frozen=True)
class Letter:
    kind: LetterKind
    subject: str
    body: str
    warnings: list[TimingWarning] = field(default_factory=list)
    deadline_stated: date | None = None
    ground_ids: tuple[str, ...] = ()
    reason_ids: tuple[str, ...] = ()  # reasons the member stated from the menu (``bot.letters.reasons``)
    recipient: str = ""  # who it is sent to: the regulator for a complaint, never the authority
    next_step: NextStep | None = None  # where it goes; for a complaint the form, the window and the enclosures

    def text(self) -> str:
        """Subject line and body, as saved to a .txt file."""
        return f"Subject: {self.subject}\n\n{self.body}"


def render_letter(
    kind: LetterKind | str,
    facts: LetterFacts,
    ground_ids: Iterable[str],
    today: date,
    *,
    notes: str | None = None,
    reasons: Iterable[str] = (),
    unsigned: bool = False,
) -> Letter:
    """The letter of ``kind`` for ``facts`` on ``today``, arguing ``ground_ids`` (table order).

    ``notes`` is the member's own paragraph (for a clarification reply, the clarification itself).
    ``reasons`` are reasons the member picked from the review's menu (``review_reasons``), written
    after the grounds; a reason whose ground the facts support is written as that ground.
    ``unsigned``: a copy for someone other than the requester, with no name under it.
    Raises ``BadInput`` for a ground that does not fit, a review without a reason, or a
    clarification reply without the clarification.
    """
    ctx = context(kind, facts, today)
    kind = ctx.kind
    stated = check_reasons(facts.law, reasons) if kind is LetterKind.REVIEW else []
    if reasons and kind is not LetterKind.REVIEW:
        raise BadInput("Reasons from the menu go in a review letter only.")
    supported = {r.id for r in review_reasons(facts.law) if ground(r.id).supported(ctx)}
    ids = validate_ground_ids(ctx, [*ground_ids, *(i for i in stated if i in supported)])
    stated = [i for i in stated if i not in supported]
    notes = normalise_notes(notes)
    words = wording(facts.law)
    if kind is LetterKind.REVIEW and not ids and not stated and not notes:
        # The ICO's review template: "I am dissatisfied with your response for the following
        # reason(s)"; FOISA s.20(3)(c) and EISR reg 16(2) require the matter to be specified. A
        # review without a reason is dismissed as querying nothing specific.
        law_says = f" ({words.short} {words.review_reason_provision})" if words.review_needs_reason else ""
        raise BadInput(
            f"A {words.review} must say why you are dissatisfied{law_says}: choose a ground (what went wrong "
            "with the handling or with the information given) or write your own paragraph."
        )
    if kind is LetterKind.COMPLAINT:
        too_early = before_scottish_review(ctx)
        if too_early:
            raise BadInput(too_early)
    if kind is LetterKind.CLARIFICATION:
        if facts.clarification_requested is None:
            raise BadInput("Give the date the authority asked for clarification (clarification_requested).")
        if not notes:
            raise BadInput("A reply to a clarification request needs your clarification: write it as the letter's notes.")
    data, deadline = _letter_data(ctx, notes)
    data["grounds"] = [_render_ground(gid, ctx, data) for gid in ids]
    data["grounds"] += [_tidy(render(f"letters/reasons/{rid}.txt.j2", **data)).strip() for rid in stated]
    data["reasons_word"] = "reasons" if len(data["grounds"]) + bool(notes) > 1 else "reason"
    if unsigned:
        data["requester"] = ""  # a copy: no name, no signature (only the requester signs their letters)
    body = render(f"letters/{kind.value}.txt.j2", **data)
    return Letter(
        kind=kind,
        subject=subject(kind, facts.law, title=facts.title, authority=facts.authority),
        body=_tidy(body),
        warnings=timing_warnings(ctx),
        deadline_stated=deadline,
        ground_ids=tuple(ids),
        reason_ids=tuple(stated),
        recipient=recipient(kind, facts.law, facts.authority),
        next_step=next_step(ctx),
    )


def _render_ground(ground_id: str, ctx: GroundContext, data: dict[str, Any]) -> str:
    g = ground(ground_id)
    cited = g.exemptions(ctx)
    text = render(
        g.template,
        **data,
        cited=[_exemption_view(e) for e in cited],
        citations=list(g.citations(ctx.facts.law, cited)),
    )
    return _tidy(text).strip()


def _exemption_view(e: Exemption) -> dict[str, Any]:
    label = e.label
    return {"label": label, "Label": label[:1].upper() + label[1:], "short": e.short_label, "name": e.name,
            "argument": e.argument, "absolute": e.absolute, "prejudice": e.prejudice_based}


def _tidy(text: str) -> str:
    """No trailing spaces, no runs of blank lines, one final newline.

    Splits on "\n" only: member text may hold other line separators, which must stay as typed.
    """
    lines = [line.rstrip() for line in text.strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"


def _d(value: date | None) -> str:
    return plain_date(value) if value else ""


def _letter_data(ctx: GroundContext, notes: str) -> tuple[dict[str, Any], date | None]:
    """The template data for a letter, and the deadline it states."""
    facts, timeline, kind = ctx.facts, ctx.timeline, ctx.kind
    words = wording(facts.law)
    to_regulator = kind is LetterKind.COMPLAINT
    due = timeline.due
    statutory = timeline.statutory_due
    data: dict[str, Any] = {
        "kind": kind.value,
        "body": words.body,
        "law": words,
        "to_regulator": to_regulator,
        "today": plain_date(ctx.today),
        "authority": facts.authority,
        "title": facts.title,
        "requester": facts.requester,
        "reference": facts.reference or "",
        "link": facts.link or "",
        "sent": plain_date(facts.sent),
        "received": _d(facts.received) if facts.received and facts.received != facts.sent else "",
        "clarification_requested": _d(facts.clarification_requested),
        "clarification_received": _d(facts.clarification_received),
        "clarification_partial": facts.clarification_partial,
        "extended_to": _d(facts.extended_to),
        "responded": _d(facts.responded),
        "outcome": _OUTCOME_WORDS.get(facts.outcome.value, "") if facts.outcome else "",
        "review_requested": _d(facts.review_requested),
        "review_responded": _d(facts.review_responded),
        "review_due": _d(timeline.get(DeadlineKey.REVIEW_DUE)),
        # Set only when the request for review arrived on a non-working day (SIC Decision 092/2026).
        "review_due_later": _d(timeline.get(DeadlineKey.REVIEW_DUE_NEXT_WORKING_DAY)),
        "review_due_max": _d(timeline.get(DeadlineKey.REVIEW_DUE_MAX)),
        "response_due": _d(statutory.due if statutory else None),
        "due": _d(due.due if due else None),
        # Which later reading ``due`` is: receipt on a non-working day taken as the next working
        # day (the 2018 s.45 Code as some authorities read it; SIC Decision 092/2026), or a school's 60-working-day backstop (SI 2004/3364 reg 3), never
        # to be worded as the other.
        "due_is_later_reading": bool(
            due and statutory and due.due != statutory.due and due.key == DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY
        ),
        "school_due": bool(due and due.key == DeadlineKey.SCHOOL_BACKSTOP),
        "days_late": timeline.days_late,
        "days_unit": "working days" if words.working_days else "days",
        "questions": list(facts.questions),
        "unanswered": facts.unanswered_lines(),
        "not_in_form": [facts.question_line(n) for n in questions_with(facts.answers, AnswerStatus.NOT_HELD_IN_FORM)],
        "referring": [
            f'{facts.question_line(a.question)} (answered "as question {a.to}")'
            for a in facts.answers if a.status is AnswerStatus.REFERS_TO
        ],
        "withdrawn": [_withdrawal_view(facts, part) for part in facts.withdrawn_parts],
        "format_asked": facts.format_asked or "",
        "format_given": facts.format_given or "",
        "notes": notes,
        "who": _who(to_regulator, words.body),
        "ask": f"I ask the Commissioner to require the {words.body} to" if to_regulator else "Please",
        "deadline": "",
        "deadline_max": "",
        "chase_route": words.next_step,
        "clock_restarts": regime(facts.law).clarification is ClockRule.RESTART,
        "rest_due": "",
        "rest_passed": False,
        "clarification_basis": _clarification_basis(facts),
        "regulator_address": list(words.regulator_address),
        "enclosures": enclosures(facts) if to_regulator else [],
    }
    deadline = _stated_deadline(ctx, data)
    return data, deadline


def _withdrawal_view(facts: LetterFacts, part: PartWithdrawal) -> dict[str, Any]:
    numbers = [str(n) for n in part.questions]
    named = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
    return {
        "on": plain_date(part.on),
        "questions": f"question{'s' if len(numbers) > 1 else ''} {named}",
        "lines": [facts.questions[n - 1] if 0 < n <= len(facts.questions) else f"question {n}" for n in part.questions],
    }


def _clarification_basis(facts: LetterFacts) -> str:
    """What makes the clock run from the clarification, as the letter cites it."""
    words = wording(facts.law)
    if regime(facts.law).clarification is ClockRule.PAUSE:
        # The clock stops (DUAA 2025 s.76 from 5 February 2026; the ICO's guidance before then).
        asked = facts.clarification_requested
        if asked is not None and asked < DUAA_STOP_THE_CLOCK:
            return "the Information Commissioner's right of access guidance"
        return words.clarification
    return words.cite(words.clarification)


def normalise_notes(text: str | None) -> str:
    """The member's paragraph with tidy line ends: no trailing spaces, at most one blank line in a row."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


def _who(to_regulator: bool, body: str) -> dict[str, str]:
    """Pronouns for the authority: a review speaks to it, a complaint speaks about it."""
    if to_regulator:
        return {"they": f"the {body}", "They": f"The {body}", "their": "its", "Their": "Its", "them": "it"}
    return {"they": "you", "They": "You", "their": "your", "Their": "Your", "them": "you"}


def _stated_deadline(ctx: GroundContext, data: dict[str, Any]) -> date | None:
    """The deadline the letter gives the authority (none for a complaint to the regulator)."""
    facts, timeline = ctx.facts, ctx.timeline
    if ctx.kind is LetterKind.REVIEW:
        report = _report_if(ctx, review_requested=facts.review_requested or ctx.today)
        due, due_max = report.get(DeadlineKey.REVIEW_DUE), report.get(DeadlineKey.REVIEW_DUE_MAX)
        data["deadline"] = _d(due.due if due else None)
        data["deadline_max"] = _d(due_max.due if due_max else None)
        return due.due if due else None
    if ctx.kind is LetterKind.CHASER:
        chase_by = timeline.calendar.nth_working_day_after(ctx.today, CHASE_WORKING_DAYS)
        by = timeline.get(DeadlineKey.REVIEW_REQUEST_BY)
        if by is not None and ctx.today < by < chase_by and regime(facts.law).review_before_regulator:
            chase_by = by  # never let the chaser run past the window to require a review
        data["deadline"] = _d(chase_by)
        if facts.responded is None and timeline.due is not None:
            data["days_late"] = count_late(timeline.calendar, facts.law, timeline.due.due, ctx.today)
        return chase_by
    if ctx.kind is LetterKind.CLARIFICATION:
        received = facts.clarification_received or ctx.today
        report = _report_if(ctx, clarification_received=received)
        key = DeadlineKey.CLARIFIED_PART_DUE if facts.clarification_partial else DeadlineKey.RESPONSE_DUE
        found = report.get(key)
        rest = report.get(DeadlineKey.RESPONSE_DUE) if facts.clarification_partial else None
        data["deadline"] = _d(found.due if found else None)
        data["rest_due"] = _d(rest.due if rest else None)
        data["rest_passed"] = bool(rest and rest.due < ctx.today)
        return found.due if found else None
    return None


def _report_if(ctx: GroundContext, **overrides: object) -> DeadlineReport:
    return ctx.timeline.with_overrides(**overrides)
