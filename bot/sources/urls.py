"""WhatDoTheyKnow links as members paste them (pure).

Every form seen in the wild (research: anchors-turn2 §2.1): ``https://www.whatdotheyknow.com/request/<slug>``,
the Welsh interface ``/cy/request/<slug>``, a message inside it ``/request/<slug>/response/<id>``,
``#incoming-<id>`` / ``#outgoing-<id>`` fragments, ``?utm_…`` queries, ``http://`` and no ``www``, and
a trailing ``.json``. Anything else is refused with what was wrong and an example, never guessed at.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from bot.errors import BadInput
from bot.tracking.text import member_text

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://www.whatdotheyknow.com"
EXAMPLE_REQUEST = "https://www.whatdotheyknow.com/request/some_request_title"
EXAMPLE_USER = "https://www.whatdotheyknow.com/user/your_name"

# Alaveteli's url_title / url_name: lower-case letters, digits and underscores (MySociety::Format.simplify_url_part).
_SLUG = re.compile(r"[a-z0-9_]{1,200}")
_LOCALE = re.compile(r"[a-z]{2}(?:_[A-Z]{2})?")
_URL_MAX = 500


def site_host(base_url: str) -> str:
    """The host of the configured site without ``www.`` (``whatdotheyknow.com``)."""
    host = (urlsplit(base_url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _path_parts(text: str, base_url: str, what: str, example: str) -> list[str]:
    raw = member_text(text)
    if not raw:
        raise BadInput(f"Give the {what}'s WhatDoTheyKnow link, like {example}")
    if len(raw) > _URL_MAX:
        raise BadInput(f"That link is longer than {_URL_MAX} characters: paste just the {what}'s address, like {example}")
    if "://" not in raw:
        raw = "https://" + raw  # "whatdotheyknow.com/request/x", as people copy it from a phone
    expected = site_host(base_url)
    try:
        parts = urlsplit(raw)
        port = parts.port  # ValueError for a port that is not a number
    except ValueError:  # "https://[x": not an address at all
        parts, port = urlsplit(""), None
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    netloc_port = urlsplit(base_url).port
    if parts.scheme not in ("http", "https") or host != expected or (netloc_port is not None and port != netloc_port):
        raise BadInput(
            f"That is not a WhatDoTheyKnow link: foibot can follow requests on {expected} only. "
            f"Paste the {what}'s address, like {example}"
        )
    segments = [s for s in parts.path.split("/") if s]
    if segments and _LOCALE.fullmatch(segments[0]) and segments[0] not in ("request", "user", "body"):
        segments = segments[1:]  # /cy/request/<slug>: the Welsh (or any) interface
    return segments


def request_slug(text: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The request's ``url_title`` from any link to it (or to one of its messages)."""
    segments = _path_parts(text, base_url, "request", EXAMPLE_REQUEST)
    if len(segments) >= 2 and segments[0] == "request":
        slug = segments[1].removesuffix(".json")
        if _SLUG.fullmatch(slug) and not slug.isdigit():
            return slug
    raise BadInput(
        "That WhatDoTheyKnow link is not a request: open the request on WhatDoTheyKnow and copy the address "
        f"from the browser, like {EXAMPLE_REQUEST}"
    )


def user_slug(text: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The user's ``url_name`` from a link to their WDTK profile."""
    segments = _path_parts(text, base_url, "profile", EXAMPLE_USER)
    if len(segments) >= 2 and segments[0] == "user":
        slug = segments[1].removesuffix(".json")
        if _SLUG.fullmatch(slug):
            return slug
    raise BadInput(
        "That WhatDoTheyKnow link is not a profile: on WhatDoTheyKnow open “My profile” and copy its address, "
        f"like {EXAMPLE_USER}"
    )


def looks_like_wdtk(text: str, base_url: str = DEFAULT_BASE_URL) -> bool:
    """Whether ``text`` is meant as a link to the configured WDTK site (so /request log can offer to track it)."""
    raw = (text or "").strip().lower()
    return site_host(base_url) in raw and "/" in raw


def request_url(base_url: str, slug: str) -> str:
    """The human page of a request (for the "Open on WhatDoTheyKnow" button)."""
    return f"{base_url.rstrip('/')}/request/{slug}"


def response_url(base_url: str, slug: str, incoming_message_id: int | None) -> str:
    if incoming_message_id is None:
        return request_url(base_url, slug)
    return f"{request_url(base_url, slug)}#incoming-{incoming_message_id}"
