"""How letters really write citations, each read to its normalised label (issue #12's list)."""

from __future__ import annotations

import pytest

from bot.reading import read_reply

SPELLINGS = [
    ("The information is exempt under section 40(2) of the Freedom of Information Act 2000.", None, ["FOIA s.40(2)"]),
    ("The information is exempt under s40(2).", "foia", ["FOIA s.40(2)"]),
    ("The information is withheld under s.40 (2) of the FOIA.", None, ["FOIA s.40(2)"]),
    ("We are refusing your request under sections 12 and 14(1) of the Act.", "foia", ["FOIA s.12", "FOIA s.14(1)"]),
    ("It is exempt under Section 31(1)(a) & (b) of the Freedom of Information Act.", None, ["FOIA s.31(1)(a)", "FOIA s.31(1)(b)"]),
    ("It is exempt under Section 31(1)(a) &amp; (b) of the Freedom of Information Act.", None, ["FOIA s.31(1)(a)", "FOIA s.31(1)(b)"]),
    ("The figures are withheld under regulation 12(5)(e) of the Environmental Information Regulations 2004.", None, ["EIR reg 12(5)(e)"]),
    ("Names are withheld under reg. 13 of the EIR.", None, ["EIR reg 13"]),
    ("We consider that the exemption at section 43 applies to the prices.", "foia", ["FOIA s.43"]),
    ("The names are withheld under section 38(1)(b) of FOISA.", None, ["FOISA s.38(1)(b)"]),
    ("The request is refused under section 38(1)(b) of the Freedom of Information (Scotland) Act 2002.", None, ["FOISA s.38(1)(b)"]),
    ("The information is excepted under regulation 10(4)(b) of the Environmental Information (Scotland) Regulations 2004.", None, ["EISR reg 10(4)(b)"]),
    ("The information is excepted under regulation 10(5)(e) of the EIRs. You may apply to the Scottish Information Commissioner.", None, ["EISR reg 10(5)(e)"]),
    ("Mae'r wybodaeth wedi'i heithrio o dan adran 40(2) o Ddeddf Rhyddid Gwybodaeth 2000.", None, ["FOIA s.40(2)"]),
    ("The information is exempt under section 30(1)(a) of the Act.", "foisa", ["FOISA s.30(1)(a)"]),
    ("This is withheld under regulation 12(4)(e) of the Regulations.", "eir", ["EIR reg 12(4)(e)"]),
    ("Information about others is redacted under Schedule 2, paragraph 16 of the Data Protection Act 2018.", "sar", ["DPA 2018 Sch.2 para.16"]),
    ("We refuse the request as manifestly excessive under Article 12(5)(b) of the UK GDPR.", "sar", ["UK GDPR art.12(5)(b)"]),
    ("The information is exempt under sections 40(2), 41 and 43(2) of the FOIA.", None, ["FOIA s.40(2)", "FOIA s.41", "FOIA s.43(2)"]),
    ("It is withheld under FOIA section 42.", None, ["FOIA s.42"]),
]


@pytest.mark.parametrize(("text", "law", "labels"), SPELLINGS, ids=[s[0][:50] for s in SPELLINGS])
def test_each_way_of_writing_a_citation_reads_to_its_normalised_label(text: str, law: str | None, labels: list[str]) -> None:
    assert read_reply(text, law=law).relied_labels() == labels


MENTIONED = [
    ("We have complied with section 1(1) of the Act and given advice under section 16.", "foia", ["FOIA s.1(1)", "FOIA s.16"]),
    ("This letter is a refusal notice under section 17 of the FOIA.", None, ["FOIA s.17"]),
    ("Section 36 does not apply to this information.", "foia", ["FOIA s.36"]),
    ("We have not relied on section 43(2) in this response.", "foia", ["FOIA s.43(2)"]),
    ("If you are dissatisfied with our use of section 40(2), you can ask for an internal review.", "foia", ["FOIA s.40(2)"]),
    ("You can then complain to the Information Commissioner under section 50 of the Freedom of Information Act.", None, ["FOIA s.50"]),
    ("We will respond within 20 working days under section 10 of the Act.", "foia", ["FOIA s.10"]),
]


@pytest.mark.parametrize(("text", "law", "labels"), MENTIONED, ids=[s[0][:50] for s in MENTIONED])
def test_provisions_only_mentioned_are_kept_apart_from_those_relied_on(text: str, law: str | None, labels: list[str]) -> None:
    reading = read_reply(text, law=law)
    assert reading.relied_labels() == []
    assert reading.mentioned_labels() == labels


def test_a_number_of_days_after_a_section_is_not_another_section() -> None:
    reading = read_reply("Under section 12 and 20 working days later we refused it as exceeding the appropriate limit.", law="foia")
    assert reading.relied_labels() == ["FOIA s.12"]


def test_a_parent_section_named_with_its_subsection_is_counted_once() -> None:
    reading = read_reply("We rely on the exemption at section 43. Section 43(2) is engaged because disclosure would harm the supplier.", law="foia")
    assert reading.relied_labels() == ["FOIA s.43(2)"]
    assert reading.exemption_ids() == ["s43(2)"]


def test_a_statutes_year_is_not_a_provision() -> None:
    # The PHSO acknowledgement of 28 March 2022: "under the Freedom of Information Act 2000 or
    # Environment Information Regulations 2004, we aim to respond ..." names no provision at all.
    reading = read_reply("If you have made a request for information under the Freedom of Information Act 2000 or "
                         "Environment Information Regulations 2004, we aim to respond to your request within 20 working days.")
    assert reading.citations == ()
