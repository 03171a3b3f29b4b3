"""Rule files: shipped defaults as DOMAIN.md says, overrides, and errors that name the key."""

from datetime import date
from pathlib import Path

import pytest

from rules import RulesError, load_rulebook, screen
from tests.rules.factories import make_request


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kommune.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_rule_sets_have_id_version_date_and_labels() -> None:
    book = load_rulebook()
    assert set(book.rule_sets) == {"ofl-2024", "ofl-2013", "fvl", "personale", "gdpr"}
    assert book.rule_sets["ofl-2024"].effective_from == date(2024, 7, 1)
    assert book.rule_sets["ofl-2024"].labels["harassment"] == "OFL § 9, stk. 2, nr. 2"
    assert book.rule_sets["fvl"].labels["decisive_interests"] == "FVL § 15 b"
    assert book.rule_sets["personale"].labels["employee_safety"] == "OFL § 21, stk. 3"
    assert book.rule_sets["ofl-2013"].labels["threat_on_record"] == "OFL § 33, nr. 5"
    weights = {k: s.weight for k, s in book.screening.signals.items()}
    assert weights == {"T1": 3, "T2": 3, "T3": 2, "F1": 1, "H1": 3, "H2": 2, "H3": 2, "V1": 0}
    assert [(t.at_least, t.weight) for t in book.screening.signals["V1"].thresholds] == [
        (25, 3),
        (10, 2),
    ]


def test_override_changes_label_threshold_phrases_and_closed_days(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
rule_sets:
  ofl-2024:
    labels: {harassment: "Offentlighedslovens § 9, stk. 2, nr. 2"}
screening:
  signals:
    V1: {thresholds: [{at_least: 5, weight: 2}]}
    T3: {extra_phrases: ["kommunekrapyl*"]}
deadlines: {closed_days: ["11-23"]}
""",
    )
    book = load_rulebook(path)
    request = make_request(text="I er nogle kommunekrapyler", contacts_30d=6)
    assessment = screen(request, book)
    assert {s.id for s in assessment.signals} == {"T3", "V1"}
    assert assessment.legal_basis == ["Offentlighedslovens § 9, stk. 2, nr. 2"]
    assert assessment.deadline == date(2026, 12, 2)  # 23 Nov closed: one day later
    assert load_rulebook().rule_sets["fvl"] == book.rule_sets["fvl"]  # the rest unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("screening:\n  risk:\n    high_total: many\n", "screening.risk.high_total"),
        (
            "screening:\n  signals:\n    T1:\n      extra_phrases: ['slå ..']\n",
            "screening.signals.T1.extra_phrases",
        ),
        ("deadlines:\n  closed_days: ['02-30']\n", "deadlines.closed_days"),
        ("rule_sets:\n  fvl:\n    threatened_staff_basis: nope\n", "rule_sets.fvl"),
        ("colour: blue\n", "colour"),
        ("screening: [\n", "line"),
    ],
)
def test_broken_override_names_file_key_and_problem(tmp_path: Path, text: str, names: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RulesError) as err:
        load_rulebook(path)
    message = str(err.value)
    assert message.startswith(str(path)) and names in message, message
