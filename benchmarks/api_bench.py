"""API benchmark against a real `aktindsigt serve` (uvicorn) on 127.0.0.1; prints figures.

    .venv/bin/python benchmarks/api_bench.py [--requests 3000] [--seconds 20]
        [--postgres-url postgresql://postgres@127.0.0.1:5432/postgres] [--skip-postgres]

For SQLite (embedded default) and PostgreSQL (a scratch database created and dropped here):
- GET /api/v1/requests/{id}: requests/s and p50/p95 latency with 8 concurrent keep-alive
  clients (target >= 200 req/s, p95 < 100 ms on 2 cores); bounded by --requests and --seconds;
- POST of a 100-page PDF: time until the 202 answer (target < 1 s);
- end to end, upload -> redacted PDF ready, with 1 and with 2 worker processes
  (`aktindsigt worker --processes`): one document's latency and four documents' total.
Load goes only to 127.0.0.1. Timings are noisy on these machines; compare within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app.factories import STAFF_CSV, pdf_bytes, request_json  # noqa: E402

SECRET = "bench-secret-" + "y" * 40
CONCURRENCY = 8


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(data_dir: Path, database_url: str | None, workers: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKTINDSIGT_")}
    env.update(
        AKTINDSIGT_DATA_DIR=str(data_dir),
        AKTINDSIGT_SECRET_KEY=SECRET,
        AKTINDSIGT_WORKERS=str(workers),
        PYTHONPATH=str(ROOT),
    )
    if database_url:
        env["AKTINDSIGT_DATABASE_URL"] = database_url
    return env


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.strip()


def _spawn(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def service(
    database_url: str | None, embedded_workers: int
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """A fresh store and `aktindsigt serve`; yields (base URL, API key, env)."""
    with tempfile.TemporaryDirectory(prefix="api-bench-") as folder:
        env = _env(Path(folder), database_url, embedded_workers)
        key = _cli(env, "apikey", "add", "bench")
        port = _free_port()
        process = _spawn(env, "serve", "--port", str(port))
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield base, key, env
        finally:
            _stop(process)


async def _load(base: str, key: str, path: str, total: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    remaining = total

    async def client() -> None:
        nonlocal remaining
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=10) as http:
            while remaining > 0 and time.monotonic() < deadline:
                remaining -= 1
                start = time.perf_counter()
                response = await http.get(path)
                latencies.append(time.perf_counter() - start)
                response.raise_for_status()

    await asyncio.gather(*(client() for _ in range(CONCURRENCY)))
    return latencies


def _setup_request(http: httpx.Client) -> int:
    http.post("/staff", content=STAFF_CSV.encode(), headers={"Content-Type": "text/csv"})
    request_id = http.post("/requests", json=request_json()).json()["id"]
    http.post(
        f"/requests/{request_id}/documents",
        files={"file": ("notat.pdf", pdf_bytes(pages=2), "application/pdf")},
    )
    return int(request_id)


def read_rate(label: str, database_url: str | None, total: int, seconds: float) -> None:
    with (
        service(database_url, 1) as (base, key, _env),
        httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}) as http,
    ):
        request_id = _setup_request(http)
        for _ in range(50):  # warm up
            http.get(f"/requests/{request_id}")
        start = time.perf_counter()
        latencies = asyncio.run(_load(base, key, f"/requests/{request_id}", total, seconds))
        elapsed = time.perf_counter() - start
        big = pdf_bytes(pages=100)
        upload_times = []
        for n in range(3):
            body = big + f"\n%{uuid.uuid4()}-{n}\n".encode()  # a new file each time
            t0 = time.perf_counter()
            answer = http.post(
                f"/requests/{request_id}/documents",
                files={"file": ("hundrede.pdf", body, "application/pdf")},
            )
            upload_times.append(time.perf_counter() - t0)
            assert answer.status_code == 202, answer.text
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p95 = latencies[int(len(latencies) * 0.95)] * 1000
    print(
        f"[{label}] GET /requests/{{id}}: {len(latencies)} requests in {elapsed:.1f} s = "
        f"{len(latencies) / elapsed:.0f} req/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"({CONCURRENCY} concurrent clients)"
    )
    print(
        f"[{label}] 100-page upload ({len(big) // 1024} KB) answered 202 in "
        f"{statistics.median(upload_times) * 1000:.0f} ms (median of 3)"
    )


def _wait_done(http: httpx.Client, ids: list[int], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = {http.get(f"/documents/{i}").json()["status"] for i in ids}
        if statuses <= {"done", "failed"}:
            assert statuses == {"done"}, statuses
            return
        time.sleep(0.05)
    raise TimeoutError("documents not processed in time")


def end_to_end(label: str, database_url: str | None, workers: int, pages: int) -> None:
    with service(database_url, 0) as (base, key, env):
        worker = _spawn(env, "worker", "--workers", str(workers), "--processes")
        try:
            with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}) as http:
                request_id = _setup_request(http)
                _wait_done(
                    http, [d["id"] for d in http.get(f"/requests/{request_id}").json()["documents"]]
                )
                results = []
                for batch in (4, 1, 4):  # the first batch warms up every worker process
                    t0 = time.perf_counter()
                    ids = [
                        http.post(
                            f"/requests/{request_id}/documents",
                            files={
                                "file": (
                                    f"d{n}.pdf",
                                    pdf_bytes(pages=pages) + f"%{uuid.uuid4()}".encode(),
                                    "application/pdf",
                                )
                            },
                        ).json()["id"]
                        for n in range(batch)
                    ]
                    _wait_done(http, ids)
                    for i in ids:
                        assert http.get(f"/documents/{i}/redacted.pdf").status_code == 200
                    results.append(time.perf_counter() - t0)
        finally:
            _stop(worker)
    print(
        f"[{label}] upload -> redacted PDF, {pages}-page documents, {workers} worker "
        f"process(es): 1 document {results[1]:.2f} s; 4 documents {results[2]:.2f} s "
        f"({4 * pages / results[2]:.0f} pages/s)"
    )


@contextmanager
def scratch_postgres(admin_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.settings import pg8000_url

    name = f"aktindsigt_bench_{os.getpid()}"
    admin = create_engine(pg8000_url(admin_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield (
            make_url(pg8000_url(admin_url)).set(database=name).render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="GETs per backend (max)")
    parser.add_argument("--seconds", type=float, default=20, help="time cap per backend")
    parser.add_argument("--pages", type=int, default=20, help="pages per end-to-end document")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "AKTINDSIGT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    read_rate("sqlite", None, args.requests, args.seconds)
    for workers in (1, 2):
        end_to_end("sqlite", None, workers, args.pages)
    if not args.skip_postgres:
        with scratch_postgres(args.postgres_url) as url:
            read_rate("postgresql", url, args.requests, args.seconds)
            for workers in (1, 2):
                end_to_end("postgresql", url, workers, args.pages)


if __name__ == "__main__":
    main()
