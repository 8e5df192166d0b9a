"""Rendering: what every letter must contain, what it must refuse, and that member text stays data."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

import bot.letters
from bot.errors import BadInput
from bot.letters import LetterFacts, LetterKind, render_letter
from bot.letters.docx import letter_docx
from tests.unit.letters.cases import PHSO, PHSO_GAPS, PHSO_TODAY

_FOIA: dict[str, Any] = {
    "law": "foia", "authority": "Exampleshire County Council", "title": "Road repairs", "sent": "2025-01-06",
    "requester": "Alex Morgan", "reference": "FOI-1", "responded": "2025-02-03", "outcome": "refused",
}


def test_phso_review_states_the_review_deadline_and_everything_a_letter_needs() -> None:
    letter = render_letter("review", LetterFacts.from_json(PHSO_GAPS), ["partial_answer", "missing_attachment"], PHSO_TODAY)
    assert letter.kind is LetterKind.REVIEW
    assert letter.deadline_stated == date(2022, 5, 11)  # 20 working days from Sat 9 April 2022, Easter skipped
    body = letter.body
    assert "Date: 9 April 2022" in body and "To: Parliamentary and Health Service Ombudsman" in body
    assert "sent on 28 March 2022" in body and "Your reference: 00000206" in body
    assert "by 11 May 2022" in body and "no later than 10 June 2022" in body
    assert body.rstrip().endswith("Yours faithfully,\n\nDudley Jones")
    assert '"Number of caseworkers employed by the PHSO' in body
    assert letter.subject.startswith("Internal review")


@pytest.mark.parametrize("law", ["foisa", "eisr"])
def test_a_scottish_review_without_a_reason_is_refused(law: str) -> None:
    facts = LetterFacts.from_json({**_FOIA, "law": law, "division": "scotland"})
    with pytest.raises(BadInput) as excinfo:
        render_letter("review", facts, [], date(2025, 2, 10))
    assert "must say why you are dissatisfied" in excinfo.value.message and "choose a ground" in excinfo.value.message


def test_a_foia_review_may_rest_on_the_member_s_own_words_alone() -> None:
    letter = render_letter("review", LetterFacts.from_json(_FOIA), [], date(2025, 2, 10), notes="The figures for 2023 are missing.")
    assert "The figures for 2023 are missing." in letter.body


def test_subject_access_has_no_review_letter() -> None:
    facts = LetterFacts.from_json({**_FOIA, "law": "sar", "outcome": None, "exemptions": []})
    with pytest.raises(BadInput) as excinfo:
        render_letter("review", facts, [], date(2025, 2, 10))
    assert "complain" in excinfo.value.message


def test_a_clarification_reply_needs_the_clarification_and_the_date_it_was_asked_for() -> None:
    facts = LetterFacts.from_json({**_FOIA, "responded": None, "outcome": None, "clarification_requested": "2025-01-10"})
    with pytest.raises(BadInput):
        render_letter("clarification", facts, [], date(2025, 1, 13))
    with pytest.raises(BadInput):
        render_letter("clarification", LetterFacts.from_json({**_FOIA, "responded": None, "outcome": None}), [], date(2025, 1, 13), notes="x")
    letter = render_letter("clarification", facts, [], date(2025, 1, 13), notes="I mean the A-road network.")
    assert letter.deadline_stated == date(2025, 2, 10)  # 20 working days from Mon 13 Jan 2025
    assert "I mean the A-road network." in letter.body


def test_a_chaser_gives_ten_more_working_days_and_a_complaint_states_no_deadline() -> None:
    silent = LetterFacts.from_json({**_FOIA, "responded": None, "outcome": None})
    chaser = render_letter("chaser", silent, [], date(2025, 2, 10))
    assert chaser.deadline_stated == date(2025, 2, 24)
    assert "5 working days late" in chaser.body  # due Mon 3 Feb 2025: 4, 5, 6, 7 and 10 February
    complaint = render_letter("complaint", silent, ["no_response"], date(2025, 2, 10))
    assert complaint.deadline_stated is None
    assert "Information Commissioner's Office, Wycliffe House" in complaint.body


def test_member_text_with_template_syntax_and_mentions_comes_out_literally() -> None:
    evil = "{{ 7*7 }} {% if x %}y{% endif %} {# c #} @everyone @here <@123> <@&456> [give details here]"
    facts = LetterFacts.from_json({
        **_FOIA, "title": evil, "authority": "Council {{ config }}", "requester": "<@999> {% raw %}", "reference": "{{ ref }}",
        "questions": [evil], "questions_unanswered": [1], "outcome": "partially_successful",
    })
    letter = render_letter("review", facts, ["partial_answer"], date(2025, 2, 10), notes=evil)
    for text in (evil, "Council {{ config }}", "<@999> {% raw %}", "{{ ref }}"):
        assert text in letter.body
    assert "49" not in letter.body
    assert letter.body.count(evil) == 4  # header, opening paragraph, question 1, notes
    assert evil in letter.subject


def test_the_docx_has_the_subject_and_every_paragraph_of_the_letter() -> None:
    letter = render_letter("review", LetterFacts.from_json(PHSO_GAPS), ["missing_attachment"], PHSO_TODAY)
    document = Document(io.BytesIO(letter_docx(letter)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].runs[0].bold and letter.subject in text
    assert "send the attachment now" in text and "Dudley Jones" in text


def test_letters_modules_import_neither_discord_nor_the_database_nor_the_clock() -> None:
    forbidden = ("discord", "sqlmodel", "sqlalchemy", "bot.db", "bot.models", "bot.clock", "bot.services")
    for path in Path(bot.letters.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
            if isinstance(node, ast.Attribute) and node.attr in ("today", "now", "utcnow"):
                assert not (isinstance(node.value, ast.Name) and node.value.id in ("date", "datetime")), path.name
    code = "import sys, bot.letters, bot.letters.docx; print(any(m.split('.')[0] == 'discord' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_the_docx_survives_control_characters_a_member_pasted() -> None:
    letter = render_letter("review", LetterFacts.from_json(PHSO_GAPS), ["missing_attachment"], PHSO_TODAY, notes="page\x0cbreak\x00")
    assert "page\x0cbreak" in letter.body
    text = "\n".join(p.text for p in Document(io.BytesIO(letter_docx(letter))).paragraphs)
    assert "pagebreak" in text


def test_the_cost_limit_pairs_600_pounds_with_24_hours_and_450_with_18() -> None:
    # SI 2004/3244 regs 3-4: £600 / £450 at £25 an hour => 24 hours / 18 hours.
    letter = render_letter("review", LetterFacts.from_json({**_FOIA, "exemptions": ["s.12"]}), ["cost_estimate"], date(2025, 2, 10))
    assert "£600 for central government (24 hours) and £450 for other authorities (18 hours)" in letter.body


def test_a_chaser_to_a_school_never_calls_the_sixtieth_working_day_the_next_working_day_reading() -> None:
    school = {**_FOIA, "sent": "2025-09-01", "responded": None, "outcome": None, "school": True}
    body = render_letter("chaser", LetterFacts.from_json(school), [], date(2025, 11, 25)).body
    assert "next working day" not in body
    assert "The sixtieth working day was 24 November 2025, so your response was due by then at the latest." in body
    # A Saturday receipt still gets the next-working-day wording (ICO Mon 14 Apr, later Tue 15 Apr 2025).
    weekend = {**_FOIA, "sent": "2025-03-15", "responded": None, "outcome": None}
    later = render_letter("chaser", LetterFacts.from_json(weekend), [], date(2025, 4, 22)).body
    assert "due by 14 April 2025 (15 April 2025 if the request is treated as received on the next working day)" in later
