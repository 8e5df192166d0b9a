"""The fold: a request's status and deadlines from its timeline.

``fold(base_facts, events, today)`` replays the events in date order through the event table,
refusing any that cannot follow the one before (``InvalidTransition``, with the reason), collects
the dated facts the deadline engine needs, asks it for every deadline, and keeps the ones that
apply at the stage the request has reached. Pure: no discord, no database, no clock.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from bot.errors import BadInput, InvalidTransition
from bot.law.calendar import calendar_for
from bot.law.counting import long_date
from bot.law.deadlines import Deadline, DeadlineKey, DeadlineReport, RequestFacts, clarification_pause_days, compute_deadlines
from bot.law.extensions import late_extension_note
from bot.law.regimes import ClockRule, Law, regime
from bot.letters.answers import Answer, PartWithdrawal, answers_from_mapping
from bot.tracking.events import EVENTS, EventKind, GuardContext, Outcome
from bot.tracking.clocks import NOTES_KEY, is_member_clock, member_clocks, notes_json
from bot.tracking.limits import MAX_EVENTS_PER_REQUEST
from bot.tracking.stages import STAGES, Stage
from bot.tracking.statuses import Status, derive_status, label

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimelineEvent:
    """One event as the fold sees it; ``seq`` orders events of the same day (insertion order)."""

    kind: EventKind
    on: date
    data: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    seq: int = 0


@dataclass(frozen=True)
class ResponseDetails:
    """What a response (or a review outcome) said, for the show view and the letters."""

    on: date
    outcome: Outcome
    exemptions: tuple[str, ...] = ()
    unanswered: tuple[int, ...] = ()
    attachment_missing: bool = False
    answers: tuple[Answer, ...] = ()  # what it said about each question (bot.letters.answers)
    # What the reply reader found (bot/reading), as saved with the member's corrections: None unknown.
    public_interest_reasons_given: bool | None = None
    cost_estimate_given: bool | None = None
    advice_given: bool | None = None
    review_rights_stated: bool | None = None
    regulator_rights_stated: bool | None = None
    attachments_referred: int | None = None
    verdict: Outcome | None = None  # a review's verdict as recorded (upheld, overturned, partly upheld)


@dataclass(frozen=True)
class Folded:
    stage: Stage
    status: Status  # the base status, as stored
    shown_status: Status  # what today makes of it (overdue, very overdue, review overdue)
    facts: RequestFacts  # every dated fact, ready for bot.law.compute_deadlines
    report: DeadlineReport  # every deadline the facts give, with rules and notes
    live: dict[str, Deadline]  # the deadlines that apply at this stage
    next_deadline_key: str | None
    next_deadline: date | None
    response: ResponseDetails | None
    review: ResponseDetails | None
    extended_to: date | None
    events: tuple[TimelineEvent, ...]  # in date order
    withdrawn_parts: tuple[PartWithdrawal, ...]  # questions the requester withdrew, and when
    today: date

    def deadlines_json(self) -> dict[str, Any]:
        """``{key: "YYYY-MM-DD"}`` of the deadlines that apply: the cached ``requests.deadlines``;
        with the member's own clocks, their words under ``member_notes`` (the alert DM shows them)."""
        out: dict[str, Any] = {key: d.due.isoformat() for key, d in self.live.items()}
        notes = notes_json({k: d for k, d in self.live.items() if is_member_clock(k)})
        if notes:
            out[NOTES_KEY] = notes
        return out


class TimelineConflict(InvalidTransition):
    """An event that cannot follow the one before it; ``event`` is the one refused."""

    def __init__(self, message: str, event: TimelineEvent) -> None:
        super().__init__(message)
        self.event = event


