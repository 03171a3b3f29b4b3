"""The request and assessment documents of CONTRACT.md as pydantic models.

Unknown keys are ignored so that case systems can send more than we read; the
fields we do read are validated strictly so that a clerk learns which field is wrong.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Regime = Literal["offentlighedsloven", "forvaltningsloven", "databeskyttelse"]
Risk = Literal["low", "elevated", "high"]
Recommendation = Literal["grant", "grant_without_staff_identity", "refuse"]
CaseKind = Literal["borger", "personale"]
IncidentKind = Literal["threat", "aggression", "online_exposure"]

_CPR_DIGITS = re.compile(r"^\d{6}-?\d{4}$")


def normalise_cpr(value: str | None) -> str | None:
    """Return a CPR number as DDMMYY-XXXX, or None for an empty value.

    Raises ValueError for anything that is not ten digits (with or without the dash).
    """
    if value is None:
        return None
    text = value.strip().replace(" ", "")
    if not text:
        return None
    if not _CPR_DIGITS.match(text):
        raise ValueError("CPR-nummer skal have formen DDMMÅÅ-XXXX")
    digits = text.replace("-", "")
    return f"{digits[:6]}-{digits[6:]}"


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class _Person(_Lenient):
    name: str = Field(min_length=1)
    cpr: str | None = None

    @field_validator("cpr")
    @classmethod
    def _check_cpr(cls, value: str | None) -> str | None:
        return normalise_cpr(value)


class Requester(_Person):
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    is_journalist: bool = False


class Party(_Person):
    address: str | None = None
    phone: str | None = None
    email: str | None = None


class Objection(_Lenient):
    staff: str = Field(min_length=1, description="Initials or name of the objecting employee")
    reason: str = ""


class Case(_Lenient):
    number: str = Field(min_length=1)
    kind: CaseKind
    parties: list[Party] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)


class Incident(_Lenient):
    date: date
    kind: IncidentKind
    staff: list[str] = Field(default_factory=list)
    note: str = ""


class History(_Lenient):
    contacts_30d: int = Field(default=0, ge=0)
    incidents: list[Incident] = Field(default_factory=list)


class ScreeningRequest(_Lenient):
    """An incoming aktindsigt request as CONTRACT.md's request JSON."""

    received: date
    requester: Requester
    text: str
    case: Case
    history: History = Field(default_factory=History)


class FiredSignal(BaseModel):
    """A screening signal that fired, with the facts behind it."""

    id: str
    weight: int
    evidence: str
    title: str = ""


class Assessment(BaseModel):
    """The screening result as CONTRACT.md's assessment JSON."""

    regime: Regime
    risk: Risk
    recommendation: Recommendation
    withhold_all_staff: bool
    withheld_staff: list[str]
    legal_basis: list[str]
    signals: list[FiredSignal]
    deadline: date
    rule_set: str
    is_party: bool = False
    asks_only_staff_identity: bool = False
    objecting_staff: list[str] = Field(default_factory=list)
    threatened_staff: list[str] = Field(default_factory=list)
