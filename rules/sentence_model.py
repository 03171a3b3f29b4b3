"""A statistical second opinion on the text signals (T1 threats, T2 exposure, T3 slurs).

Phrase lists catch what someone wrote down before; veiled threats come in endless new wordings
("tjek dine dæk", "man ved aldrig hvad der kan ske på en mørk parkeringsplads"). A small linear
model over character and word n-grams, trained on the labelled request tables, scores each
sentence of a request; a signal the phrases did not fire fires when the request's score (the
best sentence, joined by the second best where that is nearly certain too) reaches the
signal's threshold, and those sentences are its evidence. The other way round, a phrase hit
in a sentence the model scores below the signal's veto level (set in training well below every
labelled threat the phrases caught) is taken for a false alarm: "vold mod ansatte" as a topic,
"biblioteket blev slået ihjel".

Where a signal alone would refuse the request (T1 in a party's own case or under the old bar),
the model needs a stricter guard threshold: a statistical guess never refuses a person their
own case on a score that a legitimate or a party's request has reached.

The model is data (``rules/data/screening-model.json.gz``, written by ``python -m
rules.train_model``): the n-gram vocabulary with its idf and one weight per signal, an
intercept, a threshold, a guard threshold and a veto level per signal, and the sha256 of every
table it was trained on. Scoring is plain Python, so the product needs no machine-learning
library at run time.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rules.textmatch import blank_quoted, fold, tokenize

# 2: the vocabulary as columns, which a reader turns into dicts fast; 3: skip-bigrams, so a
# model of format 2 would be scored on n-grams it was not trained on
MODEL_FORMAT = 3
CHAR_NGRAMS = (3, 5)  # character n-grams inside a word padded with spaces (" hjul", "bolte ")
MAX_EVIDENCE_CHARS = 300
# A second sentence adds to the score only if it is nearly certain itself: measured out of
# table, a lower bar let two middling sentences of one legitimate letter reach the threshold.
SECOND_SENTENCE_MIN = 0.98

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_WORD = re.compile(r"\w\w+")


class ModelError(ValueError):
    """The model file is unreadable or malformed; the message names the file and the problem."""


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """Each sentence of ``text`` as (start, end, sentence as written with white space collapsed),
    quoted text blanked out. Sentences end where the phrase rules end them ("Mikkel B. har" and
    "jf. § 7" go on). Fragments with fewer than two words of letters are dropped."""
    blanked = blank_quoted(text)  # reported speech, as for the phrase rules
    starts = [t.start for t in tokenize(blanked) if t.sentence_start]
    spans = zip(starts, [*starts[1:], len(blanked)], strict=True)
    parts = [(a, b, " ".join(blanked[a:b].split())) for a, b in spans]
    return [(a, b, p) for a, b, p in parts if len(_LETTERS.findall(p)) >= 2]


def sentences_of(text: str) -> list[str]:
    """The sentences of ``text`` (see sentence_spans)."""
    return [sentence for _, _, sentence in sentence_spans(text)]


def with_context(sentences: Sequence[str]) -> list[tuple[str, str]]:
    """Each sentence with the sentence before it, for a target test that may look back one
    sentence ("Navn, adresse, billeder. Det hele kommer på nettet.")."""
    return [(s, f"{sentences[i - 1] if i else ''} {s}") for i, s in enumerate(sentences)]


def sentence_at(text: str, offset: int) -> str | None:
    """The sentence of ``text`` that holds character ``offset`` (None in a dropped fragment)."""
    for start, end, sentence in sentence_spans(text):
        if start <= offset < end:
            return sentence
    return None


def ngrams(sentence: str) -> tuple[Counter[str], Counter[str]]:
    """Character n-grams (``c:`` prefix), word uni- and bigrams and skip-bigrams (``w:``) of a
    sentence, folded like the phrase rules so ae/æ, case and accents meet."""
    words = _WORD.findall(fold(sentence))
    chars: Counter[str] = Counter()
    low, high = CHAR_NGRAMS
    for word in words:
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                chars["c:" + padded] += 1
                break
            for i in range(len(padded) - n + 1):
                chars["c:" + padded[i : i + n]] += 1
    grams: Counter[str] = Counter("w:" + w for w in words)
    grams.update(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    # Pairs with one word between ("skal _ sove", "ved _ du") carry a turn of phrase past the
    # name or adjective that varies inside it.
    grams.update(f"w:{a} _ {c}" for a, c in zip(words, words[2:], strict=False))
    return chars, grams


def vectorise(sentence: str, idf: Mapping[str, float]) -> dict[str, float]:
    """Sublinear tf-idf of the sentence's known n-grams, each block (characters, words)
    scaled to unit length so long and short sentences weigh alike."""
    vector: dict[str, float] = {}
    for block in ngrams(sentence):
        values = {g: (1 + math.log(c)) * idf[g] for g, c in block.items() if g in idf}
        norm = math.sqrt(sum(v * v for v in values.values()))
        if norm:
            vector.update((g, v / norm) for g, v in values.items())
    return vector


def combine(probabilities: Sequence[float]) -> tuple[float, int]:
    """A request's score for a signal from its sentences' probabilities, and how many
    sentences it rests on: the best sentence, joined by the second best where that one alone
    is nearly certain. A veiled threat often takes two sentences that each say little
    ("Den dag hun selv mister sit barn, ved hun hvordan det føles. Og den dag kommer.")."""
    ranked = sorted(probabilities, reverse=True)[:2]
    if not ranked:
        return 0.0, 0
    if len(ranked) == 1 or ranked[1] < SECOND_SENTENCE_MIN:
        return ranked[0], 1
    return 1 - (1 - ranked[0]) * (1 - ranked[1]), 2


@dataclass(frozen=True)
class SignalScore:
    signal: str
    score: float  # the request's score, 0..1 (see combine)
    sentences: tuple[str, ...]  # the sentences it rests on, best first, as written
    threshold: float

    @property
    def fires(self) -> bool:
        return self.score >= self.threshold

    def evidence(self) -> str:
        quoted = []
        for sentence in self.sentences:
            if len(sentence) > MAX_EVIDENCE_CHARS:
                sentence = sentence[: MAX_EVIDENCE_CHARS - 1].rstrip() + "…"
            quoted.append(f"«{sentence}»")
        # Rounded down: a model's 0.996 is not certainty, so it never reads "1,00".
        score = f"{math.floor(self.score * 100) / 100:.2f}".replace(".", ",")
        return f"{' '.join(quoted)} (sprogmodel, sandsynlighed {score})"


@dataclass(frozen=True)
class SentenceModel:
    """Per-signal logistic regressions over one shared n-gram vocabulary."""

    signals: tuple[str, ...]
    idf: Mapping[str, float]
    weights: Mapping[str, Sequence[float]]  # n-gram -> one weight per signal, in signals' order
    intercepts: Mapping[str, float]
    thresholds: Mapping[str, float]
    trained_on: Sequence[Mapping[str, Any]]  # [{table, sha256, cases}]
    vetoes: Mapping[str, float] = field(default_factory=dict)  # below it a phrase hit is dropped
    # Where the signal alone would refuse the request (a party's own case): stricter.
    guard_thresholds: Mapping[str, float] = field(default_factory=dict)

    def sentence_scores(self, sentence: str) -> dict[str, float]:
        """The probability of each signal for one sentence."""
        vector = vectorise(sentence, self.idf)
        sums = [self.intercepts[s] for s in self.signals]
        for gram, value in vector.items():
            for i, weight in enumerate(self.weights[gram]):
                sums[i] += weight * value
        return {s: _sigmoid(z) for s, z in zip(self.signals, sums, strict=True)}

    def score(
        self,
        text: str,
        thresholds: Mapping[str, float] | None = None,
        keep: Callable[[str], bool] | None = None,
        targets: Mapping[str, Callable[[str], bool]] | None = None,
    ) -> list[SignalScore]:
        """Each signal's score of ``text`` (see combine) over the sentences ``keep`` accepts
        and, for a signal in ``targets``, whose target test accepts them with the sentence
        before ("Navn, adresse, billeder. Det hele kommer på nettet."); none when no sentence
        is left."""
        scored: dict[str, list[tuple[float, str]]] = {}
        for sentence, context in with_context(sentences_of(text)):
            if keep is not None and not keep(sentence):
                continue
            for signal, p in self.sentence_scores(sentence).items():
                if targets and signal in targets and not targets[signal](context):
                    continue
                scored.setdefault(signal, []).append((p, sentence))
        limits = {**self.thresholds, **(thresholds or {})}
        results = []
        for signal, found in scored.items():
            found.sort(key=lambda pair: pair[0], reverse=True)
            score, used = combine([p for p, _ in found])
            results.append(
                SignalScore(signal, score, tuple(s for _, s in found[:used]), limits[signal])
            )
        return results


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def model_to_json(model: SentenceModel) -> dict[str, Any]:
    grams = sorted(model.idf)
    return {
        "format": MODEL_FORMAT,
        "signals": list(model.signals),
        "intercepts": dict(model.intercepts),
        "thresholds": dict(model.thresholds),
        "guard_thresholds": dict(model.guard_thresholds),
        "vetoes": dict(model.vetoes),
        "trained_on": list(model.trained_on),
        # Columns over the sorted n-grams; rounded, the file is data, not a checkpoint.
        "grams": grams,
        "idf": [round(model.idf[g], 4) for g in grams],
        "weights": {
            s: [round(model.weights[g][i], 5) for g in grams] for i, s in enumerate(model.signals)
        },
    }


def write_model(model: SentenceModel, path: Path) -> None:
    """Write the model as gzip'ed JSON, atomically (a half-written model is never left)."""
    data = json.dumps(model_to_json(model), ensure_ascii=False, separators=(",", ":"))
    partial = path.with_name(path.name + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(data)
    partial.replace(path)


@lru_cache(maxsize=4)
def load_model(path: Path) -> SentenceModel:
    """Read a model file; ModelError names the file and the problem."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the sentence model: {exc}") from None
    try:
        return _model_from_json(data, path)
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: malformed sentence model: {exc!r}") from None


def _model_from_json(data: Any, path: Path) -> SentenceModel:
    if data["format"] != MODEL_FORMAT:
        raise ModelError(f"{path}: format {data['format']!r}, expected {MODEL_FORMAT}")
    signals = tuple(data["signals"])
    grams: list[str] = data["grams"]
    columns = [data["idf"], *(data["weights"][s] for s in signals)]
    if any(len(column) != len(grams) for column in columns):
        raise ModelError(f"{path}: grams: every n-gram needs an idf and a weight per signal")
    if not all(isinstance(g, str) for g in grams):
        raise ModelError(f"{path}: grams: every n-gram is a string")
    idf, *weights = (list(map(float, column)) for column in columns)
    return SentenceModel(
        signals=signals,
        idf=dict(zip(grams, idf, strict=True)),
        weights=dict(zip(grams, zip(*weights, strict=True), strict=True)),
        intercepts={s: float(data["intercepts"][s]) for s in signals},
        thresholds={s: float(data["thresholds"][s]) for s in signals},
        trained_on=data.get("trained_on", []),
        vetoes={s: float(v) for s, v in data.get("vetoes", {}).items() if s in signals},
        guard_thresholds={
            s: float(v) for s, v in data.get("guard_thresholds", {}).items() if s in signals
        },
    )
