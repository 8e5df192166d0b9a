"""The timeline picture: its layout (dates placed right across a clarification and bank holidays)
and that a PNG comes out of it."""

from __future__ import annotations

from datetime import date

from bot.community.timeline_layout import alt_text, build_layout
from bot.community.timeline_png import render_png
from bot.law.calendar import calendar_for
from bot.law.deadlines import RequestFacts, compute_deadlines
from bot.law.regimes import Law

# Received Thursday 7 April 2022; clarification asked Monday 11 April, given Wednesday 13 April;
# Good Friday (15 April) and Easter Monday (18 April) follow, then the early May bank holiday.
FACTS = RequestFacts(law=Law.FOIA, received=date(2022, 4, 7), clarification_requested=date(2022, 4, 11),
                     clarification_received=date(2022, 4, 13), responded=date(2022, 5, 20))


def layout(facts: RequestFacts = FACTS, today: date = date(2022, 6, 1)):  # type: ignore[no-untyped-def]
    return build_layout("R7K3Q", facts, compute_deadlines(facts), calendar_for(Law.FOIA), today)


def test_the_stopped_clock_sits_between_the_clarification_dates() -> None:
    (stopped,) = layout().spans_of("stopped")
    assert (layout().x(stopped.start), layout().x(stopped.end)) == (4, 6)
    running = layout().spans_of("running")[0]
    assert (running.start, running.end) == (date(2022, 4, 7), date(2022, 5, 20))


def test_the_due_date_counts_20_working_days_from_the_clarification_skipping_the_bank_holidays() -> None:
    picture = layout()
    # FOIA s.1(3), s.10(1): 20 working days from 13 April; 15 and 18 April and 2 May are not working days (s.10(6)).
    assert picture.mark("due").day == date(2022, 5, 16)
    assert picture.x(picture.mark("due").day) == 39
    shaded = {h.day: picture.x(h.day) for h in picture.holidays}
    assert shaded[date(2022, 4, 15)] == 8 and shaded[date(2022, 4, 18)] == 11 and date(2022, 5, 2) in shaded
    assert all(h.day.weekday() < 5 for h in picture.holidays)  # weekends are not shaded as holidays


def test_the_answer_the_review_window_and_today_are_marked() -> None:
    picture = layout()
    assert picture.mark("answered").day == date(2022, 5, 20) and picture.working_days_to_answer == 28
    (window,) = [s for s in picture.spans if s.row == "review"]
    assert (window.start, window.end) == (date(2022, 5, 20), date(2022, 7, 20))  # s.45 Code: 40 working days
    assert picture.today_shown and picture.mark("today").day == date(2022, 6, 1)


def test_today_far_beyond_the_picture_is_left_out_rather_than_squashing_it() -> None:
    picture = layout(today=date(2026, 12, 2))
    assert not picture.today_shown and picture.mark("today") is None and picture.end.year == 2022


def test_the_alt_text_says_the_same_in_words_within_discords_limit() -> None:
    text = alt_text(layout())
    assert len(text) <= 1024
    for words in ("received 7 April 2022", "clarification from 11 April 2022 to 13 April 2022 (stopped)",
                  "answer due 16 May 2022", "answered 20 May 2022, 28 working days after receipt",
                  "today 1 June 2022", "15 April 2022 (Good Friday)"):
        assert words in text


def test_a_png_is_drawn() -> None:
    png = render_png(layout())
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000


def test_nothing_is_drawn_before_a_request_was_received() -> None:
    facts = RequestFacts(law=Law.FOIA)
    assert build_layout("R7K3Q", facts, compute_deadlines(RequestFacts(law=Law.FOIA, received=date(2022, 4, 7))),
                        calendar_for(Law.FOIA), date(2022, 6, 1)) is None
