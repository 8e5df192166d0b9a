"""What a member types to log or edit a request, checked before any database work.

Pure: ``today`` is a parameter. Every refusal is a ``BadInput`` saying what was wrong and how to
fix it; nothing is cut short silently.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import date

from bot.errors import BadInput
from bot.law.counting import long_date
from bot.law.dates import parse_user_date
from bot.law.regimes import Division, Law
from bot.tracking.limits import (
    AUTHORITY_NAME_MAX,
    QUESTIONS_MAX,
    REFERENCE_MAX,
    REQUESTER_NAME_MAX,
    TITLE_MAX,
    clean_link,
    clean_text,
)

log = logging.getLogger(__name__)

_TYPED_DATE_MAX = 60


class Visibility(enum.StrEnum):
    PRIVATE = "private"
    SERVER = "server"


@dataclass(frozen=True)
class NewRequest:
    """What a member gives to log a request (``sent_on`` may be typed text: "28/03/2022")."""

    authority_name: str
    title: str
    sent_on: date | str
    law: Law | str = Law.FOIA
    division: Division | str | None = None  # only used when the authority is new
    visibility: Visibility | str = Visibility.PRIVATE
    link: str | None = None
    reference: str | None = None
    questions: str | None = None
    requester_name: str | None = None
    school: bool | None = None  # None: the authority's kind decides


@dataclass(frozen=True)
class CleanRequest:
    authority_name: str
    title: str
    sent_on: date
    law: Law
    division: Division | None
    visibility: Visibility
    link: str | None
    reference: str | None
    questions: str
    requester_name: str | None
    school: bool | None


@dataclass(frozen=True)
class RequestChanges:
    """Fields to change; None leaves a field as it is, "" clears an optional one."""

    title: str | None = None
    sent_on: date | str | None = None
    law: Law | str | None = None
    visibility: Visibility | str | None = None
    link: str | None = None
    reference: str | None = None
    questions: str | None = None
    requester_name: str | None = None
    school: bool | None = None


def typed_date(value: date | str, what: str, today: date) -> date:
    """A date given as a ``date`` or as text a member typed (day first)."""
    if isinstance(value, date):
        return value
    text = clean_text(value, what, _TYPED_DATE_MAX, required=True)
    assert text is not None
    return parse_user_date(text, today=today)


def sent_date(value: date | str, today: date) -> date:
    sent = typed_date(value, "The date sent", today)
    if sent > today:
        raise BadInput(f"The date sent, {long_date(sent)}, is in the future: log a request once it has been sent.")
    return sent


def shareable(visibility: Visibility | str, in_server: bool) -> Visibility:
    chosen = Visibility(visibility)
    if chosen is Visibility.SERVER and not in_server:
        raise BadInput("A request can be shared only from inside a server: in DMs it stays private to you.")
    return chosen


def clean_new_request(new: NewRequest, *, today: date, in_server: bool) -> CleanRequest:
    title = clean_text(new.title, "The title", TITLE_MAX, required=True)
    name = clean_text(new.authority_name, "The authority's name", AUTHORITY_NAME_MAX, required=True)
    assert title is not None and name is not None
    return CleanRequest(
        authority_name=name,
        title=title,
        sent_on=sent_date(new.sent_on, today),
        law=Law(new.law),
        division=Division(new.division) if new.division else None,
        visibility=shareable(new.visibility, in_server),
        link=clean_link(new.link),
        reference=clean_text(new.reference, "The reference", REFERENCE_MAX),
        questions=clean_text(new.questions, "The questions", QUESTIONS_MAX, one_line=False) or "",
        requester_name=clean_text(new.requester_name, "The requester's name", REQUESTER_NAME_MAX),
        school=new.school,
    )
