"""Import mine: a one-time code in the profile's About me proves it, then the member's requests are
listed from the feed search (25 a page) without those they already follow."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.db import Database
from bot.errors import BadInput
from bot.services import Viewer
from bot.services import wdtk as tracking
from bot.services import wdtk_import as service
from bot.sources.polite import PoliteClient
from bot.sources.wdtk import WdtkClient
from tests.fakewdtk import FakeWdtk, cases, shapes

NOW = datetime(2026, 2, 2, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
async def wdtk(fake_wdtk: FakeWdtk):
    client = WdtkClient(PoliteClient(contact="ops@example.org", min_interval=0.0, fresh_for=0.0), fake_wdtk.base_url)
    yield client
    await client.close()


def publish(fake: FakeWdtk, n: int) -> list[dict]:
    reqs = [cases.waiting_response(f"mine_{i}", id=400 + i) for i in range(n)]
    for r in reqs:
        fake.requests[r["url_title"]] = r
    fake.feeds["requested_by:jo_bloggs"] = [shapes.feed_entry(r, 9000 + i) for i, r in enumerate(reqs)]
    return reqs


async def test_the_profile_must_carry_the_code_before_anything_is_listed(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    fake_wdtk.users["jo_bloggs"] = shapes.user("jo_bloggs", "Jo Bloggs", about_me="I ask about housing.")
    publish(fake_wdtk, 3)
    first = await service.claim(db, wdtk, 1, "jo_bloggs", now=NOW)
    assert not first.verified and first.code.startswith("foibot-")
    with pytest.raises(BadInput, match="Prove the WhatDoTheyKnow profile is yours"):
        await service.mine(db, wdtk, 1)
    again = await service.claim(db, wdtk, 1, "jo_bloggs", now=NOW)
    assert again.code == first.code and not again.verified  # the same code until it is proved
    fake_wdtk.users["jo_bloggs"]["about_me"] = f"I ask about housing. {first.code}"
    assert (await service.claim(db, wdtk, 1, "jo_bloggs", now=NOW)).verified
    assert [r.url_title for r in await service.mine(db, wdtk, 1)] == ["mine_0", "mine_1", "mine_2"]
    # Another member who knows the code's shape still has to prove the profile with their own code.
    assert not (await service.claim(db, wdtk, 2, "jo_bloggs", now=NOW)).verified


async def test_a_proved_member_sees_every_page_and_not_what_they_already_follow(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    publish(fake_wdtk, 30)
    fake_wdtk.users["jo_bloggs"] = shapes.user("jo_bloggs", "Jo Bloggs")
    code = (await service.claim(db, wdtk, 1, "jo_bloggs", now=NOW)).code
    fake_wdtk.users["jo_bloggs"]["about_me"] = code
    assert (await service.claim(db, wdtk, 1, "jo_bloggs", now=NOW)).verified
    await tracking.track_url(db, wdtk, Viewer(1), f"{fake_wdtk.base_url}/request/mine_3", interval=3600, now=NOW)
    listed = [r.url_title for r in await service.mine(db, wdtk, 1)]
    assert len(listed) == 29 and "mine_3" not in listed
    feed_hits = [h.query for h in fake_wdtk.hits if h.path.startswith("/feed/")]
    assert feed_hits == ["page=1", "page=2"]


async def test_a_profile_that_does_not_exist_is_refused(db: Database, wdtk: WdtkClient) -> None:
    with pytest.raises(BadInput, match="no profile"):
        await service.claim(db, wdtk, 1, "nobody_at_all", now=NOW)
