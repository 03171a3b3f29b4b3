"""The release package of a decided request: redacted PDFs, aktliste, decision letter (zip)."""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import IO

from sqlmodel import Session

from app.errors import Conflict
from app.models.document import DONE, FAILED, Document
from app.release.aktliste import AktlisteRow, aktliste_pdf, aktliste_rows
from app.release.letter_pdf import letter_pdf
from app.services import audit
from app.services import requests as request_service
from app.services.documents import redactions_of
from app.services.principals import Principal
from app.services.release_inputs import effective_assessment
from app.storage import BlobStore
from redaction.types import DocumentReport, Redaction
from rules import Assessment, RuleBook, ScreeningRequest, draft_letter

SPOOL_BYTES = 32 * 1024 * 1024


@dataclass
class ReleasePackage:
    filename: str
    file: IO[bytes]  # positioned at 0; the caller closes it


def _safe_name(name: str) -> str:
    stem = re.sub(r"\.pdf$", "", name, flags=re.IGNORECASE)
    return re.sub(r"[^\w.-]+", "_", stem).strip("._") or "dokument"


def document_reports(
    session: Session, documents: list[Document], released: bool
) -> list[DocumentReport]:
    """CONTRACT.md's redaction report entries, in attachment order."""
    reports = []
    for number, document in enumerate(documents, start=1):
        redactions = [
            Redaction(
                page=r.page,
                bbox=(r.x0, r.top, r.x1, r.bottom),
                category=r.category,  # type: ignore[arg-type]
                text=r.text,
                legal_basis=r.legal_basis,
                source=r.source,
                person=r.person,
            )
            for r in redactions_of(session, document.id or 0)
            if r.accepted
        ]
        status = document.release_status or "partial"
        if document.status == FAILED or not released:
            status = "withheld"
        reports.append(
            DocumentReport(
                source=document.filename,
                output=f"{number:02d}-{_safe_name(document.filename)}.pdf",
                pages=document.pages_total or 0,
                status=status,  # type: ignore[arg-type]
                redactions=redactions,
                error=document.error if document.status == FAILED else None,
            )
        )
    return reports


def build_package(
    session: Session, actor: Principal, store: BlobStore, request_id: int, book: RuleBook
) -> ReleasePackage:
    """The release package. Once a caseworker has approved the release in the UI, the
    reviewed copies are released (app.services.review_release); otherwise the engine's."""
    from app.services import review_release  # built on this module; imported late

    if review_release.approval_of(session, request_id) is not None:
        return review_release.release_package(session, actor, store, request_id, book)
    request = request_service.get_request(session, request_id)
    decision = request_service.latest_decision(session, request_id)
    if decision is None:
        raise Conflict("Der er ikke truffet en afgørelse endnu (POST .../decision)")
    documents = list(request_service.documents_of(session, request_id))
    pending = [d.filename for d in documents if d.status not in (DONE, FAILED)]
    if pending:
        raise Conflict(f"Dokumenterne behandles stadig: {', '.join(pending[:5])}")
    assessment = effective_assessment(request, decision, book)
    screening = request_service.screening_request(session, request)
    released = assessment.recommendation != "refuse"
    reports = document_reports(session, documents, released)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for document, report in zip(documents, reports, strict=True):
            if report.status != "withheld" and document.output_sha256:
                archive.write(store.path(document.output_sha256), f"dokumenter/{report.output}")
        rows = aktliste_rows(reports, [] if released else assessment.legal_basis)
        decided = decision.created_at.date()
        write_index(archive, rows, reports, assessment, screening, decided)
        letter = draft_letter(screening, assessment, book)
        archive.writestr("afgoerelse.pdf", letter_pdf(letter))
        archive.writestr("afgoerelse.txt", letter)
    spool.seek(0)
    released_count = sum(1 for r in reports if r.status != "withheld")
    details = {"documents": released_count, "recommendation": assessment.recommendation}
    audit.record(session, actor, "package.released", "request", request_id, details)
    filename = f"aktindsigt-{_safe_name(screening.case.number)}-{date.today().isoformat()}.zip"
    return ReleasePackage(filename, spool)


def write_index(
    archive: zipfile.ZipFile,
    rows: list[AktlisteRow],
    reports: list[DocumentReport],
    assessment: Assessment,
    screening: ScreeningRequest,
    decided: date,
) -> None:
    """aktliste.pdf and rapport.json (CONTRACT.md's redaction report, plus the aktliste)."""
    pdf = aktliste_pdf(
        rows, case_number=screening.case.number, received=screening.received, decided=decided
    )
    archive.writestr("aktliste.pdf", pdf)
    report_json = {
        "documents": [r.to_json() for r in reports],
        "assessment": assessment.model_dump(mode="json"),
        "aktliste": [row.to_json() for row in rows],
    }
    archive.writestr("rapport.json", json.dumps(report_json, ensure_ascii=False, indent=2))
