"""apply_redactions on hand-made boxes, checked with other libraries than the writer uses."""

from __future__ import annotations

import asyncio
import io
import subprocess
from pathlib import Path

import fitz  # PyMuPDF: test-only (AGPL), an independent reader
import numpy as np
import pdfplumber
import pikepdf
import pytest
import xray
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from redaction import burn
from redaction.apply import apply_redactions, kept_words
from redaction.source import open_document, page_words
from redaction.types import Redaction, Word

LABEL = "OFL § 9, stk. 2, nr. 2"
SECRET = ["Birgitte", "Holm", "Sørensen", "BIHS", "bihs@lindholm-kommune.dk"]


def _photo() -> Image.Image:
    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 255, (160, 160, 3), dtype=np.uint8)
    return Image.fromarray(pixels).resize((320, 320))


def make_source(path: Path) -> None:
    """Page 1: text with a staff name; page 2: untouched text; page 3: a photo."""
    canvas = Canvas(str(path), pagesize=(595, 842), invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Journalnotat. Sagsbehandler: Birgitte Holm Sørensen (BIHS).")
    canvas.drawString(72, 740, "Kontakt: bihs@lindholm-kommune.dk eller borgerservice.")
    canvas.drawString(72, 720, "Borgeren var utilfreds med afgørelsen og vil klage.")
    canvas.line(72, 700, 500, 700)
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Side to: klagevejledning uden personoplysninger.")
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Foto af medarbejderen:")
    buffer = io.BytesIO()
    _photo().save(buffer, "JPEG")
    buffer.seek(0)
    canvas.drawImage(ImageReader(buffer), 72, 500, 200, 200)
    canvas.showPage()
    canvas.save()


def redactions_for(path: Path) -> list[Redaction]:
    with open_document(path) as document:
        words = page_words(document[0], 1).words
    found = []
    for word in words:
        text = word.text.strip("().,")
        if text in SECRET:
            found.append(
                Redaction(
                    1,
                    (word.x0, word.top, word.x1, word.bottom),
                    "staff_name",
                    text,
                    LABEL,
                    "manual",
                )
            )
    # the left half of the photo: the right half stays, so the page keeps a photo
    found.append(Redaction(3, (72.0, 142.0, 172.0, 342.0), "staff_photo", "[foto]", LABEL, "face"))
    return found


@pytest.fixture(scope="module")
def redacted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Redaction]]:
    folder = tmp_path_factory.mktemp("apply")
    src, dst = folder / "source.pdf", folder / "out" / "release.pdf"
    make_source(src)
    boxes = redactions_for(src)
    assert len(boxes) == 6  # 5 words + the photo
    applied = apply_redactions(src, dst, boxes)
    assert applied.encodings == {1: "g4", 3: "jpeg-rgb"}
    assert len(applied.redactions) == len(boxes)
    return src, dst, boxes


def test_withheld_text_is_gone_for_two_independent_readers(redacted) -> None:
    _, dst, _ = redacted
    with pdfplumber.open(dst) as pdf:
        plumber = " ".join(page.extract_text() or "" for page in pdf.pages)
    with fitz.open(dst) as doc:
        mupdf = " ".join(page.get_text() for page in doc)
    raw = dst.read_bytes()
    for secret in SECRET:
        assert secret not in plumber
        assert secret not in mupdf
        assert secret.encode() not in raw
    for kept in ["Journalnotat.", "Sagsbehandler:", "borgerservice.", "utilfreds", "klage."]:
        assert kept in plumber
        assert kept in mupdf


def test_pixels_under_every_box_are_destroyed_and_labelled(redacted) -> None:
    _, dst, boxes = redacted
    zoom = 2.0
    with fitz.open(dst) as doc:
        for box in boxes:
            pix = doc[box.page - 1].get_pixmap(matrix=fitz.Matrix(zoom, zoom), colorspace="gray")
            image = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width)
            x0, top, x1, bottom = (int(v * zoom) for v in box.bbox)
            area = image[top + 2 : bottom - 1, x0 + 2 : x1 - 1]
            assert (area < 100).mean() > 0.6, box  # dark, whatever was there
    with fitz.open(dst) as doc:  # the photo box is large enough to carry its label
        pix = doc[2].get_pixmap(matrix=fitz.Matrix(zoom, zoom), colorspace="gray")
        image = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width)
        area = image[int(142 * zoom) : int(342 * zoom), int(72 * zoom) : int(172 * zoom)]
        assert 0.003 < (area > 200).mean() < 0.3  # white label text inside the black box


