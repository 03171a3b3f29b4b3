"""The case a request concerns, and employees' objections to disclosure of their name."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Case(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", unique=True, ondelete="CASCADE")
    number: str = Field(max_length=100, index=True)
    kind: str = Field(max_length=20)


class Objection(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    staff: str = Field(max_length=300)
    reason: str = ""
