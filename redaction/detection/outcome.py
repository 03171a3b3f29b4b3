"""Who a finding concerns and what the policy does with it: withhold (category + label) or keep.

The policy alone decides (DOMAIN.md's redaction table): the requester is always kept;
withheld staff lose name, initials, e-mail, phone and photo under their own label; kept staff
are recognised and kept; parties are withheld under the private label unless the release is
the party's own access; everyone else's private data is withheld under the private label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redaction.detection.people_index import PeopleIndex
from redaction.policy import Policy
from redaction.types import Category

# What was found -> the category for a withheld staff member, a party, anyone else.
_CATEGORIES: dict[str, tuple[Category, Category, Category]] = {
    "name": ("staff_name", "party_name", "person_name"),
    "initials": ("staff_initials", "party_name", "person_name"),
    "email": ("staff_email", "party_email", "email"),
    "phone": ("staff_phone", "party_phone", "phone"),
    "cpr": ("cpr", "party_cpr", "cpr"),
    "address": ("address", "party_address", "address"),
    "photo": ("staff_photo", "photo", "photo"),
}


@dataclass(frozen=True)
class Outcome:
    """Withhold (``category`` and ``label`` set) or keep (``kept_as`` set), about ``person``."""

    person: str
    category: Category | None = None
    label: str = ""
    kept_as: str = ""
    reason: str = ""

    @property
    def withheld(self) -> bool:
        """True when the finding is to be redacted."""
        return self.category is not None


def private(policy: Policy, what: str, person: str = "") -> Outcome:
    """The outcome for a private person who is not named in the policy."""
    category = _CATEGORIES[what][2]
    return Outcome(person, category, policy.label_for(category))


def decide(policy: Policy, index: PeopleIndex, people: Sequence[int], what: str) -> Outcome:
    """The outcome for a finding that may be any of ``people`` (indices into ``index``).

    Order: the requester is kept; a withheld staff member is withheld; a party follows
    ``keep_parties``; a staff member who is not withheld is kept. A staff member's CPR or
    home address is a private matter and withheld under the private label.
    """
    persons = [index.people[i] for i in people]
    staff_cat, party_cat, _ = _CATEGORIES[what]
    for person in persons:
        if person.kind == "requester":
            return Outcome(person.key, kept_as="requester", reason="anmoderens egne oplysninger")
    for person in persons:
        if person.kind == "staff" and person.staff is not None:
            basis = policy.staff_basis(person.staff)
            if what in ("cpr", "address"):
                return Outcome(person.key, staff_cat, policy.label_for(staff_cat))
            if basis:
                return Outcome(person.key, staff_cat, basis)
    for person in persons:
        if person.kind == "party":
            if policy.keep_parties:
                return Outcome(person.key, kept_as="party", reason="partens egen sag")
            return Outcome(person.key, party_cat, policy.label_for(party_cat))
    key = persons[0].key if persons else ""
    return Outcome(key, kept_as="staff", reason="medarbejder, hvis identitet ikke undtages")
