"""Database engine, sessions and migrations: SQLite embedded, PostgreSQL (pg8000) shared."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlmodel import Session

from app.settings import Settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()
_MIGRATION_LOCK_ID = 4_201_2024  # pg_advisory_lock key: one migrator at a time


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def get_engine(settings: Settings) -> Engine:
    """One engine per database URL in this process."""
    url = settings.effective_database_url
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _create_engine(url, settings)
            _engines[url] = engine
        return engine


def _cache_pg8000_paramstyle() -> None:
    """pg8000 rescans every statement character by character to turn ``%s`` into ``$1``
    (a fifth of a small GET's time). SQLAlchemy's statements repeat, and with the ``format``
    style the result depends on the text alone, so it is cached."""
    from pg8000 import legacy

    original = legacy.convert_paramstyle
    if getattr(original, "cached", False):
        return

    @functools.lru_cache(maxsize=4096)
    def converted(style: str, query: str) -> str:
        return str(original(style, query, ())[0])

    def convert_paramstyle(style: str, query: str, args: Any) -> tuple[str, Any]:
        if style in ("format", "qmark", "numeric"):
            return converted(style, query), args
        return original(style, query, args)

    convert_paramstyle.cached = True  # type: ignore[attr-defined]
    legacy.convert_paramstyle = convert_paramstyle


def _create_engine(url: str, settings: Settings) -> Engine:
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=10
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    _cache_pg8000_paramstyle()
    # No pre-ping: it costs a round trip per request; connections are recycled instead.
    return create_engine(url, pool_recycle=1800, pool_size=10, max_overflow=10)


def dispose_engines() -> None:
    """Close every pooled connection (tests, and forked workers)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def new_session(settings: Settings) -> Session:
    """A session that knows its settings (the job enqueuer reads them after commit)."""
    session = Session(get_engine(settings), expire_on_commit=False)
    session.info["settings"] = settings
    return session


@contextlib.contextmanager
def session_scope(settings: Settings) -> Iterator[Session]:
    """A unit of work for jobs and commands: commit on success, roll back on error."""
    session = new_session(settings)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(settings: Settings) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", settings.effective_database_url)
    return config


@contextlib.contextmanager
def _migration_lock(settings: Settings, engine: Engine) -> Iterator[None]:
    """Service and workers may start together: let one of them migrate at a time."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK_ID})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK_ID})
                conn.commit()
        return
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / ".migrate.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(settings: Settings) -> None:
    """Bring the database to the newest schema (Alembic ``upgrade head``)."""
    engine = get_engine(settings)
    with _migration_lock(settings, engine), engine.begin() as connection:
        config = alembic_config(settings)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database migrated: %s", engine.url.render_as_string(hide_password=True))


def _after_fork_in_child() -> None:
    """A forked worker must not reuse the parent's pooled connections, nor inherit a lock
    another thread (the sweeper) held at the moment of the fork."""
    global _engines_lock
    _engines_lock = threading.Lock()
    for engine in _engines.values():
        engine.dispose(close=False)
    _engines.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)
