"""Deadlines from a request's dated facts: table-driven cases worked out by hand, day by day.

Each expected date below was counted on a calendar, not copied from the code: the comment after
a case says which days were skipped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import BadInput
from bot.law import Division, Law, ReceiptConvention, RequestFacts, calendar_for, compute_deadlines

D = date

# The PHSO case (WhatDoTheyKnow thread, quoted): "We received your original FOI request on 28 March
# 2022. In accordance with the FOI Act we would normally be expected to provide a response within
# 20 working days. We were legally obliged to respond by 27 April 2022." It was clarified on
# 31 March 2022 for one question only; the review was asked for on 9 April 2022 and answered on
# 9 May 2022.
PHSO = RequestFacts(law=Law.FOIA, received=D(2022, 3, 28))


# (case, facts, key, expected date)
CASES = [
    ("PHSO: Good Friday and Easter Monday skipped", PHSO, "response_due", D(2022, 4, 27)),
    ("PHSO: 40 working days if the public interest test is extended", PHSO, "response_due_extended", D(2022, 5, 26)),
    # St Andrew's Day (Wed 30 Nov 2022, Scotland only) moves an English authority's FOIA date.
    ("Scottish-only holiday moves FOIA for England", RequestFacts(Law.FOIA, received=D(2022, 11, 14)), "response_due", D(2022, 12, 13)),
    # St Patrick's Day (Thu 17 Mar 2022, NI only) moves it too.
    ("NI-only holiday moves FOIA for England", RequestFacts(Law.FOIA, received=D(2022, 3, 7)), "response_due", D(2022, 4, 5)),
    ("EIR uses the same UK-wide days", RequestFacts(Law.EIR, received=D(2022, 3, 7)), "response_due", D(2022, 4, 5)),
    # FOISA s.73: Easter Monday (18 Apr 2022) is a working day in Scotland; only Good Friday is skipped.
    ("Easter Monday counts under FOISA", RequestFacts(Law.FOISA, Division.SCOTLAND, received=D(2022, 3, 28)), "response_due", D(2022, 4, 26)),
    ("EISR likewise", RequestFacts(Law.EISR, Division.SCOTLAND, received=D(2022, 3, 28)), "response_due", D(2022, 4, 26)),
    # 2022 Jubilee: Thu 2 and Fri 3 June both skipped.
    ("Platinum Jubilee 2022", RequestFacts(Law.FOIA, received=D(2022, 5, 23)), "response_due", D(2022, 6, 22)),
    # The State Funeral, Mon 19 Sep 2022, in every part of the UK (the SIC agreed for FOISA).
    ("State Funeral 2022 under FOIA", RequestFacts(Law.FOIA, received=D(2022, 9, 5)), "response_due", D(2022, 10, 4)),
    ("State Funeral 2022 under FOISA", RequestFacts(Law.FOISA, received=D(2022, 9, 5)), "response_due", D(2022, 10, 4)),
    # The Coronation, Mon 8 May 2023, one week after the early May bank holiday.
    ("Coronation 2023", RequestFacts(Law.FOIA, received=D(2023, 4, 24)), "response_due", D(2023, 5, 24)),
    # Saturday receipt: the ICO counts Sat 26 Mar as day 0, so day 1 is Mon 28 Mar.
    ("Saturday receipt, ICO reading", RequestFacts(Law.FOIA, received=D(2022, 3, 26)), "response_due", D(2022, 4, 26)),
    ("Saturday receipt, later reading", RequestFacts(Law.FOIA, received=D(2022, 3, 26)), "response_due_next_working_day", D(2022, 4, 27)),
    # Clarification restarts the clock: 20 working days from Thu 31 Mar (Easter and 2 May skipped).
    (
        "clarification restarts the clock",
        RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_requested=D(2022, 3, 30), clarification_received=D(2022, 3, 31)),
        "response_due",
        D(2022, 5, 3),
    ),
    # Clarification of one part (PHSO): the rest keeps 27 April; the clarified part runs from 31 March.
    (
        "partial clarification keeps the rest on its date",
        RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_requested=D(2022, 3, 30), clarification_received=D(2022, 3, 31), clarification_partial=True),
        "response_due",
        D(2022, 4, 27),
    ),
    (
        "partial clarification dates the clarified part",
        RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_requested=D(2022, 3, 30), clarification_received=D(2022, 3, 31), clarification_partial=True),
        "clarified_part_due",
        D(2022, 5, 3),
    ),
    # Fee pause (FOIA s.10(2)): 4 working days before the notice (8-11 Nov) count; 14-23 Nov are
    # disregarded; 16 more from Thu 24 Nov, skipping St Andrew's Day, end on Fri 16 Dec.
    (
        "fees notice pauses the clock",
        RequestFacts(Law.FOIA, received=D(2022, 11, 7), fee_notice=D(2022, 11, 14), fee_paid=D(2022, 11, 23)),
        "response_due",
        D(2022, 12, 16),
    ),
    # A fees notice on the day of receipt: all 20 are counted after payment (Mon 14 Nov).
    (
        "fees notice on the day of receipt",
        RequestFacts(Law.FOIA, received=D(2022, 11, 7), fee_notice=D(2022, 11, 7), fee_paid=D(2022, 11, 14)),
        "response_due",
        D(2022, 12, 13),
    ),
    # A fees notice after the 20th working day changes nothing.
    (
        "late fees notice has no effect",
        RequestFacts(Law.FOIA, received=D(2022, 3, 28), fee_notice=D(2022, 5, 3), fee_paid=D(2022, 5, 4)),
        "response_due",
        D(2022, 4, 27),
    ),
    # Schools: 60 working days from Mon 28 Mar 2022 (Easter, 2 May, 2-3 June skipped).
    ("school backstop", RequestFacts(Law.FOIA, received=D(2022, 3, 28), school=True), "school_backstop", D(2022, 6, 27)),
    # SAR: the corresponding date next month, or the month's last day, then the next working day.
    ("SAR month end", RequestFacts(Law.SAR, received=D(2023, 1, 31)), "response_due", D(2023, 2, 28)),
    ("SAR leap year", RequestFacts(Law.SAR, received=D(2024, 1, 31)), "response_due", D(2024, 2, 29)),
    ("SAR 30 January in a leap year", RequestFacts(Law.SAR, received=D(2024, 1, 30)), "response_due", D(2024, 2, 29)),
    ("SAR receipt on a Saturday counts", RequestFacts(Law.SAR, received=D(2024, 2, 3)), "response_due", D(2024, 3, 4)),
    ("SAR Christmas roll", RequestFacts(Law.SAR, received=D(2024, 11, 25)), "response_due", D(2024, 12, 27)),
    # 29 Mar 2024 is Good Friday; Easter Monday rolls it on in England, not in Scotland.
    ("SAR Easter roll, England", RequestFacts(Law.SAR, received=D(2024, 2, 29)), "response_due", D(2024, 4, 2)),
    ("SAR Easter roll, Scotland", RequestFacts(Law.SAR, Division.SCOTLAND, received=D(2024, 2, 29)), "response_due", D(2024, 4, 1)),
    # Sat 30 Nov 2024 -> St Andrew's Day substitute Mon 2 Dec in Scotland only.
    ("SAR St Andrew's roll, Scotland", RequestFacts(Law.SAR, Division.SCOTLAND, received=D(2024, 10, 30)), "response_due", D(2024, 12, 3)),
    ("SAR St Andrew's roll, England", RequestFacts(Law.SAR, received=D(2024, 10, 30)), "response_due", D(2024, 12, 2)),
    ("SAR three months when extended", RequestFacts(Law.SAR, received=D(2024, 1, 31)), "response_due_extended", D(2024, 4, 30)),
    # DUAA 2025 s.76: asked Wed 4 Mar 2026, answered Mon 9 Mar: 6 days (both ends) are added to 2 Apr.
    (
        "SAR stop-the-clock",
        RequestFacts(Law.SAR, received=D(2026, 3, 2), clarification_requested=D(2026, 3, 4), clarification_received=D(2026, 3, 9)),
        "response_due",
        D(2026, 4, 8),
    ),
    # A second round keeps the first round's pause: 3-20 Mar is 18 days (both ends), 25-30 Mar is 6;
    # 2 Apr + 24 days is Sun 26 Apr 2026, rolled to Mon 27 Apr.
    (
        "SAR stop-the-clock twice adds both pauses",
        RequestFacts(Law.SAR, received=D(2026, 3, 2), clarification_requested=D(2026, 3, 25), clarification_received=D(2026, 3, 30), earlier_pause_days=18),
        "response_due",
        D(2026, 4, 27),
    ),
    # Review windows. FOIA: 40 working days from the response (Fri 8 Apr 2022).
    ("FOIA review window", RequestFacts(Law.FOIA, received=D(2022, 3, 28), responded=D(2022, 4, 8)), "review_request_by", D(2022, 6, 10)),
    ("FOIA review due", RequestFacts(Law.FOIA, review_requested=D(2022, 4, 9)), "review_due", D(2022, 5, 11)),
    ("FOIA review due at most", RequestFacts(Law.FOIA, review_requested=D(2022, 4, 9)), "review_due_max", D(2022, 6, 10)),
    ("FOIA complaint: 6 weeks", RequestFacts(Law.FOIA, review_requested=D(2022, 4, 9), review_responded=D(2022, 5, 9)), "complaint_by", D(2022, 6, 20)),
    # No review outcome: the ICO's 6 weeks counted from the 40th working day (Fri 10 Jun 2022).
    ("FOIA complaint with no review outcome", RequestFacts(Law.FOIA, review_requested=D(2022, 4, 9)), "complaint_by", D(2022, 7, 22)),
    ("EIR review window", RequestFacts(Law.EIR, responded=D(2022, 4, 8)), "review_request_by", D(2022, 6, 10)),
    # EIR reg 11(4): 40 working days from Mon 11 Apr 2022 -> Mon 13 Jun 2022.
    ("EIR reconsideration due", RequestFacts(Law.EIR, review_requested=D(2022, 4, 11)), "review_due", D(2022, 6, 13)),
    ("EIR complaint: 6 weeks", RequestFacts(Law.EIR, review_requested=D(2022, 4, 11), review_responded=D(2022, 5, 20)), "complaint_by", D(2022, 7, 1)),
    ("EIR complaint with no outcome", RequestFacts(Law.EIR, review_requested=D(2022, 4, 11)), "complaint_by", D(2022, 7, 25)),
    # EIR reg 11(2) with no response: 40 working days from the missed deadline (Wed 27 Apr 2022).
    ("EIR review window after no response", RequestFacts(Law.EIR, received=D(2022, 3, 28)), "review_request_by", D(2022, 6, 27)),
    # FOISA s.20(5): on time -> 40 WD after the 20 WD ended (Tue 26 Apr; Scottish holidays 2 May, 2-3 Jun).
    (
        "FOISA review window after an on-time response",
        RequestFacts(Law.FOISA, received=D(2022, 3, 28), responded=D(2022, 4, 8)),
        "review_request_by",
        D(2022, 6, 24),
    ),
    (
        "FOISA review window after a late response",
        RequestFacts(Law.FOISA, received=D(2022, 3, 28), responded=D(2022, 5, 9)),
        "review_request_by",
        D(2022, 7, 6),
    ),
    ("FOISA review window after no response", RequestFacts(Law.FOISA, received=D(2022, 3, 28)), "review_request_by", D(2022, 6, 24)),
    ("FOISA review due", RequestFacts(Law.FOISA, review_requested=D(2022, 5, 16)), "review_due", D(2022, 6, 15)),
    ("FOISA complaint: 6 months", RequestFacts(Law.FOISA, review_requested=D(2022, 5, 16), review_responded=D(2022, 6, 10)), "complaint_by", D(2022, 12, 10)),
    ("FOISA complaint: 6 months to a month end", RequestFacts(Law.FOISA, review_requested=D(2022, 8, 1), review_responded=D(2022, 8, 31)), "complaint_by", D(2023, 2, 28)),
    ("FOISA complaint with no review response", RequestFacts(Law.FOISA, review_requested=D(2022, 5, 16)), "complaint_by", D(2022, 12, 15)),
    ("SAR complaint: 3 months after the last contact", RequestFacts(Law.SAR, received=D(2023, 10, 2), responded=D(2023, 11, 30)), "complaint_by", D(2024, 2, 29)),
    # EIR reg 11(2) / EISR reg 16(2) after a valid reg 7 extension: the failure is at the extended
    # deadline. Received Mon 3 Nov 2025: the 20th working day is Tue 2 Dec (St Andrew's substitute,
    # Mon 1 Dec, skipped), the 40th Mon 5 Jan 2026 (25-26 Dec, 1-2 Jan skipped); 40 more end Mon 2 Mar 2026.
    ("EIR review window after a valid extension", RequestFacts(Law.EIR, received=D(2025, 11, 3), extended_to=D(2026, 1, 5)), "review_request_by", D(2026, 3, 2)),
    ("EISR review window after a valid extension", RequestFacts(Law.EISR, Division.SCOTLAND, received=D(2025, 11, 3), extended_to=D(2026, 1, 5)), "review_request_by", D(2026, 3, 2)),
    ("EIR review window without an extension", RequestFacts(Law.EIR, received=D(2025, 11, 3)), "review_request_by", D(2026, 2, 2)),
    # A request for review received on Sun 26 Oct 2025 (SIC Decision 092/2026): day 0
    # Sunday gives Fri 21 Nov; counted from Mon 27 Oct it is Mon 24 Nov, the date the SIC accepted.
    ("FOISA review asked on a Sunday, ICO reading", RequestFacts(Law.FOISA, Division.SCOTLAND, review_requested=D(2025, 10, 26)), "review_due", D(2025, 11, 21)),
    (
        "FOISA review asked on a Sunday, later reading",
        RequestFacts(Law.FOISA, Division.SCOTLAND, review_requested=D(2025, 10, 26)),
        "review_due_next_working_day",
        D(2025, 11, 24),
    ),
    # Partial clarification arriving on Sat 7 Jun 2025: day 0 Saturday gives Fri 4 Jul; from Mon 9 Jun, Mon 7 Jul.
    (
        "clarified part received on a Saturday, ICO reading",
        RequestFacts(Law.FOIA, received=D(2025, 6, 2), clarification_requested=D(2025, 6, 4), clarification_received=D(2025, 6, 7), clarification_partial=True),
        "clarified_part_due",
        D(2025, 7, 4),
    ),
    (
        "clarified part received on a Saturday, later reading",
        RequestFacts(Law.FOIA, received=D(2025, 6, 2), clarification_requested=D(2025, 6, 4), clarification_received=D(2025, 6, 7), clarification_partial=True),
        "clarified_part_due_next_working_day",
        D(2025, 7, 7),
    ),
]


@pytest.mark.parametrize(("case", "facts", "key", "expected"), CASES, ids=[c[0] for c in CASES])
def test_deadline_table(case: str, facts: RequestFacts, key: str, expected: date) -> None:
    report = compute_deadlines(facts)
    deadline = report.get(key)
    assert deadline is not None, f"{case}: no {key} in {list(report.deadlines)}"
    assert deadline.due == expected, case
    assert deadline.citation and deadline.rule


def test_phso_skipped_days_are_good_friday_and_easter_monday() -> None:
    deadline = compute_deadlines(PHSO).get("response_due")
    assert deadline is not None
    assert [(s.day, s.name) for s in deadline.skipped] == [
        (D(2022, 4, 15), "Good Friday"),
        (D(2022, 4, 18), "Easter Monday (England, Wales and Northern Ireland)"),
    ]


def test_the_scottish_holiday_is_named_in_the_english_authoritys_count() -> None:
    deadline = compute_deadlines(RequestFacts(Law.FOIA, received=D(2022, 11, 14))).get("response_due")
    assert deadline is not None
    assert [s.name for s in deadline.skipped] == ["St Andrew's Day (Scotland)"]
    # Without the union the date would be a day earlier.
    assert calendar_for(Law.SAR, Division.ENGLAND_AND_WALES).nth_working_day_after(D(2022, 11, 14), 20) == D(2022, 12, 12)


def test_next_working_day_convention_makes_the_later_date_the_response_due() -> None:
    facts = RequestFacts(Law.FOIA, received=D(2022, 3, 26))
    report = compute_deadlines(facts, ReceiptConvention.NEXT_WORKING_DAY)
    assert report.deadlines["response_due"].due == D(2022, 4, 27)
    assert report.deadlines["response_due_next_working_day"].due == D(2022, 4, 27)


def test_a_review_or_clarification_received_on_a_working_day_gives_no_later_reading() -> None:
    report = compute_deadlines(RequestFacts(Law.FOISA, Division.SCOTLAND, review_requested=D(2025, 10, 27)))
    assert "review_due_next_working_day" not in report.deadlines
    partial = RequestFacts(Law.FOIA, received=D(2025, 6, 2), clarification_requested=D(2025, 6, 4),
                           clarification_received=D(2025, 6, 6), clarification_partial=True)
    assert "clarified_part_due_next_working_day" not in compute_deadlines(partial).deadlines


def test_a_review_asked_on_a_non_working_day_says_to_wait_for_the_later_date() -> None:
    report = compute_deadlines(RequestFacts(Law.FOISA, Division.SCOTLAND, review_requested=D(2025, 10, 26)))
    assert report.deadlines["review_due_next_working_day"].citation.startswith("SIC Decision 092/2026")
    assert any("Fri 21 November 2025" in n and "Mon 24 November 2025" in n and "Wait for the later date" in n for n in report.notes)
    # Counting from the next working day anyway leaves no second date.
    later = compute_deadlines(RequestFacts(Law.FOISA, Division.SCOTLAND, review_requested=D(2025, 10, 26)), ReceiptConvention.NEXT_WORKING_DAY)
    assert later.deadlines["review_due"].due == D(2025, 11, 24) and "review_due_next_working_day" not in later.deadlines


def test_an_eir_review_window_after_an_extension_says_it_runs_from_the_extended_deadline() -> None:
    report = compute_deadlines(RequestFacts(Law.EIR, received=D(2025, 11, 3), extended_to=D(2026, 1, 5)))
    assert "of the missed extended deadline, Mon 5 January 2026" in report.deadlines["review_request_by"].rule


def test_receipt_on_a_working_day_gives_no_later_reading() -> None:
    report = compute_deadlines(PHSO)
    assert "response_due_next_working_day" not in report.deadlines
    assert not any("non-working day" in n for n in report.notes)


def test_receipt_on_a_non_working_day_is_explained_in_a_note() -> None:
    report = compute_deadlines(RequestFacts(Law.FOIA, received=D(2022, 4, 15)))  # Good Friday
    # Day 0 is Good Friday; Easter Monday and 2 May are skipped.
    assert report.deadlines["response_due"].due == D(2022, 5, 17)
    # Received "on" Tue 19 Apr instead: one working day later.
    assert report.deadlines["response_due_next_working_day"].due == D(2022, 5, 18)
    assert any("Wait for the later date" in n for n in report.notes)


def test_sar_has_no_next_working_day_reading_because_the_month_runs_from_any_day() -> None:
    report = compute_deadlines(RequestFacts(Law.SAR, received=D(2024, 2, 3)))
    assert "response_due_next_working_day" not in report.deadlines


def test_clarification_still_awaited_stops_the_clock() -> None:
    report = compute_deadlines(RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_requested=D(2022, 3, 30)))
    assert "response_due" not in report.deadlines
    assert any("Clock stopped" in n for n in report.notes)


def test_unpaid_fee_stops_the_clock_and_says_when_the_request_lapses() -> None:
    report = compute_deadlines(RequestFacts(Law.FOIA, received=D(2022, 11, 7), fee_notice=D(2022, 11, 14)))
    assert "response_due" not in report.deadlines
    # FOIA s.9(2): the 3 months begin with the day of the notice (14 Nov 2022), so the last day is 13 Feb 2023.
    assert any("at the end of Mon 13 February 2023" in n for n in report.notes)


@pytest.mark.parametrize(
    ("law", "notice", "last_day"),
    [
        # FOIA s.9(2): "the period of three months beginning with the day on which the fees notice is
        # given": a notice of Wed 10 Dec 2025 is the period's first day, so the last is Mon 9 Mar 2026.
        (Law.FOIA, D(2025, 12, 10), "Mon 9 March 2026"),
        (Law.FOISA, D(2025, 12, 10), "Mon 9 March 2026"),  # FOISA s.9(4): the same words
        # Beginning with Mon 30 Nov 2026 = after Sun 29 Nov: 29 Feb 2027 does not exist, so the month's last day.
        (Law.FOIA, D(2026, 11, 30), "Sun 28 February 2027"),
    ],
)
def test_an_unpaid_fee_lapses_at_the_end_of_the_three_months_beginning_with_the_notice(law: Law, notice: date, last_day: str) -> None:
    division = Division.SCOTLAND if law is Law.FOISA else Division.ENGLAND_AND_WALES
    report = compute_deadlines(RequestFacts(law, division, received=notice - timedelta(days=2), fee_notice=notice))
    (note,) = [n for n in report.notes if "fees notice" in n]
    assert f"still unpaid at the end of {last_day} (the 3 months beginning with the day of the notice" in note


def test_eir_unpaid_advance_payment_lapses_after_60_working_days() -> None:
    report = compute_deadlines(RequestFacts(Law.EIR, received=D(2022, 11, 7), fee_notice=D(2022, 11, 14)))
    assert any("EIR reg 8" in n for n in report.notes)


def test_fee_pause_rule_names_the_disregarded_days() -> None:
    facts = RequestFacts(Law.FOIA, received=D(2022, 11, 7), fee_notice=D(2022, 11, 14), fee_paid=D(2022, 11, 23))
    rule = compute_deadlines(facts).deadlines["response_due"].rule
    assert "not counting the 8 working days from the fees notice" in rule


def test_sar_clarification_before_duaa_cites_the_ico_guidance() -> None:
    facts = RequestFacts(Law.SAR, received=D(2025, 3, 3), clarification_requested=D(2025, 3, 5), clarification_received=D(2025, 3, 6))
    report = compute_deadlines(facts)
    assert report.deadlines["response_due"].due == D(2025, 4, 7)  # 3 Apr + 2 days = Sat 5 Apr -> Mon 7 Apr
    assert any("ICO right of access guidance (October 2020)" in n for n in report.notes)


def test_sar_clarification_rounds_are_added_up_in_the_note() -> None:
    facts = RequestFacts(Law.SAR, received=D(2026, 3, 2), clarification_requested=D(2026, 3, 25), clarification_received=D(2026, 3, 30), earlier_pause_days=18)
    notes = compute_deadlines(facts).notes
    assert any("Clock stopped more than once: 24 days in all, 18 in earlier rounds" in n for n in notes)
    waiting = compute_deadlines(RequestFacts(Law.SAR, received=D(2026, 3, 2), clarification_requested=D(2026, 3, 25), earlier_pause_days=18))
    assert "response_due" not in waiting.deadlines
    assert any("Earlier rounds of clarification already stopped it for 18 days" in n for n in waiting.notes)


def test_earlier_pauses_do_not_move_a_foia_date_because_clarification_restarts_it() -> None:
    once = RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_requested=D(2022, 3, 30), clarification_received=D(2022, 3, 31))
    assert compute_deadlines(once).deadlines["response_due"].due == compute_deadlines(replace(once, earlier_pause_days=9)).deadlines["response_due"].due


def test_sar_fee_starts_the_month_on_payment() -> None:
    facts = RequestFacts(Law.SAR, received=D(2024, 1, 10), fee_notice=D(2024, 1, 11), fee_paid=D(2024, 1, 15))
    assert compute_deadlines(facts).deadlines["response_due"].due == D(2024, 2, 15)


def test_school_rule_is_foia_only() -> None:
    report = compute_deadlines(RequestFacts(Law.EIR, received=D(2022, 3, 28), school=True))
    assert "school_backstop" not in report.deadlines
    note = compute_deadlines(RequestFacts(Law.FOIA, received=D(2022, 3, 28), school=True)).notes
    assert any("20th school day" in n and "no school calendar" in n for n in note)


def test_foisa_has_no_extension_and_foia_has_review_due_max_only() -> None:
    foisa = compute_deadlines(RequestFacts(Law.FOISA, received=D(2022, 3, 28), review_requested=D(2022, 5, 16)))
    assert "response_due_extended" not in foisa.deadlines
    assert "review_due_max" not in foisa.deadlines
    eir = compute_deadlines(RequestFacts(Law.EIR, review_requested=D(2022, 4, 11)))
    assert "review_due_max" not in eir.deadlines


def test_sar_has_no_review_and_says_why() -> None:
    report = compute_deadlines(RequestFacts(Law.SAR, received=D(2024, 1, 10), responded=D(2024, 2, 1)))
    assert "review_request_by" not in report.deadlines
    assert any("no statutory internal review" in n for n in report.notes)


def test_foisa_response_without_receipt_date_counts_from_the_response_and_says_so() -> None:
    report = compute_deadlines(RequestFacts(Law.FOISA, responded=D(2022, 4, 8)))
    # Scottish days only: Good Friday, 2 May, 2-3 June skipped; Easter Monday counts.
    assert report.deadlines["review_request_by"].due == D(2022, 6, 9)
    assert any("s.20(5)" in n for n in report.notes)


def test_json_has_iso_dates_skipped_days_and_basis() -> None:
    data = compute_deadlines(PHSO).as_json()
    assert data["response_due"] == "2022-04-27"
    assert {"date": "2022-04-15", "name": "Good Friday"} in data["skipped"]
    assert any("s.10(1)" in b for b in data["basis"])
    assert any("s.10(6)" in b for b in data["basis"])


def test_deadline_keys_come_in_a_stable_order() -> None:
    facts = RequestFacts(Law.FOIA, received=D(2022, 3, 26), responded=D(2022, 4, 8), review_requested=D(2022, 4, 9), school=True)
    assert list(compute_deadlines(facts).deadlines) == [
        "response_due",
        "response_due_next_working_day",
        "response_due_extended",
        "school_backstop",
        "review_request_by",
        "review_due",
        "review_due_next_working_day",  # Sat 9 April 2022
        "review_due_max",
        "complaint_by",
    ]


@pytest.mark.parametrize(
    ("facts", "words"),
    [
        (RequestFacts(Law.FOIA, received=D(2022, 3, 28), responded=D(2022, 3, 1)), "response cannot come before"),
        (RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_requested=D(2022, 4, 1), clarification_received=D(2022, 3, 31)), "clarification cannot arrive"),
        (RequestFacts(Law.FOIA, received=D(2022, 3, 28), clarification_received=D(2022, 3, 31)), "clarification was requested"),
        (RequestFacts(Law.FOIA, received=D(2022, 3, 28), fee_paid=D(2022, 3, 31)), "fees notice"),
        (RequestFacts(Law.FOIA, review_requested=D(2022, 5, 1), review_responded=D(2022, 4, 1)), "review outcome cannot come"),
        (RequestFacts(Law.SAR, received=D(2026, 3, 2), earlier_pause_days=-1), "cannot be negative"),
    ],
)
def test_contradictory_dates_are_refused_with_a_reason(facts: RequestFacts, words: str) -> None:
    with pytest.raises(BadInput, match=words):
        compute_deadlines(facts)


@settings(max_examples=200, deadline=None)
@given(
    law=st.sampled_from(list(Law)),
    division=st.sampled_from(list(Division)),
    received=st.dates(min_value=D(2005, 1, 1), max_value=D(2030, 12, 31)),
    convention=st.sampled_from(list(ReceiptConvention)),
)
def test_every_response_due_date_is_a_working_day_in_its_calendar(
    law: Law, division: Division, received: date, convention: ReceiptConvention
) -> None:
    report = compute_deadlines(RequestFacts(law, division, received=received, school=True), convention)
    cal = calendar_for(law, division)
    for key in ("response_due", "response_due_extended", "response_due_next_working_day", "school_backstop"):
        deadline = report.get(key)
        if deadline is not None:
            assert cal.is_working_day(deadline.due), (key, deadline)
            assert deadline.due > received
