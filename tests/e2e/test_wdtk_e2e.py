"""WhatDoTheyKnow end to end: the real bot process, the fake Discord and the fake WhatDoTheyKnow.

A member tracks a request by its link; the fake WDTK then gets a reply; the member hears about it
by DM exactly once within the poll interval (a few seconds here), and not again after a restart.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.clock import utcnow
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.fakewdtk import FakeWdtk, cases

pytestmark = pytest.mark.e2e

POLL_SECONDS = 2


def wdtk_env(fake: FakeWdtk) -> dict[str, str]:
    return {"WDTK_BASE_URL": fake.base_url, "WDTK_POLL_SECONDS": str(POLL_SECONDS), "WDTK_CONTACT": "ops@example.org"}


async def test_a_tracked_request_gets_one_dm_when_the_authority_replies_and_none_again_after_a_restart(
    fake_discord: FakeDiscord, bot_process: StartBot, fake_wdtk: FakeWdtk
) -> None:
    alice = fake_discord.alice
    now = utcnow()  # sent yesterday: no deadline alert is due, so the only DM is the reply's
    payload = cases.waiting_response(sent_at=(now - timedelta(days=1)).isoformat())
    fake_wdtk.requests[payload["url_title"]] = payload
    bot = await bot_process(env=wdtk_env(fake_wdtk))
    link = f"{fake_wdtk.base_url}/request/asylum_hotel_contracts?utm_source=mastodon#incoming-1"
    ix = await fake_discord.slash("request track", {"url": link}, user=alice)
    reply = await ix.reply()
    assert reply.ephemeral and "Now following" in reply.text and "Home Office" in reply.text
    assert fake_wdtk.hits[0].headers["User-Agent"].endswith("contact: ops@example.org)")

    fake_wdtk.add_event(payload["url_title"], cases.response_event(2001, now.isoformat(), incoming=777),
                        awaiting_description=True)
    dm = await fake_discord.wait_for_dm(alice, timeout=POLL_SECONDS * 6)
    assert "Home Office replied to Asylum hotel contracts" in dm.text
    assert "req:read:" in " ".join(dm.custom_ids())  # Paste the reply: the reader takes it from here
    await asyncio.sleep(POLL_SECONDS * 2)  # more polls: still one DM
    assert len(fake_discord.dms(alice)) == 1

    await bot.restart()
    await fake_discord.wait_for(lambda: "WDTK poller" in bot.run_log(), timeout=15, what="the poller to start again")
    await asyncio.sleep(POLL_SECONDS * 2)
    assert len(fake_discord.dms(alice)) == 1, "the reply was announced again after a restart"
    times = [h.at for h in fake_wdtk.hits]
    assert all(b - a >= 0.95 for a, b in zip(times, times[1:]) if b - a < 5), "more than one request a second to WDTK"
    fake_discord.assert_no_tracebacks()


async def test_bad_links_get_a_private_message_and_nothing_is_tracked(
    fake_discord: FakeDiscord, bot_process: StartBot, fake_wdtk: FakeWdtk
) -> None:
    await bot_process(env=wdtk_env(fake_wdtk))
    for link, words in (
        ("https://example.org/request/abc", "not a WhatDoTheyKnow link"),
        (f"{fake_wdtk.base_url}/body/home_office", "not a request"),
        (f"{fake_wdtk.base_url}/request/does_not_exist", "no public request"),
    ):
        reply = await (await fake_discord.slash("request track", {"url": link})).reply()
        assert reply.ephemeral and words in reply.text, reply.text
    listed = await (await fake_discord.slash("request list")).reply()
    assert "no requests" in listed.text.lower() or "none" in listed.text.lower(), listed.text

    # A WDTK link typed where /request log wants an authority: foibot offers to track it instead.
    offered = await (await fake_discord.slash("request log", {"authority": f"{fake_wdtk.base_url}/request/abc"})).reply()
    assert offered.ephemeral and "WhatDoTheyKnow request" in offered.text and "wdtk:track:abc" in offered.custom_ids()
    fake_discord.assert_no_tracebacks()
