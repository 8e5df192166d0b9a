"""The authority directory: WhatDoTheyKnow's all-authorities.csv imported, refreshed and searched."""

from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.cli import main
from bot.db import Database
from bot.errors import BadInput
from bot.models import Authority, Request
from bot.services import Viewer, authorities
from bot.services.authority_import import import_csv
from bot.services.requests import create_request
from bot.tracking.inputs import NewRequest
from tests.fakewdtk.shapes import CSV_HEADERS, authorities_csv, csv_row

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)

BODIES = [
    csv_row(1, "Parliamentary and Health Service Ombudsman", "phso", short_name="PHSO", tags="ombudsman"),
    csv_row(2, "Department for Work and Pensions", "dwp", short_name="DWP", tags="department central_government"),
    csv_row(3, "Calderdale Council", "calderdale_council", tags="local_council"),
    csv_row(4, "Home Office", "home_office", tags="department"),
    csv_row(5, "Scottish Water", "scottish_water", tags="scotland water_company"),
    csv_row(6, "Environment Agency Wales Trading", "ea_trading", tags="eir_only"),
    csv_row(7, "Anytown Primary School", "anytown_primary_school", tags="school"),
    csv_row(8, "Brightway Academy Trust", "brightway_academy_trust", tags="academy_trust"),
    csv_row(9, "Old Regional Development Agency", "old_rda", tags="defunct"),
    csv_row(10, "A Charity", "a_charity", tags="not_apply"),
    csv_row(11, "Royal Household", "royal_household", tags="foi_no"),
    csv_row(12, "Home Ownership Advice Service", "home_ownership_advice", tags=""),
    csv_row(13, "Halifax Town Council", "halifax_town_council", tags="local_council"),
    csv_row(14, "Office for Students", "office_for_students"),
]


def filler(n: int, start: int = 100) -> list[list[object]]:
    return [csv_row(start + i, f"Parish Council Number {i}", f"parish_{i}", tags="parish_council") for i in range(n)]


async def rows(db: Database) -> dict[str, Authority]:
    async with db.session() as session:
        return {a.wdtk_url_name or a.name: a for a in (await session.exec(select(Authority))).all()}


async def count(db: Database) -> int:
    async with db.engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(Authority))).scalar_one()


async def test_an_import_reads_each_bodys_tags_into_its_part_of_the_uk_law_school_rule_and_foi(db: Database) -> None:
    result = await import_csv(db, authorities_csv(BODIES), now=NOW)
    assert (result.added, result.updated, result.unchanged) == (len(BODIES), 0, 0)
    found = await rows(db)
    assert (found["scottish_water"].division, found["scottish_water"].default_law) == ("scotland", "foisa")
    assert found["ea_trading"].default_law == "eir"
    assert found["anytown_primary_school"].kind == "school" and found["brightway_academy_trust"].kind == "school"
    assert [found[u].foi_applies for u in ("old_rda", "a_charity", "royal_household", "home_office")] == [False, False, False, True]
    assert found["phso"].short_name == "PHSO" and found["phso"].wdtk_id == 1 and found["phso"].source == "wdtk"


async def test_re_importing_the_same_file_changes_nothing(db: Database) -> None:
    data = authorities_csv(BODIES + filler(40))
    await import_csv(db, data, now=NOW)
    before = {k: (a.id, a.updated_at, a.name_key) for k, a in (await rows(db)).items()}
    again = await import_csv(db, data, now=datetime(2026, 12, 2, tzinfo=timezone.utc))
    assert (again.added, again.updated, again.vanished, again.unchanged) == (0, 0, 0, len(BODIES) + 40)
    assert {k: (a.id, a.updated_at, a.name_key) for k, a in (await rows(db)).items()} == before


async def test_a_body_that_leaves_the_file_is_marked_not_deleted_and_its_requests_keep_it(db: Database) -> None:
    await import_csv(db, authorities_csv(BODIES), now=NOW)
    detail = await create_request(db, Viewer(1), NewRequest(authority_name="Old Regional Development Agency", law="foia",
                                  title="Minutes", sent_on=date(2026, 10, 1)), now=NOW)
    renamed = [csv_row(4, "The Home Office", "home_office", tags="department") if r[3] == "home_office" else r
               for r in BODIES if r[3] != "old_rda"]
    result = await import_csv(db, authorities_csv(renamed), now=NOW)
    assert (result.updated, result.vanished) == (1, 1)
    found = await rows(db)
    assert found["home_office"].name == "The Home Office"
    assert found["old_rda"].vanished_at is not None and await count(db) == len(BODIES)
    async with db.session() as session:
        request = (await session.exec(select(Request))).one()
    assert request.authority_id == found["old_rda"].id and detail.authority.id == found["old_rda"].id
    back = await import_csv(db, authorities_csv(BODIES), now=NOW)
    assert back.returned == 1 and (await rows(db))["old_rda"].vanished_at is None


