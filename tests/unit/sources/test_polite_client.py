"""The WDTK client's manners, asserted on the wire of a fake WhatDoTheyKnow (tests/fakewdtk)."""

from __future__ import annotations

import pytest

from bot.sources.polite import BotProtected, Gone, Hidden, Malformed, PoliteClient, RateLimited, Unavailable
from bot.sources.wdtk import WdtkClient
from tests.fakewdtk import FakeWdtk, shapes

BODY = shapes.body("home_office", "Home Office", short_name="HO")


def _add(fake: FakeWdtk, slug: str) -> None:
    fake.requests[slug] = shapes.request(1, slug, f"About {slug}", BODY, [
        shapes.event(1, "sent", "2026-01-05T10:00:00.000+00:00", described_state="waiting_response", outgoing_message_id=1),
    ])


def client(fake: FakeWdtk, **kwargs: float) -> WdtkClient:
    settings = {"min_interval": 0.3, "fresh_for": 0.0, "backoff_base": 0.1, **kwargs}
    return WdtkClient(PoliteClient(contact="ops@example.org", **settings), fake.base_url)  # type: ignore[arg-type]


async def test_every_request_names_foibot_and_the_operators_contact(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    wdtk = client(fake_wdtk)
    try:
        read = await wdtk.request("a")
    finally:
        await wdtk.close()
    assert read.title == "About a"
    agent = fake_wdtk.hits[0].headers["User-Agent"]
    assert agent.startswith("foibot/") and "contact: ops@example.org" in agent


async def test_requests_to_the_site_are_spaced_by_the_minimum_interval(fake_wdtk: FakeWdtk) -> None:
    for slug in "abcd":
        _add(fake_wdtk, slug)
    wdtk = client(fake_wdtk, min_interval=0.3)
    try:
        import asyncio

        await asyncio.gather(*(wdtk.request(slug) for slug in "abcd"))  # asked for at once
    finally:
        await wdtk.close()
    times = [h.at for h in fake_wdtk.hits]
    assert len(times) == 4
    assert all(later - earlier >= 0.29 for earlier, later in zip(times, times[1:]))


async def test_a_429_waits_as_long_as_retry_after_says_then_succeeds(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    fake_wdtk.slow_down(times=1, retry_after=1)
    wdtk = client(fake_wdtk, min_interval=0.0)
    try:
        read = await wdtk.request("a")
    finally:
        await wdtk.close()
    assert read.url_title == "a"
    assert [h.status for h in fake_wdtk.hits] == [429, 200]
    assert fake_wdtk.hits[1].at - fake_wdtk.hits[0].at >= 0.99


async def test_a_429_asking_for_a_long_wait_gives_up_at_once_and_says_when_to_come_back(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    fake_wdtk.slow_down(times=1, retry_after=3600)
    wdtk = client(fake_wdtk)
    try:
        with pytest.raises(RateLimited) as caught:
            await wdtk.request("a")
    finally:
        await wdtk.close()
    assert caught.value.retry_after == 3600
    assert [h.status for h in fake_wdtk.hits] == [429]


async def test_server_errors_are_retried_with_doubling_pauses_then_reported(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    fake_wdtk.fail(times=5, status=503)
    wdtk = client(fake_wdtk, min_interval=0.0, backoff_base=0.2)
    try:
        with pytest.raises(Unavailable, match="not answering"):
            await wdtk.request("a")
    finally:
        await wdtk.close()
    times = [h.at for h in fake_wdtk.hits]
    assert [h.status for h in fake_wdtk.hits] == [503, 503, 503]  # the first try and two retries
    assert times[1] - times[0] >= 0.19 and times[2] - times[1] >= 0.39


async def test_a_server_error_that_clears_is_retried_to_success(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    fake_wdtk.fail(times=1, status=502)
    wdtk = client(fake_wdtk, min_interval=0.0)
    try:
        assert (await wdtk.request("a")).url_title == "a"
    finally:
        await wdtk.close()


@pytest.mark.parametrize(("how", "error", "words"), [
    ("hidden", Hidden, "hides that page"),
    ("embargoed", Gone, "no public page"),
    ("challenge", BotProtected, "never tries to get round it"),
    ("malformed", Malformed, "not JSON"),
])
async def test_each_refusal_shape_is_reported_as_what_it_means_without_retrying(
    fake_wdtk: FakeWdtk, how: str, error: type[Exception], words: str
) -> None:
    _add(fake_wdtk, "a")
    fake_wdtk.behave("a", how)
    wdtk = client(fake_wdtk)
    try:
        with pytest.raises(error, match=words):
            await wdtk.request("a")
    finally:
        await wdtk.close()
    assert len(fake_wdtk.hits) == 1


async def test_a_request_that_does_not_exist_is_gone(fake_wdtk: FakeWdtk) -> None:
    wdtk = client(fake_wdtk)
    try:
        with pytest.raises(Gone):
            await wdtk.request("no_such_request")
    finally:
        await wdtk.close()


async def test_a_repeat_read_with_the_stored_etag_is_a_304_and_costs_no_body(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    wdtk = client(fake_wdtk, min_interval=0.0)
    try:
        first = await wdtk.read_request("a")
        again = await wdtk.read_request("a", etag=first.etag)
        fake_wdtk.add_event("a", shapes.event(2, "response", "2026-01-20T10:00:00.000+00:00", incoming_message_id=5))
        changed = await wdtk.read_request("a", etag=first.etag)
    finally:
        await wdtk.close()
    assert first.request is not None and first.etag
    assert again.request is None
    assert fake_wdtk.hits[1].headers["If-None-Match"] == first.etag and fake_wdtk.hits[1].status == 304
    assert changed.request is not None and len(changed.request.events) == 2


async def test_the_small_cache_answers_a_quick_repeat_without_asking_the_site(fake_wdtk: FakeWdtk) -> None:
    _add(fake_wdtk, "a")
    wdtk = client(fake_wdtk, fresh_for=60.0)
    try:
        await wdtk.request("a")
        await wdtk.request("a")
    finally:
        await wdtk.close()
    assert len(fake_wdtk.hits) == 1


async def test_a_members_requests_are_listed_from_the_feed_25_a_page_each_once(fake_wdtk: FakeWdtk) -> None:
    reqs = [shapes.request(i, f"r{i}", f"Request {i}", BODY, [shapes.event(i, "sent", "2026-01-05T10:00:00+00:00")]) for i in range(57)]
    entries = [shapes.feed_entry(r, 1000 + i) for i, r in enumerate(reqs)]
    fake_wdtk.feeds["requested_by:jo_bloggs"] = entries + entries[:3]  # an event per request, some twice
    wdtk = client(fake_wdtk, min_interval=0.0)
    try:
        listed = await wdtk.requests_by("jo_bloggs")
    finally:
        await wdtk.close()
    assert [item.url_title for item in listed] == [f"r{i}" for i in range(57)]
    assert [h.query for h in fake_wdtk.hits] == ["page=1", "page=2", "page=3"]
