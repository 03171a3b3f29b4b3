"""Request-level helpers of the caseworker UI: the inbox, who handles a request, and the
decision letter as a person edited it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, func, select
from sqlmodel.sql.expression import Select

from app.errors import BadRequest
from app.models._base import utcnow
from app.models.case import Case
from app.models.document import DONE, FAILED, Document
from app.models.request import Request
from app.models.review import Approval, Assignment, LetterDraft
from app.services import audit
from app.services import requests as request_service
from app.services.principals import Principal
from app.services.release_inputs import effective_assessment
from rules import RuleBook, draft_letter
from rules.workdays import WorkingCalendar

INBOX_LIMIT = 500
MAX_LETTER_CHARS = 50_000


@dataclass(frozen=True)
class InboxRow:
    id: int
    received: date
    requester: str
    case_number: str
    case_kind: str
    status: str  # ny, behandles, til_gennemsyn, afgjort, godkendt
    risk: str
    recommendation: str
    deadline: date
    days_left: int
    handler: str
    documents: int
    failed: int


def _status(request: Request, docs: list[Document], approved: bool) -> str:
    if approved:
        return "godkendt"
    if request.status == "decided":
        return "afgjort"
    if any(d.status not in (DONE, FAILED) for d in docs):
        return "behandles"
    return "til_gennemsyn" if docs else "ny"


def inbox(
    session: Session,
    book: RuleBook,
    today: date,
    search: str = "",
    risk: str = "",
    status: str = "",
    handler: str = "",
) -> list[InboxRow]:
    """Requests, newest first, filtered by free text, risk, status and handler."""
    rows = session.exec(_query(search, risk).limit(INBOX_LIMIT)).all()
    ids = [r.id for r, _ in rows]
    docs: dict[int, list[Document]] = {i: [] for i in ids if i is not None}
    for document in session.exec(select(Document).where(col(Document.request_id).in_(ids))):
        docs[document.request_id].append(document)
    handlers = {
        a.request_id: a.user_email
        for a in session.exec(select(Assignment).where(col(Assignment.request_id).in_(ids)))
    }
    approved = set(
        session.exec(select(Approval.request_id).where(col(Approval.request_id).in_(ids)))
    )
    calendar = WorkingCalendar(book.deadlines.closed_days)
    result = []
    for request, case in rows:
        rid = request.id or 0
        row = InboxRow(
            id=rid,
            received=request.received,
            requester=request.requester_name,
            case_number=case.number,
            case_kind=case.kind,
            status=_status(request, docs[rid], rid in approved),
            risk=request.risk,
            recommendation=request.recommendation,
            deadline=request.deadline,
            days_left=calendar.working_days_between(today, request.deadline),
            handler=handlers.get(rid, ""),
            documents=len(docs[rid]),
            failed=sum(1 for d in docs[rid] if d.status == FAILED),
        )
        if (not status or row.status == status) and (not handler or row.handler == handler):
            result.append(row)
    return result


def _query(search: str, risk: str) -> Select[Request, Case]:
    query = select(Request, Case).join(Case, col(Case.request_id) == col(Request.id))
    if search.strip():
        like = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Request.requester_name).like(like),
                func.lower(Case.number).like(like),
                func.lower(Request.text).like(like),
            )
        )
    if risk:
        query = query.where(Request.risk == risk)
    return query.order_by(col(Request.id).desc())


def handler_of(session: Session, request_id: int) -> str:
    row = session.exec(select(Assignment).where(Assignment.request_id == request_id)).first()
    return row.user_email if row else ""


def assign(session: Session, actor: Principal, request_id: int, email: str) -> None:
    """Record who handles the request (the caller takes it over)."""
    request_service.get_request(session, request_id)
    row = session.exec(select(Assignment).where(Assignment.request_id == request_id)).first()
    row = row or Assignment(request_id=request_id, user_email=email)
    row.user_email, row.assigned_at = email, utcnow()
    session.add(row)
    audit.record(session, actor, "request.assigned", "request", request_id, {"handler": email})


def letter_text(session: Session, request: Request, book: RuleBook) -> tuple[str, bool]:
    """The letter to send: the edited one if a person saved it, else the current draft."""
    saved = session.exec(select(LetterDraft).where(LetterDraft.request_id == request.id)).first()
    if saved is not None:
        return saved.text, True
    decision = request_service.latest_decision(session, request.id or 0)
    assessment = effective_assessment(request, decision, book)
    screening = request_service.screening_request(session, request)
    return draft_letter(screening, assessment, book), False


def save_letter(session: Session, actor: Principal, request_id: int, text: str) -> None:
    request_service.get_request(session, request_id)
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise BadRequest("Brevet må ikke være tomt")
    if len(text) > MAX_LETTER_CHARS:
        raise BadRequest(f"Brevet er for langt (højst {MAX_LETTER_CHARS} tegn)")
    row = session.exec(select(LetterDraft).where(LetterDraft.request_id == request_id)).first()
    row = row or LetterDraft(request_id=request_id, text=text, updated_by=actor.actor)
    row.text, row.updated_by, row.updated_at = text + "\n", actor.actor, utcnow()
    session.add(row)
    audit.record(session, actor, "letter.edited", "request", request_id, {"chars": len(text)})


def reset_letter(session: Session, actor: Principal, request_id: int) -> None:
    row = session.exec(select(LetterDraft).where(LetterDraft.request_id == request_id)).first()
    if row is not None:
        session.delete(row)
        audit.record(session, actor, "letter.reset", "request", request_id, {})
