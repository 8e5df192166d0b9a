"""Track a request by its WhatDoTheyKnow link: the timeline, law and deadlines rebuilt from
Alaveteli's JSON (served by the fake WDTK), and the due dates the deadline engine gives."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select

from bot.db import Database
from bot.errors import BadInput, UserError
from bot.law.deadlines import compute_deadlines
from bot.law.regimes import Division, Law
from bot.law.report import RequestFacts
from bot.models import Authority, Event, Request, WdtkTrack
from bot.services import Viewer
from bot.services import wdtk as service
from bot.services.authority_import import import_csv
from bot.sources.polite import BotProtected, Gone, Hidden, Malformed, PoliteClient
from bot.sources.wdtk import WdtkClient
from tests.fakewdtk import FakeWdtk, cases
from tests.fakewdtk.shapes import authorities_csv, csv_row

NOW = datetime(2026, 2, 2, 12, 0, tzinfo=timezone.utc)
ME = Viewer(42)


@pytest.fixture
async def wdtk(fake_wdtk: FakeWdtk):
    client = WdtkClient(PoliteClient(contact="ops@example.org", min_interval=0.0, fresh_for=0.0, backoff_base=0.05), fake_wdtk.base_url)
    yield client
    await client.close()


async def track(db: Database, fake: FakeWdtk, client: WdtkClient, payload: dict, **kw: object) -> service.Tracked:
    fake.requests[payload["url_title"]] = payload
    return await service.track_url(db, client, ME, f"{fake.base_url}/request/{payload['url_title']}#incoming-1", interval=3600, now=NOW, **kw)


def engine_due(facts: RequestFacts, key: str = "response_due") -> date:
    deadline = compute_deadlines(facts).get(key)
    assert deadline is not None
    return deadline.due


async def count(db: Database, model: type) -> int:
    async with db.engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(model))).scalar_one()


async def test_a_waiting_request_is_tracked_with_its_title_authority_law_and_the_engines_due_date(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    await import_csv(db, authorities_csv([csv_row(10, "Home Office", "home_office", tags="department")]), now=NOW)
    tracked = await track(db, fake_wdtk, wdtk, cases.waiting_response())
    detail = tracked.detail
    assert (detail.request.title, detail.authority.wdtk_url_name, detail.request.law) == ("Asylum hotel contracts", "home_office", "foia")
    assert await count(db, Authority) == 1  # matched to the directory by url_name, not created
    assert detail.request.sent_on == date(2026, 1, 5) and detail.request.status == "waiting_response"
    assert detail.request.link == f"{fake_wdtk.base_url}/request/asylum_hotel_contracts"
    due = engine_due(RequestFacts(law=Law.FOIA, received=date(2026, 1, 5)))
    assert detail.folded.live["response_due"].due == due == date(2026, 2, 2)  # FOIA s.10(1): 20 working days
    assert fake_wdtk.hits[0].headers["User-Agent"].startswith("foibot/")


async def test_a_follow_up_after_a_clarification_request_is_the_clarification_and_restarts_the_clock(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    tracked = await track(db, fake_wdtk, wdtk, cases.clarification_then_followup())
    kinds = [e.kind for e in tracked.detail.events]
    assert kinds == ["sent", "clarification_requested", "clarification_sent"]
    facts = RequestFacts(law=Law.FOIA, received=date(2026, 1, 5), clarification_requested=date(2026, 1, 12),
                         clarification_received=date(2026, 1, 14))
    assert tracked.detail.folded.live["response_due"].due == engine_due(facts) == date(2026, 2, 11)
    assert tracked.detail.authority.name == "Calderdale Council" and tracked.detail.authority.source == "wdtk"


async def test_a_partial_answer_from_a_scottish_body_is_foisa_with_its_review_window(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    detail = (await track(db, fake_wdtk, wdtk, cases.partially_successful())).detail
    assert (detail.request.law, detail.authority.division, detail.request.status) == ("foisa", "scotland", "partially_successful")
    response = next(e for e in detail.events if e.kind == "response")
    assert response.data["outcome"] == "partially_successful" and response.occurred_on == date(2026, 1, 28)
    facts = RequestFacts(law=Law.FOISA, division=Division.SCOTLAND, received=date(2026, 1, 5), responded=date(2026, 1, 28))
    assert "review_request_by" in detail.folded.live
    assert detail.folded.live["review_request_by"].due == engine_due(facts, "review_request_by")


async def test_an_internal_review_asked_for_on_wdtk_is_the_review_request_of_an_eir_request(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    detail = (await track(db, fake_wdtk, wdtk, cases.internal_review())).detail
    assert [e.kind for e in detail.events] == ["sent", "response", "review_requested"]
    assert (detail.request.law, detail.request.status) == ("eir", "internal_review")
    facts = RequestFacts(law=Law.EIR, received=date(2026, 1, 5), responded=date(2026, 1, 20), review_requested=date(2026, 1, 22))
    assert detail.folded.live["review_due"].due == engine_due(facts, "review_due")


async def test_a_school_keeps_the_school_rule(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    detail = (await track(db, fake_wdtk, wdtk, cases.school())).detail
    assert detail.request.school and detail.authority.kind == "school"
    facts = RequestFacts(law=Law.FOIA, received=date(2026, 1, 5), school=True)
    assert detail.folded.report.get("school_backstop") is not None
    assert detail.folded.report.get("school_backstop").due == engine_due(facts, "school_backstop")


@pytest.mark.parametrize(("link", "error", "words"), [
    ("https://example.org/request/asylum_hotel_contracts", BadInput, "not a WhatDoTheyKnow link"),
    ("{base}/body/home_office", BadInput, "not a request"),
    ("{base}/request/no_such_request", Gone, "no public request"),
])
async def test_bad_links_are_refused_saying_why_and_nothing_is_saved(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient, link: str, error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        await service.track_url(db, wdtk, ME, link.format(base=fake_wdtk.base_url), interval=3600, now=NOW)
    assert (await count(db, Request), await count(db, Authority), await count(db, WdtkTrack)) == (0, 0, 0)


@pytest.mark.parametrize(("how", "error"), [("hidden", Hidden), ("challenge", BotProtected), ("malformed", Malformed), ("embargoed", Gone)])
async def test_a_request_that_cannot_be_read_is_refused_clearly_and_nothing_is_saved(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient, how: str, error: type) -> None:
    payload = cases.waiting_response()
    fake_wdtk.behave(payload["url_title"], how)
    with pytest.raises(error) as caught:
        await track(db, fake_wdtk, wdtk, payload)
    assert isinstance(caught.value, UserError) and caught.value.message
    assert await count(db, Request) == 0


async def test_the_same_request_is_followed_once_per_member(db: Database, fake_wdtk: FakeWdtk, wdtk: WdtkClient) -> None:
    first = await track(db, fake_wdtk, wdtk, cases.waiting_response())
    with pytest.raises(BadInput, match=f"already follow .*{first.detail.public_id}"):
        await track(db, fake_wdtk, wdtk, cases.waiting_response())
    async with db.engine.connect() as conn:
        events = (await conn.execute(select(Event.kind))).scalars().all()
    assert events == ["sent"]
