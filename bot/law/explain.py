"""Plain-text explanations of a ``DeadlineReport`` (the CLI prints them; the bot reuses pieces)."""

from __future__ import annotations

import logging
from datetime import date

from bot.law.calendar import SkippedDay, WorkingDayCalendar
from bot.law.counting import long_date
from bot.law.deadlines import Deadline, DeadlineKey, DeadlineReport, ReceiptConvention
from bot.law.regimes import DIVISION_NAMES, CalendarKind, Division, Law, ReviewAnchor, regime

log = logging.getLogger(__name__)

# What each deadline key is called when shown to a person ({regulator} is filled in).
KEY_TITLES: dict[str, str] = {
    DeadlineKey.RESPONSE_DUE: "Response due",
    DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY: "Due if receipt counts from the next working day",
    DeadlineKey.CLARIFIED_PART_DUE: "Clarified part due",
    DeadlineKey.CLARIFIED_PART_DUE_NEXT_WORKING_DAY: "Clarified part due if receipt counts from the next working day",
    DeadlineKey.RESPONSE_DUE_EXTENDED: "Latest date if extended",
    DeadlineKey.SCHOOL_BACKSTOP: "School backstop (60 working days)",
    DeadlineKey.AUTHORITY_PROMISED: "The authority's own date",
    DeadlineKey.AUTHORITY_EXTENDED_TO: "The authority's extended date",
    DeadlineKey.REVIEW_REQUEST_BY: "Ask for a review by",
    DeadlineKey.REVIEW_DUE: "Review due",
    DeadlineKey.REVIEW_DUE_NEXT_WORKING_DAY: "Review due if receipt counts from the next working day",
    DeadlineKey.REVIEW_DUE_MAX: "Review due at the latest",
    DeadlineKey.REVIEW_SCHOOL_BACKSTOP: "School backstop for the review (60 working days)",
    DeadlineKey.COMPLAINT_BY: "Complain to the {regulator} by",
}


# How the review window's start is said, per regime (see ``reviews.py`` for the sources).
REVIEW_ANCHOR_WORDS: dict[ReviewAnchor | None, str] = {
    ReviewAnchor.RESPONSE: "of the response",
    ReviewAnchor.RESPONSE_OR_MISSED_DEADLINE: "of the response (or of the missed deadline, if none comes)",
    ReviewAnchor.LATER_OF_RESPONSE_AND_DEADLINE: "after the 20 working days for the response end (or after a late response arrives)",
    None: "",
}


def title(key: str, law: Law | None) -> str:
    if key.startswith(DeadlineKey.MEMBER_REMINDER):
        return "Your reminder"
    if key == DeadlineKey.PUBLICATION_CHECK:
        return "Check it was published"
    regulator = regime(law).regulator_short if law else "regulator"
    return KEY_TITLES.get(key, key.replace("_", " ").capitalize()).format(regulator=regulator)


def skipped_line(skipped: tuple[SkippedDay, ...] | list[SkippedDay]) -> str:
    if not skipped:
        return "No bank holidays in the count; only weekends are skipped."
    days = "; ".join(f"{long_date(s.day)}, {s.name}" for s in skipped)
    return f"Besides weekends, not counted: {days}."


def whose_holidays(law: Law, division: Division) -> str:
    kind = regime(law).calendar
    if kind is CalendarKind.UK_UNION:
        return "bank holidays anywhere in the UK count as non-working days"
    if kind is CalendarKind.SCOTLAND:
        return "only Scottish bank holidays count (Easter Monday is a working day)"
    return f"bank holidays in {DIVISION_NAMES[division]}, where the organisation is, count"


def deadline_lines(deadline: Deadline, law: Law | None) -> list[str]:
    lines = [f"{title(deadline.key, law)}: {long_date(deadline.due)}", f"  {deadline.rule} [{deadline.citation}]"]
    if deadline.skipped or deadline.key in (DeadlineKey.RESPONSE_DUE, DeadlineKey.CLARIFIED_PART_DUE):
        lines.append(f"  {skipped_line(deadline.skipped)}")
    return lines


def explain(report: DeadlineReport) -> str:
    """A short human explanation: every deadline with its rule, then caveats and sources."""
    law = report.law
    lines: list[str] = []
    if law is not None:
        r = regime(law)
        division = report.division or Division.ENGLAND_AND_WALES
        where = f"; {DIVISION_NAMES[division]}" if r.calendar is CalendarKind.DIVISION else ""
        lines.append(f"{r.short} ({r.title}{where}): {whose_holidays(law, division)}.")
        if report.convention is ReceiptConvention.NEXT_WORKING_DAY:
            lines.append("Receipt on a non-working day is counted from the next working day (as you asked).")
    if not report.deadlines:
        lines.append("No deadline can be worked out from these dates yet.")
    for deadline in report.deadlines.values():
        lines.extend(deadline_lines(deadline, law))
    if report.notes:
        lines.append("Notes:")
        lines.extend(f"- {note}" for note in report.notes)
    if report.basis:
        lines.append("Sources: " + " | ".join(report.basis))
    return "\n".join(lines)



def _short(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b}"


def count_runs(cal: WorkingDayCalendar, day0: date, due: date) -> list[str]:
    """The working days from ``day0`` (day 0) to ``due``, as runs of consecutive days.

    ``["Days 1-4: Tue 29 Mar - Fri 1 Apr", "Days 5-9: Mon 4 Apr - Fri 8 Apr", ...]``: a weekend
    or a bank holiday ends a run, so the gaps show what was not counted.
    """
    runs: list[str] = []
    run: list[tuple[int, date]] = []
    number, day = 0, day0
    while day < due:
        day = cal.nth_working_day_after(day, 1)
        number += 1
        if run and (day - run[-1][1]).days != 1:
            runs.append(_run_text(run[0], run[-1]))
            run = []
        run.append((number, day))
    if run:
        runs.append(_run_text(run[0], run[-1]))
    return runs


def _run_text(first: tuple[int, date], last: tuple[int, date]) -> str:
    if first[0] == last[0]:
        return f"Day {first[0]}: {_short(first[1])}"
    return f"Days {first[0]}-{last[0]}: {_short(first[1])} - {_short(last[1])}"
