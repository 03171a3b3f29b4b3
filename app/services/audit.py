"""Append-only audit log, hash-chained: hash = SHA-256(prev_hash + canonical JSON of entry).

Appenders serialise on the single ``audit_head`` row (its UPDATE takes the write lock on
SQLite and a row lock on PostgreSQL), so the chain never forks under concurrency.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from app.models._base import utcnow
from app.models.audit import GENESIS_HASH, AuditEvent, AuditHead
from app.services.principals import Principal

_BATCH = 1000


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite hands datetimes back without a zone; we store UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_entry(event: AuditEvent) -> bytes:
    """The entry as canonical JSON (sorted keys, no spaces, UTF-8): what the hash covers."""
    entry = {
        "seq": event.seq,
        "at": _iso(event.at),
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "details": event.details,
    }
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_entry(event)).hexdigest()


def record(
    session: Session,
    actor: Principal | str,
    action: str,
    entity: str,
    entity_id: object,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one entry in the caller's transaction (it commits with the state change)."""
    session.execute(
        update(AuditHead).where(col(AuditHead.id) == 1).values(seq=col(AuditHead.seq) + 1)
    )
    seq, prev_hash = session.execute(
        select(col(AuditHead.seq), col(AuditHead.hash)).where(col(AuditHead.id) == 1)
    ).one()
    event = AuditEvent(
        seq=seq,
        at=utcnow(),
        actor=actor.actor if isinstance(actor, Principal) else actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        details=json.loads(json.dumps(details or {}, default=str)),
        prev_hash=prev_hash,
        hash="",
    )
    event.hash = chain_hash(prev_hash, event)
    session.add(event)
    session.execute(update(AuditHead).where(col(AuditHead.id) == 1).values(hash=event.hash))
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""


def _events(session: Session) -> Iterator[AuditEvent]:
    last = 0
    while True:
        query = sm_select(AuditEvent).where(AuditEvent.seq > last)
        batch = session.exec(query.order_by(AuditEvent.seq).limit(_BATCH)).all()  # type: ignore[arg-type]
        if not batch:
            return
        yield from batch
        last = batch[-1].seq
        session.expunge_all()


def verify_chain(session: Session) -> ChainReport:
    """Walk the log in order; report the first entry whose link or hash does not hold."""
    prev_hash, expected_seq = GENESIS_HASH, 1
    for event in _events(session):
        if event.seq != expected_seq:
            return ChainReport(False, expected_seq - 1, expected_seq, "entry missing")
        if event.prev_hash != prev_hash:
            return ChainReport(False, event.seq - 1, event.seq, "link to previous entry broken")
        if chain_hash(prev_hash, event) != event.hash:
            return ChainReport(False, event.seq - 1, event.seq, "entry altered (hash mismatch)")
        prev_hash, expected_seq = event.hash, expected_seq + 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.seq != expected_seq - 1 or head.hash != prev_hash):
        return ChainReport(False, expected_seq - 1, expected_seq, "newest entries removed")
    return ChainReport(True, expected_seq - 1)
