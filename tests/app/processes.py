"""Run `aktindsigt` commands as separate processes on a test's store."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.settings import Settings
from tests.app.factories import SECRET

ROOT = Path(__file__).resolve().parents[2]


def service_env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKTINDSIGT_")}
    env.update(
        AKTINDSIGT_DATA_DIR=str(settings.data_dir),
        AKTINDSIGT_SECRET_KEY=SECRET,
        AKTINDSIGT_JOB_LEASE_SECONDS=str(settings.job_lease_seconds),
        PYTHONPATH=str(ROOT),
    )
    if settings.database_url:
        env["AKTINDSIGT_DATABASE_URL"] = settings.database_url
    if settings.queue_url and settings.queue_url != "immediate":
        env["AKTINDSIGT_QUEUE_URL"] = settings.queue_url
    env.update(extra)
    return env


def aktindsigt(
    settings: Settings, *args: str, stdin: str = "", **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=service_env(settings, **extra),
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    log: Path


def start(settings: Settings, *args: str, **extra: str) -> Running:
    """A long-running command in its own process group (so it can be killed whole); its
    stderr goes to a file (a pipe nobody reads would fill up and block it)."""
    log = settings.data_dir / f"{args[0]}-{time.monotonic_ns()}.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", *args],
            env=service_env(settings, **extra),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    return Running(process, log)


def stop(running: Running, sig: int = signal.SIGTERM) -> str:
    """Stop the process group; returns what it wrote on stderr (for failure messages)."""
    process = running.process
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return running.log.read_text("utf-8", "replace")[-3000:] if running.log.is_file() else ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
