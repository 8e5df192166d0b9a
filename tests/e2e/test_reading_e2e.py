"""Reading the authority's reply end to end: the real bot process, its SQLite file, the fake Discord.

A member pastes a refusal citing s.43(2) with no public interest reasons (modelled on the Royal
Mail refusal quoted by foinews.co.uk: "exempt from disclosure under S.43(2) of the Act"); foibot
shows what it read with the words it rests on; the member saves it; `/letter review` then proposes
the commercial interests and the missing public interest reasons grounds without being told.
A PDF bomb attached instead gets a private message, and nothing is saved.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.unit.reading.pdfs import pdf_bomb

pytestmark = pytest.mark.e2e

REFUSAL = """Dear Ms Patel,

Thank you for your request for the contract values paid to the Council's parking enforcement contractor.

The information you have requested is exempt from disclosure under section 43(2) of the Freedom of
Information Act 2000, as its release would be likely to prejudice the commercial interests of the contractor.

If you are dissatisfied with the handling of your request, you have the right to ask for an internal review.
If you remain dissatisfied, you may complain to the Information Commissioner.

Yours sincerely
Information Governance Team
"""


async def log_request(fake: FakeDiscord) -> str:
    picker = await (await fake.slash("request log", {"authority": "Leeds City Council", "name": "Asha Patel"})).reply()
    picked = await fake.select(picker, "req:division", ["england-and-wales"])
    logged = await (await fake.submit_modal(picked, {
        "title": "Parking enforcement contract values", "sent_on": "01/05/2024",
        "questions": "1) The contract value\n2) The contractor's bid",
    })).reply()
    assert "Logged as" in logged.text
    return logged.content.split("**")[1]


async def test_a_pasted_refusal_is_read_checked_saved_and_argued(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    public_id = await log_request(fake_discord)

    opened = await fake_discord.slash("request read", {"request": public_id})
    modal = await opened.modal()
    assert "4,000 characters" in modal["components"][0]["components"][0]["label"] or "4,000" in str(modal)
    read = await (await fake_discord.submit_modal(opened, {"reply": REFUSAL, "date": "20/05/2024"})).reply()
    assert read.ephemeral
    text = read.text
    assert "what foibot read" in text
    assert "Relies on:** FOIA s.43(2)" in text
    assert "section 43(2) of the Freedom of Information Act 2000" in text  # the words it rests on, quoted
    assert "Public interest:** no reasons given" in text
    gaps = read.component("read:gaps")
    assert [o["value"] for o in gaps["options"] if o.get("default")] == ["public_interest_reasons_given"]
    exemptions = read.component("read:exemptions")
    assert [o["value"] for o in exemptions["options"] if o.get("default")] == ["FOIA s.43(2)"]

    clicked = await fake_discord.click(read, "read:save")
    saved = (await clicked.followups(1))[0]
    assert saved.ephemeral and f"Recorded on {public_id}" in saved.text and "Refused" in saved.text
    await fake_discord.wait_for(lambda: not read.custom_ids() or None, what="the reading's buttons removed once saved")

    letter = await (await fake_discord.slash("letter review", {"request": public_id})).reply()
    grounds = letter.component(f"letter:review:{public_id}:grounds")
    ticked = {o["value"] for o in grounds["options"] if o.get("default")}
    assert {"commercial_interests", "no_public_interest_reasons"} <= ticked


async def test_an_attached_pdf_bomb_gets_a_private_message_and_nothing_is_saved(fake_discord: FakeDiscord, bot_process: StartBot) -> None:
    await bot_process()
    public_id = await log_request(fake_discord)
    refused = await (await fake_discord.slash("request read", {"request": public_id, "reply": ("reply.pdf", pdf_bomb())})).reply()
    assert refused.ephemeral
    assert "expands to far more data than a letter holds" in refused.text
    shown = await (await fake_discord.slash("request show", {"request": public_id})).reply()
    timeline = shown.text.split("**Timeline**", 1)[1]
    assert "Sent" in timeline and "Response" not in timeline  # nothing was recorded

    # /request update takes the reply as an attachment too; an image is refused privately.
    image = await (await fake_discord.slash("request update", {"request": public_id, "event": "response",
                                                               "reply": ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)})).reply()
    assert image.ephemeral and "is an image" in image.text
    # The show view offers "Paste the reply", which opens the paste form (its box says Discord's limit).
    assert f"req:read:{public_id}" in shown.custom_ids()
    modal = await (await fake_discord.click(shown, f"req:read:{public_id}")).modal()
    assert "4,000 characters" in str(modal)