@dataclass
class _State:
    law: Law
    stage: Stage = Stage.START
    facts: RequestFacts | None = None
    response: ResponseDetails | None = None
    review: ResponseDetails | None = None
    extended_to: date | None = None
    withdrawn: list[PartWithdrawal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the fold itself has to say (before the law's notes)
    reminders: list[tuple[date, str]] = field(default_factory=list)  # the member's own clocks
    publication: tuple[date, tuple[str, ...], date] | None = None  # a response's promised publication


def _details(event: TimelineEvent, outcome: Outcome) -> ResponseDetails:
    data = event.data
    return ResponseDetails(
        event.on,
        outcome,
        tuple(data.get("exemptions", ())),
        tuple(data.get("unanswered", ())),
        bool(data.get("attachment_missing", False)),
        answers_from_mapping(data.get("answers")),
        data.get("public_interest_reasons_given"),
        data.get("cost_estimate_given"),
        data.get("advice_given"),
        data.get("review_rights_stated"),
        data.get("regulator_rights_stated"),
        data.get("attachments_referred"),
    )


def _new_clarification_round(state: _State, event: TimelineEvent) -> None:
    # A second round restarts from its own dates; the earlier answer no longer counts. Runs before
    # the event's date is recorded, so the facts still hold the last round's dates.
    facts = state.facts
    assert facts is not None
    earlier = facts.earlier_pause_days
    if regime(state.law).clarification is ClockRule.PAUSE and facts.clarification_requested and facts.clarification_received:
        # Subject access (DUAA 2025 s.76): each round stops the clock, so the last round's days
        # stay paused after the new round begins.
        earlier += clarification_pause_days(facts.clarification_requested, facts.clarification_received)
    state.facts = replace(
        facts, clarification_received=None, clarification_partial=bool(event.data.get("partial")), earlier_pause_days=earlier
    )


def _extension(state: _State, event: TimelineEvent) -> None:
    assert state.facts is not None
    new_date = date.fromisoformat(event.data["new_date"])
    if state.facts.extended_to is None:
        # EIR reg 7(3), EISR reg 7, FOIA s.10(3) with s.17(1), UK GDPR art.12(3): an extension counts
        # only when notified within the first period. A later one stays in the timeline (it
        # happened) but the deadline does not move; the notes say why.
        late = late_extension_note(state.facts, event.on, new_date)
        if late is not None:
            state.notes.append(late)
            return
    # Once validly extended, a later notice only revises the date promised; the first notice's
    # day is when the extension was notified (the engine checks it against the first period too).
    state.extended_to = new_date
    notified = state.facts.extension_notified or event.on
    state.facts = replace(state.facts, extended_to=new_date, extension_notified=notified)


def _reminder(state: _State, event: TimelineEvent) -> None:
    state.reminders.append((date.fromisoformat(event.data["remind_on"]), str(event.data.get("about", ""))))


def _acknowledged(state: _State, event: TimelineEvent) -> None:
    promised = event.data.get("promised_by")
    if promised:
        assert state.facts is not None
        state.facts = replace(state.facts, promised_by=date.fromisoformat(promised))


def _response(state: _State, event: TimelineEvent) -> None:
    state.response = _details(event, Outcome(event.data["outcome"]))
    if event.data.get("publication_date"):
        published_by = date.fromisoformat(event.data["publication_date"])
        state.publication = (event.on, tuple(event.data.get("exemptions", ())), published_by)


def _review_response(state: _State, event: TimelineEvent) -> None:
    given = event.data.get("outcome")
    if given is None and state.response is None:
        raise BadInput("Review outcome needs the outcome after the review: there was no response for it to uphold.")
    # Without an outcome the review upheld the response: its outcome stands. A verdict says what
    # the request stands at now: upheld keeps the response's outcome, overturned gives it, in part
    # gives part of it.
    recorded = Outcome(given) if given is not None else None
    outcome = _after_verdict(recorded, state.response.outcome if state.response else None)
    state.review = replace(_details(event, outcome), verdict=recorded if recorded is not None and recorded.is_verdict else None)


def _after_verdict(recorded: Outcome | None, before: Outcome | None) -> Outcome:
    if recorded is None or recorded is Outcome.UPHELD:
        if before is None:
            raise BadInput("Review outcome needs the outcome after the review: there was no response for it to uphold.")
        return before
    if recorded is Outcome.OVERTURNED:
        return Outcome.SUCCESSFUL
    if recorded is Outcome.PARTLY_UPHELD:
        return Outcome.PARTIALLY_SUCCESSFUL
    return recorded


def _part_withdrawn(state: _State, event: TimelineEvent) -> None:
    numbers = tuple(event.data.get("questions", ()))
    state.withdrawn.append(PartWithdrawal(event.on, numbers))
    assert state.facts is not None
    if state.stage is Stage.AWAITING_CLARIFICATION:
        # The part the authority asked about is gone: the round ends without a clarification, so
        # nothing restarts and the rest keeps its first date (FOIA s.1(3) applies only to a
        # clarification that arrives; the PHSO's 31 March 2022 "delete the outsourcing request").
        state.stage = Stage.AWAITING_RESPONSE
        state.notes.append(
            f"The part the authority asked you to clarify was withdrawn on {long_date(event.on)}: no clock restarts, "
            "and the rest of the request keeps its date."
        )


# What an event's details do beyond its date (rules as data: one entry per kind that has any).
_DATA_EFFECTS = {
    EventKind.CLARIFICATION_REQUESTED: _new_clarification_round,
    EventKind.EXTENSION: _extension,
    EventKind.ACKNOWLEDGED: _acknowledged,
    EventKind.REMINDER: _reminder,
    EventKind.RESPONSE: _response,
    EventKind.REVIEW_RESPONSE: _review_response,
    EventKind.PART_WITHDRAWN: _part_withdrawn,
}


def _status(state: _State) -> Status:
    fixed = STAGES[state.stage].status
    if fixed is not None:
        return fixed
    latest = state.review if state.stage is Stage.REVIEWED else state.response
    return latest.outcome.status if latest else Status.WAITING_RESPONSE


def _apply(state: _State, event: TimelineEvent) -> None:
    spec = EVENTS[EventKind(event.kind)]
    if state.stage not in spec.allowed_from:
        now = "new" if state.stage is Stage.START else f"“{label(_status(state))}”"
        raise TimelineConflict(f"Can't record “{spec.label}” now: it needs {spec.needs}, and this request is {now}.", event)
    assert state.facts is not None
    if spec.guard is not None:
        reason = spec.guard(GuardContext(state.stage, state.facts, state.law))
        if reason:
            raise TimelineConflict(f"Can't record “{spec.label}” now: {reason}.", event)
    # Details act on the facts as they stood before this event (a new clarification round needs
    # the last round's dates); then the event's own date is recorded.
    effect = _DATA_EFFECTS.get(EventKind(event.kind))
    if effect is not None:
        effect(state, event)
    if spec.fact is not None:
        state.facts = replace(state.facts, **{spec.fact: event.on})
    if spec.leads_to is not None:
        state.stage = spec.leads_to


def sort_events(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    return sorted(events, key=lambda e: (e.on, e.seq))


def _live_deadlines(stage: Stage, facts: RequestFacts, report: DeadlineReport) -> dict[str, Deadline]:
    info = STAGES[stage]
    wanted = set(info.primary) | set(info.also)
    live = {key: d for key, d in report.deadlines.items() if key in wanted}
    if DeadlineKey.RESPONSE_DUE_EXTENDED in live:
        # The engine always gives the longest lawful extension; it applies only once the authority
        # has extended, and then it replaces the 20-day date (FOIA s.10(3), EIR reg 7).
        if facts.extended_to is None:
            del live[DeadlineKey.RESPONSE_DUE_EXTENDED]
        else:
            live.pop(DeadlineKey.RESPONSE_DUE, None)
            live.pop(DeadlineKey.RESPONSE_DUE_NEXT_WORKING_DAY, None)
    return live


def fold(base: RequestFacts, events: Iterable[TimelineEvent], today: date) -> Folded:
    """Replay ``events`` (any order; sorted by date then ``seq``) over ``base`` (law, division,
    school), giving the status and the deadlines that apply. Raises ``InvalidTransition`` for an
    event that cannot follow the ones before it."""
    ordered = sort_events(events)
    state = _State(law=Law(base.law), facts=base)
    for event in ordered:
        _apply(state, event)
    assert state.facts is not None
    report = compute_deadlines(state.facts)
    if state.notes:
        report = replace(report, notes=(*state.notes, *report.notes))
    live = _live_deadlines(state.stage, state.facts, report)
    primary = [live[k] for k in STAGES[state.stage].primary if k in live]
    upcoming = min(primary, key=lambda d: d.due) if primary else None
    status = _status(state)
    next_key, next_due = (upcoming.key, upcoming.due) if upcoming else (None, None)
    calendar = calendar_for(state.facts.law, state.facts.division)
    cached = {key: d.due.isoformat() for key, d in live.items()}
    if state.stage not in (Stage.CLOSED, Stage.WITHDRAWN):
        # The member's own clocks and a promised publication (bot/tracking/clocks.py): after the law's.
        live.update(member_clocks(state.law, state.reminders, state.publication))
    return Folded(
        stage=state.stage,
        status=status,
        shown_status=derive_status(status, next_key, next_due, today, calendar, cached),
        facts=state.facts,
        report=report,
        live=live,
        next_deadline_key=next_key,
        next_deadline=next_due,
        response=state.response,
        review=state.review,
        extended_to=state.extended_to,
        events=tuple(ordered),
        today=today,
        withdrawn_parts=tuple(state.withdrawn),
    )


def sent_on(events: Iterable[TimelineEvent]) -> date | None:
    return next((e.on for e in sort_events(events) if e.kind == EventKind.SENT), None)


def check_new_event(base: RequestFacts, existing: Iterable[TimelineEvent], new: TimelineEvent, today: date) -> Folded:
    """The fold with ``new`` added, after the checks a typed date needs: not in the future, not
    before the request was sent. An earlier-dated event that a later one could no longer follow
    is refused naming the later one."""
    existing = list(existing)
    if new.on > today:
        raise BadInput(f"{long_date(new.on)} is in the future: record an event once it has happened.")
    sent = sent_on(existing)
    if sent is not None and new.on < sent:
        raise BadInput(f"{long_date(new.on)} is before the request was sent ({long_date(sent)}): check the date.")
    if len(existing) >= MAX_EVENTS_PER_REQUEST:
        raise BadInput(f"This request already has {len(existing)} events, foibot's limit: add to an existing note instead.")
    try:
        return fold(base, [*existing, new], today)
    except TimelineConflict as exc:
        if exc.event is new:
            raise
        spec = EVENTS[EventKind(new.kind)]
        later = EVENTS[EventKind(exc.event.kind)]
        raise TimelineConflict(
            f"Can't record “{spec.label}” on {long_date(new.on)}: the timeline already has “{later.label}” on "
            f"{long_date(exc.event.on)}, which could not follow it. Check the date.",
            new,
        ) from None
