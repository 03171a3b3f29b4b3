"""Login, CSRF and role checks of the UI (TestClient, no browser)."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.settings import Settings
from app.ui import admin, approve, auth, inbox, request_actions, requests, review
from tests.ui.factories import PASSWORD, csrf_of, login, request_form

PUBLIC = {"/login", "/static"}


def _ui_routes() -> list[tuple[str, str]]:
    routes = []
    for module in (admin, approve, auth, inbox, request_actions, requests, review):
        for route in module.router.routes:
            assert isinstance(route, APIRoute)
            if route.path in PUBLIC:
                continue
            path = re.sub(r"\{direction[^}]*\}", "fortryd", route.path)
            path = re.sub(r"\{[^}]+\}", "1", path)
            routes += [(m, path) for m in sorted(route.methods or ()) if m != "HEAD"]
    return routes


def test_every_ui_route_needs_a_login(client: TestClient, settings: Settings) -> None:
    routes = _ui_routes()
    assert len(routes) > 15
    for method, path in routes:
        if path == "/":
            continue
        response = client.request(method, path, follow_redirects=False)
        if path.endswith(".json"):
            assert response.status_code == 401, path
        elif method == "GET":
            assert response.status_code == 303, (method, path)
            assert response.headers["location"].startswith("/login?next="), path
        else:  # a POST without a session has no CSRF token either
            assert response.status_code in (303, 403), (method, path, response.status_code)


def test_json_endpoints_answer_401_without_login(client: TestClient) -> None:
    response = client.get("/anmodninger/1/status.json")
    assert response.status_code == 401
    assert response.json() == {"detail": "Du er ikke logget ind"}


def test_login_logout_and_safe_next(client: TestClient, users: dict[str, str]) -> None:
    token = csrf_of(client)
    bad = client.post(
        "/login", data={"email": users["clerk"], "password": "forkert", "csrf_token": token}
    )
    assert bad.status_code == 401 and "Forkert e-mail eller adgangskode" in bad.text
    response = client.post(
        "/login",
        data={
            "email": users["clerk"],
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/indbakke"
    page = client.get("/indbakke")
    assert page.status_code == 200 and "Indbakke" in page.text
    token = csrf_of(client, "/indbakke")
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/indbakke", follow_redirects=False).status_code == 303


def test_login_form_needs_csrf(client: TestClient, users: dict[str, str]) -> None:
    client.get("/login")
    response = client.post("/login", data={"email": users["clerk"], "password": PASSWORD})
    assert response.status_code == 403
    assert "CSRF" in response.text and "<html" in response.text


def test_csrf_is_enforced_on_forms_and_json(client: TestClient, users: dict[str, str]) -> None:
    token = login(client, users["clerk"])
    form = request_form()
    assert client.post("/anmodninger/ny", data=form).status_code == 403
    assert client.post("/anmodninger/ny", data={**form, "csrf_token": "x" * 43}).status_code == 403
    wrong_header = client.post(
        "/dokumenter/1/gennemsyn/fortryd", headers={"X-CSRF-Token": "nope"}, json={}
    )
    assert wrong_header.status_code == 403
    ok = client.post("/anmodninger/ny", data={**form, "csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303


def test_session_times_out_when_idle(
    client: TestClient, users: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    login(client, users["clerk"])
    import app.ui.deps as deps

    real = deps.time.time
    monkeypatch.setattr(deps.time, "time", lambda: real() + 31 * 60)
    response = client.get("/indbakke", follow_redirects=False)
    assert response.status_code == 303 and "timeout=1" in response.headers["location"]
    monkeypatch.setattr(deps.time, "time", real)
    assert client.get("/indbakke", follow_redirects=False).status_code == 303  # session cleared


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [
        ("clerk", "/administration", 403),
        ("caseworker", "/administration", 403),
        ("admin", "/administration", 200),
        ("caseworker", "/anmodninger/ny", 403),
        ("clerk", "/anmodninger/ny", 200),
    ],
)
def test_pages_by_role(
    client: TestClient, users: dict[str, str], role: str, path: str, status: int
) -> None:
    login(client, users[role])
    response = client.get(path)
    assert response.status_code == status
    if status == 403:
        assert "Ingen adgang" in response.text


def test_api_keeps_its_json_errors(client: TestClient) -> None:
    assert client.get("/api/v1/nothing-here").json() == {
        "detail": "Login eller API-nøgle mangler eller er ugyldig"
    }
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/api/v1/health").status_code == 401  # nothing under /api/v1 is open
    missing = client.get("/findes-ikke")
    assert missing.status_code == 404 and "Siden findes ikke" in missing.text


def test_pages_send_security_headers(client: TestClient) -> None:
    response = client.get("/login")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
