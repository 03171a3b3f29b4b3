"""E-mail addresses, tolerant of OCR: '@' is often read as 'Q', '&', '©' or 'æ' (NOTES.md).

Presidio's own e-mail recognizer checks the domain with tldextract, which tries to download
a suffix list; this one checks the form with a regular expression and needs no network.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from redaction.detection.danish_pattern import DanishPatternRecognizer

ENTITY = "EMAIL_ADDRESS"
OCR_TLDS = "dk|com|net|org|eu|se|no|de|nu|info|io|me|uk|fo|gl"
_LOCAL = r"(?<![\w.+%-])[A-Za-z0-9._%+-]*[A-Za-z0-9]"
_OCR_LOCAL = r"(?<![\w.+%-])[A-Za-z0-9._%+-]+[A-Za-z0-9]"  # 2+ characters: "Tæppe.dk" is no e-mail
_DOMAIN = r"(?:[A-Za-z0-9-]+\.)+"
PATTERNS = [
    Pattern("email", rf"{_LOCAL}[ \t]?@[ \t]?{_DOMAIN}[A-Za-z]{{2,24}}(?![\w])", 0.9),
    Pattern("email_ocr", rf"{_OCR_LOCAL}[Q&©æ®]{_DOMAIN}(?i:{OCR_TLDS})(?![\w])", 0.6),
]


def normalise_email(text: str) -> str:
    """The address as written without OCR damage: lower case, with '@' restored."""
    cleaned = text.strip()
    if "@" not in cleaned:
        position = max(cleaned.rfind(c) for c in "Q&©æ®")
        if position > 0:
            cleaned = cleaned[:position] + "@" + cleaned[position + 1 :]
    return re.sub(r"\s", "", cleaned).lower()


class EmailRecognizer(DanishPatternRecognizer):
    """Recognizes e-mail addresses, including OCR-damaged ones."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS

    def validate_result(self, pattern_text: str) -> bool:
        """The domain part needs a dot and a local part of at least one character."""
        address = normalise_email(pattern_text)
        local, _, domain = address.partition("@")
        return bool(local) and "." in domain
