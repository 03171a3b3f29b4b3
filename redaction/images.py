"""Images placed on a page, rendered for OCR and face detection at a bounded resolution.

pdfium decodes an image at full size before it scales it, whatever the render resolution
(a 20,000 x 20,000 px grey image costs ~475 MB, a colour one three times that). Images
above ``HUGE_PIXELS`` are therefore never rendered: their compressed data is decoded
small by this module (JPEG at 1/8 scale with Pillow's draft mode; Flate rows streamed and
subsampled), or skipped with a warning when the format allows neither.
"""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from redaction.types import BBox

logger = logging.getLogger(__name__)

HUGE_PIXELS = 36_000_000  # images above this are decoded small here, not by pdfium
MAX_PIXELS = 24_000_000  # a rendered region never exceeds this


@dataclass(frozen=True)
class ImageRegion:
    """An image placed on a page: its box in points (top-left origin) and its pixel size.

    ``raw`` and ``filters`` hold the compressed data of a huge image (else empty).
    """

    bbox: BBox
    px_size: tuple[int, int]
    raw: bytes = b""
    filters: tuple[str, ...] = ()
    components: int = 1

    @property
    def area(self) -> float:
        """Area in square points."""
        return max(self.bbox[2] - self.bbox[0], 0.0) * max(self.bbox[3] - self.bbox[1], 0.0)

    @property
    def huge(self) -> bool:
        """True when the image is too large to let pdfium decode it."""
        return self.px_size[0] * self.px_size[1] > HUGE_PIXELS

    @property
    def dpi(self) -> float:
        """The image's own resolution on the page (pixels per inch, the smaller axis)."""
        width, height = self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1]
        if width <= 0 or height <= 0:
            return 72.0
        return min(self.px_size[0] / width, self.px_size[1] / height) * 72.0


def _region(obj: pdfium.PdfObject, page_size: tuple[float, float]) -> ImageRegion | None:
    width, height = page_size
    try:
        left, bottom, right, top = obj.get_bounds()
        px_w, px_h = obj.get_px_size()
    except pdfium.PdfiumError:
        return None
    box = (max(left, 0.0), max(height - top, 0.0), min(right, width), min(height - bottom, height))
    if box[2] - box[0] < 1 or box[3] - box[1] < 1:
        return None
    region = ImageRegion(box, (int(px_w), int(px_h)))
    if not region.huge:
        return region
    bits = int(obj.get_metadata().bits_per_pixel)
    components = bits // 8 if bits % 8 == 0 else 0  # 0: not byte-aligned, cannot stream
    raw = bytes(obj.get_data(decode_simple=False))
    return ImageRegion(box, region.px_size, raw, tuple(obj.get_filters()), components)


def image_regions(page: pdfium.PdfPage) -> list[ImageRegion]:
    """Every image object on the page (also inside form XObjects), clipped to the page."""
    size = page.get_size()
    regions: list[ImageRegion] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        region = _region(obj, size)
        if region is not None:
            regions.append(region)
    return regions


def _decode_flate(region: ImageRegion, step: int) -> Image.Image | None:
    """Stream-decompress a Flate image, keeping every ``step``-th row and column (grey)."""
    width, height = region.px_size
    row_bytes = width * region.components
    chunk = row_bytes * step
    decompressor = zlib.decompressobj()
    rows: list[np.ndarray] = []
    buffer = bytearray()
    data = region.raw
    while data or len(buffer) >= chunk:
        if len(buffer) < chunk and data:
            buffer += decompressor.decompress(data, chunk * 4)
            data = decompressor.unconsumed_tail
            if not data and not decompressor.eof:
                buffer += decompressor.flush()
            continue
        if len(buffer) < chunk:
            break
        row = np.frombuffer(bytes(buffer[:row_bytes]), dtype=np.uint8)
        rows.append(row.reshape(width, region.components)[::step, 0].copy())
        del buffer[:chunk]
    if len(buffer) >= row_bytes:
        row = np.frombuffer(bytes(buffer[:row_bytes]), dtype=np.uint8)
        rows.append(row.reshape(width, region.components)[::step, 0].copy())
    if len(rows) < height // step:
        return None
    return Image.fromarray(np.stack(rows), mode="L")


def _decode_huge(region: ImageRegion, scale: float) -> Image.Image | None:
    """A small grey copy of a huge image, or None when its format cannot be read small."""
    target = max(int(region.px_size[0] * scale), 1)
    step = max(region.px_size[0] // target, 1)
    if region.filters == ("DCTDecode",):
        image = Image.open(io.BytesIO(region.raw))
        image.draft("L", (region.px_size[0] // 8, region.px_size[1] // 8))
        return image.convert("L")
    if region.filters == ("FlateDecode",) and region.components:
        return _decode_flate(region, step)
    logger.warning(
        "a %dx%d px image (%s) is too large to read; skipped",
        region.px_size[0],
        region.px_size[1],
        "/".join(region.filters) or "raw",
    )
    return None


def render_region(
    page: pdfium.PdfPage, region: ImageRegion | BBox, dpi: float, max_pixels: int = MAX_PIXELS
) -> tuple[Image.Image | None, float]:
    """Render a page region in grey at ``dpi`` (lowered to stay under ``max_pixels``).

    Returns the image and its scale (pixels per point); a huge image is decoded small from
    its own data instead (None when that is impossible).
    """
    bbox = region.bbox if isinstance(region, ImageRegion) else region
    x0, top, x1, bottom = bbox
    area = max((x1 - x0) * (bottom - top), 1.0)
    scale = min(dpi / 72.0, (max_pixels / area) ** 0.5)
    if isinstance(region, ImageRegion) and region.huge:
        image = _decode_huge(region, scale * 72.0 / region.dpi)
        if image is None:
            return None, scale
        return image, image.width / max(x1 - x0, 1.0)
    width, height = page.get_size()
    bitmap = page.render(scale=scale, crop=(x0, height - bottom, width - x1, top), grayscale=True)
    try:
        return bitmap.to_pil().convert("L"), scale
    finally:
        bitmap.close()
