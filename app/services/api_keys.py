"""API keys for systems: created once (the key is shown then), stored as a hash."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlmodel import Session, select

from app.errors import BadRequest
from app.models.api_key import API_KEY_ROLES, ApiKey
from app.security import hash_api_key, new_api_key, new_webhook_secret
from app.services import audit
from app.services.principals import Principal
from app.services.text_checks import refuse_nul

CACHE_SECONDS = 5.0
_CACHE_SIZE = 1000
_cache: dict[str, tuple[Principal, float]] = {}


@dataclass(frozen=True)
class NewApiKey:
    api_key: ApiKey
    key: str
    webhook_secret: str | None


def create_api_key(
    session: Session,
    actor: Principal | str,
    name: str,
    role: str = "integration",
    webhook_url: str | None = None,
) -> NewApiKey:
    """Create a key; the plain key (and webhook secret) exist only in the return value."""
    refuse_nul({"name": name, "webhook_url": webhook_url})
    if role not in API_KEY_ROLES:
        raise BadRequest(f"ukendt rolle {role!r}; vælg en af {', '.join(API_KEY_ROLES)}")
    if not name.strip():
        raise BadRequest("navnet må ikke være tomt")
    if webhook_url and not webhook_url.startswith(("http://", "https://")):
        raise BadRequest("webhook-adressen skal begynde med http:// eller https://")
    key = new_api_key()
    secret = new_webhook_secret() if webhook_url else None
    row = ApiKey(
        name=name.strip(),
        role=role,
        prefix=key[:10],
        key_hash=hash_api_key(key),
        webhook_url=webhook_url,
        webhook_secret=secret,
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor, "apikey.created", "apikey", row.id, {"name": row.name, "role": role}
    )
    return NewApiKey(row, key, secret)


def principal_for_key(session: Session, key: str) -> Principal | None:
    """The principal of a valid, unrevoked key; None otherwise.

    Valid keys are remembered for a few seconds: systems poll, and a database round trip
    per call is most of the cost of a small GET. A revocation takes effect within the TTL.
    """
    key_hash = hash_api_key(key)
    cached = _cache.get(key_hash)
    if cached is not None and cached[1] > time.monotonic():
        return cached[0]
    row = session.exec(select(ApiKey).where(ApiKey.key_hash == key_hash)).first()
    if row is None or row.revoked_at is not None or row.id is None:
        _cache.pop(key_hash, None)
        return None
    principal = Principal(kind="api_key", id=row.id, name=row.name, role=row.role)
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[key_hash] = (principal, time.monotonic() + CACHE_SECONDS)
    return principal
