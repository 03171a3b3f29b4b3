"""Content-addressed file store: files named by SHA-256, written atomically.

A file is streamed to a temporary name inside the store, fsync'ed, then renamed into place,
so a crash leaves either the whole file or none. Equal content is stored once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import PayloadTooLarge

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    head: bytes  # the first bytes, for sniffing the type
    path: Path


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp_dir = root / "tmp"

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    @contextlib.contextmanager
    def temp_path(self, suffix: str = "") -> Iterator[Path]:
        """A fresh path inside the store (same file system, so rename is atomic); removed
        afterwards unless it was moved into place."""
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        path = self.tmp_dir / f"{uuid.uuid4().hex}{suffix}"
        try:
            yield path
        finally:
            path.unlink(missing_ok=True)

    def clean_tmp(self, older_than_seconds: float = 86_400) -> int:
        """Remove temporary files left by killed processes; returns how many."""
        if not self.tmp_dir.is_dir():
            return 0
        cutoff, removed = time.time() - older_than_seconds, 0
        for path in self.tmp_dir.iterdir():
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
        return removed

    def put_stream(self, source: BinaryIO, max_bytes: int | None = None) -> StoredFile:
        """Copy ``source`` into the store; PayloadTooLarge past ``max_bytes``."""
        digest, size, head = hashlib.sha256(), 0, b""
        with self.temp_path() as tmp:
            with tmp.open("wb") as out:
                while chunk := source.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise PayloadTooLarge(
                            f"Filen er for stor; grænsen er {max_bytes // (1024 * 1024)} MB"
                        )
                    if len(head) < 2048:
                        head += chunk[: 2048 - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            return StoredFile(sha, size, head, self._move_into_place(tmp, sha))

    def adopt(self, path: Path) -> StoredFile:
        """Move a finished file from ``temp_path()`` into the store under its hash."""
        digest, size, head = hashlib.sha256(), 0, b""
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                head = head or chunk[:2048]
                size += len(chunk)
                digest.update(chunk)
            os.fsync(handle.fileno())
        sha = digest.hexdigest()
        return StoredFile(sha, size, head, self._move_into_place(path, sha))

    def _move_into_place(self, tmp: Path, sha: str) -> Path:
        final = self.path(sha)
        if final.is_file():
            return final  # same content already stored; the temp file is dropped
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
        dir_fd = os.open(final.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return final
