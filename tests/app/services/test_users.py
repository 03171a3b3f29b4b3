"""Users: argon2 hashes, roles, login by e-mail and password; API keys stored hashed."""

from __future__ import annotations

import pytest

from app.db import session_scope
from app.errors import BadRequest, Conflict, NotAuthenticated
from app.models.api_key import ApiKey
from app.services.api_keys import create_api_key, principal_for_key
from app.services.users import authenticate, create_user, principal_for_user
from app.settings import Settings
from tests.app.factories import PASSWORD, user


def test_password_is_hashed_with_argon2_and_login_works(settings: Settings) -> None:
    user_id = user(settings, "Anne@Kommune.dk", "caseworker")
    with session_scope(settings) as session:
        found = authenticate(session, "anne@kommune.dk", PASSWORD)
        assert found.id == user_id and found.password_hash.startswith("$argon2")
        with pytest.raises(NotAuthenticated):
            authenticate(session, "anne@kommune.dk", "forkert-kodeord")
        with pytest.raises(NotAuthenticated):
            authenticate(session, "ukendt@kommune.dk", PASSWORD)
        principal = principal_for_user(session, user_id)
        assert principal is not None and principal.role == "caseworker"


def test_bad_role_short_password_and_duplicates_are_refused(settings: Settings) -> None:
    user(settings)
    with session_scope(settings) as session:
        with pytest.raises(BadRequest):
            create_user(session, "t", "b@kommune.dk", "chef", PASSWORD)
        with pytest.raises(BadRequest):
            create_user(session, "t", "b@kommune.dk", "clerk", "kort")
        with pytest.raises(Conflict):
            create_user(session, "t", "anne@kommune.dk", "clerk", PASSWORD)


def test_api_key_is_shown_once_and_stored_hashed(settings: Settings) -> None:
    with session_scope(settings) as session:
        created = create_api_key(session, "t", "ESDH", "integration", "https://esdh.example/hook")
    with session_scope(settings) as session:
        row = session.get(ApiKey, created.api_key.id)
        assert row is not None and created.key not in (row.key_hash, row.prefix)
        assert created.webhook_secret == row.webhook_secret
        principal = principal_for_key(session, created.key)
        assert principal is not None and principal.role == "integration"
        assert principal_for_key(session, created.key + "x") is None
