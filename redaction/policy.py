"""What to withhold in one release: the people to protect, the people to keep, and the labels.

The redaction library receives this object and nothing else about the law; the service
builds it from the screening result and the rule set (``rules/``), so every legal-basis
label printed in a box comes from the rule files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StaffMember:
    """One row of the staff register (CONTRACT.md's staff CSV)."""

    name: str
    initials: str = ""
    email: str = ""
    phone: str = ""
    title: str = ""
    department: str = ""
    leading: bool = False

    @property
    def key(self) -> str:
        """Initials where the register has them, else the name (CONTRACT.md's staff key)."""
        return self.initials or self.name


@dataclass(frozen=True)
class PrivatePerson:
    """A citizen known from the case: a party or the requester."""

    name: str
    cpr: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Policy:
    """The redaction policy for one release.

    - ``staff``: the whole register; every member is recognised (so a kept caseworker is
      never mistaken for a private person), but only those in ``withheld_staff`` lose
      their identity (name in any form, initials, work e-mail, direct phone, photo).
    - ``withheld_staff``: staff key (initials, or name where no initials) -> legal-basis label.
    - ``parties``: the parties of the case; withheld with ``private_basis`` unless
      ``keep_parties`` (a party's own-case access), in which case they are kept.
    - ``requester``: always kept, wherever their identifiers appear.
    - ``private_basis``: label for private matters of anyone (staff home address, other
      private persons, CPR numbers that are not kept).
    - ``labels``: optional per-category overrides of the label (category -> label).
    """

    staff: tuple[StaffMember, ...] = ()
    withheld_staff: Mapping[str, str] = field(default_factory=dict)
    parties: tuple[PrivatePerson, ...] = ()
    keep_parties: bool = False
    requester: PrivatePerson | None = None
    private_basis: str = "OFL § 30, nr. 1"
    labels: Mapping[str, str] = field(default_factory=dict)

    def staff_basis(self, member: StaffMember) -> str | None:
        """The label under which ``member`` is withheld, or None when they are kept."""
        return self.withheld_staff.get(member.initials) or self.withheld_staff.get(member.name)

    def label_for(self, category: str, default: str | None = None) -> str:
        """The label for a category: an explicit override, else ``default``, else private_basis."""
        return self.labels.get(category) or default or self.private_basis
