"""Word lists that person-name detection leans on, loaded once per process.

- Given names and surnames: the person providers of Faker (MIT licence), Danish, Nordic and
  the languages of Denmark's larger immigrant groups, Latin script only.
- Danish word forms: spaCy's Danish lemma lookup table from spacy-lookups-data (MIT
  licence), about 550,000 inflected forms; a capitalised word whose lower-case form is an
  ordinary Danish word is not taken for a surname on its own.

Nothing is downloaded: both ship inside their wheels.
"""

from __future__ import annotations

import gzip
import importlib
import logging
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

import numpy as np
from spacy.lang.da.stop_words import STOP_WORDS

logger = logging.getLogger(__name__)

NAME_LOCALES = (
    "da_DK", "no_NO", "sv_SE", "fi_FI", "is_IS", "de_DE", "nl_NL", "en_GB", "en_US", "en_IE",
    "pl_PL", "tr_TR", "en_PK", "az_AZ", "ro_RO", "hr_HR", "cs_CZ", "hu_HU", "lt_LT", "lv_LV",
    "et_EE", "fr_FR", "es_ES", "it_IT", "pt_PT", "en_KE", "sl_SI", "sk_SK", "de_AT", "en_IN",
)  # fmt: skip
SURNAME_ENDINGS = (
    "sen", "son", "gaard", "gård", "strup", "rup", "borg", "bjerg", "berg", "mann", "ski",
    "ska", "wicz", "oglu", "oğlu", "ović", "ovic", "ić", "ova", "ová", "ssen", "stad", "vig",
)  # fmt: skip
# Common words that the name lists also hold but that are almost never a name in a case file.
NOT_NAMES = frozenset(
    [
        "kære",
        "venlig",
        "hilsen",
        "med",
        "mvh",
        "tak",
        "jeg",
        "vi",
        "du",
        "de",
        "han",
        "hun",
        "det",
        "den",
        "der",
        "her",
        "og",
        "eller",
        "men",
        "som",
        "at",
        "af",
        "på",
        "til",
        "fra",
        "for",
        "ved",
        "om",
        "efter",
        "før",
        "under",
        "over",
        "mellem",
        "sagsbehandler",
        "borger",
        "kommune",
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "søndag",
        "dato",
        "side",
        "sag",
        "emne",
        "bilag",
        "notat",
        "journalnotat",
        "afgørelse",
        "klage",
        "center",
        "vest",
        "øst",
        "nord",
        "syd",
        "gade",
        "vej",
    ]
)
FUNCTION_WORDS = frozenset(STOP_WORDS)  # never a surname ("hans", "man"), but Hans is a name


def _latin(word: str) -> bool:
    return word.isalpha() and all(ord(c) < 0x250 for c in word)


def _provider_names(locale: str) -> tuple[set[str], set[str]]:
    try:
        module = importlib.import_module(f"faker.providers.person.{locale}")
    except ImportError:
        return set(), set()
    provider = module.Provider
    first: set[str] = set()
    for attribute in ("first_names", "first_names_male", "first_names_female"):
        values = provider.__dict__.get(attribute) or getattr(provider, attribute, ())
        if isinstance(values, dict | tuple | list | set | frozenset):
            first.update(values)
    last_values = provider.__dict__.get("last_names") or getattr(provider, "last_names", ())
    last = set(last_values) if isinstance(last_values, dict | tuple | list | set) else set()
    return first, last


@cache
def given_names() -> frozenset[str]:
    """Lower-case given names (Latin script) from Faker's person providers."""
    names: set[str] = set()
    for locale in NAME_LOCALES:
        names.update(_provider_names(locale)[0])
    return frozenset(n.lower() for n in names if _latin(n) and len(n) > 1) - NOT_NAMES


@cache
def surnames() -> frozenset[str]:
    """Lower-case surnames (Latin script) from Faker's person providers."""
    names: set[str] = set()
    for locale in NAME_LOCALES:
        names.update(_provider_names(locale)[1])
    return (
        frozenset(n.lower() for n in names if _latin(n) and len(n) > 1) - NOT_NAMES - FUNCTION_WORDS
    )


def _quoted_hashes(raw: bytes, chunk: int = 1 << 20) -> Iterator[int]:
    """Hashes of every quoted string of a flat JSON object, read a chunk at a time."""
    start = 0
    while start < len(raw):
        comma = raw.find(b'",', start + chunk)  # a comma between two entries
        end = len(raw) if comma < 0 else comma + 2
        yield from map(hash, raw[start:end].split(b'"')[1::2])
        start = end


@cache
def _danish_hashes() -> np.ndarray:
    """Sorted hashes of the Danish word forms (~4 MB instead of ~120 MB as a set of str).

    Python's hash of bytes is salted per process, which is fine: the table is built in the
    process that uses it. A 64-bit collision among 550,000 words is negligible.
    """
    try:
        path = resources.files("spacy_lookups_data") / "data" / "da_lemma_lookup.json.gz"
        raw = gzip.decompress(path.read_bytes())
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - install error
        logger.warning("Danish word list missing (%s); name detection is less precise", exc)
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.fromiter(_quoted_hashes(raw), dtype=np.int64))


@lru_cache(maxsize=65536)
def is_danish_word(word: str) -> bool:
    """True when the lower-case form of ``word`` is an ordinary Danish word form.

    The list is spaCy's Danish lemma lookup table (spacy-lookups-data), keys and lemmas.
    """
    table = _danish_hashes()
    if not len(table):
        return False
    key = hash(word.lower().encode("utf-8"))
    position = int(np.searchsorted(table, key))
    return position < len(table) and int(table[position]) == key


def looks_like_surname(word: str) -> bool:
    """A capitalised token that can be a surname: listed, a typical ending, or not a Danish word."""
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    lower = word.lower()
    if lower in NOT_NAMES or lower in FUNCTION_WORDS:
        return False
    if lower in surnames() or lower.endswith(SURNAME_ENDINGS):
        return True
    return not is_danish_word(lower) and lower not in given_names()
