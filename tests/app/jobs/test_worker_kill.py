"""A worker process killed in the middle of a document: the job is taken over when its lease
runs out and completes once, with one output."""

from __future__ import annotations

import io
import signal

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app.db import session_scope
from app.models.audit import AuditEvent
from app.models.document import Document
from app.services import documents as document_service
from app.services.principals import SYSTEM
from app.settings import Settings
from app.storage import BlobStore
from tests.app.factories import STAFF_CSV, api_key, bearer, pdf_bytes, request_json
from tests.app.processes import start, stop, wait_for

PAGES = 120  # burning in the boxes takes a few seconds: time to kill mid-document


def _document(settings: Settings, document_id: int) -> Document:
    with session_scope(settings) as session:
        return document_service.get_document(session, document_id)


@pytest.mark.slow
def test_killed_worker_job_completes_once(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    client.post(
        "/api/v1/staff", content=STAFF_CSV.encode(), headers={**headers, "Content-Type": "text/csv"}
    )
    request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()["id"]
    queued = settings.model_copy(update={"queue_url": None, "job_lease_seconds": 3})
    with session_scope(queued) as session:  # enqueued on the SQLite queue after commit
        document_id = document_service.attach_document(
            session,
            SYSTEM,
            BlobStore(queued.files_dir),
            request_id,
            io.BytesIO(pdf_bytes(pages=PAGES)),
            "lang.pdf",
            10**8,
            3,
        ).id
    assert document_id is not None
    stored_before = {p for p in queued.files_dir.rglob("*") if p.is_file()}

    first = start(queued, "worker")
    try:
        wait_for(lambda: _document(queued, document_id).pages_done > 0, 60, "work under way")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; worker stderr:\n{stop(first)}") from None
    stop(first, signal.SIGKILL)
    killed = _document(queued, document_id)
    assert killed.status == "processing" and killed.output_sha256 is None

    second = start(queued, "worker")
    try:
        wait_for(lambda: _document(queued, document_id).status == "done", 90, "completion")
    finally:
        stop(second)
    done = _document(queued, document_id)
    assert done.attempts == 2 and done.pages_done == PAGES
    store = BlobStore(queued.files_dir)
    new_files = {
        p for p in queued.files_dir.rglob("*") if p.is_file() and p.parent != store.tmp_dir
    } - stored_before
    assert new_files == {store.path(done.output_sha256 or "")}
    with session_scope(queued) as session:
        processed = session.exec(
            select(AuditEvent).where(
                AuditEvent.action == "document.processed", AuditEvent.entity_id == str(document_id)
            )
        ).all()
    assert len(processed) == 1
