"""Open and check an input PDF, and read the words of its text layer with their boxes.

pypdfium2 reads text with per-character boxes about ten times faster than pdfplumber on
these machines (NOTES.md), so it is the extraction path; pdfplumber stays for tests.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from redaction.errors import CorruptPdfError, EncryptedPdfError, NotAPdfError, TooLargeError
from redaction.types import PageText, Word

# Magic numbers of files that are often uploaded with a .pdf name.
_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\xff\xd8\xff", "et JPEG-billede"),
    (b"\x89PNG", "et PNG-billede"),
    (b"GIF8", "et GIF-billede"),
    (b"II*\x00", "et TIFF-billede"),
    (b"MM\x00*", "et TIFF-billede"),
    (b"PK\x03\x04", "en ZIP-fil (fx et Word-dokument)"),
    (b"\xd0\xcf\x11\xe0", "et gammelt Office-dokument"),
    (b"{\\rtf", "et RTF-dokument"),
]
MAX_PAGES = 5000
MAX_PAGE_POINTS = 14400  # PDF's own limit is 14,400 pt (200 in) a side


@dataclass(frozen=True)
class SourceInfo:
    path: Path
    pages: int


def check_pdf(path: Path, *, max_pages: int = MAX_PAGES) -> SourceInfo:
    """Refuse anything that is not a readable, unencrypted PDF with pages.

    Raises NotAPdfError, EncryptedPdfError, CorruptPdfError or TooLargeError with a
    Danish message naming the problem; the file name is attached for reports.
    """
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise CorruptPdfError(f"filen kan ikke læses ({exc.strerror})", filename=name) from None
    if not head:
        raise CorruptPdfError("filen er tom", filename=name)
    if b"%PDF-" not in head:
        kind = next((k for sig, k in _SIGNATURES if head.startswith(sig)), None)
        what = f"filen er {kind}, ikke en PDF" if kind else "filen er ikke en PDF"
        raise NotAPdfError(what, filename=name)
    try:
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
    except pikepdf.PasswordError:
        raise EncryptedPdfError(
            "PDF'en er beskyttet med adgangskode; bed afsenderen om en ubeskyttet kopi",
            filename=name,
        ) from None
    except (pikepdf.PdfError, ValueError, RecursionError) as exc:
        raise CorruptPdfError(
            f"PDF'en er beskadiget og kan ikke læses ({exc})", filename=name
        ) from None
    if pages == 0:
        raise CorruptPdfError("PDF'en har ingen sider", filename=name)
    if pages > max_pages:
        raise TooLargeError(f"PDF'en har {pages} sider; grænsen er {max_pages}", filename=name)
    return SourceInfo(path, pages)


@contextlib.contextmanager
def open_document(path: Path) -> Iterator[pdfium.PdfDocument]:
    """A pdfium document that is closed again however the block ends."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CorruptPdfError(f"PDF'en kan ikke åbnes ({exc})", filename=path.name) from None
    try:
        yield document
    finally:
        document.close()


def page_words(page: pdfium.PdfPage, number: int) -> PageText:
    """The words of one page's text layer with loose boxes (whole line height), top-left origin.

    Words are split at whitespace, including the spaces pdfium generates between glyph runs.
    """
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        words: list[Word] = []
        chars: list[str] = []
        box: list[float] = []
        # get_text_range can differ in length from count_chars (e.g. surrogates); pair by index.
        for index in range(min(count, len(text))):
            char = text[index]
            if char.isspace() or char == "\x00":
                if chars:
                    words.append(
                        Word("".join(chars), box[0], height - box[3], box[2], height - box[1])
                    )
                    chars, box = [], []
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if right <= left and top <= bottom:  # a glyph without a box (e.g. a soft hyphen)
                continue
            if not chars:
                box = [left, bottom, right, top]
            else:
                box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
            chars.append(char)
        if chars:
            words.append(Word("".join(chars), box[0], height - box[3], box[2], height - box[1]))
    finally:
        textpage.close()
    return PageText(number, float(width), float(height), tuple(words), "text")


def page_size_ok(page: pdfium.PdfPage) -> bool:
    """False for a page larger than PDF's own size limit (a sign of a broken file)."""
    width, height = page.get_size()
    return 0 < width <= MAX_PAGE_POINTS and 0 < height <= MAX_PAGE_POINTS
