"""The whole caseworker flow through the UI routes (TestClient, jobs inline): register,
decide, review (reject, draw, undo/redo), approve, download the package."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pdfplumber
from fastapi.testclient import TestClient
from sqlmodel import select

from app.db import session_scope
from app.models.audit import AuditEvent
from app.settings import Settings
from tests.ui.factories import CITIZEN_CPR, login, pdf_bytes, request_form

NOTE = "Mødet blev holdt på rådhuset i Lindholm."


def _register(client: TestClient, token: str) -> int:
    files = [
        ("filer", ("notat-1.pdf", pdf_bytes("Journalnotat 1"), "application/pdf")),
        ("filer", ("notat-2.pdf", pdf_bytes("Journalnotat 2"), "application/pdf")),
    ]
    response = client.post(
        "/anmodninger/ny",
        data=request_form(csrf_token=token),
        files=files,
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def _word_box(pdf: bytes, text: str) -> list[float]:
    """The box (points, top-left origin) around a line of text in a PDF."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        found = page.search(text)
        assert found, text
        hit = found[0]
        return [hit["x0"], hit["top"], hit["x1"], hit["bottom"]]


def _post(client: TestClient, token: str, path: str, body: dict[str, Any]) -> Any:
    response = client.post(path, json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 200, response.text
    return response.json()


def _actions(settings: Settings) -> list[str]:
    with session_scope(settings) as session:
        return [e.action for e in session.exec(select(AuditEvent))]


def test_clerk_registers_and_decides_but_cannot_review_or_see_originals(
    client: TestClient, users: dict[str, str]
) -> None:
    token = login(client, users["clerk"])
    request_id = _register(client, token)
    page = client.get(f"/anmodninger/{request_id}")
    assert page.status_code == 200
    assert "<mark" in page.text and "hænge hende ud" in page.text  # T2 evidence highlighted
    assert "Imødekom uden medarbejdernes identitet" in page.text
    status = client.get(f"/anmodninger/{request_id}/status.json").json()
    assert status["all_done"] and len(status["documents"]) == 2
    changed = client.post(
        f"/anmodninger/{request_id}/afgoerelse",
        data={"recommendation": "grant", "reason": "", "csrf_token": token},
    )
    assert changed.status_code == 422 and "begrundelse" in changed.text
    review = client.get("/dokumenter/1/gennemsyn")
    assert review.status_code == 200 and "Vis original" not in review.text
    assert client.get("/dokumenter/1/gennemsyn?original=1").status_code == 403
    assert client.get("/dokumenter/1/sider/1.png?original=1").status_code == 403
    assert client.get("/dokumenter/1/sider/1.png").headers["content-type"] == "image/png"
    data = client.get("/dokumenter/1/gennemsyn.json").json()
    assert data["boxes"] and all(b["text"] == "" for b in data["boxes"])  # no withheld text
    denied = client.post(
        "/dokumenter/1/gennemsyn/valg",
        json={"ids": [data["boxes"][0]["proposal_id"]], "accepted": False},
        headers={"X-CSRF-Token": token},
    )
    assert denied.status_code == 403


def _review(client: TestClient, token: str) -> None:
    """Reject a phone number, draw a box, undo/redo, reject and restore a whole person."""
    base = "/dokumenter/1/gennemsyn"
    data = client.get(base + ".json").json()
    persons = {p["label"]: p["count"] for p in data["persons"]}
    assert persons["Birgitte Holm Sørensen"] >= 4
    phone = next(b for b in data["boxes"] if b["category"] == "staff_phone")
    data = _post(client, token, base + "/valg", {"ids": [phone["proposal_id"]], "accepted": False})
    assert not next(b for b in data["boxes"] if b["id"] == phone["id"])["accepted"]
    bbox = _word_box(pdf_bytes("Journalnotat 1"), NOTE)
    drawn = {"page": 1, "bbox": bbox, "label": "private_matters"}
    data = _post(client, token, base + "/felter", drawn)
    assert data["manual"][0]["legal_basis"] == "OFL § 30, nr. 1"
    assert not _post(client, token, base + "/fortryd", {})["manual"]
    assert _post(client, token, base + "/gendan", {})["manual"]
    data = _post(client, token, base + "/valg", {"person": "Mette Larsen", "accepted": False})
    assert all(not b["accepted"] for b in data["boxes"] if b["person"] == "Mette Larsen")
    data = _post(client, token, base + "/fortryd", {})
    assert all(b["accepted"] for b in data["boxes"] if b["person"] == "Mette Larsen")


def test_caseworker_reviews_approves_and_downloads(
    client: TestClient, users: dict[str, str], settings: Settings
) -> None:
    token = login(client, users["clerk"])
    request_id = _register(client, token)
    token = login(client, users["caseworker"])
    decided = client.post(
        f"/anmodninger/{request_id}/afgoerelse",
        data={"recommendation": "grant_without_staff_identity", "csrf_token": token},
        follow_redirects=False,
    )
    assert decided.status_code == 303
    _review(client, token)
    base = "/dokumenter/1/gennemsyn"
    assert client.get(base + "?original=1").status_code == 200
    assert client.get("/dokumenter/1/sider/1.png?original=1").status_code == 200

    approved = client.post(
        f"/anmodninger/{request_id}/godkend", data={"csrf_token": token}, follow_redirects=False
    )
    assert approved.status_code == 303
    locked = client.post(base + "/fortryd", json={}, headers={"X-CSRF-Token": token})
    assert locked.status_code == 409
    package = client.get(f"/anmodninger/{request_id}/pakke.zip")
    assert package.status_code == 200
    with zipfile.ZipFile(io.BytesIO(package.content)) as archive:
        names = archive.namelist()
        assert {"aktliste.pdf", "afgoerelse.pdf", "rapport.json"} <= set(names)
        released = archive.read("dokumenter/01-notat-1.pdf")
    with pdfplumber.open(io.BytesIO(released)) as pdf:
        text = pdf.pages[0].extract_text() or ""
    assert "72 11 40 21" in text  # the rejected proposal is released
    assert "rådhuset" not in text  # the drawn box is gone
    assert "Birgitte" not in text and CITIZEN_CPR not in text  # accepted proposals withheld
    actions = _actions(settings)
    for expected in ("review.rejected", "review.box_added", "review.undo", "review.redo"):
        assert expected in actions
    assert "review.approved" in actions and "document.original_viewed" in actions


def test_letter_is_editable_and_goes_into_the_package(
    client: TestClient, users: dict[str, str]
) -> None:
    token = login(client, users["admin"])
    request_id = _register(client, token)
    saved = client.post(
        f"/anmodninger/{request_id}/brev",
        data={"text": "Kære Kurt Nielsen\n\nRedigeret brev.", "csrf_token": token},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert "Redigeret brev." in client.get(f"/anmodninger/{request_id}").text
    client.post(
        f"/anmodninger/{request_id}/afgoerelse",
        data={"recommendation": "grant_without_staff_identity", "csrf_token": token},
    )
    client.post(f"/anmodninger/{request_id}/godkend", data={"csrf_token": token})
    package = client.get(f"/anmodninger/{request_id}/pakke.zip")
    with zipfile.ZipFile(io.BytesIO(package.content)) as archive:
        assert "Redigeret brev." in archive.read("afgoerelse.txt").decode()


def test_inbox_filters_and_admin_staff_report(client: TestClient, users: dict[str, str]) -> None:
    token = login(client, users["admin"])
    request_id = _register(client, token)
    added = client.post(
        f"/anmodninger/{request_id}/dokumenter",
        data={"csrf_token": token},
        files=[("filer", ("notat-3.pdf", pdf_bytes("Journalnotat 3"), "application/pdf"))],
        follow_redirects=False,
    )
    assert added.status_code == 303  # the form without JavaScript
    assert len(client.get(f"/anmodninger/{request_id}/status.json").json()["documents"]) == 3
    not_pdf = client.post(
        f"/anmodninger/{request_id}/dokumenter",
        data={"csrf_token": token},
        files=[("filer", ("brev.docx", b"PK\x03\x04rest", "application/octet-stream"))],
    )
    assert not_pdf.status_code == 415 and "ikke en PDF" in not_pdf.text
    inbox = client.get("/indbakke?q=kurt&risiko=high")
    assert "27.12.00-G01-123-25" in inbox.text and "admin@lindholm-kommune.dk" in inbox.text
    assert "27.12.00-G01-123-25" not in client.get("/indbakke?risiko=low").text
    bad = "name,initials,email,phone,title,department,leading\nA,B,,,,,maybe\n,,,,,,false\n"
    report = client.post(
        "/administration/medarbejdere",
        data={"csrf_token": token},
        files={"fil": ("staff.csv", bad.encode(), "text/csv")},
    )
    assert report.status_code == 422
    assert "Valideringsrapport" in report.text and "<td>2</td>" in report.text
    page = client.get("/administration")
    assert "ofl-2024" in page.text and "OFL § 9, stk. 2, nr. 2" in page.text
