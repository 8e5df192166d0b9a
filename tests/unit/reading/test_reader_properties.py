"""Whatever the text, the reader answers with a reading or a BadInput, and its spans point into it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import BadInput
from bot.reading import read_reply
from tests.unit.reading.replies import REPLIES

WORDS = ["section", "s.", "reg.", "regulation", "40(2)", "(a)", "&", "and", "43", "exempt", "under", "the Act", "of FOISA",
         "EIR", "not", "apply", "internal review", "Information Commissioner", "public interest", "attached", "1.", "2)",
         "As question 1", "£25", "hours", "\n\n", "\n", "Yours sincerely", "neither confirm nor deny", "upheld", "(", ")", ",", "."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=300), st.sampled_from([None, "foia", "eir", "foisa", "eisr", "sar"]))
def test_any_mix_of_legal_words_reads_without_error(words: list[str], law: str | None) -> None:
    text = " ".join(words)
    try:
        reading = read_reply(text, law=law, questions=("How many?", "Which ones?"))
    except BadInput:
        assert not text.strip()
        return
    for span in reading.to_json()["spans"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_unicode_never_crashes_the_reader(text: str) -> None:
    try:
        read_reply(text)
    except BadInput:
        pass


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(REPLIES), st.integers(min_value=20, max_value=2000))
def test_a_reply_cut_anywhere_still_reads(reply, cut: int) -> None:
    read_reply(reply.text[:cut], law=reply.law, questions=reply.questions)
