"""The FastAPI application factory: routers, lifespan and exception handlers in one place."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.sessions import SessionMiddleware

from app import __version__
from app.api import api_router
from app.api.middleware import BodySizeLimitMiddleware, RequireCredentialsMiddleware
from app.db import migrate
from app.exception_handlers import register_exception_handlers
from app.jobs.queue import get_queue
from app.services.release_inputs import rulebook
from app.settings import Settings, get_settings
from app.ui import mount_ui

log = logging.getLogger(__name__)
SESSION_COOKIE = "aktindsigt_session"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Migrate the database, then run the embedded job workers while the service runs."""
    settings: Settings = app.state.settings
    migrate(settings)
    queue = get_queue(settings)
    consumer = None
    if settings.workers > 0 and settings.queue_url != "immediate":
        consumer = queue.consumer(settings.workers)
        consumer.start()
        log.info("embedded job workers: %d", settings.workers)
    try:
        yield
    finally:
        if consumer is not None:
            consumer.stop(graceful=True)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Aktindsigt",
        version=__version__,
        description=(
            "Screening af anmodninger om aktindsigt efter 2024-reglerne om chikane og sikker "
            "anonymisering af medarbejdere i sagens dokumenter. Alle kald kræver "
            "`Authorization: Bearer <API-nøgle>` (eller en login-session i brugerfladen)."
        ),
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.rulebook = rulebook(settings.rules_file)

    # Liveness for load balancers: outside /api/v1 and its schema, where every call needs
    # credentials (CONTRACT.md). It says nothing but "ok" and the version.
    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    app.include_router(api_router)
    register_exception_handlers(app)
    mount_ui(app)  # the caseworker UI: a sub-app at "/" that leaves /api/ to the API
    # Added last = outermost: size and credentials are checked before anything else runs.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.resolved_secret_key(),
        session_cookie=SESSION_COOKIE,
        same_site="strict",
        https_only=False,
    )
    app.add_middleware(RequireCredentialsMiddleware, cookie_name=SESSION_COOKIE)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_upload_bytes)
    return app
