"""Indbakke: every request with status, risk, recommendation, deadline and handler."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.services import review_requests
from app.ui.deps import CurrentUser, RuleBookDep, SessionDep, render
from app.ui.labels import RISK, STATUS

router = APIRouter()


@router.get("/indbakke", response_class=HTMLResponse)
def inbox(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    book: RuleBookDep,
    q: Annotated[str, Query(max_length=200)] = "",
    risiko: Annotated[str, Query(max_length=20)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    mine: Annotated[str, Query(max_length=5)] = "",
) -> HTMLResponse:
    risk = risiko if risiko in RISK else ""
    state = status if status in STATUS else ""
    rows = review_requests.inbox(
        session,
        book,
        date.today(),
        search=q,
        risk=risk,
        status=state,
        handler=user.name if mine else "",
    )
    filters = {"q": q, "risiko": risk, "status": state, "mine": bool(mine)}
    return render(request, "inbox.html", {"rows": rows, "filters": filters})
