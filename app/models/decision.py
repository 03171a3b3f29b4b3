"""The person's decision on a request: the recommendation accepted or changed, with reason."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlmodel import Field, SQLModel

from app.models._base import created_at_field


class Decision(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True, ondelete="CASCADE")
    recommendation: str = Field(max_length=40)
    accepted: bool
    reason: str = ""
    decided_by: str = Field(max_length=300)
    recorded_by: str = Field(max_length=300)
    created_at: datetime = created_at_field()


Recommendation = Literal["grant", "grant_without_staff_identity", "refuse"]


class DecisionCreate(SQLModel):
    """The person's decision: the recommendation accepted, or changed with a reason."""

    recommendation: Recommendation
    reason: str = Field(default="", max_length=5000)
    decided_by: str | None = Field(
        default=None, max_length=300, description="the person who decided (default: the caller)"
    )


class DecisionPublic(SQLModel):
    id: int
    request_id: int
    recommendation: str
    accepted: bool
    reason: str
    decided_by: str
    created_at: datetime
