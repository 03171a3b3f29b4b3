"""POST /requests/{id}/decision: the person's decision, recorded."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from app.api.deps import DecisionWriter, IdPath, RuleBookDep, SessionDep, SettingsDep
from app.api.examples import DECISION_EXAMPLES, error_responses
from app.models.decision import DecisionCreate, DecisionPublic
from app.services import decisions as decision_service

router = APIRouter(tags=["decisions"])


@router.post(
    "/requests/{request_id}/decision",
    status_code=201,
    summary="Registrér afgørelsen (anbefalingen fulgt eller ændret med begrundelse)",
    description="En ændret anbefaling kræver `reason`; dokumenterne anonymiseres da igen "
    "efter den valgte afgørelse.",
    response_model=DecisionPublic,
    responses={
        201: {
            "content": {
                "application/json": {
                    "example": {
                        "id": 3,
                        "request_id": 1,
                        "recommendation": "grant",
                        "accepted": False,
                        "reason": "Henvendelserne skyldes utilfredshed, ikke chikane.",
                        "decided_by": "Anne Jensen, journalchef",
                        "created_at": "2026-11-24T10:00:00Z",
                    }
                }
            }
        },
        **error_responses(401, 403, 404, 422),
    },
)
def record_decision(
    request_id: IdPath,
    payload: Annotated[DecisionCreate, Body(openapi_examples=DECISION_EXAMPLES)],
    session: SessionDep,
    principal: DecisionWriter,
    book: RuleBookDep,
    settings: SettingsDep,
) -> DecisionPublic:
    decision = decision_service.record_decision(
        session, principal, request_id, payload, book, settings.job_lease_seconds
    )
    return DecisionPublic.model_validate(decision, from_attributes=True)
