"""Every release copy is stripped of metadata, annotations, attachments, forms and scripts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import fitz  # PyMuPDF: test-only, an independent reader
import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from redaction.apply import apply_redactions
from redaction.types import Redaction

SECRET = "Birgitte Holm Sørensen"


def loaded_pdf(path: Path) -> None:
    """A two-page PDF carrying identity in every hidden place a PDF has."""
    canvas = Canvas(str(path), pagesize=(595, 842), invariant=1)
    canvas.setTitle(f"Notat af {SECRET}")
    canvas.setAuthor(SECRET)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Side et med tekst.")
    canvas.bookmarkPage("p1")
    canvas.addOutlineEntry(f"Kapitel om {SECRET}", "p1")
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Side to med tekst.")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata() as meta:
            meta["dc:creator"] = [SECRET]
        pdf.attachments["cv.txt"] = pikepdf.AttachedFileSpec(
            pdf, SECRET.encode(), mime_type="text/plain"
        )
        js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        pdf.Root.OpenAction = pdf.make_indirect(js)
        pdf.Root.AA = pikepdf.Dictionary(WC=js)
        pdf.Root.PieceInfo = pikepdf.Dictionary(App=pikepdf.Dictionary(Private=SECRET))
        field = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Widget,
                FT=pikepdf.Name.Tx,
                T=pikepdf.String("sagsbehandler"),
                V=pikepdf.String(SECRET),
                Rect=[72, 600, 300, 620],
            )
        )
        note = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Text,
                Rect=[72, 500, 92, 520],
                Contents=pikepdf.String(f"Husk at ringe til {SECRET}"),
            )
        )
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field])
        struct = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure, Alt=pikepdf.String(SECRET)
            )
        )
        pdf.Root.StructTreeRoot = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=struct)
        for page in pdf.pages:
            page.obj.Annots = pdf.make_indirect(pikepdf.Array([field, note]))
            page.obj.AA = pikepdf.Dictionary(O=js)
            page.obj.Thumb = pdf.make_stream(b"\x00" * 12, Width=2, Height=2)
            page.obj.PieceInfo = pikepdf.Dictionary(App=pikepdf.Dictionary(Private=SECRET))
        pdf.save(path)


@pytest.mark.parametrize("rebuild", [False, True], ids=["untouched", "rebuilt"])
def test_release_copy_is_sanitised(tmp_path: Path, rebuild: bool) -> None:
    src, dst = tmp_path / "in.pdf", tmp_path / "out.pdf"
    loaded_pdf(src)
    with fitz.open(src) as doc:  # the fixture really carries all of it
        assert doc.metadata["author"] == SECRET and doc.embfile_count() == 1
        assert doc.get_toc() and list(doc[0].annots())
    boxes = [Redaction(1, (72.0, 70.0, 200.0, 90.0), "manual", "x", "OFL § 30, nr. 1", "manual")]
    apply_redactions(src, dst, boxes if rebuild else [])
    raw = dst.read_bytes()
    assert SECRET.encode() not in raw
    assert b"JavaScript" not in raw and b"app.alert" not in raw
    with pikepdf.open(dst) as pdf:
        assert "/Info" not in pdf.trailer
        for key in (
            "/Metadata",
            "/OpenAction",
            "/AA",
            "/Names",
            "/AcroForm",
            "/Outlines",
            "/StructTreeRoot",
            "/PieceInfo",
        ):
            assert key not in pdf.Root, key
        for page in pdf.pages:
            for key in ("/Annots", "/AA", "/Thumb", "/PieceInfo"):
                assert key not in page.obj, key
        for obj in pdf.objects:  # every object, decompressed, including object streams
            assert SECRET not in repr(obj) and "JavaScript" not in repr(obj)
            if (
                isinstance(obj, pikepdf.Stream)
                and obj.get("/Filter") != pikepdf.Name.CCITTFaxDecode
            ):
                text = obj.read_bytes().decode("latin-1")
                assert SECRET not in text and "JavaScript" not in text
    with fitz.open(dst) as doc:
        assert not any(doc.metadata[k] for k in ("title", "author", "creator", "producer"))
        assert doc.embfile_count() == 0
        assert not doc.get_toc()
        assert not doc.is_form_pdf
        assert all(not list(page.annots()) for page in doc)
        assert not doc.xref_xml_metadata()
        assert "Side to med tekst." in doc[1].get_text()
    assert subprocess.run(["qpdf", "--check", str(dst)], capture_output=True).returncode == 0
