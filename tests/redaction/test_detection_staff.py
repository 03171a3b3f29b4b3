"""The staff register automaton: every form of a staff member's identity, in any case."""

from __future__ import annotations

import pytest

from redaction.detection.people_index import PeopleIndex
from redaction.detection.staff_register_recognizer import StaffRegisterRecognizer
from tests.redaction.detection_support import policy

INDEX = PeopleIndex(policy())
RECOGNIZER = StaffRegisterRecognizer(INDEX)


def found(text: str) -> list[tuple[str, str, str, list[str]]]:
    """(text, variant, strength, keys) of every match."""
    out = []
    for r in sorted(RECOGNIZER.analyze(text, []), key=lambda r: r.start):
        meta = r.recognition_metadata
        keys = [INDEX.people[i].key for i in meta["people"]]
        out.append((text[r.start : r.end], meta["variant"], meta["strength"], keys))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Birgitte Holm Sørensen har", [("Birgitte Holm Sørensen", "full", "strong", ["BIHS"])]),
        ("BIRGITTE HOLM SØRENSEN", [("BIRGITTE HOLM SØRENSEN", "full", "strong", ["BIHS"])]),
        ("Birgitte Sørensens notat", [("Birgitte Sørensens", "full", "strong", ["BIHS"])]),
        ("Birgitte Holm\nSørensen", [("Birgitte Holm\nSørensen", "full", "strong", ["BIHS"])]),
        ("Sørensen, Birgitte Holm", [("Sørensen, Birgitte Holm", "full", "strong", ["BIHS"])]),
        ("Birgitte Soerensen", [("Birgitte Soerensen", "full", "strong", ["BIHS"])]),
        ("Sagsbehandler: BIHS", [("BIHS", "initials", "strong", ["BIHS"])]),
        ("oprettet af bihs i går", [("bihs", "initials", "strong", ["BIHS"])]),
        ("BIHS' notat", [("BIHS'", "initials", "strong", ["BIHS"])]),
        (
            "skriv til bihs@lindholm-kommune.dk",
            [("bihs@lindholm-kommune.dk", "email", "strong", ["BIHS"])],
        ),
        (
            "OCR bihsQlindholm-kommune.dk",
            [("bihsQlindholm-kommune.dk", "email", "strong", ["BIHS"])],
        ),
        ("Birgitte sagde", [("Birgitte", "first", "weak", ["BIHS"])]),
        ("Birgittes bil", [("Birgittes", "first", "weak", ["BIHS"])]),
        ("Holms notat", [("Holms", "last", "weak", ["BIHS", "SOETH"])]),
        ("Med venlig hilsen\nBirgitte", [("Birgitte", "first", "strong", ["BIHS"])]),
        ("ondt i maven og mave", []),  # MAVE is a user code, but "mave" is a Danish word
        ("Sagsbehandler: mave", [("mave", "initials", "strong", ["MAVE"])]),
        ("birgitte med lille b", []),
        ("Birgittesen", []),
    ],
)
def test_staff_forms(text: str, expected: list[tuple[str, str, str, list[str]]]) -> None:
    assert found(text) == expected


def test_shared_first_name_lists_every_candidate() -> None:
    ((_, variant, _, keys),) = found("Sofie sagde")
    assert variant == "first"
    assert set(keys) == {"SOYI", "SOLA", "SODA", "SODA2"}


def test_register_of_ten_thousand_builds_and_matches() -> None:
    from redaction.policy import Policy, StaffMember

    staff = tuple(
        StaffMember(f"Person{i} Efternavn{i}", f"P{i:05d}", f"p{i}@k.dk", f"3{i:07d}")
        for i in range(10_000)
    )
    index = PeopleIndex(Policy(staff=staff))
    matches = index.find("mødet med Person9876 Efternavn9876 og P00042")
    assert [(m.variant, index.people[m.people[0]].key) for m in matches] == [
        ("full", "P09876"),
        ("initials", "P00042"),
    ]
    assert index.phones["30000042"] == [42]
