"""analyze(): born-digital pages end to end, row by row of DOMAIN.md's redaction table."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from redaction.analyze import analyze, page_text
from redaction.errors import NotAPdfError
from redaction.policy import Policy
from redaction.source import open_document
from redaction.types import DocumentAnalysis
from tests.redaction.detection_support import BIHS_BASIS, PARTY, REQUESTER, policy, text_pdf

PRIVATE = "OFL § 30, nr. 1"
NOTE = [
    "Journalnotat",
    "Sagsbehandler: BIHS",
    "Jens Hansen (010170-1234), Vestergade 12, 8000 Aarhus C, ringede i dag.",
    "Birgitte sagde at hans nabo Aisha Khan, Nørrebrogade 4, 2. tv., 2200 København N,",
    "cpr 120385-4321, har tlf. 23 45 67 89 og mail aisha@example.com.",
    "Lise Mortensen (020280-2468) bor på Søndergade 3, 1. th., 8000 Aarhus C.",
    "Karen Dahl Friis (teamleder) deltog. Mikkel ringede fra 72114022.",
    "Læge Hans Jensen, Lægehuset, tlf 86 12 34 56.",
    "Med venlig hilsen",
    "Birgitte Holm",
    "Sørensen",
    "Socialrådgiver, tlf. +45 72 11",
    "40 21, bihs@lindholm-kommune.dk",
]


@pytest.fixture(scope="module")
def note_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return text_pdf(tmp_path_factory.mktemp("analyze") / "notat.pdf", [NOTE])


def withheld(analysis: DocumentAnalysis) -> dict[str, tuple[str, str]]:
    """text -> (category, basis) of every proposal."""
    return {r.text: (r.category, r.legal_basis) for r in analysis.proposals}


def kept(analysis: DocumentAnalysis) -> dict[str, str]:
    return {k.text: k.kind for k in analysis.kept}


def test_withheld_staff_in_every_form(note_pdf: Path) -> None:
    found = withheld(analyze(note_pdf, policy()))
    expected = {
        "BIHS": "staff_initials",
        "Birgitte": "staff_name",
        "Birgitte Holm": "staff_name",
        "Sørensen": "staff_name",
        "+45 72 11": "staff_phone",
        "40 21": "staff_phone",
        "bihs@lindholm-kommune.dk": "staff_email",
    }
    for text, category in expected.items():
        assert found[text] == (category, BIHS_BASIS), text


def test_kept_staff_leaders_requester_and_professionals(note_pdf: Path) -> None:
    analysis = analyze(note_pdf, policy())
    found, keep = withheld(analysis), kept(analysis)
    assert keep["Karen Dahl Friis"] == "staff"  # a leader, kept
    assert keep["Mikkel"] == "staff"  # first name alone, MIBL's phone is in the document
    assert keep["72114022"] == "staff"
    assert keep["Jens Hansen"] == "requester"
    assert keep["010170-1234"] == "requester"
    assert keep["Vestergade 12, 8000 Aarhus C"] == "requester"
    assert keep["Hans Jensen"] == "professional"
    assert keep["86 12 34 56"] == "organisation"
    for text in ("Karen Dahl Friis", "Jens Hansen", "Hans Jensen", "Mikkel"):
        assert text not in found


def test_other_private_persons_and_parties(note_pdf: Path) -> None:
    found = withheld(analyze(note_pdf, policy()))
    assert found["Aisha Khan"] == ("person_name", PRIVATE)
    assert found["120385-4321"] == ("cpr", PRIVATE)
    assert found["23 45 67 89"] == ("phone", PRIVATE)
    assert found["aisha@example.com"] == ("email", PRIVATE)
    assert found["Nørrebrogade 4, 2. tv., 2200 København N"][0] == "address"
    assert found["Lise Mortensen"] == ("party_name", PRIVATE)
    assert found["020280-2468"] == ("party_cpr", PRIVATE)
    assert found["Søndergade 3, 1. th., 8000 Aarhus C"][0] == "party_address"


def test_party_access_keeps_the_parties(note_pdf: Path) -> None:
    analysis = analyze(note_pdf, policy(keep_parties=True))
    found, keep = withheld(analysis), kept(analysis)
    assert keep["Lise Mortensen"] == "party"
    assert keep["020280-2468"] == "party"
    assert "020280-2468" not in found
    assert found["120385-4321"] == ("cpr", PRIVATE)  # a stranger's CPR still goes


def test_nobody_withheld_keeps_all_staff(note_pdf: Path) -> None:
    analysis = analyze(note_pdf, policy(withheld={}))
    assert not [r for r in analysis.proposals if r.category.startswith("staff_")]
    assert kept(analysis)["BIHS"] == "staff"


def test_first_name_alone_needs_the_person_in_the_document(tmp_path: Path) -> None:
    """A citizen called Birgitte is not the caseworker when the caseworker is not there."""
    pdf = text_pdf(tmp_path / "a.pdf", [["Birgitte sagde at hun var glad.", "Min nabo Birgitte."]])
    found = withheld(analyze(pdf, policy()))
    assert found == {"Birgitte": ("person_name", PRIVATE)}  # only the neighbour, by context


def test_boxes_are_on_the_words(note_pdf: Path) -> None:
    analysis = analyze(note_pdf, policy())
    with pdfplumber.open(note_pdf) as pdf:
        words = pdf.pages[0].extract_words()
    email = next(r for r in analysis.proposals if r.category == "staff_email")
    word = next(w for w in words if w["text"] == "bihs@lindholm-kommune.dk")
    assert email.bbox[0] == pytest.approx(word["x0"], abs=1.5)
    assert email.bbox[2] == pytest.approx(word["x1"], abs=1.5)
    assert email.bbox[1] <= word["top"] + 1 and email.bbox[3] >= word["bottom"] - 1
    name = [r for r in analysis.proposals if r.text in ("Birgitte Holm", "Sørensen")]
    assert len(name) == 2 and name[0].bbox[1] != name[1].bbox[1]  # one box per line


def test_progress_sizes_and_sources(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "p.pdf", [["side et"], ["side to"], ["side tre"]])
    calls: list[tuple[int, int]] = []
    analysis = analyze(pdf, Policy(), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert analysis.pages == 3
    assert analysis.page_sizes == [(595.0, 842.0)] * 3
    assert analysis.page_sources == ["text"] * 3
    assert analysis.proposals == []


def test_page_text_gives_the_words(note_pdf: Path) -> None:
    with open_document(note_pdf) as document:
        text = page_text(document, 0)
    assert text.number == 1
    assert "Journalnotat" in [w.text for w in text.words]


def test_bad_input_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "foto.pdf"
    fake.write_bytes(b"\xff\xd8\xff\xe0 not a pdf")
    with pytest.raises(NotAPdfError):
        analyze(fake, Policy())


def test_requester_and_party_constants_are_used() -> None:
    assert REQUESTER.name != PARTY.name
