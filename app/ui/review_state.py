"""The review page's data as JSON: pages, boxes, groups by person and category, labels."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from app.models.document import Document
from app.models.page import Page
from app.models.redaction import ProposedRedaction
from app.models.review import ManualBox
from app.services import review as review_service
from app.services import review_admin
from app.services.principals import Principal
from app.ui.deps import may
from app.ui.labels import CATEGORY, category_group
from rules import RuleBook

A4 = (595.28, 841.89)
OTHERS = "Øvrige oplysninger"


def pages_of(session: Session, document: Document) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Page).where(Page.document_id == document.id).order_by(col(Page.number))
    ).all()
    sizes = {p.number: (p.width or A4[0], p.height or A4[1]) for p in rows}
    return [
        {"number": n, "width": sizes.get(n, A4)[0], "height": sizes.get(n, A4)[1]}
        for n in range(1, (document.pages_total or len(rows)) + 1)
    ]


def _groups(boxes: list[dict[str, Any]], field: str, label: str) -> list[dict[str, Any]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for box in boxes:
        grouped[box[field]].append(box)
    return sorted(
        (
            {
                "key": key,
                "label": items[0][label],
                "count": len(items),
                "accepted": sum(1 for b in items if b["accepted"]),
                "group": items[0]["group"],
            }
            for key, items in grouped.items()
        ),
        key=lambda g: (-g["count"], g["label"]),
    )


def _proposal_json(
    proposal: ProposedRedaction, accepted: bool, decided: bool, names: dict[str, str], text: bool
) -> dict[str, Any]:
    person = proposal.person
    return {
        "id": f"p{proposal.id}",
        "proposal_id": proposal.id,
        "kind": "proposal",
        "page": proposal.page,
        "bbox": [proposal.x0, proposal.top, proposal.x1, proposal.bottom],
        "category": proposal.category,
        "category_label": CATEGORY.get(proposal.category, proposal.category),
        "group": category_group(proposal.category),
        "legal_basis": proposal.legal_basis,
        "text": proposal.text if text else "",
        "person": person,
        "person_label": names.get(person, names.get(person.upper(), person)) or OTHERS,
        "accepted": accepted,
        "decided": decided,
    }


def _manual_json(box: ManualBox) -> dict[str, Any]:
    return {
        "id": f"m{box.id}",
        "box_id": box.id,
        "kind": "manual",
        "page": box.page,
        "bbox": [box.x0, box.top, box.x1, box.bottom],
        "category": "manual",
        "category_label": CATEGORY["manual"],
        "group": "manual",
        "legal_basis": box.legal_basis,
        "accepted": True,
    }


def review_json(
    session: Session, document: Document, user: Principal, book: RuleBook
) -> dict[str, Any]:
    """All the review page needs; withheld text only for roles that may see originals."""
    assert document.id is not None
    state = review_service.review_state(session, document.id)
    names = review_admin.staff_names(session)
    show_text = may(user, "original:read")
    boxes = [_proposal_json(p, ok, by_hand, names, show_text) for p, ok, by_hand in state.proposals]
    labels = review_service.labels_for(session, document, book)
    return {
        "document": {"id": document.id, "filename": document.filename},
        "pages": pages_of(session, document),
        "boxes": boxes,
        "manual": [_manual_json(m) for m in state.manual],
        "persons": _groups(boxes, "person", "person_label"),
        "categories": _groups(boxes, "category", "category_label"),
        "labels": [{"key": k, "text": v} for k, v in labels.items()],
        "can_undo": state.can_undo,
        "can_redo": state.can_redo,
        "editable": may(user, "review:write"),
        "may_original": may(user, "original:read"),
    }
