"""The shared shape of the regex recognizers (CPR, phone, address, e-mail)."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer


class DanishPatternRecognizer(PatternRecognizer):
    """A Presidio pattern recognizer for Danish text, named after its class. Patterns are
    case-sensitive (global_regex_flags=0) because capitals tell street names from words."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]] = []  # words near a hit that raise its score

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language="da",
            name=type(self).__name__,
            global_regex_flags=0,
        )
