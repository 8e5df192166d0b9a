"""Request tracking as pure rules: the event table, statuses, and the fold from a timeline to a
status and its deadlines. No discord, no database, no clock (``today`` is always a parameter)."""

from __future__ import annotations

from bot.tracking.events import EVENTS, UPDATE_KINDS, EventKind, EventSpec, Outcome, clean_event_data, parse_question_numbers
from bot.tracking.fold import Folded, ResponseDetails, TimelineConflict, TimelineEvent, check_new_event, fold
from bot.tracking.stages import STAGES, Stage
from bot.tracking.statuses import BASE_STATUSES, STATUS_INFO, Status, derive_status, label

__all__ = [
    "BASE_STATUSES",
    "EVENTS",
    "STAGES",
    "STATUS_INFO",
    "UPDATE_KINDS",
    "EventKind",
    "EventSpec",
    "Folded",
    "Outcome",
    "ResponseDetails",
    "Stage",
    "Status",
    "TimelineConflict",
    "TimelineEvent",
    "check_new_event",
    "clean_event_data",
    "derive_status",
    "fold",
    "label",
    "parse_question_numbers",
]
