"""A WhatDoTheyKnow request's events as foibot's timeline (pure: no network, no database, no clock).

The rules are Alaveteli's own (``app/models/info_request.rb``, ``info_request_event.rb``):

* the clock starts at the last ``sent`` / ``resent`` before anything else happened
  (``last_event_forming_initial_request``: a resend after a failed delivery restarts it);
* a ``followup_sent`` after a response classified ``waiting_clarification`` is the clarification,
  which restarts the clock (``resets_due_dates?``, ``is_clarification?``; FOIA s.1(3));
* a follow-up whose state is ``internal_review`` is the request for an internal review;
* each ``response`` carries what it was classified as in ``calculated_state`` (a later status
  update is copied back onto the response it describes, ``calculate_event_states``):
  ``successful`` / ``partially_successful`` / ``rejected`` / ``not_held`` are answers (a review's
  outcome once a review was asked for), ``waiting_clarification`` a request for clarification,
  ``waiting_response`` a holding reply; an unclassified response is new post for the member to
  read and record;
* a ``status_update`` to ``user_withdrawn`` is a withdrawal.

Each candidate is replayed through the real fold (``bot.tracking.fold``), so an event that could not
follow the ones before (or that the member already recorded by hand) is left out, never forced.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.errors import InvalidTransition, UserError
from bot.law.deadlines import RequestFacts
from bot.law.regimes import Law, information_law, regime
from bot.sources.bodies import body_facts
from bot.sources.records import WdtkEvent, WdtkRequest
from bot.tracking import EventKind, TimelineEvent, fold
from bot.tracking.events import Outcome

log = logging.getLogger(__name__)

ANSWER_STATES = {
    "successful": Outcome.SUCCESSFUL,
    "partially_successful": Outcome.PARTIALLY_SUCCESSFUL,
    "rejected": Outcome.REFUSED,  # shown "Refused" on WDTK
    "not_held": Outcome.NOT_HELD,
}
ALAVETELI_EIR = "eir"  # Alaveteli's law_used for a request under the environmental regulations
_SENDS = frozenset({"sent", "resent"})
_FOLLOW_UPS = frozenset({"followup_sent", "followup_resent"})


def law_for(request: WdtkRequest) -> Law:
    """``law_used`` (Alaveteli's ``foi`` / ``eir``) read with the body's tags: a Scottish body's
    FOI request is FOISA, its environmental one the EISR (FOISA s.3; EISR reg 2(1))."""
    facts = body_facts(request.public_body.tags)
    information = information_law(facts.division)
    if request.law_used == ALAVETELI_EIR or regime(facts.default_law).environmental:
        return Law(regime(information).environmental_law)
    return information


@dataclass(frozen=True)
class Candidate:
    """One event foibot would record, with the WDTK event it comes from."""

    kind: EventKind
    on: date
    wdtk_event: int
    data: dict[str, Any]
    note: str | None = None


def sent_on(request: WdtkRequest) -> date | None:
    """The day the clock starts: the last send before anything else happened."""
    day = None
    for event in request.events:
        if event.event_type in _SENDS:
            day = event.on
        elif event.event_type not in ("send_error", "edit", "edit_outgoing", "set_embargo"):
            if day is not None:
                break
    return day


def candidates(request: WdtkRequest) -> list[Candidate]:
    """Every event of ``request`` that means something to foibot's timeline, in order (before the
    fold's checks)."""
    out: list[Candidate] = []
    started = False
    awaiting_clarification = False
    in_review = False
    for event in request.events:
        kind, data, note = _meaning(event, started=started, awaiting_clarification=awaiting_clarification, in_review=in_review)
        if event.event_type in _SENDS:
            started = True
        if kind is None:
            continue
        out.append(Candidate(kind, event.on, event.id, {"wdtk_event": event.id, **data}, note))
        if kind is EventKind.CLARIFICATION_REQUESTED:
            awaiting_clarification = True
        elif kind is EventKind.CLARIFICATION_SENT:
            awaiting_clarification = False
        elif kind is EventKind.REVIEW_REQUESTED:
            in_review = True
    return out


def _meaning(event: WdtkEvent, *, started: bool, awaiting_clarification: bool, in_review: bool
             ) -> tuple[EventKind | None, dict[str, Any], str | None]:
    state = event.state
    kind_of = event.event_type
    if kind_of == "response":
        if state in ANSWER_STATES:
            kind = EventKind.REVIEW_RESPONSE if in_review else EventKind.RESPONSE
            return kind, {"outcome": ANSWER_STATES[state].value}, "Read from WhatDoTheyKnow"
        if state == "waiting_clarification":
            return EventKind.CLARIFICATION_REQUESTED, {}, "Read from WhatDoTheyKnow"
        if state == "waiting_response":
            return EventKind.ACKNOWLEDGED, {}, "A holding reply, read from WhatDoTheyKnow"
        if state == "gone_postal":
            return EventKind.NOTE, {}, "WhatDoTheyKnow: the authority replied by post"
        return None, {}, None  # not classified yet: the member is told and records it
    if kind_of in _FOLLOW_UPS and started:
        if awaiting_clarification:
            return EventKind.CLARIFICATION_SENT, {}, "Read from WhatDoTheyKnow"
        if state == "internal_review" and not in_review:
            return EventKind.REVIEW_REQUESTED, {}, "Read from WhatDoTheyKnow"
        return None, {}, None
    if kind_of == "status_update" and state == "user_withdrawn":
        return EventKind.WITHDRAWN, {}, "Read from WhatDoTheyKnow"
    return None, {}, None


def accepted(base: RequestFacts, existing: Sequence[TimelineEvent], new: Sequence[Candidate], today: date
             ) -> list[Candidate]:
    """The candidates that can follow ``existing`` and each other, in order; the rest are left out."""
    timeline = list(existing)
    kept: list[Candidate] = []
    seq = max((e.seq for e in timeline), default=0) + 1
    for candidate in new:
        if candidate.on > today:
            continue
        trial = TimelineEvent(candidate.kind, candidate.on, candidate.data, candidate.note, 2**61 + seq)
        try:
            fold(base, [*timeline, trial], today)
        except (InvalidTransition, UserError) as exc:
            log.info("WDTK event %s (%s) left out: %s", candidate.wdtk_event, candidate.kind, exc)
            continue
        timeline.append(trial)
        kept.append(candidate)
        seq += 1
    return kept


def new_responses(request: WdtkRequest, seen: dict[str, Any]) -> list[WdtkEvent]:
    """Response events foibot has not seen before: each is post the member should hear about."""
    return [e for e in request.events if e.event_type == "response" and str(e.id) not in seen]
