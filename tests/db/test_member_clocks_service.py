"""Clocks the member sets, through the services and into the alert outbox (SQLite and PostgreSQL):
a reminder on any day, and the publication check a s.22 refusal with a date plans (issue 15)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlmodel import select

from bot.db import Database
from bot.errors import BadInput
from bot.models import Alert, Request
from bot.services import Viewer
from bot.services.alerts import draft_asking_again
from bot.services.drafts import get_draft
from bot.services.requests import NewRequest, append_event, create_request

pytestmark = pytest.mark.asyncio

ME = Viewer(user_id=111, guild_id=9000)


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


async def _log(db: Database, name: str | None = "Dudley Jones") -> str:
    new = NewRequest("Anytown Council", "Bin collection data", "2/11/2026", requester_name=name)
    detail = await create_request(db, ME, new, now=at(date(2026, 11, 2)))
    return detail.public_id


async def _alerts(db: Database, public_id: str) -> dict[str, Alert]:
    async with db.read() as session:
        request = (await session.exec(select(Request).where(Request.public_id == public_id))).one()
        rows = (await session.exec(select(Alert).where(Alert.request_id == request.id))).all()
    return {f"{a.kind}@{a.deadline_on.isoformat()}": a for a in rows}


async def test_a_reminder_is_planned_on_its_day_at_the_members_time(db: Database) -> None:
    public_id = await _log(db)
    detail = await append_event(db, ME, public_id, "reminder", details={"remind_on": "14/02/2027", "about": "they promised publication"},
                                now=at(date(2026, 11, 10)))
    assert detail.request.deadlines["member_notes"]["member_reminder_2027-02-14"] == "Your reminder: they promised publication"
    alert = (await _alerts(db, public_id))["member_reminder@2027-02-14"]
    # Sun 14 Feb 2027, 09:00 in London (GMT): the member's default time, on the day itself.
    assert alert.state == "pending" and alert.fire_at.replace(tzinfo=timezone.utc) == at(date(2027, 2, 14), 9)


async def test_a_reminder_must_be_for_a_later_day(db: Database) -> None:
    public_id = await _log(db)
    with pytest.raises(BadInput, match="must be after"):
        await append_event(db, ME, public_id, "reminder", details={"remind_on": "1/11/2026"}, now=at(date(2026, 11, 10)))


async def test_a_section_22_refusal_with_a_date_plans_the_publication_check_and_a_new_request_draft(db: Database) -> None:
    public_id = await _log(db)
    await append_event(db, ME, public_id, "response", on="20/11/2026",
                       details={"outcome": "refused", "exemptions": "s.22", "publication_date": "15/02/2027"},
                       now=at(date(2026, 11, 20)))
    alerts = await _alerts(db, public_id)
    check = alerts["publication_check@2027-02-15"]
    assert check.state == "pending" and check.fire_at.replace(tzinfo=timezone.utc) == at(date(2027, 2, 15), 9)
    assert any(k.startswith("review_window_closing@") for k in alerts)  # the law's ladder goes on beside it
    draft_id = await draft_asking_again(db, check.id, ME.user_id, now=at(date(2027, 2, 15)))  # type: ignore[arg-type]
    draft = await get_draft(db, ME, draft_id)
    assert draft.content.authority == "Anytown Council" and "15 February 2027" in draft.content.questions


async def test_a_new_request_from_the_check_needs_the_members_name_first(db: Database) -> None:
    public_id = await _log(db, name=None)
    await append_event(db, ME, public_id, "response", on="20/11/2026",
                       details={"outcome": "refused", "exemptions": "s.22", "publication_date": "15/02/2027"},
                       now=at(date(2026, 11, 20)))
    check = (await _alerts(db, public_id))["publication_check@2027-02-15"]
    with pytest.raises(BadInput, match="needs your name"):
        await draft_asking_again(db, check.id, ME.user_id, now=at(date(2027, 2, 15)))  # type: ignore[arg-type]
