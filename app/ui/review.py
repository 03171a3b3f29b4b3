"""Dokumentgennemsyn: page images with the proposed boxes; accept/reject one box, a person's
or a category's boxes; draw boxes by hand; undo/redo; "vis original" for roles that may."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from app.errors import BadRequest, Forbidden
from app.services import audit, review_pdf
from app.services import review as review_service
from app.services.review_release import approval_of
from app.storage import BlobStore
from app.ui.deps import Csrf, CurrentUser, Reviewer, RuleBookDep, SessionDep, SettingsDep, may
from app.ui.deps import render as render_page
from app.ui.errors import wants_json
from app.ui.review_state import review_json

router = APIRouter()
BASE = "/dokumenter/{document_id}/gennemsyn"
PageNo = Annotated[int, Path(ge=1, le=100_000)]


@router.get(BASE, response_class=HTMLResponse)
def review_page(
    request: Request,
    document_id: int,
    session: SessionDep,
    user: CurrentUser,
    book: RuleBookDep,
    side: Annotated[int, Query(ge=1, le=100_000)] = 1,
    original: Annotated[int, Query(ge=0, le=1)] = 0,
) -> HTMLResponse:
    if original and not may(user, "original:read"):
        raise Forbidden("Din rolle må ikke se originalen")
    document = review_service.reviewable_document(session, document_id)
    data = review_json(session, document, user, book)
    data.update(original=bool(original), page=min(side, max(1, len(data["pages"]))))
    context = {
        "document": document,
        "data": json.dumps(data, ensure_ascii=False).replace("</", "<\\/"),
        "state": data,
        "approved": approval_of(session, document.request_id) is not None,
        "original": bool(original),
    }
    return render_page(request, "review.html", context)


@router.get(BASE + ".json")
def review_data(
    document_id: int, session: SessionDep, user: CurrentUser, book: RuleBookDep
) -> dict[str, Any]:
    document = review_service.reviewable_document(session, document_id)
    return review_json(session, document, user, book)


async def _body(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = await request.json()
        except ValueError:
            raise BadRequest("Ugyldig JSON") from None
        if not isinstance(data, dict):
            raise BadRequest("Forventede et JSON-objekt")
        return data
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _selector(body: dict[str, Any]) -> review_service.Selector:
    ids = body.get("ids") or []
    if isinstance(ids, str):
        ids = [i for i in ids.split(",") if i.strip()]
    try:
        id_tuple = tuple(int(i) for i in ids)
    except (TypeError, ValueError):
        raise BadRequest("ids skal være tal") from None
    person, category = body.get("person"), body.get("category")
    if not (id_tuple or isinstance(person, str) or isinstance(category, str)):
        raise BadRequest("Vælg et felt, en person eller en kategori")
    return review_service.Selector(
        ids=id_tuple,
        person=person if isinstance(person, str) and not id_tuple else None,
        category=category if isinstance(category, str) and not id_tuple else None,
    )


def _answer(
    request: Request, document_id: int, session: SessionDep, user: Any, book: Any
) -> Response:
    if wants_json(request):
        document = review_service.reviewable_document(session, document_id)
        session.flush()
        return JSONResponse(review_json(session, document, user, book))
    return RedirectResponse(BASE.format(document_id=document_id), status_code=303)


@router.post(BASE + "/valg", dependencies=[Csrf])
async def choose(
    request: Request, document_id: int, session: SessionDep, user: Reviewer, book: RuleBookDep
) -> Response:
    body = await _body(request)
    accepted = body.get("accepted") in (True, "1", "true", "ja")
    review_service.choose(session, user, document_id, _selector(body), accepted)
    return _answer(request, document_id, session, user, book)


@router.post(BASE + "/felter", dependencies=[Csrf])
async def add_box(
    request: Request, document_id: int, session: SessionDep, user: Reviewer, book: RuleBookDep
) -> Response:
    body = await _body(request)
    try:
        page = int(body["page"])
        bbox = tuple(float(v) for v in body["bbox"])
    except (KeyError, TypeError, ValueError):
        raise BadRequest("Angiv side og felt (bbox) for det nye felt") from None
    if len(bbox) != 4:
        raise BadRequest("Feltet skal have fire koordinater")
    label = str(body.get("label", ""))
    review_service.add_manual_box(session, user, document_id, page, bbox, label, book)
    return _answer(request, document_id, session, user, book)


@router.post(BASE + "/felter/{box_id}/slet", dependencies=[Csrf])
def remove_box(
    request: Request,
    document_id: int,
    box_id: int,
    session: SessionDep,
    user: Reviewer,
    book: RuleBookDep,
) -> Response:
    review_service.remove_manual_box(session, user, document_id, box_id)
    return _answer(request, document_id, session, user, book)


@router.post(BASE + "/{direction}", dependencies=[Csrf])
def undo_redo(
    request: Request,
    document_id: int,
    direction: Annotated[str, Path(pattern="^(fortryd|gendan)$")],
    session: SessionDep,
    user: Reviewer,
    book: RuleBookDep,
) -> Response:
    review_service.step(session, user, document_id, redo=direction == "gendan")
    return _answer(request, document_id, session, user, book)


@router.get("/dokumenter/{document_id}/sider/{page}.png")
def page_image(
    document_id: int,
    page: PageNo,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    original: Annotated[int, Query(ge=0, le=1)] = 0,
) -> Response:
    """A page image: the release preview (accepted and manual boxes blacked out in the
    pixels), or the original for roles that may see it (audited per page)."""
    if original and not may(user, "original:read"):
        raise Forbidden("Din rolle må ikke se originalen")
    document = review_service.reviewable_document(session, document_id)
    if page > (document.pages_total or 0):
        raise BadRequest(f"Side {page} findes ikke")
    paint = (
        [] if original else [b.bbox for b in review_service.final_redactions(session, document_id)]
    )
    if original:
        audit.record(
            session, user, "document.original_viewed", "document", document_id, {"page": page}
        )
    png = review_pdf.page_png(BlobStore(settings.files_dir).path(document.sha256), page, paint)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})
