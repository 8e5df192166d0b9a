"""Properties the issue states, over random requests (the strategy of ``test_properties``):

- no review letter without a reason (a ground, a reason from the menu, or the member's own words);
- no letter under FOISA/EISR sends a complaint to the Scottish Information Commissioner before a
  review (FOISA s.47(1), EISR reg 17: after the review's outcome, or once its deadline has passed);
- no complaint's next step names the authority as the recipient (it goes to the regulator).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import BadInput
from bot.law.regimes import Law
from bot.letters import propose_grounds, render_letter
from bot.letters.reasons import review_reasons
from bot.letters.timeline import build_timeline
from bot.letters.wording import LetterKind, wording
from tests.unit.letters.test_properties import requests

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _try(kind, facts, today, ids, **options):
    try:
        return render_letter(kind, facts, ids, today, **options)
    except BadInput:
        return None


@SETTINGS
@given(requests(), st.data())
def test_no_review_letter_is_written_without_a_reason(request: tuple, data: st.DataObject) -> None:
    _, facts, today, notes = request
    if facts.law is Law.SAR:
        return  # subject access has no review
    proposals = [p.id for p in propose_grounds(LetterKind.REVIEW, facts, today)]
    ids = data.draw(st.lists(st.sampled_from(proposals), unique=True) if proposals else st.just([]))
    reasons = data.draw(st.lists(st.sampled_from([r.id for r in review_reasons(facts.law)]), unique=True, max_size=2))
    own = data.draw(st.sampled_from(["", "   ", notes]))
    letter = _try(LetterKind.REVIEW, facts, today, ids, reasons=reasons, notes=own)
    if not ids and not reasons and not own.strip():
        assert letter is None, "a review letter was written with no reason in it"
        return
    assert letter is not None
    assert letter.ground_ids or letter.reason_ids or own.strip() in letter.body
    assert "Dear" in letter.body and wording(facts.law).review_points.format(
        reasons="reasons" if len(letter.ground_ids) + len(letter.reason_ids) + bool(own.strip()) > 1 else "reason") in letter.body


@SETTINGS
@given(requests(), st.data())
def test_no_scottish_letter_sends_a_complaint_to_the_commissioner_before_a_review(request: tuple, data: st.DataObject) -> None:
    kind, facts, today, notes = request
    if facts.law not in (Law.FOISA, Law.EISR):
        return
    proposals = [p.id for p in propose_grounds(kind, facts, today)]
    ids = data.draw(st.lists(st.sampled_from(proposals), unique=True) if proposals else st.just([]))
    letter = _try(kind, facts, today, ids, notes=notes)
    if letter is None or not (letter.next_step and letter.next_step.to_regulator):
        return
    assert letter.kind is LetterKind.COMPLAINT
    if facts.review_responded is None:
        assert facts.review_requested is not None, "an application to the Commissioner before any review"
        due = build_timeline(facts, today).review_late_after()
        assert due is not None and today > due, "an application to the Commissioner while the review is still due"


@SETTINGS
@given(requests(), st.data())
def test_no_complaint_names_the_authority_as_where_it_goes(request: tuple, data: st.DataObject) -> None:
    _, facts, today, notes = request
    proposals = [p.id for p in propose_grounds(LetterKind.COMPLAINT, facts, today)]
    ids = data.draw(st.lists(st.sampled_from(proposals), unique=True) if proposals else st.just([]))
    letter = _try(LetterKind.COMPLAINT, facts, today, ids, notes=notes)
    if letter is None:
        return
    regulator = wording(facts.law).regulator
    step = letter.next_step
    assert step is not None and step.to_regulator
    assert letter.recipient == regulator and step.to == regulator
    assert step.to != facts.authority and step.text().startswith(f"send it to {regulator}, not to {facts.authority}")
    assert letter.body.split("\n", 1)[0] == "To: " + ", ".join(wording(facts.law).regulator_address)
