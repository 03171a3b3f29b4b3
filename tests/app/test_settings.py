"""Settings: default secrets refused, a generated secret kept in data_dir, PostgreSQL URLs
mapped onto pg8000."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.settings import ConfigurationError, Settings, load_settings


@pytest.mark.parametrize("secret", ["changethis", "secret", "short-but-not-default"])
def test_default_or_short_secrets_are_refused(secret: str) -> None:
    with pytest.raises(ConfigurationError, match="AKTINDSIGT_SECRET_KEY"):
        load_settings(secret_key=secret)


def test_generated_secret_is_kept_private_and_reused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    first = settings.resolved_secret_key()
    assert len(first) >= 32 and Settings(data_dir=tmp_path).resolved_secret_key() == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://postgres@127.0.0.1:5432/akt",
        "postgresql+psycopg://postgres@127.0.0.1:5432/akt",
        "postgresql+psycopg2://postgres@127.0.0.1:5432/akt",
        "postgresql+pg8000://postgres@127.0.0.1:5432/akt",
    ],
)
def test_postgres_urls_use_pg8000(url: str) -> None:
    effective = Settings(database_url=url).effective_database_url
    assert effective == "postgresql+pg8000://postgres@127.0.0.1:5432/akt"


def test_embedded_default_is_sqlite_in_data_dir(tmp_path: Path) -> None:
    url = Settings(data_dir=tmp_path).effective_database_url
    assert url == f"sqlite:///{tmp_path.resolve()}/aktindsigt.db"


def test_unknown_queue_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="AKTINDSIGT_QUEUE_URL"):
        load_settings(queue_url="amqp://rabbit")
