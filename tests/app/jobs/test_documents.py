"""The document job: one output however often it runs, retried after a crash, re-queued
when its worker goes silent, and a signed webhook when it ends."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.db import session_scope
from app.jobs import documents as document_job
from app.jobs.documents import process_document
from app.models._base import utcnow
from app.models.document import Document
from app.services import documents as document_service
from app.settings import Settings
from tests.app.factories import STAFF_CSV, api_key, bearer, pdf_bytes, request_json


def _queued_document(settings: Settings, client: TestClient) -> int:
    """A request with one document, left queued (the inline queue is switched off)."""
    headers = bearer(api_key(settings))
    client.post(
        "/api/v1/staff", content=STAFF_CSV.encode(), headers={**headers, "Content-Type": "text/csv"}
    )
    request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()["id"]
    with session_scope(settings) as session:
        session.info["pending_jobs"] = []  # keep it queued: no job is sent
        document = document_service.attach_document(
            session, _principal(), _store(settings), request_id, _pdf(), "a.pdf", 10**8, 60
        )
        session.info.pop("pending_jobs", None)
        assert document.id is not None
        return document.id


def _principal():  # type: ignore[no-untyped-def]
    from app.services.principals import SYSTEM

    return SYSTEM


def _store(settings: Settings):  # type: ignore[no-untyped-def]
    from app.storage import BlobStore

    return BlobStore(settings.files_dir)


def _pdf():  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(pdf_bytes(pages=2))


def _document(settings: Settings, document_id: int) -> Document:
    with session_scope(settings) as session:
        return document_service.get_document(session, document_id)


def _outputs(settings: Settings) -> list[Path]:
    root = settings.files_dir
    return [p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] != "tmp"]


def test_running_twice_gives_one_output(client: TestClient, settings: Settings) -> None:
    document_id = _queued_document(settings, client)
    before = set(_outputs(settings))
    process_document(settings, document_id)
    first = _document(settings, document_id)
    process_document(settings, document_id)  # a duplicate delivery: nothing to do
    second = _document(settings, document_id)
    assert first.status == second.status == "done"
    assert first.output_sha256 == second.output_sha256 and second.attempts == 1
    assert len(set(_outputs(settings)) - before) == 1
    assert not list((settings.files_dir / "tmp").glob("*"))


def test_a_crash_is_retried_to_completion(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    document_id = _queued_document(settings, client)
    real = document_job.redact_document
    calls = {"n": 0}

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk hiccup")
        return real(*args, **kwargs)

    monkeypatch.setattr(document_job, "redact_document", flaky)
    with pytest.raises(OSError):
        process_document(settings, document_id)
    assert _document(settings, document_id).status == "queued"
    process_document(settings, document_id)
    done = _document(settings, document_id)
    assert done.status == "done" and done.attempts == 2


def test_after_the_last_retry_the_document_fails_readably(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.job_retries = 0
    document_id = _queued_document(settings, client)
    monkeypatch.setattr(document_job, "redact_document", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        process_document(settings, document_id)
    failed = _document(settings, document_id)
    assert failed.status == "failed" and failed.error and "Teknisk fejl" in failed.error


def test_a_silent_worker_loses_its_claim(client: TestClient, settings: Settings) -> None:
    document_id = _queued_document(settings, client)
    with session_scope(settings) as session:
        token = document_service.claim(session, document_id, 60)
        assert token and document_service.claim(session, document_id, 60) is None
        document = session.get(Document, document_id)
        assert document is not None
        document.lease_until = utcnow() - timedelta(seconds=1)  # the worker died
        session.add(document)
    with session_scope(settings) as session:
        assert document_service.stale_documents(session, 60) == [document_id]
    process_document(settings, document_id)  # the sweeper's re-delivery
    assert _document(settings, document_id).status == "done"
    with session_scope(settings) as session:  # the old worker wakes up: its result is refused
        assert not document_service.heartbeat(session, document_id, token, 1, 2, 60)


class _Hook(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Hook.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def hook_url() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    _Hook.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()


def test_webhook_is_signed(client: TestClient, settings: Settings, hook_url: str) -> None:
    from app.services.api_keys import create_api_key

    with session_scope(settings) as session:
        created = create_api_key(session, "t", "ESDH", "integration", hook_url)
    headers = bearer(created.key)
    request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()["id"]
    client.post(
        f"/api/v1/requests/{request_id}/documents",
        files={"file": ("a.pdf", pdf_bytes(), "application/pdf")},
        headers=headers,
    )
    deadline = time.monotonic() + 10
    while not _Hook.received and time.monotonic() < deadline:
        time.sleep(0.05)
    sent_headers, body = _Hook.received[0]
    notice = json.loads(body)
    assert notice["event"] == "document.done" and notice["request_id"] == request_id
    timestamp = sent_headers["X-Aktindsigt-Timestamp"]
    secret = created.webhook_secret or ""
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    assert sent_headers["X-Aktindsigt-Signature"] == "sha256=" + expected.hexdigest()
