"""Pydantic models of the rule files; every file is validated against these on load."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from rules.models import CaseKind, IncidentKind, Recommendation, Regime, Risk
from rules.textmatch import PhraseSyntaxError, parse_phrase


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_phrases(values: list[str]) -> list[str]:
    for phrase in values:
        try:
            parse_phrase(phrase)
        except PhraseSyntaxError as exc:
            raise ValueError(str(exc)) from None
    return values


class Threshold(_Strict):
    at_least: int = Field(ge=1)
    weight: int = Field(ge=0)


class SignalSpec(_Strict):
    title: str
    kind: Literal["text", "identity", "incident", "volume"]
    weight: int = Field(default=0, ge=0)
    enabled: bool = True
    phrases: list[str] = Field(default_factory=list)
    extra_phrases: list[str] = Field(default_factory=list, description="a municipality's additions")
    journalist_exempt_phrases: list[str] = Field(default_factory=list)
    journalist_exempt: bool = False
    not_about_staff: list[str] = Field(
        default_factory=list,
        description="phrases that mark a sentence as about someone who is not staff (a "
        "politician, a neighbour): no hit of this signal in that sentence counts",
    )
    negation_inside: bool = Field(
        default=True,
        description="a negation among the matched words cancels a match (not for slurs)",
    )
    incident_kind: IncidentKind | None = None
    lookback_months: int = Field(default=24, ge=1)
    thresholds: list[Threshold] = Field(default_factory=list)

    _phrases_ok = field_validator(
        "phrases", "extra_phrases", "journalist_exempt_phrases", "not_about_staff"
    )(_check_phrases)

    @model_validator(mode="after")
    def _kind_needs(self) -> SignalSpec:
        if self.kind in ("text", "identity") and not (self.phrases or self.extra_phrases):
            raise ValueError(f"a {self.kind} signal needs phrases")
        if self.kind == "incident" and self.incident_kind is None:
            raise ValueError("an incident signal needs incident_kind")
        if self.kind == "volume" and not self.thresholds:
            raise ValueError("a volume signal needs thresholds")
        return self

    @property
    def all_phrases(self) -> list[str]:
        return [*self.phrases, *self.extra_phrases]


class RiskSpec(_Strict):
    high_if_any_weight_at_least: int = Field(ge=1)
    high_total: int = Field(ge=1)
    elevated_total: int = Field(ge=1)


class GdprSpec(_Strict):
    invokes: list[str]
    own_data: list[str]
    case_documents: list[str]

    _phrases_ok = field_validator("invokes", "own_data", "case_documents")(_check_phrases)


class ObjectionSpec(_Strict):
    reasoned: list[str]
    min_words: int = Field(default=4, ge=0)

    _phrases_ok = field_validator("reasoned")(_check_phrases)


class SentenceModelSpec(_Strict):
    """The statistical second opinion on the text signals (rules/sentence_model.py)."""

    enabled: bool = True
    file: str = Field(
        default="screening-model.json.gz",
        description="the trained model; a relative path is read from the shipped rules/data",
    )
    signals: list[str] = Field(
        default_factory=lambda: ["T1", "T2", "T3"],
        description="text signals the model may fire when the phrases did not",
    )
    thresholds: dict[str, float] = Field(
        default_factory=dict,
        description="a municipality's thresholds (0-1) instead of the trained ones",
    )
    guard_thresholds: dict[str, float] = Field(
        default_factory=dict,
        description="thresholds where the signal alone would refuse the request (a party's own "
        "case, the old bar), instead of the trained ones; never below the plain threshold",
    )
    veto_signals: list[str] = Field(
        default_factory=lambda: ["T1", "T2"],
        description="text signals whose phrase hits the model may drop as false alarms",
    )
    vetoes: dict[str, float] = Field(
        default_factory=dict,
        description="a municipality's veto levels (0-1, 0 for none) instead of the trained ones",
    )
    targets: dict[str, list[str]] = Field(
        default_factory=dict,
        description="per signal, phrases one of which a sentence must hold before the model may "
        "fire the signal from it (T2 needs someone to expose)",
    )

    _targets_ok = field_validator("targets")(
        lambda values: {s: _check_phrases(p) for s, p in values.items()}
    )

    @field_validator("vetoes")
    @classmethod
    def _veto_levels(cls, values: dict[str, float]) -> dict[str, float]:
        for signal, value in values.items():
            if not 0 <= value < 1:
                raise ValueError(f"{signal}: a veto level is a probability from 0 to below 1")
        return values

    @field_validator("thresholds", "guard_thresholds")
    @classmethod
    def _probabilities(cls, values: dict[str, float]) -> dict[str, float]:
        for signal, value in values.items():
            if not 0 < value <= 1:
                raise ValueError(f"{signal}: a threshold is a probability above 0 and at most 1")
        return values


class ScreeningSpec(_Strict):
    id: str
    version: str
    effective_from: date
    risk: RiskSpec
    vocabulary: dict[str, str] = Field(
        default_factory=dict, description="named word lists, used in phrases as @name"
    )
    negations: list[str] = Field(default_factory=list)
    negation_window: int = Field(default=2, ge=0, le=10)
    signals: dict[str, SignalSpec]
    case_phrases: list[str]
    ignore_quoted_text: bool = Field(
        default=True, description="words in quotation marks are reported speech, not signals"
    )
    identity_only_phrases: list[str] = Field(
        default_factory=list, description="words saying the request wants nothing but identity"
    )
    reported_phrases: list[str] = Field(
        default_factory=list,
        description="words saying a sentence reports what others did or said; the text "
        "signals do not fire in such a sentence",
    )
    gdpr: GdprSpec
    objections: ObjectionSpec
    sentence_model: SentenceModelSpec = Field(default_factory=SentenceModelSpec)

    _phrases_ok = field_validator("case_phrases", "identity_only_phrases", "reported_phrases")(
        _check_phrases
    )

    @model_validator(mode="after")
    def _model_signals_known(self) -> ScreeningSpec:
        model = self.sentence_model
        named = [*model.signals, *model.thresholds, *model.guard_thresholds, *model.targets]
        for signal in [*named, *model.veto_signals, *model.vetoes]:
            spec = self.signals.get(signal)
            if spec is None or spec.kind != "text":
                raise ValueError(f"sentence_model: {signal} is not a text signal of this rule set")
        return self

    @model_validator(mode="after")
    def _vocabulary_known(self) -> ScreeningSpec:
        phrases = [
            *self.case_phrases,
            *self.identity_only_phrases,
            *self.reported_phrases,
            *self.gdpr.invokes,
            *self.gdpr.own_data,
            *self.gdpr.case_documents,
            *self.objections.reasoned,
        ]
        for signal in self.signals.values():
            phrases += [*signal.all_phrases, *signal.journalist_exempt_phrases]
        for targets in self.sentence_model.targets.values():
            phrases += targets
        for phrase in phrases:
            try:
                parse_phrase(phrase, self.vocabulary)
            except PhraseSyntaxError as exc:
                raise ValueError(str(exc)) from None
        return self


class Condition(_Strict):
    """When an outcome row applies; every given field must hold."""

    risk: list[Risk] | None = None
    signals_any: list[str] | None = None
    identity_only: bool | None = None
    objection: bool | None = None


class OutcomeRow(_Strict):
    when: Condition = Field(default_factory=Condition)
    recommendation: Recommendation
    withhold_all_staff: bool = False
    basis: str | None = Field(default=None, description="key into the rule set's labels")
    reason: str = Field(default="", description="why, for the decision letter")


class RuleSet(_Strict):
    id: str
    version: str
    effective_from: date
    regime: Regime
    case_kind: CaseKind | None = None
    title: str
    labels: dict[str, str]
    law_texts: dict[str, str] = Field(default_factory=dict)
    outcomes: list[OutcomeRow] = Field(min_length=1)
    threatened_staff_basis: str = Field(description="label key for staff named in a threat")
    objecting_staff_basis: str | None = None
    private_basis: str
    keep_parties: bool = False

    def refusing_signals(self) -> frozenset[str]:
        """Signals whose firing alone makes an outcome row refuse ("refuse if T1")."""
        return frozenset(
            signal
            for row in self.outcomes
            if row.recommendation == "refuse"
            for signal in row.when.signals_any or []
        )

    @model_validator(mode="after")
    def _labels_known(self) -> RuleSet:
        keys = [row.basis for row in self.outcomes if row.basis]
        keys += [self.threatened_staff_basis, self.private_basis]
        if self.objecting_staff_basis:
            keys.append(self.objecting_staff_basis)
        missing = sorted({k for k in keys if k not in self.labels})
        if missing:
            raise ValueError(f"labels missing for: {', '.join(missing)}")
        if self.outcomes[-1].when != Condition():
            raise ValueError("the last outcome row must apply always (when: {})")
        return self


_CLOSED_DAY = re.compile(r"^(\d{4}-)?\d{2}-\d{2}$")


class Deadlines(_Strict):
    working_days: int = Field(default=7, ge=1)
    gdpr_months: int = Field(default=1, ge=1)
    closed_days: list[str] = Field(
        default_factory=list, description="YYYY-MM-DD once, or MM-DD every year"
    )

    @field_validator("closed_days")
    @classmethod
    def _dates(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _CLOSED_DAY.match(str(value)):
                raise ValueError(f"{value!r} is not YYYY-MM-DD or MM-DD")
            parts = str(value).split("-")
            year = int(parts[0]) if len(parts) == 3 else 2024  # a leap year accepts 02-29
            try:
                date(year, int(parts[-2]), int(parts[-1]))
            except ValueError:
                raise ValueError(f"{value!r} is not a real date") from None
        return values


class Municipality(_Strict):
    name: str
    department: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    signature: str = ""


class Complaint(_Strict):
    body: str
    time_limit: str
    how: str


class Letters(_Strict):
    grant: str
    decision: str


class RuleBook(_Strict):
    """Everything the engine needs: signals, rule sets, deadlines, letters and the municipality."""

    screening: ScreeningSpec
    rule_sets: dict[str, RuleSet]
    deadlines: Deadlines = Field(default_factory=Deadlines)
    municipality: Municipality
    complaints: dict[Regime, Complaint]
    letters: Letters
    sources: list[str] = Field(default_factory=list, description="files read, in order")

    @model_validator(mode="after")
    def _ids_match(self) -> RuleBook:
        for key, rule_set in self.rule_sets.items():
            if key != rule_set.id:
                raise ValueError(f"rule set under key {key!r} has id {rule_set.id!r}")
        return self
