"""`aktindsigt redact`: release copies, report.json in CONTRACT.md's format and the aktliste."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pdfplumber
import pytest

from app.cli import main
from app.cli.redact import output_names
from redaction.types import Category

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "data"
DOCS = [SAMPLES / "documents" / "journalnotat.pdf", SAMPLES / "documents" / "afgoerelse.pdf"]
CATEGORIES = set(typing.get_args(Category))


def _run(tmp_path: Path, slug: str, files: list[Path] = DOCS) -> tuple[int, Path]:
    out = tmp_path / "out"
    code = main(
        [
            "redact",
            *map(str, files),
            "--staff",
            str(SAMPLES / "staff.csv"),
            "--request",
            str(SAMPLES / "requests" / f"{slug}.json"),
            "--out-dir",
            str(out),
        ]
    )
    return code, out


def test_redact_writes_copies_report_and_aktliste(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "ofl-elevated-skaeldsord")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "afgoerelse.pdf",
        "aktliste.pdf",
        "journalnotat.pdf",
        "report.json",
    ]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["assessment"]["recommendation"] == "grant_without_staff_identity"
    assert "BIHS" in report["assessment"]["withheld_staff"]  # the register applied
    assert "KADF" not in report["assessment"]["withheld_staff"]  # a leader
    for doc in report["documents"]:
        assert doc["output"] == doc["source"] and doc["status"] == "partial"
        assert doc["pages"] == 2 and doc["redactions"]
        for entry in doc["redactions"]:
            assert set(entry) >= {"page", "bbox", "category", "text", "legal_basis", "source"}
            assert entry["category"] in CATEGORIES
            x0, top, x1, bottom = entry["bbox"]
            assert 0 <= x0 < x1 <= 595.5 and 0 <= top < bottom <= 842.5
    assert [row["status"] for row in report["aktliste"]] == ["partial", "partial"]
    with pdfplumber.open(out / "aktliste.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "Aktliste" in text and "Delvis aktindsigt" in text and "journalnotat.pdf" in text
    request = json.loads((SAMPLES / "requests" / "ofl-elevated-skaeldsord.json").read_text())
    assert "OFL § 9, stk. 2, nr. 2" in text and f"Sag: {request['case']['number']}" in text


def test_refusal_writes_no_document(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "ofl-refuse-kun-identitet-haenge-ud")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["aktliste.pdf", "report.json"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in report["documents"]] == ["withheld", "withheld"]
    assert all(d["output"] == "" and not d["redactions"] for d in report["documents"])
    assert report["assessment"]["withheld_staff"] == []
    assert report["aktliste"][0]["legal_basis"] == ["OFL § 9, stk. 2, nr. 2"]
    with pdfplumber.open(out / "aktliste.pdf") as pdf:
        assert "Undtaget" in pdf.pages[0].extract_text()


def test_bad_request_or_register_stops_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "request.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    code = main(
        [
            "redact",
            str(DOCS[0]),
            "--staff",
            str(SAMPLES / "staff.csv"),
            "--request",
            str(bad),
            "--out-dir",
            str(out),
        ]
    )
    assert code == 2 and not out.exists()
    assert capsys.readouterr().err.startswith(f"aktindsigt: {bad}: invalid JSON")
    staff = tmp_path / "staff.csv"
    staff.write_text("name,initials,email,phone,title,department,leading\n,X,,,,,maybe\n")
    code = main(
        [
            "redact",
            str(DOCS[0]),
            "--staff",
            str(staff),
            "--request",
            str(SAMPLES / "requests" / "ofl-elevated-skaeldsord.json"),
            "--out-dir",
            str(out),
        ]
    )
    assert code == 2 and not out.exists()
    assert "linje 2" in capsys.readouterr().err


def test_output_names_are_unique_and_never_clash() -> None:
    names = output_names(
        [Path("a/notat.pdf"), Path("b/notat.pdf"), Path("aktliste.pdf"), Path("scan.PDF")]
    )
    assert names == ["notat.pdf", "notat-2.pdf", "aktliste-2.pdf", "scan.pdf"]
