"""The server as a community, end to end: the real bot process, its SQLite file and the fake Discord.

Alice shares a request with the server; an admin has set a board channel (bob, without Manage
Server, cannot); one card is posted for it, never pinging anyone; bob follows it from the card
and gets its overdue alert by DM, without the owner's letter buttons.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

PHSO = "Parliamentary and Health Service Ombudsman"


async def test_a_shared_request_posts_one_card_and_a_follower_gets_its_overdue_dm(
    fake_discord: FakeDiscord, bot_process: StartBot
) -> None:
    fake, board = fake_discord, fake_discord.guild.channel("alerts")
    await bot_process()

    # Discord hides /server from members without Manage Server, but an admin can override that per
    # member or role: foibot checks the permission itself.
    fake.allow_command(fake.guild, "server", fake.bob)
    refused = await (await fake.slash("server board", {"channel": board}, user=fake.bob)).reply()
    assert refused.ephemeral and "Manage Server" in refused.text
    saved = await (await fake.slash("server board", {"channel": board}, user=fake.admin)).reply()
    assert saved.ephemeral and f"<#{board.id}>" in saved.text

    picked = await fake.slash("request log", {"authority": PHSO, "visibility": "server"}, user=fake.alice)
    submitted = await fake.submit_modal(picked, {"title": "Caseworkers at the PHSO", "sent_on": "28/03/2022"})
    logged = await submitted.reply()
    public_id = logged.content.split("**")[1]

    card = await fake.wait_for_message(board, timeout=15)
    assert card.text.startswith("**New shared request**") and public_id in card.text
    assert {f"board:follow:{public_id}", f"board:open:{public_id}"} <= set(card.custom_ids())
    posts = [r.json for r in fake.requests_to("POST /channels/{channel_id}/messages") if r.path.endswith(f"/{board.id}/messages")]
    assert posts and all(p.get("allowed_mentions") == {"parse": []} for p in posts), "a card could ping someone"
    # Asked in 2022 and never answered: its overdue card follows, and that is all.
    await fake.wait_for(lambda: len(fake.channel_messages(board)) >= 2, timeout=15, what="the overdue card")
    posted = fake.channel_messages(board)
    assert [m.text.split("**")[1] for m in posted] == ["New shared request", "Overdue"]

    opened = await (await fake.click(card, f"board:open:{public_id}", user=fake.bob)).reply()
    assert opened.ephemeral and public_id in opened.text
    # Its /request show, with the picture of its clock and the picture's alt text.
    (picture,) = opened.attachments
    assert picture.filename == "timeline.png" and picture.data[:4] == b"\x89PNG"
    assert picture.description and picture.description.startswith(f"Timeline of request {public_id}: received 28 March 2022")
    followed = await (await fake.click(card, f"board:follow:{public_id}", user=fake.bob)).reply()
    assert followed.ephemeral and "You follow" in followed.text
    dm = await fake.wait_for_dm(fake.bob, timeout=15)
    assert "overdue" in dm.text.lower() and public_id in dm.text and "You follow this shared request" in dm.text
    assert dm.custom_ids() == [f"board:unfollow:{public_id}"]
    assert len(fake.channel_messages(board)) == 2
    fake.assert_no_tracebacks()
