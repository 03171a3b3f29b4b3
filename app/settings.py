"""Configuration from AKTINDSIGT_* environment variables (CONTRACT.md).

With nothing set the service runs on the embedded default: SQLite, stored files and the
job queue all inside ``AKTINDSIGT_DATA_DIR`` (./var).
"""

from __future__ import annotations

import logging
import os
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)

# Secrets copied from examples; refused so that no deployment runs on a published key.
DEFAULT_SECRETS = {"changethis", "changeme", "change-me", "secret", "secret-key", "default"}
MIN_SECRET_LENGTH = 32
SECRET_FILE = "secret_key"
# Driver names we map to pg8000 (BSD); psycopg and psycopg2 are LGPL and not shipped.
_PG_PREFIXES = ("postgresql+psycopg2://", "postgresql+psycopg://", "postgresql://", "postgres://")


class ConfigurationError(ValueError):
    """An AKTINDSIGT_* variable is invalid; the message names it and the problem."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AKTINDSIGT_", extra="ignore")

    data_dir: Path = Path("./var")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default sqlite in data_dir"
    )
    queue_url: str | None = Field(
        default=None,
        description="redis://... for shared workers; 'immediate' runs jobs inline (tests); "
        "default SQLite queue in data_dir",
    )
    queue_name: str = Field(
        default="aktindsigt", pattern=r"^[\w.-]{1,100}$", description="queue (key prefix)"
    )
    rules_file: Path | None = Field(
        default=None, description="The municipality's YAML overrides of the shipped rule sets"
    )
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_mb: int = Field(default=200, ge=1)
    secret_key: SecretStr | None = Field(
        default=None, description="signs UI sessions; generated into data_dir when unset"
    )
    workers: int = Field(default=1, ge=0, description="job worker threads inside `serve`")
    job_retries: int = Field(default=3, ge=0)
    job_retry_delay: int = Field(default=5, ge=0, description="seconds between retries")
    job_lease_seconds: int = Field(
        default=120, ge=1, description="a job not heard from this long is taken over"
    )
    webhook_timeout: float = Field(default=5.0, gt=0)
    webhook_retries: int = Field(default=5, ge=0)
    webhook_retry_delay: int = Field(default=10, ge=0)

    @field_validator("rules_file")
    @classmethod
    def _rules_file_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"rules file {value} does not exist")
        return value

    @field_validator("secret_key")
    @classmethod
    def _refuse_default_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        secret = value.get_secret_value().strip()
        if secret.lower() in DEFAULT_SECRETS or len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(
                f"refusing a default or short secret; use at least {MIN_SECRET_LENGTH} random "
                "characters (python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value and not value.startswith(("sqlite", "postgres")):
            raise ValueError("only sqlite:// and postgresql:// URLs are supported")
        return value or None

    @field_validator("queue_url")
    @classmethod
    def _known_queue(cls, value: str | None) -> str | None:
        if value and not (value.startswith(("redis://", "rediss://")) or value == "immediate"):
            raise ValueError("use redis://host:port/db (or leave unset for the SQLite queue)")
        return value or None

    @property
    def effective_database_url(self) -> str:
        """The SQLAlchemy URL, with PostgreSQL always on the pg8000 driver."""
        if not self.database_url:
            return f"sqlite:///{(self.data_dir / 'aktindsigt.db').resolve()}"
        return pg8000_url(self.database_url)

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def resolved_secret_key(self) -> str:
        """The configured secret, or one generated once and kept in data_dir (mode 0600)."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.data_dir / SECRET_FILE
        if path.is_file():
            return path.read_text(encoding="ascii").strip()
        if self.database_url:
            log.warning(
                "AKTINDSIGT_SECRET_KEY is not set; generating one in %s. Machines that share "
                "the database must share this key.",
                path,
            )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        secret = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secret + "\n")
        return secret


def pg8000_url(url: str) -> str:
    """Map postgresql:// and postgresql+psycopg:// URLs onto the pg8000 driver."""
    for prefix in _PG_PREFIXES:
        if url.startswith(prefix):
            mapped = "postgresql+pg8000://" + url[len(prefix) :]
            if prefix != "postgresql://":
                log.info("database URL driver %s mapped to pg8000", prefix.rstrip(":/"))
            return mapped
    return url


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment (and overrides); errors name the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "AKTINDSIGT_" + "_".join(str(p) for p in error["loc"]).upper()
        raise ConfigurationError(f"{name}: {error['msg']}") from None


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return load_settings()
