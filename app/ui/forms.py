"""The "Ny anmodning" form: form fields <-> CONTRACT.md's request JSON, with Danish errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from rules import ScreeningRequest

PARTY_FIELDS = ("name", "cpr", "address", "phone", "email")
INCIDENT_FIELDS = ("date", "kind", "staff", "note")
OBJECTION_FIELDS = ("staff", "reason")
FIELD_NAMES = {
    "received": "Modtaget",
    "requester": "Anmoder",
    "name": "navn",
    "cpr": "CPR-nummer",
    "email": "e-mail",
    "phone": "telefon",
    "address": "adresse",
    "text": "Anmodningens tekst",
    "case": "Sagen",
    "number": "sagsnummer",
    "kind": "art",
    "parties": "Part",
    "objections": "Indsigelse",
    "history": "Historik",
    "contacts_30d": "henvendelser de seneste 30 dage",
    "incidents": "Hændelse",
    "date": "dato",
    "staff": "medarbejder",
    "reason": "begrundelse",
}
MESSAGES = {
    "missing": "skal udfyldes",
    "string_too_short": "skal udfyldes",
    "date_from_datetime_parsing": "skal være en dato",
    "date_parsing": "skal være en dato",
    "date_from_datetime_inexact": "skal være en dato",
    "int_parsing": "skal være et helt tal",
    "greater_than_equal": "må ikke være negativ",
    "literal_error": "har en ukendt værdi",
}


@dataclass
class RequestForm:
    """The values as entered (for showing the form again) and the errors in Danish."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _rows(form: FormData, prefix: str, names: tuple[str, ...]) -> list[dict[str, str]]:
    columns = {n: [str(v).strip() for v in form.getlist(f"{prefix}_{n}")] for n in names}
    count = max((len(c) for c in columns.values()), default=0)
    rows = [
        {n: (columns[n][i] if i < len(columns[n]) else "") for n in names} for i in range(count)
    ]
    return [r for r in rows if any(v for k, v in r.items() if k != "kind")]


def _text(form: FormData, name: str) -> str:
    return str(form.get(name) or "").strip()


def form_values(form: FormData) -> dict[str, Any]:
    return {
        "received": _text(form, "received"),
        "requester": {
            n: _text(form, f"requester_{n}") for n in ("name", "cpr", "email", "phone", "address")
        }
        | {"is_journalist": form.get("requester_is_journalist") == "on"},
        "text": _text(form, "text"),
        "case": {"number": _text(form, "case_number"), "kind": _text(form, "case_kind")},
        "parties": _rows(form, "party", PARTY_FIELDS),
        "objections": _rows(form, "objection", OBJECTION_FIELDS),
        "contacts_30d": _text(form, "contacts_30d") or "0",
        "incidents": _rows(form, "incident", INCIDENT_FIELDS),
    }


def _payload(values: dict[str, Any]) -> dict[str, Any]:
    requester = {k: (v or None) for k, v in values["requester"].items() if k != "is_journalist"}
    requester["name"] = values["requester"]["name"]
    requester["is_journalist"] = values["requester"]["is_journalist"]
    return {
        "received": values["received"] or None,
        "requester": requester,
        "text": values["text"],
        "case": {
            **values["case"],
            "parties": [
                {k: (v or None) for k, v in p.items()} | {"name": p["name"]}
                for p in values["parties"]
            ],
            "objections": values["objections"],
        },
        "history": {
            "contacts_30d": values["contacts_30d"],
            "incidents": [
                {**i, "staff": [s.strip() for s in i["staff"].split(",") if s.strip()]}
                for i in values["incidents"]
            ],
        },
    }


def _message(error: Any) -> str:
    parts: list[str] = []
    for item in error["loc"]:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]} {item + 1}" if parts else str(item + 1)
        else:
            parts.append(FIELD_NAMES.get(str(item), str(item)))
    where = ", ".join(parts) or "Formularen"
    message = MESSAGES.get(error["type"])
    if message is None:
        message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}"


def parse_request_form(form: FormData) -> tuple[ScreeningRequest | None, RequestForm]:
    """The request, or None with the errors; either way the values to show again."""
    values = form_values(form)
    result = RequestForm(values=values)
    try:
        return ScreeningRequest.model_validate(_payload(values)), result
    except ValidationError as exc:
        result.errors = [_message(e) for e in exc.errors()]
        return None, result


def empty_form() -> RequestForm:
    return RequestForm(
        values={
            "received": date.today().isoformat(),
            "requester": {"is_journalist": False},
            "case": {"kind": "borger"},
            "parties": [],
            "objections": [],
            "incidents": [],
            "contacts_30d": "0",
        }
    )
