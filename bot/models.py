"""The tables. Derived columns (status, deadlines) are written only by services,
in the same transaction as the event that changes them.

Discord ids are snowflakes (64-bit), so they are BIGINT. Instants are stored in UTC and read back
timezone-aware (``UTCDateTime``); calendar facts (the day a request was sent) are ``date``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; SQLite keeps no zone, so naive values read back are UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime (UTC) to the database")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _snowflake(**kwargs: Any) -> Any:
    return Field(sa_type=sa.BigInteger, **kwargs)


def _instant(**kwargs: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kwargs)


# --- foundation -----------------------------------------------------------------------------

class BotMeta(SQLModel, table=True):
    """Small key/value facts about this installation (e.g. the hash of the registered commands)."""

    __tablename__ = "bot_meta"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(sa_type=sa.Text)
    updated_at: datetime = _instant(default_factory=_utcnow)


class UserSettings(SQLModel, table=True):
    __tablename__ = "user_settings"

    user_id: int = Field(sa_type=sa.BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    alerts_enabled: bool = Field(default=True)
    alert_time: str = Field(default="09:00", max_length=5)  # HH:MM in the member's own time zone
    timezone: str = Field(default="Europe/London", max_length=64)
    lead_days: int = Field(default=3)  # working days' notice before a response is due
    dms_closed: bool = Field(default=False)  # Discord error 50007 seen on the last DM
    dms_closed_at: Optional[datetime] = _instant(default=None, nullable=True)
    dm_notice_pending: bool = Field(default=False)  # tell them in the reply to their next command
    # The name shown on board cards of their shared requests; None: cards name nobody.
    board_name: Optional[str] = Field(default=None, max_length=40)
    updated_at: datetime = _instant(default_factory=_utcnow)


class ServerSettings(SQLModel, table=True):
    __tablename__ = "server_settings"

    guild_id: int = Field(sa_type=sa.BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    digest_channel_id: Optional[int] = _snowflake(default=None, nullable=True)
    board_channel_id: Optional[int] = _snowflake(default=None, nullable=True)
    # The digest's rhythm: "weekly" (on digest_weekday, 0 = Monday) or "daily", at digest_time
    # (HH:MM) in the server's own time zone.
    digest_rhythm: str = Field(default="weekly", max_length=8)
    digest_weekday: int = Field(default=0)
    digest_time: str = Field(default="09:00", max_length=5)
    timezone: str = Field(default="Europe/London", max_length=64)
    sharing_allowed: bool = Field(default=True)  # off: /request log visibility:server is refused
    updated_at: datetime = _instant(default_factory=_utcnow)


# --- tracking ---------------------------------------------------------------------------------

class Authority(SQLModel, table=True):
    """A public authority: typed in by a member, or imported from WhatDoTheyKnow's directory
    (``foibot authorities import``), whose tags give the part of the UK, the default law, the school
    rule and whether FOI applies. A body WDTK stops listing is marked ``vanished_at``, never deleted."""

    __tablename__ = "authorities"
    __table_args__ = (sa.UniqueConstraint("wdtk_url_name", name="uq_authorities_wdtk_url_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200, unique=True, index=True)  # casefolded, spaces collapsed
    short_name: Optional[str] = Field(default=None, max_length=200)
    division: str = Field(default="england-and-wales", max_length=32)
    default_law: str = Field(default="foia", max_length=8)
    kind: Optional[str] = Field(default=None, max_length=32)  # e.g. "school": 60-working-day backstop
    email: Optional[str] = Field(default=None, max_length=254)
    wdtk_url_name: Optional[str] = Field(default=None, max_length=200)
    wdtk_id: Optional[int] = Field(default=None, index=True)
    wdtk_version: Optional[int] = Field(default=None)
    tags: str = Field(default="", sa_type=sa.Text)  # WDTK's tag_string: "scotland school wikidata:Q1"
    foi_applies: bool = Field(default=True)  # False for WDTK's not_apply / defunct / foi_no
    home_page: Optional[str] = Field(default=None, max_length=500)
    publication_scheme: Optional[str] = Field(default=None, max_length=500)
    disclosure_log: Optional[str] = Field(default=None, max_length=500)
    notes: Optional[str] = Field(default=None, sa_type=sa.Text)
    source: str = Field(default="member", max_length=8)  # member | wdtk
    vanished_at: Optional[datetime] = _instant(default=None, nullable=True)
    created_by: Optional[int] = _snowflake(default=None, nullable=True)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


class Request(SQLModel, table=True):
    __tablename__ = "requests"
    __table_args__ = (
        sa.Index("ix_requests_owner_next_deadline", "owner_id", "next_deadline"),
        sa.Index("ix_requests_guild_visibility_next_deadline", "guild_id", "visibility", "next_deadline"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    public_id: str = Field(max_length=8, unique=True, index=True)  # e.g. R7K3Q: short, not a counter
    owner_id: int = _snowflake()
    guild_id: Optional[int] = _snowflake(default=None, nullable=True)
    visibility: str = Field(default="private", max_length=8)  # private | server
    authority_id: int = Field(foreign_key="authorities.id")
    law: str = Field(default="foia", max_length=8)
    title: str = Field(max_length=200)
    questions: str = Field(default="", sa_type=sa.Text)
    requester_name: Optional[str] = Field(default=None, max_length=100)
    reference: Optional[str] = Field(default=None, max_length=100)
    link: Optional[str] = Field(default=None, max_length=500)
    sent_on: date
    school: bool = Field(default=False)
    # Derived from the events; recomputed in the transaction that appends an event.
    status: str = Field(default="waiting_response", max_length=32, index=True)
    next_deadline: Optional[date] = Field(default=None)
    next_deadline_key: Optional[str] = Field(default=None, max_length=40)
    deadlines: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


class Event(SQLModel, table=True):
    """The append-only timeline of a request; status and deadlines are a fold over it."""

    __tablename__ = "events"
    __table_args__ = (sa.Index("ix_events_request_order", "request_id", "occurred_on", "id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", ondelete="CASCADE")
    kind: str = Field(max_length=32)
    occurred_on: date
    recorded_at: datetime = _instant(default_factory=_utcnow)
    actor_id: Optional[int] = _snowflake(default=None, nullable=True)
    note: Optional[str] = Field(default=None, sa_type=sa.Text)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)


class WdtkTrack(SQLModel, table=True):
    """A request followed on WhatDoTheyKnow: what was read last and when to look again.

    The poller claims due rows like the alert dispatcher claims alerts (a lease; ``FOR UPDATE SKIP
    LOCKED`` on PostgreSQL, compare-and-set on SQLite), so several processes never read one request
    at once. ``state``: ``active`` (polled), ``finished`` (WDTK says it is over: not polled),
    ``manual`` (hidden, gone or blocked by bot protection: the member tracks it by hand).
    """

    __tablename__ = "wdtk_tracks"
    __table_args__ = (sa.Index("ix_wdtk_tracks_state_next_poll", "state", "next_poll_at"),)

    request_id: int = Field(foreign_key="requests.id", ondelete="CASCADE", primary_key=True, sa_column_kwargs={"autoincrement": False})
    url_title: str = Field(max_length=200, index=True)
    wdtk_id: Optional[int] = Field(default=None)
    state: str = Field(default="active", max_length=16)
    problem: Optional[str] = Field(default=None, max_length=16)  # hidden | gone | blocked
    seen: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)  # WDTK event id -> state applied ("" none yet)
    etag: Optional[str] = Field(default=None, max_length=200)
    last_modified: Optional[str] = Field(default=None, max_length=100)
    next_poll_at: datetime = _instant()
    lease_until: Optional[datetime] = _instant(default=None, nullable=True)
    claimed_by: Optional[str] = Field(default=None, max_length=64)
    failures: int = Field(default=0)
    last_polled_at: Optional[datetime] = _instant(default=None, nullable=True)
    last_error: Optional[str] = Field(default=None, sa_type=sa.Text)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


class WdtkProfile(SQLModel, table=True):
    """A member's claim to a WhatDoTheyKnow profile: the one-time code they put in "About me"."""

    __tablename__ = "wdtk_profiles"

    user_id: int = Field(sa_type=sa.BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    url_name: str = Field(max_length=200)
    code: str = Field(max_length=32)
    verified_at: Optional[datetime] = _instant(default=None, nullable=True)
    created_at: datetime = _instant(default_factory=_utcnow)


# --- drafting ---------------------------------------------------------------------------------

class Draft(SQLModel, table=True):
    """A request being written (``/draft``): the four fields of the draft form, private to its owner.

    ``state`` is ``open`` until the member marks it as sent; it then points at the tracked request
    it became (``request_id``, cleared if that request is deleted) and keeps the day it was sent.
    """

    __tablename__ = "drafts"
    # /draft list and its autocomplete: a member's drafts, most recently changed first.
    __table_args__ = (sa.Index("ix_drafts_owner_updated", "owner_id", "updated_at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    public_id: str = Field(max_length=8, unique=True, index=True)  # e.g. K7Q2M, same shape as requests'
    owner_id: int = _snowflake()
    guild_id: Optional[int] = _snowflake(default=None, nullable=True)  # where it was started (None: DMs)
    law: str = Field(default="foia", max_length=8)
    authority_name: str = Field(default="", max_length=200)
    subject: str = Field(default="", max_length=200)
    questions: str = Field(default="", sa_type=sa.Text)
    requester_name: str = Field(default="", max_length=100)
    state: str = Field(default="open", max_length=16)  # open | sent
    # Indexed: deleting a request clears this (ON DELETE SET NULL) without scanning every draft.
    request_id: Optional[int] = Field(default=None, foreign_key="requests.id", ondelete="SET NULL", index=True)
    sent_on: Optional[date] = Field(default=None)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


# --- alerts -----------------------------------------------------------------------------------

class Alert(SQLModel, table=True):
    """The outbox of DMs. One row per (request, member, kind, deadline date): never planned twice.

    Rows are never deleted before delivery: an alert no longer wanted is ``cancelled``. ``fire_at``
    is when the dispatcher should next act on the row (the planned moment, a snooze, or a retry
    after a transient failure); ``(state, fire_at)`` is the index the dispatcher scans.
    """

    __tablename__ = "alerts"
    __table_args__ = (
        # One row per member too: a follower's alerts are rows of their own (issue 16).
        sa.UniqueConstraint("request_id", "user_id", "kind", "deadline_on", name="uq_alerts_request_user_kind_deadline"),
        sa.Index("ix_alerts_state_fire_at", "state", "fire_at"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", ondelete="CASCADE", index=True)
    user_id: int = _snowflake(index=True)
    kind: str = Field(max_length=32)
    deadline_on: date
    deadline_key: str = Field(default="", max_length=40)  # which of Request.deadlines it is about
    fire_at: datetime = _instant()
    state: str = Field(default="pending", max_length=16)  # pending | sending | sent | failed | cancelled
    attempts: int = Field(default=0)  # claims since it was last (re)armed
    deliveries: int = Field(default=0)  # DMs sent so far (a snooze re-arms a sent alert); part of the nonce
    snoozed_until: Optional[datetime] = _instant(default=None, nullable=True)
    lease_until: Optional[datetime] = _instant(default=None, nullable=True)
    claimed_by: Optional[str] = Field(default=None, max_length=64)
    sent_message_id: Optional[int] = _snowflake(default=None, nullable=True)
    sent_at: Optional[datetime] = _instant(default=None, nullable=True)
    last_error: Optional[str] = Field(default=None, sa_type=sa.Text)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


class AlertMute(SQLModel, table=True):
    """A member's "Stop alerts for this request": while the row exists nothing is planned for it."""

    __tablename__ = "alert_mutes"

    request_id: int = Field(foreign_key="requests.id", ondelete="CASCADE", primary_key=True, sa_column_kwargs={"autoincrement": False})
    user_id: int = _snowflake()
    created_at: datetime = _instant(default_factory=_utcnow)


# --- community (issue 16) ----------------------------------------------------------------------

class Follow(SQLModel, table=True):
    """A member following someone else's shared request: they get its alerts by DM too."""

    __tablename__ = "follows"
    __table_args__ = (sa.Index("ix_follows_user_id", "user_id"),)

    request_id: int = Field(foreign_key="requests.id", ondelete="CASCADE", primary_key=True, sa_column_kwargs={"autoincrement": False})
    user_id: int = Field(sa_type=sa.BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    created_at: datetime = _instant(default_factory=_utcnow)


class BoardCard(SQLModel, table=True):
    """The outbox of board cards: one row per (request, occasion, occasion key), so a card is
    never planned (or posted) twice. Delivered like alerts: claimed with a lease, then ``sent``."""

    __tablename__ = "board_cards"
    __table_args__ = (
        sa.UniqueConstraint("request_id", "occasion", "occasion_key", name="uq_board_cards_request_occasion"),
        sa.Index("ix_board_cards_state_fire_at", "state", "fire_at"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", ondelete="CASCADE", index=True)
    guild_id: int = _snowflake()
    occasion: str = Field(max_length=16)  # logged | answered | overdue | review | regulator
    occasion_key: str = Field(default="", max_length=40)  # e.g. the date it happened
    fire_at: datetime = _instant()
    state: str = Field(default="pending", max_length=16)  # pending | sending | sent | failed | cancelled
    attempts: int = Field(default=0)
    lease_until: Optional[datetime] = _instant(default=None, nullable=True)
    claimed_by: Optional[str] = Field(default=None, max_length=64)
    channel_id: Optional[int] = _snowflake(default=None, nullable=True)
    message_id: Optional[int] = _snowflake(default=None, nullable=True)
    sent_at: Optional[datetime] = _instant(default=None, nullable=True)
    last_error: Optional[str] = Field(default=None, sa_type=sa.Text)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


class Digest(SQLModel, table=True):
    """One row per (server, period): whoever inserts it posts that period's digest, so several
    bot processes post it once."""

    __tablename__ = "digests"
    __table_args__ = (sa.UniqueConstraint("guild_id", "period", name="uq_digests_guild_period"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    guild_id: int = _snowflake()
    period: str = Field(max_length=16)  # the local date the period's digest was due, ISO
    state: str = Field(default="sending", max_length=16)  # sending | sent | skipped | failed
    claimed_by: Optional[str] = Field(default=None, max_length=64)
    lease_until: Optional[datetime] = _instant(default=None, nullable=True)
    attempts: int = Field(default=1)
    channel_id: Optional[int] = _snowflake(default=None, nullable=True)
    message_id: Optional[int] = _snowflake(default=None, nullable=True)
    items: int = Field(default=0)
    last_error: Optional[str] = Field(default=None, sa_type=sa.Text)
    created_at: datetime = _instant(default_factory=_utcnow)
    updated_at: datetime = _instant(default_factory=_utcnow)


# --- shard clusters -------------------------------------------------------------------------
class ProcessHeartbeat(SQLModel, table=True):
    """One row per running bot process, refreshed every half minute (``bot/services/cluster.py``), so an
    operator (``foibot check``, the logs) sees every cluster and one that stopped answering."""

    __tablename__ = "process_heartbeats"

    id: str = Field(primary_key=True, max_length=96)  # host:pid:token, unique per start
    host: str = Field(max_length=64)
    pid: int
    shards: str = Field(max_length=200)  # "shards 0, 1 of 4" or "unsharded"
    version: str = Field(max_length=32)
    started_at: datetime = _instant(default_factory=_utcnow)
    last_seen_at: datetime = _instant(default_factory=_utcnow)
