"""One page of a processed document."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Page(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    number: int
    width: float
    height: float
    source: str = Field(default="", max_length=10)
    words: int = 0
