"""Final approval of a reviewed request: the release copies are built from the accepted and
manual boxes (redaction.apply_redactions on the originals), then the release package.
"""

from __future__ import annotations

import logging
import re
import tempfile
import zipfile
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.errors import Conflict
from app.models.document import DONE, FAILED, Document
from app.models.review import Approval, FinalDocument
from app.release.aktliste import aktliste_rows
from app.release.letter_pdf import letter_pdf
from app.services import audit
from app.services import requests as request_service
from app.services.packages import SPOOL_BYTES, ReleasePackage, write_index
from app.services.principals import Principal
from app.services.release_inputs import effective_assessment
from app.services.review import final_redactions
from app.services.review_pdf import apply_redactions
from app.services.review_requests import letter_text
from app.storage import BlobStore
from redaction.types import DocumentReport, Redaction
from rules import Assessment, RuleBook, ScreeningRequest

log = logging.getLogger(__name__)


def approval_of(session: Session, request_id: int) -> Approval | None:
    return session.exec(select(Approval).where(Approval.request_id == request_id)).first()


def final_documents(session: Session, request_id: int) -> dict[int, FinalDocument]:
    """The built release copies of a request's documents, by document id."""
    ids = [d.id for d in request_service.documents_of(session, request_id)]
    rows = session.exec(select(FinalDocument).where(col(FinalDocument.document_id).in_(ids)))
    return {row.document_id: row for row in rows}


def _current_assessment(session: Session, request_id: int, book: RuleBook) -> Assessment:
    request = request_service.get_request(session, request_id)
    decision = request_service.latest_decision(session, request_id)
    if decision is None:
        raise Conflict("Træf afgørelsen på siden Anmodning, før udleveringen godkendes")
    return effective_assessment(request, decision, book)


def _build_final(
    session: Session, store: BlobStore, document: Document, released: bool
) -> FinalDocument:
    assert document.id is not None
    if not released or document.status != DONE:
        return FinalDocument(document_id=document.id, status="withheld", redactions=[])
    boxes = final_redactions(session, document.id)
    with store.temp_path(".pdf") as tmp:
        apply_redactions(store.path(document.sha256), tmp, boxes)
        stored = store.adopt(tmp)
    log.info("document %s: release copy built with %d boxes", document.id, len(boxes))
    return FinalDocument(
        document_id=document.id,
        output_sha256=stored.sha256,
        status="partial" if boxes else "full",
        redactions=[b.to_json() for b in boxes],
    )


def approve(
    session: Session, actor: Principal, store: BlobStore, request_id: int, book: RuleBook
) -> Approval:
    """Build the release copies of every document and record the approval."""
    if approval_of(session, request_id) is not None:
        raise Conflict("Anmodningen er allerede godkendt")
    assessment = _current_assessment(session, request_id, book)
    documents = list(request_service.documents_of(session, request_id))
    pending = [d.filename for d in documents if d.status not in (DONE, FAILED)]
    if pending:
        raise Conflict(f"Dokumenterne behandles stadig: {', '.join(pending[:5])}")
    released = assessment.recommendation != "refuse"
    ids = [d.id for d in documents]
    session.execute(delete(FinalDocument).where(col(FinalDocument.document_id).in_(ids)))
    finals = [_build_final(session, store, d, released) for d in documents]
    session.add_all(finals)
    approval = Approval(
        request_id=request_id, recommendation=assessment.recommendation, approved_by=actor.actor
    )
    session.add(approval)
    session.flush()
    audit.record(
        session,
        actor,
        "review.approved",
        "request",
        request_id,
        {
            "recommendation": assessment.recommendation,
            "documents": {str(f.document_id): f.status for f in finals},
        },
    )
    return approval


def reopen(session: Session, actor: Principal, request_id: int) -> None:
    """Withdraw the approval so the review can change; the built copies are dropped."""
    approval = approval_of(session, request_id)
    if approval is None:
        raise Conflict("Anmodningen er ikke godkendt")
    ids = [d.id for d in request_service.documents_of(session, request_id)]
    session.execute(delete(FinalDocument).where(col(FinalDocument.document_id).in_(ids)))
    session.delete(approval)
    audit.record(session, actor, "review.reopened", "request", request_id, {})


def _safe_name(name: str) -> str:
    stem = re.sub(r"\.pdf$", "", name, flags=re.IGNORECASE)
    return re.sub(r"[^\w.-]+", "_", stem).strip("._") or "dokument"


def _reports(documents: list[Document], finals: dict[int, FinalDocument]) -> list[DocumentReport]:
    reports = []
    for number, document in enumerate(documents, start=1):
        final = finals.get(document.id or 0)
        boxes = [
            Redaction(**{**r, "bbox": tuple(r["bbox"])})
            for r in (final.redactions if final else [])
        ]
        reports.append(
            DocumentReport(
                source=document.filename,
                output=f"{number:02d}-{_safe_name(document.filename)}.pdf",
                pages=document.pages_total or 0,
                status=final.status if final else "withheld",  # type: ignore[arg-type]
                redactions=boxes,
                error=document.error if document.status == FAILED else None,
            )
        )
    return reports


def _write_index(
    archive: zipfile.ZipFile,
    reports: list[DocumentReport],
    assessment: Assessment,
    screening: ScreeningRequest,
    decided: date,
) -> None:
    """aktliste.pdf and rapport.json, with the refusal's bases on the aktliste rows."""
    released = assessment.recommendation != "refuse"
    rows = aktliste_rows(reports, [] if released else assessment.legal_basis)
    write_index(archive, rows, reports, assessment, screening, decided)


def release_package(
    session: Session, actor: Principal, store: BlobStore, request_id: int, book: RuleBook
) -> ReleasePackage:
    """The zip of an approved request: release copies, aktliste, decision letter, report."""
    approval = approval_of(session, request_id)
    if approval is None:
        raise Conflict("Udleveringen er ikke godkendt endnu (siden Godkend)")
    request = request_service.get_request(session, request_id)
    assessment = _current_assessment(session, request_id, book)
    if assessment.recommendation != approval.recommendation:
        raise Conflict("Afgørelsen er ændret efter godkendelsen; genåbn og godkend igen")
    screening = request_service.screening_request(session, request)
    documents = list(request_service.documents_of(session, request_id))
    finals = final_documents(session, request_id)
    reports = _reports(documents, finals)
    letter, _edited = letter_text(session, request, book)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for document, report in zip(documents, reports, strict=True):
            final = finals.get(document.id or 0)
            if final is not None and final.output_sha256:
                archive.write(store.path(final.output_sha256), f"dokumenter/{report.output}")
        _write_index(archive, reports, assessment, screening, approval.approved_at.date())
        archive.writestr("afgoerelse.pdf", letter_pdf(letter))
        archive.writestr("afgoerelse.txt", letter)
    spool.seek(0)
    audit.record(
        session,
        actor,
        "package.released",
        "request",
        request_id,
        {"documents": sum(1 for f in finals.values() if f.output_sha256), "via": "ui"},
    )
    filename = f"aktindsigt-{_safe_name(screening.case.number)}-{date.today().isoformat()}.zip"
    return ReleasePackage(filename, spool)
