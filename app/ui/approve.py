"""Godkend: build the final redacted PDFs and the aktliste; download the release package."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse

from app.api.packages import zip_download
from app.models.document import DONE, FAILED
from app.services import requests as request_service
from app.services import review as review_service
from app.services import review_release
from app.storage import BlobStore
from app.ui.deps import Approver, Csrf, CurrentUser, RuleBookDep, SessionDep, SettingsDep, render
from app.ui.labels import RECOMMENDATION

router = APIRouter()


@router.get("/anmodninger/{request_id}/godkend", response_class=HTMLResponse)
def approve_page(
    request: Request, request_id: int, session: SessionDep, _user: CurrentUser, book: RuleBookDep
) -> HTMLResponse:
    stored = request_service.get_request(session, request_id)
    decision = request_service.latest_decision(session, request_id)
    documents = list(request_service.documents_of(session, request_id))
    finals = review_release.final_documents(session, request_id)
    rows = []
    for document in documents:
        summary = {"document": document, "accepted": 0, "rejected": 0, "manual": 0}
        if document.status == DONE and document.id is not None:
            state = review_service.review_state(session, document.id)
            summary["accepted"] = sum(1 for _, ok, _ in state.proposals if ok)
            summary["rejected"] = sum(1 for _, ok, _ in state.proposals if not ok)
            summary["manual"] = len(state.manual)
        summary["final"] = finals.get(document.id or 0)
        rows.append(summary)
    context = {
        "stored": stored,
        "decision": decision,
        "decision_label": RECOMMENDATION.get(decision.recommendation, "") if decision else "",
        "rows": rows,
        "pending": [d.filename for d in documents if d.status not in (DONE, FAILED)],
        "approval": review_release.approval_of(session, request_id),
    }
    return render(request, "approve.html", context)


@router.post("/anmodninger/{request_id}/godkend", dependencies=[Csrf])
def approve(
    request_id: int,
    session: SessionDep,
    user: Approver,
    settings: SettingsDep,
    book: RuleBookDep,
) -> RedirectResponse:
    store = BlobStore(settings.files_dir)
    review_release.approve(session, user, store, request_id, book)
    return RedirectResponse(f"/anmodninger/{request_id}/godkend#pakke", status_code=303)


@router.post("/anmodninger/{request_id}/genaabn", dependencies=[Csrf])
def reopen(request_id: int, session: SessionDep, user: Approver) -> RedirectResponse:
    review_release.reopen(session, user, request_id)
    return RedirectResponse(f"/anmodninger/{request_id}/godkend", status_code=303)


@router.get("/anmodninger/{request_id}/pakke.zip")
def package(
    request_id: int,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    book: RuleBookDep,
) -> StreamingResponse:
    built = review_release.release_package(
        session, user, BlobStore(settings.files_dir), request_id, book
    )
    return zip_download(built)
