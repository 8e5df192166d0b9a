"""Input limits for tracked requests, and the checks that refuse text over them.

Text over a limit is refused with a message saying how long it was and what the limit is; it is
never cut short silently (a truncated reference or link would be wrong without anyone knowing).
The limits match the columns in ``bot.models`` and leave room in Discord's embeds (field values
hold 1024 characters, descriptions 4096).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from bot.errors import BadInput
from bot.tracking.text import member_text

log = logging.getLogger(__name__)

TITLE_MAX = 200
AUTHORITY_NAME_MAX = 200
REFERENCE_MAX = 100
LINK_MAX = 500
QUESTIONS_MAX = 4000  # one Discord modal text input
REQUESTER_NAME_MAX = 100
NOTE_MAX = 1000
EXEMPTIONS_TEXT_MAX = 500
UNANSWERED_TEXT_MAX = 200
MAX_EVENTS_PER_REQUEST = 200  # keeps the fold and the timeline embed small
MAX_QUESTION_NUMBER = 200

_SPACES = re.compile(r"\s+")


def clean_text(value: str | None, what: str, limit: int, *, required: bool = False, one_line: bool = True) -> str | None:
    """``value`` through the one cleaner (``bot.tracking.text.member_text``: what is not text
    removed, on one line when ``one_line``, trimmed), or None when empty and optional.

    ``what`` names the field in the message ("The title").
    """
    text = member_text(value, one_line=one_line)
    if not text:
        if required:
            raise BadInput(f"{what} is empty: write something and try again.")
        return None
    if len(text) > limit:
        raise BadInput(f"{what} is {len(text)} characters long; the limit is {limit}. Shorten it and try again.")
    return text


def clean_link(value: str | None) -> str | None:
    """An http(s) address such as a WhatDoTheyKnow request page, or None."""
    link = clean_text(value, "The link", LINK_MAX)
    if link is None:
        return None
    try:
        parts = urlsplit(link)
    except ValueError:  # "https://[x": brackets that are not an IPv6 address
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in link:
        raise BadInput(
            "The link must be a web address starting with https:// "
            "(e.g. https://www.whatdotheyknow.com/request/your_request)."
        )
    return link


NAME_KEY_MAX = 200  # bot.models.Authority.name_key


def name_key(name: str) -> str:
    """How two spellings of one authority's name compare: case-folded, spaces collapsed. Cut to
    the column's 200 characters after folding: folding can lengthen a name ("ß" -> "ss")."""
    return _SPACES.sub(" ", name.strip()).casefold()[:NAME_KEY_MAX]
