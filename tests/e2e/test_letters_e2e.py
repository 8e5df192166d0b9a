"""`/letter` end to end: the real bot process, its SQLite file and the fake Discord.

The PHSO case (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of time
taken to respond to complaints"), quoted: sent 28 March 2022 ("PHSO Reference 00000206"); "We
instead responded on 8 April 2022" with "Please see the attached table ..." and no table
attached; "3. Senior caseworkers are employed on job descriptions to work on cases, not
specifically on health and parliamentary." ... "6. As question 3." The member's own review asked
"Can you explain this discrepancy?" and was rejected: a review letter must not ask for explanations.

The bot reads the real clock, so the letter is dated today and the review it asks for is due 20
working days from today (FOIA s.45 Code of Practice): the test computes that date with the same
deadline engine. The window to ask for a review closed in June 2022, so the letter comes with a
timing warning.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

import pytest
from docx import Document

from bot.clock import UK, uk_today
from bot.law import Law, RequestFacts, compute_deadlines
from bot.law.counting import plain_date
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_models import FakeMessage
from tests.unit.letters.cases import PHSO, PHSO_QUESTIONS

pytestmark = pytest.mark.e2e


def stamp(day: date, style: str = "D") -> str:
    """How the bot writes a date: a Discord timestamp at noon UK time."""
    return f"<t:{int(datetime.combine(day, time(12), tzinfo=UK).timestamp())}:{style}>"


def review_due_if_asked(today: date) -> date:
    facts = RequestFacts(law=Law.FOIA, received=date(2022, 3, 28), responded=date(2022, 4, 8), review_requested=today)
    return compute_deadlines(facts).deadlines["review_due"].due


def letter_text(message: FakeMessage, public_id: str) -> str:
    """The letter as the member reads it: the attached .txt, or the code block in the message."""
    attached = message.files.get(f"letter-review-{public_id}.txt")
    if attached is not None:
        return attached.decode("utf-8")
    assert "```" in message.content, message.content
    return message.content.split("```\n", 1)[1].rsplit("\n```", 1)[0]


async def log_phso(fake: FakeDiscord, name: str | None = None) -> str:
    """/request log for the PHSO: foibot's built-in list knows it (and its part of the UK), so the
    form opens at once, questions included."""
    options = {"authority": PHSO["authority"], **({"name": name} if name else {})}
    picked = await fake.slash("request log", options)
    submitted = await fake.submit_modal(picked, {
        "title": PHSO["title"], "sent_on": "28/03/2022", "link": PHSO["link"], "reference": PHSO["reference"],
        "questions": "\n".join(f"{n}) {q}" for n, q in enumerate(PHSO_QUESTIONS, 1)),
    })
    logged = await submitted.reply()
    assert logged.ephemeral and "Logged as" in logged.text
    return logged.content.split("**")[1]


async def test_a_review_letter_for_the_phso_response_then_recording_it(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    bot = await bot_process()
    public_id = await log_phso(fake_discord, name="Dudley Jones")
    answered = await (await fake_discord.slash("request update", {
        "request": public_id, "event": "response", "date": "08/04/2022", "outcome": "partially_successful",
        "unanswered": "3, 6", "attachment_missing": True,
    })).reply()
    assert "**Partially successful**" in answered.text

    # The request autocompletes for its owner.
    choices = await (await fake_discord.autocomplete("letter review", "request", "caseworkers")).choices()
    assert [c["value"] for c in choices] == [public_id]

    today = uk_today()
    ix = await fake_discord.slash("letter review", {"request": public_id})
    assert (await ix.response()).deferred and (await ix.response()).ephemeral  # deferred privately first
    reply = await ix.reply()
    assert reply.ephemeral
    letter = letter_text(reply, public_id)
    assert letter.startswith(f"Subject: Internal review of my Freedom of Information request: {PHSO['title']}")
    assert f"Date: {plain_date(today)}" in letter and "Your reference: 00000206" in letter
    assert "refers to an attachment that was not included with it" in letter
    assert f"Question 3: {PHSO_QUESTIONS[2]}" in letter and f"Question 6: {PHSO_QUESTIONS[5]}" in letter
    assert "explain" not in letter.lower()
    due = review_due_if_asked(today)
    assert f"I therefore expect your decision by {plain_date(due)}" in letter
    # Signed with the name given when the request was logged (not the member's Discord name).
    assert letter.rstrip().endswith("Yours faithfully,\n\nDudley Jones") and "Signed “Alice”" not in reply.text
    # The timing warning comes first, in bold: the 40 working days to ask closed on 10 June 2022.
    assert reply.content.startswith("⚠️ **The window to ask for a review closed on Friday 10 June 2022")

    grounds = reply.component(f"letter:review:{public_id}:grounds")
    assert [(o["value"], o.get("default")) for o in grounds["options"]] == [("partial_answer", True), ("missing_attachment", True)]
    assert f"letter:review:{public_id}:record" in reply.custom_ids()

    # Untick the unanswered questions: the letter is rewritten in the same message.
    changed = await fake_discord.select(reply, f"letter:review:{public_id}:grounds", ["missing_attachment"])
    rewritten = await changed.reply()
    assert rewritten.id == reply.id and rewritten.version > 0
    shorter = letter_text(rewritten, public_id)
    assert "attachment that was not included" in shorter and "senior caseworkers" not in shorter
    options = rewritten.component(f"letter:review:{public_id}:grounds")["options"]
    assert [o["value"] for o in options if o.get("default")] == ["missing_attachment"]

    # The Word copy follows the grounds now ticked, also after a restart.
    await bot.restart()
    docx_id = next(c for c in rewritten.custom_ids() if ":docx" in c)
    word = await (await fake_discord.click(rewritten, docx_id)).reply()
    assert word.ephemeral
    data = word.files[f"letter-review-{public_id}.docx"]
    paragraphs = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert paragraphs[0].startswith("Internal review of my Freedom of Information request")
    text = "\n".join(paragraphs)
    assert "attachment that was not included" in text and "senior caseworkers" not in text

    # "Record: review requested today": the request moves to internal review with its due date.
    recorded = await (await fake_discord.click(rewritten, f"letter:review:{public_id}:record")).reply()
    assert recorded.ephemeral and f"Recorded on {public_id}: review requested today." in recorded.text
    shown = await (await fake_discord.slash("request show", {"request": public_id})).reply()
    assert "**Awaiting internal review**" in shown.text
    review_line = next(line for line in shown.text.splitlines() if "Review due:" in line)
    assert stamp(due) in review_line

    # Recording twice is refused, privately, with the reason.
    again = await (await fake_discord.click(rewritten, f"letter:review:{public_id}:record")).reply()
    assert again.ephemeral and "Can't record" in again.text
    fake_discord.assert_no_tracebacks()


async def test_another_members_request_is_not_found_privately(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    public_id = await log_phso(fake_discord)
    bob = fake_discord.bob
    reply = await (await fake_discord.slash("letter review", {"request": public_id}, user=bob)).reply()
    assert reply.ephemeral and f"No request {public_id} among the requests you can see" in reply.text
    assert not reply.files and not reply.custom_ids()
    assert await (await fake_discord.autocomplete("letter chaser", "request", "caseworkers", user=bob)).choices() == []
    # A clarification reply for a request with no clarification asked says what to record first.
    asked = await (await fake_discord.slash("letter clarification", {"request": public_id, "clarification": "The outsourced work only"})).reply()
    assert asked.ephemeral and "Clarification asked for" in asked.text
    fake_discord.assert_no_tracebacks()


async def test_the_overdue_alerts_draft_chaser_button_gives_the_chaser_letter(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    public_id = await log_phso(fake_discord)  # sent in 2022 and never answered: the overdue alert comes at once
    dm = await fake_discord.wait_for_dm(fake_discord.alice, predicate=lambda m: public_id in m.text)
    button = next(c for c in dm.custom_ids() if c.startswith("alert:chaser:"))
    reply = await (await fake_discord.click(dm, button)).reply()
    assert reply.ephemeral and reply.content.startswith("```\nSubject: Overdue response to my request")
    letter = letter_text(reply, public_id)
    assert "Your response was therefore due by 27 April 2022." in letter and "working days late" in letter
    assert f"letter:chaser:{public_id}:record" in reply.custom_ids()
    noted = await (await fake_discord.click(reply, f"letter:chaser:{public_id}:record")).reply()
    assert f"Recorded on {public_id}: chaser sent today." in noted.text and "Chaser sent" in noted.text
    fake_discord.assert_no_tracebacks()
