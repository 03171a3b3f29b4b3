"""Words of a page including OCR: scanned pages and text inside embedded images.

- A page with (almost) no text layer and an image over a good part of it is a scan: the
  whole page is rendered and read by tesseract's Danish model.
- A page with a text layer is not OCRed as a whole; only its large embedded images are
  (screenshots of social-media posts), each rendered as a page region.
- Regions are rendered by pdfium at a bounded resolution, so a 20,000 x 20,000 px image is
  never decoded at full size into our memory.
- tesseract runs with ``OMP_THREAD_LIMIT=1`` (7x faster on these machines than its default
  threads, NOTES.md); scale out with one process per core instead.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import shutil
import subprocess

import pypdfium2 as pdfium
from PIL import Image

from redaction.images import ImageRegion, image_regions, render_region
from redaction.source import page_words
from redaction.types import BBox, PageSource, PageText, Word

logger = logging.getLogger(__name__)

SCAN_MAX_CHARS = 20  # a page with fewer text-layer characters than this counts as a scan
SCAN_MIN_COVER = 0.25  # ... if images cover at least this share of it
OCR_MIN_SIDE = (120.0, 60.0)  # an embedded image worth reading: at least 120 x 60 pt
OCR_MIN_AREA = 20_000.0  # pt², about a quarter of a screenshot column
OCR_DPI = (150.0, 300.0)  # render at the image's own resolution, within these bounds
TESSERACT_TIMEOUT = 300


def tesseract_available() -> bool:
    """True when the tesseract command is installed."""
    return shutil.which("tesseract") is not None


def ocr_image(
    image: Image.Image, origin: tuple[float, float], scale: float, language: str = "dan"
) -> list[Word]:
    """Words tesseract reads in ``image``, with boxes mapped back to page points.

    ``origin`` is the page position (points) of the image's top-left corner and ``scale``
    its pixels per point.
    """
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed PGM: quicker to write than PNG
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", language, "--psm", "3", "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            env=env,
            timeout=TESSERACT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        logger.warning("tesseract failed: %s", exc)
        return []
    if done.returncode != 0:
        logger.warning("tesseract failed: %s", done.stderr.decode(errors="replace")[:300])
        return []
    return parse_tsv(done.stdout.decode("utf-8", errors="replace"), origin, scale)


def parse_tsv(tsv: str, origin: tuple[float, float], scale: float) -> list[Word]:
    """Word rows (level 5) of tesseract's TSV output as page words."""
    words: list[Word] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < 0:
            continue
        left, top = int(row["left"]), int(row["top"])
        right, bottom = left + int(row["width"]), top + int(row["height"])
        words.append(
            Word(
                text,
                origin[0] + left / scale,
                origin[1] + top / scale,
                origin[0] + right / scale,
                origin[1] + bottom / scale,
            )
        )
    return words


def is_scan(page: pdfium.PdfPage, text: PageText, regions: list[ImageRegion]) -> bool:
    """A page with (almost) no text layer whose images cover a good part of it."""
    chars = sum(len(w.text) for w in text.words)
    if chars >= SCAN_MAX_CHARS:
        return False
    width, height = page.get_size()
    covered = sum(r.area for r in regions)
    return covered >= SCAN_MIN_COVER * width * height


def worth_reading(region: ImageRegion) -> bool:
    """An embedded image large enough to hold readable text (a screenshot, not an icon)."""
    width, height = region.bbox[2] - region.bbox[0], region.bbox[3] - region.bbox[1]
    return (
        max(width, height) >= OCR_MIN_SIDE[0]
        and min(width, height) >= OCR_MIN_SIDE[1]
        and region.area >= OCR_MIN_AREA
    )


def _ocr_region(page: pdfium.PdfPage, region: ImageRegion | BBox, dpi: float) -> list[Word]:
    resolution = min(max(dpi, OCR_DPI[0]), OCR_DPI[1])
    image, scale = render_region(page, region, resolution)
    if image is None:
        return []
    bbox = region.bbox if isinstance(region, ImageRegion) else region
    try:
        return ocr_image(image, (bbox[0], bbox[1]), scale)
    finally:
        image.close()


def _ocr_scan(page: pdfium.PdfPage, regions: list[ImageRegion]) -> list[Word]:
    """OCR a scanned page: rendered whole, or image by image when one is huge."""
    if any(r.huge for r in regions):
        return [w for r in regions for w in _ocr_region(page, r, r.dpi)]
    dpi = max((r.dpi for r in regions), default=OCR_DPI[0])
    width, height = page.get_size()
    return _ocr_region(page, (0.0, 0.0, float(width), float(height)), dpi)


def read_page(
    page: pdfium.PdfPage, number: int, *, ocr: bool = True, regions: list[ImageRegion] | None = None
) -> tuple[PageText, PageSource]:
    """The words of a page (text layer, plus OCR where needed) and where they came from."""
    text = page_words(page, number)
    if not ocr or not tesseract_available():
        return text, "text"
    regions = image_regions(page) if regions is None else regions
    if is_scan(page, text, regions):
        words = _ocr_scan(page, regions)
        return PageText(number, text.width, text.height, tuple(words), "ocr"), "ocr"
    extra: list[Word] = []
    for region in regions:
        if worth_reading(region):
            extra.extend(_ocr_region(page, region, region.dpi))
    if not extra:
        return text, "text"
    return PageText(number, text.width, text.height, text.words + tuple(extra)), "mixed"


def page_text(document: pdfium.PdfDocument, index: int, ocr: bool = True) -> PageText:
    """The words of page ``index`` (0-based) including OCR words, for the writer's text layer."""
    page = document[index]
    try:
        return read_page(page, index + 1, ocr=ocr)[0]
    finally:
        page.close()
