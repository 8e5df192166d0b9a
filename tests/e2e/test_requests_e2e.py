"""`/request` end to end: the real bot process, its SQLite file and the fake Discord.

The PHSO case (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of time
taken to respond to complaints") is replayed the way a member would record it. Quoted from the
thread: "Thank you for your correspondence of 28 March 2022 ... We aim to issue a full response by
27 April 2022"; the PHSO asked to clarify the outsourcing question only ("In relation to the other
questions raised in your request we aim to provide a respond by 27 April 2022"), clarified on 31
March 2022; "We instead responded on 8 April 2022"; "Thank you for your email of 9 April 2022. You
requested an internal review"; the review outcome is dated 09/05/2022.

The bot reads the real clock, so "today" is long after 2022: the status shown is what those dates
mean now (an unanswered request from 2022 is very overdue). The statuses on each day of 2022 are
covered by the service tests, which inject the clock.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.clock import UK
from bot.db import Database
from bot.models import Authority, Event, Request
from bot.services import Viewer
from bot.services.requests import NewRequest, create_request
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_models import FakeMessage

pytestmark = pytest.mark.e2e

PHSO = "Parliamentary and Health Service Ombudsman"


def stamp(day: date, style: str = "D") -> str:
    """How the bot writes a date: a Discord timestamp at noon UK time."""
    return f"<t:{int(datetime.combine(day, time(12), tzinfo=UK).timestamp())}:{style}>"


def deadline_line(text: str, label: str) -> str:
    return next((line for line in text.splitlines() if label in line), "")


async def counts(url: str) -> tuple[int, int, int, list[tuple[str, str]]]:
    db = Database(url)
    try:
        async with db.session() as session:
            found = []
            for table in (Authority, Request, Event):
                found.append((await session.exec(select(func.count()).select_from(table))).one())
            rows = (await session.exec(select(Request.public_id, Request.status).order_by(Request.id))).all()
            return (*found, [tuple(r) for r in rows])  # type: ignore[return-value]
    finally:
        await db.dispose()


async def show(fake: FakeDiscord, public_id: str) -> FakeMessage:
    reply = await (await fake.slash("request show", {"request": public_id})).reply()
    assert reply.ephemeral, "a private request was shown publicly"
    return reply


async def update(fake: FakeDiscord, public_id: str, event: str, **options: object) -> FakeMessage:
    reply = await (await fake.slash("request update", {"request": public_id, "event": event, **options})).reply()
    assert reply.ephemeral
    return reply


async def log_phso(fake: FakeDiscord) -> str:
    """/request log for the PHSO: foibot's built-in list knows it (and its part of the UK), so the
    form opens at once."""
    picked = await fake.slash("request log", {"authority": PHSO})
    form = await picked.modal()
    assert form["title"] == "Log a request you sent"
    submitted = await fake.submit_modal(picked, {
        "title": "Number of caseworkers employed by the PHSO",
        "sent_on": "28/03/2022",
        "link": "https://www.whatdotheyknow.com/request/number_of_caseworkers_employed_b",
        "reference": "00000206",
    })
    logged = await submitted.reply()
    assert logged.ephemeral and "Logged as" in logged.text
    return logged.content.split("**")[1]


async def test_the_phso_case_replayed_through_discord(fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path) -> None:
    await bot_process()
    public_id = await log_phso(fake_discord)

    # Logged as sent on 28 March 2022: FOIA s.10(1) response due Wednesday 27 April 2022.
    sent = await show(fake_discord, public_id)
    assert "**Very overdue**" in sent.text
    assert stamp(date(2022, 4, 27)) in deadline_line(sent.text, "Response due")
    assert "Parliamentary and Health Service Ombudsman · FOIA" in sent.text

    # Asked to clarify one part: the other parts keep 27 April 2022.
    await update(fake_discord, public_id, "clarification_requested", date="30/03/2022", partial=True,
                 note="Only the outsourcing question")
    clarifying = await show(fake_discord, public_id)
    assert "Clarification asked for: on part of the request only" in clarifying.text
    assert stamp(date(2022, 4, 27)) in deadline_line(clarifying.text, "Response due")
    await update(fake_discord, public_id, "clarification_sent", date="31/03/2022", note="Delete the outsourcing request")
    clarified = await show(fake_discord, public_id)
    assert stamp(date(2022, 4, 27)) in deadline_line(clarified.text, "Response due")
    assert stamp(date(2022, 5, 3)) in deadline_line(clarified.text, "Clarified part due")

    # The response of 8 April 2022, through the "Record response" button and its form.
    button = f"req:act:{public_id}:response"
    assert button in clarified.custom_ids()
    opened = await fake_discord.click(clarified, button)
    form = await opened.modal()
    assert {"date", "outcome", "exemptions", "unanswered", "attachment_missing"} <= {
        c.get("custom_id") for row in form["components"] for c in [row.get("component", {}), *row.get("components", [])]
    }
    recorded = await (await fake_discord.submit_modal(opened, {
        "date": "08/04/2022", "outcome": ["partially_successful"], "attachment_missing": True,
    })).reply()
    assert recorded.ephemeral and "Recorded on" in recorded.text
    assert "**Partially successful**" in recorded.text
    assert "an attachment is missing" in recorded.text
    assert stamp(date(2022, 6, 10)) in deadline_line(recorded.text, "Ask for a review by")
    assert "answered 8 April 2022, on time" in recorded.text

    # Review requested 9 April 2022: due in 20 working days (11 May), at most 40 (10 June).
    await update(fake_discord, public_id, "review_requested", date="09/04/2022")
    in_review = await show(fake_discord, public_id)
    assert "**Internal review overdue**" in in_review.text
    assert stamp(date(2022, 5, 11)) in deadline_line(in_review.text, "Review due:")
    assert stamp(date(2022, 6, 10)) in deadline_line(in_review.text, "Review due at the latest")

    # The review outcome of 9 May 2022 upheld the response: the ICO complaint window is 6 weeks.
    await update(fake_discord, public_id, "review_response", date="09/05/2022")
    reviewed = await show(fake_discord, public_id)
    assert "**Partially successful**" in reviewed.text and "Review outcome" in reviewed.text
    assert stamp(date(2022, 6, 20)) in deadline_line(reviewed.text, "Complain to the ICO by")
    assert "answered 9 May 2022, on time" in reviewed.text
    assert f"req:act:{public_id}:complaint_made" in reviewed.custom_ids()

    (authorities, requests, events, rows) = await counts(f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}")
    assert (authorities, requests, events) == (1, 1, 6)
    assert rows == [(public_id, "partially_successful")]

    listed = await (await fake_discord.slash("request list")).reply()
    assert listed.ephemeral and public_id in listed.text and "window closed: complain to the ICO by" in listed.text

    exported = await (await fake_discord.slash("request export")).reply()
    assert {"foibot-requests.json", "foibot-deadlines.ics"} <= set(exported.files)
    assert b"BEGIN:VCALENDAR" in exported.files["foibot-deadlines.ics"]
    fake_discord.assert_no_tracebacks()


async def seed(url: str, user_id: int, guild_id: int, count: int) -> None:
    """Requests logged through the service before the bot starts (quicker than through Discord)."""
    db = Database(url)
    try:
        await db.upgrade()
        for n in range(count):
            new = NewRequest("Home Office", f"Seeded request {n:02}", date(2024, 1, 2 + n))
            await create_request(db, Viewer(user_id, guild_id), new)
    finally:
        await db.dispose()


async def test_bad_input_gets_a_clear_private_message_and_changes_nothing(
    fake_discord: FakeDiscord, bot_process: StartBot, tmp_path: Path
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'foibot.db'}"
    await seed(url, fake_discord.alice.id, fake_discord.guild.id, 11)
    bot = await bot_process(database_url=url)
    public_id = await log_phso(fake_discord)
    before = await counts(url)
    bob = fake_discord.bob

    attempts = [
        # (who, command, options, what the member must read)
        (None, "request show", {"request": "ZZZZZ"}, "No request ZZZZZ among the requests you can see"),
        (bob, "request show", {"request": public_id}, f"No request {public_id} among the requests you can see"),
        (bob, "request update", {"request": public_id, "event": "note", "note": "mine now"}, f"No request {public_id}"),
        (None, "request update", {"request": public_id, "event": "review_response"}, "needs a review request first"),
        (None, "request update", {"request": public_id, "event": "acknowledged", "date": "31/02/2022"}, "February 2022 has no day 31"),
        (None, "request update", {"request": public_id, "event": "acknowledged", "date": "01/01/2030"}, "is in the future"),
        (None, "request log", {"authority": "A" * 201}, "201 characters long; the limit is 200"),
        (None, "request delete", {"request": "ZZZZZ"}, "No request ZZZZZ"),
    ]
    for user, command, options, expected in attempts:
        ix = await fake_discord.slash(command, options, **({"user": user} if user else {}))
        reply = await ix.reply()
        assert reply.ephemeral, f"{command} {options}: the error was public"
        assert expected in reply.text, f"{command} {options}: {reply.text!r}"
        assert await counts(url) == before, f"{command} {options} changed the database"

    # Text over an option's limit never reaches foibot: Discord's own client refuses it as it is typed.
    with pytest.raises(AssertionError, match="outside 1..1000"):
        await fake_discord.slash("request update", {"request": public_id, "event": "note", "note": "x" * 1001})

    # A response without its outcome opens the response form, with what was typed already in it.
    opened = await fake_discord.slash("request update", {"request": public_id, "event": "response", "exemptions": "s.40(2)"})
    form = await opened.modal()
    inputs = {c.get("custom_id"): c for row in form["components"] for c in [row.get("component", {}), *row.get("components", [])]}
    assert inputs["exemptions"].get("value") == "s.40(2)" and "outcome" in inputs
    assert await counts(url) == before

    # Autocomplete offers only what the member may see.
    mine = await (await fake_discord.autocomplete("request show", "request", "caseworkers")).choices()
    assert [c["value"] for c in mine] == [public_id]
    theirs = await (await fake_discord.autocomplete("request show", "request", "caseworkers", user=bob)).choices()
    assert theirs == []

    # 12 requests: two pages, and the buttons still work after a restart.
    listed = await (await fake_discord.slash("request list")).reply()
    assert "Page 1 of 2 · 12 requests" in listed.text
    await bot.restart()
    turned = await (await fake_discord.click(listed, "req:page:mine::1:n")).reply()
    assert "Page 2 of 2" in turned.text and turned.text.count("Seeded request") + turned.text.count(public_id) == 2

    # Delete asks first; "Keep it" keeps, "Delete it" deletes the request and its timeline.
    asked = await (await fake_discord.slash("request delete", {"request": public_id})).reply()
    assert asked.ephemeral and "can't be undone" in asked.text
    kept = await (await fake_discord.click(asked, f"req:keep:{public_id}")).reply()
    assert f"Kept {public_id}" in kept.text and await counts(url) == before
    asked = await (await fake_discord.slash("request delete", {"request": public_id})).reply()
    deleted = await (await fake_discord.click(asked, f"req:delete:{public_id}")).reply()
    assert f"Deleted {public_id}" in deleted.text
    (authorities, requests, events, rows) = await counts(url)
    assert (requests, events) == (11, 11) and public_id not in {pid for pid, _ in rows}
    fake_discord.assert_no_tracebacks()
