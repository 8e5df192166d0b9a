"""The alert DM's text: every kind, every law, with the law's own citation and Discord timestamps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from bot.law.regimes import Law, regime
from bot.reminders.kinds import KINDS
from bot.reminders.messages import AlertContext, end_of_day, render_alert, sample_context

BASE = AlertContext(
    alert_id=42, user_id=1, kind="response_due_today", deadline_on=date(2026, 4, 8), deadline_key="response_due",
    fire_at=datetime(2026, 4, 8, 8, tzinfo=timezone.utc), attempt=1, delivery=0, request_id=7, public_id="R7K3Q",
    title="Pothole repairs 2025", authority="Anytown Council", law="foia", status="waiting_response",
    reference="FOI-123", link="https://www.whatdotheyknow.com/request/potholes",
    deadlines={"response_due": "2026-04-08", "complaint_by": "2026-08-19"},
)
# What each kind's DM must cite, from the regime table (bot.law.regimes).
CITATION = {
    "response_due_soon": lambda r: r.response.citation,
    "response_due_today": lambda r: r.response.citation,
    "response_overdue": lambda r: r.response.citation,
    "response_very_overdue": lambda r: r.response.citation,
    "review_window_closing": lambda r: r.review_window.citation,
    "review_due": lambda r: r.review_period.citation,
    "review_overdue": lambda r: r.review_period.citation,
    "complaint_window_closing": lambda r: r.complaint_window.citation,
    # While the authority waits for the member: the law that stops the clock (FOIA s.1(3), s.10(6)).
    "clarification_reminder_1": lambda r: r.clarification_citation,
    "clarification_reminder_2": lambda r: r.clarification_citation,
    "clarification_reminder_3": lambda r: r.clarification_citation,
    # Clocks the member sets (issue 15): their own words, not a law's limit (see test_member_clocks).
    "member_reminder": lambda r: "",
    "publication_check": lambda r: "",
}
REVIEWABLE = [law for law in Law if regime(law).review_window is not None]


# Subject access has no review stage, so no review alerts are ever planned for it: those pairs
# are left out rather than skipped.
KIND_LAW_PAIRS = [
    (kind.name, law.value)
    for kind in KINDS
    for law in Law
    if not (kind.name.startswith("review_") and law not in REVIEWABLE)
]


@pytest.mark.parametrize(("kind", "law"), KIND_LAW_PAIRS)
def test_every_kind_renders_for_every_law_with_its_citation_and_timestamps(kind: str, law: str) -> None:
    text = render_alert(replace(BASE, kind=kind, law=law))
    assert len(text) <= 2000
    assert CITATION[kind](regime(Law(law))) in text
    assert "<t:" in text and "R7K3Q" in text and "Anytown Council" in text
    assert "None" not in text and "{{" not in text and "{%" not in text


def test_the_due_date_is_shown_as_the_end_of_the_day_in_the_members_zone() -> None:
    moment = end_of_day(date(2026, 4, 8), "Europe/London")
    assert moment == datetime(2026, 4, 8, 22, 59, tzinfo=timezone.utc)
    assert f"<t:{int(moment.timestamp())}:D>" in render_alert(BASE)


def test_the_overdue_dm_offers_the_chaser_only_when_letters_can_be_drafted() -> None:
    overdue = replace(BASE, kind="response_overdue")
    assert "Draft chaser" in render_alert(overdue, letters=True)
    assert "Draft chaser" not in render_alert(overdue, letters=False)


def test_a_clarified_part_is_named_as_such() -> None:
    text = render_alert(replace(BASE, deadline_key="clarified_part_due"))
    assert "the part you clarified" in text


def test_member_text_is_data_never_a_template() -> None:
    text = render_alert(replace(BASE, title="{{ 7 * 7 }} and {% if x %}"))
    assert "{{ 7 * 7 }} and {% if x %}" in text


def test_a_very_long_title_is_cut_to_fit_one_message() -> None:
    assert len(render_alert(replace(BASE, title="x" * 5000))) == 2000


def test_the_sample_alert_for_reminders_test_renders() -> None:
    text = render_alert(sample_context(1, now=datetime(2026, 4, 8, 8, tzinfo=timezone.utc)))
    assert "SAMPLE" in text and "due **today**" in text


def test_member_text_in_a_dm_goes_through_the_senders_cleaner() -> None:
    context = replace(BASE, title="**Bin** <@123> collections", authority="A_B Council", reference="ref_1")
    text = render_alert(context, clean=lambda s: s.replace("*", "\\*").replace("_", "\\_"))
    assert "\\*\\*Bin\\*\\* <@123> collections" in text and "A\\_B Council" in text and "ref\\_1" in text
    assert "**Bin**" not in text
