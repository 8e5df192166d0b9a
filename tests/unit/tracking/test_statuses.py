"""Statuses derived from the cached columns, and the list filters."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.law import Law, RequestFacts, calendar_for
from bot.tracking import STATUS_INFO, EventKind, Status, TimelineEvent, derive_status, fold, present
from bot.tracking.statuses import LIST_FILTERS, status_meaning, very_overdue_before

FOIA_DAYS = calendar_for(Law.FOIA)
FOISA_DAYS = calendar_for(Law.FOISA)


@settings(max_examples=300, deadline=None)
@given(
    due=st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 6, 30)),
    later=st.integers(min_value=0, max_value=120),
    scottish=st.booleans(),
)
def test_very_overdue_is_exactly_twenty_working_days_after_the_due_date(due: date, later: int, scottish: bool) -> None:
    calendar = FOISA_DAYS if scottish else FOIA_DAYS
    today = due + timedelta(days=later)
    expected = today > calendar.nth_working_day_after(due, 20)
    assert (due < very_overdue_before(calendar, today)) == expected


def test_only_authority_deadlines_make_a_request_late() -> None:
    late_day = date(2022, 5, 10)
    assert derive_status("partially_successful", "review_request_by", date(2022, 5, 1), late_day, FOIA_DAYS) is Status.PARTIALLY_SUCCESSFUL
    assert derive_status("waiting_response", "response_due", date(2022, 5, 1), late_day, FOIA_DAYS) is Status.OVERDUE
    assert derive_status("internal_review", "review_due", date(2022, 5, 1), late_day, FOIA_DAYS) is Status.REVIEW_OVERDUE
    assert derive_status("waiting_response", None, None, late_day, FOIA_DAYS) is Status.WAITING_RESPONSE


def test_easter_monday_counts_towards_very_overdue_in_scotland_only() -> None:
    # Due Thu 7 April 2022: the 20th working day after is 10 May UK-wide (Good Friday, Easter Monday
    # and the early May bank holiday skipped) but 9 May in Scotland (Easter Monday is a working day there).
    due, today = date(2022, 4, 7), date(2022, 5, 10)
    assert derive_status("waiting_response", "response_due", due, today, FOIA_DAYS) is Status.OVERDUE
    assert derive_status("waiting_response", "response_due", due, today, FOISA_DAYS) is Status.VERY_OVERDUE


def test_every_status_has_a_label_and_refused_is_shown_for_rejected() -> None:
    assert all(STATUS_INFO[s].label for s in Status)
    assert STATUS_INFO[Status.REJECTED].label == "Refused"


def test_list_filters_cover_every_status() -> None:
    assert set(LIST_FILTERS) == set(Status)
    assert LIST_FILTERS[Status.OVERDUE].late is True and LIST_FILTERS[Status.WAITING_RESPONSE].late is False


# SI 2004/3364 reg 3 (https://www.legislation.gov.uk/uksi/2004/3364/regulation/3): a school's time is "the earlier of (a) the 20th working day
# disregarding working days that are not school days, or (b) the 60th working day".

def test_an_overdue_school_request_says_the_school_may_have_until_the_sixtieth_working_day() -> None:
    meaning = status_meaning(Status.OVERDUE, "24 November 2025")
    assert "school or academy" in meaning and "60th working day (24 November 2025)" in meaning
    assert status_meaning(Status.OVERDUE) == STATUS_INFO[Status.OVERDUE].meaning
    assert status_meaning(Status.VERY_OVERDUE, "24 November 2025") == STATUS_INFO[Status.VERY_OVERDUE].meaning


def test_the_show_view_of_a_late_school_request_keeps_overdue_but_gives_the_backstop() -> None:
    school = RequestFacts(law=Law.FOIA, school=True)
    sent = date(2025, 9, 1)  # 20 working days: Mon 29 Sep 2025; 60: Mon 24 Nov 2025
    folded = fold(school, [TimelineEvent(EventKind.SENT, sent)], date(2025, 10, 1))
    context = present.show_context(
        folded, authority="Hillside Academy", law="foia", sent_on=sent, reference=None, shared=False,
        stamp=lambda d, style: d.isoformat(), clean=lambda text, limit: text or "",
    )
    assert context["status_label"] == "Overdue"
    assert "60th working day (2025-11-24)" in context["status_meaning"]
