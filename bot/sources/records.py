"""WhatDoTheyKnow's JSON as typed records (pure: no network, no database).

Shapes are Alaveteli's own (``mysociety/alaveteli``): a request is ``InfoRequest#json_for_api(true)``
(``id, url_title, title, created_at, updated_at, described_state, display_status,
awaiting_description, prominence, law_used, tags``, ``user`` or ``user_name``, ``public_body`` and
``info_request_events``); an event is ``InfoRequestEvent#json_for_api(false)`` (``id, event_type,
created_at, described_state, calculated_state, last_described_at, incoming_message_id,
outgoing_message_id, comment_id``; no message text, no due date); a body is
``PublicBody#json_for_api``; a user ``User#json_for_api`` (``id, url_name, name, ban_text,
about_me``). Anything that does not fit becomes ``Malformed``, with the field named.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from bot.clock import UK
from bot.sources.polite import Malformed

log = logging.getLogger(__name__)

FINISHED_STATES = frozenset({
    # Over for good (Alaveteli's info_request/state.rb): polling stops. A refusal or a partial
    # answer is not here: an internal review may follow, and its outcome is worth hearing about.
    "successful", "not_held", "user_withdrawn", "vexatious", "not_foi",
})


@dataclass(frozen=True)
class WdtkBody:
    id: int | None
    url_name: str
    name: str
    short_name: str
    tags: tuple[str, ...]
    home_page: str = ""
    notes: str = ""
    publication_scheme: str = ""
    disclosure_log: str = ""


@dataclass(frozen=True)
class WdtkEvent:
    id: int
    event_type: str
    created_at: datetime
    described_state: str | None
    calculated_state: str | None
    incoming_message_id: int | None
    outgoing_message_id: int | None

    @property
    def on(self) -> date:
        """The UK day it happened: deadlines count UK working days."""
        return self.created_at.astimezone(UK).date()

    @property
    def state(self) -> str | None:
        """What the event was classified as (``calculated_state`` propagates a later status update
        back onto the response it describes; see ``InfoRequest#calculate_event_states``)."""
        return self.calculated_state or self.described_state


@dataclass(frozen=True)
class WdtkRequest:
    id: int
    url_title: str
    title: str
    described_state: str
    awaiting_description: bool
    prominence: str
    law_used: str
    tags: tuple[str, ...]
    user_url_name: str | None
    public_body: WdtkBody
    events: tuple[WdtkEvent, ...]

    @property
    def finished(self) -> bool:
        return self.described_state in FINISHED_STATES and not self.awaiting_description


def parse_json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Malformed(f"WhatDoTheyKnow sent something that is not JSON for {what}: try again later.") from None


def _field(data: Mapping[str, Any], name: str, kind: type | tuple[type, ...], what: str, *, optional: bool = False) -> Any:
    value = data.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise Malformed(f"WhatDoTheyKnow's answer for {what} has no valid `{name}`: foibot can't read it.")
    return value


def _instant(value: Any, what: str) -> datetime:
    if not isinstance(value, str):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} has an event without a valid `created_at`.")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Malformed(f"WhatDoTheyKnow's answer for {what} has a date foibot can't read: {value[:40]!r}.") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _tags(value: Any) -> tuple[str, ...]:
    # tag_array: ["school", "wikidata:Q1"] (or, in older dumps, [["school", ""], ...])
    out: list[str] = []
    for tag in value or ():
        if isinstance(tag, str):
            out.append(tag)
        elif isinstance(tag, (list, tuple)) and tag and isinstance(tag[0], str):
            out.append(tag[0] if len(tag) < 2 or not tag[1] else f"{tag[0]}:{tag[1]}")
    return tuple(out)


def parse_body(data: Any, what: str = "the authority") -> WdtkBody:
    if not isinstance(data, Mapping):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} is not an object.")
    return WdtkBody(
        id=data.get("id") if isinstance(data.get("id"), int) else None,
        url_name=_field(data, "url_name", str, what),
        name=_field(data, "name", str, what),
        short_name=data.get("short_name") or "",
        tags=_tags(data.get("tags")),
        home_page=data.get("home_page") or "",
        notes=data.get("notes") or "",
        publication_scheme=data.get("publication_scheme") or "",
        disclosure_log=data.get("disclosure_log") or "",
    )


def parse_event(data: Any, what: str) -> WdtkEvent:
    if not isinstance(data, Mapping):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} has an event that is not an object.")
    return WdtkEvent(
        id=_field(data, "id", int, what),
        event_type=_field(data, "event_type", str, what),
        created_at=_instant(data.get("created_at"), what),
        described_state=_field(data, "described_state", str, what, optional=True),
        calculated_state=_field(data, "calculated_state", str, what, optional=True),
        incoming_message_id=_field(data, "incoming_message_id", int, what, optional=True),
        outgoing_message_id=_field(data, "outgoing_message_id", int, what, optional=True),
    )


def parse_request(data: Any, what: str = "the request") -> WdtkRequest:
    if not isinstance(data, Mapping):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} is not an object.")
    events = data.get("info_request_events")
    if not isinstance(events, list):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} has no `info_request_events`.")
    user = data.get("user")
    return WdtkRequest(
        id=_field(data, "id", int, what),
        url_title=_field(data, "url_title", str, what),
        title=_field(data, "title", str, what),
        described_state=_field(data, "described_state", str, what),
        awaiting_description=bool(data.get("awaiting_description")),
        prominence=data.get("prominence") or "normal",
        law_used=data.get("law_used") or "foi",
        tags=_tags(data.get("tags")),
        user_url_name=user.get("url_name") if isinstance(user, Mapping) and isinstance(user.get("url_name"), str) else None,
        public_body=parse_body(data.get("public_body"), what),
        events=tuple(sorted((parse_event(e, what) for e in events), key=lambda e: (e.created_at, e.id))),
    )


@dataclass(frozen=True)
class WdtkUser:
    id: int | None
    url_name: str
    name: str
    about_me: str


def parse_user(data: Any, what: str = "the profile") -> WdtkUser:
    if not isinstance(data, Mapping):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} is not an object.")
    return WdtkUser(
        id=data.get("id") if isinstance(data.get("id"), int) else None,
        url_name=_field(data, "url_name", str, what),
        name=_field(data, "name", str, what),
        about_me=data.get("about_me") or "",
    )


@dataclass(frozen=True)
class WdtkListed:
    """One of a member's requests as the feed search lists it."""

    url_title: str
    title: str
    described_state: str
    body_name: str


def parse_feed_page(data: Any, what: str = "the list of requests") -> list[WdtkListed]:
    """``/feed/search/<q>.json``: an array of ``event.json_for_api(true, snippet)``, each with a deep
    ``info_request`` and ``public_body`` (track_controller.rb)."""
    if not isinstance(data, list):
        raise Malformed(f"WhatDoTheyKnow's answer for {what} is not a list.")
    out: list[WdtkListed] = []
    for item in data:
        if not isinstance(item, Mapping) or not isinstance(item.get("info_request"), Mapping):
            raise Malformed(f"WhatDoTheyKnow's answer for {what} has an entry without its request.")
        request = item["info_request"]
        body = item.get("public_body") if isinstance(item.get("public_body"), Mapping) else {}
        out.append(WdtkListed(
            url_title=_field(request, "url_title", str, what),
            title=_field(request, "title", str, what),
            described_state=request.get("described_state") or "",
            body_name=body.get("name") or "",
        ))
    return out
