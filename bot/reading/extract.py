"""Text out of an attached reply: .txt, .eml, .pdf, .docx. Pure and synchronous (callers run it
off the event loop with ``asyncio.to_thread``: PDF parsing is CPU work).

Nothing attached is executed or rendered: an email's parts are decoded as text and its
attachments only counted, a PDF's text layer is read by pypdf (no JavaScript, no images drawn),
a .docx's paragraphs and tables by python-docx after its zip sizes are checked. Every stage has
a cap, so a hostile file (a PDF or zip bomb, thousands of pages) costs bounded time and memory
and ends in a plain message.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from bot.errors import BadInput
from bot.reading.reader import MAX_CHARS

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 8 * 1024 * 1024  # a reply is well under 1 MB; Discord's own upload limit is 8-10 MB
MAX_PDF_PAGES = 40  # a refusal notice is a few pages; the rest is usually the released documents
MAX_PDF_STREAM = 8_000_000  # bytes one decompressed PDF stream may reach (a bomb stops here)
MAX_DOCX_UNZIPPED = 40 * 1024 * 1024
SUPPORTED = ".txt, .eml, .pdf or .docx"
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".bmp", ".tif", ".tiff")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"II*\x00", b"MM\x00*", b"BM")


@dataclass(frozen=True)
class Extracted:
    text: str
    source: str  # "text", "email", "pdf", "docx"
    notes: tuple[str, ...] = ()  # what was left out ("pages 41-120 not read", "2 attachments not opened")


def extract_text(data: bytes, filename: str) -> Extracted:
    """The reply's text from a file's bytes; ``BadInput`` saying what could not be read and what to do."""
    name = (filename or "reply").strip()
    lower = name.lower()
    if not data:
        raise BadInput(f"{name} is empty: attach the reply itself, or paste its text.")
    if len(data) > MAX_FILE_BYTES:
        raise BadInput(f"{name} is {len(data) / 1_048_576:.1f} MB; foibot reads files up to {MAX_FILE_BYTES // 1_048_576} MB. "
                       "Attach the letter alone, or paste its text.")
    if lower.endswith(_IMAGE_EXT) or data.startswith(_IMAGE_MAGIC):
        raise BadInput(f"{name} is an image: foibot doesn't read text in pictures. Paste the reply's text, or attach it as {SUPPORTED}.")
    if lower.endswith(".msg"):
        raise BadInput(f"{name} is an Outlook .msg file: in Outlook use File > Save As > Text Only (.txt), or forward it and save the .eml.")
    if lower.endswith(".pdf") or data.startswith(b"%PDF"):
        return _pdf(data, name)
    if lower.endswith(".docx") or (data.startswith(b"PK") and not lower.endswith((".txt", ".eml"))):
        return _docx(data, name)
    if lower.endswith(".doc") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadInput(f"{name} is an old Word .doc file: save it as .docx or .pdf, or paste its text.")
    if lower.endswith(".eml") or _looks_like_email(data):
        return _email(data, name)
    if lower.endswith((".txt", ".text", ".md")) or "." not in lower.rsplit("/", 1)[-1]:
        return Extracted(_cap(_decode(data, name), name), "text")
    raise BadInput(f"foibot can't read {name}: attach the reply as {SUPPORTED}, or paste its text.")


def _cap(text: str, name: str) -> str:
    text = text.replace("\x00", "")
    if not text.strip():
        raise BadInput(f"{name} has no text in it: paste the reply's text instead.")
    if len(text) > MAX_CHARS:
        raise BadInput(f"{name} is {len(text):,} characters long; foibot reads up to {MAX_CHARS:,}. "
                       "Keep the authority's letter alone, without the thread it quotes.")
    return text


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = sum(1 for ch in text[:4000] if ord(ch) < 32 and ch not in "\n\r\t\f")
        if odd > max(8, len(text[:4000]) // 20):
            break
        return text
    raise BadInput(f"{name} isn't text foibot can read (it looks like binary data): attach the reply as {SUPPORTED}.")


# -- email -------------------------------------------------------------------------------------

def _looks_like_email(data: bytes) -> bool:
    head = data[:2000].decode("latin-1", "replace")
    return bool(re.search(r"^(?:From|To|Subject|Date|Received|MIME-Version):", head, re.MULTILINE)) and "\n\n" in head.replace("\r\n", "\n")


class _TextOnly(HTMLParser):
    """An HTML email body as text: tags dropped, scripts and styles skipped, nothing fetched."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in ("p", "div", "tr", "li"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html[: MAX_CHARS * 4])
    text = "".join(parser.parts)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text))


