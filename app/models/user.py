"""A person who logs in to the caseworker UI."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models._base import created_at_field

USER_ROLES = ("clerk", "caseworker", "admin")


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=300, unique=True)
    password_hash: str = Field(max_length=300)
    role: str = Field(max_length=20)
    active: bool = True
    created_at: datetime = created_at_field()
