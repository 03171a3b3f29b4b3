"""The sentence model: a second opinion on threats where the phrase lists have no words."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from rules import RulesError, load_rulebook, screen
from rules.loader import DATA_DIR
from rules.schema import RuleBook
from rules.sentence_model import (
    SentenceModel,
    load_model,
    ngrams,
    sentences_of,
    write_model,
)
from tests.rules.factories import make_request

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = DATA_DIR / "screening-model.json.gz"
# Not in any table, and no phrase list has words for it.
THREAT = "Det ville være en skam hvis hendes hus brændte."
VEILED = f"Jeg beder om aktindsigt i sagen. {THREAT}"


def override(tmp_path: Path, text: str) -> RuleBook:
    path = tmp_path / "kommune.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rulebook(path)


def model_signals(assessment_signals: list) -> list[str]:
    return [s.id for s in assessment_signals if "sprogmodel" in s.evidence]


def test_sentences_end_where_the_phrase_rules_end_them_and_quotes_are_blanked() -> None:
    text = (
        'Mikkel B. har lavet fejl, jf. loven. Han skrev "jeg hænger dig ud" i går!\n'
        "en linje\nder fortsætter\n\nny sætning her"
    )
    assert sentences_of(text) == [
        "Mikkel B. har lavet fejl, jf. loven.",
        "Han skrev i går!",
        "en linje der fortsætter",
        "ny sætning her",
    ]


def test_ngrams_meet_across_spellings_and_case() -> None:
    assert ngrams("Hængt UD på Fæjsbog") == ngrams("haengt ud paa faejsbog")
    chars, words = ngrams("dæk")
    assert "c: dae" in chars and "w:daek" in words


def test_the_model_fires_t1_on_a_veiled_threat_the_phrases_miss(tmp_path: Path) -> None:
    with_model = screen(make_request(VEILED))
    t1 = [s for s in with_model.signals if s.id == "T1"]
    assert model_signals(with_model.signals) == ["T1"]
    assert t1[0].evidence.startswith(f"«{THREAT}»")
    assert "sandsynlighed 0," in t1[0].evidence
    assert with_model.risk == "high"

    rules_alone = screen(make_request(VEILED), override(tmp_path, OFF))
    assert [s.id for s in rules_alone.signals] == []


OFF = "screening:\n  sentence_model: {enabled: false}\n"


def test_reported_speech_and_quotes_fire_nothing() -> None:
    for text in (
        "Jeg beder om sagen. Min nabo sagde, at det ville være en skam hvis hendes hus brændte.",
        'Jeg beder om sagen. Han skrev "det ville være en skam hvis hendes hus brændte".',
    ):
        assert model_signals(screen(make_request(text)).signals) == [], text


def test_legitimate_anger_stays_low() -> None:
    text = (
        "Det er en skandale og I burde skamme jer. Jeg klager til Ankestyrelsen og går til "
        "pressen, og jeg vil have aktindsigt i hele sagen nu."
    )
    assessment = screen(make_request(text))
    assert assessment.risk == "low" and assessment.signals == []


def test_a_municipality_sets_thresholds_and_signals(tmp_path: Path) -> None:
    cautious = override(tmp_path, "screening:\n  sentence_model: {thresholds: {T1: 1.0}}\n")
    assert model_signals(screen(make_request(VEILED), cautious).signals) == []

    eager = override(
        tmp_path, "screening:\n  sentence_model: {signals: [T1, T2], thresholds: {T2: 0.00001}}\n"
    )
    text = "Jeg beder om aktindsigt i sagen om vejen."
    assert model_signals(screen(make_request(text), eager).signals) == ["T2"]
    journalist = {"name": "Ida Holm", "is_journalist": True}
    assert model_signals(screen(make_request(text, requester=journalist), eager).signals) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("screening:\n  sentence_model: {signals: [F1]}\n", "F1 is not a text signal"),
        ("screening:\n  sentence_model: {thresholds: {T1: 1.5}}\n", "T1: a threshold"),
        ("screening:\n  sentence_model: {file: /nonexistent/model.json.gz}\n", "/nonexistent"),
    ],
)
def test_a_broken_model_setting_names_the_problem(tmp_path: Path, text: str, names: str) -> None:
    with pytest.raises(RulesError, match=names):
        screen(make_request(VEILED), override(tmp_path, text))


def test_a_corrupt_model_file_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "model.json.gz"
    broken.write_bytes(gzip.compress(b'{"format": 1, "signals": ["T1"]}'))
    book = override(tmp_path, f"screening:\n  sentence_model: {{file: {broken}}}\n")
    with pytest.raises(RulesError, match=str(broken)):
        screen(make_request(VEILED), book)


def test_written_model_reads_back_the_same(tmp_path: Path) -> None:
    model = SentenceModel(
        signals=("T1",),
        idf={"w:dæk": 2.0, "w:bil": 1.5},
        weights={"w:dæk": (3.0,), "w:bil": (1.0,)},
        intercepts={"T1": -2.0},
        thresholds={"T1": 0.5},
        trained_on=[],
    )
    path = tmp_path / "m.json.gz"
    write_model(model, path)
    assert [p.name for p in tmp_path.iterdir()] == ["m.json.gz"]  # nothing half-written left
    again = load_model(path)
    text = "Tjek din bil og dine dæk."
    assert again.score(text)[0].score == pytest.approx(model.score(text)[0].score, abs=1e-6)


def test_shipped_model_was_trained_on_the_current_tables() -> None:
    """Change a table and this fails until the model is retrained (python -m rules.train_model)."""
    trained = {t["table"]: t["sha256"] for t in load_model(SHIPPED).trained_on}
    tables = sorted((ROOT / "tests" / "rules").rglob("*.yaml"))
    current = {
        p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in tables
    }
    assert trained == current
