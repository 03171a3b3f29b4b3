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
    combine,
    load_model,
    ngrams,
    sentence_at,
    sentences_of,
    with_context,
    write_model,
)
from tests.rules.factories import make_request

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = DATA_DIR / "screening-model.json.gz"
# Not in any table, and no phrase list has words for it.
THREAT = "Det ville være synd hvis hendes hus en nat stod i flammer."
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


def test_word_pairs_skip_the_word_that_varies_inside_a_turn_of_phrase() -> None:
    _, walk = ngrams("hun skal nyde turen mens hun kan")
    _, weekend = ngrams("Hun skal nyde weekenden, mens hun kan.")
    assert "w:nyde _ mens" in walk and "w:nyde _ mens" in weekend
    assert "w:turen mens" not in weekend


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
        "Jeg beder om sagen. Min nabo sagde, at det ville være synd hvis hendes bil brændte.",
        'Jeg beder om sagen. Han skrev "det ville være synd hvis hendes bil brændte en nat".',
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
    text = "Jeg beder om aktindsigt i sagen om vejen og om hende."
    assert model_signals(screen(make_request(text), eager).signals) == ["T2"]
    journalist = {"name": "Ida Holm", "is_journalist": True}
    assert model_signals(screen(make_request(text, requester=journalist), eager).signals) == []


def test_a_target_may_stand_in_the_sentence_before() -> None:
    sentences = sentences_of("Navn, adresse, billeder af huset. Det hele kommer på nettet.")
    assert with_context(sentences) == [
        ("Navn, adresse, billeder af huset.", " Navn, adresse, billeder af huset."),
        (
            "Det hele kommer på nettet.",
            "Navn, adresse, billeder af huset. Det hele kommer på nettet.",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Jeg deler det med forældregruppen på facebook så alle kan se hvor lidt I gør.", False),
        ("Jeg beder om aktindsigt i sagen om vejen.", False),
        ("Jeg beder om aktindsigt i sagen om vejen og om hende.", True),
    ],
)
def test_the_model_fires_t2_only_where_someone_could_be_exposed(
    tmp_path: Path, text: str, fires: bool
) -> None:
    eager = override(tmp_path, "screening:\n  sentence_model: {thresholds: {T2: 0.00001}}\n")
    assert ("T2" in model_signals(screen(make_request(text), eager).signals)) is fires
    everywhere = override(
        tmp_path, "screening:\n  sentence_model: {thresholds: {T2: 0.00001}, targets: {T2: []}}\n"
    )
    assert "T2" in model_signals(screen(make_request(text), everywhere).signals)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("screening:\n  sentence_model: {signals: [F1]}\n", "F1 is not a text signal"),
        ("screening:\n  sentence_model: {thresholds: {T1: 1.5}}\n", "T1: a threshold"),
        ("screening:\n  sentence_model: {vetoes: {T1: 1}}\n", "T1: a veto level"),
        ("screening:\n  sentence_model: {guard_thresholds: {T1: 0}}\n", "T1: a threshold"),
        ("screening:\n  sentence_model: {guard_thresholds: {V1: 0.9}}\n", "V1 is not a text"),
        ("screening:\n  sentence_model: {veto_signals: [H1]}\n", "H1 is not a text signal"),
        ("screening:\n  sentence_model: {targets: {T2: ['hende ..']}}\n", "a gap cannot end"),
        ("screening:\n  sentence_model: {targets: {T2: ['@nobody']}}\n", "unknown vocabulary"),
        ("screening:\n  sentence_model: {targets: {H3: [hende]}}\n", "H3 is not a text"),
        ("screening:\n  sentence_model: {file: /nonexistent/model.json.gz}\n", "/nonexistent"),
    ],
)
def test_a_broken_model_setting_names_the_problem(tmp_path: Path, text: str, names: str) -> None:
    with pytest.raises(RulesError, match=names):
        screen(make_request(VEILED), override(tmp_path, text))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"format": 2, "signals": ["T1"]}', "format 2, expected 3"),
        (b'{"format": 3, "signals": ["T1"]}', "malformed"),
        (
            b'{"format": 3, "signals": ["T1"], "grams": ["w:a", "w:b"], "idf": [1.0],'
            b' "weights": {"T1": [0.5, 0.5]}, "intercepts": {"T1": 0}, "thresholds": {"T1": 0.9}}',
            "every n-gram needs an idf",
        ),
        (b"not gzip", "cannot read"),
    ],
)
def test_a_corrupt_model_file_names_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    broken = tmp_path / "model.json.gz"
    broken.write_bytes(content if content == b"not gzip" else gzip.compress(content))
    book = override(tmp_path, f"screening:\n  sentence_model: {{file: {broken}}}\n")
    with pytest.raises(RulesError, match=str(broken)) as raised:
        screen(make_request(VEILED), book)
    assert problem in str(raised.value)


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


def test_two_likely_sentences_add_up_and_both_are_the_evidence() -> None:
    model = SentenceModel(
        signals=("T1",),
        idf={"w:daek": 1.0, "w:bil": 1.0},  # n-grams are folded: æ is "ae"
        weights={"w:daek": (5.0,), "w:bil": (0.5,)},
        intercepts={"T1": -1.0},  # "dæk" alone 0.982, "bil" alone 0.38
        thresholds={"T1": 0.999},
        trained_on=[],
    )
    one = model.score("Jeg vil se sagen. Tjek dine dæk.")[0]
    assert one.score == pytest.approx(0.9820, abs=1e-4) and not one.fires
    two = model.score("Tjek dine dæk. Jeg siger det igen: dine dæk. Tænk på din bil.")[0]
    assert two.score == pytest.approx(1 - (1 - 0.9820) ** 2, abs=1e-4) and two.fires
    assert two.evidence().startswith("«Tjek dine dæk.» «Jeg siger det igen: dine dæk.»")
    # A second sentence that is not nearly certain on its own adds nothing.
    assert combine([0.99, 0.9]) == (0.99, 1)