def _email(data: bytes, name: str) -> Extracted:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        if body is None:
            raise BadInput(f"{name} has no text body foibot can read: paste the reply's text instead.")
        content = body.get_content()
    except (LookupError, ValueError, AttributeError) as exc:  # unknown charset, malformed parts
        log.info("email %s unreadable: %s", name, exc)
        raise BadInput(f"{name} couldn't be read as an email: paste the reply's text instead.") from None
    text = html_to_text(content) if body.get_content_type() == "text/html" else content
    attached = [part.get_filename() or "unnamed" for part in message.iter_attachments()]
    notes = (f"the email has {len(attached)} attachment{'s' if len(attached) != 1 else ''} foibot did not open "
             f"({', '.join(a[:40] for a in attached[:3])}): attach a PDF or .docx reply on its own to read it",) if attached else ()
    subject = str(message.get("subject") or "").strip()
    header = f"Subject: {subject}\n\n" if subject else ""
    return Extracted(_cap(header + text, name), "email", notes)


# -- pdf ---------------------------------------------------------------------------------------

def _pdf(data: bytes, name: str) -> Extracted:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    # pypdf's own guards against hostile files, tightened: no stream of a letter decompresses to 8 MB.
    wanted = {"zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
              "maximum_declared_stream_length", "brotli_maximum_output_length", "array_based_stream_maximum_output_length",
              "image_maximum_buffer_size", "jbig2_maximum_output_length"}
    limits = {f.name: MAX_PDF_STREAM for f in dataclasses.fields(pypdf.Configuration) if f.name in wanted}
    pages: list[str] = []
    notes: list[str] = []
    try:
        with pypdf.apply_configuration(**limits):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # many "protected" PDFs only restrict printing
                except (FileNotDecryptedError, NotImplementedError, PyPdfError):
                    opened = 0
                if not opened:
                    raise BadInput(f"{name} is password-protected: open it, copy the text and paste it, "
                                   "or ask the authority for an unprotected copy.")
            count = len(reader.pages)
            total = 0
            for number, page in enumerate(reader.pages):
                if number >= MAX_PDF_PAGES:
                    notes.append(f"only the first {MAX_PDF_PAGES} of {count} pages were read")
                    break
                text = page.extract_text() or ""
                pages.append(text)
                total += len(text)
                if total > MAX_CHARS:
                    notes.append(f"only the first {number + 1} of {count} pages were read (foibot reads {MAX_CHARS:,} characters)")
                    break
    except BadInput:
        raise
    except LimitReachedError:
        log.info("pdf %s hit a decompression limit", name)
        raise BadInput(f"{name} expands to far more data than a letter holds (it may be a deliberately inflated PDF): "
                       "foibot stopped reading it. Paste the reply's text instead.") from None
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, RecursionError, OSError, AttributeError) as exc:
        log.info("pdf %s unreadable: %r", name, exc)
        raise BadInput(f"{name} couldn't be read as a PDF (it may be damaged): paste the reply's text instead.") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise BadInput(f"{name} has no text layer (it is probably a scan): foibot can't read scanned pages. "
                       "Paste the text, or ask the authority for an accessible copy.")
    return Extracted(text[:MAX_CHARS], "pdf", tuple(notes))


# -- docx --------------------------------------------------------------------------------------

def _docx(data: bytes, name: str) -> Extracted:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
            if unzipped > MAX_DOCX_UNZIPPED or len(archive.infolist()) > 2000:
                raise BadInput(f"{name} expands to far more data than a letter holds: foibot stopped reading it. Paste the reply's text instead.")
            if "word/document.xml" not in archive.namelist():
                raise BadInput(f"{name} isn't a Word document: attach the reply as {SUPPORTED}.")
        document = docx.Document(io.BytesIO(data))
    except BadInput:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        log.info("docx %s unreadable: %r", name, exc)
        raise BadInput(f"{name} couldn't be read as a Word document (it may be damaged): paste the reply's text instead.") from None
    except Exception as exc:  # python-docx raises its own and lxml's errors for malformed XML
        log.info("docx %s unreadable: %r", name, exc)
        raise BadInput(f"{name} couldn't be read as a Word document (it may be damaged): paste the reply's text instead.") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return Extracted(_cap("\n".join(lines), name), "docx")
