"""A case document attached to a request, and its processing state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, datetime_field

QUEUED, PROCESSING, DONE, FAILED = "queued", "processing", "done", "failed"


class Document(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("request_id", "sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="request.id", index=True, ondelete="CASCADE")
    filename: str = Field(max_length=500)
    sha256: str = Field(max_length=64)
    size: int
    content_type: str = Field(max_length=100)
    status: str = Field(default=QUEUED, max_length=20, index=True)
    error: str | None = None
    pages_total: int | None = None
    pages_done: int = 0
    attempts: int = 0
    claim_token: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = datetime_field()
    output_sha256: str | None = Field(default=None, max_length=64)
    release_status: str | None = Field(default=None, max_length=20)
    created_by: str = Field(max_length=300)
    api_key_id: int | None = Field(default=None, foreign_key="apikey.id", ondelete="SET NULL")
    created_at: datetime = created_at_field()
    finished_at: datetime | None = datetime_field()


class RedactionPublic(SQLModel):
    id: int
    page: int
    bbox: list[float]
    category: str
    text: str
    legal_basis: str
    source: str
    person: str
    accepted: bool


class DocumentPublic(SQLModel):
    """Processing status, progress and the proposed redactions of one document."""

    id: int
    request_id: int
    filename: str
    sha256: str
    size: int
    content_type: str
    status: str
    error: str | None
    pages_total: int | None
    pages_done: int
    progress: float = Field(description="pages done / pages total, 0..1")
    release_status: str | None = Field(description="full, partial or withheld once done")
    created_at: datetime
    finished_at: datetime | None
    redactions: list[RedactionPublic] = Field(default_factory=list)
