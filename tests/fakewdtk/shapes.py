"""Alaveteli's JSON shapes, built field for field (mysociety/alaveteli: ``InfoRequest#json_for_api``,
``InfoRequestEvent#json_for_api``, ``PublicBody#json_for_api``, ``User#json_for_api``) and the
``all-authorities.csv`` columns (``lib/public_body_csv.rb``). No message text anywhere: the real
JSON has none."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

CSV_HEADERS = ["Internal ID", "Name", "Short name", "URL name", "Tags", "Home page", "Publication scheme",
               "Disclosure log", "Notes", "Created at", "Updated at", "Version"]


def body(url_name: str, name: str, *, tags: Sequence[str] = (), short_name: str = "", id: int = 1) -> dict[str, Any]:
    return {
        "id": id, "url_name": url_name, "name": name, "short_name": short_name,
        "created_at": "2008-01-01T00:00:00.000+00:00", "updated_at": "2024-01-01T00:00:00.000+00:00",
        "home_page": f"https://{url_name}.example.org", "notes": "", "publication_scheme": "", "disclosure_log": "",
        "tags": list(tags),
        "info": {"requests_count": 10, "requests_successful_count": 3, "requests_not_held_count": 1,
                 "requests_overdue_count": 2, "requests_visible_classified_count": 8},
    }


def event(id: int, event_type: str, at: str, *, described_state: str | None = None, calculated_state: str | None = None,
          incoming_message_id: int | None = None, outgoing_message_id: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": id, "event_type": event_type, "created_at": at, "described_state": described_state,
        "calculated_state": calculated_state, "last_described_at": at if described_state else None,
        "incoming_message_id": incoming_message_id, "outgoing_message_id": outgoing_message_id, "comment_id": None,
    }
    if incoming_message_id is not None or outgoing_message_id is not None:
        out["display_status"] = (calculated_state or "Awaiting classification").replace("_", " ").capitalize()
    return out


def request(id: int, url_title: str, title: str, public_body: dict[str, Any], events: Iterable[dict[str, Any]], *,
            described_state: str = "waiting_response", awaiting_description: bool = False, law_used: str = "foi",
            tags: Sequence[str] = (), user_url_name: str = "jo_bloggs") -> dict[str, Any]:
    events = list(events)
    return {
        "id": id, "url_title": url_title, "title": title,
        "created_at": events[0]["created_at"] if events else "2026-01-05T10:00:00.000+00:00",
        "updated_at": events[-1]["created_at"] if events else "2026-01-05T10:00:00.000+00:00",
        "described_state": described_state, "display_status": described_state.replace("_", " ").capitalize(),
        "awaiting_description": awaiting_description, "prominence": "normal", "law_used": law_used, "tags": list(tags),
        "user": {"id": 7, "url_name": user_url_name, "name": "Jo Bloggs", "ban_text": "", "about_me": ""},
        "public_body": public_body,
        "info_request_events": events,
    }


def user(url_name: str, name: str, about_me: str = "", id: int = 7) -> dict[str, Any]:
    return {"id": id, "url_name": url_name, "name": name, "ban_text": "", "about_me": about_me}


def feed_entry(req: dict[str, Any], event_id: int) -> dict[str, Any]:
    """One item of ``/feed/search/<q>.json``: an event with deep request, body and user."""
    deep = {k: v for k, v in req.items() if k not in ("user", "public_body", "info_request_events")}
    return {**event(event_id, "sent", req["created_at"], described_state="waiting_response"),
            "snippet": "…", "info_request": deep, "public_body": req["public_body"], "user": req["user"]}


def authorities_csv(rows: Iterable[Sequence[Any]], headers: Sequence[str] = CSV_HEADERS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def csv_row(id: int, name: str, url_name: str, *, short_name: str = "", tags: str = "", version: int = 1) -> list[Any]:
    return [id, name, short_name, url_name, tags, f"https://{url_name}.example.org", "", "", "",
            "2008-01-01 00:00:00 +0000", "2024-01-01 00:00:00 +0000", version]
