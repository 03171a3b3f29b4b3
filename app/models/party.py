"""A party (part) of the case: a citizen whose own case it is."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Party(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=300)
    cpr: str | None = Field(default=None, max_length=11)
    address: str | None = Field(default=None, max_length=500)
    phone: str | None = Field(default=None, max_length=50)
    email: str | None = Field(default=None, max_length=300)
