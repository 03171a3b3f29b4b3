"""A redaction the engine proposes (or a person adds); a person may reject it."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class ProposedRedactionBase(SQLModel):
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    category: str = Field(max_length=30)
    text: str = ""
    legal_basis: str = Field(max_length=200)
    source: str = Field(max_length=100)
    person: str = Field(default="", max_length=300)
    accepted: bool = True


class ProposedRedaction(ProposedRedactionBase, table=True):
    __tablename__ = "proposed_redaction"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