def _tiny_model(
    tmp_path: Path, vetoes: dict[str, float], guard_thresholds: dict[str, float] | None = None
) -> Path:
    """A model that finds "ihjel" harmless and "dig" threatening (a sentence with "dig" alone
    scores 0.982), with the given vetoes and guard thresholds. T2 and T3 never fire."""
    model = SentenceModel(
        signals=("T1", "T2", "T3"),
        idf={"w:ihjel": 1.0, "w:dig": 1.0},
        weights={"w:ihjel": (-4.0, 0.0, 0.0), "w:dig": (4.0, 0.0, 0.0)},
        intercepts={"T1": 0.0, "T2": -20.0, "T3": -20.0},
        thresholds={"T1": 0.999, "T2": 0.5, "T3": 0.5},
        trained_on=[],
        vetoes=vetoes,
        guard_thresholds=guard_thresholds or {},
    )
    path = tmp_path / "tiny.json.gz"
    write_model(model, path)
    return path


def t1_evidence(assessment_signals: list) -> list[str]:
    return [s.evidence for s in assessment_signals if s.id == "T1"]


def test_a_phrase_hit_the_model_scores_below_its_veto_is_dropped(tmp_path: Path) -> None:
    model = _tiny_model(tmp_path, {"T1": 0.2})
    book = override(tmp_path, f"screening:\n  sentence_model: {{file: {model}}}\n")
    # Worry, caught by the phrase "slå ... ihjel"; the model scores it 0.02, below the veto.
    harmless = "Jeg vil se sagen. Det ender med at de slår ham ihjel på den vej."
    assert t1_evidence(screen(make_request(harmless), book).signals) == []
    # A hit in a sentence the model does not find harmless stays, with the phrase as evidence.
    threat = "Jeg vil se sagen. Jeg slår dig ihjel."
    assert t1_evidence(screen(make_request(threat), book).signals) == ["«Jeg slår dig ihjel»"]
    assert t1_evidence(screen(make_request(harmless), override(tmp_path, OFF)).signals) != []


@pytest.mark.parametrize(
    "setting", ["{vetoes: {T1: 0}}", "{veto_signals: []}", "{vetoes: {T1: 0.01}}"]
)
def test_a_municipality_sets_or_switches_off_the_veto(tmp_path: Path, setting: str) -> None:
    model = _tiny_model(tmp_path, {"T1": 0.2})
    settings = setting[:-1] + f", file: {model}}}"
    book = override(tmp_path, f"screening:\n  sentence_model: {settings}\n")
    harmless = "Jeg vil se sagen. Det ender med at de slår ham ihjel på den vej."
    assert t1_evidence(screen(make_request(harmless), book).signals) != []


def test_where_t1_alone_would_refuse_the_model_needs_its_guard_threshold(
    tmp_path: Path,
) -> None:
    model = _tiny_model(tmp_path, {}, guard_thresholds={"T1": 0.995})
    assert load_model(model).guard_thresholds == {"T1": 0.995}
    settings = f"file: {model}, thresholds: {{T1: 0.9}}"
    book = override(tmp_path, f"screening:\n  sentence_model: {{{settings}}}\n")
    text = "Jeg vil se sagen. Jeg ved godt hvem du er, og jeg tænker på dig."  # scores 0.982
    party = {"name": "Mette Larsen", "cpr": "120385-4322"}
    # A bystander's request: the plain threshold, so staff identity is withheld.
    assert model_signals(screen(make_request(text), book).signals) == ["T1"]
    # The party's own case, where T1 would refuse: 0.982 is below the guard, access is granted.
    own_case = screen(make_request(text, requester=party), book)
    assert model_signals(own_case.signals) == [] and own_case.recommendation == "grant"
    # Under the old bar (before 2024-07-01) T1 would refuse too.
    old_bar = screen(make_request(text, received="2024-03-01"), book)
    assert model_signals(old_bar.signals) == [] and old_bar.recommendation == "grant"
    # A municipality's guard threshold, never below the plain one.
    lenient = override(
        tmp_path, f"screening:\n  sentence_model: {{{settings}, guard_thresholds: {{T1: 0.5}}}}\n"
    )
    assert screen(make_request(text, requester=party), lenient).recommendation == "refuse"


def test_sentence_at_finds_the_sentence_of_an_offset() -> None:
    text = 'Jeg vil se sagen. Han skrev "slå ham ihjel" i går. ok'
    assert sentence_at(text, text.index("Han")) == "Han skrev i går."
    assert sentence_at(text, text.index("ok")) is None  # a fragment of one word


def test_shipped_model_was_trained_on_the_current_tables() -> None:
    """Change a table and this fails until the model is retrained (python -m rules.train_model)."""
    trained = {t["table"]: t["sha256"] for t in load_model(SHIPPED).trained_on}
    # unseen/ is kept out of training on purpose (tests/rules/test_unseen_tables.py).
    tables = sorted(
        p for p in (ROOT / "tests" / "rules").rglob("*.yaml") if "unseen" not in p.parts
    )
    current = {
        p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in tables
    }
    assert trained == current
