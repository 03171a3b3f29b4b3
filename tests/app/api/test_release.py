"""Decision and release package."""

from __future__ import annotations

import io
import json
import zipfile

import pdfplumber
from fastapi.testclient import TestClient

from app.settings import Settings
from tests.app.factories import STAFF_CSV, api_key, bearer, pdf_bytes, request_json


def _request_with_document(client: TestClient, headers: dict[str, str]) -> tuple[int, int]:
    client.post(
        "/api/v1/staff", content=STAFF_CSV.encode(), headers={**headers, "Content-Type": "text/csv"}
    )
    request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()["id"]
    document = client.post(
        f"/api/v1/requests/{request_id}/documents",
        files={"file": ("journalnotat.pdf", pdf_bytes(), "application/pdf")},
        headers=headers,
    ).json()
    return request_id, document["id"]


def test_package_needs_a_decision(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    request_id, _ = _request_with_document(client, headers)
    response = client.get(f"/api/v1/requests/{request_id}/package", headers=headers)
    assert response.status_code == 409
    assert "afgørelse" in response.json()["detail"]


def test_changed_recommendation_needs_a_reason(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    request_id, _ = _request_with_document(client, headers)
    response = client.post(
        f"/api/v1/requests/{request_id}/decision",
        json={"recommendation": "refuse"},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("reason:")


def test_accepted_decision_and_package(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    request_id, _ = _request_with_document(client, headers)
    recommendation = client.get(f"/api/v1/requests/{request_id}", headers=headers).json()[
        "assessment"
    ]["recommendation"]
    decided = client.post(
        f"/api/v1/requests/{request_id}/decision",
        json={"recommendation": recommendation, "decided_by": "Anne Jensen"},
        headers=headers,
    )
    assert decided.status_code == 201, decided.text
    assert decided.json()["accepted"] is True
    request = client.get(f"/api/v1/requests/{request_id}", headers=headers).json()
    assert request["status"] == "decided" and request["decision"]["decided_by"] == "Anne Jensen"
    package = client.get(f"/api/v1/requests/{request_id}/package", headers=headers)
    assert package.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(package.content))
    names = set(archive.namelist())
    assert {
        "aktliste.pdf",
        "afgoerelse.pdf",
        "rapport.json",
        "dokumenter/01-journalnotat.pdf",
    } <= names
    with pdfplumber.open(io.BytesIO(archive.read("afgoerelse.pdf"))) as pdf:
        letter = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "aktindsigt" in letter.lower() and "klage" in letter.lower()
    with pdfplumber.open(io.BytesIO(archive.read("dokumenter/01-journalnotat.pdf"))) as pdf:
        assert "Birgitte" not in (pdf.pages[0].extract_text() or "")
    report = json.loads(archive.read("rapport.json"))
    assert report["documents"][0]["status"] == "partial"


def test_changed_to_refusal_releases_no_documents(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    request_id, document_id = _request_with_document(client, headers)
    decided = client.post(
        f"/api/v1/requests/{request_id}/decision",
        json={"recommendation": "refuse", "reason": "Anmodningen tjener alene chikane."},
        headers=headers,
    )
    assert decided.json()["accepted"] is False
    document = client.get(f"/api/v1/documents/{document_id}", headers=headers).json()
    assert document["status"] == "done" and document["release_status"] == "withheld"
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/api/v1/requests/{request_id}/package", headers=headers).content)
    )
    assert not [n for n in archive.namelist() if n.startswith("dokumenter/")]
    assert json.loads(archive.read("rapport.json"))["documents"][0]["status"] == "withheld"
