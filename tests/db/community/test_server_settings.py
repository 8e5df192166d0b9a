"""Server settings on SQLite and PostgreSQL: who may change them, what they accept, and sharing off."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.db import Database
from bot.errors import BadInput, NotAllowed
from bot.models import Request, ServerSettings
from bot.services import Viewer
from bot.services import server as service
from bot.services.requests import NewRequest, RequestChanges, create_request, edit_request

pytestmark = pytest.mark.asyncio

GUILD = 9000
NOW = datetime(2026, 3, 2, 12, tzinfo=timezone.utc)


async def test_a_server_never_configured_has_the_defaults(db: Database) -> None:
    settings = await service.get_settings(db, GUILD)
    assert (settings.board_channel_id, settings.digest_channel_id) == (None, None)
    assert (settings.digest_rhythm, settings.digest_weekday, settings.digest_time) == ("weekly", 0, "09:00")
    assert settings.sharing_allowed is True


async def test_a_member_who_may_manage_the_server_sets_the_channels_and_the_rhythm(db: Database) -> None:
    change = service.SettingsChange(board_channel_id=501, digest_channel_id=502, digest_rhythm="weekly",
                                    digest_weekday="fri", digest_time="8.30", timezone="europe/london")
    await service.update_settings(db, GUILD, change, can_manage=True, now=NOW)
    stored = await service.get_settings(db, GUILD)
    assert (stored.board_channel_id, stored.digest_channel_id) == (501, 502)
    assert (stored.digest_weekday, stored.digest_time, stored.timezone) == (4, "08:30", "Europe/London")
    await service.update_settings(db, GUILD, service.SettingsChange(clear_board=True), can_manage=True, now=NOW)
    stored = await service.get_settings(db, GUILD)
    assert (stored.board_channel_id, stored.digest_channel_id) == (None, 502)


async def test_a_member_without_manage_server_changes_nothing(db: Database) -> None:
    with pytest.raises(NotAllowed, match="Manage Server"):
        await service.update_settings(db, GUILD, service.SettingsChange(board_channel_id=1), can_manage=False)
    async with db.session() as session:
        assert (await session.exec(select(func.count()).select_from(ServerSettings))).one() == 0


@pytest.mark.parametrize(("change", "words"), [
    (service.SettingsChange(digest_weekday="someday"), "day of the week"),
    (service.SettingsChange(digest_time="25:00"), "not a time of day"),
    (service.SettingsChange(timezone="Mars/Olympus"), "time zone"),
    (service.SettingsChange(digest_rhythm="hourly"), "weekly or daily"),
])
async def test_bad_values_are_refused_with_what_to_type(db: Database, change: service.SettingsChange, words: str) -> None:
    with pytest.raises(BadInput, match=words):
        await service.update_settings(db, GUILD, change, can_manage=True)


async def test_with_sharing_off_a_request_cannot_be_shared_with_the_server(db: Database) -> None:
    await service.update_settings(db, GUILD, service.SettingsChange(sharing_allowed=False), can_manage=True, now=NOW)
    member = Viewer(111, GUILD)
    new = NewRequest("Anytown Council", "Bin data", "02/02/2026", visibility="server")
    with pytest.raises(NotAllowed, match="turned off sharing"):
        await create_request(db, member, new, now=NOW)
    private = await create_request(db, member, NewRequest("Anytown Council", "Bin data", "02/02/2026"), now=NOW)
    with pytest.raises(NotAllowed, match="turned off sharing"):
        await edit_request(db, member, private.public_id, RequestChanges(visibility="server"), now=NOW)
    async with db.session() as session:
        assert (await session.exec(select(Request.visibility))).all() == ["private"]
    # Another server's setting is its own.
    elsewhere = await create_request(db, Viewer(111, GUILD + 1), new, now=NOW)
    assert elsewhere.request.visibility == "server" and elsewhere.request.sent_on == date(2026, 2, 2)
