"""Where a letter goes, and for a complaint: the regulator's form, what to enclose, its window and boxes.

A review, chaser or clarification reply goes to the authority; a complaint goes to the regulator,
never to the authority: the Information Commissioner for FOIA, EIR and subject access (FOIA s.50,
EIR reg 18, UK GDPR art.77), the Scottish Information Commissioner for FOISA and EISR (FOISA s.47,
EISR reg 17), each through its online form. The ICO's FOI form asks "What is your complaint?" in a
box of at most 2,000 characters (ico.org.uk, "Make a complaint about accessing or re-using
information from a public body"); ``form_boxes`` fits the letter's grounds into it.

Pure: ``today`` comes from the caller.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.law.regimes import Law, regime
from bot.law.report import DeadlineKey
from bot.letters.facts import LetterFacts
from bot.letters.grounds import GroundContext
from bot.letters.timeline import day_date, plain_date
from bot.letters.wording import LetterKind, wording

log = logging.getLogger(__name__)

CLOSING_DAYS = 7  # warn a week before the regulator's window closes (as the complaint_window_closing alert)


@dataclass(frozen=True)
class FormBox:
    """One box of the regulator's online form, filled within its character limit."""

    label: str
    limit: int
    text: str

    @property
    def cut(self) -> bool:
        return self.text.endswith(CONTINUED)


CONTINUED = "(The rest is in the letter I attach.)"

# The ICO's FOI/EIR form (ico.org.uk "official-information-complaint"): "What is your complaint? ...
# Maximum 2000 characters"; and "Tell us why you believe the public body has not acted properly when
# responding to your request ... Maximum 2000 characters". Its data protection form: "What's happened
# with your personal information ... limited to 2,000 characters".
FORM_BOXES: dict[Law, tuple[tuple[str, int, str], ...]] = {
    Law.FOIA: (("What is your complaint?", 2000, "grounds"),
               ("Tell us why you believe the public body has not acted properly", 2000, "history")),
    Law.EIR: (("What is your complaint?", 2000, "grounds"),
              ("Tell us why you believe the public body has not acted properly", 2000, "history")),
    Law.SAR: (("What's happened with your personal information", 2000, "grounds"),),
}


def recipient(kind: LetterKind, law: Law, authority: str) -> str:
    """Who the letter is sent to: the regulator for a complaint, the authority otherwise."""
    return wording(law).regulator if kind is LetterKind.COMPLAINT else authority


def enclosures(facts: LetterFacts) -> list[str]:
    """The documents a complaint encloses, with their dates (the regulators ask for copies of each)."""
    words = wording(facts.law)
    body = words.body
    out = [f"my request of {plain_date(facts.sent)}"]
    if facts.clarification_requested:
        out.append(f"the {body}'s request for clarification of {plain_date(facts.clarification_requested)}"
                   + (f" and my reply of {plain_date(facts.clarification_received)}" if facts.clarification_received else ""))
    for part in facts.withdrawn_parts:
        out.append(f"my message of {plain_date(part.on)} withdrawing part of the request")
    if facts.responded:
        out.append(f"the {body}'s response of {plain_date(facts.responded)}")
    if facts.review_requested:
        out.append(f"my request for {words.review_asked} of {plain_date(facts.review_requested)}")
    if facts.review_responded:
        out.append(f"the outcome of the review of {plain_date(facts.review_responded)}")
    return out


def before_scottish_review(ctx: GroundContext) -> str | None:
    """Why no application can go to the Scottish Information Commissioner yet (FOISA s.47(1), EISR
    reg 17: only after a review, its outcome or its deadline passed), or None when it can."""
    facts = ctx.facts
    if not regime(facts.law).review_before_regulator or facts.review_responded is not None:
        return None
    words = wording(facts.law)
    if facts.review_requested is None:
        by = ctx.timeline.get(DeadlineKey.REVIEW_REQUEST_BY)
        until = f" (you can require one until {day_date(by)})" if by and ctx.today <= by else ""
        return (f"The Scottish Information Commissioner takes an application only after a review: send "
                f"{words.review} first{until}, with /letter review.")
    due = ctx.timeline.review_late_after()
    if due is not None and ctx.today <= due:
        return (f"The review outcome is due by {day_date(due)}: the Scottish Information Commissioner takes an "
                "application only once it comes, or after that date if it does not.")
    return None


