"""The one error path, through real interactions: an expected problem is a short private message;
anything else is logged with the command (or component), the member and the options, and the
member gets the generic private message, whether or not the bot had deferred."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from bot.client import GENERIC_FAILURE
from tests.cogs.conftest import StartBot
from tests.fakediscord import FakeDiscord


def _failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.client" and r.levelno == logging.ERROR]


async def test_a_date_that_does_not_exist_gets_a_short_private_message_saying_how_to_write_it(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot()
    reply = await (await fake.slash("deadline", {"received": "31/02/2026", "law": "foia"})).reply()
    assert reply.ephemeral
    assert reply.text.startswith("Can't use the date '31/02/2026': February 2026 has no day 31.")
    assert "28/03/2022" in reply.text  # how to write it
    fake.assert_no_tracebacks()


async def test_an_unexpected_failure_is_logged_with_command_member_and_options_and_answered_generically(
    fake: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture,
) -> None:
    await start_bot(migrate=False)  # an empty database: the service's query fails
    with caplog.at_level(logging.ERROR, logger="bot.client"):
        reply = await (await fake.slash("privacy name", {"name": "Sam Okafor"}, guild=False)).reply()
    assert reply.ephemeral and reply.text == GENERIC_FAILURE
    assert _failures(caplog) == [f"command /privacy name failed for user {fake.alice.id} with options {{'name': 'Sam Okafor'}}"]
    assert "no such table" not in fake.received_text()  # the internal detail stays in the log
    fake.assert_no_tracebacks()


async def test_a_command_that_fails_after_deferring_still_answers_privately(
    fake: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture,
) -> None:
    await start_bot(migrate=False)
    with caplog.at_level(logging.ERROR, logger="bot.client"):
        ix = await fake.slash("privacy export", guild=False)
        reply = await ix.reply()
    assert (await ix.response()).deferred
    assert reply.ephemeral and reply.text == GENERIC_FAILURE
    assert _failures(caplog) == [f"command /privacy export failed for user {fake.alice.id} with options {{}}"]


async def test_a_button_that_fails_unexpectedly_is_logged_with_what_was_pressed_and_answered_privately(
    fake: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture,
) -> None:
    bot = await start_bot()
    confirm = await (await fake.slash("privacy delete", guild=False)).reply()
    async with bot.db.engine.begin() as conn:  # the database breaks between the question and the click
        await conn.execute(text("DROP TABLE follows"))
    with caplog.at_level(logging.ERROR, logger="bot.client"):
        reply = await (await fake.click(confirm, f"privacy:erase:{fake.alice.id}")).reply()
    assert reply.ephemeral and reply.text == GENERIC_FAILURE
    assert _failures(caplog) == [f"privacy erase failed for user {fake.alice.id} with options {{}}"]
    fake.assert_no_tracebacks()
