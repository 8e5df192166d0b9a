"""The request services on SQLite and PostgreSQL: logging, events, refusals, status over time."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.db import Database
from bot.errors import BadInput, InvalidTransition, NotAllowed, NotFound
from bot.models import Authority, Event, Request
from bot.reminders import outbox
from bot.services import Viewer
from bot.services.requests import (
    DeletedRequest,
    NewRequest,
    RequestChanges,
    append_event,
    create_request,
    delete_request,
    edit_request,
    get_request,
)
from bot.services.letters import letter_facts_for
from bot.tracking import EventKind, Status

pytestmark = pytest.mark.asyncio

OWNER = Viewer(user_id=111, guild_id=9000)
PHSO = "Parliamentary and Health Service Ombudsman"


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


async def log_phso(db: Database, viewer: Viewer = OWNER, **changes: Any) -> str:
    fields = {"authority_name": PHSO, "title": "Number of caseworkers employed by the PHSO", "sent_on": "28/03/2022"}
    detail = await create_request(db, viewer, NewRequest(**{**fields, **changes}), now=at(date(2022, 3, 28)))
    return detail.public_id


async def snapshot(db: Database) -> tuple:
    """Everything a refused change must leave as it was."""
    async with db.transaction() as session:
        counts = []
        for table in (Authority, Request, Event):
            counts.append((await session.exec(select(func.count()).select_from(table))).one())
        rows = (await session.exec(
            select(Request.public_id, Request.title, Request.status, Request.next_deadline, Request.deadlines, Request.updated_at)
            .order_by(Request.id)
        )).all()
    return tuple(counts), [tuple(r) for r in rows]


async def test_logging_a_request_caches_its_status_and_response_deadline(db: Database) -> None:
    public_id = await log_phso(db, reference="00000206", link="https://www.whatdotheyknow.com/request/caseworkers")
    assert len(public_id) == 5 and not set(public_id) & set("01OI")
    async with db.transaction() as session:
        request = (await session.exec(select(Request).where(Request.public_id == public_id))).one()
        events = (await session.exec(select(Event).where(Event.request_id == request.id))).all()
    assert (request.status, request.next_deadline, request.next_deadline_key) == ("waiting_response", date(2022, 4, 27), "response_due")
    assert request.deadlines == {"response_due": "2022-04-27"}
    assert [(e.kind, e.occurred_on) for e in events] == [("sent", date(2022, 3, 28))]


async def test_one_authority_is_shared_whatever_the_spelling_of_its_case_and_spaces(db: Database) -> None:
    await log_phso(db)
    await log_phso(db, authority_name="  parliamentary AND health service   ombudsman")
    (counts, _) = await snapshot(db)
    assert counts[:2] == (1, 2)


async def test_a_new_scottish_authority_takes_scotland_from_foisa(db: Database) -> None:
    public_id = await log_phso(db, authority_name="Glasgow City Council", law="foisa")
    detail = await get_request(db, OWNER, public_id, now=at(date(2022, 4, 1)))
    assert detail.authority.division == "scotland"
    # FOISA s.73: Easter Monday (18 April 2022) is a working day in Scotland, so a day earlier than FOIA.
    assert detail.folded.next_deadline == date(2022, 4, 26)


PHSO_STEPS = [
    # (event, day, details, status shown that day, cached next deadline)
    (EventKind.CLARIFICATION_REQUESTED, date(2022, 3, 30), {"partial": True}, Status.WAITING_CLARIFICATION, date(2022, 4, 27)),
    (EventKind.CLARIFICATION_SENT, date(2022, 3, 31), {}, Status.WAITING_RESPONSE, date(2022, 4, 27)),
    (
        EventKind.RESPONSE, date(2022, 4, 8), {"outcome": "partially successful", "attachment_missing": True},
        Status.PARTIALLY_SUCCESSFUL, date(2022, 6, 10),
    ),
    (EventKind.REVIEW_REQUESTED, date(2022, 4, 9), {}, Status.INTERNAL_REVIEW, date(2022, 5, 11)),
    (EventKind.REVIEW_RESPONSE, date(2022, 5, 9), {}, Status.PARTIALLY_SUCCESSFUL, date(2022, 6, 20)),
    (EventKind.COMPLAINT_MADE, date(2022, 5, 20), {}, Status.COMPLAINT, None),
    (EventKind.REGULATOR_DECISION, date(2022, 9, 1), {}, Status.CLOSED, None),
]


async def test_the_phso_timeline_through_the_services(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    reconciled: list[tuple[str, str, Any]] = []
    real_reconcile = outbox.reconcile_alerts

    async def record(session: Any, request: Request, *, now: datetime) -> Any:
        # Watch what the alerts see, then let the real reconciliation run.
        reconciled.append((request.public_id, request.status, request.next_deadline))
        return await real_reconcile(session, request, now=now)

    monkeypatch.setattr(outbox, "reconcile_alerts", record)
    public_id = await log_phso(db)
    for kind, day, details, shown, next_deadline in PHSO_STEPS:
        detail = await append_event(db, OWNER, public_id, kind, on=day.strftime("%d/%m/%Y"), details=details, now=at(day))
        assert detail.folded.shown_status is shown, kind
        assert detail.request.next_deadline == next_deadline, kind
        # the alerts are reconciled with the new status already on the row, in the same transaction
        assert reconciled[-1] == (public_id, detail.folded.status.value, next_deadline)
    assert len(reconciled) == 1 + len(PHSO_STEPS)
    shown = await get_request(db, OWNER, public_id.lower(), now=at(date(2023, 1, 1)))
    assert [e.kind for e in shown.events] == ["sent", *(k.value for k, *_ in PHSO_STEPS)]
    assert shown.folded.response is not None and shown.folded.response.attachment_missing
    facts = letter_facts_for(shown, signer="Dudley Jones")  # what the letters are written from
    assert (facts.responded, facts.review_requested, facts.review_responded) == (date(2022, 4, 8), date(2022, 4, 9), date(2022, 5, 9))
    assert facts.attachment_missing and facts.outcome is not None and facts.outcome.value == "partially_successful"


async def test_every_other_event_kind_through_the_services(db: Database) -> None:
    public_id = await log_phso(db)
    steps = [
        (EventKind.ACKNOWLEDGED, "29/03/2022", {"reference": "FOI-206"}, Status.WAITING_RESPONSE),
        (EventKind.FEE_NOTICE, "30/03/2022", {}, Status.WAITING_RESPONSE),
        (EventKind.FEE_PAID, "01/04/2022", {}, Status.WAITING_RESPONSE),
        (EventKind.EXTENSION, "25/04/2022", {"new_date": "25/05/2022"}, Status.WAITING_RESPONSE),
        (EventKind.NOTE, "26/04/2022", {}, Status.WAITING_RESPONSE),
        (EventKind.WITHDRAWN, "27/04/2022", {}, Status.USER_WITHDRAWN),
    ]
    for kind, day, details, status in steps:
        detail = await append_event(db, OWNER, public_id, kind, on=day, note="chased by phone", details=details, now=at(date(2022, 4, 27)))
        assert detail.folded.status is status
    assert detail.request.reference == "FOI-206"  # taken from the acknowledgement
    assert detail.request.deadlines == {} and detail.request.next_deadline is None


async def test_status_is_derived_as_time_passes_with_an_injected_clock(db: Database) -> None:
    public_id = await log_phso(db)
    shown = {day: (await get_request(db, OWNER, public_id, now=at(day))).folded.shown_status for day in (
        date(2022, 4, 27), date(2022, 4, 28), date(2022, 5, 26), date(2022, 5, 27),
    )}
    assert list(shown.values()) == [Status.WAITING_RESPONSE, Status.OVERDUE, Status.OVERDUE, Status.VERY_OVERDUE]
    async with db.transaction() as session:
        stored = (await session.exec(select(Request.status).where(Request.public_id == public_id))).one()
    assert stored == "waiting_response"  # time alone never writes


async def test_a_review_left_unanswered_becomes_review_overdue(db: Database) -> None:
    public_id = await log_phso(db)
    await append_event(db, OWNER, public_id, "response", on=date(2022, 4, 8), details={"outcome": "refused"}, now=at(date(2022, 4, 8)))
    await append_event(db, OWNER, public_id, "review_requested", on=date(2022, 4, 9), now=at(date(2022, 4, 9)))
    assert (await get_request(db, OWNER, public_id, now=at(date(2022, 5, 11)))).folded.shown_status is Status.INTERNAL_REVIEW
    assert (await get_request(db, OWNER, public_id, now=at(date(2022, 5, 12)))).folded.shown_status is Status.REVIEW_OVERDUE


# -- refusals leave the database as it was ---------------------------------------------------------

OTHER = Viewer(user_id=222, guild_id=9000)
REFUSED = [
    ("an impossible event", OWNER, "review_response", {"on": "01/04/2022"}, InvalidTransition, "needs a review request first"),
    ("a date in the future", OWNER, "acknowledged", {"on": "30/04/2022"}, BadInput, "is in the future"),
    ("a date before the request was sent", OWNER, "acknowledged", {"on": "27/03/2022"}, BadInput, "before the request was sent"),
    ("a malformed date", OWNER, "acknowledged", {"on": "31/02/2022"}, BadInput, "February 2022 has no day 31"),
    ("an over-long note", OWNER, "note", {"note": "x" * 1001}, BadInput, "1001 characters long; the limit is 1000"),
    ("a note without text", OWNER, "note", {}, BadInput, "A note needs some text"),
    ("a detail the event does not take", OWNER, "acknowledged", {"details": {"outcome": "refused"}}, BadInput, "takes no outcome"),
    ("a response without an outcome", OWNER, "response", {}, BadInput, "needs the outcome"),
    ("an unknown event", OWNER, "exploded", {}, BadInput, "not an event foibot knows"),
    ("logging 'sent' twice", OWNER, "sent", {}, BadInput, "use /request edit"),
    ("another member's private request", Viewer(333, None), "note", {"note": "hi"}, NotFound, "No request"),
    ("a server request changed by a member who is not its owner", OTHER, "note", {"note": "hi"}, NotAllowed, "Only the member"),
]


@pytest.mark.parametrize(("why", "viewer", "kind", "kwargs", "error", "message"), REFUSED, ids=[r[0] for r in REFUSED])
async def test_a_refused_event_leaves_the_database_unchanged(
    db: Database, why: str, viewer: Viewer, kind: str, kwargs: dict, error: type, message: str
) -> None:
    public_id = await log_phso(db, visibility="server")
    before = await snapshot(db)
    with pytest.raises(error) as refused:
        await append_event(db, viewer, public_id, kind, now=at(date(2022, 4, 20)), **kwargs)
    assert message in refused.value.message
    assert await snapshot(db) == before


async def test_unknown_ids_and_other_members_ids_get_the_same_not_found(db: Database) -> None:
    private = await log_phso(db)
    stranger = Viewer(user_id=999, guild_id=9000)
    messages = set()
    for text in ("ZZZZZ", "not an id", private):
        with pytest.raises(NotFound) as refused:
            await get_request(db, stranger, text)
        messages.add(refused.value.message.replace(text, "<id>"))
    assert len(messages) == 1


async def test_a_refused_log_creates_neither_the_request_nor_the_authority(db: Database) -> None:
    before = await snapshot(db)
    for changes in ({"title": "t" * 201}, {"sent_on": "28/13/2022"}, {"link": "not a link"}, {"visibility": "server"}):
        with pytest.raises(BadInput):
            await log_phso(db, Viewer(111, None), authority_name="A brand new council", **changes)
    assert await snapshot(db) == before


# -- permissions ------------------------------------------------------------------------------------

async def test_who_may_see_and_change_a_request(db: Database) -> None:
    shared = await log_phso(db, visibility="server")
    private = await log_phso(db)
    same_server, other_server, in_dms = Viewer(222, 9000), Viewer(222, 8000), Viewer(222, None)
    assert (await get_request(db, same_server, shared)).viewer_is_owner is False
    for viewer, public_id in ((same_server, private), (other_server, shared), (in_dms, shared)):
        with pytest.raises(NotFound):
            await get_request(db, viewer, public_id)
    # the owner sees their own requests anywhere, DMs included
    assert (await get_request(db, Viewer(111, None), shared)).viewer_is_owner
    with pytest.raises(NotAllowed):
        await delete_request(db, same_server, shared)
    with pytest.raises(NotAllowed):
        await edit_request(db, same_server, shared, RequestChanges(title="mine now"))
    with pytest.raises(NotFound):
        await delete_request(db, other_server, shared)


# -- edit and delete --------------------------------------------------------------------------------

async def test_editing_the_date_sent_refolds_the_deadlines(db: Database) -> None:
    public_id = await log_phso(db)
    detail = await edit_request(db, OWNER, public_id, RequestChanges(sent_on="29/03/2022", title="Caseworkers"), now=at(date(2022, 4, 1)))
    assert (detail.request.title, detail.request.sent_on, detail.request.next_deadline) == ("Caseworkers", date(2022, 3, 29), date(2022, 4, 28))
    assert [e.occurred_on for e in detail.events] == [date(2022, 3, 29)]


async def test_the_date_sent_cannot_move_after_the_first_event(db: Database) -> None:
    public_id = await log_phso(db)
    await append_event(db, OWNER, public_id, "acknowledged", on="29/03/2022", now=at(date(2022, 4, 1)))
    before = await snapshot(db)
    with pytest.raises(BadInput, match="can't be later than the first event"):
        await edit_request(db, OWNER, public_id, RequestChanges(sent_on="30/03/2022"), now=at(date(2022, 4, 1)))
    assert await snapshot(db) == before


async def test_changing_the_law_to_one_without_extensions_is_refused_when_one_is_recorded(db: Database) -> None:
    public_id = await log_phso(db)
    await append_event(db, OWNER, public_id, "extension", on="20/04/2022", details={"new_date": "20/05/2022"}, now=at(date(2022, 4, 21)))
    before = await snapshot(db)
    with pytest.raises(InvalidTransition, match="FOISA has no extension"):
        await edit_request(db, OWNER, public_id, RequestChanges(law="foisa"), now=at(date(2022, 4, 21)))
    assert await snapshot(db) == before


async def test_sharing_and_clearing_fields(db: Database) -> None:
    public_id = await log_phso(db, Viewer(111, None), reference="X1")
    with pytest.raises(BadInput, match="only from inside a server"):
        await edit_request(db, Viewer(111, None), public_id, RequestChanges(visibility="server"))
    detail = await edit_request(db, Viewer(111, 7000), public_id, RequestChanges(visibility="server", reference=""))
    assert (detail.request.visibility, detail.request.guild_id, detail.request.reference) == ("server", 7000, None)
    assert (await get_request(db, Viewer(555, 7000), public_id)).public_id == public_id


async def test_deleting_a_request_removes_its_timeline_but_not_the_authority(db: Database) -> None:
    public_id = await log_phso(db)
    await append_event(db, OWNER, public_id, "acknowledged", on="29/03/2022", now=at(date(2022, 4, 1)))
    assert await delete_request(db, OWNER, public_id) == DeletedRequest("Number of caseworkers employed by the PHSO", messages=())
    (counts, rows) = await snapshot(db)
    assert counts == (1, 0, 0) and rows == []
    with pytest.raises(NotFound):
        await get_request(db, OWNER, public_id)
