"""The text of an alert DM (pure: rendered from ``prompts/messages/alert.md.j2``).

What is due, when (as Discord timestamps, which every member sees in their own zone), what the
law says (each regime's own citations, from ``bot.law.regimes``), and what to do next.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Any
from zoneinfo import ZoneInfo

from bot.law.entry import ClockRule
from bot.law.regimes import Law, Regime, regime
from bot.law.report import DeadlineKey
from bot.reminders.kinds import CLARIFICATION_REMINDERS, kind_named
from bot.reminders.planner import deadline_dates
from bot.templates import render

log = logging.getLogger(__name__)

DISCORD_MESSAGE_LIMIT = 2000
TEMPLATE = "messages/alert.md.j2"
NOTICE_TEMPLATE = "messages/wdtk_notice.md.j2"  # news from WhatDoTheyKnow (``kinds.NOTICES``)


@dataclass(frozen=True)
class AlertContext:
    """Everything about one claimed alert that the sender and the template need."""

    alert_id: int
    user_id: int
    kind: str
    deadline_on: date
    deadline_key: str
    fire_at: datetime
    attempt: int  # 1 on the first claim
    delivery: int  # DMs of this alert already sent (a snooze re-arms it)
    request_id: int
    public_id: str
    title: str
    authority: str
    law: str
    status: str
    zone: str = "Europe/London"
    reference: str | None = None
    link: str | None = None
    deadlines: Mapping[str, Any] = field(default_factory=dict)
    following: bool = False  # a follower's copy (issue 16): no letter buttons, the owner acts

    @property
    def nonce(self) -> str:
        """Discord's message nonce (at most 25 characters): the same for every retry of one
        delivery, so with ``enforce_nonce`` a retry after a lost reply is not a second DM."""
        return f"a{self.alert_id}d{self.delivery}"


def discord_timestamp(moment: datetime, style: str) -> str:
    return f"<t:{int(moment.timestamp())}:{style}>"


def end_of_day(day: date, zone: str) -> datetime:
    """The last minute of ``day`` in ``zone``: "due on the 8th" means by the end of the 8th."""
    return datetime.combine(day, time(23, 59), tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)


def _regime_or_none(law: str) -> Regime | None:
    try:
        return regime(Law(law))
    except ValueError:
        return None


def law_facts(law: str) -> dict[str, str]:
    """The regime's rules as plain strings for the template ("" where the law has no such rule)."""
    r = _regime_or_none(law)
    if r is None:
        return {"short": law.upper(), "regulator": "the regulator", "regulator_short": "the regulator"}

    def period(p: Any) -> str:
        return p.describe() if p is not None else ""

    def cite(p: Any) -> str:
        return p.citation if p is not None else ""

    return {
        "short": r.short,
        "title": r.title,
        "regulator": r.regulator,
        "regulator_short": r.regulator_short,
        "response": period(r.response),
        "response_citation": cite(r.response),
        "response_rule": r.response_rule,
        "extension": period(r.extension),
        "extension_citation": cite(r.extension),
        "extension_rule": r.extension_rule,
        "review_name": r.review_name,
        "review_window": period(r.review_window),
        "review_window_citation": cite(r.review_window),
        "review_period": period(r.review_period),
        "review_period_citation": cite(r.review_period),
        "review_period_max": period(r.review_period_max),
        "complaint_window": period(r.complaint_window),
        "complaint_window_citation": cite(r.complaint_window),
        "complaint_rule": r.complaint_rule,
        "no_response_route": r.no_response_route,
        "no_review_note": r.no_review_note,
        "clarification_citation": r.clarification_citation,
        # Subject access (DUAA 2025 s.76): the month stands still and runs on; elsewhere it starts again.
        "clarification_pauses": "yes" if r.clarification is ClockRule.PAUSE else "",
    }


def _as_is(text: str) -> str:
    return text


def render_alert(context: AlertContext, *, letters: bool = False, clean: Callable[[str], str] = _as_is) -> str:
    """The DM for ``context``; ``letters`` says whether the Draft buttons are offered. ``clean`` makes
    member text (title, authority, reference) safe to show: the sender passes Discord's markdown
    escaping, which this pure module cannot import."""
    kind = kind_named(context.kind)
    dates = deadline_dates(context.deadlines)
    due_at = end_of_day(context.deadline_on, context.zone)
    other = {key: discord_timestamp(end_of_day(day, context.zone), "D") for key, day in dates.items()}
    notes = context.deadlines.get("member_notes") or {}  # the member's own words (bot/tracking/clocks.py)
    note = clean(str(notes.get(context.deadline_key, ""))) if isinstance(notes, dict) else ""
    text = render(
        NOTICE_TEMPLATE if kind.notice else TEMPLATE,
        kind=kind.name,
        label=kind.label,
        public_id=context.public_id,
        title=clean(context.title),
        authority=clean(context.authority),
        reference=clean(context.reference or ""),
        link=context.link or "",
        deadline_key=context.deadline_key,
        due_date=discord_timestamp(due_at, "D"),
        due_relative=discord_timestamp(due_at, "R"),
        dates=other,
        law=law_facts(context.law),
        letters=letters and not context.following,
        note=note,
        following=context.following,
        reminder_number=kind.stage if kind.waits_for_member else 0,
        reminders_in_all=len(CLARIFICATION_REMINDERS),
        # A clarification of one part leaves the other parts' date running (the PHSO case).
        partial=any(key.startswith(DeadlineKey.RESPONSE_DUE) for key in dates),
    ).strip()
    if len(text) > DISCORD_MESSAGE_LIMIT:  # a very long title: cut, never fail to deliver
        text = text[: DISCORD_MESSAGE_LIMIT - 1] + "…"
    return text


def sample_context(user_id: int, *, now: datetime, zone: str = "Europe/London") -> AlertContext:
    """A made-up alert for ``/reminders test``: shows what a real one looks like."""
    return AlertContext(
        alert_id=0, user_id=user_id, kind="response_due_today", deadline_on=now.astimezone(ZoneInfo(zone)).date(),
        deadline_key=DeadlineKey.RESPONSE_DUE, fire_at=now, attempt=1, delivery=0, request_id=0, public_id="SAMPLE",
        title="A sample request (this is a test)", authority="Anytown Council", law="foia", status="waiting_response",
        zone=zone,
    )
