"""Bad input: one clear Danish line per bad file, the other files processed, nothing half-written.

The files are made cheaply at test time: the 1,000-page file repeats one small page, the
20,000 x 20,000 px image is a 1-bit Flate stream of zeros (about 50 KB).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from app.cli import main
from redaction.errors import CorruptPdfError, EncryptedPdfError, NotAPdfError, TooLargeError
from redaction.pipeline import check_image_sizes
from redaction.source import check_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "data"
REQUEST = SAMPLES / "requests" / "ofl-elevated-skaeldsord.json"


def _text_pdf(path: Path, pages: int = 1) -> Path:
    """Page 1 names a caseworker; any further pages repeat one page without names."""
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Sagsbehandler: Birgitte Holm Sørensen. Borgeren er vred.")
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Borgeren er vred over afgørelsen og vil klage.")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for _ in range(pages - 2):
            pdf.pages.append(pdf.pages[1])
        if pages == 1:
            del pdf.pages[1]
        pdf.save(path)
    return path


def make_bad_files(folder: Path) -> dict[str, str]:
    """Write the bad files; return file name -> words its error line must contain."""
    good = _text_pdf(folder / "god.pdf")
    with pikepdf.open(good) as pdf:
        pdf.save(folder / "krypteret.pdf", encryption=pikepdf.Encryption(owner="a", user="b"))
        empty = pikepdf.new()
        empty.save(folder / "ingen-sider.pdf")
    (folder / "beskadiget.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (folder / "tom.pdf").write_bytes(b"")
    jpeg = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(jpeg, "JPEG")
    (folder / "foto.pdf").write_bytes(jpeg.getvalue())
    with zipfile.ZipFile(folder / "dokument.pdf", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    huge = pikepdf.new()
    huge.add_blank_page(page_size=(595, 842))
    image = pikepdf.Stream(
        huge,
        zlib.compress(b"\x00" * (2500 * 20000), 1),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=20000,
        Height=20000,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=1,
        Filter=pikepdf.Name.FlateDecode,
    )
    huge.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    huge.pages[0].Contents = huge.make_stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    huge.save(folder / "kaempebillede.pdf")
    return {
        "krypteret.pdf": "adgangskode",
        "ingen-sider.pdf": "ingen sider",
        "beskadiget.pdf": "beskadiget",
        "tom.pdf": "tom",
        "foto.pdf": "JPEG",
        "dokument.pdf": "ZIP",
        "kaempebillede.pdf": "20.000 × 20.000 px",
    }


def test_check_pdf_names_each_problem(tmp_path: Path) -> None:
    make_bad_files(tmp_path)
    cases = {
        "krypteret.pdf": EncryptedPdfError,
        "ingen-sider.pdf": CorruptPdfError,
        "beskadiget.pdf": CorruptPdfError,
        "foto.pdf": NotAPdfError,
        "dokument.pdf": NotAPdfError,
    }
    for name, error in cases.items():
        with pytest.raises(error) as info:
            check_pdf(tmp_path / name)
        assert str(info.value).startswith(f"{name}: ")
    with pytest.raises(TooLargeError):
        check_image_sizes(tmp_path / "kaempebillede.pdf")


@pytest.mark.slow
def test_cli_reports_each_bad_file_and_processes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = make_bad_files(inputs)
    _text_pdf(inputs / "tusind-sider.pdf", pages=1000)
    scan = inputs / "scannet.pdf"
    Image.new("L", (850, 1100), 255).save(scan, "PDF", resolution=100)  # image-only page
    out = tmp_path / "out"
    files = [str(p) for p in sorted(inputs.iterdir())]
    code = main(
        [
            "redact",
            *files,
            "--staff",
            str(SAMPLES / "staff.csv"),
            "--request",
            str(REQUEST),
            "--out-dir",
            str(out),
        ]
    )
    assert code == 1  # some files failed; the rest are written
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == len(expected), lines
    for name, words in expected.items():
        line = next(line for line in lines if f"/{name}:" in line)
        assert line.startswith("aktindsigt: ") and words in line, line
        assert not (out / name).exists()
    written = sorted(p.name for p in out.iterdir())
    assert written == ["aktliste.pdf", "god.pdf", "report.json", "scannet.pdf", "tusind-sider.pdf"]
    with pikepdf.open(out / "tusind-sider.pdf") as pdf:
        assert len(pdf.pages) == 1000
