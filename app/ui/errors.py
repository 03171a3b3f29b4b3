"""The UI's error handling: Danish HTML error pages, the login redirect, JSON for fetch calls
(and for stray /api/ paths, which keep the API's JSON errors)."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import AppError
from app.exception_handlers import validation_detail
from app.ui.deps import LoginRequired, render

log = logging.getLogger(__name__)

TITLES = {
    400: "Forkert forespørgsel",
    401: "Du er ikke logget ind",
    403: "Ingen adgang",
    404: "Siden findes ikke",
    405: "Handlingen er ikke tilladt her",
    409: "Det kan ikke lade sig gøre lige nu",
    413: "Filen er for stor",
    415: "Filtypen understøttes ikke",
    422: "Oplysningerne kunne ikke bruges",
    500: "Der skete en fejl",
}


def wants_json(request: Request) -> bool:
    return (
        request.url.path.startswith("/api/")
        or request.url.path.endswith(".json")
        or "application/json" in request.headers.get("accept", "")
        or request.headers.get("content-type", "").startswith("application/json")
        or request.headers.get("x-requested-with") == "fetch"
    )


def error_page(request: Request, status: int, detail: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status)
    context = {"status": status, "title": TITLES.get(status, "Fejl"), "detail": detail}
    return render(request, "error.html", context, status_code=status)


async def login_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    if wants_json(request):
        return JSONResponse({"detail": "Du er ikke logget ind"}, status_code=401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    suffix = "&timeout=1" if exc.reason == "timeout" else ""
    return RedirectResponse(f"/login?next={quote(target, safe='')}{suffix}", status_code=303)


async def app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    return error_page(request, exc.status_code, exc.detail)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = {404: "Findes ikke", 405: "Metoden er ikke tilladt her"}.get(
        exc.status_code, str(exc.detail)
    )
    return error_page(request, exc.status_code, detail)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg"))} for e in exc.errors()]
    return error_page(request, 422, validation_detail(errors))


class UnexpectedErrors:
    """An unexpected error becomes a Danish 500 page here, inside the sub-app, so that it is
    not re-raised to the service's own handler (which answers in JSON)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            request = Request(scope)
            log.exception("UI error on %s %s", request.method, request.url.path, exc_info=exc)
            response = error_page(request, 500, "Der skete en uventet fejl. Hændelsen er logget.")
            await response(scope, receive, send)


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(AppError, app_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_middleware(UnexpectedErrors)
