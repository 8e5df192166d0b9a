"""One polite HTTP client for the sites foibot reads (WhatDoTheyKnow).

WDTK publishes no numeric rate limit and asks automated users to be considerate (its API help
page; research: anchors-turn2 §2.2), so the rules are ours and strict:

* a descriptive ``User-Agent`` naming foibot and the operator's contact (``WDTK_CONTACT``);
* at most one request a second to a site from this process (``min_interval``); the poller's claims
  in the database keep several processes from asking for the same request;
* conditional requests: the ``ETag`` / ``Last-Modified`` of the last answer go back as
  ``If-None-Match`` / ``If-Modified-Since``, and a 304 costs the server nothing; a small in-memory
  cache answers a repeat within ``fresh_for`` seconds without asking at all;
* 429: wait what ``Retry-After`` says (or give up at once, reporting when to come back, if that
  is longer than we are willing to hold a member waiting); 5xx and network failures: a couple of
  retries with doubling pauses, then ``Unavailable``;
* bot protection (a 403 with an HTML page, or the ``cf-mitigated: challenge`` header) is reported
  as ``BotProtected`` and never worked around: no browser impersonation, no retry.

An empty 403 means the page is hidden and a 404 that it is gone or embargoed (Alaveteli's
``application_controller.rb``); both are reported for the caller to explain.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urlsplit

import aiohttp
from multidict import CIMultiDict

from bot.errors import UserError

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/foibot/foibot"
CACHE_ENTRIES = 256
TIMEOUT_SECONDS = 20.0
BODY_MAX = 100 * 1024 * 1024  # the authorities CSV is tens of MB; anything far larger is not what we asked for


class SourceError(UserError):
    """The site did not give us the page; the message says why in words a member can act on."""

    retry_after: float | None = None


class Hidden(SourceError):
    """403 with an empty body: the site's moderators hid the page."""


class Gone(SourceError):
    """404: it does not exist, was removed, or is embargoed (a private WDTK Pro request)."""


class BotProtected(SourceError):
    """The site answered with a bot-protection challenge. We never try to get round one."""


class RateLimited(SourceError):
    """429 with a ``Retry-After`` longer than we wait in line."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(SourceError):
    """5xx, a time-out or a network failure, after the retries."""


class Malformed(SourceError):
    """The answer was not what the site's format promises (e.g. broken JSON)."""


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int  # 200, or 304 when the server confirmed our copy (``body`` is then the cached one)
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    from_cache: bool = False

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Cached:
    body: bytes
    etag: str | None
    last_modified: str | None
    at: float


def user_agent(contact: str, version: str) -> str:
    """``foibot/0.1.0 (+https://…; contact: ops@example.org)``: who we are and how to reach the operator."""
    who = contact.strip() or "operator contact not configured (WDTK_CONTACT)"
    return f"foibot/{version} (+{PROJECT_URL}; a Discord helper for FOI requesters; contact: {who})"


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def _is_challenge(status: int, headers: dict[str, str], body: bytes) -> bool:
    mitigated = str(headers.get("cf-mitigated", "")).lower()
    if mitigated == "challenge":
        return True
    content_type = str(headers.get("Content-Type", "")).lower()
    return status in (403, 503) and bool(body.strip()) and ("html" in content_type or body.lstrip()[:1] == b"<")


