"""Every endpoint answers 401 without credentials and 403 for a role that may not."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.main import SESSION_COOKIE
from app.settings import Settings
from tests.app.factories import api_key, bearer, pdf_bytes, request_json

ENDPOINTS = [
    ("POST", "/api/v1/staff"),
    ("POST", "/api/v1/requests"),
    ("GET", "/api/v1/requests"),
    ("GET", "/api/v1/requests/1"),
    ("POST", "/api/v1/requests/1/documents"),
    ("GET", "/api/v1/documents/1"),
    ("GET", "/api/v1/documents/1/redacted.pdf"),
    ("GET", "/api/v1/documents/1/original.pdf"),
    ("POST", "/api/v1/requests/1/decision"),
    ("GET", "/api/v1/requests/1/package"),
]
# (method, path, role that may not) for every write and for originals.
FORBIDDEN = [
    ("POST", "/api/v1/staff", "clerk"),
    ("POST", "/api/v1/staff", "caseworker"),
    ("POST", "/api/v1/requests", "caseworker"),
    ("POST", "/api/v1/requests/1/documents", "caseworker"),
    ("GET", "/api/v1/documents/1/original.pdf", "clerk"),
    ("GET", "/api/v1/documents/1/original.pdf", "integration"),
]


def test_openapi_lists_exactly_these_endpoints(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    listed = {(m.upper(), re.sub(r"\{\w+_id\}", "1", p)) for p, ops in paths.items() for m in ops}
    assert listed == set(ENDPOINTS)


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_401_without_credentials(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path, json={})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "detail" in response.json()


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_401_with_a_wrong_key_or_a_forged_session(
    client: TestClient, method: str, path: str
) -> None:
    assert client.request(method, path, headers=bearer("akt_wrong")).status_code == 401
    client.cookies.set(SESSION_COOKIE, "forged")
    assert client.request(method, path).status_code == 401
    client.cookies.clear()


@pytest.mark.parametrize(("method", "path", "role"), FORBIDDEN)
def test_403_for_a_role_that_may_not(
    client: TestClient, settings: Settings, method: str, path: str, role: str
) -> None:
    owner = bearer(api_key(settings, "admin"))
    created = client.post("/api/v1/requests", json=request_json(), headers=owner).json()
    path = path.replace("/requests/1", f"/requests/{created['id']}")
    kwargs: dict[str, object] = {}
    if path.endswith("/documents"):
        kwargs["files"] = {"file": ("a.pdf", pdf_bytes(), "application/pdf")}
    elif path.endswith("/requests"):
        kwargs["json"] = request_json()
    response = client.request(method, path, headers=bearer(api_key(settings, role)), **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 403
    assert role in response.json()["detail"]
