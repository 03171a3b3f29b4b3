"""Documents: attach (stored by content hash), read, and the job's claim/progress/finish steps.

A job claims a document with a conditional UPDATE and a random token; only the holder of a
live claim may record progress or the result, so a duplicate or a late worker changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import BinaryIO

from sqlalchemy import Update, and_, or_, update
from sqlmodel import Session, col, select

from app.errors import Conflict, NotFound, UnsupportedMediaType
from app.jobs.enqueue import enqueue_after_commit
from app.models._base import utcnow
from app.models.api_key import ApiKey
from app.models.document import (
    DONE,
    FAILED,
    PROCESSING,
    QUEUED,
    Document,
    DocumentPublic,
    RedactionPublic,
)
from app.models.page import Page
from app.models.redaction import ProposedRedaction
from app.services import audit
from app.services.principals import Principal
from app.services.requests import get_request
from app.storage import BlobStore

PDF_MAGIC = b"%PDF-"
_NOT_PDF = {
    b"\xff\xd8\xff": "et JPEG-billede",
    b"\x89PNG": "et PNG-billede",
    b"PK\x03\x04": "en ZIP-fil (fx et Word-dokument)",
    b"\xd0\xcf\x11\xe0": "et gammelt Office-dokument",
}


def sniff_type(head: bytes) -> str:
    """The content type from the first bytes, whatever the file name says."""
    if PDF_MAGIC in head[:1024]:
        return "application/pdf"
    kind = next((k for sig, k in _NOT_PDF.items() if head.startswith(sig)), None)
    raise UnsupportedMediaType(f"Filen er {kind}, ikke en PDF" if kind else "Filen er ikke en PDF")


def attach_document(
    session: Session,
    actor: Principal,
    store: BlobStore,
    request_id: int,
    source: BinaryIO,
    filename: str,
    max_bytes: int,
    lease_seconds: int,
) -> Document:
    """Store the file and queue its processing; the same content twice is the same document."""
    get_request(session, request_id)
    stored = store.put_stream(source, max_bytes)
    content_type = sniff_type(stored.head)
    existing = session.exec(
        select(Document).where(Document.request_id == request_id, Document.sha256 == stored.sha256)
    ).first()
    if existing is not None:
        return existing
    document = Document(
        request_id=request_id,
        filename=(filename.replace("\x00", "") or "dokument.pdf")[-300:],
        sha256=stored.sha256,
        size=stored.size,
        content_type=content_type,
        created_by=actor.actor,
        api_key_id=actor.id if actor.kind == "api_key" else None,
        lease_until=utcnow() + timedelta(seconds=lease_seconds),
    )
    session.add(document)
    session.flush()
    audit.record(
        session,
        actor,
        "document.attached",
        "document",
        document.id,
        {"request_id": request_id, "filename": document.filename, "sha256": stored.sha256},
    )
    enqueue_after_commit(session, "process_document", document.id)
    return document


def get_document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"Dokument {document_id} findes ikke")
    return document


def redacted_sha256(document: Document) -> str:
    """The stored redacted copy; Conflict while processing, after a failure or a refusal."""
    if document.status != DONE:
        raise Conflict(f"Dokumentet er ikke færdigbehandlet (status: {document.status})")
    if not document.output_sha256:
        raise Conflict("Dokumentet udleveres ikke (anmodningen er afslået)")
    return document.output_sha256


def redactions_of(session: Session, document_id: int) -> Sequence[ProposedRedaction]:
    query = select(ProposedRedaction).where(ProposedRedaction.document_id == document_id)
    return session.exec(query.order_by(col(ProposedRedaction.id))).all()


def document_public(session: Session, document: Document) -> DocumentPublic:
    assert document.id is not None
    total = document.pages_total or 0
    return DocumentPublic(
        **document.model_dump(exclude={"redactions"}),
        progress=round(document.pages_done / total, 3) if total else 0.0,
        redactions=[
            RedactionPublic(
                **r.model_dump(exclude={"x0", "top", "x1", "bottom", "document_id"}),
                bbox=[r.x0, r.top, r.x1, r.bottom],
            )
            for r in redactions_of(session, document.id)
        ],
    )


def requeue(session: Session, documents: Sequence[Document], lease_seconds: int) -> None:
    """Queue documents again (after a changed decision): the job recomputes them."""
    for document in documents:
        document.status, document.claim_token, document.error = QUEUED, None, None
        document.lease_until = utcnow() + timedelta(seconds=lease_seconds)
        session.add(document)
        enqueue_after_commit(session, "process_document", document.id)


# --- the job's steps -------------------------------------------------------------------


def claim(session: Session, document_id: int, lease_seconds: int) -> str | None:
    """Take the document for processing; a token, or None if done or held by a live worker."""
    now, token = utcnow(), uuid.uuid4().hex
    result = session.execute(
        update(Document)
        .execution_options(synchronize_session=False)
        .where(
            col(Document.id) == document_id,
            or_(
                col(Document.status) == QUEUED,
                and_(col(Document.status) == PROCESSING, col(Document.lease_until) < now),
            ),
        )
        .values(
            status=PROCESSING,
            claim_token=token,
            lease_until=now + timedelta(seconds=lease_seconds),
            attempts=Document.attempts + 1,
            pages_done=0,
        )
    )
    return token if result.rowcount == 1 else None  # type: ignore[attr-defined]


def _held(document_id: int, token: str) -> Update:
    return (
        update(Document)
        .execution_options(synchronize_session=False)
        .where(
            col(Document.id) == document_id,
            col(Document.claim_token) == token,
            col(Document.status) == PROCESSING,
        )
    )


def heartbeat(
    session: Session, document_id: int, token: str, done: int, total: int, lease_seconds: int
) -> bool:
    """Record progress and extend the lease; False if the claim was lost."""
    result = session.execute(
        _held(document_id, token).values(
            pages_done=done,
            pages_total=total,
            lease_until=utcnow() + timedelta(seconds=lease_seconds),
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class PageInfo:
    number: int
    width: float
    height: float


@dataclass
class ProcessingResult:
    pages: list[PageInfo]
    redactions: list[ProposedRedaction]
    output_sha256: str | None  # None when nothing is released (refusal)
    release_status: str


def complete(session: Session, document_id: int, token: str, result: ProcessingResult) -> bool:
    """Store the result if we still hold the claim (one output, whatever the retries)."""
    finished = session.execute(
        _held(document_id, token).values(
            status=DONE,
            output_sha256=result.output_sha256,
            release_status=result.release_status,
            pages_total=len(result.pages),
            pages_done=len(result.pages),
            finished_at=utcnow(),
            error=None,
            lease_until=None,
        )
    )
    if not finished.rowcount:  # type: ignore[attr-defined]
        return False
    for model in (Page, ProposedRedaction):
        for row in session.exec(select(model).where(model.document_id == document_id)).all():
            session.delete(row)
    session.flush()
    session.add_all(Page(document_id=document_id, **vars(p)) for p in result.pages)
    for redaction in result.redactions:
        redaction.document_id = document_id
        session.add(redaction)
    audit.record(
        session,
        "system:worker",
        "document.processed",
        "document",
        document_id,
        {"redactions": len(result.redactions), "output_sha256": result.output_sha256},
    )
    _notify(session, document_id, "document.done")
    return True


def fail(session: Session, document_id: int, token: str, reason: str) -> bool:
    """Mark failed with a readable reason (Danish); the rest of the request proceeds."""
    failed = session.execute(
        _held(document_id, token).values(
            status=FAILED, error=reason[:2000], finished_at=utcnow(), lease_until=None
        )
    )
    if not failed.rowcount:  # type: ignore[attr-defined]
        return False
    audit.record(
        session, "system:worker", "document.failed", "document", document_id, {"error": reason}
    )
    _notify(session, document_id, "document.failed")
    return True


def release(session: Session, document_id: int, token: str, retry_in: int) -> None:
    """Give the claim back after a transient error so that the retry can take it."""
    session.execute(
        _held(document_id, token).values(
            status=QUEUED, claim_token=None, lease_until=utcnow() + timedelta(seconds=retry_in)
        )
    )


def stale_documents(session: Session, lease_seconds: int) -> list[int]:
    """Documents whose worker went quiet (killed) or whose job never arrived; queued ones
    get a new deadline so that one sweep does not pile up duplicates."""
    now = utcnow()
    query = select(Document.id).where(
        col(Document.status).in_([QUEUED, PROCESSING]), col(Document.lease_until) < now
    )
    ids = [i for i in session.exec(query).all() if i is not None]
    if ids:
        session.execute(
            update(Document)
            .execution_options(synchronize_session=False)
            .where(col(Document.id).in_(ids), col(Document.status) == QUEUED)
            .values(lease_until=now + timedelta(seconds=lease_seconds))
        )
    return ids


def _notify(session: Session, document_id: int, event: str) -> None:
    """Queue the webhook of the API key that attached the document, if it has one."""
    document = session.get(Document, document_id)
    if document is None or document.api_key_id is None:
        return
    key = session.get(ApiKey, document.api_key_id)
    if key is not None and key.webhook_url:
        enqueue_after_commit(session, "send_webhook", document.api_key_id, document_id, event)
