"""schemathesis against the OpenAPI document: no input makes the service answer 5xx.

Bounded to a few dozen examples per operation so that it runs in well under two minutes."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error

from app.settings import Settings
from tests.app.factories import STAFF_CSV, api_key, bearer, pdf_bytes, request_json

EXAMPLES_PER_OPERATION = 80


@pytest.fixture
def fuzz_key(settings: Settings) -> str:
    return api_key(settings, "admin")


@pytest.fixture
def api_schema(client: TestClient, fuzz_key: str):  # type: ignore[no-untyped-def]
    """The service's own OpenAPI document, with a request and a document to find."""
    headers = bearer(fuzz_key)
    client.post(
        "/api/v1/staff", content=STAFF_CSV.encode(), headers={**headers, "Content-Type": "text/csv"}
    )
    request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()["id"]
    client.post(
        f"/api/v1/requests/{request_id}/documents",
        files={"file": ("a.pdf", pdf_bytes(), "application/pdf")},
        headers=headers,
    )
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", client.app)


def test_no_server_errors(api_schema, fuzz_key: str) -> None:  # type: ignore[no-untyped-def]
    headers = bearer(fuzz_key)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_5xx(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        no_5xx()
