"""Pattern recognizers: tables of text and the spans they must (and must not) find."""

from __future__ import annotations

import pytest

from redaction.detection.dk_address_recognizer import DkAddressRecognizer
from redaction.detection.dk_cpr_recognizer import DkCprRecognizer, valid_cpr_date
from redaction.detection.dk_phone_recognizer import DkPhoneRecognizer
from redaction.detection.email_recognizer import EmailRecognizer, normalise_email
from redaction.detection.person_name_recognizer import PersonNameRecognizer


def spans(recognizer: object, text: str) -> list[str]:
    results = recognizer.analyze(text, None)  # type: ignore[attr-defined]
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start) if r.score > 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPR-nr. 010170-1234 er oplyst", ["010170-1234"]),
        ("cpr 0101701234.", ["0101701234"]),
        ("født 290284 - 1234", ["290284 - 1234"]),
        ("sagen 010170\n1234 fortsætter", ["010170\n1234"]),
        ("ugyldig dato 320170-1234", []),
        ("ugyldig måned 011370-1234", []),
        ("journalnummer 27.12.00-G01-123-25", []),
        ("telefon 12345678", []),
        ("tallet 10101701234 er for langt", []),
    ],
)
def test_cpr(text: str, expected: list[str]) -> None:
    assert spans(DkCprRecognizer(), text) == expected


def test_cpr_date_check_allows_leap_day_and_needs_no_modulus_11() -> None:
    assert valid_cpr_date("290200-0001")
    assert not valid_cpr_date("300200-0001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tlf. +45 72 11 40 21 direkte", ["+45 72 11 40 21"]),
        ("ring 72 11 40 21", ["72 11 40 21"]),
        ("mobil 72114021.", ["72114021"]),
        ("tlf 7211 4021", ["7211 4021"]),
        ("tlf +4572114024", ["+4572114024"]),
        ("0045 72 11 40 21", ["0045 72 11 40 21"]),
        ("Direkte: +45 72 11\n40 21", ["+45 72 11\n40 21"]),
        ("+45 12 34 56 78", ["+45 12 34 56 78"]),
        ("mødet 2024-03-12 kl. 10", []),
        ("dato 12-03-2024", []),
        ("cpr 010170-1234", []),
        ("beløb 1234567 kr.", []),
        ("nummer 123456789", []),
    ],
)
def test_phone(text: str, expected: list[str]) -> None:
    assert spans(DkPhoneRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("skriv til bihs@lindholm-kommune.dk i dag", ["bihs@lindholm-kommune.dk"]),
        ("mail: anne.vestergaard@lindholm-kommune.dk.", ["anne.vestergaard@lindholm-kommune.dk"]),
        ("OCR: bihsQlindholm-kommune.dk", ["bihsQlindholm-kommune.dk"]),
        ("OCR: aisha.k&gmail.com", ["aisha.k&gmail.com"]),
        ("OCR: bihs @ lindholm-kommune.dk", ["bihs @ lindholm-kommune.dk"]),
        ("aqua.dk er et domæne", []),
        ("Ole & Co.dk", []),
        ("ingen adresse her", []),
    ],
)
def test_email(text: str, expected: list[str]) -> None:
    assert spans(EmailRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("bihsQlindholm-kommune.dk", "bihs@lindholm-kommune.dk"),
        ("A.B&x.dk", "a.b@x.dk"),
        ("x @ y.dk", "x@y.dk"),
    ],
)
def test_normalise_email(raw: str, clean: str) -> None:
    assert normalise_email(raw) == clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "bor på Vestergade 12, 2. th., 8000 Aarhus C nu",
            ["Vestergade 12, 2. th., 8000 Aarhus C"],
        ),
        ("Nørrebrogade 4, st. tv.", ["Nørrebrogade 4, st. tv."]),
        (
            "H.C. Andersens Boulevard 27, 1553 København V",
            ["H.C. Andersens Boulevard 27, 1553 København V"],
        ),
        ("Hans Tausens Gade 4B", ["Hans Tausens Gade 4B"]),
        ("adressen er Strandvejen\n101, 2900 Hellerup", ["Strandvejen\n101, 2900 Hellerup"]),
        ("Bor i Aarhus. Hans Tausens Gade 4", ["Hans Tausens Gade 4"]),
        ("hun bor i 8000 Aarhus C", []),
        ("mødet i Vejle den 4. maj", []),
        ("side 4 af 7", []),
        # streets that start with Æ, Ø or Å, and street words in their definite form
        (
            "Naboen, Åboulevarden 72, 3. tv., 8000 Aarhus C, har skrevet",
            ["Åboulevarden 72, 3. tv., 8000 Aarhus C"],
        ),
        (
            "Hjemmebesøg på Åboulevarden 70, 3. th.,\n8000 Aarhus C",
            ["Åboulevarden 70, 3. th.,\n8000 Aarhus C"],
        ),
        ("Ågade 3, 8000 Aarhus C", ["Ågade 3, 8000 Aarhus C"]),
        ("Ørstedsvej 3", ["Ørstedsvej 3"]),
        ("Æblevej 4, st. tv.", ["Æblevej 4, st. tv."]),
        ("bor på Aboulevarden 70, 3. th.", ["Aboulevarden 70, 3. th."]),
        ("Kongens Boulevarden 4", ["Kongens Boulevarden 4"]),
        (
            "Frederiksberg Alléen 12, 1820 Frederiksberg C",
            ["Frederiksberg Alléen 12, 1820 Frederiksberg C"],
        ),
        ("Strandpromenaden 5", ["Strandpromenaden 5"]),
        # no street word: an address when postcode and town follow
        ("Ved Åen 4, 8000 Aarhus C", ["Ved Åen 4, 8000 Aarhus C"]),
        ("Nyhavn 12, 1051 København K", ["Nyhavn 12, 1051 København K"]),
        ("Postboks 123, 8000 Aarhus C", []),
        ("Bilag 3, 8000 Aarhus C", []),
        ("Kapitel 12 handler om boliger", []),
    ],
)
def test_address(text: str, expected: list[str]) -> None:
    assert spans(DkAddressRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Min nabo Birgitte har klaget.", ["Birgitte"]),
        ("Hr. Pedersen kom forbi.", ["Pedersen"]),
        ("sammen med Aisha Khan og Piotr Kowalski", ["Aisha Khan", "Piotr Kowalski"]),
        ("Jens Hansens mor ringede.", ["Jens Hansens"]),
        ("Til: Nguyen Van Thanh", ["Nguyen Van Thanh"]),
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("navnet brydes: Mehmet\nYilmaz og mere", ["Mehmet\nYilmaz"]),
        ("Karen sagde at Lindholm Kommune har afgjort sagen.", []),
        ("Per telefon. Hans bil er rød.", []),
        ("Birgitte sagde ja.", []),
        ("Venlig hilsen fra Borgerservice", []),
        # a capitalised word after a given name on the same line is a surname, even an
        # ordinary word (hvid, skov, due)
        ("Lone Hvid: Skam dig", ["Lone Hvid"]),
        ("kommentar fra Bo Skov i går", ["Bo Skov"]),
        ("Anne Marie Due kom", ["Anne Marie Due"]),
        ("Hej Birgitte Hvordan går det", []),
        ("Lone\nHvid kom", []),
        ("Lone Hvid: Skam dig Birgitte\nBent Ravn: Hun bor", ["Lone Hvid", "Birgitte\nBent Ravn"]),
    ],
)
def test_person_names(text: str, expected: list[str]) -> None:
    assert spans(PersonNameRecognizer(), text) == expected
