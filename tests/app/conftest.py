"""Fixtures for the service: the database is migrated once per backend, each test gets a fresh
copy (SQLite: a copied file; PostgreSQL: the tables emptied afterwards).

The backend list is SQLite, plus PostgreSQL when AKTINDSIGT_TEST_POSTGRES_URL is set
(e.g. postgresql://postgres@127.0.0.1:5432/postgres): the suite then runs on both.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, text
from sqlalchemy.engine import make_url

from app.db import dispose_engines, migrate
from app.jobs.queue import forget_queues
from app.main import create_app
from app.settings import Settings, pg8000_url
from tests.app.factories import SECRET

POSTGRES_ENV = "AKTINDSIGT_TEST_POSTGRES_URL"
TEST_DB = f"aktindsigt_test_{os.getpid()}"


def pytest_report_header() -> list[str]:
    """Say up front which servers the service tests use."""
    postgres = os.environ.get(POSTGRES_ENV)
    redis = os.environ.get("AKTINDSIGT_TEST_REDIS_URL")
    return [
        f"service tests on SQLite{' and PostgreSQL' if postgres else ''}; "
        f"PostgreSQL: {'used' if postgres else f'skipped ({POSTGRES_ENV} not set)'}; "
        f"Redis queue: {'used' if redis else 'skipped (AKTINDSIGT_TEST_REDIS_URL not set)'}"
    ]


def _postgres_admin_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(
            f"PostgreSQL tests skipped: set {POSTGRES_ENV} (e.g. postgresql://postgres@127.0.0.1:5432/postgres)"
        )
    return pg8000_url(url)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """A migrated template database per backend."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("template")
        migrate(Settings(data_dir=folder, secret_key=SECRET))
        dispose_engines()
        yield {"kind": "sqlite", "template": str(folder / "aktindsigt.db")}
        return
    admin = create_engine(_postgres_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEST_DB}"))
        conn.execute(text(f"CREATE DATABASE {TEST_DB}"))
    url = (
        make_url(_postgres_admin_url()).set(database=TEST_DB).render_as_string(hide_password=False)
    )
    migrate(Settings(data_dir=tmp_path_factory.mktemp("pg"), database_url=url, secret_key=SECRET))
    yield {"kind": "postgres", "url": url}
    dispose_engines()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEST_DB} WITH (FORCE)"))
    admin.dispose()


def _empty_postgres(url: str) -> None:
    """DELETE is much faster than TRUNCATE on a handful of rows; children first."""
    engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            if table.name != "alembic_version":
                conn.execute(table.delete())
        conn.execute(
            text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :h)"), {"h": "0" * 64}
        )
    engine.dispose()


@pytest.fixture
def settings(backend: dict[str, str], tmp_path: Path) -> Iterator[Settings]:
    """Settings on a fresh database; jobs run inline (queue 'immediate') unless a test says
    otherwise."""
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    database_url = None
    if backend["kind"] == "sqlite":
        shutil.copy(backend["template"], data_dir / "aktindsigt.db")
    else:
        database_url = backend["url"]
    yield Settings(
        data_dir=data_dir,
        database_url=database_url,
        queue_url="immediate",
        workers=0,
        secret_key=SECRET,
        job_retry_delay=0,
        webhook_retry_delay=0,
    )
    forget_queues()
    if backend["kind"] == "postgres":
        dispose_engines()
        _empty_postgres(backend["url"])
    else:
        dispose_engines()


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
