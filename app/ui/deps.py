"""The UI's own dependencies: database session, login session with timeout, CSRF, roles,
and the template renderer."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic_settings import BaseSettings, SettingsConfigDict

# Declared once in the API layer and re-exported for the UI's routes.
from app.api.deps import RuleBookDep as RuleBookDep
from app.api.deps import SessionDep as SessionDep
from app.api.deps import SettingsDep as SettingsDep
from app.errors import Forbidden
from app.services.principals import PERMISSIONS, Principal
from app.services.users import principal_for_user
from app.ui import labels

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
SESSION_USER_KEY = "user_id"  # the same key the API reads (app.api.deps)
CSRF_KEY, SEEN_KEY, LOGIN_KEY = "csrf", "ui_seen", "ui_login"
CSRF_FIELD, CSRF_HEADER = "csrf_token", "x-csrf-token"

# What the UI adds to the service's permissions (app.services.principals.PERMISSIONS).
UI_PERMISSIONS: dict[str, frozenset[str]] = {
    "review:write": frozenset({"caseworker", "admin"}),
    "approve": frozenset({"caseworker", "admin"}),
    "admin": frozenset({"admin"}),
}


class UiSettings(BaseSettings):
    """Login-session limits (AKTINDSIGT_UI_IDLE_MINUTES, AKTINDSIGT_UI_MAX_HOURS)."""

    model_config = SettingsConfigDict(env_prefix="AKTINDSIGT_UI_", extra="ignore")
    idle_minutes: int = 30
    max_hours: int = 10


class LoginRequired(Exception):
    """No valid login session; the handler sends the browser to the login page."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


class CsrfFailed(Forbidden):
    def __init__(self) -> None:
        super().__init__("Formularen er udløbet eller ugyldig (CSRF). Genindlæs siden og prøv igen")


templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
labels.install(templates.env)


def may(principal: Principal | None, permission: str) -> bool:
    if principal is None:
        return False
    if permission in UI_PERMISSIONS:
        return principal.role in UI_PERMISSIONS[permission]
    return permission in PERMISSIONS and principal.may(permission)


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CSRF_KEY] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Every state-changing request carries the session's token (header or form field)."""
    expected = request.session.get(CSRF_KEY)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise CsrfFailed()


def start_session(request: Request, user_id: int) -> None:
    """A fresh session for the user (nothing carried over from before the login)."""
    request.session.clear()
    now = int(time.time())
    request.session.update({SESSION_USER_KEY: user_id, LOGIN_KEY: now, SEEN_KEY: now})
    csrf_token(request)


def current_user(request: Request, session: SessionDep) -> Principal:
    """The logged-in user; LoginRequired when absent, idle too long or too old."""
    data = request.session
    user_id, seen, login = data.get(SESSION_USER_KEY), data.get(SEEN_KEY), data.get(LOGIN_KEY)
    if not isinstance(user_id, int) or not isinstance(seen, int) or not isinstance(login, int):
        data.clear()
        raise LoginRequired()
    limits, now = UiSettings(), int(time.time())
    if now - seen > limits.idle_minutes * 60 or now - login > limits.max_hours * 3600:
        data.clear()
        raise LoginRequired("timeout")
    principal = principal_for_user(session, user_id)
    if principal is None:
        data.clear()
        raise LoginRequired()
    data[SEEN_KEY] = now
    request.state.principal = principal
    return principal


CurrentUser = Annotated[Principal, Depends(current_user)]
Csrf = Depends(verify_csrf)


def require(permission: str) -> Callable[[Principal], Principal]:
    def check(principal: CurrentUser) -> Principal:
        if not may(principal, permission):
            raise Forbidden(
                f"Din rolle ({labels.ROLES.get(principal.role, principal.role)}) "
                "giver ikke adgang til dette"
            )
        return principal

    return check


RequestWriter = Annotated[Principal, Depends(require("request:write"))]
DocumentWriter = Annotated[Principal, Depends(require("document:write"))]
DecisionWriter = Annotated[Principal, Depends(require("decision:write"))]
Reviewer = Annotated[Principal, Depends(require("review:write"))]
Approver = Annotated[Principal, Depends(require("approve"))]
OriginalReader = Annotated[Principal, Depends(require("original:read"))]
Admin = Annotated[Principal, Depends(require("admin"))]


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """A page with the common context: the user, the CSRF token and the role checks."""
    principal = getattr(request.state, "principal", None)
    base = {
        "user": principal,
        "csrf_token": csrf_token(request),
        "may": lambda permission: may(principal, permission),
    }
    return templates.TemplateResponse(
        request, name, {**base, **(context or {})}, status_code=status_code
    )
