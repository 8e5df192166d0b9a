"""Bad input to the reader: a clear message, never a crash or a guess."""

from __future__ import annotations

import pytest

from bot.errors import BadInput
from bot.reading import MAX_CHARS, read_reply


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_is_refused_with_what_to_do(text: str) -> None:
    with pytest.raises(BadInput, match="paste the authority's reply"):
        read_reply(text)


def test_a_hundred_thousand_characters_is_refused_with_the_limit() -> None:
    with pytest.raises(BadInput, match=f"{MAX_CHARS:,}"):
        read_reply("Dear requester, " * 7000)


def test_binary_junk_is_refused_as_not_text() -> None:
    junk = bytes(range(256)).decode("latin-1") * 20
    with pytest.raises(BadInput, match="doesn't look like text"):
        read_reply(junk)


def test_an_unknown_law_is_refused() -> None:
    with pytest.raises(BadInput, match="not a law foibot reads"):
        read_reply("Dear requester", law="gdpr")


def test_hostile_text_reads_without_error() -> None:
    nasty = ("section " * 500) + ("(((" * 300) + "s.40(2)(" + "a)(" * 200 + " reg. " * 300
    reading = read_reply(nasty, law="foia")
    assert reading.kind.value in {"response", "clarification_request", "fee_notice", "extension_notice", "review_outcome", "acknowledgement"}


def test_a_short_note_with_no_cues_is_read_as_a_response_with_no_findings() -> None:
    reading = read_reply("Hello, thanks.")
    assert reading.kind.value == "response"
    assert reading.relied_labels() == [] and reading.attachments_referred == 0
