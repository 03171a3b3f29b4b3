"""Names of people who are not in the policy: citizens, relatives, neighbours.

No Danish NER model exists offline, so a name is a run of capitalised words that starts with
a known given name (Faker's name lists) and goes on with given names or surname-like words
(listed surnames, typical endings, or words that are not ordinary Danish words; right after
given names on the same line, any capitalised word that is not a function word), or a
capitalised word right after a context word (hr./fru, "min nabo", mor, "Til:").
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.detection.context_words import FAMILY, HONORIFICS, LABELS
from redaction.detection.name_lists import (
    FUNCTION_WORDS,
    NOT_NAMES,
    given_names,
    is_danish_word,
    looks_like_surname,
)

ENTITY = "PERSON"
NAME = "PersonNameRecognizer"
PARTICLES = frozenset({"van", "von", "de", "der", "den", "al", "el", "bin", "ibn", "da", "di"})
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
Token = tuple[int, int, str]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word.lower() not in NOT_NAMES


def _given(word: str) -> bool:
    base = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return _capitalised(word) and (word.lower() in given_names() or base.lower() in given_names())


def _name_part(word: str) -> bool:
    return _capitalised(word) and (word.lower() in given_names() or looks_like_surname(word))


def _joined(text: str, left: Token, right: Token, run: int) -> bool:
    """True when one space (or, inside a short run, one line break) separates two tokens.

    A name wraps onto the next line ("Birgitte / Holm Sørensen"), but a line that starts
    with a given name after a full name is a new line of a list or a header.
    """
    gap = text[left[1] : right[0]]
    if gap == " ":
        return True
    return gap == "\n" and (run < 2 or right[2].lower() not in given_names())


def _surname_after_given(text: str, tokens: list[Token], index: int, end: int) -> bool:
    """True when ``tokens[end]`` is a capitalised word on the same line right after given names.

    Danish capitalises only proper nouns, so a capitalised word after a given name in the
    middle of a line is a surname even when it is also an ordinary word (Lone Hvid, Bo
    Skov, Anne Marie Due); a function word (Hvordan, Hvis) is not.
    """
    word = tokens[end][2]
    if text[tokens[end - 1][1] : tokens[end][0]] != " " or not _capitalised(word):
        return False
    if word.lower() in FUNCTION_WORDS:
        return False
    return all(_given(tokens[i][2]) for i in range(index, end))


_BEFORE = re.compile(r"([^\W\d_]+)([ \t]*[.:]?)[ \t\n]*$")


def _has_context(text: str, start: int) -> bool:
    """True when the word right before ``start`` makes the next word a name."""
    match = _BEFORE.search(text[max(0, start - 30) : start])
    if not match:
        return False
    word, mark = match.group(1).lower(), match.group(2).strip()
    if word in HONORIFICS:
        return True
    if word in LABELS:
        return mark == ":"
    return word in FAMILY and not mark


class PersonNameRecognizer(EntityRecognizer):
    """Finds person names from name lists, capitalisation and context words."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[ENTITY], name=NAME, supported_language="da")

    def load(self) -> None:
        """Load the name lists and the Danish word list (cached for the process)."""
        given_names()
        is_danish_word("og")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every name-like run of capitalised words in ``text``."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        results: list[RecognizerResult] = []
        index = 0
        while index < len(tokens):
            end, score = self._name_at(text, tokens, index)
            if end > index:
                start_char, end_char = tokens[index][0], tokens[end - 1][1]
                results.append(
                    RecognizerResult(
                        ENTITY,
                        start_char,
                        end_char,
                        score,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: NAME,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
                index = end
            else:
                index += 1
        return results

    def _name_at(self, text: str, tokens: list[Token], index: int) -> tuple[int, float]:
        """(end token index, score) of a name starting at ``index``; end == index if none."""
        word = tokens[index][2]
        if not _capitalised(word):
            return index, 0.0
        context = _has_context(text, tokens[index][0])
        end = index + 1
        while end < len(tokens) and _joined(text, tokens[end - 1], tokens[end], end - index):
            following = tokens[end][2]
            if following.lower() in PARTICLES and end + 1 < len(tokens):
                nxt = tokens[end + 1]
                if _name_part(nxt[2]) and _joined(text, tokens[end], nxt, end - index):
                    end += 1
                    continue
                break
            if not _name_part(following) and not _surname_after_given(text, tokens, index, end):
                break
            end += 1
        if _given(word):
            if end - index >= 2:
                return end, 0.85
            return (index + 1, 0.6) if context else (index, 0.0)
        if context and (end - index >= 2 or not is_danish_word(word)):
            return end, 0.6
        return index, 0.0
