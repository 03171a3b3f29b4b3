"""Review of a document's proposed redactions: accept or reject boxes (one, all of a person,
all of a category), draw boxes by hand with a label from the rule set, undo and redo.

Every change is one ``ReviewAction`` (before and after) so it can be undone, and one audit
entry. Choices are keyed by a fingerprint of the proposal, so they survive reprocessing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.errors import BadRequest, Conflict, NotFound
from app.models.document import DONE, Document
from app.models.redaction import ProposedRedaction
from app.models.review import Approval, ManualBox, ReviewAction, ReviewDecision
from app.services import audit
from app.services import documents as document_service
from app.services import requests as request_service
from app.services.principals import Principal
from redaction.types import Redaction
from rules import RuleBook

MANUAL = "manual"


def proposal_key(proposal: ProposedRedaction) -> str:
    """A stable fingerprint of a proposal: page, box (to 0.1 pt), category and text."""
    box = ",".join(f"{v:.1f}" for v in (proposal.x0, proposal.top, proposal.x1, proposal.bottom))
    raw = f"{proposal.page}|{box}|{proposal.category}|{proposal.text}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Selector:
    """Which proposals a choice applies to: given ids, one person's, or one category's."""

    ids: tuple[int, ...] = ()
    person: str | None = None
    category: str | None = None

    def matches(self, proposal: ProposedRedaction) -> bool:
        if self.ids:
            return proposal.id in self.ids
        if self.person is not None:
            return proposal.person == self.person
        if self.category is not None:
            return proposal.category == self.category
        return False


@dataclass(frozen=True)
class ReviewState:
    proposals: list[tuple[ProposedRedaction, bool, bool]]  # proposal, accepted, decided by hand
    manual: list[ManualBox]
    can_undo: bool
    can_redo: bool


def reviewable_document(session: Session, document_id: int) -> Document:
    document = document_service.get_document(session, document_id)
    if document.status != DONE:
        raise Conflict(f"Dokumentet er ikke færdigbehandlet (status: {document.status})")
    return document


def _decisions(session: Session, document_id: int) -> dict[str, ReviewDecision]:
    rows = session.exec(select(ReviewDecision).where(ReviewDecision.document_id == document_id))
    return {row.key: row for row in rows}


def _manual_boxes(session: Session, document_id: int) -> list[ManualBox]:
    query = select(ManualBox).where(ManualBox.document_id == document_id, ~col(ManualBox.deleted))
    return list(session.exec(query.order_by(col(ManualBox.id))))


def _actions(session: Session, document_id: int, undone: bool) -> Sequence[ReviewAction]:
    query = select(ReviewAction).where(
        ReviewAction.document_id == document_id, ReviewAction.undone == undone
    )
    return session.exec(query.order_by(col(ReviewAction.id).desc())).all()


def review_state(session: Session, document_id: int) -> ReviewState:
    """The proposals with their effective choice, the manual boxes and undo/redo availability."""
    decisions = _decisions(session, document_id)
    proposals = []
    for proposal in document_service.redactions_of(session, document_id):
        choice = decisions.get(proposal_key(proposal))
        accepted = choice.accepted if choice else proposal.accepted
        proposals.append((proposal, accepted, choice is not None))
    return ReviewState(
        proposals=proposals,
        manual=_manual_boxes(session, document_id),
        can_undo=bool(_actions(session, document_id, undone=False)),
        can_redo=bool(_actions(session, document_id, undone=True)),
    )


def final_redactions(session: Session, document_id: int) -> list[Redaction]:
    """What the release copy withholds: the accepted proposals and the manual boxes."""
    state = review_state(session, document_id)
    boxes = [
        Redaction(
            page=p.page,
            bbox=(p.x0, p.top, p.x1, p.bottom),
            category=p.category,  # type: ignore[arg-type]
            text=p.text,
            legal_basis=p.legal_basis,
            source=p.source,
            person=p.person,
        )
        for p, accepted, _ in state.proposals
        if accepted
    ]
    boxes += [
        Redaction(
            page=m.page,
            bbox=(m.x0, m.top, m.x1, m.bottom),
            category="manual",
            text="",
            legal_basis=m.legal_basis,
            source=MANUAL,
        )
        for m in state.manual
    ]
    return boxes


def _ensure_open(session: Session, document: Document) -> None:
    approved = session.exec(
        select(Approval).where(Approval.request_id == document.request_id)
    ).first()
    if approved is not None:
        raise Conflict("Anmodningen er godkendt; genåbn den for at ændre gennemsynet")


def _new_action(
    session: Session, actor: Principal, document_id: int, kind: str, payload: dict[str, Any]
) -> None:
    """Record an undoable step; a new step drops the steps that could be redone."""
    session.execute(
        delete(ReviewAction).where(
            col(ReviewAction.document_id) == document_id, col(ReviewAction.undone)
        )
    )
    session.add(
        ReviewAction(document_id=document_id, kind=kind, payload=payload, actor=actor.actor)
    )
    audit.record(session, actor, f"review.{kind}", "document", document_id, payload)


def _set_choice(
    session: Session, actor: Principal, document_id: int, key: str, accepted: bool | None
) -> None:
    existing = session.exec(
        select(ReviewDecision).where(
            ReviewDecision.document_id == document_id, ReviewDecision.key == key
        )
    ).first()
    if accepted is None:
        if existing is not None:
            session.delete(existing)
        return
    row = existing or ReviewDecision(
        document_id=document_id, key=key, accepted=accepted, decided_by=actor.actor
    )
    row.accepted, row.decided_by = accepted, actor.actor
    session.add(row)


def choose(
    session: Session, actor: Principal, document_id: int, selector: Selector, accepted: bool
) -> int:
    """Accept or reject the selected proposals; returns how many changed."""
    document = reviewable_document(session, document_id)
    _ensure_open(session, document)
    decisions = _decisions(session, document_id)
    selected = [
        p for p in document_service.redactions_of(session, document_id) if selector.matches(p)
    ]
    if not selected:
        raise NotFound("Ingen forslag passer til valget")
    changes = []
    for proposal in selected:
        key = proposal_key(proposal)
        before = decisions[key].accepted if key in decisions else None
        effective = proposal.accepted if before is None else before
        if effective != accepted or before is None:
            changes.append({"key": key, "id": proposal.id, "before": before, "after": accepted})
            _set_choice(session, actor, document_id, key, accepted)
    if not changes:
        return 0
    kind = "accepted" if accepted else "rejected"
    _new_action(session, actor, document_id, kind, {"changes": changes})
    return len(changes)


def add_manual_box(
    session: Session,
    actor: Principal,
    document_id: int,
    page: int,
    bbox: tuple[float, float, float, float],
    label_key: str,
    book: RuleBook,
) -> ManualBox:
    """Add a hand-drawn box; the label must be one of the request's rule set's labels."""
    document = reviewable_document(session, document_id)
    _ensure_open(session, document)
    labels = labels_for(session, document, book)
    if label_key not in labels:
        raise BadRequest(f"Ukendt hjemmel {label_key!r}; vælg en fra regelsættet")
    if not 1 <= page <= (document.pages_total or 0):
        raise BadRequest(f"Side {page} findes ikke i dokumentet")
    x0, top, x1, bottom = (float(v) for v in bbox)
    if x1 - x0 < 2 or bottom - top < 2 or min(x0, top) < 0:
        raise BadRequest("Feltet er for lille eller uden for siden")
    box = ManualBox(
        document_id=document_id,
        page=page,
        x0=x0,
        top=top,
        x1=x1,
        bottom=bottom,
        label_key=label_key,
        legal_basis=labels[label_key],
        created_by=actor.actor,
    )
    session.add(box)
    session.flush()
    _new_action(session, actor, document_id, "box_added", {"box_id": box.id, "page": page})
    return box


def remove_manual_box(session: Session, actor: Principal, document_id: int, box_id: int) -> None:
    document = reviewable_document(session, document_id)
    _ensure_open(session, document)
    box = session.get(ManualBox, box_id)
    if box is None or box.document_id != document_id or box.deleted:
        raise NotFound(f"Feltet {box_id} findes ikke")
    box.deleted = True
    session.add(box)
    _new_action(session, actor, document_id, "box_removed", {"box_id": box_id})


def labels_for(session: Session, document: Document, book: RuleBook) -> dict[str, str]:
    """The labels of the rule set the document's request was screened under."""
    request = request_service.get_request(session, document.request_id)
    rule_set = book.rule_sets.get(request.rule_set)
    return dict(rule_set.labels) if rule_set else {}


def _replay(session: Session, actor: Principal, action: ReviewAction, forward: bool) -> None:
    payload = action.payload
    if action.kind in ("accepted", "rejected"):
        for change in payload["changes"]:
            value = change["after"] if forward else change["before"]
            _set_choice(session, actor, action.document_id, change["key"], value)
        return
    box = session.get(ManualBox, int(payload["box_id"]))
    if box is not None:
        box.deleted = (action.kind == "box_added") != forward
        session.add(box)


def step(session: Session, actor: Principal, document_id: int, redo: bool) -> str:
    """Undo the newest step, or redo the newest undone one; returns the step's kind."""
    document = reviewable_document(session, document_id)
    _ensure_open(session, document)
    candidates = _actions(session, document_id, undone=redo)
    if redo:
        candidates = list(reversed(candidates))  # redo the oldest undone step first
    if not candidates:
        raise Conflict("Der er intet at gendanne" if redo else "Der er intet at fortryde")
    action = candidates[0]
    _replay(session, actor, action, forward=redo)
    action.undone = not redo
    session.add(action)
    verb = "redo" if redo else "undo"
    audit.record(session, actor, f"review.{verb}", "document", document_id, {"step": action.kind})
    return action.kind
