"""Danish phone numbers in any grouping: +45 12 34 56 78, 12 34 56 78, 1234 5678, 12345678.

A line break may stand where a space may (numbers wrap in signature blocks). Dates written
with dashes look like numbers and are refused in ``invalidate_result``.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from redaction.detection.danish_pattern import DanishPatternRecognizer
from redaction.detection.folding import phone_key

ENTITY = "DK_PHONE"
_SEP = r"[ \t\n\u00a0-]?"
PATTERNS = [
    Pattern(
        "dk_phone",
        rf"(?<![\w+])(?:(?:\+|00)45[ \t\n\u00a0]?|\(\+?45\)[ \t\n]?)?"
        rf"\d{{2}}(?:{_SEP}\d{{2}}){{3}}(?![\w])",
        0.7,
    ),
]
CONTEXT = ["tlf", "telefon", "mobil", "direkte", "mob"]
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$|^\d\d-\d\d-\d{4}$")


class DkPhoneRecognizer(DanishPatternRecognizer):
    """Recognizes Danish 8-digit phone numbers with or without +45."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT

    def validate_result(self, pattern_text: str) -> bool:
        """Danish subscriber numbers have 8 digits and do not start with 0."""
        number = phone_key(pattern_text)
        return len(number) == 8 and number[0] != "0"

    def invalidate_result(self, pattern_text: str) -> bool:
        """Dates such as 2024-03-12 are not phone numbers."""
        return bool(_DATE.match(pattern_text.strip()))
