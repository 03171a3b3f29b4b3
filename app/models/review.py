"""Tables of the caseworker UI: review decisions, manual boxes, the undo log, the edited
decision letter, who handles a request, and the approved final documents.

These tables only add to the service's schema; the service's tables are never changed.
A review decision is keyed by a fingerprint of the proposal (page, box, category, text), not
by its row id, so that a person's choice survives the document being processed again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, json_field


class ReviewDecision(SQLModel, table=True):
    """A person's accept/reject of one proposed box."""

    __tablename__ = "review_decision"
    __table_args__ = (UniqueConstraint("document_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=64)
    accepted: bool
    decided_by: str = Field(max_length=300)
    decided_at: datetime = created_at_field()


class ManualBox(SQLModel, table=True):
    """A box a person drew by hand, labelled with a legal basis from the rule set."""

    __tablename__ = "review_manual_box"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    label_key: str = Field(max_length=100)
    legal_basis: str = Field(max_length=200)
    deleted: bool = False
    created_by: str = Field(max_length=300)
    created_at: datetime = created_at_field()


class ReviewAction(SQLModel, table=True):
    """One undoable step of a review: what changed, before and after."""

    __tablename__ = "review_action"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=30)
    payload: dict[str, Any] = json_field()
    undone: bool = False
    actor: str = Field(max_length=300)
    created_at: datetime = created_at_field()


class LetterDraft(SQLModel, table=True):
    """The decision letter as a person edited it."""

    __tablename__ = "review_letter"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", unique=True, ondelete="CASCADE")
    text: str
    updated_by: str = Field(max_length=300)
    updated_at: datetime = created_at_field()


class Assignment(SQLModel, table=True):
    """Who handles a request."""

    __tablename__ = "review_assignment"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", unique=True, ondelete="CASCADE")
    user_email: str = Field(max_length=300)
    assigned_at: datetime = created_at_field()


class Approval(SQLModel, table=True):
    """The final approval of a request's release."""

    __tablename__ = "review_approval"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", unique=True, ondelete="CASCADE")
    recommendation: str = Field(max_length=40)
    approved_by: str = Field(max_length=300)
    approved_at: datetime = created_at_field()


class FinalDocument(SQLModel, table=True):
    """The approved release copy of one document (built from accepted and manual boxes)."""

    __tablename__ = "review_final_document"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", unique=True, ondelete="CASCADE")
    output_sha256: str | None = Field(default=None, max_length=64)
    status: str = Field(max_length=20)
    redactions: list[dict[str, Any]] = json_field(list)
    built_at: datetime = created_at_field()
