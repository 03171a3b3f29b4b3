"""Requests: register (screened at once), list and read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query

from app.api.deps import IdPath, Reader, RequestWriter, RuleBookDep, SessionDep
from app.api.examples import REQUEST_EXAMPLE, REQUEST_PUBLIC_EXAMPLE, error_responses
from app.models.request import RequestListItem, RequestPublic
from app.services import requests as request_service
from rules import ScreeningRequest

router = APIRouter(tags=["requests"])

RequestBody = Annotated[
    ScreeningRequest,
    Body(openapi_examples={"borger": {"summary": "En parts anmodning", "value": REQUEST_EXAMPLE}}),
]


@router.post(
    "/requests",
    status_code=201,
    summary="Registrér og screen en anmodning",
    description="Gemmer anmodningen (CONTRACT.md: request JSON) og screener den straks. "
    "Svaret har `id` og `assessment`.",
    response_model=RequestPublic,
    responses={
        201: {"content": {"application/json": {"example": REQUEST_PUBLIC_EXAMPLE}}},
        **error_responses(401, 403, 413, 422),
    },
)
def create_request(
    payload: RequestBody, session: SessionDep, principal: RequestWriter, book: RuleBookDep
) -> RequestPublic:
    request = request_service.create_request(session, principal, payload, book)
    return request_service.request_public(session, request)


@router.get(
    "/requests",
    summary="Anmodninger, nyeste først",
    response_model=list[RequestListItem],
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": [
                        {
                            "id": 1,
                            "status": "open",
                            "received": "2026-11-20",
                            "case_number": "27.12.00-G01-123-25",
                            "risk": "high",
                            "recommendation": "grant",
                            "deadline": "2026-12-01",
                        }
                    ]
                }
            }
        },
        **error_responses(401, 403, 422),
    },
)
def list_requests(
    session: SessionDep,
    _principal: Reader,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> list[RequestListItem]:
    return request_service.list_items(session, limit, offset)


@router.get(
    "/requests/{request_id}",
    summary="Anmodningen, vurderingen, dokumenterne og deres behandlingsstatus",
    response_model=RequestPublic,
    responses={
        200: {"content": {"application/json": {"example": REQUEST_PUBLIC_EXAMPLE}}},
        **error_responses(401, 403, 404, 422),
    },
)
def read_request(request_id: IdPath, session: SessionDep, _principal: Reader) -> RequestPublic:
    return request_service.read_request(session, request_id)
