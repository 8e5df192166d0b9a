"""WhatDoTheyKnow requests for the tests, shaped exactly like Alaveteli's ``json_for_api(true)``.

Dates are UK working days of 2026: Monday 5 January is the day each request was sent.
"""

from __future__ import annotations

from typing import Any

from tests.fakewdtk import shapes

HOME_OFFICE = shapes.body("home_office", "Home Office", tags=["department", "central_government"], id=10)
SCOTTISH_WATER = shapes.body("scottish_water", "Scottish Water", tags=["scotland", "water_company"], id=11)
EIR_BODY = shapes.body("ea_trading", "Environment Agency Trading", tags=["eir_only"], id=12)
SCHOOL = shapes.body("anytown_primary_school", "Anytown Primary School", tags=["school"], id=13)
CALDERDALE = shapes.body("calderdale_council", "Calderdale Council", tags=["local_council"], id=14)

SENT = "2026-01-05T10:15:00.000+00:00"


def sent(id: int = 1, at: str = SENT) -> dict[str, Any]:
    return shapes.event(id, "sent", at, described_state="waiting_response", calculated_state="waiting_response",
                        outgoing_message_id=id)


def waiting_response(slug: str = "asylum_hotel_contracts", body: dict[str, Any] = HOME_OFFICE, id: int = 101,
                     sent_at: str = SENT) -> dict[str, Any]:
    return shapes.request(id, slug, "Asylum hotel contracts", body, [sent(id * 10, sent_at)])


def clarification_then_followup(slug: str = "bin_collection_data") -> dict[str, Any]:
    """Asked to clarify on 12 January; the requester's follow-up of 14 January is the clarification."""
    return shapes.request(102, slug, "Bin collection data", CALDERDALE, [
        sent(1020),
        shapes.event(1021, "response", "2026-01-12T09:00:00.000+00:00", described_state="waiting_clarification",
                     calculated_state="waiting_clarification", incoming_message_id=501),
        shapes.event(1022, "followup_sent", "2026-01-14T16:30:00.000+00:00", described_state="waiting_response",
                     calculated_state="waiting_response", outgoing_message_id=1022),
    ])


def partially_successful(slug: str = "water_quality_reports") -> dict[str, Any]:
    return shapes.request(103, slug, "Water quality reports", SCOTTISH_WATER, [
        sent(1030),
        shapes.event(1031, "response", "2026-01-28T11:00:00.000+00:00", calculated_state="partially_successful",
                     incoming_message_id=502),
        shapes.event(1032, "status_update", "2026-01-29T08:00:00.000+00:00", described_state="partially_successful",
                     calculated_state="partially_successful"),
    ], described_state="partially_successful")


def internal_review(slug: str = "flood_defence_spending") -> dict[str, Any]:
    """Refused on 20 January; an internal review asked for on 22 January (a follow-up classified internal_review)."""
    return shapes.request(104, slug, "Flood defence spending", EIR_BODY, [
        sent(1040),
        shapes.event(1041, "response", "2026-01-20T10:00:00.000+00:00", described_state="rejected",
                     calculated_state="rejected", incoming_message_id=503),
        shapes.event(1042, "followup_sent", "2026-01-22T10:00:00.000+00:00", described_state="internal_review",
                     calculated_state="internal_review", outgoing_message_id=1042),
    ], described_state="internal_review", law_used="eir")


def school(slug: str = "school_trip_policy") -> dict[str, Any]:
    return waiting_response(slug, SCHOOL, id=105)


def response_event(id: int, at: str, *, incoming: int, state: str | None = None) -> dict[str, Any]:
    """A new reply: unclassified (``state`` None) until the requester says what it was."""
    return shapes.event(id, "response", at, described_state=state, calculated_state=state, incoming_message_id=incoming)
