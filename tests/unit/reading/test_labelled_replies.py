"""The labelled replies (``replies.py``), table-driven: kind, outcome, citations and the rest."""

from __future__ import annotations

import pytest

from bot.reading import read_reply
from tests.unit.reading.replies import REPLIES, Reply

KINDS = {"response", "clarification_request", "fee_notice", "extension_notice", "review_outcome", "acknowledgement"}
OUTCOMES = {"successful", "partially_successful", "refused", "not_held", "ncnd", "upheld", "overturned", "partly_upheld"}


def test_the_set_has_forty_replies_or_more_and_covers_every_kind_outcome_and_law() -> None:
    assert len(REPLIES) >= 40
    assert {r.kind for r in REPLIES} == KINDS
    assert {r.outcome for r in REPLIES} - {None} == OUTCOMES
    laws = {label.split(" ")[0] for r in REPLIES for label in r.relied} | {r.expect_law for r in REPLIES}
    assert {"FOIA", "EIR", "FOISA", "EISR", "DPA", "UK", "sar"} <= laws
    assert all(r.source for r in REPLIES), "every reply names the public source it is modelled on"
    assert len({r.id for r in REPLIES}) == len(REPLIES)


@pytest.mark.parametrize("reply", REPLIES, ids=[r.id for r in REPLIES])
def test_each_labelled_reply_is_read_as_labelled(reply: Reply) -> None:
    got = read_reply(reply.text, law=reply.law, questions=reply.questions).to_json()
    assert got["kind"] == reply.kind
    assert got["outcome"] == reply.outcome
    assert sorted(got["citations"]) == sorted(reply.relied)
    for label in reply.mentioned:
        assert label in got["mentioned"]
        assert label not in got["citations"]
    if reply.expect_law:
        assert got["law"] == reply.expect_law
    for key, value in reply.extra.items():
        assert got[key] == value, key


@pytest.mark.parametrize("reply", REPLIES, ids=[r.id for r in REPLIES])
def test_every_finding_points_at_the_words_it_rests_on(reply: Reply) -> None:
    reading = read_reply(reply.text, law=reply.law, questions=reply.questions)
    for span in reading.to_json()["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(reply.text)
        assert " ".join(reply.text[span["start"]:span["end"]].split()) == span["text"]
    for citation in reading.citations:
        number = citation.label.split(" ")[-1].split(".")[-1].split("(")[0]
        assert number in citation.span.text
