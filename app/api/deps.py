"""Typed dependencies, declared once: the session (the only place that commits), the caller
and the role checks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.db import session_scope
from app.errors import Forbidden, NotAuthenticated
from app.services.api_keys import principal_for_key
from app.services.principals import Principal
from app.services.users import principal_for_user
from app.settings import Settings
from rules import RuleBook

SESSION_USER_KEY = "user_id"
bearer_scheme = HTTPBearer(
    auto_error=False, description="API-nøgle: `Authorization: Bearer akt_...`"
)


# Dependencies without I/O are async: FastAPI runs sync ones on the thread pool.
async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_rulebook(request: Request) -> RuleBook:
    book: RuleBook = request.app.state.rulebook
    return book


def get_session(request: Request) -> Iterator[Session]:
    """One unit of work per HTTP request: committed when the route returns normally."""
    with session_scope(request.app.state.settings) as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
RuleBookDep = Annotated[RuleBook, Depends(get_rulebook)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_principal(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    """An API key from the Authorization header, else the user of a login session."""
    if credentials is not None:
        principal = principal_for_key(session, credentials.credentials)
        if principal is None:
            raise NotAuthenticated("API-nøglen er ugyldig eller tilbagekaldt")
        return principal
    user_id = request.session.get(SESSION_USER_KEY) if "session" in request.scope else None
    if isinstance(user_id, int):
        principal = principal_for_user(session, user_id)
        if principal is not None:
            return principal
    raise NotAuthenticated()


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require(permission: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets the caller through only if their role has ``permission``."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.may(permission):
            raise Forbidden(f"Rollen {principal.role!r} må ikke dette ({permission})")
        return principal

    return check


Reader = Annotated[Principal, Depends(require("read"))]
StaffWriter = Annotated[Principal, Depends(require("staff:write"))]
RequestWriter = Annotated[Principal, Depends(require("request:write"))]
DocumentWriter = Annotated[Principal, Depends(require("document:write"))]
DecisionWriter = Annotated[Principal, Depends(require("decision:write"))]
OriginalReader = Annotated[Principal, Depends(require("original:read"))]

# Ids are 32-bit in every supported database; larger values can only be unknown.
IdPath = Annotated[int, Path(ge=1, le=2_147_483_647, description="id", examples=[1])]
