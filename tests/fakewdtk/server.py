"""The fake WhatDoTheyKnow server: the real endpoints' paths, bodies, error shapes and validators.

    fake = FakeWdtk(); await fake.start()          # fake.base_url -> http://127.0.0.1:<port>
    fake.requests["slug"] = shapes.request(...)    # served at /request/slug.json (with an ETag)
    fake.behave("slug", "hidden")                  # 403 with an empty body (a hidden request)
    fake.behave("slug", "embargoed")               # 404 (an embargoed Pro request raises RecordNotFound)
    fake.behave("slug", "challenge")               # 403, HTML "Just a moment…", cf-mitigated: challenge
    fake.behave("slug", "malformed")               # 200 with broken JSON
    fake.slow_down(times=1, retry_after=1)         # the next request(s) get 429 with Retry-After
    fake.fail(times=2, status=503)                 # the next request(s) get a 5xx

Every request is recorded in ``fake.hits`` (path, headers, monotonic time, status), so tests can
assert the User-Agent, the rate and the back-off. Error shapes: Alaveteli's
``application_controller.rb`` (hidden -> 403 with an empty body for JSON; not found -> 404).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

CHALLENGE_PAGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                  b"<body>Checking your browser before accessing whatdotheyknow.com.</body></html>")


@dataclass(frozen=True)
class Hit:
    path: str
    query: str
    headers: dict[str, str]
    at: float
    status: int


@dataclass
class _Trouble:
    times: int
    status: int
    retry_after: float | None = None


@dataclass
class FakeWdtk:
    requests: dict[str, dict[str, Any]] = field(default_factory=dict)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    feeds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # query -> every entry (paged by 25)
    authorities_csv: bytes = b""
    hits: list[Hit] = field(default_factory=list)
    behaviours: dict[str, str] = field(default_factory=dict)
    etags: bool = True

    def __post_init__(self) -> None:
        self._troubles: list[_Trouble] = []
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.changed = asyncio.Event()

    # -- control ---------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def behave(self, slug: str, how: str) -> None:
        assert how in ("hidden", "embargoed", "challenge", "malformed", "normal")
        self.behaviours[slug] = how

    def slow_down(self, *, times: int = 1, retry_after: float | None = 1) -> None:
        self._troubles.append(_Trouble(times, 429, retry_after))

    def fail(self, *, times: int = 1, status: int = 503) -> None:
        self._troubles.append(_Trouble(times, status))

    def request_hits(self, slug: str) -> list[Hit]:
        return [h for h in self.hits if h.path == f"/request/{slug}.json"]

    def add_event(self, slug: str, event: dict[str, Any], *, described_state: str | None = None,
                  awaiting_description: bool | None = None) -> None:
        req = self.requests[slug]
        req["info_request_events"].append(event)
        req["updated_at"] = event["created_at"]
        if described_state is not None:
            req["described_state"] = described_state
        if awaiting_description is not None:
            req["awaiting_description"] = awaiting_description

    # -- server ----------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/request/{slug}", self._request)
        app.router.add_get("/user/{name}", self._user)
        app.router.add_get("/feed/search/{query}", self._feed)
        app.router.add_get("/body/all-authorities.csv", self._csv)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def _record(self, request: web.Request, status: int) -> None:
        self.hits.append(Hit(request.path, request.query_string, dict(request.headers), time.monotonic(), status))
        self.changed.set()

    def _trouble(self, request: web.Request) -> web.Response | None:
        while self._troubles and self._troubles[0].times <= 0:
            self._troubles.pop(0)
        if not self._troubles:
            return None
        trouble = self._troubles[0]
        trouble.times -= 1
        headers = {"Retry-After": str(int(trouble.retry_after))} if trouble.retry_after is not None else {}
        self._record(request, trouble.status)
        return web.Response(status=trouble.status, text="Too many requests" if trouble.status == 429 else "Server error",
                            headers=headers)

    def _json(self, request: web.Request, payload: Any, *, last_modified: str | None = None) -> web.Response:
        body = json.dumps(payload).encode()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if self.etags and request.headers.get("If-None-Match") == etag:
            self._record(request, 304)
            return web.Response(status=304, headers={"ETag": etag})
        self._record(request, 200)
        headers = {"ETag": etag} if self.etags else {}
        return web.Response(body=body, content_type="application/json", headers=headers)

    async def _request(self, request: web.Request) -> web.Response:
        trouble = self._trouble(request)
        if trouble is not None:
            return trouble
        slug = request.match_info["slug"]
        if not slug.endswith(".json"):
            self._record(request, 404)
            return web.Response(status=404, text="only the JSON is faked")
        slug = slug[: -len(".json")]
        how = self.behaviours.get(slug, "normal")
        if how == "hidden":
            self._record(request, 403)
            return web.Response(status=403, body=b"", content_type="application/json")
        if how == "embargoed" or (how == "normal" and slug not in self.requests):
            self._record(request, 404)
            return web.Response(status=404, body=b"", content_type="application/json")
        if how == "challenge":
            self._record(request, 403)
            return web.Response(status=403, body=CHALLENGE_PAGE, content_type="text/html", headers={"cf-mitigated": "challenge"})
        if how == "malformed":
            self._record(request, 200)
            return web.Response(body=b'{"id": 1, "title": "half a', content_type="application/json")
        return self._json(request, self.requests[slug])

    async def _user(self, request: web.Request) -> web.Response:
        trouble = self._trouble(request)
        if trouble is not None:
            return trouble
        name = request.match_info["name"].removesuffix(".json")
        if name not in self.users:
            self._record(request, 404)
            return web.Response(status=404, body=b"", content_type="application/json")
        return self._json(request, self.users[name])

    async def _feed(self, request: web.Request) -> web.Response:
        trouble = self._trouble(request)
        if trouble is not None:
            return trouble
        query = request.match_info["query"].removesuffix(".json")
        page = int(request.query.get("page", "1"))
        entries = self.feeds.get(query, [])
        return self._json(request, entries[(page - 1) * 25: page * 25])

    async def _csv(self, request: web.Request) -> web.Response:
        trouble = self._trouble(request)
        if trouble is not None:
            return trouble
        self._record(request, 200)
        return web.Response(body=self.authorities_csv, content_type="text/csv")
