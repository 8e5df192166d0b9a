"""Issue 15: what a real-world audit found missing, case by case, each expected date counted by hand.

Sources for the rules (quoted in the code comments and the notes the member reads):

* SSI 2016/346 (in force 1 December 2016, https://www.legislation.gov.uk/ssi/2016/346/regulation/1):
  grant-aided and independent special schools have 20 working days not counting days that are not
  school days, and in any event until the 60th working day, for requests and requirements for review
  (https://www.gov.scot/publications/freedom-information-scotland-act-2002-time-compliance-regulations-consultation-response/pages/2/).
* Coronavirus (Scotland) Act 2020 sch.6 paras 3-4: 60 working days for FOISA responses and reviews,
  7 April to 26 May 2020; the SIC judges a response issued in that time by the 60, one unanswered on
  27 May by the 20 (https://www.itspublicknowledge.info/Law/Covid-19EmergencyLegislation.aspx); the
  EISR were not changed (SIC, 13 March 2020).
* EIR reg 7(3), EISR reg 7, FOIA s.10(3) + s.17(1), UK GDPR art.12(3)/12A: an extension counts only when
  notified within the first period.
* UK GDPR art.12A, ICO right of access guidance: the month runs from the latest of receipt, identity
  evidence and fee; each clarification round stops the clock (DUAA 2025 s.76).

Scottish bank holidays used below (GOV.UK): 2020: Fri 10 Apr, Fri 8 May, Mon 25 May; 2023: Mon 7 Aug.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput
from bot.law import Division, Law, RequestFacts, compute_deadlines

D = date
SCOT = Division.SCOTLAND

# (case, facts, key, expected date or None for "no such deadline")
CASES = [
    # -- Scottish special schools (SSI 2016/346) ---------------------------------------------------
    # Received Mon 5 Jun 2023: 20 WD end Mon 3 Jul; the 60th, skipping Mon 7 Aug, is Tue 29 Aug 2023.
    ("FOISA school: 20 working days still shown", RequestFacts(Law.FOISA, SCOT, received=D(2023, 6, 5), school=True), "response_due", D(2023, 7, 3)),
    ("FOISA school: 60-working-day backstop", RequestFacts(Law.FOISA, SCOT, received=D(2023, 6, 5), school=True), "school_backstop", D(2023, 8, 29)),
    # Requirement for review received Tue 1 Aug 2023: 20 WD end Wed 30 Aug; the 60th is Wed 25 Oct 2023.
    (
        "FOISA school: the review has the backstop too",
        RequestFacts(Law.FOISA, SCOT, received=D(2023, 6, 5), responded=D(2023, 6, 20), review_requested=D(2023, 8, 1), school=True),
        "review_school_backstop",
        D(2023, 10, 25),
    ),
    (
        "FOISA school: review's 20 working days unchanged",
        RequestFacts(Law.FOISA, SCOT, received=D(2023, 6, 5), responded=D(2023, 6, 20), review_requested=D(2023, 8, 1), school=True),
        "review_due",
        D(2023, 8, 30),
    ),
    # Before 1 December 2016 the regulations were not in force.
    ("FOISA school before SSI 2016/346", RequestFacts(Law.FOISA, SCOT, received=D(2016, 10, 3), school=True), "school_backstop", None),
    ("EISR has no school rule", RequestFacts(Law.EISR, SCOT, received=D(2023, 6, 5), school=True), "school_backstop", None),
    ("FOISA without the school flag", RequestFacts(Law.FOISA, SCOT, received=D(2023, 6, 5)), "school_backstop", None),
    # -- Coronavirus (Scotland) Act 2020 ------------------------------------------------------------
    # Received Mon 16 Mar 2020: 20 WD (Good Friday skipped) end Tue 14 Apr; the 60th (also 8 and 25
    # May skipped) is Thu 11 Jun 2020. Answered Tue 19 May 2020, inside 7 April - 26 May: the 60 apply.
    ("FOISA answered while the 2020 Act was in force", RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16), responded=D(2020, 5, 19)), "response_due", D(2020, 6, 11)),
    # Answered Mon 1 Jun 2020, after the repeal: judged by the 20 (SIC guidance).
    ("FOISA answered after the repeal", RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16), responded=D(2020, 6, 1)), "response_due", D(2020, 4, 14)),
    ("FOISA unanswered", RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16)), "response_due", D(2020, 4, 14)),
    # Review received Mon 20 Apr 2020, answered Fri 22 May 2020: 60 WD end Wed 15 Jul 2020 (20 WD: Tue 19 May).
    (
        "FOISA review answered while the Act was in force",
        RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16), responded=D(2020, 4, 1), review_requested=D(2020, 4, 20), review_responded=D(2020, 5, 22)),
        "review_due",
        D(2020, 7, 15),
    ),
    (
        "FOISA review answered after the repeal",
        RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16), responded=D(2020, 4, 1), review_requested=D(2020, 4, 20), review_responded=D(2020, 6, 2)),
        "review_due",
        D(2020, 5, 19),
    ),
    # The EISR were not changed: 20 WD whatever the response day.
    ("EISR unchanged in 2020", RequestFacts(Law.EISR, SCOT, received=D(2020, 3, 16), responded=D(2020, 5, 19)), "response_due", D(2020, 4, 14)),
    # -- when an extension was notified -------------------------------------------------------------
    # EIR received Mon 6 Jan 2025: 20 WD end Mon 3 Feb, 40 WD Mon 3 Mar 2025. Notified on day 20: the
    # reg 11(2) window runs from the extended deadline: 40 WD after 3 Mar (St Patrick's Day 17 Mar, Good
    # Friday 18 Apr and Easter Monday 21 Apr skipped: UK-wide days) is Thu 1 May 2025.
    (
        "EIR extension notified in time moves the review window",
        RequestFacts(Law.EIR, received=D(2025, 1, 6), extended_to=D(2025, 3, 3), extension_notified=D(2025, 2, 3)),
        "review_request_by",
        D(2025, 5, 1),
    ),
    # Notified Tue 4 Feb, a day late: nothing is extended; 40 WD after Mon 3 Feb (17 Mar skipped) is
    # Tue 1 Apr 2025.
    (
        "EIR extension notified late does not",
        RequestFacts(Law.EIR, received=D(2025, 1, 6), extended_to=D(2025, 3, 3), extension_notified=D(2025, 2, 4)),
        "review_request_by",
        D(2025, 4, 1),
    ),
    (
        "EISR likewise",
        RequestFacts(Law.EISR, SCOT, received=D(2025, 1, 6), extended_to=D(2025, 3, 3), extension_notified=D(2025, 2, 4)),
        "review_request_by",
        # Scotland: 20 WD end Mon 3 Feb 2025; 40 more (St Patrick's Day is a working day here) Mon 31 Mar 2025.
        D(2025, 3, 31),
    ),
    # -- the authority's own date -------------------------------------------------------------------
    # The PHSO request (received Mon 28 Mar 2022, due Wed 27 Apr 2022, 40 WD Thu 26 May 2022).
    ("an earlier promise is shown beside the law's date", RequestFacts(Law.FOIA, received=D(2022, 3, 28), promised_by=D(2022, 4, 20)), "authority_promised", D(2022, 4, 20)),
    ("a later promise is not shown as a date", RequestFacts(Law.FOIA, received=D(2022, 3, 28), promised_by=D(2022, 5, 10)), "authority_promised", None),
    ("an extension to an earlier date than 40", RequestFacts(Law.FOIA, received=D(2022, 3, 28), extended_to=D(2022, 5, 12)), "authority_extended_to", D(2022, 5, 12)),
    ("an extension to the full 40", RequestFacts(Law.FOIA, received=D(2022, 3, 28), extended_to=D(2022, 5, 26)), "authority_extended_to", None),
    (
        "a promise within a valid extension",
        RequestFacts(Law.FOIA, received=D(2022, 3, 28), extended_to=D(2022, 5, 26), extension_notified=D(2022, 4, 27), promised_by=D(2022, 5, 20)),
        "authority_promised",
        D(2022, 5, 20),
    ),
    # -- subject access -----------------------------------------------------------------------------
    # Received Mon 3 Mar 2025, identity evidence asked Tue 4 Mar, arrived Mon 10 Mar: due Thu 10 Apr 2025.
    (
        "SAR month from the identity evidence",
        RequestFacts(Law.SAR, received=D(2025, 3, 3), identity_requested=D(2025, 3, 4), identity_received=D(2025, 3, 10)),
        "response_due",
        D(2025, 4, 10),
    ),
    ("SAR waiting for identity evidence", RequestFacts(Law.SAR, received=D(2025, 3, 3), identity_requested=D(2025, 3, 4)), "response_due", None),
    # Received Mon 2 Mar 2026; two rounds of clarification stopped the clock 3 days each (asked 3,
    # answered 5 Mar; asked 10, answered 12 Mar): 2 Apr + 6 days = Wed 8 Apr 2026.
    (
        "SAR two clarification rounds add up",
        RequestFacts(Law.SAR, received=D(2026, 3, 2), clarification_requested=D(2026, 3, 10), clarification_received=D(2026, 3, 12), earlier_pause_days=3),
        "response_due",
        D(2026, 4, 8),
    ),
]


@pytest.mark.parametrize(("case", "facts", "key", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_fix_gives_the_date_counted_by_hand(case: str, facts: RequestFacts, key: str, expected: date | None) -> None:
    report = compute_deadlines(facts)
    got = report.get(key)
    assert (got.due if got else None) == expected, report.notes


def _notes(facts: RequestFacts) -> str:
    return " ".join(compute_deadlines(facts).notes)


def test_the_scottish_school_rule_is_explained_with_its_source() -> None:
    notes = _notes(RequestFacts(Law.FOISA, SCOT, received=D(2023, 6, 5), school=True))
    assert "SSI 2016/346" in notes and "https://www.legislation.gov.uk/ssi/2016/346" in notes
    assert "Tue 29 August 2023" in notes and "no school calendar" in notes
    assert "does not apply under FOISA" not in notes


def test_the_school_rule_before_its_commencement_says_so() -> None:
    assert "1 December 2016" in _notes(RequestFacts(Law.FOISA, SCOT, received=D(2016, 10, 3), school=True))


def test_the_eisr_say_the_scottish_school_rule_is_foisa_only() -> None:
    assert "does not apply under the EISR" in _notes(RequestFacts(Law.EISR, SCOT, received=D(2023, 6, 5), school=True))


def test_a_request_running_in_spring_2020_is_told_the_law_then_in_force() -> None:
    notes = _notes(RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16)))
    assert "7 April to 26 May 2020" in notes and "itspublicknowledge.info" in notes
    assert "Coronavirus" not in _notes(RequestFacts(Law.FOISA, SCOT, received=D(2020, 6, 1)))
    assert "not the EISR" in _notes(RequestFacts(Law.EISR, SCOT, received=D(2020, 3, 16)))
    answered = compute_deadlines(RequestFacts(Law.FOISA, SCOT, received=D(2020, 3, 16), responded=D(2020, 5, 19)))
    assert "Coronavirus (Scotland) Act 2020" in answered.deadlines["response_due"].citation


def test_a_late_extension_notice_is_pointed_out_and_an_in_time_one_is_confirmed() -> None:
    late = _notes(RequestFacts(Law.EIR, received=D(2025, 1, 6), extended_to=D(2025, 3, 3), extension_notified=D(2025, 2, 4)))
    assert "does not extend the time (EIR reg 7(3))" in late and "still due by Mon 3 February 2025" in late
    in_time = _notes(RequestFacts(Law.EIR, received=D(2025, 1, 6), extended_to=D(2025, 3, 3), extension_notified=D(2025, 2, 3)))
    assert "within the first period" in in_time
    sar = _notes(RequestFacts(Law.SAR, received=D(2025, 1, 31), extended_to=D(2025, 4, 30), extension_notified=D(2025, 3, 3)))
    assert "UK GDPR art.12(3)" in sar


def test_a_promise_later_than_the_law_allows_is_pointed_out() -> None:
    notes = _notes(RequestFacts(Law.FOIA, received=D(2022, 3, 28), promised_by=D(2022, 5, 10)))
    assert "later than the law allows" in notes and "Wed 27 April 2022" in notes


def test_the_eir_words_name_christmas_and_good_friday_and_their_own_code() -> None:
    report = compute_deadlines(RequestFacts(Law.EIR, received=D(2022, 3, 26)))  # a Saturday
    assert any("Christmas Day, Good Friday" in b for b in report.basis)
    later = report.deadlines["response_due_next_working_day"]
    assert "reg 16" in later.citation and "s.45 Code as some authorities apply it" not in later.citation


def test_subject_access_cites_article_12a_and_follows_the_ico_on_counting_the_month() -> None:
    report = compute_deadlines(RequestFacts(Law.SAR, received=D(2026, 9, 3)))
    assert report.deadlines["response_due"].due == D(2026, 10, 5)  # 3 Oct 2026 is a Saturday: rolled to Mon 5 Oct
    assert "UK GDPR art.12A" in report.deadlines["response_due"].citation
    assert any("ICO's guidance" in n and "3 October" in n for n in report.notes)


def test_contradictory_new_facts_are_refused_with_the_fix() -> None:
    with pytest.raises(BadInput, match="identity evidence was asked for"):
        compute_deadlines(RequestFacts(Law.SAR, received=D(2025, 3, 3), identity_received=D(2025, 3, 10)))
    with pytest.raises(BadInput, match="extended to"):
        compute_deadlines(RequestFacts(Law.EIR, received=D(2025, 1, 6), extension_notified=D(2025, 2, 3)))
    with pytest.raises(BadInput, match="extension cannot be notified before"):
        compute_deadlines(RequestFacts(Law.EIR, received=D(2025, 1, 6), extended_to=D(2025, 3, 3), extension_notified=D(2025, 1, 2)))
