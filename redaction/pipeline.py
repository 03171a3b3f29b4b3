"""One document end to end: check the input, find what to withhold, write the release copy."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pikepdf

from redaction.apply import apply_redactions
from redaction.errors import RedactionError, TooLargeError
from redaction.policy import Policy
from redaction.source import check_pdf
from redaction.types import DocumentReport, PageText, Redaction

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
MAX_IMAGE_PIXELS = 150_000_000  # a 600 dpi A3 scan is 70 MP; beyond this is a decompression bomb


def _images(
    resources: object, seen: set[tuple[int, int]], depth: int = 0
) -> Iterator[pikepdf.Stream]:
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(xobjects, pikepdf.Dictionary) or depth > 8:
        return
    for _, xobject in xobjects.items():
        if not isinstance(xobject, pikepdf.Stream) or xobject.objgen in seen:
            continue
        if xobject.objgen != (0, 0):
            seen.add(xobject.objgen)
        if xobject.get("/Subtype") == pikepdf.Name.Image:
            yield xobject
        elif xobject.get("/Subtype") == pikepdf.Name.Form:
            yield from _images(xobject.get("/Resources"), seen, depth + 1)


def check_image_sizes(src: Path, max_pixels: int = MAX_IMAGE_PIXELS) -> None:
    """Refuse a PDF with an image too large to decode safely (dictionary check, no decoding)."""
    seen: set[tuple[int, int]] = set()
    with pikepdf.open(src) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for image in _images(page.obj.get("/Resources"), seen):
                width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
                if width * height > max_pixels:
                    raise TooLargeError(
                        f"side {number} indeholder et billede på {width:,} × {height:,} px "
                        f"({width * height // 1_000_000} megapixel); grænsen er "
                        f"{max_pixels // 1_000_000} megapixel".replace(",", "."),
                        filename=src.name,
                    )


def _page_texts(analysis: object) -> Mapping[int, PageText] | None:
    """The analysis's page words (incl. OCR) if it exposes them, keyed by page number."""
    pages = getattr(analysis, "page_texts", None)
    if isinstance(pages, Mapping):
        return pages
    if isinstance(pages, list | tuple) and all(isinstance(p, PageText) for p in pages):
        return {p.number: p for p in pages}
    return None


def redact_file(
    src: Path,
    dst: Path,
    policy: Policy,
    *,
    progress: Progress | None = None,
    output_name: str | None = None,
) -> DocumentReport:
    """Check ``src``, detect what ``policy`` withholds and write the release copy to ``dst``.

    Raises a RedactionError subclass (Danish message naming the problem) for bad input;
    ``dst`` is then not written. The report's status is ``full`` when nothing was withheld,
    else ``partial``.
    """
    from redaction.analyze import analyze

    info = check_pdf(src)
    check_image_sizes(src)
    analysis = analyze(src, policy, progress=progress, ocr=True)
    proposals: list[Redaction] = list(analysis.proposals)
    proposals = apply_redactions(src, dst, proposals, page_texts=_page_texts(analysis)).redactions
    log.info("%s: %d pages, %d redactions", src.name, info.pages, len(proposals))
    return DocumentReport(
        source=src.name,
        output=output_name or dst.name,
        pages=info.pages,
        status="partial" if proposals else "full",
        redactions=proposals,
    )


def withheld_report(src: Path, reason: str = "") -> DocumentReport:
    """The report entry of a document that is not released at all (refusal, or bad input)."""
    pages = 0
    try:
        pages = check_pdf(src).pages
    except RedactionError:
        pages = 0  # the page count is informative only
    return DocumentReport(
        source=src.name, output="", pages=pages, status="withheld", error=reason or None
    )
