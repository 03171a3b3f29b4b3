"""Small factories for service tests: keys, users, requests, PDFs."""

from __future__ import annotations

import copy
import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.db import session_scope
from app.services.api_keys import create_api_key
from app.services.users import create_user
from app.settings import Settings

SECRET = "test-secret-" + "x" * 40
PASSWORD = "korrekt-hest-batteri"
STAFF_CSV = (
    "name,initials,email,phone,title,department,leading\n"
    "Birgitte Holm Sørensen,BIHS,bihs@lindholm-kommune.dk,+45 72 11 40 21,socialrådgiver,"
    "Børn og Familie,false\n"
    "Mikkel Bruun Lauridsen,MIBL,mibl@lindholm-kommune.dk,72114022,afdelingsleder,"
    "Børn og Familie,true\n"
)
REQUEST: dict[str, Any] = {
    "received": "2026-11-20",
    "requester": {"name": "Kurt Nielsen", "email": "kurt@example.dk", "is_journalist": False},
    "text": "Jeg vil have aktindsigt i sagen. Jeg vil hænge hende ud på Facebook.",
    "case": {
        "number": "27.12.00-G01-123-25",
        "kind": "borger",
        "parties": [{"name": "Mette Larsen", "cpr": "120385-4322"}],
    },
    "history": {
        "contacts_30d": 3,
        "incidents": [
            {"date": "2026-10-02", "kind": "threat", "staff": ["BIHS"], "note": "trussel"}
        ],
    },
}


def request_json(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(REQUEST)
    data.update(changes)
    return data


def api_key(settings: Settings, role: str = "integration", webhook_url: str | None = None) -> str:
    with session_scope(settings) as session:
        return create_api_key(session, "test", f"{role}-system", role, webhook_url).key


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def user(settings: Settings, email: str = "anne@kommune.dk", role: str = "clerk") -> int:
    with session_scope(settings) as session:
        created = create_user(session, "test", email, role, PASSWORD)
        assert created.id is not None
        return created.id


def pdf_bytes(pages: int = 1, lines: tuple[str, ...] | None = None) -> bytes:
    """A born-digital PDF whose pages name a caseworker, with a signature block."""
    lines = lines or (
        "Journalnotat i sag 27.12.00-G01-123-25",
        "Sagsbehandler: Birgitte Holm Sørensen (BIHS)",
        "Birgitte talte med borgeren Mette Larsen om hjemmet.",
        "Kontakt: bihs@lindholm-kommune.dk, telefon 72 11 40 21",
        "Leder: Mikkel Bruun Lauridsen",
    )
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(pages):
        pdf.setFont("Helvetica", 11)
        for n, line in enumerate(lines):
            pdf.drawString(72, 760 - 18 * n, line)
        pdf.drawString(72, 60, f"Side {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
