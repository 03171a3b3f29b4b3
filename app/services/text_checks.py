"""Input text the databases cannot store: NUL characters (PostgreSQL refuses them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.errors import Unprocessable


def first_nul(value: object, path: str = "") -> str | None:
    """The dotted path of the first string holding a NUL character, or None."""
    if isinstance(value, str):
        return path or "(tekst)" if "\x00" in value else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = first_nul(item, f"{path}.{key}" if path else str(key))
            if found:
                return found
    elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        for index, item in enumerate(value):
            found = first_nul(item, f"{path}.{index}" if path else str(index))
            if found:
                return found
    return None


def refuse_nul(value: object, path: str = "") -> None:
    """Unprocessable (422) naming the field when a string holds a NUL character."""
    found = first_nul(value, path)
    if found:
        raise Unprocessable(f"{found}: teksten indeholder et NUL-tegn (\\x00)")
