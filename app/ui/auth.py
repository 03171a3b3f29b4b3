"""Login with a session cookie, logout, and the front page redirect."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.errors import NotAuthenticated
from app.services import audit
from app.services.users import authenticate
from app.ui.deps import Csrf, SessionDep, render, start_session

log = logging.getLogger(__name__)
router = APIRouter()
HOME = "/indbakke"


def safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a full URL) may follow a login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return HOME
    return target


@router.get("/")
def front_page() -> RedirectResponse:
    return RedirectResponse(HOME, status_code=303)


@router.get("/login")
def login_form(request: Request, next: str = "", timeout: int = 0, ud: int = 0) -> Response:
    notice = ""
    if timeout:
        notice = "Du er blevet logget ud, fordi du har været inaktiv for længe."
    elif ud:
        notice = "Du er logget ud."
    return render(request, "login.html", {"next": safe_next(next), "notice": notice})


@router.post("/login", dependencies=[Csrf])
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form(max_length=300)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        user = authenticate(session, email, password)
    except NotAuthenticated as exc:
        audit.record(session, "ui:login", "user.login_failed", "user", "-", {"email": email})
        context = {"next": safe_next(next), "error": exc.detail, "email": email}
        return render(request, "login.html", context, status_code=401)
    assert user.id is not None
    start_session(request, user.id)
    audit.record(session, f"user:{user.id}:{user.email}", "user.login", "user", user.id, {})
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Csrf])
def logout(request: Request) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/login?ud=1", status_code=303)
