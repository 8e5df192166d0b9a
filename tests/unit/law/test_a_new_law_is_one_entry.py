"""Adding a law is one new entry: the Irish Freedom of Information Act 2014, as an exercise.

The entry below is all that is added. The deadline engine, the law reference page, the drafting
rules' citations, the request letter and a chaser letter then work for it (the drafting rules and
letter grounds list their laws when they are defined, so a shipped law also names itself there), because they read the
entry and never test which law it is.

Sources for the exercise's limits (Freedom of Information Act 2014, revised,
https://revisedacts.lawreform.ie/eli/2014/act/30/): s.2, a "week" is five consecutive weekdays
other than public holidays, so 4 weeks are 20 working days; s.13(1), a decision not later than 4
weeks after receipt; s.14(1), an extension of up to 4 further weeks; s.21, an internal review asked
for within 4 weeks of the decision and decided within 3 weeks; s.22, a review by the Information
Commissioner. Limitation: foibot's calendars are the UK's, so the dates below avoid every UK and
Irish public holiday; a real Irish entry would add Ireland's calendar (``holidays``' "IE").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.drafting import RequestDraftFacts, render_request_letter
from bot.drafting.citations import citations
from bot.law.deadlines import RequestFacts, compute_deadlines
from bot.law.entries import foia
from bot.law.reference import law_reference_markdown
from bot.law.regimes import REGIMES, CalendarKind, ClockRule, Period, Regime, ReviewAnchor, Unit, register, regime
from bot.letters.facts import LetterFacts
from bot.letters.render import render_letter
from bot.letters.wording import LetterKind

ACT = "FOI Act 2014"
IRISH_FOI = Regime(
    law="ie-foi",  # type: ignore[arg-type]  # an id registered at run time, not a shipped Law
    title="Freedom of Information Act 2014 (Ireland)",
    short="FOI 2014",
    regulator="the Information Commissioner (Ireland)",
    regulator_short="OIC",
    calendar=CalendarKind.DIVISION,
    working_day_citation=f"{ACT} s.2: a week is five consecutive weekdays other than public holidays",
    response=Period(20, Unit.WORKING_DAYS, f"{ACT} s.13(1) (4 weeks)"),
    response_rule="a decision as soon as may be and not later than 4 weeks after receipt",
    extension=Period(40, Unit.WORKING_DAYS, f"{ACT} s.14(1) (up to 4 further weeks)"),
    extension_rule="a voluminous request: up to 4 further weeks",
    clarification=ClockRule.RESTART,
    clarification_citation=f"{ACT} s.15(4)",
    fees=None,
    fees_start_clock=False,
    school_backstop=None,
    review_name="an internal review (s.21)",
    review_window=Period(20, Unit.WORKING_DAYS, f"{ACT} s.21 (4 weeks)"),
    review_anchor=ReviewAnchor.RESPONSE,
    review_period=Period(15, Unit.WORKING_DAYS, f"{ACT} s.21 (3 weeks)"),
    review_period_max=None,
    complaint_window=Period(6, Unit.MONTHS, f"{ACT} s.22"),
    complaint_rule="apply to the Information Commissioner for a review within 6 months",
    cost_limit=True,
    drafting={**foia.ENTRY.drafting, "law_name": "the Freedom of Information Act 2014",
              "request_subject": "Request for information under the Freedom of Information Act 2014",
              "request_opening": "I am writing to request the following information under the Freedom of Information Act 2014.",
              "correspondence": " (section 12(1) of the Freedom of Information Act 2014).",
              "advice": f"{ACT} s.11(2): reasonable assistance", "advice_section": "section 11"},
    words=replace(foia.ENTRY.words, act="the Freedom of Information Act 2014", duty="section 11(1)",
                  time_limit="section 13(1)", response_period="4 weeks", extension="section 14(1)"),
)


def test_the_new_entry_gives_its_own_deadlines_with_its_own_sources() -> None:
    with register(IRISH_FOI):
        report = compute_deadlines(RequestFacts(law="ie-foi", received=date(2025, 9, 3), responded=date(2025, 9, 24),
                                                review_requested=date(2025, 9, 25)))
    assert report.get("response_due").due == date(2025, 10, 1)  # 20 working days, 4 weeks
    assert report.get("response_due").citation == "FOI Act 2014 s.13(1) (4 weeks)"
    assert report.get("response_due_extended").due == date(2025, 10, 29)
    assert report.get("review_request_by").due == date(2025, 10, 22)  # 4 weeks from the decision
    assert report.get("review_due").due == date(2025, 10, 16)  # 3 weeks from the request for review
    assert "ie-foi" not in REGIMES  # registered for the block only


def test_the_law_reference_lists_the_new_entry_with_every_limit_and_source() -> None:
    with register(IRISH_FOI):
        page = law_reference_markdown()
    section = page[page.index("## FOI 2014: Freedom of Information Act 2014 (Ireland)"):]
    for period in (IRISH_FOI.response, IRISH_FOI.extension, IRISH_FOI.review_window, IRISH_FOI.review_period,
                   IRISH_FOI.complaint_window):
        assert period.describe() in section and period.citation in section


def test_drafting_and_letters_speak_the_new_law() -> None:
    with register(IRISH_FOI):
        assert citations("ie-foi")["act"] == "FOI 2014"
        assert citations("ie-foi")["advice"] == "FOI Act 2014 s.11(2): reasonable assistance"
        letter = render_request_letter(RequestDraftFacts("Dublin City Council", "ie-foi", "How many potholes were "  # type: ignore[arg-type]
                                                         "repaired in 2024?", "Sam Okafor", "Potholes"), date(2025, 9, 3))
        chaser = render_letter(LetterKind.CHASER, LetterFacts(law="ie-foi", authority="Dublin City Council",  # type: ignore[arg-type]
                                                              title="Potholes", sent=date(2025, 9, 3),
                                                              requester="Sam Okafor"), (), date(2025, 10, 8))
    assert "Request for information under the Freedom of Information Act 2014: Potholes" in letter
    assert "section 11 of the Freedom of Information Act 2014" in letter
    assert "section 13(1) of the Freedom of Information Act 2014" in chaser.body
    assert regime("foia").short == "FOIA"  # the shipped laws are untouched
