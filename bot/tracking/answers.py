"""The compact text a member types for what a reply said about each question.

``1,3: not held in form; 4->1; 6->3; 2,5: answered`` gives questions 1 and 3 "not held in the
form asked", 4 "as question 1", 6 "as question 3", 2 and 5 answered. Clauses are separated by ``;``
or new lines; a clause is ``<questions>: <status>`` or ``<question> -> <question>`` (also written
``4 as 1`` or ``4: as question 1``). Anything else is refused with an example, never guessed.
The result is the stored mapping (``bot.letters.answers``), checked.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.errors import BadInput
from bot.letters.answers import AnswerStatus, answers_from_mapping, answers_to_mapping
from bot.tracking.limits import clean_text

log = logging.getLogger(__name__)

ANSWERS_TEXT_MAX = 300
EXAMPLE = "1,3: not held in form; 4->1; 6->3; 2,5: answered"

# How members write each status (lower case, single spaces, no punctuation).
_WORDS: dict[str, AnswerStatus] = {
    "answered": AnswerStatus.ANSWERED, "given": AnswerStatus.ANSWERED, "provided": AnswerStatus.ANSWERED,
    "yes": AnswerStatus.ANSWERED, "ok": AnswerStatus.ANSWERED,
    "not held": AnswerStatus.NOT_HELD, "nh": AnswerStatus.NOT_HELD, "not recorded": AnswerStatus.NOT_HELD,
    "not held in form": AnswerStatus.NOT_HELD_IN_FORM, "not held in the form asked": AnswerStatus.NOT_HELD_IN_FORM,
    "not held in that form": AnswerStatus.NOT_HELD_IN_FORM, "not in form": AnswerStatus.NOT_HELD_IN_FORM,
    "not in that form": AnswerStatus.NOT_HELD_IN_FORM, "not in the form asked": AnswerStatus.NOT_HELD_IN_FORM,
    "in form": AnswerStatus.NOT_HELD_IN_FORM, "form": AnswerStatus.NOT_HELD_IN_FORM,
    "totals only": AnswerStatus.NOT_HELD_IN_FORM, "no breakdown": AnswerStatus.NOT_HELD_IN_FORM,
    "withheld": AnswerStatus.WITHHELD, "refused": AnswerStatus.WITHHELD, "exempt": AnswerStatus.WITHHELD,
    "unclear": AnswerStatus.UNCLEAR, "not clear": AnswerStatus.UNCLEAR, "vague": AnswerStatus.UNCLEAR,
    "withdrawn": AnswerStatus.WITHDRAWN, "dropped": AnswerStatus.WITHDRAWN,
    **{s.value.replace("_", " "): s for s in AnswerStatus if s is not AnswerStatus.REFERS_TO},
}
_REFERS = re.compile(
    r"^(?:->|=>|→|=|as|same as|refers to|see)\s*(?:(?:question|q)\s*)?(?P<to>\d+)$",
)
_NUMBERS = re.compile(r"^(?P<n>\d+(?:\s*(?:-|–)\s*\d+)?(?:\s*(?:,|&|and)\s*\d+(?:\s*(?:-|–)\s*\d+)?)*)$")


def _numbers(text: str, clause: str) -> list[int]:
    bare = " ".join(re.sub(r"\b(?:questions?|qs?)\b\.?|q(?=\d)", " ", text).split())
    match = _NUMBERS.match(bare)
    if not match:
        raise BadInput(f"Could not read question numbers in '{clause[:40]}': write it like {EXAMPLE}.")
    numbers: list[int] = []
    for first, last in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?", match["n"]):
        low, high = int(first), int(last or first)
        if low < 1 or high < low or high - low > 200:
            raise BadInput(f"'{first}-{last}' is not a range of question numbers: write it like {EXAMPLE}.")
        numbers.extend(n for n in range(low, high + 1) if n not in numbers)
    return numbers


def parse_answers(text: str) -> dict[str, dict[str, Any]]:
    """The member's compact text as the stored ``answers`` mapping (``BadInput`` when unreadable)."""
    cleaned = clean_text(text, "The answers", ANSWERS_TEXT_MAX, one_line=False) or ""
    raw: dict[str, dict[str, Any]] = {}
    for clause in re.split(r"[;\n]+", cleaned):
        clause = clause.strip().rstrip(".")
        if not clause:
            continue
        lowered = " ".join(clause.lower().replace("’", "'").split())
        arrow = re.match(r"^(?P<left>.+?)\s*(?P<rest>(?:->|=>|→).*)$", lowered)
        if arrow:
            left, right = arrow["left"], arrow["rest"]
        elif ":" in lowered:
            left, _, right = lowered.partition(":")
        else:
            spaced = re.match(r"^(?P<left>[\dq,\s&-]+?(?:and\s*\d+)*)\s+(?P<right>(?:as|same as|refers to|see)\b.*)$", lowered)
            if not spaced:
                raise BadInput(f"Could not read '{clause[:40]}': write it like {EXAMPLE}.")
            left, right = spaced["left"], spaced["right"]
        right = re.sub(r"[^\w\s>=→-]", " ", right).strip()
        right = " ".join(right.split())
        refers = _REFERS.match(right)
        if refers:
            value: dict[str, Any] = {"status": AnswerStatus.REFERS_TO.value, "to": int(refers["to"])}
        elif right in _WORDS:
            value = {"status": _WORDS[right].value}
        else:
            known = "answered, not held, not held in form, withheld, unclear, withdrawn, or -> N"
            raise BadInput(f"'{right[:30]}' is not an answer foibot knows: use {known} (e.g. {EXAMPLE}).")
        for number in _numbers(left, clause):
            if str(number) in raw:
                raise BadInput(f"Question {number} is given two answers: give one.")
            raw[str(number)] = value
    if not raw:
        raise BadInput(f"No answers given: write them like {EXAMPLE}.")
    return answers_to_mapping(answers_from_mapping(raw))
