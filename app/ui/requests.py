"""Ny anmodning (form and document upload) and Anmodning (the assessment page)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlmodel import Session
from starlette.datastructures import UploadFile as StarletteUpload

from app.errors import Forbidden
from app.models.document import DONE, FAILED
from app.services import documents as document_service
from app.services import requests as request_service
from app.services import review_requests
from app.services.principals import Principal
from app.services.review_release import approval_of
from app.settings import Settings
from app.storage import BlobStore
from app.ui.deps import (
    Csrf,
    CurrentUser,
    DocumentWriter,
    RequestWriter,
    RuleBookDep,
    SessionDep,
    SettingsDep,
    may,
    render,
)
from app.ui.errors import wants_json
from app.ui.forms import empty_form, parse_request_form
from app.ui.highlight import segments
from app.ui.labels import RECOMMENDATION
from rules import Assessment, RuleBook
from rules.workdays import WorkingCalendar

router = APIRouter()


@router.get("/anmodninger/ny", response_class=HTMLResponse)
def new_request_form(request: Request, _user: RequestWriter) -> HTMLResponse:
    return render(request, "request_new.html", {"form": empty_form()})


@router.post("/anmodninger/ny", dependencies=[Csrf])
async def create_request(
    request: Request,
    session: SessionDep,
    user: RequestWriter,
    book: RuleBookDep,
    settings: SettingsDep,
) -> Response:
    data = await request.form()
    payload, form = parse_request_form(data)
    if payload is None:
        if wants_json(request):
            return JSONResponse({"detail": "; ".join(form.errors)}, status_code=422)
        return render(request, "request_new.html", {"form": form}, status_code=422)
    created = request_service.create_request(session, user, payload, book)
    assert created.id is not None
    review_requests.assign(session, user, created.id, user.name)
    uploads = [f for f in data.getlist("filer") if isinstance(f, StarletteUpload) and f.filename]
    if uploads:  # the form posted without JavaScript, files included
        if not may(user, "document:write"):
            raise Forbidden("Din rolle må ikke vedhæfte dokumenter")
        _attach(session, user, settings, created.id, uploads)
    url = f"/anmodninger/{created.id}"
    if wants_json(request):
        return JSONResponse({"id": created.id, "url": url}, status_code=201)
    return RedirectResponse(url, status_code=303)


def fristbrev(assessment: Assessment, decided: bool, days_left: int) -> tuple[str, bool]:
    """Whether a fristbrev (OFL § 36, stk. 2) is due, in words, and whether it is urgent."""
    if decided:
        return "Ikke relevant – afgørelsen er truffet.", False
    if days_left < 0:
        return "Fristen er overskredet. Send fristbrev nu med begrundelse og forventet dato.", True
    if days_left == 0:
        return "Fristen udløber i dag. Send fristbrev, hvis afgørelsen ikke træffes i dag.", True
    if assessment.regime == "databeskyttelse":
        return "Ikke endnu. Svarfristen er én måned (databeskyttelsesforordningen art. 12).", False
    return (
        "Ikke endnu. Fristbrev skal sendes, hvis afgørelsen ikke er truffet inden fristen.",
        False,
    )


def detail_context(
    session: Session, request_id: int, book: RuleBook, user: Principal
) -> dict[str, Any]:
    """Everything the Anmodning page shows."""
    stored = request_service.get_request(session, request_id)
    screening = request_service.screening_request(session, stored)
    assessment = request_service.assessment_of(stored)
    decision = request_service.latest_decision(session, request_id)
    documents = list(request_service.documents_of(session, request_id))
    days_left = WorkingCalendar(book.deadlines.closed_days).working_days_between(
        date.today(), stored.deadline
    )
    letter, edited = review_requests.letter_text(session, stored, book)
    rule_set = book.rule_sets.get(assessment.rule_set)
    return {
        "stored": stored,
        "screening": screening,
        "assessment": assessment,
        "rule_set": rule_set,
        "segments": segments(screening.text, assessment.signals),
        "decision": decision,
        "documents": documents,
        "all_done": bool(documents) and all(d.status in (DONE, FAILED) for d in documents),
        "days_left": days_left,
        "fristbrev": fristbrev(assessment, decision is not None, days_left),
        "letter": letter,
        "letter_edited": edited,
        "handler": review_requests.handler_of(session, request_id),
        "approval": approval_of(session, request_id),
        "recommendations": RECOMMENDATION,
        "may_upload": may(user, "document:write"),
    }


@router.get("/anmodninger/{request_id}", response_class=HTMLResponse)
def request_page(
    request: Request, request_id: int, session: SessionDep, user: CurrentUser, book: RuleBookDep
) -> HTMLResponse:
    return render(request, "request.html", detail_context(session, request_id, book, user))


@router.get("/anmodninger/{request_id}/status.json")
def request_status(request_id: int, session: SessionDep, _user: CurrentUser) -> dict[str, Any]:
    """Processing progress of the request's documents (polled by the upload page)."""
    request_service.get_request(session, request_id)
    documents = [
        {
            "id": d.id,
            "filename": d.filename,
            "status": d.status,
            "pages_done": d.pages_done,
            "pages_total": d.pages_total,
            "error": d.error,
            "review_url": f"/dokumenter/{d.id}/gennemsyn" if d.status == DONE else None,
        }
        for d in request_service.documents_of(session, request_id)
    ]
    done = bool(documents) and all(d["status"] in (DONE, FAILED) for d in documents)
    return {"id": request_id, "documents": documents, "all_done": done}


def _attach(
    session: Session,
    user: Principal,
    settings: Settings,
    request_id: int,
    files: Sequence[StarletteUpload],
) -> list[dict[str, Any]]:
    store = BlobStore(settings.files_dir)
    attached = []
    for upload in files:
        document = document_service.attach_document(
            session,
            user,
            store,
            request_id,
            upload.file,
            upload.filename or "dokument.pdf",
            settings.max_upload_bytes,
            settings.job_lease_seconds,
        )
        attached.append({"id": document.id, "filename": document.filename})
    return attached


@router.post("/anmodninger/{request_id}/dokumenter", dependencies=[Csrf])
def upload_documents(
    request: Request,
    request_id: int,
    files: Annotated[list[UploadFile], File(alias="filer")],
    session: SessionDep,
    user: DocumentWriter,
    settings: SettingsDep,
) -> Response:
    """Attach one or more PDFs; each is processed in the background."""
    attached = _attach(session, user, settings, request_id, files)
    if wants_json(request):
        return JSONResponse({"documents": attached}, status_code=202)
    return RedirectResponse(f"/anmodninger/{request_id}#dokumenter", status_code=303)
