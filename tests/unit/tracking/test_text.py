"""The one cleaner for member text (``bot.tracking.text.member_text``): what is removed, what stays."""

from __future__ import annotations

import pytest

from bot.tracking.text import member_text


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Parking\x00 contracts", "Parking contracts"),
        ("Park\ud800ing \udfff contracts", "Parking contracts"),
        ("Park\x07ing\x1b contracts\x7f", "Parking contracts"),
        ("  Parking\r\n\tcontracts\x0c ", "Parking contracts"),
        ("\u202eParking\u200f", "\u202eParking\u200f"),  # direction marks stay: Arabic and Hebrew names need them
        ("\x00\ud800", ""),
        (None, ""),
    ],
)
def test_one_line_text_loses_nul_surrogates_and_controls_and_collapses_its_spaces(typed: str | None, kept: str) -> None:
    assert member_text(typed) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("1) The value\x00\r\n2) The bid\r3) The\ud800 date", "1) The value\n2) The bid\n3) The date"),
        ("\n  Page one\x0cPage two\t(tab)\n\n", "Page one\x0cPage two\t(tab)"),  # form feed, tab kept
        ("Phoned\x07 them", "Phoned\x07 them"),  # only what no database can store goes from free text
    ],
)
def test_free_text_loses_nul_and_surrogates_and_keeps_its_lines(typed: str, kept: str) -> None:
    assert member_text(typed, one_line=False) == kept


def test_cleaned_text_always_encodes_as_utf8() -> None:
    every_bmp_point = "".join(chr(n) for n in range(0x10000))
    for one_line in (True, False):
        cleaned = member_text(every_bmp_point, one_line=one_line)
        cleaned.encode("utf-8")
        assert "\x00" not in cleaned
