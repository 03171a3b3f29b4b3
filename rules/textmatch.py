"""Phrase matching for Danish request texts, as described at the top of screening.yaml.

Real requests come inflected, misspelt, in any case, with æ/ø/å written ae/oe/aa and with
line breaks anywhere; phrases are data, so this module knows nothing about what they mean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import DamerauLevenshtein

GAP_TOKEN = ".."
GAP_WIDTH = 4  # words allowed between two terms joined by ".."
SENTENCE_GAP_TOKEN = "..."
SENTENCE_GAP_WIDTH = 40  # "..." joins terms anywhere in one sentence; bounded for run-on texts
TERM_CACHE_SIZE = 4096  # distinct words remembered per phrase term
FUZZY_MIN_LENGTH = 8  # shorter words must be spelt right: lederen/luderen, nævner/hævner
_WORD = re.compile(r"[^\W_]+")
_FULL_STOP = re.compile(r"\.\s")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\"]")
_HARD_BREAK = re.compile(r"[!?;]|\n\s*\n")
# Reported speech: what stands in quotation marks is somebody else's words.
_QUOTED = re.compile(
    r'"[^"]{1,400}"|“[^”]{1,400}”|«[^»]{1,400}»|„[^“”]{1,400}[“”]|‘[^’]{1,400}’'
    r"|(?<!\w)'[^'\n]{1,400}'(?!\w)"  # single quotes; an apostrophe inside a word is no quote
)


def blank_quoted(text: str) -> str:
    """``text`` with quoted passages replaced by spaces, so offsets stay where they were."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


_SUBORDINATE = frozenset({"at", "der", "som"})  # clauses that belong to the one before
INNER_NEGATIONS = frozenset({"ikke", "aldrig", "ingen", "intet", "hverken"})
CLAUSE_WORDS = frozenset({"saa", "ellers", "men"})  # a negation does not reach past these
EXCLUSION_LOOKBACK = 1  # "!word" also looks at the word just before the match
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ß": "ss"})


@lru_cache(maxsize=65_536)  # rule files fold the same vocabulary words thousands of times
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
    sentence_start: bool = False  # a sentence ends between this token and the one before
    capitalised: bool = False  # written with a capital letter (a name, unless it opens a sentence)


# Spoken, dialect and text-message spellings of small words the phrases name ("det bliver ik
# med ord", "a ka godt", "det sku ik ske", "do ska ik tro"); they are read as the written word.
SPOKEN_FORMS = {
    "ik": "ikke",
    "ikk": "ikke",
    "ka": "kan",
    "ku": "kunne",
    "sku": "skulle",
    "ska": "skal",
    # Jutlandic: "do" for du, "dæ" for dig, "mæ" for mig ("a ved godt hvor do bor")
    "do": "du",
    "dae": "dig",
    "mae": "mig",
}


