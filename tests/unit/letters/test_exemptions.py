"""The exemptions table and ``parse_exemptions``: how people write sections, and what the table says."""

from __future__ import annotations

import pytest

from bot.errors import BadInput
from bot.law.exemptions import EIR, EISR, FOIA, FOISA, lookup, parse_exemptions, table


@pytest.mark.parametrize(
    ("text", "law", "expected"),
    [
        ("s.40(2), s 43, section 12, reg 12(4)(b), regulation 13", None, ["s40(2)", "s43", "s12", "r12(4)(b)", "r13"]),
        ("Section 40 (2) and S.43(2)", "foia", ["s40(2)", "s43(2)"]),
        ("s.31(1)(a)", "foia", ["s31"]),  # sub-paragraphs below the table's entry fold into it
        ("s.22A; s.37(1)(a)", "foia", ["s22A", "s37(1)(a)"]),
        ("s.37(1)(b)", "foia", ["s37"]),  # the qualified remainder of s.37
        ("reg. 12(5)(E) & reg 12(4)(b)", "eir", ["r12(5)(e)", "r12(4)(b)"]),
        ("s.40(2), s.40(2)", "foia", ["s40(2)"]),
        ("s38(1)(b), s.30", "foisa", ["s38(1)(b)", "s30"]),
        ("reg 10(5)(e), regulation 11", "eisr", ["r10(5)(e)", "r11"]),
        ("", "foia", []),
    ],
)
def test_people_s_ways_of_writing_a_section_become_canonical_ids(text: str, law: str | None, expected: list[str]) -> None:
    assert parse_exemptions(text, law) == expected


@pytest.mark.parametrize(
    ("text", "law", "says"),
    [
        ("banana", None, "'banana'"),
        ("43", None, "'s.43'"),
        ("s.99", None, "'s.99'"),
        ("reg 12(5)", "eir", "not specific enough"),
        ("s.36", "foisa", "s.36(1), s.36(2)"),
        ("r13", "foia", "under FOIA"),
        ("s.40(2), nonsense", "foia", "'nonsense'"),
    ],
)
def test_nonsense_is_refused_naming_the_part_that_could_not_be_read(text: str, law: str | None, says: str) -> None:
    with pytest.raises(BadInput) as excinfo:
        parse_exemptions(text, law)
    assert says in excinfo.value.message


def test_foia_absolute_exemptions_are_exactly_those_of_section_2_3() -> None:
    # FOIA s.2(3): ss.21, 23, 32, 34, 36 (Parliament only, treated as qualified here), 37(1)(a)-(ab), 40, 41, 44
    absolute = {e.id for e in FOIA if e.absolute}
    assert absolute == {"s21", "s23", "s32", "s34", "s37(1)(a)", "s37(1)(aa)", "s37(1)(ab)", "s40", "s40(1)", "s40(2)", "s41", "s44"}


def test_foisa_absolute_exemptions_are_exactly_those_of_section_2_2() -> None:
    absolute = {e.id for e in FOISA if e.absolute}
    assert absolute == {"s25", "s26", "s36(2)", "s37", "s38", "s38(1)(a)", "s38(1)(b)"}


def test_no_provision_is_both_absolute_and_open_to_a_public_interest_argument() -> None:
    for entry in (*FOIA, *EIR, *FOISA, *EISR):
        assert not (entry.absolute and entry.public_interest), entry.id


def test_every_eir_and_eisr_exception_except_not_held_and_personal_data_has_a_public_interest_test() -> None:
    for entry in (*EIR, *EISR):
        expected = entry.id not in {"r12(4)(a)", "r13", "r10(4)(a)", "r11"}
        assert entry.public_interest is expected, entry.id


def test_cost_and_vexatious_are_refusal_grounds_not_exemptions() -> None:
    for law in ("foia", "foisa"):
        for section in ("s12", "s14"):
            entry = lookup(law, section)
            assert entry is not None and entry.refusal and not entry.public_interest


def test_the_issue_s_listed_provisions_are_all_in_the_table() -> None:
    foia = {"s12", "s14", "s21", "s22", "s30", "s31", "s35", "s36", "s40(2)", "s41", "s42", "s43"}
    assert foia <= {e.id for e in table("foia")}
    assert {"r12(4)(b)", "r12(5)(e)", "r13"} <= {e.id for e in table("eir")}
    assert {"s25", "s27", "s30", "s33", "s38(1)(b)"} <= {e.id for e in table("foisa")}


def test_labels_read_as_a_letter_writes_them() -> None:
    assert lookup("foia", "s40(2)").label == "section 40(2)"  # type: ignore[union-attr]
    assert lookup("eir", "r12(5)(e)").label == "regulation 12(5)(e)"  # type: ignore[union-attr]
    assert lookup("eir", "r12(5)(e)").short_label == "reg 12(5)(e)"  # type: ignore[union-attr]


def test_every_entry_says_what_a_review_should_argue() -> None:
    for entry in (*FOIA, *EIR, *FOISA, *EISR):
        assert entry.argument.endswith(".") and len(entry.argument) > 20, entry.id
