"""An API key for a system (ESDH, HR export); only its hash is stored."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models._base import created_at_field, datetime_field

API_KEY_ROLES = ("integration", "clerk", "caseworker", "admin")


class ApiKey(SQLModel, table=True):
    __tablename__ = "apikey"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    role: str = Field(default="integration", max_length=20)
    prefix: str = Field(max_length=16)
    key_hash: str = Field(max_length=64, unique=True)
    webhook_url: str | None = Field(default=None, max_length=1000)
    webhook_secret: str | None = Field(default=None, max_length=100)
    created_at: datetime = created_at_field()
    revoked_at: datetime | None = datetime_field()
