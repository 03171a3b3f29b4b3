"""Rasterise a page, destroy the pixels under each box and print the legal basis in it.

Boxes arrive in device pixels of the rendered page. Each box is filled solid black (the
pixels are overwritten, not covered) and its label is printed in white, shrunk, wrapped
or shortened until it fits.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw, ImageFont, TiffImagePlugin

DEFAULT_DPI = 200
MAX_RENDER_PIXELS = 40_000_000  # ~6,300 x 6,300 px; a rendered page never exceeds this
MIN_LABEL_PX = 9  # smallest label glyph height still legible when zoomed
Encoding = Literal["g4", "jpeg-gray", "jpeg-rgb"]


@dataclass(frozen=True)
class PixelBox:
    """A box to burn, in device pixels (x0, y0, x1, y1), with its label."""

    x0: int
    y0: int
    x1: int
    y1: int
    label: str


def render_scale(width_pt: float, height_pt: float, dpi: int = DEFAULT_DPI) -> float:
    """Pixels per point for ``dpi``, lowered so a page never exceeds MAX_RENDER_PIXELS."""
    scale = dpi / 72.0
    pixels = width_pt * height_pt * scale * scale
    if pixels > MAX_RENDER_PIXELS:
        scale *= (MAX_RENDER_PIXELS / pixels) ** 0.5
    return scale


def page_has_images(page: pdfium.PdfPage) -> bool:
    """True when the page draws at least one raster image (photo, scan, logo)."""
    objects = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)
    return next(iter(objects), None) is not None


def render(page: pdfium.PdfPage, scale: float, *, colour: bool) -> Image.Image:
    """The page as a PIL image (RGB or L), without annotations or form widgets."""
    bitmap = page.render(scale=scale, grayscale=not colour, draw_annots=False, may_draw_forms=False)
    try:
        image = bitmap.to_pil()
        return image.convert("RGB" if colour else "L")
    finally:
        bitmap.close()


def choose_encoding(image: Image.Image, *, has_images: bool = True) -> Encoding:
    """Pick the page image's encoding by measuring it.

    Text and line art become 1-bit CCITT G4: a tenth of the size of JPEG and sharper.
    Anti-aliased text has mid-tones only along glyph edges, so the page is measured in
    blocks of 8 x 8 px: a block that is mostly mid-tone is photographic. Pages with such
    blocks (photos, grey scans) become JPEG, in colour only where the page has colour.
    Pages that draw no raster image are text and vectors: G4 without measuring.
    """
    if not has_images:
        return "g4"
    grey = np.asarray(image.convert("L") if image.mode != "L" else image)
    rows, cols = grey.shape[0] // 8 * 8, grey.shape[1] // 8 * 8
    midtone = (grey[:rows, :cols] > 48) & (grey[:rows, :cols] < 208)
    blocks = midtone.reshape(rows // 8, 8, cols // 8, 8).mean(axis=(1, 3))
    if float(np.count_nonzero(blocks > 0.5)) / max(blocks.size, 1) < 0.005:
        return "g4"
    if image.mode == "RGB":
        rgb = np.asarray(image, dtype=np.int16)[::8, ::8]
        chroma = np.abs(rgb[..., 0] - rgb[..., 1]) + np.abs(rgb[..., 1] - rgb[..., 2])
        if float(np.count_nonzero(chroma > 40)) / max(chroma.size, 1) > 0.002:
            return "jpeg-rgb"
    return "jpeg-gray"


@functools.lru_cache(maxsize=64)
def _label_font_path() -> str | None:
    # Bitstream Vera Sans Bold ships inside reportlab (a product dependency) and has every
    # glyph a label needs (§, æ, ø, å); Pillow's built-in font lacks "§".
    spec = importlib.util.find_spec("reportlab")
    if spec and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "VeraBd.ttf"
        if path.exists():
            return str(path)
    return None


@functools.lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _label_font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def short_label(label: str) -> str:
    """A compact form of a legal basis: 'OFL § 9, stk. 2, nr. 2' -> '§ 9,2,2'."""
    match = re.search(r"§\s*[\w ,.]*", label)
    if not match:
        return label.split()[0] if label.split() else "§"
    core = re.sub(r"\b(stk|nr|litra)\.?\s*", "", match.group(0))
    return re.sub(r"\s*,\s*", ",", core).strip(" ,.")


def _text_size(draw: ImageDraw.ImageDraw, text: str, size: int) -> tuple[int, int]:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=_font(size))
    return int(right - left), int(bottom - top)


def _fit(
    draw: ImageDraw.ImageDraw, label: str, width: int, height: int
) -> tuple[list[str], int] | None:
    """The largest legible size at which some form of the label fits the box."""
    parts = label.split(", ", 1)
    candidates: list[list[str]] = [[label]]
    if len(parts) == 2:
        candidates.append([parts[0] + ",", parts[1]])
    candidates += [[short_label(label)], ["§"]]
    for lines in candidates:
        size = min(int(height * 0.75 / len(lines)), 48)
        while size >= MIN_LABEL_PX:
            sizes = [_text_size(draw, line, size) for line in lines]
            if max(w for w, _ in sizes) <= width - 2 and sum(h for _, h in sizes) <= height:
                return lines, size
            size -= max(1, size // 8)
    return None


def burn(image: Image.Image, boxes: Sequence[PixelBox]) -> None:
    """Overwrite every box with black in place and print its label in white."""
    draw = ImageDraw.Draw(image)
    black = (0, 0, 0) if image.mode == "RGB" else 0
    white = (255, 255, 255) if image.mode == "RGB" else 255
    for box in boxes:
        draw.rectangle((box.x0, box.y0, box.x1, box.y1), fill=black)
    for box in boxes:
        fitted = _fit(draw, box.label, box.x1 - box.x0, box.y1 - box.y0)
        if fitted is None:
            continue
        lines, size = fitted
        line_height = (box.y1 - box.y0) / len(lines)
        for index, line in enumerate(lines):
            centre = (
                (box.x0 + box.x1) / 2,
                box.y0 + line_height * (index + 0.5),
            )
            draw.text(centre, line, font=_font(size), fill=white, anchor="mm")


def _g4_bytes(image: Image.Image) -> bytes:
    bilevel = image.convert("L").point(lambda v: 255 if v >= 160 else 0).convert("1")
    buffer = io.BytesIO()
    bilevel.save(buffer, "TIFF", compression="group4", tiffinfo={278: bilevel.height})
    tiff = Image.open(io.BytesIO(buffer.getvalue()))
    assert isinstance(tiff, TiffImagePlugin.TiffImageFile)
    offsets, counts = tiff.tag_v2[273], tiff.tag_v2[279]
    data = buffer.getvalue()
    return b"".join(data[o : o + c] for o, c in zip(offsets, counts, strict=True))


def image_xobject(pdf: pikepdf.Pdf, image: Image.Image, encoding: Encoding) -> pikepdf.Stream:
    """The burnt page image as an image XObject in ``pdf``."""
    common: dict[str, object] = {
        "Type": pikepdf.Name.XObject,
        "Subtype": pikepdf.Name.Image,
        "Width": image.width,
        "Height": image.height,
    }
    if encoding == "g4":
        parms = pikepdf.Dictionary(K=-1, Columns=image.width, Rows=image.height, BlackIs1=True)
        return pikepdf.Stream(
            pdf,
            _g4_bytes(image),
            **common,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=1,
            Filter=pikepdf.Name.CCITTFaxDecode,
            DecodeParms=parms,
        )
    mode = "RGB" if encoding == "jpeg-rgb" else "L"
    buffer = io.BytesIO()
    image.convert(mode).save(buffer, "JPEG", quality=75, optimize=True)
    space = pikepdf.Name.DeviceRGB if mode == "RGB" else pikepdf.Name.DeviceGray
    return pikepdf.Stream(
        pdf,
        buffer.getvalue(),
        **common,
        ColorSpace=space,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
    )
