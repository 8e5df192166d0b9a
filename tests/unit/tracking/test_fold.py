"""The fold: every event transition, every refusal, and statuses derived as time passes."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import BadInput, InvalidTransition
from bot.law import Division, Law, RequestFacts
from bot.tracking import EVENTS, EventKind, Stage, Status, TimelineConflict, TimelineEvent, check_new_event, fold
from bot.tracking.events import Outcome

FOIA = RequestFacts(law=Law.FOIA)
SENT = date(2022, 3, 28)  # a Monday; FOIA response due Wednesday 27 April 2022 (Easter skipped)
LATER = date(2023, 1, 1)
K = EventKind


def ev(kind: EventKind, on: date, seq: int = 0, **data: object) -> TimelineEvent:
    return TimelineEvent(kind, on, data, None, seq)


def timeline(*steps: tuple[EventKind, date] | tuple[EventKind, date, dict]) -> list[TimelineEvent]:
    events = [ev(K.SENT, SENT, 0)]
    for i, step in enumerate(steps, start=1):
        kind, on, *rest = step
        events.append(TimelineEvent(kind, on, rest[0] if rest else {}, None, i))
    return events


# -- every transition ----------------------------------------------------------------------------

RESPONDED = (K.RESPONSE, date(2022, 4, 8), {"outcome": "partially_successful"})
IN_REVIEW = (K.REVIEW_REQUESTED, date(2022, 4, 11))
REVIEWED = (K.REVIEW_RESPONSE, date(2022, 5, 9))
COMPLAINED = (K.COMPLAINT_MADE, date(2022, 5, 20))

TRANSITIONS = [
    # (steps after "sent", stage reached, status stored)
    ([], Stage.AWAITING_RESPONSE, Status.WAITING_RESPONSE),
    ([(K.ACKNOWLEDGED, date(2022, 3, 29), {"reference": "FOI-206"})], Stage.AWAITING_RESPONSE, Status.WAITING_RESPONSE),
    ([(K.CLARIFICATION_REQUESTED, date(2022, 3, 30))], Stage.AWAITING_CLARIFICATION, Status.WAITING_CLARIFICATION),
    (
        [(K.CLARIFICATION_REQUESTED, date(2022, 3, 30)), (K.CLARIFICATION_SENT, date(2022, 3, 31))],
        Stage.AWAITING_RESPONSE,
        Status.WAITING_RESPONSE,
    ),
    ([(K.FEE_NOTICE, date(2022, 4, 1))], Stage.AWAITING_RESPONSE, Status.WAITING_RESPONSE),
    ([(K.FEE_NOTICE, date(2022, 4, 1)), (K.FEE_PAID, date(2022, 4, 5))], Stage.AWAITING_RESPONSE, Status.WAITING_RESPONSE),
    ([(K.EXTENSION, date(2022, 4, 20), {"new_date": "2022-05-20"})], Stage.AWAITING_RESPONSE, Status.WAITING_RESPONSE),
    ([RESPONDED], Stage.RESPONDED, Status.PARTIALLY_SUCCESSFUL),
    ([(K.RESPONSE, date(2022, 4, 8), {"outcome": "successful"})], Stage.RESPONDED, Status.SUCCESSFUL),
    ([(K.RESPONSE, date(2022, 4, 8), {"outcome": "refused"})], Stage.RESPONDED, Status.REJECTED),
    ([(K.RESPONSE, date(2022, 4, 8), {"outcome": "not_held"})], Stage.RESPONDED, Status.NOT_HELD),
    ([RESPONDED, IN_REVIEW], Stage.IN_REVIEW, Status.INTERNAL_REVIEW),
    ([(K.REVIEW_REQUESTED, date(2022, 5, 3))], Stage.IN_REVIEW, Status.INTERNAL_REVIEW),  # review of no response
    ([RESPONDED, IN_REVIEW, REVIEWED], Stage.REVIEWED, Status.PARTIALLY_SUCCESSFUL),  # upheld: the outcome stands
    (
        [RESPONDED, IN_REVIEW, (K.REVIEW_RESPONSE, date(2022, 5, 9), {"outcome": "successful"})],
        Stage.REVIEWED,
        Status.SUCCESSFUL,
    ),
    ([RESPONDED, IN_REVIEW, REVIEWED, COMPLAINED], Stage.COMPLAINT, Status.COMPLAINT),
    ([(K.COMPLAINT_MADE, date(2022, 5, 20))], Stage.COMPLAINT, Status.COMPLAINT),  # a complaint about delay
    ([RESPONDED, IN_REVIEW, COMPLAINED], Stage.COMPLAINT, Status.COMPLAINT),  # about a review never answered
    ([RESPONDED, IN_REVIEW, REVIEWED, COMPLAINED, (K.REGULATOR_DECISION, date(2022, 9, 1))], Stage.CLOSED, Status.CLOSED),
    ([(K.WITHDRAWN, date(2022, 4, 1))], Stage.WITHDRAWN, Status.USER_WITHDRAWN),
    ([(K.PART_WITHDRAWN, date(2022, 3, 31), {"questions": [8]})], Stage.AWAITING_RESPONSE, Status.WAITING_RESPONSE),
    (
        [(K.CLARIFICATION_REQUESTED, date(2022, 3, 30), {"partial": True}), (K.PART_WITHDRAWN, date(2022, 3, 31), {"questions": [8]})],
        Stage.AWAITING_RESPONSE,
        Status.WAITING_RESPONSE,
    ),
    ([RESPONDED, IN_REVIEW, (K.WITHDRAWN, date(2022, 4, 20))], Stage.WITHDRAWN, Status.USER_WITHDRAWN),
    ([RESPONDED, (K.NOTE, date(2022, 4, 9))], Stage.RESPONDED, Status.PARTIALLY_SUCCESSFUL),
    # A member's own reminder (issue 15) changes neither stage nor status.
    ([RESPONDED, (K.REMINDER, date(2022, 4, 9), {"remind_on": "2022-06-01"})], Stage.RESPONDED, Status.PARTIALLY_SUCCESSFUL),
    ([(K.WITHDRAWN, date(2022, 4, 1)), (K.NOTE, date(2022, 4, 9))], Stage.WITHDRAWN, Status.USER_WITHDRAWN),
]


@pytest.mark.parametrize(("steps", "stage", "status"), TRANSITIONS, ids=lambda v: getattr(v, "value", None))
def test_each_event_leads_to_its_stage_and_status(steps: list, stage: Stage, status: Status) -> None:
    folded = fold(FOIA, timeline(*steps), LATER)
    assert (folded.stage, folded.status) == (stage, status)


def test_every_event_kind_is_exercised_by_the_transition_table() -> None:
    used = {K.SENT} | {step[0] for steps, _, _ in TRANSITIONS for step in steps}
    assert used | {K.DRAFTED} == set(EVENTS)


def test_a_drafted_request_is_a_draft_until_it_is_sent() -> None:
    drafted = [ev(K.DRAFTED, date(2022, 3, 20))]
    assert fold(FOIA, drafted, LATER).status is Status.DRAFT
    sent = fold(FOIA, [*drafted, ev(K.SENT, SENT, 1)], LATER)
    assert sent.status is Status.WAITING_RESPONSE and sent.facts.received == SENT


def test_events_are_replayed_in_date_order_whatever_order_they_come_in() -> None:
    events = timeline(RESPONDED, IN_REVIEW)
    assert fold(FOIA, list(reversed(events)), LATER).stage is Stage.IN_REVIEW


# -- refusals ------------------------------------------------------------------------------------

REFUSALS = [
    ([], (K.REVIEW_RESPONSE, date(2022, 4, 9)), "needs a review request first"),
    ([], (K.CLARIFICATION_SENT, date(2022, 4, 9)), "needs a request for clarification from the authority first"),
    ([], (K.FEE_PAID, date(2022, 4, 9)), "needs a fees notice first"),
    ([], (K.REGULATOR_DECISION, date(2022, 4, 9)), "needs a complaint to the regulator first"),
    ([RESPONDED], (K.RESPONSE, date(2022, 4, 9), {"outcome": "successful"}), "record a later answer as a review outcome"),
    ([RESPONDED], (K.CLARIFICATION_REQUESTED, date(2022, 4, 9)), "needs a request awaiting a response"),
    ([RESPONDED], (K.EXTENSION, date(2022, 4, 9), {"new_date": "2022-06-01"}), "needs a request awaiting a response"),
    ([RESPONDED], (K.WITHDRAWN, date(2022, 4, 9)), "needs an open request"),
    ([RESPONDED, IN_REVIEW], (K.REVIEW_REQUESTED, date(2022, 4, 20)), "needs a response first"),
    ([RESPONDED, IN_REVIEW, REVIEWED], (K.REVIEW_REQUESTED, date(2022, 5, 10)), "needs a response first"),
    ([RESPONDED, IN_REVIEW, REVIEWED, COMPLAINED], (K.COMPLAINT_MADE, date(2022, 5, 21)), "not already with the regulator"),
    ([(K.FEE_NOTICE, date(2022, 4, 1))], (K.FEE_NOTICE, date(2022, 4, 2)), "one fees notice per request"),
    ([(K.FEE_NOTICE, date(2022, 4, 1)), (K.FEE_PAID, date(2022, 4, 2))], (K.FEE_PAID, date(2022, 4, 3)), "already recorded as paid"),
    ([(K.WITHDRAWN, date(2022, 4, 1))], (K.RESPONSE, date(2022, 4, 8), {"outcome": "successful"}), "“Withdrawn”"),
]


@pytest.mark.parametrize(("steps", "event", "reason"), REFUSALS)
def test_an_event_that_cannot_follow_the_timeline_is_refused_with_the_reason(steps: list, event: tuple, reason: str) -> None:
    with pytest.raises(InvalidTransition) as refused:
        fold(FOIA, timeline(*steps, event), LATER)
    assert reason in refused.value.message
    assert refused.value.message.startswith(f"Can't record “{EVENTS[event[0]].label}”")


def test_a_review_response_before_any_review_request_names_the_status() -> None:
    with pytest.raises(InvalidTransition, match="this request is “Partially successful”"):
        fold(FOIA, timeline(RESPONDED, REVIEWED), LATER)


def test_foisa_has_no_extension_and_subject_access_no_review() -> None:
    scottish = RequestFacts(law=Law.FOISA, division=Division.SCOTLAND)
    with pytest.raises(InvalidTransition, match="FOISA has no extension"):
        fold(scottish, timeline((K.EXTENSION, date(2022, 4, 20), {"new_date": "2022-05-20"})), LATER)
    sar = RequestFacts(law=Law.SAR)
    with pytest.raises(InvalidTransition, match="no statutory internal review"):
        fold(sar, timeline((K.RESPONSE, date(2022, 4, 8), {"outcome": "refused"}), (K.REVIEW_REQUESTED, date(2022, 4, 9))), LATER)


def test_a_review_outcome_without_an_outcome_needs_a_response_to_uphold() -> None:
    with pytest.raises(BadInput, match="no response for it to uphold"):
        fold(FOIA, timeline((K.REVIEW_REQUESTED, date(2022, 5, 3)), (K.REVIEW_RESPONSE, date(2022, 5, 20))), LATER)


def test_a_new_event_in_the_future_is_refused() -> None:
    with pytest.raises(BadInput, match="is in the future"):
        check_new_event(FOIA, timeline(), ev(K.ACKNOWLEDGED, date(2022, 4, 2), 9), today=date(2022, 4, 1))


def test_a_new_event_before_the_request_was_sent_is_refused() -> None:
    with pytest.raises(BadInput, match=r"before the request was sent \(Mon 28 March 2022\)"):
        check_new_event(FOIA, timeline(), ev(K.ACKNOWLEDGED, date(2022, 3, 27), 9), today=LATER)


def test_an_earlier_event_that_a_later_one_could_not_follow_names_the_later_one() -> None:
    with pytest.raises(TimelineConflict, match="already has “Response” on Fri 8 April 2022"):
        check_new_event(FOIA, timeline(RESPONDED), ev(K.WITHDRAWN, date(2022, 4, 1), 9), today=LATER)


def test_an_earlier_dated_event_that_fits_is_accepted() -> None:
    folded = check_new_event(FOIA, timeline(RESPONDED), ev(K.ACKNOWLEDGED, date(2022, 3, 29), 9), today=LATER)
    assert folded.status is Status.PARTIALLY_SUCCESSFUL


# -- deadlines per stage -------------------------------------------------------------------------

def test_a_sent_request_is_due_on_the_twentieth_working_day() -> None:
    folded = fold(FOIA, timeline(), SENT)
    assert folded.deadlines_json() == {"response_due": "2022-04-27"}
    assert (folded.next_deadline_key, folded.next_deadline) == ("response_due", date(2022, 4, 27))


def test_a_full_clarification_stops_the_clock_and_leaves_no_deadline() -> None:
    folded = fold(FOIA, timeline((K.CLARIFICATION_REQUESTED, date(2022, 3, 30))), LATER)
    assert folded.live == {} and folded.next_deadline is None
    assert folded.shown_status is Status.WAITING_CLARIFICATION


def test_the_clarification_answer_restarts_the_twenty_days() -> None:
    folded = fold(FOIA, timeline((K.CLARIFICATION_REQUESTED, date(2022, 3, 30)), (K.CLARIFICATION_SENT, date(2022, 3, 31))), LATER)
    # 20 working days from Thu 31 March 2022: Easter and the early May bank holiday skipped.
    assert folded.next_deadline == date(2022, 5, 3)


def test_a_fees_notice_stops_the_clock_and_payment_restarts_it() -> None:
    unpaid = fold(FOIA, timeline((K.FEE_NOTICE, date(2022, 4, 1))), LATER)
    assert unpaid.next_deadline is None
    paid = fold(FOIA, timeline((K.FEE_NOTICE, date(2022, 4, 1)), (K.FEE_PAID, date(2022, 4, 5))), LATER)
    assert paid.next_deadline is not None and paid.next_deadline > date(2022, 4, 27)


def test_an_extension_replaces_the_twenty_day_date_with_the_extended_one() -> None:
    plain = fold(FOIA, timeline(), SENT)
    assert "response_due_extended" not in plain.live
    extended = fold(FOIA, timeline((K.EXTENSION, date(2022, 4, 20), {"new_date": "2022-05-20"})), date(2022, 4, 20))
    assert "response_due" not in extended.live
    assert extended.next_deadline_key == "response_due_extended"
    assert extended.extended_to == date(2022, 5, 20)


# EIR reg 7(3): the extension must be notified within the first 20 working days. Sent Mon 3 Nov 2025,
# the 20th working day is Tue 2 Dec 2025 (Mon 1 Dec, St Andrew's substitute, is not a working day).
EIR = RequestFacts(law=Law.EIR)
EIR_SENT = date(2025, 11, 3)


def test_an_extension_notified_after_the_twenty_working_days_is_kept_but_does_not_move_the_deadline() -> None:
    events = [ev(K.SENT, EIR_SENT, 0), ev(K.EXTENSION, date(2025, 12, 10), 1, new_date="2026-01-05")]
    folded = fold(EIR, events, date(2025, 12, 15))
    assert folded.events[-1].kind is K.EXTENSION  # it happened: the timeline keeps it
    assert folded.extended_to is None and folded.facts.extended_to is None
    assert (folded.next_deadline_key, folded.next_deadline) == ("response_due", date(2025, 12, 2))
    assert folded.shown_status is Status.OVERDUE  # still late since 2 December
    assert "response_due_extended" not in folded.live
    # The reason comes first among the notes `/request show` prints.
    assert "notified after the 20 working days, so it does not extend the time (EIR reg 7(3))" in folded.report.notes[0]


def test_an_extension_notified_in_time_moves_the_deadline_and_a_later_revision_keeps_it() -> None:
    events = [ev(K.SENT, EIR_SENT, 0), ev(K.EXTENSION, date(2025, 12, 2), 1, new_date="2025-12-19")]
    folded = fold(EIR, events, date(2025, 12, 15))
    assert folded.next_deadline_key == "response_due_extended" and folded.shown_status is Status.WAITING_RESPONSE
    revised = fold(EIR, [*events, ev(K.EXTENSION, date(2025, 12, 12), 2, new_date="2026-01-05")], date(2025, 12, 15))
    assert revised.extended_to == date(2026, 1, 5) and revised.next_deadline == date(2026, 1, 5)
    assert not any("does not extend the time" in n for n in revised.report.notes)


def test_after_the_response_the_review_window_applies() -> None:
    folded = fold(FOIA, timeline(RESPONDED), date(2022, 4, 8))
    assert folded.deadlines_json() == {"review_request_by": "2022-06-10"}
    assert folded.response is not None and folded.response.outcome is Outcome.PARTIALLY_SUCCESSFUL


def test_a_response_keeps_its_exemptions_unanswered_questions_and_missing_attachment() -> None:
    details = {"outcome": "refused", "exemptions": ["s40(2)", "s43"], "unanswered": [2, 5], "attachment_missing": True}
    folded = fold(FOIA, timeline((K.RESPONSE, date(2022, 4, 8), details)), LATER)
    assert folded.response is not None
    assert (folded.response.exemptions, folded.response.unanswered, folded.response.attachment_missing) == (
        ("s40(2)", "s43"), (2, 5), True,
    )


def test_in_review_the_review_is_due_in_twenty_working_days_at_most_forty() -> None:
    folded = fold(FOIA, timeline(RESPONDED, (K.REVIEW_REQUESTED, date(2022, 4, 9))), date(2022, 4, 9))
    assert folded.next_deadline_key == "review_due"
    assert folded.deadlines_json()["review_due"] == "2022-05-11"
    assert folded.deadlines_json()["review_due_max"] == "2022-06-10"


def test_after_the_review_outcome_only_the_complaint_window_applies() -> None:
    folded = fold(FOIA, timeline(RESPONDED, IN_REVIEW, REVIEWED), date(2022, 5, 9))
    assert folded.deadlines_json() == {"complaint_by": "2022-06-20"}  # 6 weeks (FOIA s.50, ICO)


def test_closed_and_withdrawn_requests_have_no_deadlines() -> None:
    for steps in ([(K.WITHDRAWN, date(2022, 4, 1))], [COMPLAINED]):
        assert fold(FOIA, timeline(*steps), LATER).live == {}


# -- status derived as time passes -------------------------------------------------------------

@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (date(2022, 4, 27), Status.WAITING_RESPONSE),  # the due day itself is not late
        (date(2022, 4, 28), Status.OVERDUE),  # late from the day after (WhatDoTheyKnow)
        (date(2022, 5, 26), Status.OVERDUE),  # the 20th working day after the due date
        (date(2022, 5, 27), Status.VERY_OVERDUE),
    ],
)
def test_an_unanswered_request_becomes_overdue_then_very_overdue(today: date, shown: Status) -> None:
    folded = fold(FOIA, timeline(), today)
    assert folded.status is Status.WAITING_RESPONSE  # what is stored never changes with time
    assert folded.shown_status is shown


def test_a_review_unanswered_after_its_due_date_is_review_overdue() -> None:
    steps = (RESPONDED, (K.REVIEW_REQUESTED, date(2022, 4, 9)))
    assert fold(FOIA, timeline(*steps), date(2022, 5, 11)).shown_status is Status.INTERNAL_REVIEW
    assert fold(FOIA, timeline(*steps), date(2022, 5, 12)).shown_status is Status.REVIEW_OVERDUE


def test_a_closed_review_window_does_not_make_a_response_late() -> None:
    assert fold(FOIA, timeline(RESPONDED), date(2024, 1, 1)).shown_status is Status.PARTIALLY_SUCCESSFUL


def test_a_school_is_very_overdue_only_after_the_sixty_working_day_backstop() -> None:
    school = RequestFacts(law=Law.FOIA, school=True)
    folded = fold(school, timeline(), date(2022, 5, 27))
    backstop = date.fromisoformat(folded.deadlines_json()["school_backstop"])
    assert folded.shown_status is Status.OVERDUE
    assert fold(school, timeline(), backstop).shown_status is Status.OVERDUE
    assert fold(school, timeline(), date.fromordinal(backstop.toordinal() + 1)).shown_status is Status.VERY_OVERDUE


def test_a_fees_notice_means_nothing_is_late_while_unpaid() -> None:
    assert fold(FOIA, timeline((K.FEE_NOTICE, date(2022, 4, 1))), LATER).shown_status is Status.WAITING_RESPONSE


# -- the PHSO case (WhatDoTheyKnow, "Number of caseworkers employed by the PHSO ...") -----------
# Quoted from the thread:
#   "Thank you for your correspondence of 28 March 2022. ... We aim to issue a full response by 27 April 2022."
#   "We will not be able to take this part of the matter further without extra information from you. ...
#    In relation to the other questions raised in your request we aim to provide a respond by 27 April 2022."
#   "made on 28 March 2022 (clarified on 31 March 2022)"; "We instead responded on 8 April 2022"
#   "Thank you for your email of 9 April 2022. You requested an internal review"; the review is dated 09/05/2022.

PHSO_STEPS = [
    # (event, day, details, status shown that day, deadlines that apply)
    (K.CLARIFICATION_REQUESTED, date(2022, 3, 30), {"partial": True}, Status.WAITING_CLARIFICATION, {"response_due": "2022-04-27"}),
    (K.CLARIFICATION_SENT, date(2022, 3, 31), {}, Status.WAITING_RESPONSE, {"response_due": "2022-04-27", "clarified_part_due": "2022-05-03"}),
    (
        K.RESPONSE, date(2022, 4, 8), {"outcome": "partially_successful", "attachment_missing": True},
        Status.PARTIALLY_SUCCESSFUL, {"review_request_by": "2022-06-10"},
    ),
    # Sat 9 April 2022 is a non-working day: the later reading counts from Mon 11 April.
    (
        K.REVIEW_REQUESTED, date(2022, 4, 9), {}, Status.INTERNAL_REVIEW,
        {"review_due": "2022-05-11", "review_due_next_working_day": "2022-05-12", "review_due_max": "2022-06-10",
         "complaint_by": "2022-07-22"},
    ),
    (K.REVIEW_RESPONSE, date(2022, 5, 9), {}, Status.PARTIALLY_SUCCESSFUL, {"complaint_by": "2022-06-20"}),
]


def test_the_phso_timeline_gives_the_right_status_and_deadlines_at_each_step() -> None:
    events = [ev(K.SENT, SENT, 0)]
    first = fold(FOIA, events, SENT)
    assert (first.shown_status, first.deadlines_json()) == (Status.WAITING_RESPONSE, {"response_due": "2022-04-27"})
    for seq, (kind, day, details, shown, deadlines) in enumerate(PHSO_STEPS, start=1):
        folded = check_new_event(FOIA, events, TimelineEvent(kind, day, details, None, seq), today=day)
        events.append(TimelineEvent(kind, day, details, None, seq))
        assert folded.shown_status is shown, kind
        assert folded.deadlines_json() == deadlines, kind


def test_a_clarification_answered_on_a_saturday_shows_the_clarified_parts_later_reading() -> None:
    # Sent Mon 2 Jun 2025, one part queried Wed 4 Jun, answered Sat 7 Jun: Fri 4 Jul, or Mon 7 Jul.
    steps = [ev(K.SENT, date(2025, 6, 2), 0), ev(K.CLARIFICATION_REQUESTED, date(2025, 6, 4), 1, partial=True),
             ev(K.CLARIFICATION_SENT, date(2025, 6, 7), 2)]
    folded = fold(FOIA, steps, date(2025, 6, 9))
    assert folded.deadlines_json() == {
        "response_due": "2025-06-30", "clarified_part_due": "2025-07-04", "clarified_part_due_next_working_day": "2025-07-07",
    }
    assert folded.next_deadline_key == "response_due"


def test_withdrawing_the_part_asked_about_ends_the_round_restarts_no_clock_and_leaves_no_deadline_for_it() -> None:
    # 31 March 2022: "Simple solution: delete the outsourcing request (for the time being)".
    events = timeline((K.CLARIFICATION_REQUESTED, date(2022, 3, 30), {"partial": True}),
                      (K.PART_WITHDRAWN, date(2022, 3, 31), {"questions": [8]}))
    folded = fold(FOIA, events, date(2022, 4, 1))
    assert folded.deadlines_json() == {"response_due": "2022-04-27"}  # no clarified_part_due: nothing to alert
    assert [(p.on, p.questions) for p in folded.withdrawn_parts] == [(date(2022, 3, 31), (8,))]
    assert any("withdrawn on Thu 31 March 2022: no clock restarts" in note for note in folded.report.notes)


def test_a_part_cannot_be_withdrawn_while_the_whole_request_awaits_clarification() -> None:
    events = timeline((K.CLARIFICATION_REQUESTED, date(2022, 3, 30)))
    with pytest.raises(TimelineConflict, match="clarification of the whole request"):
        check_new_event(FOIA, events, TimelineEvent(K.PART_WITHDRAWN, date(2022, 3, 31), {"questions": [8]}, None, 9),
                        today=date(2022, 4, 1))


def test_the_phso_partial_clarification_can_still_be_late_for_the_other_parts() -> None:
    events = timeline((K.CLARIFICATION_REQUESTED, date(2022, 3, 30), {"partial": True}))
    assert fold(FOIA, events, date(2022, 4, 28)).shown_status is Status.OVERDUE


# -- more than one round of clarification -------------------------------------------------------
# DUAA 2025 s.76 and the ICO's right of access guidance: DUAA 2025 s.76 (in force 5 Feb 2026) adds a stop-the-clock
# for subject access: "the period from asking to receiving the answer does not count". For FOIA
# s.1(3) with s.10(6) the 20 working days start again from the day the clarification arrives.

def _two_rounds(sent: date) -> list[TimelineEvent]:
    return [
        ev(K.SENT, sent, 0),
        ev(K.CLARIFICATION_REQUESTED, date(2026, 3, 3), 1),
        ev(K.CLARIFICATION_SENT, date(2026, 3, 20), 2),
        ev(K.CLARIFICATION_REQUESTED, date(2026, 3, 25), 3),
        ev(K.CLARIFICATION_SENT, date(2026, 3, 30), 4),
    ]


def test_a_second_subject_access_clarification_keeps_the_first_pause() -> None:
    # Sent Mon 2 Mar 2026: one month is Thu 2 Apr; 3-20 Mar (18 days) and 25-30 Mar (6 days) are
    # paused, so Sun 26 Apr, rolled to Mon 27 Apr 2026.
    folded = fold(RequestFacts(law=Law.SAR), _two_rounds(date(2026, 3, 2)), date(2026, 4, 10))
    assert folded.facts.earlier_pause_days == 18
    assert folded.deadlines_json() == {"response_due": "2026-04-27"}
    assert folded.shown_status is Status.WAITING_RESPONSE
    assert any("24 days in all" in note for note in folded.report.notes)


def test_a_second_subject_access_round_still_awaited_keeps_the_clock_stopped() -> None:
    folded = fold(RequestFacts(law=Law.SAR), _two_rounds(date(2026, 3, 2))[:4], date(2026, 4, 10))
    assert folded.live == {} and folded.shown_status is Status.WAITING_CLARIFICATION
    assert folded.facts.earlier_pause_days == 18


def test_a_second_foia_clarification_restarts_from_the_last_answer() -> None:
    # Sent Mon 2 Mar 2026; the last answer arrived Mon 30 Mar: 20 working days from then, skipping
    # Good Friday 3 Apr and Easter Monday 6 Apr 2026, end on Wed 29 Apr.
    folded = fold(FOIA, _two_rounds(date(2026, 3, 2)), date(2026, 4, 10))
    assert folded.facts.earlier_pause_days == 0
    assert folded.deadlines_json()["response_due"] == "2026-04-29"
    assert folded.shown_status is Status.WAITING_RESPONSE
