"""Small synthetic PDFs and policies for the detection tests (invented people only)."""

from __future__ import annotations

import csv
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from redaction.policy import Policy, PrivatePerson, StaffMember

ROOT = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BIHS_BASIS = "OFL § 9, stk. 2, nr. 2"
REQUESTER = PrivatePerson(
    "Jens Hansen", "010170-1234", "Vestergade 12, 8000 Aarhus C", "29 11 22 33", "jens@example.dk"
)
PARTY = PrivatePerson(
    "Lise Mortensen",
    "020280-2468",
    "Søndergade 3, 1. th., 8000 Aarhus C",
    "40 50 60 70",
    "lise.m@example.dk",
)


def register() -> tuple[StaffMember, ...]:
    """The synthetic staff register of samples/data/staff.csv."""
    with (ROOT / "samples" / "data" / "staff.csv").open(encoding="utf-8") as handle:
        return tuple(
            StaffMember(
                r["name"],
                r["initials"],
                r["email"],
                r["phone"],
                r["title"],
                r["department"],
                r["leading"] == "true",
            )
            for r in csv.DictReader(handle)
        )


def policy(
    withheld: dict[str, str] | None = None,
    *,
    keep_parties: bool = False,
    requester: PrivatePerson | None = REQUESTER,
) -> Policy:
    """A policy over the sample register; BIHS withheld unless told otherwise."""
    return Policy(
        staff=register(),
        withheld_staff={"BIHS": BIHS_BASIS} if withheld is None else withheld,
        parties=(PARTY,),
        keep_parties=keep_parties,
        requester=requester,
    )


def _font() -> str:
    if "DV" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DV", FONT))
    return "DV"


def text_pdf(path: Path, pages: list[list[str]], size: float = 10.0) -> Path:
    """A born-digital PDF: each page a list of lines of text."""
    canvas = Canvas(str(path), pagesize=(595, 842))
    for lines in pages:
        canvas.setFont(_font(), size)
        y = 800.0
        for line in lines:
            canvas.drawString(60, y, line)
            y -= size * 1.4
        canvas.showPage()
    canvas.save()
    return path


def image_pdf(
    path: Path,
    image: Image.Image,
    box: tuple[float, float, float, float],
    lines: list[tuple[float, float, str]] = (),
) -> Path:
    """A page with ``image`` at ``box`` (x0, top, x1, bottom in points, top-left origin)
    and text lines at (x, top) positions."""
    canvas = Canvas(str(path), pagesize=(595, 842))
    x0, top, x1, bottom = box
    canvas.drawImage(ImageReader(image), x0, 842 - bottom, x1 - x0, bottom - top)
    canvas.setFont(_font(), 10)
    for x, y, text in lines:
        canvas.drawString(x, 842 - y - 10, text)
    canvas.showPage()
    canvas.save()
    return path
