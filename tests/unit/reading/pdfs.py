"""Small PDFs built byte by byte for the tests: a text page, a scan (no text layer), a bomb, locked."""

from __future__ import annotations

import io
import zlib


def _pdf(streams: list[tuple[bytes, bool]]) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(streams)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode())
    font = 3 + 2 * len(streams)
    for i, (content, deflated) in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> "
                       f"/Contents {4 + 2 * i} 0 R >>".encode())
        flate = b" /Filter /FlateDecode" if deflated else b""
        objects.append(b"<< /Length " + str(len(content)).encode() + flate + b" >>\nstream\n" + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _text(lines: list[str]) -> bytes:
    shown = b" ".join(b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '" for line in lines)
    return b"BT /F1 11 Tf 50 750 Td 14 TL " + shown + b" ET"


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    return _pdf([(_text(lines), False)] * pages)


def scanned_pdf() -> bytes:
    """A page with no text layer, as a scanner makes (here: a rectangle)."""
    return _pdf([(b"0 0 1 rg 10 10 200 200 re f", False)])


def pdf_bomb() -> bytes:
    """~100 KB that inflates to 100 MB of zeros in one content stream (the cap is 8 MB)."""
    return _pdf([(zlib.compress(b"0" * 100_000_000, 9), True)])


def encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(text_pdf(["Dear Mr Khan", "Secret."])))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def owner_only_pdf() -> bytes:
    """Protected against printing only: opens with an empty password."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(text_pdf(["Dear Mr Khan", "We hold 12 reports."])))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
