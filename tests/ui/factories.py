"""Small factories for the UI tests: users, the staff register, request forms, Danish PDFs."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.db import session_scope
from app.services.principals import SYSTEM
from app.services.release_inputs import rulebook
from app.services.requests import create_request
from app.services.staff import replace_register
from app.services.users import create_user
from app.settings import Settings
from rules import ScreeningRequest

SECRET = "ui-test-secret-" + "y" * 40
PASSWORD = "korrekt-hest-batteri"
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "data"
STAFF_CSV = SAMPLES / "staff.csv"
SAMPLE_REQUESTS = SAMPLES / "requests"
CITIZEN_CPR = "120385-4322"
CSRF_RE = re.compile(r'name="csrf-token" content="([^"]+)"')


def add_user(settings: Settings, email: str, role: str) -> int:
    with session_scope(settings) as session:
        user = create_user(session, "test", email, role, PASSWORD)
        assert user.id is not None
        return user.id


def load_staff(settings: Settings) -> None:
    with session_scope(settings) as session:
        replace_register(session, "test", STAFF_CSV.read_bytes(), "staff.csv")


def add_sample_requests(settings: Settings, names: tuple[str, ...]) -> None:
    """Register sample requests (samples/data/requests) so the inbox has several rows."""
    book = rulebook(settings.rules_file)
    with session_scope(settings) as session:
        for name in names:
            data = json.loads((SAMPLE_REQUESTS / f"{name}.json").read_text(encoding="utf-8"))
            payload = ScreeningRequest.model_validate(data)
            create_request(session, SYSTEM, payload, book)


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token of the client's session, read from a page."""
    match = CSRF_RE.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client: TestClient, email: str) -> str:
    token = csrf_of(client)
    response = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client, "/indbakke")


def request_form(**changes: str) -> dict[str, Any]:
    """The "Ny anmodning" form of a party-less OFL request with a threat on record."""
    form: dict[str, Any] = {
        "received": "2026-11-20",
        "requester_name": "Kurt Nielsen",
        "requester_email": "kurt@example.dk",
        "text": "Jeg vil have aktindsigt i sagen. Jeg vil hænge hende ud på Facebook.",
        "case_number": "27.12.00-G01-123-25",
        "case_kind": "borger",
        "party_name": ["Mette Larsen"],
        "party_cpr": [CITIZEN_CPR],
        "contacts_30d": "3",
        "incident_date": ["2026-10-02"],
        "incident_kind": ["threat"],
        "incident_staff": ["BIHS"],
        "incident_note": ["Truede sagsbehandleren i telefonen"],
    }
    form.update(changes)
    return form


def pdf_bytes(title: str, extra: tuple[str, ...] = ()) -> bytes:
    """A born-digital Danish case note naming staff from the sample register and a citizen."""
    lines = (
        title,
        "Sagsbehandler: Birgitte Holm Sørensen (BIHS)",
        "Birgitte Holm Sørensen talte med borgeren om hjemmet.",
        "Kontakt: bihs@lindholm-kommune.dk, telefon 72 11 40 21",
        f"Borgerens CPR-nummer er {CITIZEN_CPR}.",
        "Mødet blev holdt på rådhuset i Lindholm.",
        *extra,
    )
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setFont("Helvetica", 12)
    for n, line in enumerate(lines):
        pdf.drawString(72, 760 - 22 * n, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
