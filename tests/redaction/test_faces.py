"""Faces: Haar cascade on embedded images; whose photo it is decides whether it goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from redaction.analyze import analyze
from redaction.detection.photos import gap
from redaction.faces import detect_faces
from tests.redaction.detection_support import BIHS_BASIS, image_pdf, policy

skimage_data = pytest.importorskip("skimage.data")
PHOTO_BOX = (60.0, 100.0, 150.0, 190.0)  # a signature portrait, 90 x 90 pt


def portrait() -> Image.Image:
    return Image.fromarray(skimage_data.astronaut())


def signature(tmp_path: Path, name: str, title: str) -> Path:
    return image_pdf(
        tmp_path / "mail.pdf",
        portrait(),
        PHOTO_BOX,
        lines=[
            (60, 60, "Kære Jens, tak for din henvendelse."),
            (160, 110, name),
            (160, 124, title),
            (160, 138, "Lindholm Kommune"),
        ],
    )


def test_the_cascade_finds_the_astronaut() -> None:
    faces = detect_faces(portrait().resize((256, 256)))
    assert len(faces) == 1


def test_no_face_on_paper() -> None:
    assert detect_faces(Image.new("L", (400, 400), 255)) == []


def test_portrait_of_withheld_staff_goes_with_their_label(tmp_path: Path) -> None:
    analysis = analyze(signature(tmp_path, "Birgitte Holm Sørensen", "Socialrådgiver"), policy())
    (photo,) = [r for r in analysis.proposals if r.source == "face"]
    assert (photo.category, photo.legal_basis, photo.person) == ("staff_photo", BIHS_BASIS, "BIHS")
    assert photo.bbox == pytest.approx(PHOTO_BOX, abs=1)  # the whole portrait


def test_portrait_of_kept_staff_is_kept(tmp_path: Path) -> None:
    analysis = analyze(signature(tmp_path, "Karen Dahl Friis", "Teamleder"), policy())
    assert not [r for r in analysis.proposals if r.source == "face"]
    assert [k.person for k in analysis.kept if k.kind == "photo"] == ["KADF"]


def test_face_with_no_name_is_a_private_persons(tmp_path: Path) -> None:
    pdf = image_pdf(tmp_path / "foto.pdf", portrait(), (200, 400, 380, 580))
    analysis = analyze(pdf, policy())
    (photo,) = analysis.proposals
    assert (photo.category, photo.legal_basis) == ("photo", "OFL § 30, nr. 1")


def test_gap_between_boxes() -> None:
    assert gap((0, 0, 10, 10), (5, 5, 20, 20)) == 0
    assert gap((0, 0, 10, 10), (13, 14, 20, 20)) == pytest.approx(5.0)
