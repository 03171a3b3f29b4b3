"""The staff register (CONTRACT.md staff CSV); replaced whole on every upload."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class StaffBase(SQLModel):
    name: str = Field(max_length=300)
    initials: str = Field(default="", max_length=30)
    email: str = Field(default="", max_length=300)
    phone: str = Field(default="", max_length=50)
    title: str = Field(default="", max_length=300)
    department: str = Field(default="", max_length=300)
    leading: bool = False


class Staff(StaffBase, table=True):
    id: int | None = Field(default=None, primary_key=True)


class StaffCountsPublic(SQLModel):
    staff: int = Field(description="members in the new register")
    leading: int = Field(description="of whom leaders")
    replaced: int = Field(description="members in the register that was replaced")
