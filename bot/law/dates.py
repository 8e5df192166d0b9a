"""Dates typed by people, read day first the way the UK writes them.

Accepted: ``28/03/2022``, ``28-3-22``, ``28.03.2022``, ``28 March 2022``, ``28th Mar 22``,
``Mon 28 March 2022``, ``2022-03-28``, ``today``, ``yesterday``. Refused, with the reason and an
accepted form: anything missing a day, month or year (``March 2022``, ``28/03``), impossible dates
(``31/02/2022``, or ``03/28/2022`` written month first), text that is not a date, and years whose
bank holidays foibot does not vouch for.

Pure: ``today`` is a parameter. Two-digit years are read as 20xx here, never by dateutil, whose
own rule for them depends on the current year.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

from bot.errors import BadInput
from bot.law.bank_holidays import FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR

log = logging.getLogger(__name__)

ACCEPTED_FORMS = "28/03/2022, 28 March 2022 or 2022-03-28 (day first), or today / yesterday"
_MAX_ECHO = 40

_RELATIVE = {"today": 0, "yesterday": -1}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2}|\d{4})")
_TWO_DIGIT_YEAR_AT_END = re.compile(r"(?<![\d:])(\d{2})$")
_HAS_LETTERS = re.compile(r"[a-z]")
_MONTH_WORD = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
)


class _DayFirst(dateutil_parser.parserinfo):
    """dateutil's reader, day first, with two-digit years always 20xx (no clock involved)."""

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if year < 100 and not century_specified:
            return 2000 + year
        return year


_PARSER_INFO = _DayFirst(dayfirst=True)


def _refuse(text: str, why: str) -> BadInput:
    shown = text if len(text) <= _MAX_ECHO else text[: _MAX_ECHO - 1] + "…"
    return BadInput(f"Can't use the date '{shown}': {why}. Write it like {ACCEPTED_FORMS}.")


def _build(text: str, year: int, month: int, day: int, *, two_digit_year: bool = False) -> date:
    if two_digit_year:  # "1/2/22": 2022. A year written with four digits is taken as written.
        year += 2000
    elif year < 1900:  # "01/01/0001" is not 2001: refused rather than guessed
        raise _refuse(text, f"the year {year:04d} is too long ago: write the year in full, such as 2024")
    if not 1 <= month <= 12:
        hint = " (dates are read day first)" if 1 <= day <= 12 and month <= 31 else ""
        raise _refuse(text, f"there is no month {month}{hint}")
    try:
        return date(year, month, day)
    except ValueError:
        raise _refuse(text, f"{_month_name(month)} {year} has no day {day}") from None


def _month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B")


def _parse_words(text: str, lowered: str) -> date:
    """Dates with a month name, via dateutil; refuse any that leave out a day, month or year."""
    if not _MONTH_WORD.search(lowered):
        raise _refuse(text, "that doesn't look like a date")
    # Expand a trailing two-digit year ourselves ("28 Mar 22" -> 2022).
    candidate = lowered.replace(",", " ")
    if len(re.findall(r"\d+", candidate)) >= 2:  # a day before it, so the last number is the year
        candidate = _TWO_DIGIT_YEAR_AT_END.sub(lambda m: f"20{m.group(1)}", candidate)
    results = []
    # Parsing twice with different defaults shows whether any part was missing (it would differ).
    for default in (datetime(2004, 1, 1), datetime(2008, 2, 2)):
        try:
            results.append(dateutil_parser.parse(candidate, parserinfo=_PARSER_INFO, default=default).date())
        except (ValueError, OverflowError) as exc:
            why = str(exc)
            if "day is out of range" in why or "must be in" in why:
                raise _refuse(text, "that day doesn't exist in that month") from None
            raise _refuse(text, "that doesn't look like a date") from None
    if results[0] != results[1]:
        raise _refuse(text, "it needs a day, a month and a year")
    return results[0]


def parse_user_date(text: str, *, today: date) -> date:
    """The date ``text`` means, day first; ``today`` anchors "today" and "yesterday".

    Raises ``BadInput`` with a one-line message that says what was wrong and shows an accepted form.
    """
    lowered = " ".join(text.strip().lower().split())
    if not lowered:
        raise _refuse(text, "it is empty")
    if lowered in _RELATIVE:
        result = today + timedelta(days=_RELATIVE[lowered])
    elif match := _ISO.fullmatch(lowered) or _YEAR_FIRST.fullmatch(lowered):
        year, month, day = (int(g) for g in match.groups())
        result = _build(text, year, month, day)
    elif match := _NUMERIC.fullmatch(lowered):
        day, month, year = (int(g) for g in match.groups())
        result = _build(text, year, month, day, two_digit_year=len(match.group(3)) == 2)
    elif _HAS_LETTERS.search(lowered):
        result = _parse_words(text, lowered)
    elif re.fullmatch(r"\d{1,2}[/\-.]\d{1,2}", lowered):
        raise _refuse(text, "it needs a year")
    else:
        raise _refuse(text, "that isn't a date foibot can read without guessing")
    if not FIRST_SUPPORTED_YEAR <= result.year <= LAST_SUPPORTED_YEAR:
        raise _refuse(
            text,
            f"foibot only knows UK bank holidays for {FIRST_SUPPORTED_YEAR}-{LAST_SUPPORTED_YEAR}, "
            f"so it can't count from {result.year}",
        )
    return result
