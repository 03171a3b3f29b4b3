"""The FastAPI application factory: routers, lifespan and exception handlers in one place."""

from __future__ import annotations

from fastapi import FastAPI

from app import __version__
from app.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Aktindsigt",
        version=__version__,
        description=(
            "Screening af anmodninger om aktindsigt efter 2024-reglerne om chikane og sikker "
            "anonymisering af medarbejdere i sagens dokumenter."
        ),
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings

    @app.get("/api/v1/health", tags=["system"], summary="Liveness check")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    return app
