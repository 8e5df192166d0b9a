"""The drafts service on SQLite and PostgreSQL: create, edit, fix, list, delete, mark as sent.

The request is the PHSO caseworkers request (WhatDoTheyKnow, sent 28 March 2022; the
acknowledgement said "We aim to issue a full response by 27 April 2022"), quoted here in part.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.db import Database
from bot.drafting import Draft
from bot.errors import BadInput, InvalidTransition, NotFound
from bot.law.regimes import Law
from bot.models import Alert, Authority, Event, Request
from bot.models import Draft as DraftRow
from bot.reminders import outbox
from bot.services import Viewer
from bot.services import drafts as service
from bot.services.drafts import DraftState
from bot.services.requests import NewRequest, create_request, delete_request, get_request, list_requests

pytestmark = pytest.mark.asyncio

ALICE = Viewer(user_id=111, guild_id=9000)
BOB = Viewer(user_id=222, guild_id=9000)
PHSO = "Parliamentary and Health Service Ombudsman"
QUESTIONS = """Could you tell me:
1) How many caseworkers are employed by the PHSO for dealing with 'parliamentary' cases?
2) How many caseworkers are employed by the PHSO for dealing with 'NHS' cases?

In the last 3 years, how many case investigations have been completed in a period of 7 weeks or less?"""
CONTENT = Draft(authority=PHSO, subject="Caseworkers", questions=QUESTIONS, requester_name="Dudley Jones", law=Law.FOIA)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


async def snapshot(db: Database) -> tuple:
    """Everything a refused change must leave as it was."""
    async with db.transaction() as session:
        counts = [(await session.exec(select(func.count()).select_from(t))).one() for t in (Authority, Request, Event, Alert)]
        drafts = (await session.exec(
            select(DraftRow.public_id, DraftRow.state, DraftRow.questions, DraftRow.request_id, DraftRow.sent_on,
                   DraftRow.updated_at).order_by(DraftRow.id)
        )).all()
    return tuple(counts), [tuple(d) for d in drafts]


async def new_draft(db: Database, viewer: Viewer = ALICE, **changes: Any) -> str:
    record = await service.create_draft(db, viewer, CONTENT.with_changes(**changes), now=at(date(2022, 3, 25)))
    return record.public_id


async def test_a_draft_is_stored_cleaned_and_read_back_by_its_owner(db: Database) -> None:
    record = await service.create_draft(
        db, ALICE, CONTENT.with_changes(authority="  Parliamentary and Health   Service Ombudsman ", questions=QUESTIONS.replace("\n", "\r\n") + "\n\n"),
    )
    assert len(record.public_id) == 5 and not set(record.public_id) & set("01OI")
    assert record.state is DraftState.OPEN and record.request_public_id is None
    assert record.content.authority == PHSO and record.content.questions == QUESTIONS
    again = await service.get_draft(db, ALICE, f" #{record.public_id.lower()} ")
    assert again.content == record.content and again.title == "Caseworkers"


async def test_a_draft_without_a_subject_is_titled_by_its_first_line(db: Database) -> None:
    public_id = await new_draft(db, subject="", questions="How many complaints about potholes did the council receive in 2025, broken down by ward and by month?")
    record = await service.get_draft(db, ALICE, public_id)
    assert record.title.startswith("How many complaints about potholes") and record.title.endswith("…") and len(record.title) == 80


async def test_another_member_gets_the_same_not_found_as_for_an_unknown_id(db: Database) -> None:
    public_id = await new_draft(db)
    before = await snapshot(db)
    with pytest.raises(NotFound) as unknown:
        await service.get_draft(db, BOB, "ZZZZZ")
    attempts = [
        service.get_draft(db, BOB, public_id),
        service.update_draft(db, BOB, public_id, CONTENT.with_changes(subject="mine")),
        service.apply_draft_fixes(db, BOB, public_id),
        service.delete_draft(db, BOB, public_id),
        service.mark_sent(db, BOB, public_id, "28/03/2022", now=at(date(2022, 3, 28))),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound) as refused:
            await attempt
        assert refused.value.message == unknown.value.message.replace("ZZZZZ", public_id)
    assert await service.search_drafts(db, BOB, "") == []
    assert (await service.list_drafts(db, BOB)).total == 0
    assert await snapshot(db) == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"requester_name": "   "}, "needs your real name"),
        ({"authority": ""}, "needs the authority's name"),
        ({"questions": " \n "}, "needs your questions"),
        ({"questions": "x" * 4001}, "4,001 characters long; the most it can be is 4,000"),
        ({"subject": "s" * 201}, "The subject is 201 characters long"),
    ],
)
async def test_bad_input_is_refused_naming_the_field_and_changes_nothing(db: Database, changes: dict[str, str], message: str) -> None:
    public_id = await new_draft(db)
    before = await snapshot(db)
    with pytest.raises(BadInput, match=message):
        await service.create_draft(db, ALICE, CONTENT.with_changes(**changes))
    with pytest.raises(BadInput, match=message):
        await service.update_draft(db, ALICE, public_id, CONTENT.with_changes(**changes))
    assert await snapshot(db) == before


async def test_editing_replaces_the_fields_and_moves_the_draft_to_the_top_of_the_list(db: Database) -> None:
    first = await new_draft(db, subject="First")
    second = await service.create_draft(db, ALICE, CONTENT.with_changes(subject="Second"), now=at(date(2022, 3, 26)))
    listed = await service.list_drafts(db, ALICE)
    assert [r.public_id for r in listed.items] == [second.public_id, first] and listed.total == 2
    edited = await service.update_draft(db, ALICE, first, CONTENT.with_changes(subject="First, edited", law=Law.EIR), now=at(date(2022, 3, 27)))
    assert edited.content.subject == "First, edited" and edited.content.law is Law.EIR
    assert [r.public_id for r in (await service.list_drafts(db, ALICE)).items] == [first, second.public_id]
    assert [r.public_id for r in (await service.list_drafts(db, ALICE, limit=1)).items] == [first]


async def test_search_finds_drafts_by_id_subject_or_authority(db: Database) -> None:
    potholes = await new_draft(db, subject="Potholes", authority="Bristol City Council")
    caseworkers = await new_draft(db)
    assert [pid for pid, _ in await service.search_drafts(db, ALICE, "pothole")] == [potholes]
    assert [pid for pid, _ in await service.search_drafts(db, ALICE, "ombudsman")] == [caseworkers]
    assert [pid for pid, _ in await service.search_drafts(db, ALICE, caseworkers[:3].lower())] == [caseworkers]
    assert await service.search_drafts(db, ALICE, "100%_") == []
    assert dict(await service.search_drafts(db, ALICE, ""))[potholes] == "Potholes · Bristol City Council"


async def test_apply_fixes_writes_out_the_period_and_adds_the_standard_sentences_once(db: Database) -> None:
    public_id = await new_draft(db)
    outcome = await service.apply_draft_fixes(db, ALICE, public_id, now=at(date(2026, 11, 25)))
    assert outcome.changed
    fixed = outcome.record.content.questions
    assert "Between 25 November 2023 and 24 November 2026, how many case investigations" in fixed
    assert "section 16 of the Freedom of Information Act 2000" in fixed and "section 11" in fixed
    assert not [f for f in outcome.findings if f.fix is not None]
    assert (await service.get_draft(db, ALICE, public_id)).content.questions == fixed
    again = await service.apply_draft_fixes(db, ALICE, public_id, now=at(date(2026, 11, 25)))
    assert not again.changed and again.record.content.questions == fixed


async def test_fixes_that_would_overflow_the_edit_form_are_refused_and_change_nothing(db: Database) -> None:
    long_questions = "In the last 3 years, how many complaints were received?\n\n" + "Some context about the request. " * 120
    public_id = await new_draft(db, questions=long_questions.strip()[:3990])
    before = await snapshot(db)
    with pytest.raises(BadInput, match="over the 4,000 a draft can hold"):
        await service.apply_draft_fixes(db, ALICE, public_id, now=at(date(2026, 11, 25)))
    assert await snapshot(db) == before


async def test_marking_as_sent_logs_the_request_with_its_deadline_in_one_go(db: Database) -> None:
    public_id = await new_draft(db)
    sent = await service.mark_sent(db, ALICE, public_id, "28/03/2022", now=at(date(2022, 3, 28)))
    request = sent.request
    # FOIA s.10(1): 20 working days after 28 March 2022, skipping Good Friday and Easter Monday.
    assert (request.request.next_deadline_key, request.request.next_deadline) == ("response_due", date(2022, 4, 27))
    assert (request.request.title, request.request.questions, request.request.requester_name) == ("Caseworkers", QUESTIONS, "Dudley Jones")
    assert (request.authority.name, request.request.law, request.request.guild_id) == (PHSO, "foia", ALICE.guild_id)
    assert sent.record.state is DraftState.SENT and sent.record.request_public_id == request.public_id
    assert sent.record.sent_on == date(2022, 3, 28)
    page = await list_requests(db, ALICE, now=at(date(2022, 3, 28)))
    assert [(s.public_id, s.next_deadline) for s in page.items] == [(request.public_id, date(2022, 4, 27))]
    stored = await service.get_draft(db, ALICE, public_id)
    assert stored.request_public_id == request.public_id and stored.lint_context(date(2026, 1, 1)).today == date(2022, 3, 28)
    (counts, _) = await snapshot(db)
    assert counts[:3] == (1, 1, 1)


async def test_a_title_given_when_marking_as_sent_is_used_and_a_known_authority_is_reused(db: Database) -> None:
    await create_request(db, ALICE, NewRequest(PHSO.upper(), "Earlier request", "01/03/2022"), now=at(date(2022, 3, 1)))
    public_id = await new_draft(db)
    sent = await service.mark_sent(db, ALICE, public_id, date(2022, 3, 28), title="  Number of   caseworkers ", now=at(date(2022, 3, 28)))
    assert sent.request.request.title == "Number of caseworkers"
    (counts, _) = await snapshot(db)
    assert counts[:2] == (1, 2)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2022", "February 2022 has no day 31"),
        ("03/28/2022", "there is no month 28"),
        ("next week", "doesn't look like a date"),
        ("01/01/2030", "is in the future"),
        ("", "The date sent is empty"),
    ],
)
async def test_a_malformed_or_future_date_is_refused_and_changes_nothing(db: Database, typed: str, message: str) -> None:
    public_id = await new_draft(db)
    before = await snapshot(db)
    with pytest.raises(BadInput, match=message):
        await service.mark_sent(db, ALICE, public_id, typed, now=at(date(2022, 3, 28)))
    assert await snapshot(db) == before


async def test_a_failure_while_logging_the_request_rolls_back_the_draft_too(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    public_id = await new_draft(db)
    before = await snapshot(db)

    async def broken(session: Any, request: Request, *, now: datetime) -> None:
        raise RuntimeError("the alert planner failed after the request row was written")

    monkeypatch.setattr(outbox, "reconcile_alerts", broken)
    with pytest.raises(RuntimeError):
        await service.mark_sent(db, ALICE, public_id, "28/03/2022", now=at(date(2022, 3, 28)))
    assert await snapshot(db) == before
    assert (await service.get_draft(db, ALICE, public_id)).is_open


async def test_a_sent_draft_can_be_read_and_deleted_but_not_changed_or_sent_again(db: Database) -> None:
    public_id = await new_draft(db)
    sent = await service.mark_sent(db, ALICE, public_id, "28/03/2022", now=at(date(2022, 3, 28)))
    request_id = sent.request.public_id
    before = await snapshot(db)
    for attempt in (
        service.mark_sent(db, ALICE, public_id, "29/03/2022", now=at(date(2022, 3, 29))),
        service.update_draft(db, ALICE, public_id, CONTENT),
        service.apply_draft_fixes(db, ALICE, public_id),
    ):
        with pytest.raises(InvalidTransition, match=f"already marked as sent.*/request show {request_id}"):
            await attempt
    assert await snapshot(db) == before
    deleted = await service.delete_draft(db, ALICE, public_id)
    assert deleted.request_public_id == request_id
    assert (await get_request(db, ALICE, request_id)).request.title == "Caseworkers"  # the request stays
    with pytest.raises(NotFound):
        await service.get_draft(db, ALICE, public_id)


async def test_deleting_the_request_leaves_the_draft_sent_without_a_link(db: Database) -> None:
    public_id = await new_draft(db)
    sent = await service.mark_sent(db, ALICE, public_id, "28/03/2022", now=at(date(2022, 3, 28)))
    await delete_request(db, ALICE, sent.request.public_id)
    record = await service.get_draft(db, ALICE, public_id)
    assert record.state is DraftState.SENT and record.request_public_id is None and record.sent_on == date(2022, 3, 28)
    with pytest.raises(InvalidTransition, match="has since been deleted"):
        await service.update_draft(db, ALICE, public_id, CONTENT)


async def test_a_member_may_keep_only_so_many_drafts(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "MAX_DRAFTS_PER_MEMBER", 2)
    await new_draft(db)
    await new_draft(db)
    with pytest.raises(BadInput, match="already have 2 drafts"):
        await new_draft(db)
    await new_draft(db, BOB)  # the limit is per member


async def test_the_short_name_on_the_authoritys_record_is_not_an_undefined_term(db: Database) -> None:
    async with db.transaction() as session:
        session.add(Authority(name="Driver and Vehicle Standards Agency", name_key="driver and vehicle standards agency",
                              short_name="DVSA"))
    questions = "How many driving examiners did the agency employ on 1 April 2026? How many 'DVSA' test centres were open?"
    record = await service.create_draft(db, ALICE, CONTENT.with_changes(authority="Driver and Vehicle Standards Agency",
                                                                        questions=questions))
    assert record.authority_short_name == "DVSA"
    for found in (service.lint_draft(record, date(2026, 11, 25)),
                  service.lint_draft(await service.get_draft(db, ALICE, record.public_id), date(2026, 11, 25))):
        assert "undefined-term" not in {f.rule_id for f in found}
    # The built-in list's short name counts for an authority not on record yet ("MOJ").
    record = await service.create_draft(db, ALICE, CONTENT.with_changes(authority="Ministry of Justice",
                                                                        questions="How many MOJ staff were there on 1 April 2026?"))
    assert record.authority_short_name == "MOJ"
    assert "undefined-term" not in {f.rule_id for f in service.lint_draft(record, date(2026, 11, 25))}
