"""The aktliste: the index of a release, each document full, partial or withheld with its bases.

``aktliste_rows`` gives the data (also written into report.json); ``aktliste_pdf`` renders it
as a Danish PDF with reportlab. The CLI and the service's release package share both.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from redaction.types import DocumentReport

STATUS_DA = {"full": "Fuld aktindsigt", "partial": "Delvis aktindsigt", "withheld": "Undtaget"}


@dataclass(frozen=True)
class AktlisteRow:
    """One line of the aktliste."""

    number: int
    document: str
    pages: int
    status: str  # full / partial / withheld
    status_da: str
    legal_basis: list[str]
    note: str = ""

    def to_json(self) -> dict[str, object]:
        """Plain data for report.json."""
        return asdict(self)


def aktliste_rows(
    documents: Sequence[DocumentReport], refusal_basis: Sequence[str] = ()
) -> list[AktlisteRow]:
    """The rows of the aktliste; a withheld document lists the refusal's bases."""
    rows = []
    for number, doc in enumerate(documents, start=1):
        bases = doc.legal_bases if doc.status == "partial" else []
        note = ""
        if doc.status == "withheld":
            bases = list(refusal_basis)
            if doc.error:
                note = f"Ikke behandlet: {doc.error}"
        rows.append(
            AktlisteRow(
                number, doc.source, doc.pages, doc.status, STATUS_DA[doc.status], bases, note
            )
        )
    return rows


def _table(rows: Sequence[AktlisteRow]) -> Table:
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    cell.fontSize, cell.leading = 9, 11
    head = ["Nr.", "Dokument", "Sider", "Aktindsigt", "Retsgrundlag"]
    data: list[list[str | Flowable]] = [head]
    for row in rows:
        basis = "<br/>".join(escape(b) for b in row.legal_basis) or "–"
        if row.note:
            basis += f"<br/><i>{escape(row.note)}</i>"
        data.append(
            [
                str(row.number),
                Paragraph(escape(row.document), cell),
                str(row.pages),
                Paragraph(row.status_da, cell),
                Paragraph(basis, cell),
            ]
        )
    table = Table(data, colWidths=[12 * mm, 58 * mm, 14 * mm, 34 * mm, 58 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8894a0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def aktliste_pdf(
    rows: Sequence[AktlisteRow],
    *,
    case_number: str,
    received: date | None = None,
    decided: date | None = None,
) -> bytes:
    """The aktliste as PDF bytes (Danish)."""
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Aktliste, sag {case_number}",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        invariant=1,
    )
    facts = [f"Sag: {case_number}"]
    if received:
        facts.append(f"Anmodning modtaget: {received.strftime('%d-%m-%Y')}")
    facts.append(f"Dato: {(decided or date.today()).strftime('%d-%m-%Y')}")
    partial = sum(r.status == "partial" for r in rows)
    withheld = sum(r.status == "withheld" for r in rows)
    summary = (
        f"{len(rows)} dokumenter: {len(rows) - partial - withheld} med fuld aktindsigt, "
        f"{partial} med delvis aktindsigt og {withheld} undtaget."
    )
    story: list[Flowable] = [
        Paragraph("Aktliste", styles["Title"]),
        Paragraph(" · ".join(facts), styles["Normal"]),
        Spacer(1, 4 * mm),
        Paragraph(summary, styles["Normal"]),
        Spacer(1, 4 * mm),
        _table(rows),
        Spacer(1, 6 * mm),
        Paragraph(
            "Undtagne oplysninger er fjernet fra dokumenterne og erstattet af et sort felt, "
            "der angiver den bestemmelse, oplysningen er undtaget efter.",
            styles["Italic"],
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
