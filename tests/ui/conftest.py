"""Fixtures for the UI tests: a migrated template database copied per test, jobs inline."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.db import dispose_engines, migrate
from app.jobs.queue import forget_queues
from app.main import create_app
from app.settings import Settings
from tests.ui.factories import SECRET, add_user, load_staff


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ui-template")
    migrate(Settings(data_dir=folder, secret_key=SECRET))
    dispose_engines()
    return folder / "aktindsigt.db"


@pytest.fixture
def settings(template_db: Path, tmp_path: Path) -> Iterator[Settings]:
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    shutil.copy(template_db, data_dir / "aktindsigt.db")
    yield Settings(
        data_dir=data_dir,
        queue_url="immediate",
        workers=0,
        secret_key=SECRET,
        job_retry_delay=0,
        webhook_retry_delay=0,
    )
    forget_queues()
    dispose_engines()


@pytest.fixture
def users(settings: Settings) -> dict[str, str]:
    """One user per role; returns role -> e-mail."""
    emails = {role: f"{role}@lindholm-kommune.dk" for role in ("clerk", "caseworker", "admin")}
    for role, email in emails.items():
        add_user(settings, email, role)
    load_staff(settings)
    return emails


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
