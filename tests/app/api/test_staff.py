"""POST /staff: CSV body or multipart file; bad rows are 422 with line numbers; atomic."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from app.db import session_scope
from app.models.staff import Staff
from app.settings import Settings
from tests.app.factories import STAFF_CSV, api_key, bearer


def _names(settings: Settings) -> list[str]:
    with session_scope(settings) as session:
        return [s.name for s in session.exec(select(Staff)).all()]


def test_csv_body_replaces_the_register(client: TestClient, settings: Settings) -> None:
    headers = {**bearer(api_key(settings)), "Content-Type": "text/csv"}
    first = client.post("/api/v1/staff", content=STAFF_CSV.encode(), headers=headers)
    assert first.status_code == 200, first.text
    assert first.json() == {"staff": 2, "leading": 1, "replaced": 0}
    one = STAFF_CSV.splitlines()[0] + "\nAnne Jensen,ANJE,,,jurist,Sekretariat,false\n"
    second = client.post("/api/v1/staff", content=one.encode(), headers=headers)
    assert second.json() == {"staff": 1, "leading": 0, "replaced": 2}
    assert _names(settings) == ["Anne Jensen"]


def test_multipart_file_is_accepted(client: TestClient, settings: Settings) -> None:
    response = client.post(
        "/api/v1/staff",
        files={"file": ("medarbejdere.csv", STAFF_CSV.encode(), "text/csv")},
        headers=bearer(api_key(settings)),
    )
    assert response.status_code == 200
    assert response.json()["staff"] == 2


def test_bad_rows_are_422_with_line_numbers_and_keep_the_old_register(
    client: TestClient, settings: Settings
) -> None:
    headers = {**bearer(api_key(settings)), "Content-Type": "text/csv"}
    client.post("/api/v1/staff", content=STAFF_CSV.encode(), headers=headers)
    bad = STAFF_CSV + "Ole Hansen,OLHA,ikke-en-mail,,,,false\n,,,,,,maybe\n"
    response = client.post("/api/v1/staff", content=bad.encode(), headers=headers)
    assert response.status_code == 422
    body = response.json()
    assert "linje 4" in body["detail"]
    assert [e["line"] for e in body["errors"]] == [4, 5]
    assert len(_names(settings)) == 2
