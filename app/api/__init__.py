"""The JSON API under /api/v1 (CONTRACT.md): one router module per domain noun."""

from fastapi import APIRouter

from app.api import decisions, documents, packages, requests, staff

api_router = APIRouter(prefix="/api/v1")
for module in (staff, requests, documents, decisions, packages):
    api_router.include_router(module.router)
