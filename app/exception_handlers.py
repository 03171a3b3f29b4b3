"""Every exception handler, registered in one place: errors are JSON {"detail": ...}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import AppError, NotAuthenticated, Unprocessable

log = logging.getLogger(__name__)


def validation_detail(errors: list[dict[str, Any]]) -> str:
    """'case.kind: Input should be ...' for the first problem, naming the field."""
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")]
    field = ".".join(loc) or "(body)"
    problem = "field required" if first.get("type") == "missing" else str(first.get("msg"))
    more = f" (og {len(errors) - 1} andre fejl)" if len(errors) > 1 else ""
    return f"{field}: {problem}{more}"


async def app_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    content: dict[str, object] = {"detail": exc.detail}
    if isinstance(exc, Unprocessable) and exc.errors:
        content["errors"] = exc.errors
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, NotAuthenticated) else None
    return JSONResponse(content, status_code=exc.status_code, headers=headers)


async def validation_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors: list[dict[str, Any]] = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg")), "type": str(e.get("type"))}
        for e in exc.errors()
    ]
    return JSONResponse({"detail": validation_detail(errors), "errors": errors}, status_code=422)


async def http_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = {404: "Findes ikke", 405: "Metoden er ikke tilladt her"}.get(
        exc.status_code, exc.detail
    )
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


async def unexpected_error_handler(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Intern fejl; hændelsen er logget"}, status_code=500)


def register_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, app_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(Exception, unexpected_error_handler)
