"""Danish civil registration numbers (CPR): DDMMYY-XXXX or DDMMYYXXXX with a valid date.

No modulus-11 check: numbers issued since 2007 need not satisfy it.
"""

from __future__ import annotations

import calendar

from presidio_analyzer import Pattern

from redaction.detection.danish_pattern import DanishPatternRecognizer
from redaction.detection.folding import digits

ENTITY = "DK_CPR"
_SEP = r"(?:[ \t]?[-\u2013][ \t\n]?|[ \t\n])"
PATTERNS = [
    Pattern("cpr_dashed", rf"(?<![\w-])[0-3]\d[01]\d\d\d{_SEP}\d{{4}}(?![\w-])", 0.9),
    Pattern("cpr_plain", r"(?<![\w-])[0-3]\d[01]\d\d{6}(?![\w-])", 0.6),
]
CONTEXT = ["cpr", "cpr-nr", "personnummer", "født"]


def valid_cpr_date(number: str) -> bool:
    """True when the first six digits are a real day and month (29 February allowed)."""
    value = digits(number)
    if len(value) != 10:
        return False
    day, month = int(value[:2]), int(value[2:4])
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(2000, month)[1]


class DkCprRecognizer(DanishPatternRecognizer):
    """Recognizes CPR numbers; the date part is checked in ``validate_result``."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT

    def validate_result(self, pattern_text: str) -> bool:
        """A CPR number must start with a valid date."""
        return valid_cpr_date(pattern_text)
