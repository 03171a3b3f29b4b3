"""Case and spelling folding that keeps every character at its offset.

Matching runs on folded text, and a match's offsets are used on the original text, so the
fold must not change the length: lower case, every kind of whitespace to a space, typographic
apostrophes to ``'``. Danish spelling variants (ø/oe, æ/ae, å/aa) are handled by adding the
variants of each name to the automaton rather than by changing the text.
"""

from __future__ import annotations

import re

_WHITESPACE = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\xa0": " ", "\u2019": "'"})
_VARIANT_RULES: tuple[tuple[tuple[str, str], ...], ...] = (
    (("ø", "oe"), ("æ", "ae"), ("å", "aa")),
    (("ø", "o"), ("æ", "ae"), ("å", "a")),
    (("aa", "å"),),
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (whitespace becomes a space)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (e.g. 'İ') grow when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_WHITESPACE)


def normalise(text: str) -> str:
    """Fold and collapse whitespace: the form a name or an address is compared in."""
    return _SPACES.sub(" ", fold(text)).strip()


def spelling_variants(folded: str) -> set[str]:
    """The folded string and its Danish spelling variants (Sørensen, Soerensen, Sorensen)."""
    variants = {folded}
    for rules in _VARIANT_RULES:
        changed = folded
        for old, new in rules:
            changed = changed.replace(old, new)
        variants.add(changed)
    return variants


def digits(text: str) -> str:
    """Only the digits of ``text``."""
    return "".join(c for c in text if c.isdigit())


def phone_key(text: str) -> str:
    """The 8-digit Danish subscriber number of a phone in any format (+45/0045 dropped)."""
    number = digits(text)
    if len(number) == 10 and number.startswith("45"):
        return number[2:]
    if len(number) == 12 and number.startswith("0045"):
        return number[4:]
    return number
