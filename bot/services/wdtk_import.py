"""``/request import wdtk_user:``: a member's own WhatDoTheyKnow requests, once they prove the profile is theirs.

WDTK's user JSON (``User#json_for_api``: ``id, url_name, name, ban_text, about_me``) lists no
requests, and anyone's requests are public: without a check, a member could fill their DMs with
someone else's. So foibot gives a one-time code to put in the profile's "About me" and reads it back
(research: anchors-turn2 §2.4); the member may remove it afterwards. The requests come from the feed
search ``/feed/search/requested_by:<url_name>.json`` (25 a page, one entry per event, deduplicated).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import col, select

from bot import clock
from bot.errors import BadInput
from bot.models import Request, WdtkProfile, WdtkTrack
from bot.sources.polite import Gone
from bot.sources.records import WdtkListed

if TYPE_CHECKING:
    from bot.db import Database
    from bot.sources.wdtk import WdtkClient

log = logging.getLogger(__name__)

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_code() -> str:
    return "foibot-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


@dataclass(frozen=True)
class Claim:
    url_name: str
    code: str
    verified: bool


async def claim(db: Database, client: WdtkClient, user_id: int, url_name: str, *, now: datetime | None = None) -> Claim:
    """The member's claim to ``url_name``: kept if already proved, else a code (the same one until
    proved) and a look at "About me" for it."""
    now = now or clock.utcnow()
    async with db.transaction() as session:
        profile = await session.get(WdtkProfile, user_id)
        if profile is None or profile.url_name != url_name:
            if profile is not None:
                await session.delete(profile)
                await session.flush()
            profile = WdtkProfile(user_id=user_id, url_name=url_name, code=new_code(), created_at=now)
            session.add(profile)
        if profile.verified_at is not None:
            return Claim(url_name, profile.code, True)
        code = profile.code
    try:
        user = await client.user(url_name, fresh=False)  # the member just edited About me: ask again
    except Gone:
        raise BadInput("WhatDoTheyKnow has no profile at that link: open “My profile” on WhatDoTheyKnow and copy its address.") from None
    if code not in user.about_me:
        return Claim(url_name, code, False)
    async with db.transaction() as session:
        profile = await session.get(WdtkProfile, user_id)
        if profile is not None and profile.url_name == url_name and profile.code == code:
            profile.verified_at = now
            session.add(profile)
    log.info("member %s proved WDTK profile %s", user_id, url_name)
    return Claim(url_name, code, True)


async def pending_profile(db: Database, user_id: int) -> str | None:
    """The profile the member last claimed (proved or not), or None."""
    async with db.read() as session:
        profile = await session.get(WdtkProfile, user_id)
    return profile.url_name if profile is not None else None


async def verified_profile(db: Database, user_id: int) -> str:
    async with db.read() as session:
        profile = await session.get(WdtkProfile, user_id)
    if profile is None or profile.verified_at is None:
        raise BadInput("Prove the WhatDoTheyKnow profile is yours first: run /request import with its link.")
    return profile.url_name


async def mine(db: Database, client: WdtkClient, user_id: int) -> list[WdtkListed]:
    """The member's WDTK requests they do not follow yet (newest first)."""
    url_name = await verified_profile(db, user_id)
    listed = await client.requests_by(url_name)
    async with db.read() as session:
        followed = set((await session.exec(
            select(WdtkTrack.url_title).join(Request, col(Request.id) == col(WdtkTrack.request_id))
            .where(col(Request.owner_id) == user_id)
        )).all())
    return [item for item in listed if item.url_title not in followed]
