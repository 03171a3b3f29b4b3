"""Typed results of the redaction library (CONTRACT.md: redaction report)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Category = Literal[
    "staff_name",
    "staff_initials",
    "staff_email",
    "staff_phone",
    "staff_photo",
    "party_name",
    "party_cpr",
    "party_address",
    "party_phone",
    "party_email",
    "person_name",
    "cpr",
    "address",
    "phone",
    "email",
    "photo",
    "manual",
]
DocumentStatus = Literal["full", "partial", "withheld"]
BBox = tuple[float, float, float, float]  # PDF points, origin top-left: x0, top, x1, bottom


@dataclass(frozen=True)
class Word:
    """A word on a page with its box in PDF points (origin top-left)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class PageText:
    """The words of one page, from its text layer or from OCR."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    source: Literal["text", "ocr"] = "text"


@dataclass(frozen=True)
class Redaction:
    """One box to withhold: where, what, why and who found it."""

    page: int  # 1-based
    bbox: BBox
    category: Category
    text: str
    legal_basis: str
    source: str  # the detector: staff_register, presidio:DK_CPR, ocr, face, manual ...
    person: str = ""  # who it concerns (staff key or party/person name), for grouping in review

    def to_json(self) -> dict[str, object]:
        """The report entry of CONTRACT.md (plus ``person``)."""
        data = asdict(self)
        data["bbox"] = [round(v, 2) for v in self.bbox]
        return data


@dataclass
class DocumentReport:
    """One document's entry in the redaction report."""

    source: str
    output: str
    pages: int
    status: DocumentStatus
    redactions: list[Redaction] = field(default_factory=list)
    error: str | None = None

    @property
    def legal_bases(self) -> list[str]:
        """The distinct labels used, in first-use order (for the aktliste)."""
        return list(dict.fromkeys(r.legal_basis for r in self.redactions))

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "source": self.source,
            "output": self.output,
            "pages": self.pages,
            "status": self.status,
            "redactions": [r.to_json() for r in self.redactions],
        }
        if self.error:
            data["error"] = self.error
        return data


PageSource = Literal["text", "ocr", "mixed"]


@dataclass(frozen=True)
class KeptItem:
    """Something recognised on a page and deliberately kept (a kept staff member, the requester).

    Reported so a reviewer can see why a name stayed visible; never burnt into the output.
    """

    page: int  # 1-based
    bbox: BBox
    kind: str  # staff, requester, party, professional, organisation, photo ...
    text: str
    reason: str
    source: str
    person: str = ""


@dataclass
class DocumentAnalysis:
    """What ``redaction.analyze.analyze`` found in one PDF: every box to withhold, page by page.

    ``page_sources`` tells per page whether its words came from the text layer, from OCR of
    the whole page (a scan) or both (a text page with OCRed images, e.g. a screenshot).
    """

    pages: int
    page_sizes: list[tuple[float, float]] = field(default_factory=list)
    page_sources: list[PageSource] = field(default_factory=list)
    proposals: list[Redaction] = field(default_factory=list)
    kept: list[KeptItem] = field(default_factory=list)
    # words of the pages read (partly) by OCR, for the writer's invisible text layer;
    # pages read from their text layer alone are not held (memory stays flat)
    page_texts: dict[int, PageText] = field(default_factory=dict)

    def proposals_on(self, page: int) -> list[Redaction]:
        """The proposals of one page (1-based)."""
        return [r for r in self.proposals if r.page == page]
