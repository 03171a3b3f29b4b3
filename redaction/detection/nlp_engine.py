"""A Presidio NLP engine on a blank Danish spaCy pipeline: tokens only, nothing downloaded.

``AnalyzerEngine()`` without arguments tries to download an English spaCy model (NOTES.md);
this engine gives Presidio the tokens it needs for context words and keeps every run
offline. Names are found by the recognizers of this package, not by a model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

LANGUAGE = "da"


class BlankDanishNlpEngine(NlpEngine):
    """Tokenises Danish with ``spacy.blank("da")``; reports no entities of its own."""

    def __init__(self) -> None:
        self.nlp: Any = None

    def load(self) -> None:
        """Create the blank pipeline (a tokenizer and Danish lexical attributes)."""
        self.nlp = spacy.blank(LANGUAGE)

    def is_loaded(self) -> bool:
        """True once ``load`` has run."""
        return self.nlp is not None

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Tokenise ``text``; lemmas are the lower-case tokens (a blank pipeline has none)."""
        if self.nlp is None:
            self.load()
        doc = self.nlp(text)
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
        )

    def process_batch(
        self,
        texts: Iterable[str],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        **kwargs: Any,
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        """Process several texts one by one."""
        for text in texts:
            yield text, self.process_text(text, language)

    def is_stopword(self, word: str, language: str) -> bool:
        """True for a Danish stop word."""
        return bool(self.nlp.vocab[word].is_stop) if self.nlp is not None else False

    def is_punct(self, word: str, language: str) -> bool:
        """True for punctuation."""
        return bool(self.nlp.vocab[word].is_punct) if self.nlp is not None else False

    def get_supported_entities(self) -> list[str]:
        """No entities come from the NLP engine itself."""
        return []

    def get_supported_languages(self) -> list[str]:
        """Danish only."""
        return [LANGUAGE]
