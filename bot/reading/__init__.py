"""Reading an authority's reply: what kind of message it is, what was decided, what it relies on,
and what an expert would challenge. Pure (no discord, no database, no clock), like ``bot.law``.

``read_reply`` reads text; ``bot.reading.extract`` turns an attached file into text first.
"""

from __future__ import annotations

from bot.reading.model import Answer, AnswerStatus, Citation, Flag, Kind, ReadOutcome, Reading, Span
from bot.reading.reader import MAX_CHARS, read_reply

__all__ = ["MAX_CHARS", "Answer", "AnswerStatus", "Citation", "Flag", "Kind", "ReadOutcome", "Reading", "Span", "read_reply"]
