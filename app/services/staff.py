"""The staff register: replaced whole and atomically from a CSV upload."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, func, select

from app.errors import Unprocessable
from app.models.staff import Staff
from app.services import audit
from app.services.principals import Principal
from app.staff_register import StaffRegisterError, parse_staff_csv
from redaction.policy import StaffMember


@dataclass(frozen=True)
class StaffCounts:
    staff: int
    leading: int
    replaced: int


def replace_register(
    session: Session, actor: Principal | str, data: bytes, filename: str = "staff.csv"
) -> StaffCounts:
    """Parse the CSV and replace the register in the caller's transaction (all or nothing)."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise Unprocessable(f"{filename}: linje {line}: NUL-tegn (\\x00) i filen")
    try:
        members = parse_staff_csv(data, filename)
    except StaffRegisterError as exc:
        errors: list[dict[str, object]] = [
            {"line": p.line, "problem": p.problem} for p in exc.problems
        ]
        raise Unprocessable(str(exc), errors) from None
    replaced = session.exec(select(func.count()).select_from(Staff)).one()
    session.execute(delete(Staff))
    session.add_all(Staff.model_validate(vars_of(m)) for m in members)
    counts = StaffCounts(
        staff=len(members), leading=sum(m.leading for m in members), replaced=replaced
    )
    audit.record(session, actor, "staff.replaced", "staff", "register", vars(counts))
    return counts


def vars_of(member: StaffMember) -> dict[str, object]:
    return {
        "name": member.name,
        "initials": member.initials,
        "email": member.email,
        "phone": member.phone,
        "title": member.title,
        "department": member.department,
        "leading": member.leading,
    }


def current_register(session: Session) -> list[StaffMember]:
    """The register as the redaction library's StaffMember records."""
    rows = session.exec(select(Staff).order_by(Staff.id)).all()  # type: ignore[arg-type]
    return [
        StaffMember(
            name=r.name,
            initials=r.initials,
            email=r.email,
            phone=r.phone,
            title=r.title,
            department=r.department,
            leading=r.leading,
        )
        for r in rows
    ]
