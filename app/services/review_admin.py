"""Administration helpers the UI needs beyond the service: list users and API keys,
deactivate a user, revoke a key, read the staff register. Every change is audited."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.errors import BadRequest, NotFound
from app.models._base import utcnow
from app.models.api_key import ApiKey
from app.models.staff import Staff
from app.models.user import User
from app.services import audit
from app.services.principals import Principal


def users(session: Session) -> Sequence[User]:
    return session.exec(select(User).order_by(col(User.email))).all()


def api_keys(session: Session) -> Sequence[ApiKey]:
    return session.exec(select(ApiKey).order_by(col(ApiKey.id))).all()


def staff(session: Session) -> Sequence[Staff]:
    return session.exec(select(Staff).order_by(col(Staff.name))).all()


def staff_names(session: Session) -> dict[str, str]:
    """Initials (upper case) and names -> full name, to name a proposal's person."""
    names: dict[str, str] = {}
    for member in session.exec(select(Staff)):
        names[member.name] = member.name
        if member.initials:
            names[member.initials.upper()] = member.name
    return names


def set_user_active(session: Session, actor: Principal, user_id: int, active: bool) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"Bruger {user_id} findes ikke")
    if actor.kind == "user" and actor.id == user_id and not active:
        raise BadRequest("Du kan ikke deaktivere dig selv")
    user.active = active
    session.add(user)
    action = "user.activated" if active else "user.deactivated"
    audit.record(session, actor, action, "user", user_id, {"email": user.email})
    return user


def revoke_api_key(session: Session, actor: Principal, key_id: int) -> ApiKey:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise NotFound(f"API-nøgle {key_id} findes ikke")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)
        audit.record(session, actor, "apikey.revoked", "apikey", key_id, {"name": key.name})
    return key
