"""Find everything to withhold in one PDF: the public entry point of detection.

``analyze`` reads a document page by page (text layer, OCR where needed, faces in images),
runs the Presidio analyzer of ``redaction.detection`` on each page's text, and classifies
every finding against the policy. Only one page is in memory at a time; a first name or
surname alone is decided at the end, when it is known whether the same person appears in
full (name, initials, e-mail or phone) anywhere in the document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from presidio_analyzer import AnalyzerEngine

from redaction.detection.classify import PageClassifier, PageFindings, Pending, Spot
from redaction.detection.layout import build_layout
from redaction.detection.nlp_engine import LANGUAGE
from redaction.detection.outcome import Outcome, decide
from redaction.detection.people_index import PeopleIndex
from redaction.detection.photos import PhotoOwner, owner_of, photo_outcome
from redaction.detection.registry import build_analyzer
from redaction.faces import Face, find_faces
from redaction.images import ImageRegion, image_regions
from redaction.ocr import PageReading, page_text, start_reading
from redaction.policy import Policy
from redaction.source import check_pdf, open_document
from redaction.types import DocumentAnalysis, KeptItem, PageSource, PageText, Redaction, Word

__all__ = ["Detector", "analyze", "page_text"]
logger = logging.getLogger(__name__)
_WHAT = {"email": "email", "initials": "initials", "full": "name", "first": "name", "last": "name"}


@dataclass
class Detector:
    """The people index and Presidio analyzer for one policy; reusable across documents."""

    policy: Policy
    index: PeopleIndex = field(init=False)
    engine: AnalyzerEngine = field(init=False)

    def __post_init__(self) -> None:
        self.index = PeopleIndex(self.policy)
        self.engine = build_analyzer(self.index)

    def page_findings(self, number: int, words: tuple[Word, ...]) -> PageFindings:
        """Classify the words of one page (1-based ``number``)."""
        layout = build_layout(words)
        results = self.engine.analyze(layout.text, language=LANGUAGE) if layout.text else []
        return PageClassifier(self.policy, self.index, number, layout).run(results)


_DETECTORS: dict[int, Detector] = {}


def detector_for(policy: Policy) -> Detector:
    """A cached detector for ``policy`` (the same policy object is reused for its documents)."""
    cached = _DETECTORS.get(id(policy))
    if cached is not None and cached.policy is policy:
        return cached
    if len(_DETECTORS) >= 4:
        _DETECTORS.pop(next(iter(_DETECTORS)))
    detector = Detector(policy)
    _DETECTORS[id(policy)] = detector
    return detector


@dataclass
class _Document:
    analysis: DocumentAnalysis
    evidence: set[int] = field(default_factory=set)
    pending: list[Pending] = field(default_factory=list)
    photos: list[tuple[int, PhotoOwner]] = field(default_factory=list)


@dataclass
class _Ahead:
    """A page opened and rendered for OCR before its turn (tesseract maybe running)."""

    page: pdfium.PdfPage
    regions: list[ImageRegion]
    reading: PageReading

    def close(self) -> None:
        try:
            self.reading.close()
        finally:
            self.page.close()


def _open_page(document: pdfium.PdfDocument, index: int, ocr: bool) -> _Ahead:
    """Open page ``index``, read its text layer and render what it needs OCRed (not started)."""
    page = document[index]
    try:
        regions = image_regions(page)
        reading = start_reading(page, index + 1, ocr=ocr, regions=regions, start=False)
    except BaseException:
        page.close()
        raise
    return _Ahead(page, regions, reading)


def _record_page(
    detector: Detector,
    number: int,
    text: PageText,
    source: PageSource,
    faces: list[Face],
    state: _Document,
) -> None:
    found = detector.page_findings(number, text.words)
    state.analysis.page_sizes.append((text.width, text.height))
    state.analysis.page_sources.append(source)
    if source != "text":
        state.analysis.page_texts[number] = text
    state.analysis.proposals.extend(found.proposals)
    state.analysis.kept.extend(found.kept)
    state.evidence.update(found.evidence)
    state.pending.extend(found.pending)
    for face in faces:
        state.photos.append((number, owner_of(face, found.spots)))


def _analyze_pages(
    detector: Detector,
    document: pdfium.PdfDocument,
    ocr: bool,
    state: _Document,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Every page in order, tesseract kept busy on one core while Python works on the other.

    While tesseract reads page n, this process finds the faces on page n and renders page
    n + 1 for OCR; as soon as page n is read, tesseract starts on page n + 1 and page n's
    words are classified meanwhile. At most two pages are open and one tesseract runs; the
    rendered images wait on disk, not in memory.
    """
    total = len(document)
    ahead = _open_page(document, 0, ocr) if total else None
    try:
        for index in range(total):
            current, ahead = ahead, None
            assert current is not None
            try:
                current.reading.start()
                reading = current.reading
                faces = find_faces(current.page, current.regions, one_thread=reading.running)
                if index + 1 < total:
                    ahead = _open_page(document, index + 1, ocr)
                text, source = current.reading.finish()
                if ahead is not None:
                    ahead.reading.start()
                _record_page(detector, index + 1, text, source, faces, state)
            finally:
                current.close()
            if progress is not None:
                progress(index + 1, total)
    finally:
        if ahead is not None:
            ahead.close()


