"""The assessment turned into what the redaction must withhold, with labels from the rule set.

The redaction library has its own policy type; the service maps this plan onto it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from rules.models import Assessment
from rules.schema import RuleBook
from rules.textmatch import fold


class StaffLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def initials(self) -> str: ...
    @property
    def leading(self) -> bool: ...


class RedactionPlan(BaseModel):
    """Who loses their identity under which label, and whether the parties are kept."""

    release: bool = Field(description="False for a refusal: nothing is released")
    withheld_staff: dict[str, str] = Field(
        default_factory=dict, description="staff key (initials, else name) -> legal-basis label"
    )
    keep_parties: bool
    private_basis: str
    rule_set: str


def _refers_to(key: str, member: StaffLike) -> bool:
    folded = fold(key.strip())
    return folded in {fold(member.initials), fold(member.name)} - {""}


def redaction_plan(
    assessment: Assessment, staff: Sequence[StaffLike], book: RuleBook
) -> RedactionPlan:
    """Apply the assessment to the staff register.

    - ``withhold_all_staff``: every non-leading member, under the outcome's basis;
    - staff named in a threat on record (leaders too) and employees with a reasoned
      objection, under their own labels, whether or not the above covers them.
    """
    rule_set = book.rule_sets[assessment.rule_set]
    release = assessment.recommendation != "refuse"
    withheld: dict[str, str] = {}
    if release:
        if assessment.withhold_all_staff:
            basis = assessment.legal_basis[0] if assessment.legal_basis else ""
            for member in staff:
                if not member.leading:
                    withheld[member.initials or member.name] = basis
        named = [
            (assessment.threatened_staff, rule_set.labels[rule_set.threatened_staff_basis]),
            (assessment.objecting_staff, rule_set.labels.get(rule_set.objecting_staff_basis or "")),
        ]
        for keys, label in named:
            for key in keys:
                found = next((m for m in staff if _refers_to(key, m)), None)
                staff_key = (found.initials or found.name) if found else key
                withheld.setdefault(staff_key, label or "")
    return RedactionPlan(
        release=release,
        withheld_staff=withheld,
        keep_parties=rule_set.keep_parties and assessment.is_party,
        private_basis=rule_set.labels[rule_set.private_basis],
        rule_set=rule_set.id,
    )
