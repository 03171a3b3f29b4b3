"""Photos inside larger images (a post in a screenshot) and whose photo it is."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from redaction.detection.classify import Spot
from redaction.detection.outcome import Outcome
from redaction.detection.photos import owner_of
from redaction.faces import Face, find_faces
from redaction.images import image_regions
from tests.redaction.detection_support import FONT, image_pdf

skimage_data = pytest.importorskip("skimage.data")
SHOT_BOX = (60.0, 120.0, 540.0, 504.0)  # a 1000 x 800 px screenshot at 0.48 pt/px
SCALE = 0.48


def screenshot(photo_at: tuple[int, int], size: tuple[int, int]) -> Image.Image:
    """A post on a flat grey page: text lines, a photo, comment panels."""
    image = Image.new("RGB", (1000, 800), (240, 242, 245))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((20, 20, 980, 780), radius=16, fill=(255, 255, 255))
    font = ImageFont.truetype(FONT, 26)
    draw.text((50, 40), "Opslag om en medarbejder i kommunen", font=font, fill=(30, 30, 30))
    draw.text((50, 80), "Del det her med alle jeres venner!!!", font=font, fill=(30, 30, 30))
    face = Image.fromarray(skimage_data.astronaut()).crop((150, 20, 330, 220)).resize(size)
    image.paste(face, photo_at)
    for row in range(3):
        top = 560 + row * 70
        draw.rounded_rectangle((40, top, 960, top + 50), radius=14, fill=(240, 242, 245))
        draw.text((56, top + 10), "En kommentar under opslaget", font=font, fill=(30, 30, 30))
    return image


def _points(box: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
    return (
        SHOT_BOX[0] + box[0] * SCALE,
        SHOT_BOX[1] + box[1] * SCALE,
        SHOT_BOX[0] + box[2] * SCALE,
        SHOT_BOX[1] + box[3] * SCALE,
    )


@pytest.mark.parametrize(
    ("photo_at", "size"),
    [((50, 140), (300, 340)), ((400, 150), (260, 300)), ((620, 130), (320, 380))],
)
def test_photo_inside_a_screenshot_is_withheld_alone(
    tmp_path: Path, photo_at: tuple[int, int], size: tuple[int, int]
) -> None:
    pdf = image_pdf(tmp_path / "opslag.pdf", screenshot(photo_at, size), SHOT_BOX)
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        (face,) = find_faces(page, image_regions(page))
    finally:
        document.close()
    photo = _points((photo_at[0], photo_at[1], photo_at[0] + size[0], photo_at[1] + size[1]))
    assert face.bbox == pytest.approx(photo, abs=2.0)  # the photo, not the whole screenshot
    assert face.region == pytest.approx(SHOT_BOX, abs=0.5)


STAFF = Outcome("BIHS", "staff_photo", "OFL § 9, stk. 2, nr. 2")
COMMENTER = Outcome("Lone Hvid", "person_name", "OFL § 30, nr. 1")
PHOTO = (100.0, 240.0, 220.0, 390.0)


@pytest.mark.parametrize(
    ("spots", "owner"),
    [
        # the caption above beats a commenter's name just below
        ([((250, 195, 400, 206), STAFF), ((100, 420, 150, 430), COMMENTER)], "BIHS"),
        ([((100, 395, 150, 405), COMMENTER), ((250, 160, 400, 172), STAFF)], "BIHS"),
        # a name beside the photo (a signature) beats a line far above it
        ([((230, 300, 330, 312), STAFF), ((100, 200, 200, 210), COMMENTER)], "BIHS"),
        # below it only when nobody is named above or beside it
        ([((100, 420, 150, 430), COMMENTER)], "Lone Hvid"),
        # out of reach: nobody
        ([((100, 700, 150, 710), COMMENTER)], None),
    ],
)
def test_photo_owner_is_named_beside_or_above(
    spots: list[tuple[tuple[float, float, float, float], Outcome]], owner: str | None
) -> None:
    face = Face(PHOTO, (130.0, 270.0, 190.0, 330.0), (60.0, 120.0, 540.0, 504.0))
    found = owner_of(face, [Spot([box], outcome, name=outcome.person) for box, outcome in spots])
    assert (found.spot.name if found.spot else None) == owner
