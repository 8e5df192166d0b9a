"""Buttons through real interactions: a persistent button on a public card, and a confirmation."""

from __future__ import annotations

from tests.cogs.conftest import StartBot
from tests.fakediscord import FakeDiscord


async def test_the_deadline_card_s_button_shows_the_count_privately_to_whoever_presses_it(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    card = await (await fake.slash("deadline", {"received": "28/03/2022", "law": "foia"})).reply()
    assert not card.ephemeral  # the card is for the channel
    button = "deadline:count:foia:england-and-wales:2022-03-28"
    assert button in card.custom_ids()
    count = await (await fake.click(card, button, user=fake.bob)).reply()
    assert count.ephemeral
    assert count.text.startswith("**FOIA: counting from")
    assert "(day 0)" in count.text


async def test_keep_it_on_the_erase_confirmation_deletes_nothing_and_says_so_in_place(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    await fake.slash("privacy name", {"name": "Sam"}, guild=False)  # something to keep
    confirm = await (await fake.slash("privacy delete", guild=False)).reply()
    assert {f"privacy:erase:{fake.alice.id}", f"privacy:keep:{fake.alice.id}"} <= set(confirm.custom_ids())
    kept = await fake.click(confirm, f"privacy:keep:{fake.alice.id}")
    assert (await kept.response()).type == 7  # UPDATE_MESSAGE: the confirmation itself changes
    assert (await kept.reply()).text == "Nothing was deleted."
    named = await (await fake.slash("privacy name", {"name": "Sam"}, guild=False)).reply()
    assert "Sam" in named.text
