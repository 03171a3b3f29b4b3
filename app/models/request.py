"""An aktindsigt request as received, with its screening result."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, json_field


class RequestBase(SQLModel):
    received: date
    requester_name: str = Field(max_length=300)
    requester_cpr: str | None = Field(default=None, max_length=11)
    requester_email: str | None = Field(default=None, max_length=300)
    requester_phone: str | None = Field(default=None, max_length=50)
    requester_address: str | None = Field(default=None, max_length=500)
    is_journalist: bool = False
    text: str
    contacts_30d: int = 0


class Request(RequestBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    assessment: dict[str, Any] = json_field()
    rule_set: str = Field(max_length=50)
    risk: str = Field(max_length=20, index=True)
    recommendation: str = Field(max_length=40)
    deadline: date
    status: str = Field(default="open", max_length=20, index=True)
    created_by: str = Field(max_length=300)
    created_at: datetime = created_at_field()


class RequesterPublic(SQLModel):
    name: str
    is_journalist: bool


class CasePublic(SQLModel):
    number: str
    kind: str


class DocumentSummary(SQLModel):
    id: int
    filename: str
    status: str
    pages_total: int | None
    pages_done: int
    release_status: str | None
    error: str | None


class RequestPublic(SQLModel):
    """A request as the API shows it: the assessment, the documents and the decision."""

    id: int
    status: str
    received: date
    requester: RequesterPublic
    case: CasePublic
    assessment: dict[str, Any]
    deadline: date
    documents: list[DocumentSummary] = Field(default_factory=list)
    decision: dict[str, Any] | None = None
    created_at: datetime


class RequestListItem(SQLModel):
    id: int
    status: str
    received: date
    case_number: str
    risk: str
    recommendation: str
    deadline: date
