"""Splitting a request into questions the way people number them."""

from __future__ import annotations

import pytest

from bot.drafting import parse_request


@pytest.mark.parametrize(
    "labels",
    [("1.", "2."), ("1)", "2)"), ("(1)", "(2)"), ("(a)", "(b)"), ("a)", "b)"), ("Q1", "Q2"), ("-", "-"), ("\u2022", "\u2022"), ("*", "*")],
)
def test_numbered_lettered_and_bulleted_items_are_separate_questions(labels):
    text = f"{labels[0]} The number of buses\n{labels[1]} The number of trams\n"
    doc = parse_request(text)
    assert [q.text for q in doc.questions] == ["The number of buses", "The number of trams"]
    assert [q.label for q in doc.questions] == list(labels)


def test_the_salutation_and_sign_off_are_not_questions():
    text = "Dear Leeds City Council,\n\nHow many buses?\n\nYours faithfully,\n\nJane Smith\n"
    doc = parse_request(text)
    assert [q.text for q in doc.questions] == ["How many buses?"]
    assert doc.addressee == "Leeds City Council"
    assert doc.signoff is not None and doc.signoff.name == "Jane Smith"


def test_a_closing_and_a_name_on_one_line_is_a_sign_off():
    doc = parse_request("How many buses?\n\nYours faithfully, Jane Smith\n")
    assert doc.signoff is not None and doc.signoff.name == "Jane Smith"


def test_a_thank_you_sentence_is_not_a_sign_off():
    doc = parse_request("How many buses?\n\nThank you for your help with this request.\n")
    assert doc.signoff is None


def test_a_generic_salutation_names_no_authority():
    assert parse_request("Dear Sir or Madam,\n\nHow many buses?\n").addressee is None


def test_unlabelled_lines_ending_in_a_question_mark_are_separate_questions():
    doc = parse_request("How many buses?\nHow many trams?\n")
    assert [q.text for q in doc.questions] == ["How many buses?", "How many trams?"]


def test_a_hard_wrapped_question_is_one_question():
    doc = parse_request("How many buses did the council\nbuy in the calendar year 2025?\n")
    assert [q.one_line for q in doc.questions] == ["How many buses did the council buy in the calendar year 2025?"]


def test_an_intro_ending_in_a_colon_is_context_not_a_question():
    text = "Could you tell me:\n1) How many buses?\n"
    doc = parse_request(text)
    assert [text[s:e] for s, e in doc.context] == ["Could you tell me:"]
    assert [q.text for q in doc.questions] == ["How many buses?"]


def test_a_paragraph_about_the_format_is_not_a_question():
    doc = parse_request("How many buses?\n\nI would like the figures as a spreadsheet by email.\n")
    assert [q.text for q in doc.questions] == ["How many buses?"]


def test_a_request_for_documents_in_a_format_is_still_a_question():
    doc = parse_request("Please provide copies of the minutes in PDF format.\n")
    assert len(doc.questions) == 1


def test_stacked_labels_make_one_item():
    doc = parse_request("3) (a) How many buses?\n(b) How many trams?\n")
    assert [(q.label, q.text) for q in doc.questions] == [("3) (a)", "How many buses?"), ("(b)", "How many trams?")]


def test_a_letter_header_before_the_salutation_is_skipped():
    text = "25 November 2026\n\nTo: Leeds City Council\nSubject: Buses\n\nDear Leeds City Council,\n\nHow many buses?\n"
    doc = parse_request(text)
    assert doc.addressee == "Leeds City Council"
    assert [q.text for q in doc.questions] == ["How many buses?"]


def test_sentences_do_not_end_at_section_numbers_or_abbreviations():
    text = "Please advise me under s.16 of the Act, e.g. by phone. Thank you."
    doc = parse_request(text)
    assert [text[s:e] for s, e in doc.sentences] == ["Please advise me under s.16 of the Act, e.g. by phone.", "Thank you."]


def test_insertion_point_is_after_the_last_paragraph_before_the_sign_off():
    text = "How many buses?\n\nYours faithfully,\nJane Smith\n"
    assert parse_request(text).insertion_point == len("How many buses?")


def test_an_empty_text_has_no_questions():
    doc = parse_request("")
    assert doc.questions == () and doc.signoff is None and doc.insertion_point == 0
