"""Build the redaction library's Policy for one release from the screening result.

The request, its assessment, the staff register and the rule book go in; rules.redaction_plan
decides who is withheld under which label (so every label comes from the rule files), and
this module maps the plan onto ``redaction.Policy``. The CLI and the web service share it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.policy import Policy, PrivatePerson, StaffMember
from rules import Assessment, RedactionPlan, RuleBook, ScreeningRequest, redaction_plan
from rules.textmatch import fold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReleasePolicy:
    """The plan (release or refusal, labels) and the policy to redact with."""

    plan: RedactionPlan
    policy: Policy

    @property
    def release(self) -> bool:
        """False for a refusal: nothing is released, no document is written."""
        return self.plan.release


def _person(
    name: str,
    cpr: str | None,
    address: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> PrivatePerson:
    return PrivatePerson(
        name=name, cpr=cpr or "", address=address or "", phone=phone or "", email=email or ""
    )


def _is_staff(name: str, staff: Sequence[StaffMember]) -> bool:
    folded = fold(" ".join(name.split()))
    return any(fold(member.name) == folded for member in staff)


def build_policy(
    request: ScreeningRequest,
    assessment: Assessment,
    staff: Sequence[StaffMember],
    book: RuleBook,
) -> ReleasePolicy:
    """The policy for releasing the documents of ``request`` after ``assessment``.

    In a personnel case the employee whose case it is counts as staff, not as a party:
    their name and position follow the staff rules (kept unless withheld, e.g. after a
    reasoned objection), while their CPR, private address and private phone are redacted
    as private matters like any other private person's.
    """
    plan = redaction_plan(assessment, staff, book)
    parties = []
    for party in request.case.parties:
        if request.case.kind == "personale" and _is_staff(party.name, staff):
            log.debug("personnel case: %s is treated as staff", party.name)
            continue
        parties.append(_person(party.name, party.cpr, party.address, party.phone, party.email))
    requester = request.requester
    policy = Policy(
        staff=tuple(staff),
        withheld_staff=dict(plan.withheld_staff),
        parties=tuple(parties),
        keep_parties=plan.keep_parties,
        requester=_person(
            requester.name, requester.cpr, requester.address, requester.phone, requester.email
        ),
        private_basis=plan.private_basis,
    )
    return ReleasePolicy(plan=plan, policy=policy)
