"""``foibot deadline --timeline FILE``: a request's whole timeline, read from JSON, through the fold.

The file is what `/request export` writes (``bot.services.export``): ``{"requests": [{"id", "law",
"authority": {"division"}, "school", "events": [{"kind", "date", "note", "details"}], ...}]}``; one
request object of that shape, or a bare list of events (then ``--law`` and ``--division`` say the
rest), is accepted too. The events go through the same fold the bot uses, so the deadlines printed
are the ones the bot shows and exports. Every refusal is one line saying what to fix.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.errors import BadInput, InvalidTransition
from bot.law.deadlines import RequestFacts
from bot.law.explain import KEY_TITLES, title
from bot.law.regimes import Division, Law
from bot.tracking import fold
from bot.tracking.events import EventKind
from bot.tracking.fold import Folded, TimelineEvent
from bot.tracking.text import member_json, member_text

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20_000_000  # an export of thousands of requests is a few MB; refuse anything absurd


@dataclass(frozen=True)
class TimelineRequest:
    public_id: str | None
    base: RequestFacts
    events: tuple[TimelineEvent, ...]


def _load(path: str) -> Any:
    file = Path(path)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise BadInput(f"--timeline: {path} is larger than {MAX_FILE_BYTES // 1_000_000} MB; give one request's timeline.")
        return member_json(json.loads(file.read_text(encoding="utf-8")))  # the one cleaner for every text in it
    except FileNotFoundError:
        raise BadInput(f"--timeline: no file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"--timeline: can't read {path}: {exc}.") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"--timeline: {path} is not JSON (line {exc.lineno}: {exc.msg}).") from None


def _iso(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BadInput(f"--timeline: {where} has date {str(value)[:30]!r}; dates there are YYYY-MM-DD.") from None


def _events(raw: Any, where: str) -> tuple[TimelineEvent, ...]:
    if not isinstance(raw, list):
        raise BadInput(f"--timeline: {where} needs a list of events.")
    events = []
    for seq, item in enumerate(raw):
        at = f"{where} event {seq + 1}"
        if not isinstance(item, Mapping) or "kind" not in item or "date" not in item:
            raise BadInput(f"--timeline: {at} needs a kind and a date.")
        try:
            kind = EventKind(item["kind"])
        except ValueError:
            known = ", ".join(k.value for k in EventKind)
            raise BadInput(f"--timeline: {at} has kind {str(item['kind'])[:30]!r}; known kinds: {known}.") from None
        details = item.get("details") or item.get("data") or {}
        if not isinstance(details, Mapping):
            raise BadInput(f"--timeline: {at} has details that are not an object.")
        events.append(TimelineEvent(kind, _iso(item["date"], at), dict(details), item.get("note"), seq))
    return tuple(events)


def _enum(cls: type, value: Any, what: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(v.value for v in cls)  # type: ignore[attr-defined]
        raise BadInput(f"--timeline: {what} {str(value)[:30]!r} is not one of {choices}.") from None


def _request(item: Mapping[str, Any], where: str) -> TimelineRequest:
    if "law" not in item:
        raise BadInput(f"--timeline: {where} has no law.")
    authority = item.get("authority") or {}
    division = authority.get("division") if isinstance(authority, Mapping) else None
    base = RequestFacts(
        law=_enum(Law, item["law"], "law"),
        division=_enum(Division, division or Division.ENGLAND_AND_WALES.value, "division"),
        school=bool(item.get("school", False)),
    )
    return TimelineRequest(_public_id(item), base, _events(item.get("events", []), where))


def _public_id(item: Mapping[str, Any]) -> str | None:
    """The request's id as one line of text (an export writes "R7K3Q"; a hand-made file may hold anything)."""
    return member_text(str(item.get("id") or "")) or None


def read_timelines(path: str, *, law: str | None, division: str | None, school: bool, request_id: str | None) -> list[TimelineRequest]:
    """The requests in the file at ``path`` (only ``request_id`` when given)."""
    data = _load(path)
    if isinstance(data, list):  # a bare list of events: the flags say the law
        if law is None:
            raise BadInput("--timeline: a list of events needs --law (and --division) to go with it.")
        base = RequestFacts(Law(law), Division(division or Division.ENGLAND_AND_WALES.value), school=school)
        return [TimelineRequest(None, base, _events(data, "the timeline"))]
    if not isinstance(data, Mapping):
        raise BadInput("--timeline: the file must hold an export, one request, or a list of events.")
    items = data.get("requests") if "requests" in data else [data]
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise BadInput("--timeline: \"requests\" must be a list of request objects.")
    requests = [_request(item, f"request {_public_id(item) or n + 1}") for n, item in enumerate(items)]
    if request_id is not None:
        wanted = member_text(request_id).upper()
        requests = [r for r in requests if (r.public_id or "").upper() == wanted]
        if not requests:
            raise BadInput(f"--request: no request {request_id[:20]!r} in {path}.")
    if not requests:
        raise BadInput(f"--timeline: {path} holds no requests.")
    return requests


def fold_timeline(item: TimelineRequest, today: date) -> Folded:
    try:
        return fold(item.base, item.events, today)
    except InvalidTransition as exc:
        where = f"request {item.public_id}: " if item.public_id else ""
        raise BadInput(f"--timeline: {where}{exc.message}") from None


def folded_json(item: TimelineRequest, folded: Folded) -> dict[str, Any]:
    """The deadlines that apply at the request's stage, in the shape ``deadline --json`` prints
    (top-level ISO dates, then each named with its rule), plus the status."""
    law = folded.facts.law
    out: dict[str, Any] = {key: d.due.isoformat() for key, d in folded.live.items()}
    out["deadlines"] = {
        key: {"date": d.due.isoformat(), "title": title(key, law), "rule": d.rule, "citation": d.citation}
        for key, d in folded.live.items()
    }
    out["notes"] = list(folded.report.notes)
    out["basis"] = list(folded.report.basis)
    out["status"] = folded.shown_status.value
    out["stage"] = folded.stage.value
    if item.public_id:
        out["id"] = item.public_id
    return out


__all__ = ["KEY_TITLES", "TimelineRequest", "fold_timeline", "folded_json", "read_timelines"]
