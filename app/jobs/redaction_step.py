"""The one place the job calls the redaction library (``redaction.redact_file``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

import redaction
from redaction.policy import Policy
from redaction.types import Redaction

Progress = Callable[[int, int], None]


@dataclass
class RedactionOutcome:
    pages: list[tuple[float, float]]  # width, height in points, per page
    proposals: list[Redaction] = field(default_factory=list)
    written: bool = True


def page_sizes(path: Path) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(path)
    try:
        return [tuple(document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


def redact_document(
    src: Path, dst: Path, policy: Policy | None, progress: Progress
) -> RedactionOutcome:
    """Write the release copy of ``src`` to ``dst`` under ``policy``; with no policy (a
    refusal: nothing is released) only check the input.

    Raises redaction.errors.RedactionError (Danish message) for input the library refuses.
    """
    if policy is None:
        info = redaction.check_pdf(src)
        progress(info.pages, info.pages)
        return RedactionOutcome(page_sizes(src), [], written=False)
    report = redaction.redact_file(src, dst, policy, progress=progress)
    return RedactionOutcome(page_sizes(dst), list(report.redactions))
