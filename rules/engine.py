"""Request -> Assessment: signals, risk, regime, outcome row, withheld staff and deadline."""

from __future__ import annotations

from dataclasses import dataclass

from rules.loader import default_rulebook
from rules.models import Assessment, FiredSignal, Risk, ScreeningRequest
from rules.regime import choose_regime, choose_rule_set, objection_is_reasoned
from rules.schema import Condition, OutcomeRow, RuleBook, RuleSet
from rules.signals import compile_screening, evaluate_signals, incidents_on_record, risk_of
from rules.textmatch import tokenize
from rules.workdays import WorkingCalendar

IDENTITY_SIGNAL = "F1"


@dataclass(frozen=True)
class OutcomeFacts:
    """What the outcome rows of a rule set may test."""

    risk: Risk
    signal_ids: frozenset[str]
    identity_only: bool
    objection: bool

    @classmethod
    def of(cls, assessment: Assessment) -> OutcomeFacts:
        return cls(
            assessment.risk,
            frozenset(s.id for s in assessment.signals),
            assessment.asks_only_staff_identity,
            bool(assessment.objecting_staff),
        )

    def satisfy(self, condition: Condition) -> bool:
        signals = condition.signals_any
        return (
            (condition.risk is None or self.risk in condition.risk)
            and (signals is None or not self.signal_ids.isdisjoint(signals))
            and (condition.identity_only is None or condition.identity_only == self.identity_only)
            and (condition.objection is None or condition.objection == self.objection)
        )


def outcome_row(rule_set: RuleSet, facts: OutcomeFacts) -> OutcomeRow:
    """The first outcome row of ``rule_set`` whose condition the facts satisfy."""
    for row in rule_set.outcomes:
        if facts.satisfy(row.when):
            return row
    raise AssertionError("the last outcome row always applies")  # guaranteed by RuleSet


def _unique(keys: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for key in keys:
        seen.setdefault(key.casefold(), key)
    return list(seen.values())


def screen(request: ScreeningRequest, book: RuleBook | None = None) -> Assessment:
    """Screen one request against the rule book (the shipped defaults when none is given)."""
    book = book or default_rulebook()
    compiled = compile_screening(book.screening)
    regime, is_party = choose_regime(request, compiled)
    rule_set = choose_rule_set(book, regime, request.case.kind, request.received)
    signals: list[FiredSignal] = evaluate_signals(request, compiled, rule_set.refusing_signals())
    risk = risk_of(signals, book.screening.risk)

    signal_ids = {s.id for s in signals}
    tokens = tokenize(request.text)
    # Identity only: F1 fired and the request does not ask for anything of the case ("send
    # mig sagen", "aktindsigt i afgørelsen"), or says outright that it wants nothing else
    # ("ikke andet"). A case merely named ("navnene på dem der har min sag") is not asked for.
    asks_for_case = compiled.case.any_in(request.text, tokens)
    identity_only = IDENTITY_SIGNAL in signal_ids and (
        compiled.identity_only.any_in(request.text, tokens) or not asks_for_case
    )
    objecting = (
        [o.staff for o in request.case.objections if objection_is_reasoned(o, compiled)]
        if rule_set.objecting_staff_basis
        else []
    )
    row = outcome_row(
        rule_set, OutcomeFacts(risk, frozenset(signal_ids), identity_only, bool(objecting))
    )

    threat_spec = next(
        (
            s
            for s in book.screening.signals.values()
            if s.kind == "incident" and s.incident_kind == "threat"
        ),
        None,
    )
    lookback = threat_spec.lookback_months if threat_spec else 24
    threatened = _unique(
        [
            staff
            for incident in incidents_on_record(
                request.history.incidents, "threat", request.received, lookback
            )
            for staff in incident.staff
        ]
    )

    refused = row.recommendation == "refuse"
    withheld = [] if refused else _unique([*threatened, *objecting])
    bases: list[str] = []
    if row.basis:
        bases.append(rule_set.labels[row.basis])
    if not refused and threatened:
        bases.append(rule_set.labels[rule_set.threatened_staff_basis])
    if not refused and objecting and rule_set.objecting_staff_basis:
        bases.append(rule_set.labels[rule_set.objecting_staff_basis])

    calendar = WorkingCalendar(book.deadlines.closed_days)
    deadline = (
        calendar.add_months(request.received, book.deadlines.gdpr_months)
        if regime == "databeskyttelse"
        else calendar.add_working_days(request.received, book.deadlines.working_days)
    )
    return Assessment(
        regime=regime,
        risk=risk,
        recommendation=row.recommendation,
        withhold_all_staff=row.withhold_all_staff,
        withheld_staff=withheld,
        legal_basis=list(dict.fromkeys(bases)),
        signals=signals,
        deadline=deadline,
        rule_set=rule_set.id,
        is_party=is_party,
        asks_only_staff_identity=identity_only,
        objecting_staff=objecting,
        threatened_staff=threatened,
    )