def tokenize(text: str) -> list[Token]:
    """Split a text into folded words that remember where they stand in the original."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        between = text[previous_end : match.start()]
        first = not tokens
        sentence = first or bool(_HARD_BREAK.search(between)) or _full_stop(between, match, tokens)
        tokens.append(
            Token(
                _written(fold(match.group())),
                match.start(),
                match.end(),
                first or bool(_CLAUSE_BREAK.search(between)),
                sentence,
                _capitalised(match.group()),
            )
        )
        previous_end = match.end()
    return tokens


def _written(folded: str) -> str:
    return SPOKEN_FORMS.get(folded, folded)


# Words after which a full stop abbreviates rather than ends a sentence ("jf. loven").
ABBREVIATIONS = frozenset(
    [
        "jf",
        "ca",
        "bl",
        "mv",
        "nr",
        "stk",
        "pkt",
        "evt",
        "dvs",
        "osv",
        "mht",
        "vedr",
        "kl",
        "hr",
        "fr",
        "tlf",
        "att",
        "f",
        "eks",
        "inkl",
        "ekskl",
        "iflg",
        "ift",
        "mvh",
        "vh",
        "ang",
        "bem",
        "jvf",
        "sml",
        "ref",
        "art",
        "kr",
        "mio",
        "mia",
        "pga",
        "fx",
        "afd",
        "th",
        "tv",
    ]
)


def _full_stop(between: str, match: re.Match[str], tokens: Sequence[Token]) -> bool:
    """A full stop ends a sentence unless it follows an ordinal ("den 1. oktober", but not the
    year in "i 2024. Vi"), a single letter or an abbreviation ("kr.", "art. 15") and the next
    word has no capital; texts written without capitals still have sentences. A dot with no
    space after it ("bevarhodsager.dk", "3.200") ends one only before a capital ("sagen.Jeg")."""
    if not _FULL_STOP.search(between):
        return between == "." and _capitalised(match.group()) and not tokens[-1].folded.isdigit()
    previous = tokens[-1].folded
    ordinal = previous.isdigit() and len(previous) <= 2
    if ordinal or len(previous) == 1 or previous in ABBREVIATIONS:
        return match.group()[0].isupper() and not ordinal
    return True


def _capitalised(word: str) -> bool:
    """Written like a name: a capital first letter, not a word in capitals ("KOMMUNEN") and
    not the pronoun "I"."""
    return len(word) > 1 and word[0].isupper() and not word.isupper()


PROPER_NOUN = "^"  # the alternative that matches a capitalised word inside a sentence


@dataclass(frozen=True)
class Alternative:
    word: str  # folded, or PROPER_NOUN
    prefix: bool
    inside: bool = False  # "*word*": the word stands inside a compound ("byggesagsbehandler")
    suffix: bool = False  # "*word": a compound ends with the word ("kontorkælling")


@lru_cache(maxsize=200_000)
def _alternative_matches(
    word: str, prefix: bool, token: str, inside: bool = False, suffix: bool = False
) -> bool:
    if inside:
        return word in token
    if suffix:  # Danish compounds end with their head: "skrankekælling" is a "kælling"
        return token.endswith(word)
    if token.startswith(word) if prefix else token == word:
        return True
    # A typo of one letter in a long word, never in the first letter: tællinger/kællinger.
    if len(word) < FUZZY_MIN_LENGTH or not token or token[0] != word[0]:
        return False
    if prefix:  # a typo may add or drop a letter, so compare heads one letter shorter and longer
        return len(token) >= len(word) - 1 and any(
            DamerauLevenshtein.distance(token[:n], word, score_cutoff=1) <= 1
            for n in (len(word) - 1, len(word), len(word) + 1)
        )
    return (
        abs(len(token) - len(word)) <= 1
        and DamerauLevenshtein.distance(token, word, score_cutoff=1) <= 1
    )


@dataclass(frozen=True)
class Term:
    alternatives: tuple[Alternative, ...]
    gap_before: int  # how many other words may stand before this term (0 for the first)
    # Per-word answers: a phrase list is tried at every word of every request, so each
    # distinct word is compared with the alternatives once.
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def matches(self, token: Token) -> bool:
        if token.capitalised and not token.sentence_start and self._proper_noun:
            return True
        answer = self._seen.get(token.folded)
        if answer is None:
            answer = any(
                alt.word != PROPER_NOUN
                and _alternative_matches(alt.word, alt.prefix, token.folded, alt.inside, alt.suffix)
                for alt in self.alternatives
            )
            if len(self._seen) >= TERM_CACHE_SIZE:  # a long-running service meets many words
                self._seen.clear()
            self._seen[token.folded] = answer
        return answer

    @cached_property
    def _proper_noun(self) -> bool:
        return any(alt.word == PROPER_NOUN for alt in self.alternatives)


@dataclass(frozen=True)
class Phrase:
    source: str
    terms: tuple[Term, ...]
    excluded: frozenset[str]
    sentence_wide: bool = False  # joined by "...": exclusions look at the whole sentence
    excluded_patterns: tuple[Alternative, ...] = ()  # "!word*", "!*word*"

    def excludes(self, words: set[str]) -> bool:
        """True when one of ``words`` (folded) is excluded by this phrase."""
        if words & self.excluded:
            return True
        return any(
            _alternative_matches(p.word, p.prefix, w, p.inside, p.suffix)
            for p in self.excluded_patterns
            for w in words
        )

    @cached_property
    def literal_words(self) -> frozenset[str]:
        """The words the phrase names itself (a negation it names does not negate it)."""
        return frozenset(a.word for t in self.terms for a in t.alternatives)


class PhraseSyntaxError(ValueError):
    """A phrase in a rule file cannot be read."""


def _expand(part: str, vocabulary: Mapping[str, str] | None, source: str) -> list[str]:
    """The alternatives of one term, with @name replaced by the vocabulary's alternatives."""
    alternatives: list[str] = []
    for alt in part.split("|"):
        if not alt.startswith("@"):
            alternatives.append(alt)
        elif vocabulary is None:  # syntax check only; names are checked with the vocabulary
            alternatives.append(alt[1:] or "?")
        elif alt[1:] in vocabulary:
            alternatives.extend(vocabulary[alt[1:]].split("|"))
        else:
            raise PhraseSyntaxError(f"unknown vocabulary {alt!r} in {source!r}")
    return alternatives


