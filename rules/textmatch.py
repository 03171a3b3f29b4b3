"""Phrase matching for Danish request texts, as described at the top of screening.yaml.

Real requests come inflected, misspelt, in any case, with æ/ø/å written ae/oe/aa and with
line breaks anywhere; phrases are data, so this module knows nothing about what they mean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

GAP_TOKEN = ".."
GAP_WIDTH = 3  # words allowed between two terms joined by ".."
FUZZY_MIN_LENGTH = 7  # shorter words must be spelt right: too many short words differ by one letter
_WORD = re.compile(r"[^\W_]+")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\"]")
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, æ/ø/å as ae/oe/aa and other accents dropped, so spellings meet."""
    lowered = text.lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Token:
    folded: str
    start: int
    end: int
    clause_start: bool  # punctuation stands between this token and the one before


def tokenize(text: str) -> list[Token]:
    """Split a text into folded words that remember where they stand in the original."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        between = text[previous_end : match.start()]
        tokens.append(
            Token(
                fold(match.group()),
                match.start(),
                match.end(),
                bool(_CLAUSE_BREAK.search(between)) or not tokens,
            )
        )
        previous_end = match.end()
    return tokens


@dataclass(frozen=True)
class Alternative:
    word: str  # folded
    prefix: bool

    def matches(self, token: str) -> bool:
        return _alternative_matches(self.word, self.prefix, token)


@lru_cache(maxsize=200_000)
def _alternative_matches(word: str, prefix: bool, token: str) -> bool:
    if prefix:
        if token.startswith(word):
            return True
        if len(word) < FUZZY_MIN_LENGTH or len(token) < len(word) - 1:
            return False
        # A typo may add or drop a letter, so compare heads one letter shorter and longer too.
        return any(
            DamerauLevenshtein.distance(token[:n], word, score_cutoff=1) <= 1
            for n in (len(word) - 1, len(word), len(word) + 1)
        )
    if token == word:
        return True
    return (
        len(word) >= FUZZY_MIN_LENGTH
        and abs(len(token) - len(word)) <= 1
        and DamerauLevenshtein.distance(token, word, score_cutoff=1) <= 1
    )


@dataclass(frozen=True)
class Term:
    alternatives: tuple[Alternative, ...]
    gap_before: int  # how many other words may stand before this term (0 for the first)

    def matches(self, token: str) -> bool:
        return any(alt.matches(token) for alt in self.alternatives)


@dataclass(frozen=True)
class Phrase:
    source: str
    terms: tuple[Term, ...]
    excluded: frozenset[str]


class PhraseSyntaxError(ValueError):
    """A phrase in a rule file cannot be read."""


def parse_phrase(source: str) -> Phrase:
    """Read one phrase of the rule-file syntax (words, word*, a|b, .., !word)."""
    terms: list[Term] = []
    excluded: set[str] = set()
    gap = 0
    for part in source.split():
        if part == GAP_TOKEN:
            if not terms or gap:
                raise PhraseSyntaxError(f"'..' must stand between two words: {source!r}")
            gap = GAP_WIDTH
            continue
        if part.startswith("!"):
            if len(part) == 1:
                raise PhraseSyntaxError(f"'!' needs a word after it: {source!r}")
            excluded.add(fold(part[1:]))
            continue
        alternatives = []
        for alt in part.split("|"):
            word = alt.rstrip("*")
            if not word or not _WORD.fullmatch(fold(word).replace("-", "")):
                raise PhraseSyntaxError(f"cannot read {alt!r} in {source!r}")
            alternatives.append(Alternative(fold(word), alt.endswith("*")))
        terms.append(Term(tuple(alternatives), gap))
        gap = 0
    if not terms:
        raise PhraseSyntaxError(f"empty phrase: {source!r}")
    if gap:
        raise PhraseSyntaxError(f"'..' cannot end a phrase: {source!r}")
    return Phrase(source, tuple(terms), frozenset(excluded))


@dataclass(frozen=True)
class Match:
    phrase: str
    start: int  # character offsets into the original text
    end: int


def _match_from(tokens: Sequence[Token], terms: Sequence[Term], index: int) -> int | None:
    """Index of the last token when ``terms`` match with terms[0] at ``index``, else None."""
    if not terms[0].matches(tokens[index].folded):
        return None
    if len(terms) == 1:
        return index
    nxt = terms[1]
    for candidate in range(index + 1, min(len(tokens), index + 2 + nxt.gap_before)):
        end = _match_from(tokens, terms[1:], candidate)
        if end is not None:
            return end
    return None


def _negated(tokens: Sequence[Token], index: int, negations: frozenset[str], window: int) -> bool:
    """True when a negation word stands shortly before ``index`` within the same clause."""
    for back in range(index, max(-1, index - window - 1), -1):
        if back != index and tokens[back].folded in negations:
            return True
        if tokens[back].clause_start:
            return False
    return False


@dataclass(frozen=True)
class PhraseMatcher:
    """A compiled phrase list with its negation rule."""

    phrases: tuple[Phrase, ...]
    negations: frozenset[str] = frozenset()
    negation_window: int = 0

    @classmethod
    def compile(
        cls, phrases: Iterable[str], negations: Iterable[str] = (), negation_window: int = 0
    ) -> PhraseMatcher:
        return cls(
            tuple(parse_phrase(p) for p in phrases),
            frozenset(fold(n) for n in negations),
            negation_window,
        )

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[Match]:
        """Every phrase occurrence in ``text`` that is not negated, in text order."""
        tokens = tokenize(text) if tokens is None else tokens
        found: list[Match] = []
        for phrase in self.phrases:
            for index in range(len(tokens)):
                end = _match_from(tokens, phrase.terms, index)
                if end is None:
                    continue
                span = {t.folded for t in tokens[index : end + 1]}
                if span & phrase.excluded:
                    continue
                if self.negation_window and _negated(
                    tokens, index, self.negations, self.negation_window
                ):
                    continue
                found.append(Match(phrase.source, tokens[index].start, tokens[end].end))
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def any_in(self, text: str, tokens: Sequence[Token] | None = None) -> bool:
        return bool(self.find(text, tokens))


def merge_overlapping(matches: Sequence[Match]) -> list[Match]:
    """Join matches whose spans overlap, so evidence quotes each passage once."""
    merged: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if merged and m.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Match(last.phrase, last.start, max(last.end, m.end))
        else:
            merged.append(m)
    return merged


def quote(text: str, match: Match) -> str:
    """The matched words of the original text on one line."""
    return " ".join(text[match.start : match.end].split())
