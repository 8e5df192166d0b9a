"""What `/request show` and `/request list` say, as template contexts (``prompts/messages/request_*``).

Pure: the caller passes ``stamp`` (a date as Discord timestamp markup, "D" or "R") and ``clean``
(member text made safe to show, e.g. markdown escaped), so this module imports no discord.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.law.regimes import Law, regime
from bot.law.report import DeadlineKey
from bot.letters.answers import summary as answers_summary
from bot.tracking.describe import deadline_label, event_line, exemption_label, history, question_list
from bot.tracking.events import EventKind
from bot.tracking.fold import Folded
from bot.tracking.statuses import STATUS_INFO, status_meaning

if TYPE_CHECKING:
    from bot.tracking.fold import ResponseDetails

log = logging.getLogger(__name__)

Stamp = Callable[[date, str], str]
Clean = Callable[[str | None, int | None], str]

SHOWN_NOTES = 3  # the law engine's caveats shown on `show` (the export has them all)
NOTE_SHOWN_CHARS = 300

# The buttons `show` offers for the next sensible actions (labels fit Discord's 80 characters).
ACTION_LABELS: dict[EventKind, str] = {
    EventKind.RESPONSE: "Record response",
    EventKind.CLARIFICATION_REQUESTED: "Clarification asked",
    EventKind.CLARIFICATION_SENT: "Clarification sent",
    EventKind.EXTENSION: "Extension",
    EventKind.ACKNOWLEDGED: "Acknowledged",
    EventKind.REVIEW_REQUESTED: "Record review request",
    EventKind.REVIEW_RESPONSE: "Record review outcome",
    EventKind.COMPLAINT_MADE: "Complaint made",
    EventKind.REGULATOR_DECISION: "Regulator decided",
    EventKind.PART_WITHDRAWN: "Part withdrawn",
    EventKind.WITHDRAWN: "Withdrawn",
}


def response_summary(details: ResponseDetails) -> str:
    parts = [details.outcome.label]
    if details.exemptions:
        parts.append("cites " + ", ".join(exemption_label(e) for e in details.exemptions))
    if details.unanswered:
        parts.append(f"questions not answered: {question_list(details.unanswered)}")
    if details.answers:
        parts.append(answers_summary(details.answers))
    if details.attachment_missing:
        parts.append("an attachment is missing")
    return "; ".join(parts)


def answers(folded: Folded) -> list[dict[str, str]]:
    """What the response said and, once reviewed, what the review decided."""
    out = []
    if folded.response is not None:
        out.append({"heading": "Response", "text": response_summary(folded.response)})
    if folded.review is not None:
        stands = folded.response is not None and folded.review.outcome is folded.response.outcome
        out.append({"heading": "Review outcome", "text": folded.review.outcome.label + (" (the response stands)" if stands else "")})
    return out


def show_context(
    folded: Folded, *, authority: str, law: Law | str, sent_on: date, reference: str | None, shared: bool,
    stamp: Stamp, clean: Clean,
) -> dict[str, Any]:
    """Everything ``messages/request_show.md.j2`` needs except the timeline (see ``timeline_lines``)."""
    info = STATUS_INFO[folded.shown_status]
    backstop = folded.live.get(DeadlineKey.SCHOOL_BACKSTOP)
    return {
        "status_label": info.label,
        "status_meaning": status_meaning(folded.shown_status, stamp(backstop.due, "D") if backstop else None, str(law)),
        "authority": clean(authority, None),
        "law": regime(Law(law)).short,
        "sent": stamp(sent_on, "D"),
        "reference": clean(reference, None),
        "sharing": "visible to its server" if shared else "private",
        "deadlines": [
            {"label": deadline_label(key, law), "date": stamp(d.due, "D"), "relative": stamp(d.due, "R"),
             "citation": d.citation, "next": key == folded.next_deadline_key}
            for key, d in folded.live.items()
        ],
        "history": history(folded),
        "answers": answers(folded),
        "notes": list(folded.report.notes[:SHOWN_NOTES]),
    }


def timeline_lines(folded: Folded, *, stamp: Stamp, clean: Clean) -> list[dict[str, str]]:
    return [{"date": stamp(e.on, "D"), "line": event_line(e), "note": clean(e.note, NOTE_SHOWN_CHARS)} for e in folded.events]


def list_items(summaries: Iterable[Any], *, stamp: Stamp, clean: Clean) -> list[dict[str, str | None]]:
    """One entry per ``RequestSummary`` for ``messages/request_list.md.j2``."""
    items: list[dict[str, str | None]] = []
    for s in summaries:
        due = s.next_deadline
        label = deadline_label(s.next_deadline_key, s.law) if due else None
        items.append({
            "id": s.public_id, "title": clean(s.title, 80), "authority": clean(s.authority, 60),
            "status": STATUS_INFO[s.status].label,
            "deadline": f"window closed: {label[0].lower()}{label[1:]}" if label and s.lapsed else label,
            "date": stamp(due, "D") if due else "", "relative": stamp(due, "R") if due else "",
        })
    return items
