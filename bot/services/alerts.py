"""A member's alerts and alert settings, as the ``/reminders`` commands and the DM buttons use them:
each function one transaction (or one read) over ``bot.reminders.outbox`` and ``bot.services.users``.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from bot.reminders import outbox
from bot.services import users

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from bot.db import Database
    from bot.models import Alert, Request, UserSettings

log = logging.getLogger(__name__)

# Alerts about a review: "I got a response" on them records the review's outcome, not a response.
REVIEW_ALERT_KINDS = frozenset({"review_due", "review_overdue"})


def event_for_answer(alert_kind: str) -> str:
    """The event "I got a response" records for an alert of this kind."""
    return "review_response" if alert_kind in REVIEW_ALERT_KINDS else "response"


async def upcoming(db: Database, user_id: int, *, limit: int) -> tuple[UserSettings, list[outbox.UpcomingAlert]]:
    """The member's settings and pending alerts, soonest first (``/reminders list``)."""
    def read(conn: Connection) -> tuple[UserSettings, list[outbox.UpcomingAlert]]:
        return users.read_settings(conn, user_id, zone=db.default_zone), outbox.upcoming_alerts(conn, user_id, limit=limit)

    return await db.run_read(read)


async def settings_of(db: Database, user_id: int) -> UserSettings:
    async with db.read() as session:
        return await users.get_settings(session, user_id)


async def change_settings(
    db: Database, user_id: int, *, now: datetime, enabled: bool | None = None, time_of_day: str | None = None,
    timezone: str | None = None, lead_days: int | None = None,
) -> UserSettings:
    """Change what is given (and re-plan the member's alerts); with nothing given, just read."""
    if all(value is None for value in (enabled, time_of_day, timezone, lead_days)):
        return await settings_of(db, user_id)
    async with db.transaction() as session:
        return await users.update_settings(
            session, user_id, now=now, enabled=enabled, time_of_day=time_of_day, timezone=timezone, lead_days=lead_days,
        )


async def record_test_dm(db: Database, user_id: int, outcome: str, *, now: datetime) -> None:
    """What a test DM showed about the member's DMs: open again, or closed (told now, no notice later)."""
    async with db.transaction() as session:
        if outcome == "sent":
            await users.mark_dms_open(session, user_id, now=now)
        elif outcome == "dms_closed":
            await users.mark_dms_closed(session, user_id, now=now, notice=False)


async def snooze(db: Database, alert_id: int, user_id: int, *, now: datetime) -> Alert:
    async with db.transaction() as session:
        return await outbox.snooze_alert(session, alert_id, user_id, now=now)


async def set_stopped(db: Database, alert_id: int, user_id: int, *, stop: bool, now: datetime) -> Request:
    """Stop (or resume) every alert of the request this alert is about; returns the request."""
    async with db.transaction() as session:
        _, request = await outbox.owned_alert(session, alert_id, user_id)
        change = outbox.stop_alerts if stop else outbox.resume_alerts
        await change(session, request.id, user_id, now=now)  # type: ignore[arg-type]
        return request


async def alert_and_request(db: Database, alert_id: int, user_id: int) -> tuple[Alert, Request]:
    """The member's own alert and its request ("not found" for anyone else's)."""
    async with db.read() as session:
        return await outbox.owned_alert(session, alert_id, user_id)


async def draft_asking_again(db: Database, alert_id: int, user_id: int, *, now: datetime) -> str:
    """A publication check's *New request* button: a draft to the same authority asking again for
    what the refusal said would be published (FOIA s.22, FOISA s.27, EIR reg 12(4)(d)); its id."""
    from bot.drafting.draft import Draft
    from bot.law.counting import plain_date
    from bot.models import Authority
    from bot.services.drafts import create_draft
    from bot.services.requests import Viewer

    async with db.read() as session:
        alert, request = await outbox.owned_alert(session, alert_id, user_id)
        authority = await session.get(Authority, request.authority_id)
    if not request.requester_name:
        from bot.errors import BadInput

        raise BadInput(
            f"A new request needs your name for the letter: add it with `/request edit request:{request.public_id} name:...`, "
            "then press New request again."
        )
    name = authority.name if authority is not None else ""
    questions = (
        f"On my earlier request \u201c{request.title}\u201d{f' (your reference {request.reference})' if request.reference else ''}, "
        f"you said the information would be published by {plain_date(alert.deadline_on)}. I cannot find it published. "
        "Please provide it now.\n\n" + (request.questions or "")
    ).strip()
    draft = Draft(authority=name, subject=request.title[:80], questions=questions[:4000],
                  requester_name=request.requester_name or "", law=request.law)  # type: ignore[arg-type]
    record = await create_draft(db, Viewer(user_id), draft, now=now)
    return record.public_id
