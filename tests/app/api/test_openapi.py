"""The OpenAPI document: served at /api/v1/openapi.json, with examples on every endpoint."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _has_example(content: dict[str, Any]) -> bool:
    return any(
        "example" in media
        or "examples" in media
        or media.get("schema", {}).get("format") == "binary"
        for media in content.values()
    )


def test_every_operation_has_examples(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            success = next(c for c in operation["responses"] if c.startswith("2"))
            if not _has_example(operation["responses"][success].get("content", {})):
                missing.append(f"{method.upper()} {path} response")
            body = operation.get("requestBody", {}).get("content", {})
            if body and not _has_example(body) and "multipart/form-data" not in body:
                missing.append(f"{method.upper()} {path} request body")
    assert not missing, missing


def test_api_key_scheme_is_documented(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
