"""A letter as a .docx file (python-docx): bytes out, nothing else (no discord, no files).

The Discord cog attaches these bytes; the CLI writes them to ``--output``. The text is the same
as the plain letter: one paragraph per block of lines, the subject in bold.
"""

from __future__ import annotations

import io
import logging
import re

from docx import Document
from docx.shared import Pt

from bot.letters.render import Letter

log = logging.getLogger(__name__)

# Characters XML 1.0 cannot hold (python-docx refuses them): dropped from the Word copy only.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def letter_docx(letter: Letter) -> bytes:
    """The letter as a Word document: subject in bold, then the body, paragraph by paragraph."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    subject = document.add_paragraph()
    subject.add_run(_NOT_XML.sub("", letter.subject)).bold = True
    for block in _NOT_XML.sub("", letter.body).strip().split("\n\n"):
        paragraph = document.add_paragraph()
        lines = block.split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            if number < len(lines) - 1:
                run.add_break()  # the header's and lists' line breaks stay line breaks
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
