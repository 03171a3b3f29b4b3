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

import contextlib
import csv
import io
import logging
import os
import shutil
import subprocess
import tempfile
import time

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


class OcrJob:
    """tesseract reading one image in a child process; ``result`` waits for its words.

    The image is written at once to a temporary uncompressed TIFF (tesseract reads a file
    ~0.1 s a page faster than the same pixels on stdin; the TIFF carries no resolution, so
    tesseract estimates it as before), so the caller can close the image. ``start`` launches
    tesseract (``result`` does so if needed) and the caller is free to do other work while
    it runs. ``close`` (also on leaving a ``with`` block) kills a process that is still
    running and removes the file: no child outlives the job.
    """

    def __init__(
        self,
        image: Image.Image,
        origin: tuple[float, float],
        scale: float,
        language: str = "dan",
    ) -> None:
        self._origin, self._scale, self._language = origin, scale, language
        self._process: subprocess.Popen[bytes] | None = None
        self._deadline = 0.0
        self._failed = False
        handle, self._path = tempfile.mkstemp(prefix="ocr-", suffix=".tif")
        os.close(handle)
        try:
            image.save(self._path, format="TIFF")
        except OSError as exc:
            logger.warning("tesseract failed: %s", exc)
            self.close()
        except BaseException:
            self.close()
            raise

    def start(self) -> None:
        """Launch tesseract (once; a no-op when running, finished or failed)."""
        if self._process is not None or self._failed:
            return
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        self._deadline = time.monotonic() + TESSERACT_TIMEOUT
        try:
            self._process = subprocess.Popen(
                ["tesseract", self._path, "stdout", "-l", self._language, "--psm", "3", "tsv"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        except OSError as exc:
            logger.warning("tesseract failed: %s", exc)
            self.close()

    @property
    def running(self) -> bool:
        """True when tesseract was started and has not been waited for."""
        return self._process is not None

    def result(self) -> list[Word]:
        """The words read, boxes in page points ([] when tesseract failed or timed out)."""
        self.start()
        process = self._process
        if process is None:
            return []
        try:
            remaining = max(self._deadline - time.monotonic(), 0.0)
            try:
                stdout, stderr = process.communicate(timeout=remaining)
            except subprocess.TimeoutExpired as exc:
                logger.warning("tesseract failed: %s", exc)
                return []
        finally:
            self.close()
        if process.returncode != 0:
            logger.warning("tesseract failed: %s", stderr.decode(errors="replace")[:300])
            return []
        return parse_tsv(stdout.decode("utf-8", errors="replace"), self._origin, self._scale)

    def close(self) -> None:
        """Kill tesseract if it is still running and remove the temporary image."""
        self._failed = True  # nothing (more) to read: start is a no-op from now on
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.kill()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
            process.wait()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)

    def __enter__(self) -> OcrJob:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ocr_image(
    image: Image.Image, origin: tuple[float, float], scale: float, language: str = "dan"
) -> list[Word]:
    """Words tesseract reads in ``image``, with boxes mapped back to page points.

    ``origin`` is the page position (points) of the image's top-left corner and ``scale``
    its pixels per point.
    """
    with OcrJob(image, origin, scale, language) as job:
        return job.result()


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


def _prepare_region(page: pdfium.PdfPage, region: ImageRegion | BBox, dpi: float) -> OcrJob | None:
    """Render a region for tesseract (not started yet); the rendered image is not kept."""
    resolution = min(max(dpi, OCR_DPI[0]), OCR_DPI[1])
    image, scale = render_region(page, region, resolution)
    if image is None:
        return None
    bbox = region.bbox if isinstance(region, ImageRegion) else region
    try:
        return OcrJob(image, (bbox[0], bbox[1]), scale)
    finally:
        image.close()


def _ocr_region(page: pdfium.PdfPage, region: ImageRegion | BBox, dpi: float) -> list[Word]:
    job = _prepare_region(page, region, dpi)
    if job is None:
        return []
    with job:
        return job.result()


def _scan_targets(
    page: pdfium.PdfPage, regions: list[ImageRegion]
) -> list[tuple[ImageRegion | BBox, float]]:
    """What to OCR on a scanned page: the whole page, or image by image when one is huge."""
    if any(r.huge for r in regions):
        return [(r, r.dpi) for r in regions]
    dpi = max((r.dpi for r in regions), default=OCR_DPI[0])
    width, height = page.get_size()
    return [((0.0, 0.0, float(width), float(height)), dpi)]


def _ocr_scan(page: pdfium.PdfPage, regions: list[ImageRegion]) -> list[Word]:
    """OCR a scanned page: rendered whole, or image by image when one is huge."""
    return [
        w for region, dpi in _scan_targets(page, regions) for w in _ocr_region(page, region, dpi)
    ]


class PageReading:
    """The words of one page, its first OCR rendered and (once started) running meanwhile.

    Made by ``start_reading``; ``start`` launches tesseract on the first region, ``finish``
    (while the page is open) waits for the page's words and source, ``close`` abandons it.
    One tesseract process per reading, and the regions are read in page order, so the
    result is the same as reading them in turn.
    """

    def __init__(
        self,
        page: pdfium.PdfPage,
        text: PageText,
        source: PageSource,
        targets: list[tuple[ImageRegion | BBox, float]],
    ) -> None:
        self._page, self._text, self._source = page, text, source
        self._targets = targets
        self._job = _prepare_region(page, *targets[0]) if targets else None

    def start(self) -> None:
        """Launch tesseract on the first region to read (a no-op when there is none)."""
        if self._job is not None:
            self._job.start()

    @property
    def running(self) -> bool:
        """True while a tesseract process of this reading may be using a core."""
        return self._job is not None and self._job.running

    def finish(self) -> tuple[PageText, PageSource]:
        """The page's words (text layer plus OCR) and where they came from."""
        words: list[Word] = []
        try:
            if self._job is not None:
                words.extend(self._job.result())
            for region, dpi in self._targets[1:]:
                words.extend(_ocr_region(self._page, region, dpi))
        finally:
            self.close()
        text = self._text
        if self._source == "ocr":
            return PageText(text.number, text.width, text.height, tuple(words), "ocr"), "ocr"
        if not words:
            return text, "text"
        return PageText(text.number, text.width, text.height, text.words + tuple(words)), "mixed"

    def close(self) -> None:
        """Stop a running OCR process."""
        job, self._job = self._job, None
        if job is not None:
            job.close()

    def __enter__(self) -> PageReading:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_reading(
    page: pdfium.PdfPage,
    number: int,
    *,
    ocr: bool = True,
    regions: list[ImageRegion] | None = None,
    start: bool = True,
) -> PageReading:
    """Read a page's text layer and render what needs OCR; tesseract is launched now, or
    with ``start=False`` on the reading's ``start``/``finish``. ``finish`` gives the words.
    """
    text = page_words(page, number)
    if not ocr or not tesseract_available():
        return PageReading(page, text, "text", [])
    regions = image_regions(page) if regions is None else regions
    if is_scan(page, text, regions):
        reading = PageReading(page, text, "ocr", _scan_targets(page, regions))
    else:
        targets: list[tuple[ImageRegion | BBox, float]] = [
            (region, region.dpi) for region in regions if worth_reading(region)
        ]
        reading = PageReading(page, text, "text", targets)
    if start:
        try:
            reading.start()
        except BaseException:
            reading.close()
            raise
    return reading


def read_page(
    page: pdfium.PdfPage, number: int, *, ocr: bool = True, regions: list[ImageRegion] | None = None
) -> tuple[PageText, PageSource]:
    """The words of a page (text layer, plus OCR where needed) and where they came from."""
    with start_reading(page, number, ocr=ocr, regions=regions) as reading:
        return reading.finish()


def page_text(document: pdfium.PdfDocument, index: int, ocr: bool = True) -> PageText:
    """The words of page ``index`` (0-based) including OCR words, for the writer's text layer."""
    page = document[index]
    try:
        return read_page(page, index + 1, ocr=ocr)[0]
    finally:
        page.close()
