"""Which law governs a request, and which rule set of that law applies on the day of receipt.

The authority picks the regime itself, whatever the requester cites (DOMAIN.md).
"""

from __future__ import annotations

from datetime import date

from rules.models import Objection, Party, Regime, ScreeningRequest
from rules.schema import RuleBook, RuleSet
from rules.signals import CompiledScreening
from rules.textmatch import fold, tokenize


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(t.folded for t in tokenize(name))


def names_match(a: str, b: str) -> bool:
    """Same person by name: equal after folding, or same first and last name."""
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    return ka == kb or (ka[0] == kb[0] and ka[-1] == kb[-1])


def matching_party(request: ScreeningRequest) -> Party | None:
    """The party the requester is, if any.

    CPR decides where both sides have one (a differing CPR decides against, whatever the
    names); otherwise the name decides.
    """
    requester = request.requester
    for party in request.case.parties:
        if requester.cpr and party.cpr:
            if requester.cpr == party.cpr:
                return party
            continue
        if names_match(requester.name, party.name):
            return party
    return None


def asks_for_own_personal_data(text: str, compiled: CompiledScreening) -> bool:
    """The GDPR access right: the requester asks for their own personal data ("mine
    personoplysninger", "oplysninger om mig", art. 15) and not for a case's documents."""
    tokens = tokenize(text)
    return compiled.gdpr_own_data.any_in(text, tokens) and not (
        compiled.gdpr_case_documents.any_in(text, tokens)
    )


def choose_regime(request: ScreeningRequest, compiled: CompiledScreening) -> tuple[Regime, bool]:
    """The regime and whether the requester is a party of the case."""
    is_party = matching_party(request) is not None
    if asks_for_own_personal_data(request.text, compiled):
        return "databeskyttelse", is_party
    if is_party:
        return "forvaltningsloven", True
    return "offentlighedsloven", False


def choose_rule_set(book: RuleBook, regime: Regime, case_kind: str, received: date) -> RuleSet:
    """The newest rule set of ``regime`` in force on ``received``; a set made for the case's
    kind (personale) wins over a general one."""
    candidates = [
        rs
        for rs in book.rule_sets.values()
        if rs.regime == regime and rs.case_kind in (None, case_kind)
    ]
    if not candidates:
        raise LookupError(f"no rule set for regime {regime}")
    in_force = [rs for rs in candidates if rs.effective_from <= received]
    if not in_force:  # older than every set we ship: judge by the oldest we have
        return min(candidates, key=lambda rs: rs.effective_from)
    return max(in_force, key=lambda rs: (rs.case_kind is not None, rs.effective_from))


def objection_is_reasoned(objection: Objection, compiled: CompiledScreening) -> bool:
    """A reasoned objection names a concrete concern for the employee's safety; a general
    refusal or a mere disagreement with the requester is not enough (OFL § 21, stk. 3)."""
    reason = objection.reason
    if len(fold(reason).split()) < compiled.spec.objections.min_words:
        return False
    return compiled.objection_reasoned.any_in(reason)
