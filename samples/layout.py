"""Draw marked-up Danish text on reportlab pages and record the exact box of every item.

A line is plain text with items marked as ``{text|category@person}``; ``#group`` after the
person joins parts of one item that wrap onto the next line (``{Birgitte Holm|staff_name@BIHS#a}``
... ``{Sørensen|staff_name@BIHS#a}``). Boxes are in PDF points, origin top-left, tight to the
glyphs (ascender to descender), as CONTRACT.md's ``bbox``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE = (595.0, 842.0)  # A4 in points
MARGIN = 64.0
_TAG = re.compile(r"\{([^|{}]+)\|([a-z_]+)@([^#}]+)(?:#(\w+))?\}")
ASCENT, DESCENT = 0.74, 0.22


@dataclass
class TruthItem:
    """One thing a redaction may concern, with where it is and what it is."""

    id: str
    document: str
    page: int  # 1-based
    kind: str  # "text" (born-digital), "scan" (image-only page) or "image" (inside an image)
    role: str  # staff, party, private, professional, none
    person: str  # staff key or person name ("" for role none)
    category: str
    text: str
    boxes: list[list[float]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """Plain data for the ground-truth file."""
        data = asdict(self)
        data["boxes"] = [[round(v, 2) for v in box] for box in self.boxes]
        return data


class Layout:
    """Writes lines top-down on a canvas and collects TruthItems as it goes."""

    def __init__(self, canvas: Canvas, document: str, role_of: Callable[[str], str]) -> None:
        self.canvas = canvas
        self.document = document
        self.role_of = role_of
        self.page = 1
        self.y = MARGIN  # baseline distance from the top
        self.items: list[TruthItem] = []
        self._groups: dict[str, TruthItem] = {}

    def new_page(self) -> None:
        """Finish the page and start the next one."""
        self.canvas.showPage()
        self.page += 1
        self.y = MARGIN

    def skip(self, points: float) -> None:
        """Leave vertical space."""
        self.y += points

    def _item(self, text: str, category: str, person: str, group: str | None) -> TruthItem:
        if group and group in self._groups:
            item = self._groups[group]
            item.text = f"{item.text} {text}"
            return item
        role = self.role_of(person)
        item = TruthItem(
            f"{self.document}:{len(self.items) + 1}",
            self.document,
            self.page,
            "text",
            role,
            person if role != "none" else "",
            category,
            text,
        )
        self.items.append(item)
        if group:
            self._groups[group] = item
        return item

    def line(
        self,
        markup: str,
        *,
        size: float = 10.5,
        bold: bool = False,
        x: float = MARGIN,
        leading: float = 1.45,
    ) -> None:
        """Draw one line of marked-up text; a tab starts a second column at the page middle."""
        self.y += size * leading * 0.75
        for column, segment in enumerate(markup.split("\t")):
            self._segment(segment, size, bold, x + column * 266)
        self.y += size * leading * 0.25

    def _segment(self, markup: str, size: float, bold: bool, x: float) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        plain, cursor = "", 0
        for match in _TAG.finditer(markup):
            plain += markup[cursor : match.start()]
            text, category, person, group = match.groups()
            x0 = x + stringWidth(plain, font, size)
            x1 = x0 + stringWidth(text, font, size)
            item = self._item(text, category, person.strip(), group)
            item.boxes.append([x0, self.y - ASCENT * size, x1, self.y + DESCENT * size])
            plain += text
            cursor = match.end()
        plain += markup[cursor:]
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, PAGE[1] - self.y, plain)

    def lines(self, block: str, **options: object) -> None:
        """Draw each non-empty line of a block; an empty line leaves half a line of space."""
        for raw in block.strip("\n").splitlines():
            if raw.strip():
                self.line(raw.strip(" "), **options)  # type: ignore[arg-type]
            else:
                self.skip(7)

    def image(
        self,
        image: Image.Image,
        x: float,
        width: float,
        *,
        tag: str | None = None,
        quality: int = 70,
    ) -> tuple[float, float, float, float]:
        """Place an image (JPEG) at the current position; ``tag`` = 'category@person'."""
        height = width * image.height / image.width
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=quality)
        buffer.seek(0)
        top = self.y
        self.canvas.drawImage(ImageReader(buffer), x, PAGE[1] - top - height, width, height)
        box = (x, top, x + width, top + height)
        if tag:
            category, person = tag.split("@")
            item = self._item("[foto]", category, person, None)
            item.boxes.append(list(box))
        self.y += height
        return box