class PoliteClient:
    """Polite GETs to one or more sites (see the module docstring). One per process."""

    def __init__(
        self,
        *,
        contact: str,
        version: str = "0.1.0",
        min_interval: float = 1.0,
        fresh_for: float = 60.0,
        max_wait: float = 60.0,
        retries: int = 2,
        backoff_base: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user_agent = user_agent(contact, version)
        self.min_interval = min_interval
        self.fresh_for = fresh_for
        self.max_wait = max_wait
        self.retries = retries
        self.backoff_base = backoff_base
        self.monotonic = monotonic
        self._session: aiohttp.ClientSession | None = None
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self._gates: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}
        self.requests_made = 0
        if not contact.strip():
            log.warning("WDTK_CONTACT is not set: requests to WhatDoTheyKnow carry no contact address for the operator")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                headers={"User-Agent": self.user_agent},
                timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS),
            )
        return self._session

    async def _wait_turn(self, host: str) -> None:
        """Hold the site's gate until ``min_interval`` has passed since our last request to it."""
        gap = self._last.get(host)
        if gap is not None:
            delay = gap + self.min_interval - self.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        self._last[host] = self.monotonic()

    async def get(
        self, url: str, *, accept: str = "application/json", etag: str | None = None, last_modified: str | None = None,
        cache: bool = True, fresh: bool = True,
    ) -> Fetched:
        """GET ``url`` politely; ``etag``/``last_modified`` (stored by the caller) override the cache's.
        ``cache=False`` keeps a large answer (the authorities CSV) out of the in-memory cache;
        ``fresh=False`` (the poller) always asks the site, conditionally, even for a recent copy."""
        cached = self._cache.get(url) if cache else None
        if fresh and cached is not None and self.fresh_for > 0 and self.monotonic() - cached.at < self.fresh_for:
            self._cache.move_to_end(url)
            return Fetched(url, 200, cached.body, cached.etag, cached.last_modified, from_cache=True)
        host = (urlsplit(url).netloc or "").lower()
        gate = self._gates.setdefault(host, asyncio.Lock())
        attempt = 0
        while True:
            headers = {"Accept": accept}
            if_etag = etag or (cached.etag if cached else None)
            if_modified = last_modified or (cached.last_modified if cached else None)
            if cached is not None or etag or last_modified:
                if if_etag:
                    headers["If-None-Match"] = if_etag
                if if_modified:
                    headers["If-Modified-Since"] = if_modified
            async with gate:  # one request at a time per site, at most one a second
                await self._wait_turn(host)
                try:
                    status, resp_headers, body = await self._send(url, headers)
                except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
                    status, resp_headers, body = 0, CIMultiDict(), str(exc).encode()  # type: ignore[assignment]
            if _is_challenge(status, resp_headers, body):
                log.warning("%s answered with a bot-protection challenge (HTTP %s); not retrying", url, status)
                raise BotProtected(
                    "WhatDoTheyKnow's bot protection stopped foibot from reading that page, and foibot never tries "
                    "to get round it. Track the request by hand with /request log; nothing is lost."
                )
            if status == 304:
                body_304 = cached.body if cached is not None else b""
                self._remember(url, body_304, if_etag, if_modified)
                return Fetched(url, 304, body_304, if_etag, if_modified)
            if 200 <= status < 300:
                new_etag = resp_headers.get("ETag")
                new_modified = resp_headers.get("Last-Modified")
                if cache:
                    self._remember(url, body, new_etag, new_modified)
                return Fetched(url, status, body, new_etag, new_modified)
            if status == 403:
                raise Hidden("WhatDoTheyKnow hides that page (its moderators can hide a request), so foibot can't read it.")
            if status in (404, 410):
                raise Gone(
                    "WhatDoTheyKnow has no public page there: check the link. A private (embargoed) WhatDoTheyKnow Pro "
                    "request can't be read by foibot until it is published."
                )
            wait = self._retry_wait(status, resp_headers, attempt)
            if wait is None:
                raise self._give_up(url, status, resp_headers, body)
            attempt += 1
            log.info("%s: HTTP %s, retry %d in %.1f s", url, status or "error", attempt, wait)
            await asyncio.sleep(wait)

    async def _send(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.requests_made += 1
        async with self._http().get(url, headers=headers, allow_redirects=True) as response:
            body = await response.content.read(BODY_MAX + 1)
            if len(body) > BODY_MAX:
                raise Malformed(f"{url} sent more than {BODY_MAX // (1024 * 1024)} MB; that is not the page foibot expects.")
            return response.status, CIMultiDict(response.headers), body  # type: ignore[return-value]

    def _retry_wait(self, status: int, headers: dict[str, str], attempt: int) -> float | None:
        if status == 429:
            after = retry_after_seconds(headers.get("Retry-After"))
            wait = after if after is not None else self.backoff_base * 2**attempt
            return wait if attempt < self.retries and wait <= self.max_wait else None
        if status == 0 or status >= 500:
            return self.backoff_base * 2**attempt if attempt < self.retries else None
        return None

    def _give_up(self, url: str, status: int, headers: dict[str, str], body: bytes) -> SourceError:
        if status == 429:
            after = retry_after_seconds(headers.get("Retry-After"))
            log.warning("%s: still rate limited (retry after %s s); giving up for now", url, after)
            return RateLimited("WhatDoTheyKnow asked foibot to slow down: try again in a few minutes.", after)
        if status == 0 or status >= 500:
            log.warning("%s: unavailable (%s)", url, body[:200].decode("utf-8", "replace") if status == 0 else f"HTTP {status}")
            return Unavailable("WhatDoTheyKnow is not answering just now: try again later.")
        return Unavailable(f"WhatDoTheyKnow answered HTTP {status} for that page: check the link, or try again later.")

    def _remember(self, url: str, body: bytes, etag: str | None, last_modified: str | None) -> None:
        self._cache[url] = _Cached(body, etag, last_modified, self.monotonic())
        self._cache.move_to_end(url)
        while len(self._cache) > CACHE_ENTRIES:
            self._cache.popitem(last=False)
