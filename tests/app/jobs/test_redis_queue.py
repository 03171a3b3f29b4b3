"""The Redis queue path: the same jobs on huey's Redis backend (AKTINDSIGT_TEST_REDIS_URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.jobs.queue import get_queue
from app.main import create_app
from app.settings import Settings
from tests.app.factories import STAFF_CSV, api_key, bearer, pdf_bytes, request_json
from tests.app.processes import wait_for

REDIS_ENV = "AKTINDSIGT_TEST_REDIS_URL"


@pytest.fixture
def redis_settings(settings: Settings) -> Iterator[Settings]:
    url = os.environ.get(REDIS_ENV)
    if not url:
        pytest.skip(f"Redis tests skipped: set {REDIS_ENV} (e.g. redis://127.0.0.1:6379/15)")
    # A queue name of its own: parallel test workers share the Redis database.
    name = f"test-{uuid.uuid4().hex}"
    configured = settings.model_copy(update={"queue_url": url, "workers": 1, "queue_name": name})
    queue = get_queue(configured)
    queue.huey.flush()
    yield configured
    queue.huey.flush()


@pytest.mark.redis
def test_documents_are_processed_through_redis(redis_settings: Settings) -> None:
    with TestClient(create_app(redis_settings)) as client:
        headers = bearer(api_key(redis_settings))
        client.post(
            "/api/v1/staff",
            content=STAFF_CSV.encode(),
            headers={**headers, "Content-Type": "text/csv"},
        )
        request_id = client.post("/api/v1/requests", json=request_json(), headers=headers).json()[
            "id"
        ]
        ids = [
            client.post(
                f"/api/v1/requests/{request_id}/documents",
                files={"file": (f"d{n}.pdf", pdf_bytes(pages=n + 1), "application/pdf")},
                headers=headers,
            ).json()["id"]
            for n in range(2)
        ]

        def all_done() -> bool:
            statuses = [
                client.get(f"/api/v1/documents/{i}", headers=headers).json()["status"] for i in ids
            ]
            return statuses == ["done", "done"]

        wait_for(all_done, 60, "both documents through the Redis queue")
