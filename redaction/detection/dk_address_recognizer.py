"""Danish street addresses: street, house number, floor/side, and postcode + town if they follow.

A town or a postcode on its own is not an address (DOMAIN.md) and is never matched: a match
needs a street name and a number. The street name either ends in a street word (-vej, -gade,
-allé, -boulevard), also in its definite form (-vejen, -boulevarden, -alléen, -torvet), or,
for streets without one (Nyhavn, Ved Åen, Kongens Nytorv), the number is followed by a
postcode and a town. Street names start with any capital letter, Æ, Ø and Å included.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.detection.danish_pattern import DanishPatternRecognizer

ENTITY = "DK_ADDRESS"
STREET_WORDS = (
    "vej", "vejen", "gade", "gaden", "allé", "alle", "stræde", "strædet", "torv", "torvet",
    "plads", "pladsen", "vænget", "vænge", "vang", "parken", "park", "boulevard", "bakke",
    "bakken", "sti", "stien", "toft", "toften", "have", "haven", "høj", "højen", "kær",
    "kæret", "marken", "engen", "enge", "lund", "dal", "dalen", "hegn", "krog", "løkke",
    "ager", "agre", "bro", "kaj", "kajen", "havn", "gård", "tofte", "vænge", "passage",
    "promenade", "stræde", "slippen", "banke", "skrænt", "skrænten", "skov", "holm", "mose",
)  # fmt: skip
_WORD = r"(?:(?:[A-ZÆØÅ]\.)+|[A-ZÆØÅ][a-zæøå]{0,2}\.|[A-ZÆØÅ][\wæøåéü'-]*)"
_SUFFIX = "|".join(sorted(set(STREET_WORDS), key=len, reverse=True))
_DEFINITE = r"(?:en|et|n|ne)?"  # the definite form: Boulevarden, Alléen, Torvet, Promenaden
_STREET = (
    rf"(?:{_WORD}[ \t]){{0,3}}"
    rf"(?:[A-ZÆØÅ][\wæøåéü'-]*(?:{_SUFFIX}){_DEFINITE}|(?i:(?:{_SUFFIX}){_DEFINITE}))"
)
_ANY_STREET = rf"(?:{_WORD}[ \t]){{0,2}}[A-ZÆØÅ][\wæøåéü'-]+"
_NUMBER = r"[ \t\n]\d{1,4}(?:[ \t]?[A-Za-z](?![\wæøå]))?"
_FLOOR = (
    r"(?:,?[ \t\n]*(?:st|kl|\d{1,2})\.(?:[ \t]*(?:th|tv|mf)\.?|[ \t]*sal)?|,?[ \t]*(?:th|tv|mf)\.)?"
)
_POSTCODE_TOWN = (
    r",?[ \t\n]*(?:DK-)?\d{4}[ \t]+[A-ZÆØÅ][\wæøå-]*"
    r"(?:[ \t][A-ZÆØÅ][\wæøå-]*)?(?:[ \t][CVNSØK]\b)?"
)
_TOWN = rf"(?:{_POSTCODE_TOWN})?"
PATTERNS = [
    Pattern("dk_address", rf"(?<![\w.-]){_STREET}{_NUMBER}(?![\d,.]\d){_FLOOR}{_TOWN}", 0.7),
    Pattern(
        "dk_address_with_town",
        rf"(?<![\w.-]){_ANY_STREET}{_NUMBER}(?![\d,.]\d){_FLOOR}{_POSTCODE_TOWN}",
        0.6,
    ),
]
# Capitalised words that come before a number and a postcode but are no street.
NOT_STREETS = frozenset({"postboks", "boks", "side", "bilag", "punkt", "nr", "kl", "sag"})
CONTEXT = ["adresse", "bopæl", "bor", "boende", "flyttet"]


class DkAddressRecognizer(DanishPatternRecognizer):
    """Recognizes a Danish address from street name and number onwards."""

    ENTITY = ENTITY
    PATTERNS = PATTERNS
    CONTEXT = CONTEXT

    def validate_result(self, pattern_text: str) -> bool:
        """Refuse a bare street word with a number ("Vej 3" is a form field, not an address)."""
        words = pattern_text.split()
        first = words[0].lower().rstrip(".,")
        if first in NOT_STREETS:
            return False
        return first not in STREET_WORDS or len(words) > 2
