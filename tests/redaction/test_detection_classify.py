"""Classification on a page: overlaps of names, staff first names and addresses settled.

Each case is a few lines of a born-digital page and the spans it must withhold (with their
category) and keep, under a policy that withholds BIHS or keeps every staff member.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from redaction.analyze import analyze
from redaction.detection.people_index import street_key
from redaction.policy import PrivatePerson
from tests.redaction.detection_support import PARTY, policy, text_pdf

A_PARTY = PrivatePerson("Maja Winther", "050492-1840", "Åboulevarden 70, 3. th., 8000 Aarhus C")


@pytest.mark.parametrize(
    ("lines", "withhold_bihs", "withheld", "kept"),
    [
        # a staff first name ending one comment, the next commenter's name starting the next
        # line: the first name is the staff member (kept or withheld), never a private person
        (
            [
                "Det her er socialrådgiver Birgitte Holm Sørensen",
                "Lone Hvid: Skam dig Birgitte",
                "Bent Ravn: Hun bor vist i Viby",
            ],
            False,
            {"Lone Hvid": "person_name", "Bent Ravn": "person_name"},
            {"Birgitte Holm Sørensen": "staff", "Birgitte": "staff"},
        ),
        (
            [
                "Det her er socialrådgiver Birgitte Holm Sørensen",
                "Lone Hvid: Skam dig Birgitte",
                "Bent Ravn: Hun bor vist i Viby",
            ],
            True,
            {
                "Birgitte Holm Sørensen": "staff_name",
                "Lone Hvid": "person_name",
                "Birgitte": "staff_name",
                "Bent Ravn": "person_name",
            },
            {},
        ),
        # a name running on into an address on the next line: both are found
        (
            [
                "Brev til Lindholm Kommune",
                "Grethe Bundgaard",
                "Åboulevarden 72, 3. tv., 8000 Aarhus C",
                "Tlf. 31 45 67 89",
            ],
            False,
            {
                "Grethe Bundgaard": "person_name",
                "Åboulevarden 72, 3. tv., 8000 Aarhus C": "address",
                "31 45 67 89": "phone",
            },
            {},
        ),
        # the authority's address under a caseworker's signature stays
        (
            [
                "Lindholm Kommune",
                "Birgitte Holm Sørensen",
                "Rådhuspladsen 2, 8000 Aarhus C",
            ],
            False,
            {},
            {"Birgitte Holm Sørensen": "staff", "Rådhuspladsen 2, 8000 Aarhus C": "organisation"},
        ),
    ],
)
def test_overlaps_settled(
    tmp_path: Path,
    lines: list[str],
    withhold_bihs: bool,
    withheld: dict[str, str],
    kept: dict[str, str],
) -> None:
    release = policy() if withhold_bihs else policy({})
    analysis = analyze(text_pdf(tmp_path / "side.pdf", [lines]), release)
    assert {r.text: r.category for r in analysis.proposals} == withheld
    assert {k.text: k.kind for k in analysis.kept if k.text in kept} == kept


@pytest.mark.parametrize(
    ("keep_parties", "expected"),
    [(False, ("party_address", None)), (True, (None, "party"))],
)
@pytest.mark.parametrize(
    "written",
    [
        "Åboulevarden 70, 3. th., 8000 Aarhus C",
        "Aaboulevarden 70, 3. th., 8000 Aarhus C",
        "Aboulevarden 70, 3. th.",  # OCR lost the ring
    ],
)
def test_party_address_with_danish_letters(
    tmp_path: Path, keep_parties: bool, expected: tuple[str | None, str | None], written: str
) -> None:
    release = replace(policy({}), parties=(A_PARTY, PARTY), keep_parties=keep_parties)
    analysis = analyze(text_pdf(tmp_path / "side.pdf", [["Hjemmebesøg på", written]]), release)
    category = next((r.category for r in analysis.proposals if r.text == written), None)
    kind = next((k.kind for k in analysis.kept if k.text == written), None)
    assert (category, kind) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Åboulevarden 70, 3. th., 8000 Aarhus C", "Aaboulevarden 70"),
        ("Åboulevarden 70", "aboulevarden 70, 3."),
        ("Ørstedsvej 3, 1. tv.", "Oerstedsvej 3"),
        ("Ærøgade 5", "Aeroegade 5"),
        ("H.C. Andersens Boulevard 27", "H. C. Andersens Boulevard 27, 1553 København V"),
    ],
)
def test_street_key_folds_danish_letters(one: str, other: str) -> None:
    assert street_key(one) == street_key(other)


def test_street_key_keeps_numbers_apart() -> None:
    assert street_key("Åboulevarden 70") != street_key("Åboulevarden 72")
