"""The person's decision: recorded with who and why; a changed recommendation re-runs the
redaction of the request's documents under the new outcome."""

from __future__ import annotations

from sqlmodel import Session

from app.errors import Unprocessable
from app.models.decision import Decision, DecisionCreate
from app.services import audit
from app.services import requests as request_service
from app.services.documents import requeue
from app.services.principals import Principal
from app.services.release_inputs import effective_assessment
from app.services.text_checks import refuse_nul
from rules import RuleBook


def record_decision(
    session: Session,
    actor: Principal,
    request_id: int,
    payload: DecisionCreate,
    book: RuleBook,
    lease_seconds: int,
) -> Decision:
    refuse_nul(payload.model_dump())
    request = request_service.get_request(session, request_id)
    accepted = payload.recommendation == request.recommendation
    reason = payload.reason.strip()
    if not accepted and not reason:
        raise Unprocessable(
            "reason: en begrundelse er påkrævet, når anbefalingen ændres",
            [{"loc": ["reason"], "msg": "påkrævet ved ændret anbefaling", "type": "missing"}],
        )
    before = effective_assessment(
        request, request_service.latest_decision(session, request_id), book
    )
    decision = Decision(
        request_id=request_id,
        recommendation=payload.recommendation,
        accepted=accepted,
        reason=reason,
        decided_by=(payload.decided_by or actor.name).strip() or actor.name,
        recorded_by=actor.actor,
    )
    session.add(decision)
    request.status = "decided"
    session.add(request)
    session.flush()
    audit.record(
        session,
        actor,
        "decision.recorded",
        "request",
        request_id,
        {
            "recommendation": decision.recommendation,
            "accepted": accepted,
            "reason": reason,
            "decided_by": decision.decided_by,
        },
    )
    after = effective_assessment(request, decision, book)
    if after.model_dump() != before.model_dump():
        requeue(session, request_service.documents_of(session, request_id), lease_seconds)
    return decision
