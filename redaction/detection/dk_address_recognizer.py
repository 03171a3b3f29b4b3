"""Danish street addresses: street, house number, floor/side, and postcode + town if they follow.

A town or a postcode on its own is not an address (DOMAIN.md) and is never matched: a match
needs a street name (a word ending in a street word such as -vej, -gade, -allé) and a number.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

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
_STREET = rf"(?:{_WORD}[ \t]){{0,3}}(?:[A-ZÆØÅ][\wæøåéü'-]*(?:{_SUFFIX})|(?i:{_SUFFIX}))"
_NUMBER = r"[ \t\n]\d{1,4}(?:[ \t]?[A-Za-z](?![\wæøå]))?"
_FLOOR = (
    r"(?:,?[ \t\n]*(?:st|kl|\d{1,2})\.(?:[ \t]*(?:th|tv|mf)\.?|[ \t]*sal)?|,?[ \t]*(?:th|tv|mf)\.)?"
)
_TOWN = (
    r"(?:,?[ \t\n]*(?:DK-)?\d{4}[ \t]+[A-ZÆØÅ][\wæøå-]*"
    r"(?:[ \t][A-ZÆØÅ][\wæøå-]*)?(?:[ \t][CVNSØK]\b)?)?"
)
PATTERNS = [
    Pattern("dk_address", rf"(?<![\w.-]){_STREET}{_NUMBER}(?![\d,.]\d){_FLOOR}{_TOWN}", 0.7),
]
CONTEXT = ["adresse", "bopæl", "bor", "boende", "flyttet"]


class DkAddressRecognizer(PatternRecognizer):
    """Recognizes a Danish address from street name and number onwards."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=ENTITY,
            patterns=PATTERNS,
            context=CONTEXT,
            supported_language="da",
            name="DkAddressRecognizer",
            global_regex_flags=0,
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Refuse a bare street word with a number ("Vej 3" is a form field, not an address)."""
        first = pattern_text.split()[0].lower().rstrip(".,")
        return first not in STREET_WORDS or len(pattern_text.split()) > 2
