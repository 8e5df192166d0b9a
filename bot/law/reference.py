"""The law reference page (``docs/reference/law.md``), written from the law entries themselves.

Every limit the deadline engine uses is printed here with the provision that sets it, so the
documentation cannot drift from the code: ``python -m bot docs law`` rewrites the page and a test
checks that the committed page is exactly this text.
"""

from __future__ import annotations

import logging

from bot.law.counting import plain_date
from bot.law.regimes import REGIMES, CalendarKind, ClockRule, Period, Regime, ReviewAnchor

log = logging.getLogger(__name__)

_CALENDARS = {
    CalendarKind.UK_UNION: "weekends, Christmas Day, Good Friday and a bank holiday in any part of the UK do not count",
    CalendarKind.SCOTLAND: "weekends, Christmas Day and Scottish bank holidays do not count",
    CalendarKind.DIVISION: "a weekend or a bank holiday of the organisation's own part of the UK rolls to the next working day",
}
_CLOCK = {
    ClockRule.RESTART: "restarts the period from the day the answer arrives",
    ClockRule.PAUSE: "stops the clock: the days from asking to answering do not count",
}
_ANCHORS = {
    ReviewAnchor.RESPONSE: "from the response",
    ReviewAnchor.RESPONSE_OR_MISSED_DEADLINE: "from the response, or from the missed deadline when none came",
    ReviewAnchor.LATER_OF_RESPONSE_AND_DEADLINE: "from the later of the end of the response period and a late response",
}

HEADER = """# The law, limit by limit

<!-- Generated from the law entries (bot/law/regimes.py) by `python -m bot docs law`: do not edit by
hand; a test fails when this page and the entries differ. -->

Every time limit foibot counts, for every law it knows, with the provision (or the regulator's
guidance) that sets it. This page is written from the same entries the deadline engine reads, so it
says exactly what the code does. How the counting works day by day (day 0, the next-working-day
reading, clarifications, fees) is explained in [Deadlines](../members/deadlines.md).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _period(period: Period | None) -> tuple[str, str]:
    if period is None:
        return "none", ""
    return period.describe(), period.citation


def _rows(entry: Regime) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = [
        ("Working days", _CALENDARS[entry.calendar], entry.working_day_citation),
        ("Response", f"{entry.response.describe()}: {entry.response_rule}", entry.response.citation),
    ]
    if entry.extension is not None:
        rows.append(("Extended response", f"{entry.extension.describe()} in total: {entry.extension_rule}",
                     entry.extension.citation))
        if entry.extension_late:
            rows.append(("Late extension", entry.extension_late, ""))
    else:
        rows.append(("Extended response", "no extension", ""))
    rows.append(("Clarification", _CLOCK[entry.clarification], entry.clarification_citation))
    if entry.fees is not None:
        rows.append(("Fees notice", "the days from the notice to payment do not count", entry.fees.citation))
        rows.append(("Unpaid fee lapses", f"after {entry.fees.lapses_after.describe()}", entry.fees.lapses_after.citation))
    elif entry.fees_start_clock:
        rows.append(("Fee", "the period runs from the day the fee arrives", entry.response.citation))
    if entry.school is not None:
        school = entry.school
        since = f" (in force from {plain_date(school.applies_from)})" if school.applies_from else ""
        reviews = " Reviews too." if school.review_backstop is not None else ""
        rows.append((f"Schools: {school.who}",
                     f"at most {school.backstop.describe()} (the earlier of the 20th school day and this){since}.{reviews} "
                     + school.explanation.replace(" ({due})", ""), school.backstop.citation))
    elif entry.no_school_rule:
        rows.append(("Schools", entry.no_school_rule, ""))
    for limit in entry.temporary_limits:
        span = f"{plain_date(limit.first_day)} to {plain_date(limit.last_day)}"
        rows.append((f"Temporary limits, {span}", limit.explanation, limit.citation))
    if entry.review_window is not None and entry.review_anchor is not None:
        rows.append((f"Ask for {entry.review_name}",
                     f"within {entry.review_window.describe()} {_ANCHORS[entry.review_anchor]}",
                     entry.review_window.citation))
        amount, source = _period(entry.review_period)
        rows.append(("Review answer due", amount, source))
        if entry.review_period_max is not None:
            amount, source = _period(entry.review_period_max)
            rows.append(("Review answer at the latest", amount, source))
    else:
        rows.append(("Review", entry.no_review_note or "no statutory review", ""))
    rows.append((f"Complain to {entry.regulator_short}",
                 f"within {entry.complaint_window.describe()}: {entry.complaint_rule}", entry.complaint_window.citation))
    if entry.next_working_day_reading:
        rows.append(("Receipt on a non-working day", "also shown: the date counted from the next working day",
                     entry.next_working_day_reading))
    return rows


def law_reference_markdown() -> str:
    """The whole page: a section per law entry, one row per limit with its source."""
    parts = [HEADER.rstrip("\n")]
    parts.append("| Law | Short name | Regulator |\n| --- | --- | --- |")
    parts[-1] += "".join(f"\n| {entry.title} | `{entry.law}` ({entry.short}) | {entry.regulator} |"
                         for entry in REGIMES.values())
    for entry in REGIMES.values():
        lines = [f"## {entry.short}: {entry.title}", "", "| Limit | Rule | Source |", "| --- | --- | --- |"]
        lines += [f"| {_cell(name)} | {_cell(rule)} | {_cell(source)} |" for name, rule, source in _rows(entry)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
