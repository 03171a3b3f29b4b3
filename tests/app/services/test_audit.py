"""The audit log is a hash chain: every change and every original read is in it, and
altering or removing an entry shows."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import select

from app.db import get_engine, session_scope
from app.models.audit import AuditEvent
from app.services import audit
from app.services.audit import verify_chain
from app.settings import Settings
from tests.app.factories import api_key, bearer, pdf_bytes, request_json


def _actions(settings: Settings) -> list[tuple[str, str]]:
    with session_scope(settings) as session:
        events = session.exec(select(AuditEvent).order_by(AuditEvent.seq)).all()  # type: ignore[arg-type]
        return [(e.action, e.actor.split(":")[0]) for e in events]


def test_changes_and_original_reads_are_logged(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings, "admin"))
    request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()["id"]
    document = client.post(
        f"/api/v1/requests/{request_id}/documents",
        files={"file": ("a.pdf", pdf_bytes(), "application/pdf")},
        headers=headers,
    ).json()
    assert (
        client.get(f"/api/v1/documents/{document['id']}/original.pdf", headers=headers).status_code
        == 200
    )
    actions = [a for a, _ in _actions(settings)]
    assert actions[:3] == ["apikey.created", "request.created", "document.attached"]
    assert "document.processed" in actions
    assert actions[-1] == "document.original_read"
    with session_scope(settings) as session:
        assert verify_chain(session).ok


def test_an_altered_entry_is_found(settings: Settings) -> None:
    with session_scope(settings) as session:
        for n in range(5):
            audit.record(session, "test", "thing.done", "thing", n, {"n": n})
    with get_engine(settings).begin() as conn:
        conn.execute(text("UPDATE audit_event SET details = :d WHERE seq = 3"), {"d": '{"n": 99}'})
    with session_scope(settings) as session:
        report = verify_chain(session)
    assert not report.ok and report.first_bad_seq == 3 and report.checked == 2


def test_a_removed_entry_is_found(settings: Settings) -> None:
    with session_scope(settings) as session:
        for n in range(4):
            audit.record(session, "test", "thing.done", "thing", n)
    with get_engine(settings).begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 2"))
    with session_scope(settings) as session:
        assert verify_chain(session).first_bad_seq == 2
    with get_engine(settings).begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq >= 2"))
    with session_scope(settings) as session:
        report = verify_chain(session)
    assert not report.ok and "removed" in report.problem


def test_concurrent_appenders_keep_one_chain(settings: Settings) -> None:
    def append(worker: int) -> None:
        for n in range(10):
            with session_scope(settings) as session:
                audit.record(session, f"worker{worker}", "thing.done", "thing", n)

    threads = [threading.Thread(target=append, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with session_scope(settings) as session:
        report = verify_chain(session)
    assert report.ok and report.checked == 40
