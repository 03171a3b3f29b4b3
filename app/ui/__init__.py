"""The Danish caseworker UI: a sub-app with its own login, CSRF, HTML error pages and
static assets (no CDN). Mounted at "/" next to the API, which keeps every /api/ path."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.settings import Settings
from rules import RuleBook

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the headers above to every UI response (pages may not be framed or inject script)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class UiMount(Mount):
    """Mount at "/" that leaves /api/ to the API (so its 404 and 405 answers stay JSON)."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope.get("path", "").startswith("/api/"):
            return Match.NONE, {}
        return super().matches(scope)


def create_ui_app(settings: Settings, book: RuleBook) -> FastAPI:
    from app.ui import admin, approve, auth, inbox, request_actions, requests, review
    from app.ui.errors import register_error_handlers

    ui = FastAPI(title="Aktindsigt – brugerflade", openapi_url=None, docs_url=None, redoc_url=None)
    ui.state.settings = settings
    ui.state.rulebook = book
    for module in (auth, inbox, requests, request_actions, review, approve, admin):
        ui.include_router(module.router)
    ui.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    register_error_handlers(ui)
    ui.add_middleware(SecurityHeaders)
    return ui


def mount_ui(app: FastAPI) -> None:
    """Register the UI on the service's app (call after the API routers are included)."""
    ui = create_ui_app(app.state.settings, app.state.rulebook)
    app.router.routes.append(UiMount("/", app=ui, name="ui"))
