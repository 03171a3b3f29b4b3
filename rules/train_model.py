"""Train the sentence model (rules/sentence_model.py) on labelled request tables.

    python -m rules.train_model [TABLE.yaml ...] [--out rules/data/screening-model.json.gz]

Without tables it trains on every table under tests/rules: the acceptance tables, tracking/
and corpus/ (texts written to teach the model only: threats, exposure, slurs and hard
legitimate requests, labelled with their text signals alone). Needs the ``training`` extra
(scikit-learn, BSD); the product itself only reads the written file.

Per signal (T1, T2, T3) a logistic regression learns which sentences carry the signal. A table
labels whole requests, not sentences, so training is multiple-instance: a text-level model
picks each positive request's best-fitting sentence, a sentence model is fitted on those and on
every sentence of the negative requests, and picks again. Journalists' texts are left out of
T2: publishing is their job and fires nothing.

The threshold of each signal comes from out-of-table scores: leave one table out, train on the
rest, score it, for every table. A request's score combines its best sentences among those the
engine scores (not those that report what others said or did), as the engine does
(sentence_model.combine). The threshold is the one with the best F1 among those that keep
every legitimate request without the signal below it. The guard
threshold, used where the signal alone would refuse the request (T1 in a party's own case, a
request before 2024-07-01), also keeps every such request without the signal below it: the
model never decides alone what a person's own case may not.

The veto level of each signal comes from the same out-of-table scores: half the lowest score
the model gave to the sentences where the phrases caught a labelled signal (the best such
sentence of each request). Below it, a phrase hit is taken for a false alarm.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

try:
    import numpy as np
    from joblib import Parallel, delayed
    from scipy.sparse import csr_matrix, vstack
    from sklearn.linear_model import LogisticRegression
except ImportError:  # pragma: no cover - the message is the point
    sys.exit("rules.train_model needs the training extra: pip install -e '.[training]'")

from rules.evaluate import LabelledCase, load_cases
from rules.loader import DATA_DIR, default_rulebook
from rules.regime import choose_regime, choose_rule_set
from rules.schema import RuleBook
from rules.sentence_model import (
    SentenceModel,
    combine,
    ngrams,
    sentence_at,
    sentences_of,
    vectorise,
    with_context,
    write_model,
)
from rules.signals import compile_screening, phrase_matches, reports_others
from rules.textmatch import tokenize

ROOT = Path(__file__).resolve().parents[1]
TABLE_DIR = ROOT / "tests" / "rules"
DEFAULT_OUT = DATA_DIR / "screening-model.json.gz"
SIGNALS = ("T1", "T2", "T3")
MIN_DF = 2  # an n-gram seen in one sentence only says nothing about new text
C = 5.0
MIL_ROUNDS = 2
VETO_MARGIN = 0.5  # far below every caught signal: a dropped threat costs more than a false alarm


@dataclass(frozen=True)
class Item:
    table: str
    case: LabelledCase
    expected: frozenset[str]
    sentences: tuple[str, ...]
    journalist: bool
    refusing: frozenset[str]  # signals that alone would refuse it (T1: a party's own case)
    hit_sentences: dict[str, tuple[str, ...]]  # signal -> sentences where its phrases hit
    scored: tuple[str, ...]  # the sentences the engine scores: none that reports others
    # signal -> positions in ``scored`` it may not fire from (no target: T2 without a person)
    untargeted: dict[str, frozenset[int]]

    @property
    def legitimate(self) -> bool:
        return self.case.category == "legitimate"


def default_tables() -> list[Path]:
    return [
        *sorted(TABLE_DIR.glob("*.yaml")),
        *sorted((TABLE_DIR / "tracking").glob("*.yaml")),
        *sorted((TABLE_DIR / "corpus").glob("*.yaml")),
    ]


def with_sentence_model(book: RuleBook, **changes: object) -> RuleBook:
    """The rule book with its sentence-model settings changed (file=..., enabled=False)."""
    spec = book.screening.sentence_model.model_copy(update=changes)
    screening = book.screening.model_copy(update={"sentence_model": spec})
    return book.model_copy(update={"screening": screening})


def without_model(book: RuleBook) -> RuleBook:
    """The rule book with the sentence model switched off (the rules alone)."""
    return with_sentence_model(book, enabled=False)


def load_items(tables: Sequence[Path]) -> list[Item]:
    book = without_model(default_rulebook())
    compiled = compile_screening(book.screening)
    items = []
    for path in tables:
        for case in load_cases(path):
            request = case.request
            regime, _ = choose_regime(request, compiled)
            rule_set = choose_rule_set(book, regime, request.case.kind, request.received)
            tokens = tokenize(request.text)
            sentences = tuple(sentences_of(request.text))
            scored = [
                (sentence, context)
                for sentence, context in with_context(sentences)
                if not reports_others(sentence, compiled)
            ]
            hits = {
                s: tuple(
                    sentence
                    for m in phrase_matches(s, compiled, request, tokens)
                    if (sentence := sentence_at(request.text, m.start)) is not None
                )
                for s in SIGNALS
            }
            items.append(
                Item(
                    path.stem,
                    case,
                    frozenset(case.expect.get("signals") or []),
                    sentences or (" ".join(request.text.split()) or "-",),
                    request.requester.is_journalist,
                    rule_set.refusing_signals(),
                    {s: h for s, h in hits.items() if h},
                    tuple(sentence for sentence, _ in scored),
                    {
                        s: frozenset(
                            i for i, (_, context) in enumerate(scored) if not target.any_in(context)
                        )
                        for s, target in compiled.model_targets.items()
                    },
                )
            )
    return items


def fit_idf(sentences: Sequence[str]) -> dict[str, float]:
    """Smoothed idf of every n-gram found in at least MIN_DF sentences."""
    df: dict[str, int] = {}
    for sentence in sentences:
        chars, words = ngrams(sentence)
        for gram in (*chars, *words):
            df[gram] = df.get(gram, 0) + 1
    n = len(sentences)
    return {g: float(np.log((1 + n) / (1 + d)) + 1) for g, d in df.items() if d >= MIN_DF}


class Matrix:
    """Every sentence vectorised once; rows are looked up by sentence."""

    def __init__(self, items: Sequence[Item], idf: dict[str, float]) -> None:
        self.columns = {g: i for i, g in enumerate(sorted(idf))}
        self.idf = idf
        self.rows: dict[str, int] = {}
        texts = [s for i in items for s in i.sentences] + [" ".join(i.sentences) for i in items]
        data: list[float] = []
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            if text in self.rows:
                continue
            self.rows[text] = len(indptr) - 1
            for gram, value in vectorise(text, idf).items():
                indices.append(self.columns[gram])
                data.append(value)
            indptr.append(len(indices))
        self.x = csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(self.columns)))

    def of(self, texts: Sequence[str]) -> csr_matrix:
        return self.x[[self.rows[t] for t in texts]]


def _trainable(item: Item, signal: str) -> bool:
    return not (signal == "T2" and item.journalist)


def _logreg() -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000)


def train_signal(items: Sequence[Item], signal: str, matrix: Matrix) -> LogisticRegression:
    usable = [i for i in items if _trainable(i, signal)]
    positives = [i for i in usable if signal in i.expected]
    negatives = [i for i in usable if signal not in i.expected]
    model = _logreg().fit(
        matrix.of([" ".join(i.sentences) for i in usable]), [signal in i.expected for i in usable]
    )
    negative_sentences = [s for i in negatives for s in i.sentences]
    x_negative = matrix.of(negative_sentences)
    for _ in range(MIL_ROUNDS):
        chosen = [
            i.sentences[int(np.argmax(model.predict_proba(matrix.of(i.sentences))[:, 1]))]
            for i in positives
        ]
        model = _logreg().fit(
            vstack([matrix.of(chosen), x_negative]),
            [True] * len(chosen) + [False] * len(negative_sentences),
        )
    return model


Scores = dict[tuple[str, str], dict[str, float]]


def _best_scores(
    models: dict[str, LogisticRegression], items: Sequence[Item], matrix: Matrix
) -> tuple[Scores, Scores]:
    """Per request, each signal's score as the engine computes it (sentence_model.combine over
    the sentences it may fire from), and its best score among the sentences where the signal's
    phrases hit (for the veto)."""
    scores, hit_scores = {}, {}
    for item in items:
        key = (item.table, item.case.id)
        scores[key] = dict.fromkeys(SIGNALS, 0.0)
        if item.scored:
            x = matrix.of(item.scored)
            for s in SIGNALS:
                ruled_out = item.untargeted.get(s, frozenset())
                probabilities = models[s].predict_proba(x)[:, 1]
                kept = [float(p) for i, p in enumerate(probabilities) if i not in ruled_out]
                scores[key][s] = combine(kept)[0]
        hit_scores[key] = {
            s: float(models[s].predict_proba(matrix.of(hits))[:, 1].max())
            for s, hits in item.hit_sentences.items()
        }
    return scores, hit_scores


def _fold(train: Sequence[Item], test: Sequence[Item], matrix: Matrix) -> tuple[Scores, Scores]:
    models = {s: train_signal(train, s, matrix) for s in SIGNALS}
    return _best_scores(models, test, matrix)


def choose_threshold(
    items: Sequence[Item], scores: Scores, signal: str, guard: bool = False
) -> float:
    """Best out-of-table F1 with every legitimate request without the signal strictly below
    the threshold; with ``guard`` also every request that the signal alone would refuse."""
    usable = [i for i in items if _trainable(i, signal)]
    guarded = [
        scores[(i.table, i.case.id)][signal]
        for i in usable
        if signal not in i.expected and (i.legitimate or (guard and signal in i.refusing))
    ]
    floor = max(guarded, default=0.0)
    labelled = [(scores[(i.table, i.case.id)][signal], signal in i.expected) for i in usable]
    best, best_f1 = 1.0, -1.0
    for t in sorted({s for s, _ in labelled if s > floor}):
        tp = sum(1 for s, y in labelled if y and s >= t)
        fp = sum(1 for s, y in labelled if not y and s >= t)
        fn = sum(1 for s, y in labelled if y and s < t)
        f1 = 2 * tp / max(2 * tp + fp + fn, 1)
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def choose_veto(items: Sequence[Item], hit_scores: Scores, signal: str) -> float:
    """VETO_MARGIN times the lowest out-of-table score of a phrase-caught labelled signal."""
    caught = [
        hit_scores[(i.table, i.case.id)][signal]
        for i in items
        if signal in i.expected and signal in i.hit_sentences and _trainable(i, signal)
    ]
    return VETO_MARGIN * min(caught, default=0.0)


def out_of_table_scores(items: Sequence[Item], matrix: Matrix, jobs: int) -> tuple[Scores, Scores]:
    tables = sorted({i.table for i in items})
    parts = Parallel(n_jobs=jobs)(
        delayed(_fold)(
            [i for i in items if i.table != t], [i for i in items if i.table == t], matrix
        )
        for t in tables
    )
    scores: Scores = {}
    hit_scores: Scores = {}
    for part, hit_part in parts:
        scores.update(part)
        hit_scores.update(hit_part)
    return scores, hit_scores


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(tables: Sequence[Path], jobs: int = 2, log: bool = True) -> SentenceModel:
    started = time.monotonic()
    items = load_items(tables)
    idf = fit_idf([s for i in items for s in i.sentences])
    matrix = Matrix(items, idf)
    if log:
        _say(f"{len(items)} requests, {matrix.x.shape[0]} texts, {len(idf)} n-grams")
    oof, oof_hits = out_of_table_scores(items, matrix, jobs)
    thresholds = {s: choose_threshold(items, oof, s) for s in SIGNALS}
    guards = {s: choose_threshold(items, oof, s, guard=True) for s in SIGNALS}
    vetoes = {s: choose_veto(items, oof_hits, s) for s in SIGNALS}
    if log:
        _say("thresholds " + ", ".join(f"{s} {t:.3f}" for s, t in thresholds.items()))
        _say("guard thresholds " + ", ".join(f"{s} {t:.3f}" for s, t in guards.items()))
        _say("vetoes " + ", ".join(f"{s} {v:.4f}" for s, v in vetoes.items()))
    models = {s: train_signal(items, s, matrix) for s in SIGNALS}
    grams = sorted(matrix.columns, key=matrix.columns.__getitem__)
    coef = np.vstack([models[s].coef_[0] for s in SIGNALS]).T
    model = SentenceModel(
        signals=SIGNALS,
        idf=idf,
        weights={g: tuple(float(w) for w in coef[i]) for i, g in enumerate(grams)},
        intercepts={s: float(models[s].intercept_[0]) for s in SIGNALS},
        thresholds=thresholds,
        guard_thresholds=guards,
        vetoes=vetoes,
        trained_on=[
            {
                "table": p.resolve().relative_to(ROOT).as_posix()
                if p.resolve().is_relative_to(ROOT)
                else p.name,
                "sha256": _sha256(p),
                "cases": sum(1 for i in items if i.table == p.stem),
            }
            for p in tables
        ],
    )
    if log:
        _say(f"trained in {time.monotonic() - started:.0f} s")
    return model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    tables = args.tables or default_tables()
    if len({t.stem for t in tables}) != len(tables):
        parser.error("two tables share a file name; the leave-one-table-out needs distinct names")
    model = train(tables, args.jobs)
    write_model(model, args.out)
    _say(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
