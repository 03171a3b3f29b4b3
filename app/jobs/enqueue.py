"""Enqueue jobs when (and only when) the session's transaction commits."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession

log = logging.getLogger(__name__)
_PENDING = "pending_jobs"


def enqueue_after_commit(session: OrmSession, task: str, *args: Any) -> None:
    """Remember a job; it is sent after this session commits, dropped if it rolls back."""
    session.info.setdefault(_PENDING, []).append((task, args))


@event.listens_for(OrmSession, "after_commit")
def _send_pending(session: OrmSession) -> None:
    pending = session.info.pop(_PENDING, [])
    if not pending:
        return
    from app.jobs.queue import get_queue  # the queue imports the job modules

    queue = get_queue(session.info["settings"])
    for task, args in pending:
        try:
            queue.enqueue(task, *args)
        except Exception:  # the stale-job sweep picks it up later
            log.exception("could not enqueue %s%r; the sweep will retry it", task, args)


@event.listens_for(OrmSession, "after_rollback")
def _drop_pending(session: OrmSession) -> None:
    session.info.pop(_PENDING, None)
