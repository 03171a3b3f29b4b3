"""`aktindsigt screen`: the contract's assessment on stdout, one-line errors on stderr."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

REQUEST = {
    "received": "2026-11-20",
    "requester": {"name": "Jens Hansen", "cpr": "010170-1234", "is_journalist": False},
    "text": "Jeg vil hænge hende ud på Facebook.",
    "case": {
        "number": "27.12.00-G01-123-25",
        "kind": "borger",
        "parties": [{"name": "Mette Larsen", "cpr": "120385-4322"}],
    },
    "history": {
        "contacts_30d": 3,
        "incidents": [
            {"date": "2026-10-02", "kind": "online_exposure", "staff": ["BIHS"], "note": "opslag"}
        ],
    },
}
FIELDS = {
    "regime": str,
    "risk": str,
    "recommendation": str,
    "withhold_all_staff": bool,
    "withheld_staff": list,
    "legal_basis": list,
    "signals": list,
    "deadline": str,
    "rule_set": str,
}


def write(tmp_path: Path, content: str, name: str = "request.json") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_assessment_has_every_contract_field_typed(tmp_path: Path, capsys) -> None:
    assert main(["screen", str(write(tmp_path, json.dumps(REQUEST)))]) == 0
    out = json.loads(capsys.readouterr().out)
    for name, kind in FIELDS.items():
        assert isinstance(out[name], kind), name
    assert out["risk"] == "high" and out["deadline"] == "2026-12-01"
    assert {s["id"] for s in out["signals"]} == {"T2", "H3"}
    for signal in out["signals"]:
        assert set(signal) >= {"id", "weight", "evidence"} and signal["evidence"]


def test_letter_for_a_partial_refusal(tmp_path: Path, capsys) -> None:
    assert main(["screen", "--letter", str(write(tmp_path, json.dumps(REQUEST)))]) == 0
    letter = capsys.readouterr().out
    for part in (
        "Afgørelse",
        "Begrundelse",
        "Klagevejledning",
        "offentlighedslovens § 9, stk. 2, nr. 2",
        "hænge hende ud",
    ):
        assert part in letter, part
    assert "BIHS" not in letter  # the letter never names the protected employee


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "invalid JSON at line 1"),
        (json.dumps({**REQUEST, "case": {"kind": "borger"}}), "case.number: field required"),
        (
            json.dumps({k: v for k, v in REQUEST.items() if k != "received"}),
            "received: field required",
        ),
        (json.dumps({**REQUEST, "received": "20-11-2026"}), "received:"),
        (json.dumps({**REQUEST, "requester": {"name": "A", "cpr": "12"}}), "requester.cpr:"),
        ("[]", "(top level)"),
    ],
)
def test_bad_request_gives_one_line_naming_file_and_field(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = write(tmp_path, content)
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "screen", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and expected in lines[0], result.stderr


def test_missing_file(tmp_path: Path, capsys) -> None:
    assert main(["screen", str(tmp_path / "nope.json")]) != 0
    assert "nope.json: cannot read the file" in capsys.readouterr().err
