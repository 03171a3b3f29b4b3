"""Who is calling: an API key (system) or a logged-in user, with a role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Role -> what it may do. Reading requests, documents and packages is open to every role.
PERMISSIONS: dict[str, frozenset[str]] = {
    "staff:write": frozenset({"admin", "integration"}),
    "request:write": frozenset({"clerk", "admin", "integration"}),
    "document:write": frozenset({"clerk", "admin", "integration"}),
    "decision:write": frozenset({"clerk", "caseworker", "admin", "integration"}),
    "original:read": frozenset({"caseworker", "admin"}),
    "read": frozenset({"clerk", "caseworker", "admin", "integration"}),
}


@dataclass(frozen=True)
class Principal:
    kind: Literal["api_key", "user", "system"]
    id: int
    name: str
    role: str

    @property
    def actor(self) -> str:
        """How the audit log names this principal."""
        return f"{self.kind}:{self.id}:{self.name}"

    def may(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


SYSTEM = Principal(kind="system", id=0, name="worker", role="admin")
