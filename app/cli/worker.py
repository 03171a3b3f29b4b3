"""`aktindsigt worker`: run job consumers (on this or any machine sharing the store)."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import signal

from app.db import migrate
from app.jobs.queue import get_queue
from app.settings import get_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("worker", help="process queued documents until stopped")
    parser.add_argument("--workers", type=int, default=1, help="worker threads or processes")
    parser.add_argument(
        "--processes", action="store_true", help="use processes instead of threads (CPU bound)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    logging.getLogger().setLevel(logging.INFO)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1` shows the stacks
    settings = get_settings()
    migrate(settings)
    consumer = get_queue(settings).consumer(
        max(1, args.workers), "process" if args.processes else "thread", embedded=False
    )
    consumer.run()  # handles SIGTERM/SIGINT itself; the sweeper stops with it
    return 0
