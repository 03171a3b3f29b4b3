"""Synthetic staff register of the fictional Lindholm Kommune (CONTRACT.md CSV format).

Every name is made up from common Danish first names and surnames with a fixed seed,
so the register is the same on every machine.  A few fixed members anchor the examples
in DOMAIN.md and CONTRACT.md (Birgitte Holm Sørensen, BIHS).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass

DOMAIN = "lindholm-kommune.dk"

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Hanne",
    "Susanne",
    "Lene",
    "Marianne",
    "Camilla",
    "Louise",
    "Charlotte",
    "Maria",
    "Pia",
    "Tina",
    "Helle",
    "Karina",
    "Julie",
    "Sofie",
    "Ida",
    "Emma",
    "Signe",
    "Line",
    "Peter",
    "Jens",
    "Michael",
    "Lars",
    "Thomas",
    "Henrik",
    "Søren",
    "Christian",
    "Martin",
    "Jan",
    "Morten",
    "Jesper",
    "Anders",
    "Niels",
    "Rasmus",
    "Kasper",
    "Mads",
    "Frederik",
    "Ahmed",
    "Fatima",
    "Zeynep",
    "Mohammad",
    "Aisha",
    "Piotr",
    "Agnieszka",
    "Ole",
    "Kirsten",
]
SURNAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Østergaard",
    "Kjær",
    "Lund",
    "Bach",
    "Dahl",
    "Friis",
    "Holm",
    "Vestergaard",
    "Bak",
    "Yilmaz",
    "Kowalski",
    "Lauridsen",
    "Skov",
    "Bech",
    "Brandt",
    "Iversen",
    "Bruun",
    "Frandsen",
    "Damgaard",
]
MIDDLE_NAMES = ["Holm", "Marie", "Skov", "Lund", "Bach", "Dam", "Krogh", "Juul"]

DEPARTMENTS = {
    "Børn og Familie": ["socialrådgiver", "socialrådgiver", "socialrådgiver", "familiebehandler"],
    "Handicap og Psykiatri": ["sagsbehandler", "sagsbehandler", "socialrådgiver"],
    "Jobcenter": ["jobkonsulent", "sagsbehandler", "sagsbehandler"],
    "Borgerservice": ["borgerservicemedarbejder", "sagsbehandler"],
    "Ældre og Sundhed": ["visitator", "sagsbehandler"],
    "HR og Personale": ["HR-konsulent", "HR-partner"],
    "Journal og Arkiv": ["journalmedarbejder", "aktindsigtsmedarbejder"],
}
LEADER_TITLES = ["teamleder", "afdelingsleder", "familiechef", "centerchef"]


@dataclass(frozen=True)
class StaffRow:
    name: str
    initials: str
    email: str
    phone: str
    title: str
    department: str
    leading: bool


# Fixed members that examples, tests and documents refer to by name.
ANCHORS = [
    StaffRow(
        "Birgitte Holm Sørensen",
        "BIHS",
        f"bihs@{DOMAIN}",
        "+45 72 11 40 21",
        "socialrådgiver",
        "Børn og Familie",
        False,
    ),
    StaffRow(
        "Mikkel Bruun Lauridsen",
        "MIBL",
        f"mibl@{DOMAIN}",
        "72114022",
        "socialrådgiver",
        "Børn og Familie",
        False,
    ),
    StaffRow(
        "Tina Østergaard",
        "TIOE",
        f"tioe@{DOMAIN}",
        "72 11 40 23",
        "sagsbehandler",
        "Handicap og Psykiatri",
        False,
    ),
    StaffRow(
        "Karen Dahl Friis",
        "KADF",
        f"kadf@{DOMAIN}",
        "+4572114024",
        "teamleder",
        "Børn og Familie",
        True,
    ),
    StaffRow(
        "Henrik Skov Madsen",
        "HESM",
        f"hesm@{DOMAIN}",
        "72 11 40 25",
        "familiechef",
        "Børn og Familie",
        True,
    ),
    StaffRow(
        "Sofie Yilmaz", "SOYI", f"soyi@{DOMAIN}", "72 11 40 26", "jobkonsulent", "Jobcenter", False
    ),
    StaffRow(
        "Lars Bach Kjær",
        "LABK",
        f"labk@{DOMAIN}",
        "72 11 40 27",
        "HR-konsulent",
        "HR og Personale",
        False,
    ),
    StaffRow(
        "Anne Marie Vestergaard",
        "",
        f"anne.vestergaard@{DOMAIN}",
        "",
        "journalmedarbejder",
        "Journal og Arkiv",
        False,
    ),
]


def _initials(name: str, taken: set[str]) -> str:
    parts = name.split()
    base = (parts[0][:2] + parts[-1][:2]).upper().replace("Ø", "OE").replace("Æ", "AE")
    base = base.replace("Å", "AA")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def generate_staff(count: int = 60, seed: int = 2024) -> list[StaffRow]:
    """Return the anchors plus synthetic staff, ``count`` rows in all, deterministic for a seed."""
    rng = random.Random(seed)
    rows = list(ANCHORS)
    names = {r.name for r in rows}
    taken = {r.initials for r in rows if r.initials}
    phone = 72115000
    while len(rows) < count:
        parts = [rng.choice(FIRST_NAMES)]
        if rng.random() < 0.35:
            parts.append(rng.choice(MIDDLE_NAMES))
        parts.append(rng.choice(SURNAMES))
        if parts[-1] == parts[-2]:
            continue
        name = " ".join(parts)
        if name in names:
            continue
        names.add(name)
        department = rng.choice(sorted(DEPARTMENTS))
        leading = rng.random() < 0.12
        title = rng.choice(LEADER_TITLES) if leading else rng.choice(DEPARTMENTS[department])
        initials = _initials(name, taken)
        taken.add(initials)
        phone += rng.randint(1, 40)
        digits = str(phone)
        rows.append(
            StaffRow(
                name,
                initials,
                f"{initials.lower()}@{DOMAIN}",
                f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}",
                title,
                department,
                leading,
            )
        )
    return rows


def staff_csv(rows: list[StaffRow]) -> str:
    """Render rows in CONTRACT.md's staff register format."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "initials", "email", "phone", "title", "department", "leading"])
    for r in rows:
        writer.writerow(
            [
                r.name,
                r.initials,
                r.email,
                r.phone,
                r.title,
                r.department,
                "true" if r.leading else "false",
            ]
        )
    return out.getvalue()
