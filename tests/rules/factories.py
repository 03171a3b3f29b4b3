"""Small builders of requests for the rules tests."""

from __future__ import annotations

from typing import Any

from rules import ScreeningRequest


def make_request(
    text: str = "Jeg beder om aktindsigt i sagen.",
    *,
    received: str = "2026-11-20",
    requester: dict[str, Any] | None = None,
    kind: str = "borger",
    parties: list[dict[str, Any]] | None = None,
    objections: list[dict[str, Any]] | None = None,
    contacts_30d: int = 0,
    incidents: list[dict[str, Any]] | None = None,
) -> ScreeningRequest:
    """A request by Jens Hansen, who is not a party unless ``parties`` says so."""
    return ScreeningRequest.model_validate(
        {
            "received": received,
            "requester": requester or {"name": "Jens Hansen", "cpr": "010170-1234"},
            "text": text,
            "case": {
                "number": "27.12.00-G01-123-25",
                "kind": kind,
                "parties": parties
                if parties is not None
                else [{"name": "Mette Larsen", "cpr": "120385-4322"}],
                "objections": objections or [],
            },
            "history": {"contacts_30d": contacts_30d, "incidents": incidents or []},
        }
    )
