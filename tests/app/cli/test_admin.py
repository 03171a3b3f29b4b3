"""`aktindsigt user add`, `apikey add`, `audit verify`, `demo`: output and one-line errors."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import get_engine, session_scope
from app.services.api_keys import principal_for_key
from app.services.users import authenticate
from app.settings import Settings
from tests.app.factories import PASSWORD
from tests.app.processes import aktindsigt


def test_user_add_with_password_on_stdin(settings: Settings) -> None:
    done = aktindsigt(
        settings,
        "user",
        "add",
        "anne@kommune.dk",
        "--role",
        "caseworker",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr
    with session_scope(settings) as session:
        assert authenticate(session, "anne@kommune.dk", PASSWORD).role == "caseworker"
    again = aktindsigt(
        settings,
        "user",
        "add",
        "anne@kommune.dk",
        "--role",
        "clerk",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert again.returncode != 0
    assert again.stderr.count("\n") == 1 and "findes allerede" in again.stderr


def test_user_add_refuses_a_bad_role(settings: Settings) -> None:
    done = aktindsigt(settings, "user", "add", "a@kommune.dk", "--role", "chef", "--password-stdin")
    assert done.returncode != 0 and "chef" in done.stderr


def test_apikey_add_prints_the_key_once(settings: Settings) -> None:
    done = aktindsigt(settings, "apikey", "add", "ESDH", "--role", "integration")
    assert done.returncode == 0
    key = done.stdout.strip()
    assert key.startswith("akt_") and "\n" not in key
    with session_scope(settings) as session:
        principal = principal_for_key(session, key)
        assert principal is not None and principal.name == "ESDH"


def test_audit_verify_reports_the_first_broken_entry(settings: Settings) -> None:
    for name in ("a", "b", "c"):
        aktindsigt(settings, "apikey", "add", name)
    ok = aktindsigt(settings, "audit", "verify")
    assert ok.returncode == 0 and "3 entries" in ok.stdout
    with get_engine(settings).begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2"))
    broken = aktindsigt(settings, "audit", "verify")
    assert broken.returncode == 1
    assert "entry 2" in broken.stderr and broken.stderr.count("\n") == 1


@pytest.mark.slow
def test_demo_is_idempotent(settings: Settings) -> None:
    first = aktindsigt(settings, "demo", AKTINDSIGT_QUEUE_URL="")
    assert first.returncode == 0, first.stderr
    assert "demo@aktindsigt.local" in first.stdout
    second = aktindsigt(settings, "demo")
    assert second.returncode == 0
    assert "0 new requests, 0 new documents" in second.stdout
    password = first.stdout.split("with password ")[1].split()[0]
    assert password in second.stdout
    with session_scope(settings) as session:
        assert authenticate(session, "demo@aktindsigt.local", password).role == "admin"


def test_bad_configuration_is_one_line(settings: Settings) -> None:
    done = aktindsigt(settings, "audit", "verify", AKTINDSIGT_SECRET_KEY="changethis")
    assert done.returncode == 2
    assert "AKTINDSIGT_SECRET_KEY" in done.stderr and done.stderr.count("\n") == 1
