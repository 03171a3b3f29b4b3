"""People who log in to the UI: roles clerk, caseworker, admin; argon2 password hashes."""

from __future__ import annotations

from sqlmodel import Session, func, select

from app.errors import BadRequest, Conflict, NotAuthenticated
from app.models.user import USER_ROLES, User
from app.security import hash_password, verify_password
from app.services import audit
from app.services.principals import Principal
from app.services.text_checks import refuse_nul

MIN_PASSWORD_LENGTH = 10


def create_user(
    session: Session, actor: Principal | str, email: str, role: str, password: str
) -> User:
    refuse_nul({"email": email, "password": password})
    email = email.strip().lower()
    if "@" not in email:
        raise BadRequest(f"{email!r} er ikke en e-mailadresse")
    if role not in USER_ROLES:
        raise BadRequest(f"ukendt rolle {role!r}; vælg en af {', '.join(USER_ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BadRequest(f"adgangskoden skal have mindst {MIN_PASSWORD_LENGTH} tegn")
    if find_user(session, email) is not None:
        raise Conflict(f"brugeren {email} findes allerede")
    user = User(email=email, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.created", "user", user.id, {"email": email, "role": role})
    return user


def find_user(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(func.lower(User.email) == email.strip().lower())).first()


def authenticate(session: Session, email: str, password: str) -> User:
    """The active user with this e-mail and password; NotAuthenticated otherwise."""
    user = find_user(session, email)
    ok = verify_password(password, user.password_hash if user else None)
    if user is None or not ok or not user.active:
        raise NotAuthenticated("Forkert e-mail eller adgangskode")
    return user


def principal_for_user(session: Session, user_id: int) -> Principal | None:
    """The principal of an active user (for a login session), None if gone or disabled."""
    user = session.get(User, user_id)
    if user is None or not user.active or user.id is None:
        return None
    return Principal(kind="user", id=user.id, name=user.email, role=user.role)