def _resolve_pending(detector: Detector, state: _Document) -> dict[int, Outcome]:
    """Decide every weak match; returns the outcome per pending item (by id) for photos."""
    decided: dict[int, Outcome] = {}
    for item in state.pending:
        people = [i for i in item.people if i in state.evidence]
        if not people:
            state.analysis.proposals.extend(item.fallback)
            continue
        outcome = decide(detector.policy, detector.index, people, _WHAT[item.variant])
        decided[id(item)] = outcome
        for box, text in item.pieces:
            if outcome.category is not None:
                state.analysis.proposals.append(
                    Redaction(
                        item.page,
                        box,
                        outcome.category,
                        text,
                        outcome.label,
                        "staff_register",
                        outcome.person,
                    )
                )
            else:
                state.analysis.kept.append(
                    KeptItem(
                        item.page,
                        box,
                        outcome.kept_as,
                        text,
                        outcome.reason,
                        "staff_register",
                        outcome.person,
                    )
                )
    return decided


def _resolve_photos(detector: Detector, state: _Document) -> None:
    for number, owner in state.photos:
        spot: Spot | None = owner.spot
        outcome = spot.outcome if spot is not None else None
        if spot is not None and outcome is None:  # a weak match: decided by now
            people = [i for i in spot.people if i in state.evidence]
            outcome = decide(detector.policy, detector.index, people, "name") if people else None
        result = photo_outcome(detector.policy, outcome)
        if result.category is not None:
            state.analysis.proposals.append(
                Redaction(
                    number,
                    owner.face.bbox,
                    result.category,
                    "[foto]",
                    result.label,
                    "face",
                    result.person,
                )
            )
        else:
            state.analysis.kept.append(
                KeptItem(
                    number, owner.face.bbox, "photo", "[foto]", result.reason, "face", result.person
                )
            )


def analyze(
    src: Path,
    policy: Policy,
    *,
    progress: Callable[[int, int], None] | None = None,
    ocr: bool = True,
) -> DocumentAnalysis:
    """Every box to withhold in ``src`` under ``policy``, page by page.

    Raises the errors of ``redaction.source.check_pdf`` for unreadable input. ``progress``
    is called with (pages done, pages in total) after each page; ``ocr=False`` skips OCR
    (scanned pages then yield nothing but faces).
    """
    info = check_pdf(src)
    detector = detector_for(policy)
    state = _Document(DocumentAnalysis(pages=info.pages))
    with open_document(src) as document:
        total = len(document)
        state.analysis.pages = total
        _analyze_pages(detector, document, ocr, state, progress)
    _resolve_pending(detector, state)
    _resolve_photos(detector, state)
    state.analysis.proposals.sort(key=lambda r: (r.page, r.bbox[1], r.bbox[0]))
    return state.analysis
