"""Configuration from AKTINDSIGT_* environment variables (CONTRACT.md).

With nothing set the service runs on the embedded default: SQLite, stored files and the
job queue all inside ``AKTINDSIGT_DATA_DIR`` (./var).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AKTINDSIGT_", extra="ignore")

    data_dir: Path = Path("./var")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default sqlite in data_dir"
    )
    queue_url: str | None = Field(
        default=None, description="redis://... for shared workers; default SQLite queue in data_dir"
    )
    rules_file: Path | None = Field(
        default=None, description="The municipality's YAML overrides of the shipped rule sets"
    )
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_mb: int = Field(default=200, ge=1)

    @field_validator("rules_file")
    @classmethod
    def _rules_file_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"rules file {value} does not exist")
        return value

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'aktindsigt.db').resolve()}"


class ConfigurationError(ValueError):
    """An AKTINDSIGT_* variable is invalid; the message names it and the problem."""


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "AKTINDSIGT_" + "_".join(str(p) for p in error["loc"]).upper()
        raise ConfigurationError(f"{name}: {error['msg']}") from None
