"""Read the staff register CSV of CONTRACT.md (name,initials,email,phone,title,department,leading).

Every bad row is reported with its line number; a register with bad rows is refused whole,
so a half-read register never replaces a good one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from redaction.policy import StaffMember

REQUIRED_COLUMNS = ("name", "initials", "email", "phone", "title", "department", "leading")
_TRUE = {"true", "sand", "ja", "1", "yes"}
_FALSE = {"false", "falsk", "nej", "0", "no", ""}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[+\d\s().-]*$")


@dataclass(frozen=True)
class RowProblem:
    line: int
    problem: str


class StaffRegisterError(ValueError):
    """The register cannot be used; ``problems`` lists each bad line."""

    def __init__(self, filename: str, problems: list[RowProblem]) -> None:
        self.filename = filename
        self.problems = problems
        first = problems[0]
        more = f" (og {len(problems) - 1} andre fejl)" if len(problems) > 1 else ""
        super().__init__(f"{filename}: linje {first.line}: {first.problem}{more}")


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def _row_problem(row: dict[str, str]) -> str | None:
    if not row["name"]:
        return "navn mangler"
    if row["email"] and not _EMAIL.match(row["email"]):
        return f"ugyldig e-mailadresse {row['email']!r}"
    if row["phone"]:
        digits = _digits(row["phone"])
        if not _PHONE_CHARS.match(row["phone"]) or len(digits) not in (8, 10, 12):
            return f"ugyldigt telefonnummer {row['phone']!r}"
    if row["leading"].lower() not in _TRUE | _FALSE:
        return f"leading skal være true eller false, ikke {row['leading']!r}"
    return None


def parse_staff_csv(data: bytes | str, filename: str = "staff.csv") -> list[StaffMember]:
    """Parse a register; raise StaffRegisterError naming every bad line (1-based, header = 1)."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise StaffRegisterError(filename, [RowProblem(1, "filen er ikke UTF-8")]) from None
    else:
        text = data.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise StaffRegisterError(
            filename, [RowProblem(1, f"kolonne mangler i overskriften: {', '.join(missing)}")]
        )
    reader.fieldnames = header
    members: list[StaffMember] = []
    problems: list[RowProblem] = []
    seen_initials: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row or any(row.get(c) is None for c in REQUIRED_COLUMNS):
            problems.append(RowProblem(line, "forkert antal felter i rækken"))
            continue
        clean = {c: (row[c] or "").strip() for c in REQUIRED_COLUMNS}
        if not any(clean.values()):
            continue  # a blank line
        problem = _row_problem(clean)
        initials = clean["initials"].upper()
        if problem is None and initials and initials in seen_initials:
            problem = f"initialerne {initials} står også i linje {seen_initials[initials]}"
        if problem:
            problems.append(RowProblem(line, problem))
            continue
        if initials:
            seen_initials[initials] = line
        members.append(
            StaffMember(
                name=" ".join(clean["name"].split()),
                initials=initials,
                email=clean["email"].lower(),
                phone=clean["phone"],
                title=clean["title"],
                department=clean["department"],
                leading=clean["leading"].lower() in _TRUE,
            )
        )
    if problems:
        raise StaffRegisterError(filename, problems)
    if not members:
        raise StaffRegisterError(filename, [RowProblem(1, "registeret har ingen medarbejdere")])
    return members
