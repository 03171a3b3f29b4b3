"""Draft letters: a decision with begrundelse and klagevejledning for every outcome but a
plain grant, which gets a short grant letter."""

from datetime import date
from pathlib import Path

from rules import draft_letter, is_plain_grant, load_rulebook, screen
from tests.rules.factories import make_request

TODAY = date(2026, 11, 24)
THREAT = {"date": "2026-10-02", "kind": "threat", "staff": ["BIHS"], "note": "BIHS truet"}


def letter_for(request, book=None) -> str:
    book = book or load_rulebook()
    return draft_letter(request, screen(request, book), book, today=TODAY)


def test_plain_grant_gets_a_short_grant_letter() -> None:
    text = letter_for(make_request())
    assert text.startswith("Lindholm Kommune") and "Aktindsigt i sag 27.12.00-G01-123-25" in text
    assert "Du får aktindsigt i sagens dokumenter" in text and "Begrundelse" not in text
    assert "24. november 2026" in text and "20. november 2026" in text


def test_partial_refusal_cites_rule_facts_and_complaint_guidance() -> None:
    text = letter_for(make_request("Jeg vil hænge hende ud på Facebook.", contacts_30d=12))
    for part in (
        "Afgørelse",
        "Begrundelse",
        "Regler",
        "Klagevejledning",
        "offentlighedslovens § 9, stk. 2, nr. 2",
        "«hænge hende ud på Facebook»",
        "12 henvendelser",
        "Ankestyrelsen",
        "4 uger",
        "ikke er ledere",
    ):
        assert part in text, part


def test_refusal_names_no_staff_and_cites_no_private_matters() -> None:
    text = letter_for(
        make_request(
            "Jeg vil have navn og billede af den socialrådgiver. Ikke andet.", incidents=[THREAT]
        )
    )
    assert "Vi afslår din anmodning" in text and "§ 30" not in text
    assert "BIHS" not in text and "truet" not in text  # the incident note is not quoted
    assert "2. oktober 2026" in text


def test_party_grant_with_threatened_staff_is_a_reasoned_decision() -> None:
    request = make_request(
        parties=[{"name": "Jens Hansen", "cpr": "010170-1234"}], incidents=[THREAT]
    )
    assessment = screen(request)
    assert assessment.recommendation == "grant" and not is_plain_grant(assessment)
    text = letter_for(request)
    assert "forvaltningslovens § 15 b" in text and "udsat for trusler" in text
    assert "BIHS" not in text


def test_complaint_body_and_time_limit_are_configurable(tmp_path: Path) -> None:
    override = tmp_path / "kommune.yaml"
    override.write_text(
        "municipality: {name: Eksempel Kommune}\n"
        "complaints:\n  offentlighedsloven: {body: Folketingets Ombudsmand, time_limit: "
        "12 måneder, how: Skriv til ombudsmanden.}\n",
        encoding="utf-8",
    )
    text = letter_for(make_request(incidents=[THREAT]), load_rulebook(override))
    assert text.startswith("Eksempel Kommune")
    assert "til Folketingets Ombudsmand. Klagefristen er 12 måneder" in text
