"""The PHSO story end to end, from the first message to the complaint to the ICO: the real bot
process, its SQLite file and the fake Discord.

WhatDoTheyKnow, "Number of caseworkers employed by the PHSO and length of time taken to respond to
complaints", quoted: the request was received on 28/03/2022 ("We aim to issue a full response by 27
April 2022"); the PHSO asked to clarify the outsourcing question only, and the requester answered
"Simple solution: delete the outsourcing request (for the time being)"; the reply of 8 April 2022
(pasted below, as tests/unit/reading has it) gave totals and said staff are "not specifically on
health or parliamentary" work; the member's review asked "Can you explain this discrepancy?"; the
review outcome of 9 May 2022 did not uphold it ("you have not queried anything specific").

The bot reads the real clock, so the ICO's six weeks after 9 May 2022 have long passed: the
complaint says the window closed, and still names where it goes and what goes with it.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_letters_e2e import letter_text, log_phso
from tests.unit.reading.test_phso_reply import RESPONSE_8_APRIL_2022

pytestmark = pytest.mark.e2e


async def update(fake: FakeDiscord, public_id: str, event: str, **options: object) -> str:
    reply = await (await fake.slash("request update", {"request": public_id, "event": event, **options})).reply()
    assert reply.ephemeral and "Recorded on" in reply.text, reply.text
    return reply.text


async def test_the_phso_story_from_the_request_to_the_ico_complaint(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    public_id = await log_phso(fake_discord, name="Dudley Jones")  # sent 28/03/2022, the questions as written

    # The clarification asked about the outsourcing part, which the requester then withdrew: a
    # withdrawal, so nothing is planned for that part.
    await update(fake_discord, public_id, "clarification_requested", date="31/03/2022", partial=True)
    withdrawn = await update(fake_discord, public_id, "part_withdrawn", date="31/03/2022", questions="8")
    assert "Clarified part due" not in withdrawn

    # The reply of 8 April 2022, pasted: foibot reads the per-question answers (not held in that form).
    opened = await fake_discord.slash("request read", {"request": public_id})
    read = await (await fake_discord.submit_modal(opened, {"reply": RESPONSE_8_APRIL_2022, "date": "08/04/2022"})).reply()
    assert "not held in the form asked" in read.text
    saved = (await (await fake_discord.click(read, "read:save")).followups(1))[0]
    assert f"Recorded on {public_id}" in saved.text

    # /letter review offers the ground about the handling: not held in that form, with s.16.
    letter = await (await fake_discord.slash("letter review", {"request": public_id})).reply()
    grounds = {o["value"]: o for o in letter.component(f"letter:review:{public_id}:grounds")["options"]}
    assert grounds["not_held_in_form"].get("default") and "FOIA section 16" in grounds["not_held_in_form"]["description"]
    assert "I am dissatisfied with your response for the following reasons." in letter_text(letter, public_id)

    # The member's own "Can you explain this discrepancy?" is flagged before any letter is made...
    own = "A job advert says you employ 'approximately 600 staff'. Can you explain this discrepancy?"
    flagged = await (await fake_discord.slash("letter review", {"request": public_id, "notes": own})).reply()
    assert flagged.ephemeral and "```" not in flagged.content  # no letter
    assert "an explanation is not recorded information" in flagged.text
    assert f"letter:review:{public_id}:reasons" in flagged.custom_ids()  # way 1: a ground about the handling
    # ...and way 2, the new request for recorded information, opens as a draft in one click.
    drafted = await (await fake_discord.click(flagged, f"letter:review:{public_id}:newreq")).reply()
    assert drafted.ephemeral and "Opened as draft" in drafted.text and "Total headcount by directorate" in drafted.text
    # Or the ground, and the member's paragraph written again about what was given (In my own words).
    picked = await fake_discord.select(flagged, f"letter:review:{public_id}:reasons", ["not_held_in_form", "own_words"])
    assert (await picked.modal())["title"].startswith("Your reason")
    again = "Questions 1 and 3 asked for the parliamentary figures; the response gave one total for all cases."
    rewritten = await (await fake_discord.submit_modal(picked, {"notes": again})).reply()
    assert again in letter_text(rewritten, public_id) and "Your own paragraph" in rewritten.text

    # The review asked on 9 April 2022 and its outcome of 9 May 2022; then the complaint goes to the ICO.
    await update(fake_discord, public_id, "review_requested", date="09/04/2022")
    await update(fake_discord, public_id, "review_response", date="09/05/2022")
    complaint = await (await fake_discord.slash("letter complaint", {"request": public_id})).reply()
    text = complaint.text
    assert "send it to **the Information Commissioner's Office** (not to Parliamentary and Health Service Ombudsman)" in text
    assert "https://ico.org.uk/" in text and "within 6 weeks" in text
    for enclosure in ("my request of 28 March 2022", "the authority's response of 8 April 2022",
                      "my request for an internal review of 9 April 2022", "the outcome of the review of 9 May 2022"):
        assert enclosure in text
    boxes = await (await fake_discord.click(complaint, next(c for c in complaint.custom_ids() if ":boxes" in c))).reply()
    assert [e["title"] for e in boxes.embeds][0] == "Box 1 of 2: What is your complaint?"
    assert all(len(e["description"]) <= 2000 + 8 for e in boxes.embeds)
    fake_discord.assert_no_tracebacks()
