"""The document job: claim, redact into a temporary file, store by hash, record the result.

Killed at any point, it leaves no half-written output (the file is renamed into the store
only when complete) and no half-recorded result (one transaction); the sweeper re-queues
the document when the lease runs out, and the retry finishes it once.
"""

from __future__ import annotations

import logging
import threading
import time

from app.db import session_scope
from app.jobs.redaction_step import RedactionOutcome, redact_document
from app.models.redaction import ProposedRedaction
from app.services import documents as document_service
from app.services.documents import PageInfo, ProcessingResult
from app.services.release_inputs import job_inputs
from app.settings import Settings
from app.storage import BlobStore
from redaction.errors import RedactionError

log = logging.getLogger(__name__)
HEARTBEAT_EVERY = 0.5  # seconds between progress writes (at most)


class _Heartbeat:
    """Records progress and keeps the lease alive from a thread, so that long pages (OCR)
    and the burn-in phase, which report no progress, never let the lease run out."""

    def __init__(self, settings: Settings, document_id: int, token: str) -> None:
        self.settings, self.document_id, self.token = settings, document_id, token
        self.done, self.total, self.lost = 0, 0, False
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"heartbeat-{document_id}")

    def __call__(self, done: int, total: int) -> None:
        """The library's progress callback."""
        self.done, self.total = done, total
        if self.lost:
            raise LostClaim(f"document {self.document_id}: another worker took over")

    def __enter__(self) -> _Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stopped.set()
        self.thread.join()

    def _run(self) -> None:
        interval = min(HEARTBEAT_EVERY, self.settings.job_lease_seconds / 3)
        written = (-1, -1)
        last_write = time.monotonic()
        while not self.stopped.wait(interval):
            lease_due = time.monotonic() - last_write > self.settings.job_lease_seconds / 3
            if (self.done, self.total) == written and not lease_due:
                continue
            written, last_write = (self.done, self.total), time.monotonic()
            try:
                with session_scope(self.settings) as session:
                    self.lost = not document_service.heartbeat(
                        session,
                        self.document_id,
                        self.token,
                        self.done,
                        self.total,
                        self.settings.job_lease_seconds,
                    )
            except Exception:  # a missed heartbeat is not fatal; the lease has slack
                log.exception("document %s: heartbeat failed", self.document_id)
            if self.lost:
                return


class LostClaim(Exception):
    """The lease ran out and another worker owns the document now."""


def process_document(settings: Settings, document_id: int) -> None:
    """Process one document (job entry point; huey retries it on unexpected errors)."""
    with session_scope(settings) as session:
        token = document_service.claim(session, document_id, settings.job_lease_seconds)
    if token is None:
        log.info("document %s: done already or held by a live worker; nothing to do", document_id)
        return
    store = BlobStore(settings.files_dir)
    try:
        with session_scope(settings) as session:
            inputs = job_inputs(session, document_id)
        with store.temp_path(".pdf") as tmp:
            with _Heartbeat(settings, document_id, token) as heartbeat:
                outcome = redact_document(
                    store.path(inputs.source_sha256), tmp, inputs.policy, heartbeat
                )
            stored = store.adopt(tmp) if outcome.written else None
    except LostClaim:
        log.warning("document %s: claim lost; leaving it to the new holder", document_id)
        return
    except RedactionError as exc:
        with session_scope(settings) as session:
            document_service.fail(session, document_id, token, exc.message)
        return
    except Exception:
        _after_crash(settings, document_id, token)
        raise
    result = _result(outcome, stored.sha256 if stored else None)
    with session_scope(settings) as session:
        if not document_service.complete(session, document_id, token, result):
            log.warning("document %s: claim lost before the result was stored", document_id)


def _after_crash(settings: Settings, document_id: int, token: str) -> None:
    """Release the claim for huey's retry, or fail for good after the last attempt."""
    log.exception("document %s: processing failed", document_id)
    with session_scope(settings) as session:
        document = document_service.get_document(session, document_id)
        if document.attempts > settings.job_retries:
            document_service.fail(
                session, document_id, token, "Teknisk fejl under behandlingen; prøv igen senere"
            )
        else:
            document_service.release(session, document_id, token, settings.job_retry_delay)


def _result(outcome: RedactionOutcome, output_sha256: str | None) -> ProcessingResult:
    redactions = [
        ProposedRedaction(
            document_id=0,
            page=r.page,
            x0=r.bbox[0],
            top=r.bbox[1],
            x1=r.bbox[2],
            bottom=r.bbox[3],
            category=r.category,
            text=r.text,
            legal_basis=r.legal_basis,
            source=r.source,
            person=r.person,
        )
        for r in outcome.proposals
    ]
    status = "withheld" if not outcome.written else ("partial" if redactions else "full")
    pages = [PageInfo(i, w, h) for i, (w, h) in enumerate(outcome.pages, start=1)]
    return ProcessingResult(pages, redactions, output_sha256, status)
