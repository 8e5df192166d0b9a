"""Clocks the member sets, and the one a refusal sets: deadlines that are not the law's.

* A member's own reminder (``reminder`` event: "they promised publication on 14 February"):
  ``member_reminder_<ISO date>`` on that day, with the member's words.
* A refusal that relies on future publication with a date given (FOIA s.22, FOISA s.27, EIR reg
  12(4)(d), EISR reg 10(4)(d): the entry's ``future_publication``): ``publication_check`` on that
  date, to check whether it was published; the DM offers the review or a new request.

They go into the fold's ``live`` deadlines, so they are cached on the request, planned into the
alert outbox like any other (never lost, never twice, at the member's time of day), exported, and
recomputed by ``foibot deadline --timeline``. Pure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from bot.law.counting import long_date
from bot.law.regimes import Law, regime
from bot.law.report import Deadline, DeadlineKey

log = logging.getLogger(__name__)

NOTES_KEY = "member_notes"  # in the cached deadlines: {deadline key: the member's words}


def _label(exemption_id: str) -> str:
    """"s22" -> "s.22", "r12(4)(d)" -> "reg 12(4)(d)" (as ``describe.exemption_label``, which imports the fold)."""
    return f"reg {exemption_id[1:]}" if exemption_id.startswith("r") else f"s.{exemption_id[1:]}"


def reminder_key(day: date) -> str:
    return f"{DeadlineKey.MEMBER_REMINDER}_{day.isoformat()}"


def is_member_clock(key: str) -> bool:
    return key.startswith(DeadlineKey.MEMBER_REMINDER) or key == DeadlineKey.PUBLICATION_CHECK


def member_clocks(law: Law, reminders: Iterable[tuple[date, str]], response: tuple[date, tuple[str, ...], date] | None) -> dict[str, Deadline]:
    """The member's reminders, and the publication check of a response ``(on, exemptions,
    publication date)`` when it gave a date."""
    clocks: dict[str, Deadline] = {}
    for day, about in sorted(reminders):
        key = reminder_key(day)
        words = about or "your reminder"
        if key in clocks:  # two reminders on one day are one alert, with both texts
            words = f"{clocks[key].rule.removeprefix('Your reminder: ')}; {words}"
        clocks[key] = Deadline(key, day, f"Your reminder: {words}", "a reminder you set")
    if response is not None:
        on, exemptions, published_by = response
        exemption, citation = regime(law).future_publication
        relied = exemption and exemption in exemptions
        why = (f"it refused under {_label(exemption)} ({citation})" if relied
               else "it said the information would be published")
        clocks[DeadlineKey.PUBLICATION_CHECK] = Deadline(
            DeadlineKey.PUBLICATION_CHECK,
            published_by,
            f"On {long_date(on)} {why} by {long_date(published_by)}: check whether it was; if not, ask for a "
            "review or make a new request",
            citation if relied else "the authority's response",
        )
    return clocks


def notes_json(clocks: dict[str, Deadline]) -> dict[str, str]:
    return {key: d.rule for key, d in clocks.items()}
