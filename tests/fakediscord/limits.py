"""Discord's limits on a message body, as the fake enforces them (400 / 50035 "Invalid Form Body").

A bot that sends a 2100-character letter inline works against a lax fake and fails in production;
these checks make it fail in the tests instead. Limits: https://discord.com/developers/docs/resources/message
(content 2000; up to 10 embeds, 6000 characters in all; title 256, description 4096, 25 fields,
field name 256 and value 1024, footer 2048, author name 256) and the interaction docs (up to 25
autocomplete choices; a modal has a title of at most 45 characters and 1-5 top-level components).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

EMBED_FIELD_LIMITS = (("title", 256), ("description", 4096))


def message_errors(body: dict[str, Any], *, uploads: int, existing_attachments: int = 0) -> tuple[int, dict[str, Any]] | None:
    """(Discord error code, errors object) when ``body`` breaks a limit, else None."""
    errors: dict[str, Any] = {}
    content = body.get("content") or ""
    if len(content) > 2000:
        add_error(errors, ["content"], "BASE_TYPE_MAX_LENGTH", f"Must be 2000 or fewer in length (got {len(content)}).")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        add_error(errors, ["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    for index, embed in enumerate(embeds):
        where = ["embeds", str(index)]
        for key, limit in EMBED_FIELD_LIMITS:
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                add_error(errors, [*where, key], "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length (got {len(text)}).")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            add_error(errors, [*where, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for f_index, fld in enumerate(fields):
            name, value = fld.get("name") or "", fld.get("value") or ""
            total += len(name) + len(value)
            if not name or len(name) > 256:
                add_error(errors, [*where, "fields", str(f_index), "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 256 in length.")
            if not value or len(value) > 1024:
                add_error(errors, [*where, "fields", str(f_index), "value"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 1024 in length.")
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        total += len(footer) + len(author)
        if len(footer) > 2048:
            add_error(errors, [*where, "footer", "text"], "BASE_TYPE_MAX_LENGTH", "Must be 2048 or fewer in length.")
        if len(author) > 256:
            add_error(errors, [*where, "author", "name"], "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.")
    if total > 6000:
        add_error(errors, ["embeds"], "MESSAGE_EMBEDS_TOO_LARGE", f"Embed size exceeds maximum size of 6000 (got {total}).")
    if len(body.get("components") or []) > 40:
        add_error(errors, ["components"], "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.")
    if errors:
        return 50035, errors
    if not (content or embeds or body.get("components") or body.get("sticker_ids") or body.get("poll") or uploads or existing_attachments):
        return 50006, {}
    return None


def choices_errors(data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    choices = data.get("choices") or []
    if len(choices) > 25:
        add_error(errors, ["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    for index, choice in enumerate(choices):
        if not 1 <= len(str(choice.get("name", ""))) <= 100:
            add_error(errors, ["data", "choices", str(index), "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    return errors


def modal_errors(data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    if not data.get("custom_id") or len(data["custom_id"]) > 100:
        add_error(errors, ["data", "custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    if not 1 <= len(data.get("title") or "") <= 45:
        add_error(errors, ["data", "title"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.")
    if not 1 <= len(data.get("components") or []) <= 5:
        add_error(errors, ["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
    return errors


def add_error(errors: dict[str, Any], path: list[str], code: str, message: str) -> None:
    node = errors
    for key in path:
        node = node.setdefault(key, {})
    node.setdefault("_errors", []).append({"code": code, "message": message})
