"""Plain words for deadlines and events, shared by the Discord views, the export and the CLI."""

from __future__ import annotations

import logging
from datetime import date

from bot.law.counting import plain_date
from bot.law.explain import title
from bot.law.regimes import Law
from bot.law.report import DeadlineKey
from bot.letters.answers import answers_from_mapping
from bot.letters.answers import summary as answers_summary
from bot.tracking.events import EVENTS, EventKind, Outcome
from bot.tracking.fold import Folded, TimelineEvent

log = logging.getLogger(__name__)

def deadline_label(key: str, law: Law | str) -> str:
    """What a deadline key is called when shown (one wording everywhere: ``bot.law.explain``)."""
    return title(key, Law(law))


def exemption_label(exemption_id: str) -> str:
    """"s40(2)" -> "s.40(2)", "r12(4)(b)" -> "reg 12(4)(b)"."""
    return f"reg {exemption_id[1:]}" if exemption_id.startswith("r") else f"s.{exemption_id[1:]}"


def question_list(numbers: list[int] | tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


def event_details(event: TimelineEvent) -> list[str]:
    """The details of one event, each a short phrase (empty when it has none)."""
    data = event.data
    parts: list[str] = []
    if "outcome" in data:
        parts.append(Outcome(data["outcome"]).label)
    if data.get("partial"):
        parts.append("on part of the request only")
    if "new_date" in data:
        parts.append(f"new date {plain_date(date.fromisoformat(data['new_date']))}")
    if data.get("exemptions"):
        parts.append("cites " + ", ".join(exemption_label(e) for e in data["exemptions"]))
    if data.get("unanswered"):
        numbers = data["unanswered"]
        parts.append(f"question{'s' if len(numbers) > 1 else ''} {question_list(numbers)} not answered")
    if data.get("questions"):
        numbers = data["questions"]
        parts.append(f"question{'s' if len(numbers) > 1 else ''} {question_list(numbers)} withdrawn")
    if data.get("answers"):
        parts.append(answers_summary(answers_from_mapping(data["answers"])))
    if data.get("attachment_missing"):
        parts.append("attachment missing")
    if data.get("reference"):
        parts.append(f"reference {data['reference']}")
    return parts


def event_line(event: TimelineEvent) -> str:
    """``Response: partially successful; attachment missing`` (without the date or the note)."""
    label = EVENTS[EventKind(event.kind)].label
    details = event_details(event)
    return f"{label}: {'; '.join(details)}" if details else label


def history(folded: Folded) -> list[str]:
    """How earlier deadlines went: "Response due 27 April 2022: answered 8 April 2022, on time"."""
    lines: list[str] = []
    response_due = folded.report.get(DeadlineKey.RESPONSE_DUE_EXTENDED) if folded.extended_to else None
    response_due = response_due or folded.report.get(DeadlineKey.RESPONSE_DUE)
    if folded.response and response_due:
        days = folded.response.on - response_due.due
        verdict = "on time" if days.days <= 0 else f"{days.days} day{'s' if days.days != 1 else ''} late"
        lines.append(f"Response was due {plain_date(response_due.due)}: answered {plain_date(folded.response.on)}, {verdict}")
    review_due = folded.report.get(DeadlineKey.REVIEW_DUE)
    if folded.review and review_due:
        days = folded.review.on - review_due.due
        verdict = "on time" if days.days <= 0 else f"{days.days} day{'s' if days.days != 1 else ''} late"
        lines.append(f"Review was due {plain_date(review_due.due)}: answered {plain_date(folded.review.on)}, {verdict}")
    return lines
