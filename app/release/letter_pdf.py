"""The decision letter (rules.draft_letter's Danish text) as an A4 PDF."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14
    )
    heading = ParagraphStyle(
        "heading", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=16, spaceBefore=6
    )
    return body, heading


def letter_pdf(text: str, title: str = "Afgørelse om aktindsigt") -> bytes:
    """Render the letter: blank lines separate paragraphs, a short line ending without a
    full stop that is followed by a paragraph is set as a heading."""
    body, heading = _styles()
    story: list[object] = []
    for block in text.strip().split("\n\n"):
        lines = [line.rstrip() for line in block.splitlines()]
        if not any(lines):
            continue
        is_heading = len(lines) == 1 and len(lines[0]) < 60 and not lines[0].endswith((".", ":"))
        markup = "<br/>".join(escape(line) for line in lines)
        story.append(Paragraph(markup, heading if is_heading else body))
        story.append(Spacer(1, 3 * mm))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="",
        subject="",
        creator="aktindsigt",
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=20 * mm,
    )
    doc.build(story)
    return buffer.getvalue()
