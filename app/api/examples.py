"""Examples for the OpenAPI document (CONTRACT.md's request JSON and friends)."""

from __future__ import annotations

from typing import Any

REQUEST_EXAMPLE: dict[str, Any] = {
    "received": "2026-11-20",
    "requester": {
        "name": "Jens Hansen",
        "cpr": "010170-1234",
        "email": "jens@example.dk",
        "is_journalist": False,
    },
    "text": "Jeg beder om aktindsigt i min sag og vil vide hvem der har behandlet den.",
    "case": {
        "number": "27.12.00-G01-123-25",
        "kind": "borger",
        "parties": [
            {
                "name": "Jens Hansen",
                "cpr": "010170-1234",
                "address": "Vestergade 12, 8000 Aarhus C",
                "phone": "",
                "email": "",
            }
        ],
        "objections": [],
    },
    "history": {
        "contacts_30d": 3,
        "incidents": [
            {
                "date": "2026-10-02",
                "kind": "threat",
                "staff": ["BIHS"],
                "note": "Trussel i telefonen",
            }
        ],
    },
}

ASSESSMENT_EXAMPLE: dict[str, Any] = {
    "regime": "forvaltningsloven",
    "risk": "high",
    "recommendation": "grant",
    "withhold_all_staff": False,
    "withheld_staff": ["BIHS"],
    "legal_basis": ["FVL § 15 b"],
    "signals": [{"id": "H1", "weight": 3, "evidence": "2026-10-02 threat: Trussel i telefonen"}],
    "deadline": "2026-12-01",
    "rule_set": "fvl",
}

REQUEST_PUBLIC_EXAMPLE: dict[str, Any] = {
    "id": 1,
    "status": "open",
    "received": "2026-11-20",
    "requester": {"name": "Jens Hansen", "is_journalist": False},
    "case": {"number": "27.12.00-G01-123-25", "kind": "borger"},
    "assessment": ASSESSMENT_EXAMPLE,
    "deadline": "2026-12-01",
    "documents": [
        {
            "id": 7,
            "filename": "notat.pdf",
            "status": "done",
            "pages_total": 3,
            "pages_done": 3,
            "release_status": "partial",
            "error": None,
        }
    ],
    "decision": None,
    "created_at": "2026-11-20T09:12:00Z",
}

REDACTION_EXAMPLE: dict[str, Any] = {
    "id": 31,
    "page": 1,
    "bbox": [72.0, 100.5, 160.2, 112.0],
    "category": "staff_name",
    "text": "Birgitte",
    "legal_basis": "FVL § 15 b",
    "source": "staff_register",
    "person": "BIHS",
    "accepted": True,
}

DOCUMENT_EXAMPLE: dict[str, Any] = {
    "id": 7,
    "request_id": 1,
    "filename": "notat.pdf",
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "size": 48213,
    "content_type": "application/pdf",
    "status": "processing",
    "error": None,
    "pages_total": 3,
    "pages_done": 1,
    "progress": 0.33,
    "release_status": None,
    "created_at": "2026-11-20T09:13:00Z",
    "finished_at": None,
    "redactions": [REDACTION_EXAMPLE],
}

DECISION_EXAMPLES: dict[str, Any] = {
    "accepted": {
        "summary": "Anbefalingen følges",
        "value": {"recommendation": "grant_without_staff_identity", "reason": ""},
    },
    "changed": {
        "summary": "Anbefalingen ændres med begrundelse",
        "value": {
            "recommendation": "grant",
            "reason": "Henvendelserne skyldes utilfredshed med afgørelsen, ikke chikane.",
            "decided_by": "Anne Jensen, journalchef",
        },
    },
}

STAFF_CSV_EXAMPLE = (
    "name,initials,email,phone,title,department,leading\n"
    "Birgitte Holm Sørensen,BIHS,bihs@lindholm-kommune.dk,+45 72 11 40 21,"
    "socialrådgiver,Børn og Familie,false\n"
)


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the JSON errors an endpoint may answer."""
    texts = {
        400: "feltet 'file' med CSV-filen mangler",
        401: "Login eller API-nøgle mangler eller er ugyldig",
        403: "Din rolle giver ikke adgang til dette",
        404: "Anmodning 42 findes ikke",
        409: "Dokumenterne behandles stadig",
        413: "Filen er for stor; grænsen er 200 MB",
        415: "Filen er et JPEG-billede, ikke en PDF",
        422: "case.kind: Input should be 'borger' or 'personale'",
    }
    return {
        code: {
            "description": texts[code],
            "content": {"application/json": {"example": {"detail": texts[code]}}},
        }
        for code in codes
    }
