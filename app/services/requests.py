"""Requests: registered and screened at once; read back with documents and decision."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from app.errors import NotFound, Unprocessable
from app.models.case import Case, Objection
from app.models.decision import Decision
from app.models.document import Document
from app.models.history import Incident
from app.models.party import Party
from app.models.request import (
    CasePublic,
    DocumentSummary,
    Request,
    RequesterPublic,
    RequestListItem,
    RequestPublic,
)
from app.services import audit
from app.services.principals import Principal
from app.services.text_checks import refuse_nul
from rules import Assessment, RuleBook, ScreeningRequest, screen

# The working-day calendar covers these years; a date outside is a typing error.
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)


def create_request(
    session: Session, actor: Principal, payload: ScreeningRequest, book: RuleBook
) -> Request:
    """Store the request with its case, parties and history, and screen it."""
    refuse_nul(payload.model_dump(mode="json"))
    assessment = _screen(payload, book)
    requester = payload.requester
    request = Request(
        received=payload.received,
        requester_name=requester.name,
        requester_cpr=requester.cpr,
        requester_email=requester.email,
        requester_phone=requester.phone,
        requester_address=requester.address,
        is_journalist=requester.is_journalist,
        text=payload.text,
        contacts_30d=payload.history.contacts_30d,
        assessment=assessment.model_dump(mode="json"),
        rule_set=assessment.rule_set,
        risk=assessment.risk,
        recommendation=assessment.recommendation,
        deadline=assessment.deadline,
        created_by=actor.actor,
    )
    session.add(request)
    session.flush()
    assert request.id is not None
    _store_case(session, request.id, payload)
    audit.record(
        session,
        actor,
        "request.created",
        "request",
        request.id,
        {"case": payload.case.number, "risk": assessment.risk, "rule_set": assessment.rule_set},
    )
    return request


def _screen(payload: ScreeningRequest, book: RuleBook) -> Assessment:
    if not EARLIEST <= payload.received <= LATEST:
        raise Unprocessable(
            f"received: datoen skal ligge mellem {EARLIEST.isoformat()} og {LATEST.isoformat()}"
        )
    try:
        return screen(payload, book)
    except (ValueError, OverflowError) as exc:  # e.g. a deadline past the calendar's end
        raise Unprocessable(f"anmodningen kan ikke screenes: {exc}") from None


def _store_case(session: Session, request_id: int, payload: ScreeningRequest) -> None:
    case = Case(request_id=request_id, number=payload.case.number, kind=payload.case.kind)
    session.add(case)
    session.flush()
    assert case.id is not None
    session.add_all(Party(case_id=case.id, **p.model_dump()) for p in payload.case.parties)
    session.add_all(
        Objection(case_id=case.id, staff=o.staff, reason=o.reason) for o in payload.case.objections
    )
    session.add_all(
        Incident(request_id=request_id, date=i.date, kind=i.kind, staff=i.staff, note=i.note)
        for i in payload.history.incidents
    )


def get_request(session: Session, request_id: int) -> Request:
    request = session.get(Request, request_id)
    if request is None:
        raise NotFound(f"Anmodning {request_id} findes ikke")
    return request


def get_case(session: Session, request_id: int) -> Case:
    case = session.exec(select(Case).where(Case.request_id == request_id)).first()
    if case is None:
        raise NotFound(f"Sagen til anmodning {request_id} findes ikke")
    return case


def documents_of(session: Session, request_id: int) -> Sequence[Document]:
    query = select(Document).where(Document.request_id == request_id).order_by(col(Document.id))
    return session.exec(query).all()


def screening_request(session: Session, request: Request) -> ScreeningRequest:
    """Rebuild the request JSON (CONTRACT.md) from the stored rows."""
    case = get_case(session, request.id or 0)
    parties = session.exec(select(Party).where(Party.case_id == case.id).order_by(col(Party.id)))
    objections = session.exec(
        select(Objection).where(Objection.case_id == case.id).order_by(col(Objection.id))
    )
    incidents = session.exec(
        select(Incident).where(Incident.request_id == request.id).order_by(col(Incident.id))
    )
    return ScreeningRequest.model_validate(
        {
            "received": request.received,
            "requester": {
                "name": request.requester_name,
                "cpr": request.requester_cpr,
                "email": request.requester_email,
                "phone": request.requester_phone,
                "address": request.requester_address,
                "is_journalist": request.is_journalist,
            },
            "text": request.text,
            "case": {
                "number": case.number,
                "kind": case.kind,
                "parties": [p.model_dump(exclude={"id", "case_id"}) for p in parties],
                "objections": [{"staff": o.staff, "reason": o.reason} for o in objections],
            },
            "history": {
                "contacts_30d": request.contacts_30d,
                "incidents": [
                    {"date": i.date, "kind": i.kind, "staff": i.staff, "note": i.note}
                    for i in incidents
                ],
            },
        }
    )


def assessment_of(request: Request) -> Assessment:
    return Assessment.model_validate(request.assessment)


def read_request(session: Session, request_id: int) -> RequestPublic:
    """GET /requests/{id}: the request and its case in one query, then documents and decision."""
    query = select(Request, Case).join(Case, col(Case.request_id) == col(Request.id))
    row = session.exec(query.where(col(Request.id) == request_id)).first()
    if row is None:
        raise NotFound(f"Anmodning {request_id} findes ikke")
    return request_public(session, row[0], row[1])


def request_public(session: Session, request: Request, case: Case | None = None) -> RequestPublic:
    """The request with its documents' status and the newest decision."""
    assert request.id is not None
    case = case or get_case(session, request.id)
    decision = latest_decision(session, request.id)
    return RequestPublic(
        id=request.id,
        status=request.status,
        received=request.received,
        requester=RequesterPublic(name=request.requester_name, is_journalist=request.is_journalist),
        case=CasePublic(number=case.number, kind=case.kind),
        assessment=request.assessment,
        deadline=request.deadline,
        documents=[
            DocumentSummary.model_validate(d, from_attributes=True)
            for d in documents_of(session, request.id)
        ],
        decision=decision.model_dump(mode="json") if decision else None,
        created_at=request.created_at,
    )


def list_items(session: Session, limit: int = 50, offset: int = 0) -> list[RequestListItem]:
    rows = session.exec(
        select(Request, Case)
        .join(Case, col(Case.request_id) == col(Request.id))
        .order_by(col(Request.id).desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return [
        RequestListItem(
            id=r.id or 0,
            status=r.status,
            received=r.received,
            case_number=c.number,
            risk=r.risk,
            recommendation=r.recommendation,
            deadline=r.deadline,
        )
        for r, c in rows
    ]


def latest_decision(session: Session, request_id: int) -> Decision | None:
    query = select(Decision).where(Decision.request_id == request_id)
    return session.exec(query.order_by(col(Decision.id).desc())).first()
