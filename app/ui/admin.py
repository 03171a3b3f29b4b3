"""Administration (admin only): staff register upload with a validation report, users, API
keys, and a read-only view of the active rule sets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from app.errors import AppError, Unprocessable
from app.models.user import USER_ROLES
from app.services import review_admin
from app.services import staff as staff_service
from app.services.api_keys import create_api_key
from app.services.users import create_user
from app.ui.deps import Admin, Csrf, RuleBookDep, SessionDep, render
from rules import RuleBook

router = APIRouter(prefix="/administration")
MAX_CSV_BYTES = 10 * 1024 * 1024


def _context(session: Session, book: RuleBook, **extra: Any) -> dict[str, Any]:
    rule_sets = sorted(book.rule_sets.values(), key=lambda r: (r.regime, r.effective_from))
    return {
        "users": review_admin.users(session),
        "keys": review_admin.api_keys(session),
        "staff": review_admin.staff(session),
        "rule_sets": rule_sets,
        "screening": book.screening,
        "roles": USER_ROLES,
        **extra,
    }


@router.get("", response_class=HTMLResponse)
def admin_page(
    request: Request, session: SessionDep, _user: Admin, book: RuleBookDep
) -> HTMLResponse:
    return render(request, "admin.html", _context(session, book))


@router.post("/medarbejdere", dependencies=[Csrf], response_class=HTMLResponse)
def upload_staff(
    request: Request,
    session: SessionDep,
    user: Admin,
    book: RuleBookDep,
    file: Annotated[UploadFile, File(alias="fil")],
) -> HTMLResponse:
    data = file.file.read(MAX_CSV_BYTES + 1)
    name = file.filename or "medarbejdere.csv"
    if len(data) > MAX_CSV_BYTES:
        report = {"ok": False, "message": "Filen er for stor (højst 10 MB)", "problems": []}
        return render(request, "admin.html", _context(session, book, staff_report=report), 413)
    try:
        counts = staff_service.replace_register(session, user, data, name)
    except Unprocessable as exc:
        report = {"ok": False, "message": exc.detail, "problems": exc.errors}
        return render(request, "admin.html", _context(session, book, staff_report=report), 422)
    report = {
        "ok": True,
        "message": f"Registret er indlæst: {counts.staff} medarbejdere, heraf {counts.leading} "
        f"ledere (erstattede {counts.replaced}).",
        "problems": [],
    }
    return render(request, "admin.html", _context(session, book, staff_report=report))


@router.post("/brugere", dependencies=[Csrf], response_class=HTMLResponse)
def add_user(
    request: Request,
    session: SessionDep,
    user: Admin,
    book: RuleBookDep,
    email: Annotated[str, Form(max_length=300)],
    role: Annotated[str, Form(max_length=20)],
    password: Annotated[str, Form(max_length=1000)],
) -> Response:
    try:
        create_user(session, user, email, role, password)
    except AppError as exc:
        context = _context(session, book, user_error=exc.detail)
        return render(request, "admin.html", context, exc.status_code)
    return RedirectResponse("/administration#brugere", status_code=303)


@router.post("/brugere/{user_id}/aktiv", dependencies=[Csrf])
def toggle_user(
    user_id: int,
    session: SessionDep,
    user: Admin,
    active: Annotated[str, Form(max_length=5)],
) -> RedirectResponse:
    review_admin.set_user_active(session, user, user_id, active == "1")
    return RedirectResponse("/administration#brugere", status_code=303)


@router.post("/noegler", dependencies=[Csrf], response_class=HTMLResponse)
def add_key(
    request: Request,
    session: SessionDep,
    user: Admin,
    book: RuleBookDep,
    name: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form(max_length=20)] = "integration",
    webhook_url: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    try:
        created = create_api_key(session, user, name, role, webhook_url.strip() or None)
    except AppError as exc:
        context = _context(session, book, key_error=exc.detail)
        return render(request, "admin.html", context, exc.status_code)
    new_key = {"name": created.api_key.name, "key": created.key, "secret": created.webhook_secret}
    return render(request, "admin.html", _context(session, book, new_key=new_key))


@router.post("/noegler/{key_id}/tilbagekald", dependencies=[Csrf])
def revoke_key(key_id: int, session: SessionDep, user: Admin) -> RedirectResponse:
    review_admin.revoke_api_key(session, user, key_id)
    return RedirectResponse("/administration#noegler", status_code=303)
