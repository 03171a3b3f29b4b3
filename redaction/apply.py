"""Write the release copy: rebuild only the pages with redactions, sanitise, write atomically.

A rebuilt page is the page rasterised (pypdfium2), every box burnt into the pixels with
its label, the image embedded (pikepdf) and an invisible text layer of the words that are
kept. The page's old content streams and resources are dropped from the file, so withheld
text is gone rather than covered. Pages without redactions are left as they are.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import logging
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from redaction import burn
from redaction.errors import CorruptPdfError
from redaction.sanitize import sanitize
from redaction.source import open_document, page_words
from redaction.textlayer import (
    FONT_NAME,
    PlacedWord,
    flate_stream,
    glyphless_font,
    text_layer_ops,
)
from redaction.types import BBox, PageText, Redaction, Word

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
PAD_PT = 0.8  # boxes grow this much on each side to catch anti-aliased glyph edges


@dataclasses.dataclass
class Applied:
    """What apply_redactions did: page -> image encoding, and the boxes as burnt."""

    encodings: dict[int, str] = dataclasses.field(default_factory=dict)
    redactions: list[Redaction] = dataclasses.field(default_factory=list)


class _Device:
    """Maps page coordinates (points, origin top-left as in ``Word``) to rendered pixels."""

    def __init__(self, page: pdfium.PdfPage, scale: float) -> None:
        self.page = page
        self.width_pt, self.height_pt = page.get_size()
        self.scale = scale
        self.width_px = max(1, round(self.width_pt * scale))
        self.height_px = max(1, round(self.height_pt * scale))

    def point(self, x: float, top: float) -> tuple[int, int]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(
            self.page.raw,
            0,
            0,
            self.width_px,
            self.height_px,
            0,
            ctypes.c_double(x),
            ctypes.c_double(self.height_pt - top),
            ctypes.byref(dx),
            ctypes.byref(dy),
        )
        return dx.value, dy.value

    def box(self, bbox: BBox, pad: float = 0.0) -> tuple[int, int, int, int]:
        """The pixel box of a page box, clipped to the image."""
        xa, ya = self.point(bbox[0] - pad, bbox[1] - pad)
        xb, yb = self.point(bbox[2] + pad, bbox[3] + pad)
        x0, x1 = sorted((xa, xb))
        y0, y1 = sorted((ya, yb))
        clip_x = min(max(x0, 0), self.width_px - 1), min(max(x1, 0), self.width_px - 1)
        clip_y = min(max(y0, 0), self.height_px - 1), min(max(y1, 0), self.height_px - 1)
        return clip_x[0], clip_y[0], clip_x[1], clip_y[1]


def merge_boxes(boxes: Sequence[burn.PixelBox]) -> list[burn.PixelBox]:
    """Join boxes with the same label that touch on one line, so a label gets room."""
    merged: list[burn.PixelBox] = []
    for box in sorted(boxes, key=lambda b: (b.y0, b.x0)):
        for index, other in enumerate(merged):
            height = min(box.y1 - box.y0, other.y1 - other.y0)
            overlap_y = min(box.y1, other.y1) - max(box.y0, other.y0)
            gap_x = max(box.x0, other.x0) - min(box.x1, other.x1)
            if box.label == other.label and overlap_y > 0.6 * height and gap_x < 0.8 * height:
                merged[index] = burn.PixelBox(
                    min(box.x0, other.x0),
                    min(box.y0, other.y0),
                    max(box.x1, other.x1),
                    max(box.y1, other.y1),
                    box.label,
                )
                break
        else:
            merged.append(box)
    return merged


def char_boxes(page: pdfium.PdfPage) -> list[BBox]:
    """Loose boxes (advance width x line height) of every glyph, top-left origin."""
    height = page.get_size()[1]
    textpage = page.get_textpage()
    try:
        boxes = []
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if right > left and top > bottom:
                boxes.append((left, height - top, right, height - bottom))
        return boxes
    finally:
        textpage.close()


def snap_to_glyphs(bbox: BBox, glyphs: Sequence[BBox]) -> BBox:
    """Grow a box to whole glyphs: a glyph it overlaps by more than 0.25 pt is covered entirely.

    Detectors may end a box at the last glyph's ink or cut it inside; the writer must never
    leave part of a withheld glyph visible.
    """
    x0, top, x1, bottom = bbox
    for g0, gtop, g1, gbottom in glyphs:
        overlap = min(x1, g1) - max(x0, g0)
        if overlap > 0.25 and top <= (gtop + gbottom) / 2 <= bottom:
            x0, top, x1, bottom = min(x0, g0), min(top, gtop), max(x1, g1), max(bottom, gbottom)
    return x0, top, x1, bottom


def _withheld(word: Word, boxes: Sequence[BBox]) -> bool:
    area = max((word.x1 - word.x0) * (word.bottom - word.top), 1e-6)
    for x0, top, x1, bottom in boxes:
        w = min(word.x1, x1) - max(word.x0, x0)
        h = min(word.bottom, bottom) - max(word.top, top)
        if w > 0 and h > 0 and w * h > 0.15 * min(area, (x1 - x0) * (bottom - top)):
            return True
    return False


def kept_words(words: Sequence[Word], redactions: Sequence[Redaction]) -> list[Word]:
    """The words of a page that no redaction box covers (even partly)."""
    boxes = [r.bbox for r in redactions]
    return [w for w in words if not _withheld(w, boxes)]


def _placed(device: _Device, words: Sequence[Word]) -> list[PlacedWord]:
    placed = []
    for word in words:
        x0, y0, x1, y1 = device.box((word.x0, word.top, word.x1, word.bottom))
        s = device.scale
        h = device.height_px / s
        placed.append(PlacedWord(word.text, x0 / s, h - y1 / s, x1 / s, h - y0 / s))
    return placed


def rebuild_page(
    pdf: pikepdf.Pdf,
    target: pikepdf.Page,
    page: pdfium.PdfPage,
    redactions: Sequence[Redaction],
    words: Sequence[Word],
    font: pikepdf.Dictionary,
    dpi: int,
) -> burn.Encoding:
    """Replace ``target``'s content by the burnt image and the kept words; return the encoding.

    ``redactions`` should already be snapped to whole glyphs (``snap_to_glyphs``).
    """
    width_pt, height_pt = page.get_size()
    device = _Device(page, burn.render_scale(width_pt, height_pt, dpi=dpi))
    has_images = burn.page_has_images(page)
    image = burn.render(page, device.scale, colour=has_images)
    boxes = [burn.PixelBox(*device.box(r.bbox, PAD_PT), r.legal_basis) for r in redactions]
    burn.burn(image, merge_boxes(boxes))
    encoding = burn.choose_encoding(image, has_images=has_images)
    xobject = burn.image_xobject(pdf, image, encoding)
    del image
    width, height = device.width_px / device.scale, device.height_px / device.scale
    content = f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /Im0 Do Q\n".encode("ascii")
    content += text_layer_ops(_placed(device, kept_words(words, redactions)))
    page_obj = target.obj
    for key in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox", "/UserUnit", "/Group", "/VP"):
        if key in page_obj:
            del page_obj[key]
    page_obj.MediaBox = pikepdf.Array([0, 0, round(width, 4), round(height, 4)])
    page_obj.Rotate = 0
    page_obj.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Im0=xobject),
        Font=pikepdf.Dictionary({FONT_NAME: font}),
    )
    page_obj.Contents = flate_stream(pdf, content)
    return encoding


@contextlib.contextmanager
def atomic_output(dst: Path) -> Iterator[Path]:
    """A temporary path next to ``dst``; on success it is fsynced and renamed onto ``dst``.

    On any error the temporary file is removed, so no half-written output remains.
    """
    dst.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".part", dir=dst.parent)
    os.close(handle)
    tmp = Path(name)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; a release copy is an ordinary file
    try:
        yield tmp
        with tmp.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        directory = os.open(dst.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def apply_redactions(
    src: Path,
    dst: Path,
    redactions: Sequence[Redaction],
    *,
    progress: Progress | None = None,
    dpi: int = burn.DEFAULT_DPI,
    page_texts: Mapping[int, PageText] | None = None,
) -> Applied:
    """Write ``dst``: ``src`` with every redaction burnt in, sanitised, written atomically.

    ``page_texts`` (1-based page -> words, e.g. OCR words from the analysis) feeds the
    invisible text layer of rebuilt pages; pages without it use their own text layer.
    ``progress(done, total)`` is called after each rebuilt page. Returns the encoding of
    each rebuilt page and the redactions with the boxes actually blacked out (grown to
    whole glyphs), page by page.
    """
    by_page: dict[int, list[Redaction]] = defaultdict(list)
    for redaction in redactions:
        by_page[redaction.page].append(redaction)
    result = Applied()
    try:
        pdf = pikepdf.open(src)
    except pikepdf.PdfError as exc:
        raise CorruptPdfError(f"PDF'en kan ikke åbnes ({exc})", filename=src.name) from None
    with pdf, open_document(src) as document:
        font = glyphless_font(pdf) if by_page else None
        for done, number in enumerate(sorted(by_page), start=1):
            if not 1 <= number <= len(pdf.pages):
                raise ValueError(f"redaction on page {number} of a {len(pdf.pages)}-page PDF")
            page = document[number - 1]
            try:
                text = (page_texts or {}).get(number) or page_words(page, number)
                assert font is not None
                glyphs = char_boxes(page)
                snapped = [
                    dataclasses.replace(r, bbox=snap_to_glyphs(r.bbox, glyphs))
                    for r in by_page[number]
                ]
                result.redactions.extend(snapped)
                result.encodings[number] = rebuild_page(
                    pdf, pdf.pages[number - 1], page, snapped, text.words, font, dpi
                )
            finally:
                page.close()
            if progress:
                progress(done, len(by_page))
        sanitize(pdf)
        with atomic_output(dst) as tmp:
            # compress_streams=False: untouched pages keep their content streams byte for byte.
            pdf.save(
                tmp,
                compress_streams=False,
                object_stream_mode=pikepdf.ObjectStreamMode.generate,
            )
    log.info("%s: %d pages rebuilt", dst.name, len(result.encodings))
    return result
