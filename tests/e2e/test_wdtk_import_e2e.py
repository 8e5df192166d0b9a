"""Import mine end to end: the code in About me, Check, the pick menu, and the picked requests tracked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import utcnow
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.fakewdtk import FakeWdtk, cases, shapes

pytestmark = pytest.mark.e2e


async def test_a_member_proves_their_profile_then_picks_requests_to_follow(
    fake_discord: FakeDiscord, bot_process: StartBot, fake_wdtk: FakeWdtk
) -> None:
    alice = fake_discord.alice
    sent = (utcnow() - timedelta(days=1)).isoformat()
    reqs = [cases.waiting_response(f"mine_{i}", id=500 + i, sent_at=sent) for i in range(3)]
    for r in reqs:
        fake_wdtk.requests[r["url_title"]] = r
    fake_wdtk.feeds["requested_by:jo_bloggs"] = [shapes.feed_entry(r, 9000 + i) for i, r in enumerate(reqs)]
    fake_wdtk.users["jo_bloggs"] = shapes.user("jo_bloggs", "Jo Bloggs", about_me="Housing campaigner")
    await bot_process(env={"WDTK_BASE_URL": fake_wdtk.base_url, "WDTK_POLL_SECONDS": "3600"})

    asked = await (await fake_discord.slash("request import", {"wdtk_user": f"{fake_wdtk.base_url}/user/jo_bloggs"}, user=alice)).reply()
    assert asked.ephemeral and "About me" in asked.text
    code = asked.text.split("`")[1]
    assert code.startswith("foibot-")
    check = f"wdtk:check:{alice.id}"
    not_yet = await (await fake_discord.click(asked, check, user=alice)).reply()
    assert not_yet.ephemeral and "not in your WhatDoTheyKnow" in not_yet.text

    fake_wdtk.users["jo_bloggs"]["about_me"] += f" {code}"
    menu = await (await fake_discord.click(asked, check, user=alice)).reply()
    assert "pick the ones" in menu.text and "wdtk:pick" in menu.custom_ids()
    done = await (await fake_discord.select(menu, "wdtk:pick", ["mine_0", "mine_2"], user=alice)).reply()
    assert "Now following 2 request(s)" in done.text

    listed = await (await fake_discord.slash("request list", user=alice)).reply()
    assert listed.text.count("Asylum hotel contracts") == 2 or "2 request" in listed.text, listed.text
    fake_discord.assert_no_tracebacks()
