"""Danish context words that make a capitalised word a person's name, or a name a kept one.

Kept as data in one place so the detectors and the classification agree.
"""

from __future__ import annotations

import re

HONORIFICS = frozenset({"hr", "fru", "frk", "frøken", "herr"})
FAMILY = frozenset(
    [
        "mor",
        "far",
        "bror",
        "søster",
        "datter",
        "søn",
        "nabo",
        "naboen",
        "naboer",
        "ægtefælle",
        "kæreste",
        "mand",
        "manden",
        "kone",
        "hustru",
        "onkel",
        "tante",
        "moster",
        "faster",
        "morbror",
        "farbror",
        "bedstemor",
        "bedstefar",
        "mormor",
        "morfar",
        "farmor",
        "farfar",
        "fætter",
        "kusine",
        "svigermor",
        "svigerfar",
        "stedfar",
        "stedmor",
        "plejemor",
        "plejefar",
        "barn",
        "barnet",
        "børn",
        "veninde",
        "ven",
        "vennen",
        "kollega",
        "samlever",
        "ekskone",
        "eksmand",
        "papfar",
        "papmor",
        "lillebror",
        "storebror",
        "lillesøster",
        "storesøster",
        "sønnen",
        "datteren",
        "moderen",
        "faderen",
    ]
)
LABELS = frozenset(
    [
        "fra",
        "til",
        "cc",
        "bcc",
        "navn",
        "borger",
        "borgeren",
        "part",
        "klient",
        "anmelder",
        "afsender",
        "modtager",
        "kontaktperson",
        "pårørende",
        "værge",
        "partsrepræsentant",
        "bisidder",
    ]
)
# Professionals of other bodies acting in office are kept (DOMAIN.md's redaction table).
PROFESSIONS = frozenset(
    [
        "læge",
        "lægen",
        "overlæge",
        "tandlæge",
        "speciallæge",
        "distriktslæge",
        "praktiserende",
        "psykolog",
        "psykologen",
        "psykiater",
        "politiassistent",
        "politibetjent",
        "politikommissær",
        "politiinspektør",
        "vicepolitiinspektør",
        "anklager",
        "advokat",
        "advokaten",
        "advokatfuldmægtig",
        "dommer",
        "dommeren",
        "sygeplejerske",
        "sundhedsplejerske",
        "jordemoder",
        "fysioterapeut",
        "ergoterapeut",
        "tolk",
        "revisor",
        "skoleleder",
        "lærer",
        "pædagog",
        "dr",
        "professor",
        "overlægen",
        "socialrådgiver",
        "sagsbehandler",
        "konsulent",
        "teamleder",
        "afdelingsleder",
        "kommunaldirektør",
        "borgmester",
        "rådmand",
    ]
)
STAFF_CUES = re.compile(
    r"(?:sagsbehandler|socialrådgiver|rådgiver|konsulent|teamleder|leder|visitator|"
    r"medarbejder|fra|til|cc|hilsen|mvh|initialer|oprettet af|ansvarlig|kontaktperson|"
    r"journalført af|skrevet af|underskrevet|sign)\s*[:.,]?\s*$",
)
ORGANISATION = re.compile(
    r"\b(?:Kommune|Rådhus|Jobcenter|Borgerservice|Region|Hospital|Sygehus|Politi|A/S|ApS|"
    r"Lægehus|Lægehuset|Klinik|Skole|Styrelse|Ministerium|Ankestyrelsen|hovednummer|"
    r"omstilling|CVR|EAN|SE-nr|P-nr|Reg\.?\s?nr|konto)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words_before(text: str, start: int, count: int = 3, reach: int = 40) -> list[str]:
    """The last ``count`` lower-case words before ``start`` (within ``reach`` characters)."""
    return [w.lower() for w in _WORD.findall(text[max(0, start - reach) : start])][-count:]


def words_after(text: str, end: int, count: int = 3, reach: int = 40) -> list[str]:
    """The first ``count`` lower-case words after ``end`` (within ``reach`` characters)."""
    return [w.lower() for w in _WORD.findall(text[end : end + reach])][:count]


def line_around(text: str, start: int, end: int) -> str:
    """The whole line (or lines) holding ``text[start:end]``."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left:] if right < 0 else text[left:right]