def parse_phrase(source: str, vocabulary: Mapping[str, str] | None = None) -> Phrase:
    """Read one phrase of the rule-file syntax (words, word*, a|b, @vocabulary, .., !word)."""
    # Validating a rule book and compiling it read the same two thousand phrases: once is enough.
    return _parse_once(source, None if vocabulary is None else tuple(sorted(vocabulary.items())))


@lru_cache(maxsize=16_384)
def _parse_once(source: str, vocabulary_items: tuple[tuple[str, str], ...] | None) -> Phrase:
    vocabulary = None if vocabulary_items is None else dict(vocabulary_items)
    terms: list[Term] = []
    excluded: set[str] = set()
    excluded_patterns: list[Alternative] = []
    gap = 0
    for part in source.split():
        if part in (GAP_TOKEN, SENTENCE_GAP_TOKEN):
            if not terms or gap:
                raise PhraseSyntaxError(f"{part!r} must stand between two words: {source!r}")
            gap = GAP_WIDTH if part == GAP_TOKEN else SENTENCE_GAP_WIDTH
            continue
        if part.startswith("!"):
            if len(part) == 1:
                raise PhraseSyntaxError(f"'!' needs a word after it: {source!r}")
            for word in _expand(part[1:], vocabulary, source):  # "!@name": each of its words
                if "*" in word:  # "!bibliotek*", "!*bibliotek*", "!*bibliotek": compounds too
                    excluded_patterns.append(_alternative(word, source))
                else:
                    excluded.add(fold(word))
            continue
        alternatives = []
        for alt in _expand(part, vocabulary, source):
            if alt == PROPER_NOUN:
                alternatives.append(Alternative(PROPER_NOUN, False))
                continue
            alternatives.append(_alternative(alt, source))
        terms.append(Term(tuple(alternatives), gap))
        gap = 0
    if not terms:
        raise PhraseSyntaxError(f"empty phrase: {source!r}")
    if gap:
        raise PhraseSyntaxError(f"a gap cannot end a phrase: {source!r}")
    sentence_wide = any(t.gap_before == SENTENCE_GAP_WIDTH for t in terms)
    return Phrase(
        source, tuple(terms), frozenset(excluded), sentence_wide, tuple(excluded_patterns)
    )


def _alternative(alt: str, source: str) -> Alternative:
    """One word of a phrase: ``word``, ``word*`` (prefix), ``*word*`` (inside a compound) or
    ``*word`` (the end of a compound)."""
    inside = alt.startswith("*") and alt.endswith("*") and len(alt) > 2
    suffix = alt.startswith("*") and not alt.endswith("*")
    word = alt.strip("*")
    if not word or not _WORD.fullmatch(fold(word).replace("-", "")):
        raise PhraseSyntaxError(f"cannot read {alt!r} in {source!r}")
    return Alternative(fold(word), alt.endswith("*") and not inside, inside, suffix)


@dataclass(frozen=True)
class Match:
    phrase: str
    start: int  # character offsets into the original text
    end: int


def _match_from(tokens: Sequence[Token], terms: Sequence[Term], index: int) -> int | None:
    """Index of the last token when ``terms`` match with terms[0] at ``index``, else None."""
    if not terms[0].matches(tokens[index]):
        return None
    if len(terms) == 1:
        return index
    nxt = terms[1]
    for candidate in range(index + 1, min(len(tokens), index + 2 + nxt.gap_before)):
        if tokens[candidate].sentence_start:  # a phrase stays within one sentence
            return None
        end = _match_from(tokens, terms[1:], candidate)
        if end is not None:
            return end
    return None


def _sentence_bounds(tokens: Sequence[Token], index: int) -> tuple[int, int]:
    """First and last token index of the sentence that holds ``index``."""
    first = index
    while first > 0 and not tokens[first].sentence_start:
        first -= 1
    last = index
    while last + 1 < len(tokens) and not tokens[last + 1].sentence_start:
        last += 1
    return first, last


def clause_start(tokens: Sequence[Token], offset: int) -> int:
    """Character offset where the clause holding the token at ``offset`` begins; a clause
    opened by "at", "der" or "som" ("folk skriver, at hun burde ...", "typen, der hænger
    folk ud") belongs to the clause before it."""
    if not tokens:
        return 0
    index = next((i for i, t in enumerate(tokens) if t.start >= offset), len(tokens) - 1)
    while index > 0:
        if tokens[index].sentence_start:
            break
        if tokens[index].clause_start and tokens[index].folded not in _SUBORDINATE:
            break
        index -= 1
    return tokens[index].start


_OWN_VOICE = frozenset({"men", "jeg", "vi"})
_BREAK_OUTSIDE_QUOTES = re.compile(r"[,.;:!?()]|\n\s*\n")


