"""POST/GET /requests: screened at once, 422 naming the field, 404 for unknown ids."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.settings import Settings
from tests.app.factories import api_key, bearer, request_json


def test_create_request_screens_it_and_returns_201(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    response = client.post("/api/v1/requests", json=request_json(), headers=headers)
    assert response.status_code == 201, response.text
    body = response.json()
    assert isinstance(body["id"], int)
    assert body["assessment"]["risk"] == "high"
    assert "BIHS" in body["assessment"]["withheld_staff"]
    again = client.get(f"/api/v1/requests/{body['id']}", headers=headers)
    assert again.status_code == 200
    assert again.json()["assessment"] == body["assessment"]
    assert again.json()["case"]["number"] == "27.12.00-G01-123-25"
    listed = client.get("/api/v1/requests", headers=headers).json()
    assert [item["id"] for item in listed] == [body["id"]]


def test_invalid_request_names_the_field(client: TestClient, settings: Settings) -> None:
    bad = request_json()
    bad["case"] = {**bad["case"], "kind": "sag"}
    response = client.post("/api/v1/requests", json=bad, headers=bearer(api_key(settings)))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("case.kind:")


def test_missing_field_and_broken_json_are_422(client: TestClient, settings: Settings) -> None:
    headers = bearer(api_key(settings))
    missing = request_json()
    del missing["received"]
    response = client.post("/api/v1/requests", json=missing, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("received: field required")
    broken = client.post(
        "/api/v1/requests",
        content=b"{not json",
        headers={**headers, "Content-Type": "application/json"},
    )
    assert broken.status_code == 422


def test_unknown_request_is_404(client: TestClient, settings: Settings) -> None:
    response = client.get("/api/v1/requests/999", headers=bearer(api_key(settings)))
    assert response.status_code == 404
    assert "999" in response.json()["detail"]


def test_nul_characters_are_422_not_a_database_error(
    client: TestClient, settings: Settings
) -> None:
    bad = request_json()
    bad["case"] = {**bad["case"], "number": "27\x00"}
    response = client.post("/api/v1/requests", json=bad, headers=bearer(api_key(settings)))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("case.number:")
