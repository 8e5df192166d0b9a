"""Discord's wire format for the fake: JSON and error responses, request bodies (JSON or
multipart with ``payload_json`` and ``files[n]``), message bodies applied to a message, and the
429 that discord.py honours.

discord.py compares the response's content type exactly (``http.py: json_or_text``), reads the
error body's ``code`` and ``errors`` (``errors.py: HTTPException``), and treats a 429 without a
``Via`` header as a Cloudflare ban rather than a rate limit.
"""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.fakediscord.models import EPHEMERAL, FakeFile, FakeMessage

if TYPE_CHECKING:
    from tests.fakediscord.server import FakeDiscord
    from tests.fakediscord.interactions import InteractionRecord

log = logging.getLogger(__name__)


@dataclass
class RequestRecord:
    """One HTTP request the fake received (route is the template, e.g. "POST /channels/{channel_id}/messages")."""

    method: str
    path: str
    route: str
    json: Any = None
    files: list[FakeFile] = field(default_factory=list)
    query: dict[str, str] = field(default_factory=dict)
    status: int = 0
    body_text: str = ""
    # When it arrived (``time.time()``, comparable with the bot's clock on this machine) and its
    # headers (e.g. ``User-Agent``), for tests that need to know when and from whom.
    at: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        # Interaction tokens are 64 characters of noise: keep enough to tell them apart.
        path = "/".join(p if len(p) < 40 else p[:8] + "..." for p in self.path.split("?")[0].split("/"))
        return f"{self.method} {path} -> {self.status}"


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON with a bare ``application/json`` content type: discord.py's ``json_or_text`` compares it
    exactly, and aiohttp's ``json_response`` would append "; charset=utf-8"."""
    return web.Response(body=json.dumps(body).encode(), status=status,
                        headers={"Content-Type": "application/json", **(headers or {})})


def error(status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return json_response(body, status=status)


def apply_body(fake: FakeDiscord, msg: FakeMessage, body: dict[str, Any], files: list[FakeFile], *, settable: int) -> None:
    """Apply a create/edit body to ``msg``; keeps the old state in ``msg.history``."""
    creating = msg.version == 0 and not msg.loading
    if not creating:
        msg.history.append(msg.snapshot())
    msg.version += 1
    if "content" in body:
        msg.content = body["content"] or ""
    if "embeds" in body:
        msg.embeds = body["embeds"] or []
    if "components" in body:
        msg.components = body["components"] or []
    if creating:
        msg.flags = (body.get("flags") or 0) & settable
    else:
        # Ephemeral is fixed when the message (or its deferred placeholder) is made; an edit or
        # the first followup after a defer only clears "loading".
        others = (body.get("flags") or 0) if "flags" in body else msg.flags
        msg.flags = (msg.flags & EPHEMERAL) | (others & settable & ~EPHEMERAL)
    if "attachments" in body:
        existing = {f.id: f for f in msg.attachments}
        kept: list[FakeFile] = []
        for item in body["attachments"] or []:
            ident = int(item["id"])
            if ident in existing:
                kept.append(existing[ident])
            elif 0 <= ident < len(files):
                upload = files[ident]
                upload.filename = item.get("filename") or upload.filename
                upload.description = item.get("description")
                kept.append(fake.upload(upload))
        msg.attachments = kept
    elif files:
        msg.attachments = [*msg.attachments, *(fake.upload(f) for f in files)]


def callback_payload(ix: InteractionRecord, target: FakeMessage | None) -> dict[str, Any]:
    assert ix.callback is not None
    interaction: dict[str, Any] = {"id": str(ix.id), "type": ix.type}
    resource: dict[str, Any] = {"type": ix.callback.type}
    if target is not None:
        interaction.update(
            response_message_id=str(target.id),
            response_message_loading=target.loading,
            response_message_ephemeral=target.ephemeral,
        )
        resource["message"] = target.payload()
    return {"interaction": interaction, "resource": resource}


def invalid(problem: tuple[int, dict[str, Any]], prefix: str | None = None) -> web.Response:
    code, errors = problem
    if code == 50006:
        return error(400, 50006, "Cannot send an empty message")
    return error(400, code, "Invalid Form Body", {prefix: errors} if prefix else errors)


async def read_body(request: web.Request, record: RequestRecord) -> None:
    """JSON bodies into ``record.json``; multipart (payload_json + files[n]) into json + files."""
    if not request.can_read_body:
        return
    if request.content_type.startswith("multipart/"):
        texts: list[str] = []
        reader = await request.multipart()
        async for part in reader:
            name = getattr(part, "name", None)
            data = await part.read(decode=False)  # type: ignore[union-attr]
            if name == "payload_json":
                texts.append(data.decode("utf-8"))
                record.json = json.loads(data)
            elif getattr(part, "filename", None):
                record.files.append(FakeFile(part.filename, bytes(data), part.headers.get("Content-Type")))  # type: ignore[union-attr]
                texts.append(bytes(data).decode("utf-8", errors="replace"))
        record.body_text = "\n".join(texts)
        return
    raw = await request.read()
    record.body_text = raw.decode("utf-8", errors="replace")
    if raw:
        try:
            record.json = json.loads(raw)
        except ValueError:
            record.json = None


def rate_limit_response(retry_after: float, *, is_global: bool, bucket: str) -> web.Response:
    """429 with the headers discord.py reads: without ``Via`` it assumes a Cloudflare ban (http.py)."""
    headers = {
        "Via": "1.1 google",
        "Retry-After": str(math.ceil(retry_after)),
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
        "X-RateLimit-Reset-After": f"{retry_after:.3f}",
        "X-RateLimit-Bucket": bucket,
        "X-RateLimit-Scope": "global" if is_global else "user",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global, "code": 0}
    return json_response(body, status=429, headers=headers)
