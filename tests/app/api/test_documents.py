"""Documents: attach (202), processed, proposed redactions, redacted PDF, dedup, bad input."""

from __future__ import annotations

import io

import pdfplumber
from fastapi.testclient import TestClient

from app.settings import Settings
from tests.app.factories import STAFF_CSV, api_key, bearer, pdf_bytes, request_json


def _setup(client: TestClient, settings: Settings) -> tuple[dict[str, str], int]:
    headers = bearer(api_key(settings))
    client.post(
        "/api/v1/staff", content=STAFF_CSV.encode(), headers={**headers, "Content-Type": "text/csv"}
    )
    created = client.post("/api/v1/requests", json=request_json(), headers=headers)
    return headers, created.json()["id"]


def _attach(
    client: TestClient,
    headers: dict[str, str],
    request_id: int,
    data: bytes,
    name: str = "notat.pdf",
):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/requests/{request_id}/documents",
        files={"file": (name, data, "application/pdf")},
        headers=headers,
    )


def test_attached_pdf_is_processed_with_proposals(client: TestClient, settings: Settings) -> None:
    headers, request_id = _setup(client, settings)
    response = _attach(client, headers, request_id, pdf_bytes(pages=2))
    assert response.status_code == 202, response.text
    document_id = response.json()["id"]
    document = client.get(f"/api/v1/documents/{document_id}", headers=headers).json()
    assert document["status"] == "done", document
    assert document["pages_total"] == 2 and document["progress"] == 1.0
    categories = {r["category"] for r in document["redactions"]}
    assert "staff_name" in categories
    assert all(len(r["bbox"]) == 4 for r in document["redactions"])
    redacted = client.get(f"/api/v1/documents/{document_id}/redacted.pdf", headers=headers)
    assert redacted.status_code == 200
    assert redacted.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(redacted.content)) as pdf:
        text = pdf.pages[0].extract_text() or ""
    assert "Birgitte" not in text
    assert "Mikkel Bruun Lauridsen" in text  # the leader is kept


def test_same_file_twice_is_the_same_document(client: TestClient, settings: Settings) -> None:
    headers, request_id = _setup(client, settings)
    data = pdf_bytes()
    first = _attach(client, headers, request_id, data).json()
    second = _attach(client, headers, request_id, data, "kopi.pdf").json()
    assert first["id"] == second["id"]
    assert first["sha256"] == second["sha256"]
    request = client.get(f"/api/v1/requests/{request_id}", headers=headers).json()
    assert len(request["documents"]) == 1


def test_type_is_sniffed_from_content(client: TestClient, settings: Settings) -> None:
    headers, request_id = _setup(client, settings)
    response = _attach(client, headers, request_id, b"\xff\xd8\xff\xe0 jpeg data", "scan.pdf")
    assert response.status_code == 415
    assert "JPEG" in response.json()["detail"]


def test_broken_pdf_fails_with_a_reason_and_the_rest_proceeds(
    client: TestClient, settings: Settings
) -> None:
    headers, request_id = _setup(client, settings)
    broken = _attach(client, headers, request_id, b"%PDF-1.7\n garbage", "broken.pdf").json()
    good = _attach(client, headers, request_id, pdf_bytes()).json()
    failed = client.get(f"/api/v1/documents/{broken['id']}", headers=headers).json()
    assert failed["status"] == "failed"
    assert failed["error"] and "PDF" in failed["error"]
    assert client.get(f"/api/v1/documents/{good['id']}", headers=headers).json()["status"] == "done"
    assert (
        client.get(f"/api/v1/documents/{broken['id']}/redacted.pdf", headers=headers).status_code
        == 409
    )


def test_upload_limit_is_enforced(client: TestClient, settings: Settings) -> None:
    headers, request_id = _setup(client, settings)
    settings.max_upload_mb = 1
    client.app.state.settings = settings  # type: ignore[attr-defined]
    big = b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10)
    response = _attach(client, headers, request_id, big)
    assert response.status_code == 413


def test_unknown_ids_are_404(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    assert client.get("/api/v1/documents/4242", headers=headers).status_code == 404
    assert _attach(client, headers, 4242, pdf_bytes()).status_code == 404


def test_declared_length_over_the_limit_is_refused_before_reading(settings: Settings) -> None:
    from app.main import create_app

    small = settings.model_copy(update={"max_upload_mb": 1})
    with TestClient(create_app(small)) as client:
        response = client.post(
            "/api/v1/requests/1/documents",
            content=b"x" * (1024 * 1024 + 1),
            headers={**bearer(api_key(small)), "Content-Type": "application/pdf"},
        )
    assert response.status_code == 413
    assert "1 MB" in response.json()["detail"]