def test_untouched_page_keeps_its_content_stream_byte_for_byte(redacted) -> None:
    src, dst, _ = redacted
    with pikepdf.open(src) as before, pikepdf.open(dst) as after:
        assert len(before.pages) == len(after.pages) == 3
        old, new = before.pages[1].obj.Contents, after.pages[1].obj.Contents
        assert old.read_raw_bytes() == new.read_raw_bytes()
        assert old.read_bytes() == new.read_bytes()
        assert "/Font" in after.pages[1].Resources
        # a rebuilt page holds one image and the glyphless font, nothing of the old content
        rebuilt = after.pages[0]
        assert list(rebuilt.Resources.XObject.keys()) == ["/Im0"]
        assert rebuilt.Resources.XObject.Im0.Filter == pikepdf.Name.CCITTFaxDecode
        assert after.pages[2].Resources.XObject.Im0.Filter == pikepdf.Name.DCTDecode


def test_kept_words_stay_where_they_were(redacted) -> None:
    src, dst, _ = redacted
    with open_document(src) as document:
        before = {w.text: w for w in page_words(document[0], 1).words}
    with open_document(dst) as document:
        after = {w.text: w for w in page_words(document[0], 1).words}
    assert "Journalnotat." in after
    assert not set(after) & {"Birgitte", "Holm", "Sørensen", "(BIHS)."}
    for text in ("Journalnotat.", "utilfreds", "borgerservice."):
        old, new = before[text], after[text]
        assert abs(old.x0 - new.x0) < 1.5
        assert abs(old.x1 - new.x1) < 4
        assert abs(old.top - new.top) < 3


def test_xray_finds_no_bad_redaction_but_flags_a_covered_text(redacted, tmp_path) -> None:
    src, dst, _ = redacted
    assert asyncio.run(xray.inspect(dst)) == {}
    # control: a black box drawn over live text is what x-ray exists to catch
    bad = tmp_path / "bad.pdf"
    with pikepdf.open(src) as pdf:
        pdf.pages[0].contents_add(pdf.make_stream(b"q 0 g 60 755 460 18 re f Q"), prepend=False)
        pdf.save(bad)
    assert asyncio.run(xray.inspect(bad))


def test_output_opens_in_ordinary_readers(redacted, tmp_path) -> None:
    _, dst, _ = redacted
    check = subprocess.run(["qpdf", "--check", str(dst)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    render = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(dst), str(tmp_path / "page")],
        capture_output=True,
        text=True,
    )
    assert render.returncode == 0 and not render.stderr, render.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == 3


def test_failed_write_leaves_nothing_behind(tmp_path) -> None:
    src = tmp_path / "source.pdf"
    make_source(src)
    out = tmp_path / "out"
    out.mkdir()
    (out / "release.pdf").write_bytes(b"previous")
    wrong = [Redaction(9, (0.0, 0.0, 10.0, 10.0), "manual", "x", LABEL, "manual")]
    with pytest.raises(ValueError):
        apply_redactions(src, out / "release.pdf", wrong)
    assert [p.name for p in out.iterdir()] == ["release.pdf"]
    assert (out / "release.pdf").read_bytes() == b"previous"


def test_render_scale_is_bounded_for_huge_pages() -> None:
    assert burn.render_scale(595, 842) == pytest.approx(200 / 72)
    scale = burn.render_scale(14400, 14400)
    assert 14400 * 14400 * scale * scale <= burn.MAX_RENDER_PIXELS * 1.001


def test_label_shortens_to_fit_small_boxes() -> None:
    assert burn.short_label(LABEL) == "§ 9,2,2"
    assert burn.short_label("OFL § 30, nr. 1") == "§ 30,1"
    image = Image.new("L", (80, 24), 255)
    burn.burn(image, [burn.PixelBox(0, 0, 79, 23, LABEL)])
    pixels = np.asarray(image)
    assert (pixels < 100).mean() > 0.6 and (pixels > 200).any()


def test_partly_covered_words_are_not_kept() -> None:
    words = [Word("Sagsbehandler:", 0, 0, 70, 10), Word("BIHS,", 72, 0, 100, 10)]
    boxes = [Redaction(1, (72.0, 0.0, 95.0, 10.0), "staff_initials", "BIHS", LABEL, "x")]
    assert [w.text for w in kept_words(words, boxes)] == ["Sagsbehandler:"]
