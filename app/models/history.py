"""The requester's history with the authority: incidents on record."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from app.models._base import json_field


class Incident(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True, ondelete="CASCADE")
    date: dt.date
    kind: str = Field(max_length=30)
    staff: list[str] = json_field(list)
    note: str = ""
