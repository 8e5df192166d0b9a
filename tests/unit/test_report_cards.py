"""Report-card figures on a fixed data set, and the minimum-sample rule of the ranking."""

from __future__ import annotations

from datetime import date

from bot.community.report_cards import Case, percent, ranking, report_card


def answered(pid: str, days: int, *, late: bool = False, refused: bool = False, exemptions: tuple[str, ...] = (), month: int = 1) -> Case:
    return Case(pid, f"Request {pid}", date(2026, month, 5), "Answered", answered_on=date(2026, month + 1, 5),
                working_days=days, late=late, refused=refused, exemptions=exemptions)


COUNCIL = [
    answered("AAAA2", 10),
    answered("AAAA3", 18, exemptions=("s.40(2)",)),
    answered("AAAA4", 25, late=True, refused=True, exemptions=("s.43", "s.40(2)", "s.40(2)")),
    answered("AAAA5", 30, late=True, exemptions=("s.40(2)",), month=3),
    Case("AAAA6", "Still waiting", date(2026, 4, 1), "Overdue"),
]


def test_the_figures_of_a_fixed_data_set() -> None:
    card = report_card("Anytown Council", COUNCIL)
    assert (card.requests, card.answered) == (5, 4)
    assert card.median_working_days == 21.5  # of 10, 18, 25, 30
    assert (percent(card.late_share), percent(card.refused_share)) == ("50%", "25%")
    # An exemption counts once per request, however often the letter cites it.
    assert card.exemptions == (("s.40(2)", 3), ("s.43", 1))
    assert [c.public_id for c in card.latest][:2] == ["AAAA6", "AAAA5"]  # latest first


def test_an_authority_with_no_answers_yet_has_no_median_and_no_shares() -> None:
    card = report_card("Quiet Council", [Case("BBBB2", "Waiting", date(2026, 4, 1), "Awaiting response")])
    assert (card.median_working_days, card.late_share, card.refused_share) == (None, None, None)
    assert not card.enough


def test_one_late_answer_does_not_make_a_council_the_slowest() -> None:
    one_late = report_card("Tiny Parish Council", [answered("CCCC2", 60, late=True)])
    steady = report_card("Steady Council", [answered(f"DDDD{n}", 15 + n) for n in range(2, 7)])  # 5 answers
    quick = report_card("Quick Council", [answered(f"EEEE{n}", 5 + n) for n in range(2, 8)])  # 6 answers
    result = ranking([one_late, steady, quick], min_sample=5)
    assert [c.authority for c in result.slowest] == ["Steady Council", "Quick Council"]
    assert [c.authority for c in result.fastest] == ["Quick Council", "Steady Council"]
    assert result.too_few == 1 and result.min_sample == 5
    # With four answers only, Steady Council is left out too: the rule is at least five.
    four = report_card("Steady Council", [answered(f"DDDD{n}", 15 + n) for n in range(2, 6)])
    assert [c.authority for c in ranking([four, quick], min_sample=5).slowest] == ["Quick Council"]