def one_clause_past_quotes(text: str, start: int, end: int) -> bool:
    """True when nothing but quoted words separates ``start`` from ``end``: in
    'nogen i gruppen "Byen - det sker" har lagt' the quoted group name cuts no clause."""
    return not _BREAK_OUTSIDE_QUOTES.search(blank_quoted(text[start:end]))


def report_covers(tokens: Sequence[Token], report_end: int, offset: int) -> bool:
    """True when a report ending in "at" at ``report_end`` ("folk har skrevet, at") governs the
    words at ``offset`` later in the same sentence, past a relative clause ("at den
    sagsbehandler, der tog drengen, burde hænges ud"), until the requester takes over in a
    new clause ("men jeg ...")."""
    if report_end > offset:
        return False
    inside = [t for t in tokens if report_end <= t.start < offset]
    before = [t for t in tokens if t.end <= report_end]
    if not before or before[-1].folded != "at":
        return False
    return not any(t.sentence_start or (t.clause_start and t.folded in _OWN_VOICE) for t in inside)


def _negated(tokens: Sequence[Token], index: int, negations: frozenset[str], window: int) -> bool:
    """True when a negation word stands shortly before ``index`` within the same clause."""
    for back in range(index, max(-1, index - window - 1), -1):
        if back != index and tokens[back].folded in negations:
            return True
        if tokens[back].clause_start or tokens[back].folded in CLAUSE_WORDS:
            return False
    return False


def _negated_inside(tokens: Sequence[Token], index: int, end: int, phrase: Phrase) -> bool:
    """True for "jeg lægger heller ikke noget ud": a plain negation among the matched words of
    a short phrase that does not itself ask for it ("ikke .. regne .. med")."""
    if phrase.sentence_wide:
        return False
    return any(
        t.folded in INNER_NEGATIONS and t.folded not in phrase.literal_words
        for t in tokens[index + 1 : end]
    )


def _negated_after(tokens: Sequence[Token], end: int, negations: frozenset[str]) -> bool:
    """True for "jeg truer ingen": a negation right after the match, in the same clause."""
    after = end + 1
    # Only a plain negation: "en heks uden hjerte" is still a slur.
    return (
        after < len(tokens)
        and tokens[after].folded in INNER_NEGATIONS
        and tokens[after].folded in negations
        and not tokens[after].clause_start
    )


@dataclass(frozen=True)
class PhraseMatcher:
    """A compiled phrase list with its negation rule."""

    phrases: tuple[Phrase, ...]
    negations: frozenset[str] = frozenset()
    negation_window: int = 0
    negation_inside: bool = True

    @classmethod
    def compile(
        cls,
        phrases: Iterable[str],
        negations: Iterable[str] = (),
        negation_window: int = 0,
        vocabulary: Mapping[str, str] | None = None,
        negation_inside: bool = True,
    ) -> PhraseMatcher:
        vocabulary = vocabulary or {}
        return cls(
            tuple(parse_phrase(p, vocabulary) for p in phrases),
            frozenset(fold(n) for n in negations),
            negation_window,
            negation_inside,
        )

    def find(
        self, text: str, tokens: Sequence[Token] | None = None, skip_quoted: bool = False
    ) -> list[Match]:
        """Every phrase occurrence in ``text`` that is not negated, in text order; with
        ``skip_quoted``, not those standing wholly inside quotation marks."""
        tokens = tokenize(text) if tokens is None else tokens
        quoted = [m.span() for m in _QUOTED.finditer(text)] if skip_quoted else []
        found: list[Match] = []
        for phrase in self.phrases:
            for index in range(len(tokens)):
                end = _match_from(tokens, phrase.terms, index)
                if end is None:
                    continue
                # The word before belongs to the phrase's own sentence, not the last one.
                first = (
                    index if tokens[index].sentence_start else max(0, index - EXCLUSION_LOOKBACK)
                )
                last = end
                if phrase.sentence_wide:
                    first, last = _sentence_bounds(tokens, index)
                span = {t.folded for t in tokens[first : last + 1]}
                if phrase.excludes(span):
                    continue
                if self.negation_window and (
                    _negated(tokens, index, self.negations, self.negation_window)
                    or _negated_after(tokens, end, self.negations)
                    or (self.negation_inside and _negated_inside(tokens, index, end, phrase))
                ):
                    continue
                start, stop = tokens[index].start, tokens[end].end
                # Reported speech: a match that begins or ends inside quotation marks.
                if any(q0 <= start < q1 or q0 < stop <= q1 for q0, q1 in quoted):
                    continue
                found.append(Match(phrase.source, start, stop))
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
