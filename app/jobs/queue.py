"""The huey instance for the configured queue, its tasks, and the consumers that run them."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey
from huey.consumer import Consumer
from sqlalchemy.orm import configure_mappers

from app.settings import Settings
from app.storage import BlobStore

log = logging.getLogger(__name__)
_queues: dict[tuple[str, str, str], JobQueue] = {}
_lock = threading.Lock()
POLL_MAX_DELAY = 0.5  # seconds


class JobQueue:
    """A huey instance with this service's tasks registered by name."""

    def __init__(self, settings: Settings) -> None:
        from app.jobs import documents, webhooks

        self.settings = settings
        self.huey = _make_huey(settings)
        self.tasks: dict[str, Callable[..., Any]] = {}
        self._register("process_document", documents.process_document, settings.job_retries)
        self._register("send_webhook", webhooks.send_webhook, settings.webhook_retries)

    def _register(self, name: str, job: Callable[..., None], retries: int) -> None:
        settings = self.settings
        delay = settings.webhook_retry_delay if name == "send_webhook" else settings.job_retry_delay

        def run(*args: Any) -> None:
            job(settings, *args)

        run.__name__ = name
        self.tasks[name] = self.huey.task(retries=retries, retry_delay=delay, name=name)(run)

    def enqueue(self, name: str, *args: Any) -> None:
        self.tasks[name](*args)

    def consumer(
        self, workers: int, worker_type: str = "thread", embedded: bool = True
    ) -> _Consumer:
        """Consumers poll an idle SQLite queue at most every half second (Redis blocks).

        The stale-job sweeper starts only once the workers are running: forking while
        another thread holds a lock (SQLAlchemy's mapper mutex, a pool lock) would leave the
        child waiting for it forever."""
        configure_mappers()
        return _Consumer(
            self.huey,
            sweeper=StaleJobSweeper(self.settings),
            embedded=embedded,
            workers=workers,
            worker_type=worker_type,
            periodic=False,
            initial_delay=0.05,
            backoff=1.2,
            max_delay=POLL_MAX_DELAY,
        )


class _Consumer(Consumer):
    """A huey consumer that runs the sweeper beside its workers. Embedded in the service it
    leaves signal handling to uvicorn."""

    def __init__(self, huey: Huey, sweeper: StaleJobSweeper, embedded: bool, **options: Any):
        super().__init__(huey, **options)
        self.sweeper, self.embedded = sweeper, embedded

    def start(self) -> None:
        super().start()  # forks the worker processes (if any) first
        self.sweeper.start()

    def stop(self, graceful: bool = False) -> None:
        self.sweeper.stopped.set()
        super().stop(graceful)

    def _set_signal_handlers(self) -> None:
        if not self.embedded:
            super()._set_signal_handlers()


def _make_huey(settings: Settings) -> Huey:
    url = settings.queue_url
    if url == "immediate":
        return Huey(settings.queue_name, results=False, immediate=True)
    if url:
        return RedisHuey(settings.queue_name, url=url, results=False)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        settings.queue_name, filename=str(settings.data_dir / "queue.db"), results=False, timeout=30
    )


def get_queue(settings: Settings) -> JobQueue:
    """One queue object per (queue URL, data dir) in this process."""
    key = (settings.queue_url or "", str(settings.data_dir.resolve()), settings.queue_name)
    with _lock:
        queue = _queues.get(key)
        if queue is None:
            queue = _queues[key] = JobQueue(settings)
        return queue


def _after_fork_in_child() -> None:
    global _lock
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def forget_queues() -> None:
    """Drop cached queues (tests)."""
    with _lock:
        _queues.clear()


class StaleJobSweeper(threading.Thread):
    """Re-enqueues documents whose worker died (expired lease) or whose job was lost."""

    def __init__(self, settings: Settings, interval: float | None = None) -> None:
        super().__init__(name="stale-job-sweeper", daemon=True)
        self.settings = settings
        self.interval = interval or max(1.0, settings.job_lease_seconds / 2)
        self.stopped = threading.Event()

    def run(self) -> None:
        BlobStore(self.settings.files_dir).clean_tmp()
        while True:
            sweep(self.settings)
            if self.stopped.wait(self.interval):
                return


def sweep(settings: Settings) -> list[int]:
    """One pass of the sweeper; returns the document ids enqueued again."""
    from app.db import session_scope
    from app.services.documents import stale_documents

    try:
        with session_scope(settings) as session:
            ids = stale_documents(session, settings.job_lease_seconds)
        queue = get_queue(settings)
        for document_id in ids:
            log.warning("document %s: worker silent past its lease; queued again", document_id)
            queue.enqueue("process_document", document_id)
        return ids
    except Exception:
        log.exception("stale-job sweep failed")
        return []
