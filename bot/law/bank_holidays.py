"""UK bank holidays by part of the UK, from the ``holidays`` package, with names people know.

``holidays.country_holidays('GB', subdiv=...)`` (>= 0.91, which has Scotland's one-off 15 June
2026) matches GOV.UK's list for ENG, WLS, SCT and NIR 2018-2027 except that it also lists the
weekend date of a holiday beside its weekday substitute (https://www.gov.uk/bank-holidays). Those weekend entries
are harmless for counting (weekends never count) and are never shown as skipped days.

A holiday's label says where it applies when that is not the whole UK, e.g. "St Andrew's Day
(Scotland)", because under FOIA a Scotland-only day still stops the clock for an English authority
(FOIA s.10(6); ICO line to take LTT47).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

from bot.law.regimes import DIVISION_NAMES, Division

log = logging.getLogger(__name__)

# The years whose bank holidays foibot vouches for. FOIA, FOISA and the EIR came into force on
# 1 January 2005; 2000 leaves room for old subject access cases. The package computes the regular
# rules for any year, but one-off days (a jubilee, a state funeral, 15 June 2026 in Scotland) are
# proclaimed at most a year or two ahead, so dates past LAST_SUPPORTED_YEAR are refused when typed.
FIRST_SUPPORTED_YEAR = 2000
LAST_SUPPORTED_YEAR = 2030

# The holidays package's subdivision codes for each part of the UK (Wales shares England's list).
SUBDIVISIONS: dict[Division, tuple[str, ...]] = {
    Division.ENGLAND_AND_WALES: ("ENG", "WLS"),
    Division.SCOTLAND: ("SCT",),
    Division.NORTHERN_IRELAND: ("NIR",),
}

# The package's names -> GOV.UK's names (https://www.gov.uk/bank-holidays).
_NAMES: dict[str, str] = {
    "Saint Andrew's Day": "St Andrew's Day",
    "Saint Patrick's Day": "St Patrick's Day",
    "New Year Holiday": "2 January",
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Summer Bank Holiday": "Summer bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Platinum Jubilee of Elizabeth II": "Platinum Jubilee bank holiday",
    "Coronation of Charles III": "Coronation of King Charles III",
    "Scotland's participation in the FIFA World Cup final": "Bank holiday for Scotland at the FIFA World Cup",
}
_OBSERVED = " (observed)"

# Days that are non-working by statute whatever the bank-holiday lists say: FOIA s.10(6) names
# Christmas Day and Good Friday; FOISA s.73 names Christmas Day (Good Friday is a Scottish bank
# holiday). They are in the package's lists too; this keeps the law's own words in charge.
# Keyed by the calendar (``CalendarKind`` values): the UK-wide one FOIA and the EIR use, Scotland's.
STATUTORY_DAYS: dict[str, tuple[str, ...]] = {
    "uk-union": ("Christmas Day", "Good Friday"),
    "scotland": ("Christmas Day",),
}


def statutory_day(name: str, year: int) -> date:
    if name == "Christmas Day":
        return date(year, 12, 25)
    if name == "Good Friday":
        return easter(year) - timedelta(days=2)
    raise ValueError(f"no statutory day called {name!r}")


def plain_name(package_name: str) -> str:
    """GOV.UK's wording for one of the package's holiday names."""
    observed = package_name.endswith(_OBSERVED)
    base = package_name.removesuffix(_OBSERVED)
    name = _NAMES.get(base, base)
    return f"{name} (substitute day)" if observed else name


@lru_cache(maxsize=256)
def holidays_in_year(year: int) -> dict[date, dict[Division, frozenset[str]]]:
    """Every bank holiday of ``year`` (weekend-dated entries included) -> part of the UK -> names."""
    by_day: dict[date, dict[Division, set[str]]] = {}
    for division, codes in SUBDIVISIONS.items():
        for code in codes:
            for day, names in holidays.country_holidays("GB", subdiv=code, years=year).items():
                # The package joins two holidays on one date with "; " (e.g. SCT 2 Jan 2023).
                for name in names.split("; "):
                    by_day.setdefault(day, {}).setdefault(division, set()).add(plain_name(name))
    return {day: {div: frozenset(n) for div, n in parts.items()} for day, parts in by_day.items()}


def _where(divisions: frozenset[Division]) -> str:
    names = [DIVISION_NAMES[d] for d in Division if d in divisions]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]).replace("England and Wales", "England, Wales") + " and " + names[-1]


def label(day: date) -> str:
    """What to call a bank holiday, saying where it applies unless it is UK-wide.

    ``"Good Friday"``, ``"St Andrew's Day (Scotland)"``, ``"Easter Monday (England, Wales and
    Northern Ireland)"``. Two holidays on one day are joined with "; ".
    """
    parts = holidays_in_year(day.year).get(day, {})
    where_by_name: dict[str, set[Division]] = {}
    for division, names in parts.items():
        for name in names:
            where_by_name.setdefault(name, set()).add(division)
    labels = []
    for name, where in sorted(where_by_name.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(where) == len(Division):
            labels.append(name)
        elif name.endswith(")"):  # "2 January (substitute day)" -> "(substitute day, Scotland)"
            labels.append(f"{name[:-1]}, {_where(frozenset(where))})")
        else:
            labels.append(f"{name} ({_where(frozenset(where))})")
    return "; ".join(labels)


def non_working_weekdays(year: int, divisions: frozenset[Division], statutory: tuple[str, ...]) -> dict[date, str]:
    """Weekday bank holidays of ``year`` in any of ``divisions``, plus the statutory days, labelled."""
    days: dict[date, str] = {}
    for day, parts in holidays_in_year(year).items():
        if day.weekday() < 5 and divisions & parts.keys():
            days[day] = label(day)
    for name in statutory:
        day = statutory_day(name, year)
        if day.weekday() < 5 and day not in days:
            days[day] = name
    return days
