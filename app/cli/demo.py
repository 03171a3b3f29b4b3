"""`aktindsigt demo`: load the samples into the store (idempotent) and create a demo admin."""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, select

from app.cli.screen import validation_message
from app.db import migrate, session_scope
from app.models.case import Case
from app.models.staff import Staff
from app.services import documents as document_service
from app.services import requests as request_service
from app.services import staff as staff_service
from app.services.principals import Principal
from app.services.release_inputs import rulebook
from app.services.users import create_user, find_user
from app.settings import Settings, get_settings
from app.storage import BlobStore
from rules import ScreeningRequest

log = logging.getLogger(__name__)
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "data"
DEMO_ACTOR = Principal(kind="system", id=0, name="demo", role="admin")
DEMO_EMAIL = "demo@aktindsigt.local"
LOGIN_FILE = "demo-login.txt"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("demo", help="load the samples (staff, requests, documents)")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="the samples data folder")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    migrate(settings)
    folder: Path = args.samples
    with session_scope(settings) as session:
        staff = _load_staff(session, folder / "staff.csv")
    created = _load_requests(settings, folder / "requests")
    attached = _attach_documents(settings, folder / "documents")
    password = _demo_admin(settings)
    sys.stdout.write(
        f"demo loaded: {staff} staff, {created} new requests, {attached} new documents\n"
        f"log in as {DEMO_EMAIL} with password {password} (admin)\n"
        f"start the service with: aktindsigt serve  (http://{settings.host}:{settings.port})\n"
    )
    return 0


def _load_staff(session: Session, path: Path) -> int:
    if not path.is_file():
        log.warning("no staff register at %s", path)
        return 0
    data = path.read_bytes()
    current = session.exec(select(Staff)).all()
    counts = (
        staff_service.replace_register(session, DEMO_ACTOR, data, path.name)
        if not current
        else None
    )
    return counts.staff if counts else len(current)


def _sample_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.name != "expected.json")


def _load_requests(settings: Settings, folder: Path) -> int:
    book, created = rulebook(settings.rules_file), 0
    for path in _sample_files(folder) if folder.is_dir() else []:
        try:
            payload = ScreeningRequest.model_validate(json.loads(path.read_bytes()))
        except (ValueError, ValidationError) as exc:
            detail = validation_message(exc) if isinstance(exc, ValidationError) else str(exc)
            sys.stderr.write(f"aktindsigt: {path}: {detail}\n")
            continue
        with session_scope(settings) as session:
            if _exists(session, payload):
                continue
            request_service.create_request(session, DEMO_ACTOR, payload, book)
            created += 1
    return created


def _exists(session: Session, payload: ScreeningRequest) -> bool:
    from app.models.request import Request

    query = (
        select(Request.id)
        .join(Case, Case.request_id == Request.id)  # type: ignore[arg-type]
        .where(
            Case.number == payload.case.number,
            Request.received == payload.received,
            Request.requester_name == payload.requester.name,
        )
    )
    return session.exec(query).first() is not None


def _documents_request(folder: Path) -> dict[str, Any] | None:
    """A party's own-case request for the case the sample documents belong to."""
    truth = folder / "ground_truth.json"
    if not truth.is_file():
        return None
    case = json.loads(truth.read_text(encoding="utf-8"))["case"]
    party = case["parties"][0]
    return {
        "received": "2026-11-20",
        "requester": {"name": party["name"], "cpr": party.get("cpr"), "email": party.get("email")},
        "text": "Jeg beder om aktindsigt i alle dokumenter i min sag.",
        "case": case,
    }


def _attach_documents(settings: Settings, folder: Path) -> int:
    request_json = _documents_request(folder) if folder.is_dir() else None
    if request_json is None:
        return 0
    payload = ScreeningRequest.model_validate(request_json)
    store, attached = BlobStore(settings.files_dir), 0
    with session_scope(settings) as session:
        if not _exists(session, payload):
            request_service.create_request(
                session, DEMO_ACTOR, payload, rulebook(settings.rules_file)
            )
    with session_scope(settings) as session:
        request = _find(session, payload)
        known = {d.sha256 for d in request_service.documents_of(session, request)}
        for pdf in sorted(folder.glob("*.pdf")):
            with pdf.open("rb") as handle:
                document = document_service.attach_document(
                    session,
                    DEMO_ACTOR,
                    store,
                    request,
                    handle,
                    pdf.name,
                    settings.max_upload_bytes,
                    settings.job_lease_seconds,
                )
            attached += document.sha256 not in known
    return attached


def _find(session: Session, payload: ScreeningRequest) -> int:
    from app.models.request import Request

    query = (
        select(Request.id)
        .join(Case, Case.request_id == Request.id)  # type: ignore[arg-type]
        .where(Case.number == payload.case.number, Request.requester_name == payload.requester.name)
    )
    found = session.exec(query).first()
    assert found is not None
    return found


def _demo_admin(settings: Settings) -> str:
    """Create the demo admin once; its password is kept in data_dir so reruns can show it."""
    login = settings.data_dir / LOGIN_FILE
    with session_scope(settings) as session:
        if find_user(session, DEMO_EMAIL) is not None and login.is_file():
            return login.read_text(encoding="utf-8").strip()
        password = secrets.token_urlsafe(12)
        user = find_user(session, DEMO_EMAIL)
        if user is None:
            create_user(session, DEMO_ACTOR, DEMO_EMAIL, "admin", password)
        else:
            from app.security import hash_password

            user.password_hash = hash_password(password)
            session.add(user)
    fd = os.open(login, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    return password
