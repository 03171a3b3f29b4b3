"""CONTRACT.md's HTTP API end to end against a fresh `aktindsigt serve` with an API key made
by `aktindsigt apikey add`: request -> PDF -> poll -> proposals -> decision -> redacted PDF ->
package."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

import httpx
import pdfplumber
import pytest

from app.settings import Settings
from tests.app.factories import STAFF_CSV, pdf_bytes, request_json
from tests.app.processes import aktindsigt, free_port, start, stop, wait_for


@pytest.fixture
def service(settings: Settings) -> Iterator[tuple[httpx.Client, str]]:
    fresh = settings.model_copy(update={"queue_url": None})
    made = aktindsigt(fresh, "apikey", "add", "ESDH")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    port = free_port()
    process = start(fresh, "serve", "--port", str(port))
    base = f"http://127.0.0.1:{port}/api/v1"

    def healthy() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(healthy, 30, "the service to start")
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30
        ) as http:
            yield http, base
    finally:
        stop(process)


@pytest.mark.slow
def test_whole_api_from_a_fresh_service(service: tuple[httpx.Client, str]) -> None:
    http, base = service
    assert httpx.get(f"{base}/requests").status_code == 401
    staff = http.post("/staff", content=STAFF_CSV.encode(), headers={"Content-Type": "text/csv"})
    assert staff.status_code == 200 and staff.json()["staff"] == 2
    created = http.post("/requests", json=request_json())
    assert created.status_code == 201
    request_id, assessment = created.json()["id"], created.json()["assessment"]
    assert assessment["recommendation"] == "grant_without_staff_identity"
    attached = http.post(
        f"/requests/{request_id}/documents",
        files={"file": ("journalnotat.pdf", pdf_bytes(pages=3), "application/pdf")},
    )
    assert attached.status_code == 202
    document_id = attached.json()["id"]

    def finished() -> dict[str, object] | None:
        body = http.get(f"/documents/{document_id}").json()
        return body if body["status"] in ("done", "failed") else None

    document = wait_for(finished, 60, "the document to be processed")
    assert isinstance(document, dict) and document["status"] == "done"
    assert document["pages_total"] == 3 and document["progress"] == 1.0
    assert {"staff_name", "staff_email"} <= {r["category"] for r in document["redactions"]}
    overview = http.get(f"/requests/{request_id}").json()
    assert overview["documents"][0]["status"] == "done"

    decision = http.post(
        f"/requests/{request_id}/decision",
        json={"recommendation": assessment["recommendation"], "decided_by": "Anne Jensen"},
    )
    assert decision.status_code == 201 and decision.json()["accepted"] is True

    redacted = http.get(f"/documents/{document_id}/redacted.pdf")
    assert redacted.status_code == 200 and redacted.content.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(redacted.content)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "Birgitte" not in text and "bihs@" not in text
    assert "Mikkel Bruun Lauridsen" in text

    package = http.get(f"/requests/{request_id}/package")
    assert package.status_code == 200
    assert package.headers["content-type"] == "application/zip"
    _check_package(zipfile.ZipFile(io.BytesIO(package.content)), assessment)


def _check_package(archive: zipfile.ZipFile, assessment: dict[str, object]) -> None:
    """Redacted PDF, aktliste and Danish decision letter as PDFs, and the report."""
    names = set(archive.namelist())
    assert {"aktliste.pdf", "afgoerelse.pdf", "rapport.json"} <= names
    assert "dokumenter/01-journalnotat.pdf" in names
    for name in ("aktliste.pdf", "afgoerelse.pdf", "dokumenter/01-journalnotat.pdf"):
        assert archive.read(name).startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(archive.read("aktliste.pdf"))) as pdf:
        assert "journalnotat.pdf" in (pdf.pages[0].extract_text() or "")
    with pdfplumber.open(io.BytesIO(archive.read("afgoerelse.pdf"))) as pdf:
        letter = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "Kurt Nielsen" in letter and "Klage" in letter
    report = json.loads(archive.read("rapport.json"))
    assert report["documents"][0]["status"] == "partial"
    assert report["assessment"]["recommendation"] == assessment["recommendation"]
