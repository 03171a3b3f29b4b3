"""OCR: scanned pages and text inside embedded images (tesseract, Danish model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from redaction.analyze import analyze
from redaction.images import ImageRegion, render_region
from redaction.ocr import parse_tsv
from redaction.source import open_document
from tests.redaction.detection_support import BIHS_BASIS, FONT, image_pdf, policy

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed"
)


def text_image(lines: list[str], size: tuple[int, int], font_px: int = 34) -> Image.Image:
    """White paper with black text, like a 200 dpi scan."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_px)
    for row, line in enumerate(lines):
        draw.text((80, 80 + row * font_px * 2), line, fill=0, font=font)
    return image


def test_parse_tsv_maps_pixels_to_points() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
        "\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t100\t200\t300\t40\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t100\t200\t300\t40\t91.5\tBirgitte\n"
        "5\t1\t1\t1\t1\t2\t420\t200\t10\t40\t-1\t \n"
    )
    (word,) = parse_tsv(tsv, origin=(50.0, 60.0), scale=2.0)
    assert word.text == "Birgitte"
    assert (word.x0, word.top, word.x1, word.bottom) == (100.0, 160.0, 250.0, 180.0)


@needs_tesseract
def test_scanned_page_is_read(tmp_path: Path) -> None:
    scan = text_image(
        [
            "Journalnotat",
            "Sagsbehandler: Birgitte Holm Sørensen",
            "Borgeren Aisha Khan, cpr 120385-4321, ringede.",
            "Mail: bihs@lindholm-kommune.dk",
        ],
        (1654, 2339),
    )
    pdf = image_pdf(tmp_path / "scan.pdf", scan, (0, 0, 595, 842))
    analysis = analyze(pdf, policy())
    assert analysis.page_sources == ["ocr"]
    found = {r.text: (r.category, r.legal_basis) for r in analysis.proposals}
    assert found["Birgitte Holm Sørensen"] == ("staff_name", BIHS_BASIS)
    assert found["120385-4321"][0] == "cpr"
    assert found["Aisha Khan"][0] == "person_name"
    assert any(c == "staff_email" for c, _ in found.values())
    assert 1 in analysis.page_texts and analysis.page_texts[1].words
    name = next(r for r in analysis.proposals if r.text == "Birgitte Holm Sørensen")
    assert 100 < name.bbox[0] < 200 and 30 < name.bbox[1] < 70  # where it was drawn


@needs_tesseract
def test_screenshot_on_a_text_page_is_read(tmp_path: Path) -> None:
    post = text_image(
        ["Se hende her: Birgitte Holm Sørensen", "hun er socialrådgiver"], (1100, 300), font_px=30
    )
    pdf = image_pdf(
        tmp_path / "post.pdf",
        post,
        (60, 300, 500, 420),
        lines=[
            (60, 100, "Bilag 3: skærmbillede af opslag på Facebook, modtaget 2. oktober."),
            (60, 120, "Opslaget er gengivet herunder, som det blev vist på siden."),
        ],
    )
    analysis = analyze(pdf, policy())
    assert analysis.page_sources == ["mixed"]
    names = [r for r in analysis.proposals if r.category == "staff_name"]
    assert names and all(300 <= r.bbox[1] <= 420 for r in names)


def test_huge_image_is_decoded_small(tmp_path: Path) -> None:
    """A 12,000 x 12,000 px image is read from its own data at a small size."""
    import zlib

    import pikepdf

    side = 12_000
    pdf = pikepdf.new()
    packer = zlib.compressobj(6)
    data = b"".join(packer.compress(bytes([200]) * side * 500) for _ in range(side // 500))
    image = pikepdf.Stream(pdf, data + packer.flush())
    for key, value in {
        "/Type": pikepdf.Name.XObject,
        "/Subtype": pikepdf.Name.Image,
        "/Width": side,
        "/Height": side,
        "/BitsPerComponent": 8,
        "/ColorSpace": pikepdf.Name.DeviceGray,
        "/Filter": pikepdf.Name.FlateDecode,
    }.items():
        image[key] = value
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
        Contents=pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
    )
    pdf.pages.append(pikepdf.Page(page))
    path = tmp_path / "huge.pdf"
    pdf.save(path)
    from redaction.images import image_regions

    with open_document(path) as document:
        page_ = document[0]
        (region,) = image_regions(page_)
        assert isinstance(region, ImageRegion) and region.huge
        small, scale = render_region(page_, region, 150)
        page_.close()
    assert small is not None
    assert small.width * small.height <= 4_000_000
    assert small.getpixel((10, 10)) == 200
    assert scale == pytest.approx(small.width / 595, rel=0.01)