@dataclass(frozen=True)
class NextStep:
    """Where the letter goes and what goes with it; ``text()`` is the sentence the CLI prints."""

    to: str  # the recipient: the regulator for a complaint, the authority otherwise
    authority: str
    to_regulator: bool = False
    form_name: str = ""
    form_url: str = ""
    window: str = ""  # "by Monday 20 June 2022 (ICO: within 6 weeks of the last meaningful contact)"
    enclosures: tuple[str, ...] = ()

    def text(self) -> str:
        if not self.to_regulator:
            return f"send it to {self.to}"
        return (f"send it to {self.to}, not to {self.authority}, with {self.form_name} ({self.form_url})"
                f"{' ' + self.window if self.window else ''}. Enclose copies of {'; '.join(self.enclosures)}")


def next_step(ctx: GroundContext) -> NextStep:
    """What to do with the letter, naming who it goes to (never the authority for a complaint)."""
    facts = ctx.facts
    words = wording(facts.law)
    if ctx.kind is not LetterKind.COMPLAINT:
        return NextStep(facts.authority, facts.authority)
    by = ctx.timeline.get(DeadlineKey.COMPLAINT_BY)
    window = ""
    if by is not None:
        state = "it closed on" if ctx.today > by else "by"
        window = f"{state} {day_date(by)} ({words.regulator_short}: within {words.complaint_window})"
    return NextStep(words.regulator, facts.authority, True, words.regulator_form_name, words.regulator_form,
                    window, tuple(enclosures(facts)))


def window_warning(ctx: GroundContext) -> tuple[str, str, tuple] | None:
    """(code, message, dates) when the regulator's window closes within a week (the closed case is
    ``timing.complaint_window_closed``)."""
    by = ctx.timeline.get(DeadlineKey.COMPLAINT_BY)
    if by is None or ctx.today > by or (by - ctx.today).days > CLOSING_DAYS:
        return None
    words = wording(ctx.facts.law)
    return ("complaint_window_closing",
            f"Your time to complain to {words.regulator} ends on {day_date(by)} ({words.complaint_window}): send it now.",
            (by,))


def _fit(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a sentence or line end, saying where the rest is."""
    text = text.strip()
    if len(text) <= limit:
        return text
    room = limit - len(CONTINUED) - 1
    head = text[:room]
    ends = [m.end() for m in re.finditer(r"[.;:)]\s|\n", head)]
    cut_at = ends[-1] if ends else room
    return f"{head[:cut_at].rstrip()} {CONTINUED}"


def form_boxes(letter_body: str, law: Law) -> list[FormBox]:
    """The complaint split into the regulator's form boxes, each within its limit (empty when
    foibot does not know the form's boxes: the SIC's appeal form takes the letter as it is)."""
    boxes = FORM_BOXES.get(Law(law))
    if not boxes:
        return []
    sections = _sections(letter_body)
    return [FormBox(label, limit, _fit(sections.get(part, ""), limit)) for label, limit, part in boxes]


def _sections(body: str) -> dict[str, str]:
    """The complaint's "What happened" list and "My complaint" points, as the form wants them."""
    history = _between(body, "What happened:", ("My complaint:", "I ask the Commissioner"))
    grounds = _between(body, "My complaint:", ("I ask the Commissioner to decide", "I ask the Commissioner to consider"))
    return {"history": history, "grounds": grounds or history}


def _between(body: str, start: str, ends: tuple[str, ...]) -> str:
    at = body.find(start)
    if at < 0:
        return ""
    rest = body[at + len(start):]
    stops = [i for i in (rest.find(e) for e in ends) if i >= 0]
    text = rest[: min(stops)] if stops else rest
    # One paragraph per point; the form is plain text, so indentation is dropped.
    return "\n".join(line.strip() for line in text.strip().split("\n"))