async def test_an_authority_a_member_typed_before_the_import_is_adopted_not_duplicated(db: Database) -> None:
    detail = await create_request(db, Viewer(1), NewRequest(authority_name="calderdale  council", law="foia",
                                  title="Bins", sent_on=date(2026, 10, 1)), now=NOW)
    result = await import_csv(db, authorities_csv(BODIES), now=NOW)
    assert result.adopted == 1 and await count(db) == len(BODIES)
    found = await rows(db)
    assert found["calderdale_council"].id == detail.authority.id and found["calderdale_council"].name == "Calderdale Council"


async def test_two_bodies_with_one_name_are_both_kept(db: Database) -> None:
    twins = [csv_row(1, "St Mary's Primary School", "st_marys_a", tags="school"),
             csv_row(2, "St Mary's Primary School", "st_marys_b", tags="school")]
    await import_csv(db, authorities_csv(twins), now=NOW)
    found = await rows(db)
    assert found["st_marys_a"].name_key != found["st_marys_b"].name_key
    assert (await import_csv(db, authorities_csv(twins), now=NOW)).unchanged == 2


@pytest.mark.parametrize(("headers", "words"), [
    ([h for h in CSV_HEADERS if h != "URL name"], "missing URL name"),
    ([*CSV_HEADERS, "Request email"], "unexpected 'Request email'"),
])
async def test_a_file_with_missing_or_extra_columns_is_refused_and_nothing_is_saved(db: Database, headers: list[str], words: str) -> None:
    data = authorities_csv([r[: len(headers)] + [""] * (len(headers) - len(r)) for r in BODIES], headers=headers)
    with pytest.raises(BadInput, match=words):
        await import_csv(db, data, now=NOW)
    assert await count(db) == 0


async def test_one_bad_row_refuses_the_whole_file(db: Database) -> None:
    bad = [*BODIES, csv_row(99, "Broken", "Not A URL Name")]
    with pytest.raises(BadInput, match="Line 16"):
        await import_csv(db, authorities_csv(bad), now=NOW)
    assert await count(db) == 0


@pytest.mark.parametrize(("typed", "first"), [
    ("PHSO", "Parliamentary and Health Service Ombudsman"),
    ("phso", "Parliamentary and Health Service Ombudsman"),
    ("DWP", "Department for Work and Pensions"),
    ("Calderdael", "Calderdale Council"),
    ("home ofice", "Home Office"),
    ("home off", "Home Office"),
    ("scottish watr", "Scottish Water"),
])
async def test_acronyms_and_typos_find_the_right_body_first(db: Database, typed: str, first: str) -> None:
    await import_csv(db, authorities_csv(BODIES + filler(200)), now=NOW)
    authorities.invalidate(db)
    found = await authorities.search_authorities(db, typed)
    assert found and found[0].name == first


async def test_a_body_foi_does_not_apply_to_says_so_in_its_choice(db: Database) -> None:
    await import_csv(db, authorities_csv(BODIES), now=NOW)
    authorities.invalidate(db)
    (choice, *_) = await authorities.search_authorities(db, "Old Regional Development Agency")
    assert "FOI does not apply" in choice.display
    resolved = await authorities.resolve(db, choice.value)
    assert resolved.not_apply and "defunct" in resolved.not_apply


async def test_without_an_import_the_built_in_list_finds_the_bodies_asked_most(db: Database) -> None:
    assert await count(db) == 0
    (phso, *_) = await authorities.search_authorities(db, "PHSO")
    (dwp, *_) = await authorities.search_authorities(db, "dwp")
    assert (phso.name, phso.id, dwp.name) == ("Parliamentary and Health Service Ombudsman", None, "Department for Work and Pensions")
    scot = await authorities.resolve(db, "scottish government")
    assert scot.known and scot.division is not None and scot.division.value == "scotland"
    detail = await create_request(db, Viewer(1), NewRequest(authority_name="Scottish Government", law="foisa",
                                  title="Ferries", sent_on=date(2026, 10, 1)), now=NOW)
    assert detail.authority.division == "scotland"


async def test_a_new_authority_is_found_by_the_next_search(db: Database) -> None:
    assert not [a for a in await authorities.search_authorities(db, "Brand New Quango") if a.id]
    await create_request(db, Viewer(1), NewRequest(authority_name="Brand New Quango", law="foia",
                         title="T", sent_on=date(2026, 10, 1)), now=NOW)
    found = await authorities.search_authorities(db, "brand new quang")
    assert found[0].name == "Brand New Quango" and found[0].id is not None


def test_the_cli_imports_a_file_in_one_line_and_refuses_a_bad_one_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    root = logging.getLogger()  # the CLI sets up logging on this test's stderr: put pytest's back after
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    good, bad = tmp_path / "all-authorities.csv", tmp_path / "bad.csv"
    good.write_bytes(authorities_csv(BODIES))
    bad.write_bytes(authorities_csv([r[:-1] for r in BODIES], headers=CSV_HEADERS[:-1]))
    assert main(["authorities", "import", str(good)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(f"authorities: {len(BODIES)} added, 0 updated")
    assert main(["authorities", "import", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing Version" in err[0] and "Nothing was imported" in err[0]
    assert main(["authorities", "import", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
