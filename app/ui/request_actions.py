"""Actions on the Anmodning page: the decision, the letter, and taking over the request."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from app.errors import BadRequest, Unprocessable
from app.models.decision import DecisionCreate
from app.services import decisions as decision_service
from app.services import review_requests
from app.ui.deps import Csrf, DecisionWriter, RuleBookDep, SessionDep, SettingsDep, render
from app.ui.requests import detail_context

router = APIRouter()


@router.post("/anmodninger/{request_id}/afgoerelse", dependencies=[Csrf])
def record_decision(
    request: Request,
    request_id: int,
    session: SessionDep,
    user: DecisionWriter,
    book: RuleBookDep,
    settings: SettingsDep,
    recommendation: Annotated[str, Form(max_length=40)],
    reason: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """Accept the recommendation, or change it with a reason (the service requires one)."""
    try:
        payload = DecisionCreate(recommendation=recommendation, reason=reason)  # type: ignore[arg-type]
        decision_service.record_decision(
            session, user, request_id, payload, book, settings.job_lease_seconds
        )
    except (Unprocessable, ValidationError) as exc:
        message = (
            "Skriv en begrundelse, når du ændrer anbefalingen."
            if isinstance(exc, Unprocessable)
            else "Vælg en af de tre afgørelser."
        )
        context = detail_context(session, request_id, book, user)
        context.update(decision_error=message, chosen=recommendation, reason=reason)
        return render(request, "request.html", context, status_code=422)
    return RedirectResponse(f"/anmodninger/{request_id}#afgoerelse", status_code=303)


@router.post("/anmodninger/{request_id}/brev", dependencies=[Csrf])
def save_letter(
    request: Request,
    request_id: int,
    session: SessionDep,
    user: DecisionWriter,
    book: RuleBookDep,
    text: Annotated[str, Form(max_length=60_000)] = "",
    action: Annotated[str, Form(max_length=20)] = "gem",
) -> Response:
    if action == "nulstil":
        review_requests.reset_letter(session, user, request_id)
    else:
        try:
            review_requests.save_letter(session, user, request_id, text)
        except BadRequest as exc:
            context = detail_context(session, request_id, book, user)
            context.update(letter_error=exc.detail, letter=text)
            return render(request, "request.html", context, status_code=422)
    return RedirectResponse(f"/anmodninger/{request_id}#brev", status_code=303)


@router.post("/anmodninger/{request_id}/overtag", dependencies=[Csrf])
def take_over(request_id: int, session: SessionDep, user: DecisionWriter) -> RedirectResponse:
    review_requests.assign(session, user, request_id, user.name)
    return RedirectResponse(f"/anmodninger/{request_id}", status_code=303)
