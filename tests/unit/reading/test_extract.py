"""Text from attachments: each format read, each hostile or unreadable file a plain message."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from bot.errors import BadInput
from bot.reading.extract import MAX_FILE_BYTES, MAX_PDF_PAGES, extract_text
from tests.unit.reading.pdfs import encrypted_pdf, owner_only_pdf, pdf_bomb, scanned_pdf, text_pdf

EML = b"""From: FOI Team <foi@example.gov.uk>
To: requester@example.org
Subject: Your FOI request FOI-123
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

--XX
Content-Type: text/html; charset="utf-8"

<html><head><style>p {color: red}</style><script>alert(1)</script></head><body><p>Dear Ms Lee,</p>
<p>The information is exempt under section 40(2) of the FOIA.</p></body></html>
--XX
Content-Type: application/pdf
Content-Disposition: attachment; filename="table.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--XX--
"""


def test_a_text_file_is_read_in_utf8_or_windows_encoding() -> None:
    assert extract_text("Dear Mr Shaw – £25".encode(), "reply.txt").text == "Dear Mr Shaw – £25"
    assert extract_text("Dear Mr Shaw – £25".encode("cp1252"), "reply.txt").text == "Dear Mr Shaw – £25"


def test_an_email_gives_its_body_as_text_and_counts_attachments_it_does_not_open() -> None:
    got = extract_text(EML, "reply.eml")
    assert "exempt under section 40(2)" in got.text
    assert "Subject: Your FOI request FOI-123" in got.text
    assert "alert(1)" not in got.text and "color" not in got.text and "<p>" not in got.text
    assert got.notes and "1 attachment" in got.notes[0] and "table.pdf" in got.notes[0]


def test_a_pdf_gives_its_text_layer() -> None:
    got = extract_text(text_pdf(["Dear Mr Khan", "Withheld under section 43(2)."]), "reply.pdf")
    assert got.source == "pdf" and "section 43(2)" in got.text


def test_a_pdf_protected_only_against_printing_opens() -> None:
    assert "12 reports" in extract_text(owner_only_pdf(), "reply.pdf").text


def test_a_long_pdf_is_read_up_to_the_page_cap_and_says_so() -> None:
    got = extract_text(text_pdf(["Page text here."], pages=MAX_PDF_PAGES + 5), "long.pdf")
    assert got.text.count("Page text here.") == MAX_PDF_PAGES
    assert f"first {MAX_PDF_PAGES} of {MAX_PDF_PAGES + 5} pages" in got.notes[0]


@pytest.mark.parametrize(("data", "name", "message"), [
    (encrypted_pdf(), "locked.pdf", "password-protected"),
    (scanned_pdf(), "scan.pdf", "no text layer"),
    (pdf_bomb(), "bomb.pdf", "expands to far more data"),
    (b"%PDF-1.4\n garbage garbage", "broken.pdf", "couldn't be read as a PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "reply.png", "is an image"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo", "is an image"),
    (b"", "empty.txt", "is empty"),
    (bytes(range(256)) * 50, "junk.txt", "looks like binary"),
    (b"x" * (MAX_FILE_BYTES + 1), "huge.txt", "MB"),
    (b"Dear requester. " * 6250, "long.txt", "characters long"),
    (b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "old.doc", "old Word .doc"),
    (b"whatever", "reply.msg", "Outlook .msg"),
    (b"PK\x03\x04 not really a zip", "reply.docx", "couldn't be read as a Word document"),
    (b"{}", "data.json", "can't read data.json"),
])
def test_unreadable_files_say_what_was_wrong_and_what_to_do(data: bytes, name: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        extract_text(data, name)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Dear Mr Stewart")
    document.add_paragraph("The names are withheld under section 38(1)(b) of FOISA.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Complaints"
    table.rows[0].cells[1].text = "57"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_gives_its_paragraphs_and_tables() -> None:
    got = extract_text(_docx_bytes(), "reply.docx")
    assert "section 38(1)(b) of FOISA" in got.text and "Complaints | 57" in got.text


def test_a_zip_bomb_dressed_as_docx_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * 45_000_000)
    with pytest.raises(BadInput, match="expands to far more data"):
        extract_text(out.getvalue(), "reply.docx")
