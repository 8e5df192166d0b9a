"""The fake Discord itself, driven by a small in-process discord.py bot (tests/fakediscord/mini_bot.py).

These pin the behaviours feature tests rely on: options typed from the registered command,
components and modals, Discord's deferral rules, DMs and closed DMs, nonce de-duplication, files,
rate limits and server errors, message limits, and unknown routes.
"""

from __future__ import annotations

import asyncio
import logging
import time

import aiohttp
import pytest
from discord.ext import commands

from tests.fakediscord import EnvNames, FakeDiscord, RequestRecord
from tests.fakediscord.wire import error

log = logging.getLogger(__name__)

CALLBACK = "POST /interactions/{interaction_id}/{token}/callback"


async def test_options_are_typed_from_the_registered_command(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    alerts = fake.guild.channel("alerts")
    ix = await fake.slash("echo", {"text": "hi", "count": 2, "loud": True, "who": fake.bob,
                                           "ratio": 1.5, "colour": "Blue", "where": alerts})
    reply = await ix.reply()
    assert reply.text == "HI HI ratio=1.5 colour=blue who=bob where=alerts"
    assert not reply.ephemeral and reply.kind == "response"


async def test_subcommand_groups_are_named_with_spaces(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    reply = await (await fake.slash("note admin add", {"text": "remember"})).reply()
    assert reply.text == "noted: remember in Test Server"


async def test_a_wrong_option_fails_in_the_test_naming_what_exists(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    with pytest.raises(AssertionError, match=r"no option 'txt'.*'text'"):
        await fake.slash("echo", {"txt": "hi", "count": 1})
    with pytest.raises(AssertionError, match=r"needs option 'count'"):
        await fake.slash("echo", {"text": "hi"})
    with pytest.raises(AssertionError, match=r"outside 1..5"):
        await fake.slash("echo", {"text": "hi", "count": 9})
    with pytest.raises(AssertionError, match=r"no registered command /nope"):
        await fake.slash("nope")
    with pytest.raises(AssertionError, match=r"needs a subcommand"):
        await fake.slash("note admin")


async def test_admin_only_commands_are_hidden_from_members(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    with pytest.raises(AssertionError, match="hidden from alice"):
        await fake.slash("secret")
    assert (await (await fake.slash("secret", user=fake.admin)).reply()).text == "secret"


async def test_autocomplete_returns_the_bots_choices(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    ix = await fake.autocomplete("pick", "fruit", "ap")
    assert [c["value"] for c in await ix.choices()] == ["apple", "apricot"]


async def test_a_modal_is_submitted_with_prefilled_defaults(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    ix = await fake.slash("form")
    modal = await ix.modal()
    assert modal["title"] == "Feedback"
    with pytest.raises(AssertionError, match="no inputs"):
        await fake.submit_modal(ix, {"nope": "x"})
    submitted = await fake.submit_modal(ix, {"subject": "FOI"})
    reply = await submitted.reply()
    assert reply.text == "thanks: FOI / (none)" and reply.ephemeral


async def test_a_button_updates_its_message_and_a_disabled_one_cannot_be_clicked(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    message = await (await fake.slash("buttons")).reply()
    assert set(message.custom_ids()) == {"demo:ok", "demo:form", "demo:fruit"}
    click = await fake.click(message, "demo:ok")
    updated = await click.reply()
    assert updated.id == message.id and updated.text == "confirmed by alice" and updated.history
    with pytest.raises(AssertionError, match="disabled"):
        await fake.click(message, "demo:ok")
    with pytest.raises(AssertionError, match="only alice"):
        await fake.click(message, "demo:form", user=fake.bob)


async def test_a_modal_opened_from_a_button_and_a_select_answered_by_followup(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    message = await (await fake.slash("buttons")).reply()
    form = await fake.click(message, "demo:form")
    submitted = await fake.submit_modal(form, {"subject": "s", "body": "b"})
    assert (await submitted.reply()).text == "thanks: s / b"
    picked = await fake.select(message, "demo:fruit", ["pear"])
    assert (await picked.response()).type == 6  # deferred update
    assert (await picked.reply()).text == "you picked pear"
    with pytest.raises(AssertionError, match="offers"):
        await fake.select(message, "demo:fruit", ["kiwi"])


async def test_the_first_followup_after_a_defer_fills_the_placeholder_with_its_visibility(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    ix = await fake.slash("slow", {"public": True})
    first, second = await ix.followups(2)
    assert first.id == ix.original_id and first.text == "first" and not first.ephemeral
    assert second.kind == "followup" and second.ephemeral
    assert (await ix.reply()).id == first.id


async def test_edits_to_the_original_response_can_be_read_back(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    ix = await fake.slash("edited")
    (note,) = await ix.followups(1)
    assert note.text == "original says edited answer"
    assert ix.original is not None and ix.original.text == "edited answer" and ix.original.ephemeral


async def test_dms_are_recorded_and_closed_dms_get_50007(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    await (await fake.slash("dm", {"who": fake.bob})).reply()
    dm = await fake.wait_for_dm(fake.bob)
    assert dm.text == "hello from the bot" and dm.kind == "dm"
    fake.block_dms(fake.bob)
    refused = await (await fake.slash("dm", {"who": fake.bob})).reply()
    assert refused.text == "cannot DM: 50007"
    assert len(fake.dms(fake.bob)) == 1


async def test_the_same_nonce_twice_gives_the_same_message(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    reply = await (await fake.slash("post", {"nonce": "r42"})).reply()
    assert reply.text == "same=True"
    assert [m.text for m in fake.channel_messages(fake.guild.channel("general"))] == ["posted"]


async def test_files_keep_their_names_and_bytes_and_edits_replace_them(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    ix = await fake.slash("letter")
    reply = await ix.reply()
    await fake.wait_for(lambda: reply.version >= 2, what="the edit")
    assert reply.files == {"letter-v2.md": b"Dear Madam"}
    assert reply.history[0]["attachments"] == ["letter.md"]


async def test_an_attachment_option_is_served_to_the_bot(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    ix = await fake.slash("upload", {"document": ("request.pdf", b"%PDF-1.7 ...")})
    assert (await ix.reply()).text == "request.pdf: 12 bytes, starts b'%PDF-'"


async def test_over_long_messages_are_refused_like_discord(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    reply = await (await fake.slash("long")).reply()
    assert reply.text == "refused: 50035"


async def test_rate_limits_and_server_errors_are_retried_by_discord_py(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    fake.fail_next(CALLBACK, status=429, times=2, retry_after=0.01)
    assert (await (await fake.slash("ping")).reply()).text == "pong"
    fake.fail_next(CALLBACK, status=500)
    assert (await (await fake.slash("ping")).reply()).text == "pong"
    assert [r.status for r in fake.requests_to(CALLBACK)] == [429, 429, 200, 500, 200]


async def test_commands_keep_their_ids_and_a_bad_set_is_refused(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    before = {c["name"]: c["id"] for c in fake.registered_commands()}
    await mini_bot.tree.sync()
    assert {c["name"]: c["id"] for c in fake.registered_commands()} == before
    status, body = fake.commands.put(None, [{"name": "Bad Name", "description": ""}])
    assert status == 400 and body["code"] == 50035 and set(body["errors"]["0"]) == {"name", "description"}
    assert fake.command_puts == 3


async def test_unknown_routes_get_404_and_are_recorded(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{fake.api_base}/guilds/1/bans", headers={"Authorization": "Bot x"}) as response:
            assert response.status == 404 and (await response.json())["message"] == "404: Not Found"
    with pytest.raises(AssertionError, match="GET /api/v10/guilds/1/bans"):
        fake.assert_no_unknown_routes()


async def test_waiting_too_long_explains_what_the_fake_received(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    await (await fake.slash("ping")).reply()
    with pytest.raises(AssertionError, match=r"(?s)timed out.*a DM to bob.*requests.*callback.*'pong'"):
        await fake.wait_for_dm(fake.bob, timeout=0.1)


async def test_commands_also_run_in_the_members_dm_with_the_bot(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    ix = await fake.slash("note admin add", {"text": "x"}, guild=False, user=fake.stranger)
    reply = await ix.reply()
    assert reply.text == "noted: x in DM" and reply.channel_id == fake.dm_channel(fake.stranger).id


async def test_with_a_response_deadline_a_late_answer_gets_unknown_interaction(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    fake.response_deadline = 0.0
    ix = await fake.slash("ping")
    answered = await fake.wait_for(lambda: fake.requests_to(CALLBACK), what="the callback")
    assert answered[0].status == 404 and ix.callback is None


async def test_after_a_dropped_connection_the_bot_identifies_again(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    await fake.gateway.drop()
    await fake.wait_for(lambda: fake.gateway.identify_count == 2, what="a second IDENTIFY")
    assert fake.gateway.resumes == 1
    assert (await (await fake.slash("ping")).reply()).text == "pong"


async def test_a_modal_can_be_submitted_by_passing_the_modal_itself(fake: FakeDiscord, mini_bot: commands.Bot) -> None:
    modal = await (await fake.slash("form")).modal()
    reply = await (await fake.submit_modal(modal, {"subject": "by modal"})).reply()
    assert reply.text == "thanks: by modal / (none)"


async def test_env_names_the_variables_the_bot_reads_and_nothing_else() -> None:
    fake = FakeDiscord(env_names=EnvNames(api_base="MY_BOT_API", gateway="MY_BOT_GATEWAY"))
    async with fake:
        assert fake.env() == {"MY_BOT_API": fake.api_base, "MY_BOT_GATEWAY": fake.gateway_url}
    with pytest.raises(RuntimeError, match="env_names"):
        FakeDiscord().env()


async def test_a_second_acknowledgement_of_one_interaction_is_refused_with_40060(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    ix = await fake.slash("ping")
    await ix.reply()
    async with aiohttp.ClientSession() as session:
        url = f"{fake.api_base}/interactions/{ix.id}/{ix.token}/callback"
        async with session.post(url, json={"type": 4, "data": {"content": "again"}}) as response:
            assert response.status == 400 and (await response.json())["code"] == 40060
    assert ix.original is not None and ix.original.text == "pong"


async def test_a_hook_sees_each_request_as_it_arrives_and_can_hold_or_answer_it(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    seen: list[RequestRecord] = []
    release = asyncio.Event()

    async def hold(record: RequestRecord) -> None:
        seen.append(record)
        await release.wait()

    began = time.time()
    remove = fake.before(CALLBACK, hold)
    ix = await fake.slash("ping")
    await fake.wait_for(lambda: seen, what="the callback, held")
    assert ix.callback is None and seen[0].status == 0  # held: not answered yet
    assert seen[0].at >= began and "aiohttp" in seen[0].headers["User-Agent"]
    release.set()
    assert (await ix.reply()).text == "pong"
    remove()

    async def refuse(record: RequestRecord) -> object:
        return error(404, 10062, "Unknown interaction")

    fake.before(CALLBACK, refuse)
    refused = await fake.slash("ping")
    answered = await fake.wait_for(lambda: fake.requests_to(CALLBACK)[1:], what="the second callback")
    assert answered[0].status == 404 and refused.callback is None
    assert len(seen) == 1  # the removed hook saw nothing more
    with pytest.raises(ValueError, match="unknown route"):
        fake.before("GET /nowhere", refuse)


async def test_the_global_rate_limit_refuses_bot_requests_over_it_but_not_interaction_answers(
    fake: FakeDiscord, mini_bot: commands.Bot
) -> None:
    fake.global_rate_limit = 3  # Discord's is 50 a second per token
    async with aiohttp.ClientSession() as session:
        statuses, bodies = [], []
        for _ in range(5):
            async with session.get(f"{fake.api_base}/users/@me", headers={"Authorization": "Bot x"}) as response:
                statuses.append(response.status)
                bodies.append((await response.json(), response.headers.get("X-RateLimit-Global")))
    assert statuses == [200, 200, 200, 429, 429]
    body, header = bodies[3]
    assert body["global"] is True and 0 < body["retry_after"] <= 1.0 and header == "true"
    assert len(fake.globally_limited) == 2
    # Interaction callbacks are outside the global limit, as on Discord.
    assert (await (await fake.slash("ping")).reply()).text == "pong"
    assert len(fake.globally_limited) == 2
