"""The WhatDoTheyKnow reader: its few public endpoints, through the polite client.

Endpoints (Alaveteli's ``config/routes.rb``; research: anchors-turn2 §2.1):
``/request/<url_title>.json``, ``/user/<url_name>.json``, ``/feed/search/<query>.json`` (25 per
page, ``?page=N``) and ``/body/all-authorities.csv``. ``robots.txt`` does not disallow the request
and user JSON; the feed is used only for "import mine", which a member starts by hand.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

from bot.sources.polite import Fetched, PoliteClient
from bot.sources.records import (
    WdtkListed,
    WdtkRequest,
    WdtkUser,
    parse_feed_page,
    parse_json,
    parse_request,
    parse_user,
)
from bot.sources.urls import DEFAULT_BASE_URL

log = logging.getLogger(__name__)

FEED_PAGE_SIZE = 25  # application_controller.rb: the feed's per-page count
FEED_PAGES_MAX = 20  # 500 requests: the HTML search's own cap (general_controller.rb MAX_RESULTS)


@dataclass(frozen=True)
class RequestRead:
    """A request as read now; ``request`` is None when the server said "not modified"."""

    request: WdtkRequest | None
    etag: str | None
    last_modified: str | None


class WdtkClient:
    def __init__(self, http: PoliteClient, base_url: str = DEFAULT_BASE_URL) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")

    async def close(self) -> None:
        await self.http.close()

    def _url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    async def read_request(self, slug: str, *, etag: str | None = None, last_modified: str | None = None,
                           fresh: bool = True) -> RequestRead:
        """``/request/<slug>.json``; given the stored validators, a 304 gives ``request=None``.
        ``fresh=False``: always ask the site (conditionally), never the in-memory copy."""
        fetched = await self.http.get(self._url(f"/request/{quote(slug)}.json"), etag=etag, last_modified=last_modified,
                                      fresh=fresh)
        if fetched.not_modified and (etag or last_modified):
            return RequestRead(None, fetched.etag, fetched.last_modified)
        return RequestRead(self._request(fetched, slug), fetched.etag, fetched.last_modified)

    async def request(self, slug: str) -> WdtkRequest:
        read = await self.read_request(slug)
        assert read.request is not None
        return read.request

    def _request(self, fetched: Fetched, slug: str) -> WdtkRequest:
        return parse_request(parse_json(fetched.body, f"request {slug}"), f"request {slug}")

    async def user(self, url_name: str, *, fresh: bool = True) -> WdtkUser:
        fetched = await self.http.get(self._url(f"/user/{quote(url_name)}.json"), fresh=fresh)
        return parse_user(parse_json(fetched.body, f"profile {url_name}"), f"profile {url_name}")

    async def requests_by(self, url_name: str, *, pages: int = FEED_PAGES_MAX) -> list[WdtkListed]:
        """The requests a user made, newest first, one entry per request (the feed lists events)."""
        seen: dict[str, WdtkListed] = {}
        query = quote(f"requested_by:{url_name}", safe=":")
        for page in range(1, pages + 1):
            fetched = await self.http.get(self._url(f"/feed/search/{query}.json?page={page}"))
            listed = parse_feed_page(parse_json(fetched.body, "the list of requests"))
            for item in listed:
                seen.setdefault(item.url_title, item)
            if len(listed) < FEED_PAGE_SIZE:
                break
        return list(seen.values())

    async def authorities_csv(self, url: str | None = None) -> bytes:
        fetched = await self.http.get(url or self._url("/body/all-authorities.csv"), accept="text/csv", cache=False)
        return fetched.body
