"""The draft wizard's pure state: field limits of a Discord modal, what is missing, the letter."""

from __future__ import annotations

from datetime import date

import pytest

from bot.drafting import Draft
from bot.drafting.draft import (
    AUTHORITY_MAX_CHARS,
    MODAL_FIELD_MAX_CHARS,
    QUESTIONS_MAX_CHARS,
    REQUESTER_NAME_MAX_CHARS,
    SUBJECT_MAX_CHARS,
)
from bot.errors import BadInput
from bot.law.regimes import Law

TODAY = date(2026, 11, 25)
COMPLETE = Draft(
    authority="Leeds City Council",
    subject="Buses",
    questions="How many buses did the council buy in the calendar year 2025?",
    requester_name="Jane Smith",
)


def test_no_field_is_longer_than_a_discord_modal_text_input_allows():
    for limit in (AUTHORITY_MAX_CHARS, SUBJECT_MAX_CHARS, QUESTIONS_MAX_CHARS, REQUESTER_NAME_MAX_CHARS):
        assert limit <= MODAL_FIELD_MAX_CHARS == 4000


def test_a_new_draft_is_missing_authority_questions_and_name_in_that_order():
    assert Draft().missing() == ["authority", "questions", "requester_name"]
    assert COMPLETE.missing() == []


@pytest.mark.parametrize(
    ("field", "limit", "label"),
    [
        ("questions", QUESTIONS_MAX_CHARS, "questions"),
        ("authority", AUTHORITY_MAX_CHARS, "authority"),
        ("subject", SUBJECT_MAX_CHARS, "subject"),
        ("requester_name", REQUESTER_NAME_MAX_CHARS, "requester name"),
    ],
)
def test_a_field_one_character_too_long_is_bad_input_naming_it(field, limit, label):
    COMPLETE.with_changes(**{field: "x" * limit}).check_lengths()
    with pytest.raises(BadInput, match=f"The {label} is {limit + 1:,} characters long"):
        COMPLETE.with_changes(**{field: "x" * (limit + 1)}).validate()


def test_validate_names_the_first_empty_required_field():
    with pytest.raises(BadInput, match=r"\(requester name\)"):
        COMPLETE.with_changes(requester_name="  ").validate()


def test_the_subject_is_optional():
    COMPLETE.with_changes(subject="").validate()


def test_with_changes_returns_a_new_draft_and_leaves_the_old_one():
    changed = COMPLETE.with_changes(law=Law.EIR)
    assert changed.law is Law.EIR and COMPLETE.law is Law.FOIA


def test_the_lint_context_carries_the_law_authority_and_name():
    context = COMPLETE.with_changes(law=Law.FOISA).lint_context(TODAY)
    assert (context.today, context.law, context.authority_name, context.requester_name) == (
        TODAY,
        Law.FOISA,
        "Leeds City Council",
        "Jane Smith",
    )


def test_the_draft_previews_as_a_letter():
    letter = COMPLETE.letter(TODAY)
    assert "Subject: Request for information under the Freedom of Information Act 2000: Buses" in letter
    assert letter.endswith("Jane Smith\n")
