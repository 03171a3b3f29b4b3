"""Pictures for the sample documents: a portrait, scanned pages and a social-media screenshot.

The portrait is scikit-image's ``astronaut`` (a NASA photograph in the public domain);
scikit-image is needed only to generate samples and in tests, never by the product.
"""

from __future__ import annotations

import io
import math
import random
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

SCAN_DPI = 200
Box = list[float]


def portrait() -> Image.Image:
    """A head-and-shoulders photo, as in an e-mail signature or a profile."""
    from skimage import data  # generator-only dependency

    return Image.fromarray(data.astronaut()).crop((150, 20, 330, 220)).resize((144, 160))


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    import reportlab

    name = "VeraBd.ttf" if bold else "Vera.ttf"
    return ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / name), size)


def scan_pages(
    pdf: bytes, seed: int
) -> tuple[list[bytes], Callable[[int, list[float]], list[float]]]:
    """Render each page, tilt it slightly, add sensor noise; JPEG bytes and a box transform.

    The transform maps a box (points, top-left origin) on page n to the bounding box of
    the same region on the scanned image, in points.
    """
    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    scale = SCAN_DPI / 72
    angles: list[float] = []
    pages: list[bytes] = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        angle = rng.choice([-1, 1]) * rng.uniform(0.3, 0.7)
        angles.append(angle)
        image = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        pixels = np.asarray(image, dtype=np.int16) + noise.normal(
            0, 10, (image.height, image.width)
        )
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=45)
        pages.append(buffer.getvalue())
        width, height = image.size
    document.close()

    def transform(number: int, box: list[float]) -> list[float]:
        theta = math.radians(angles[number - 1])
        cx, cy = width / 2, height / 2
        xs, ys = [], []
        for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
            dx, dy = x * scale - cx, y * scale - cy
            # PIL rotates counter-clockwise on screen (y down)
            xs.append(cx + dx * math.cos(theta) + dy * math.sin(theta))
            ys.append(cy - dx * math.sin(theta) + dy * math.cos(theta))
        return [min(xs) / scale, min(ys) / scale, max(xs) / scale, max(ys) / scale]

    return pages, transform


_POST = [
    ("Kim Lauritsen|person_name@Kim Lauritsen", 30, True),
    ("i dag kl. 21:14 · Offentlig", 22, False),
    ("Det her er socialrådgiver {Birgitte Holm Sørensen|staff_name@BIHS}", 28, False),
    ("fra Lindholm Kommune. Hun tog mit barnebarn. DEL!!!", 28, False),
]
_COMMENTS = [
    ("{Lone Hvid|person_name@Lone Hvid}: Skam dig {Birgitte|staff_name@BIHS}", 26),
    ("{Bent Ravn|person_name@Bent Ravn}: Hun bor vist i {Viby|town@-}, ved nogen hvor?", 26),
    ("{Lone Hvid|person_name@Lone Hvid}: Ring til hende på {72 11 40 21|staff_phone@BIHS}", 26),
]


def _draw_marked(
    draw: ImageDraw.ImageDraw,
    x: float,
    y: float,
    markup: str,
    font: ImageFont.FreeTypeFont,
    marks: list[tuple[str, str, Box]],
) -> None:
    """Draw text with {text|tag} marks, recording each mark's pixel box."""
    cursor = 0
    for match in re.finditer(r"\{([^|{}]+)\|([^}]+)\}", markup):
        plain = markup[cursor : match.start()]
        draw.text((x, y), plain, font=font, fill=(28, 30, 33))
        x += draw.textlength(plain, font=font)
        text, tag = match.groups()
        draw.text((x, y), text, font=font, fill=(20, 60, 150))
        left, top, right, bottom = draw.textbbox((x, y), text, font=font)
        marks.append((text, tag, [left, top, right, bottom]))
        x += draw.textlength(text, font=font)
        cursor = match.end()
    draw.text((x, y), markup[cursor:], font=font, fill=(28, 30, 33))


def screenshot() -> tuple[Image.Image, list[tuple[str, str, Box]]]:
    """A social-media post exposing a caseworker: name, photo and comments, with item boxes."""
    image = Image.new("RGB", (1000, 860), (240, 242, 245))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((20, 20, 980, 840), radius=16, fill=(255, 255, 255))
    marks: list[tuple[str, str, Box]] = []
    draw.ellipse((50, 45, 120, 115), fill=(120, 140, 170))
    y = 50
    for index, (line, size, bold) in enumerate(_POST):
        markup = "{" + line + "}" if index == 0 else line
        _draw_marked(draw, 140 if index < 2 else 50, y, markup, _font(size, bold), marks)
        y += size + (18 if index else 10)
    photo = portrait().resize((288, 320))
    image.paste(photo, (50, y + 10))
    marks.append(("[foto]", "staff_photo@BIHS", [50, y + 10, 50 + 288, y + 330]))
    y += 350
    draw.text((50, y), "3 kommentarer", font=_font(22, True), fill=(101, 103, 107))
    y += 44
    for markup, size in _COMMENTS:
        draw.rounded_rectangle((40, y - 8, 960, y + size + 14), radius=14, fill=(240, 242, 245))
        _draw_marked(draw, 56, y, markup, _font(size), marks)
        y += size + 40
    return image, marks
