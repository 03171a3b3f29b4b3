"""Load the shipped rule files and a municipality's overrides into one validated RuleBook."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rules.schema import RuleBook

DATA_DIR = Path(__file__).parent / "data"
RULE_SET_GLOB = "ruleset-*.yaml"
TOP_LEVEL_KEYS = ("screening", "rule_sets", "deadlines", "municipality", "complaints", "letters")


# libyaml's parser where PyYAML was built with it: the rule files load several times faster,
# which the command line feels on every call.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RulesError(ValueError):
    """A rule file is unreadable or invalid; the message names the file, the key and the problem."""


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read the file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise RulesError(f"{path}: the file is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesError(f"{path}: {where}invalid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RulesError(f"{path}: the top level must be a mapping of keys to values")
    return data


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` on top: dictionaries merge key by key, anything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _contains_path(data: Any, loc: tuple[Any, ...]) -> bool:
    for part in loc:
        if (isinstance(data, Mapping) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data)
        ):
            data = data[part]
        else:
            return False
    return True


def _shipped_defaults() -> tuple[dict[str, Any], list[Path]]:
    files = [DATA_DIR / "screening.yaml", DATA_DIR / "municipality.yaml", DATA_DIR / "letters.yaml"]
    rule_set_files = sorted(DATA_DIR.glob(RULE_SET_GLOB))
    data: dict[str, Any] = {"screening": _read_yaml(files[0]), "rule_sets": {}}
    data.update(_read_yaml(files[1]))
    data["letters"] = _read_yaml(files[2])
    for path in rule_set_files:
        rule_set = _read_yaml(path)
        data["rule_sets"][str(rule_set.get("id", path.stem))] = rule_set
    return data, [*files, *rule_set_files]


def load_rulebook(override: Path | None = None) -> RuleBook:
    """The shipped rule sets, with ``override`` (a municipality's YAML file) merged on top.

    Dictionaries merge key by key and lists replace, so an override names only what it changes.
    Raises RulesError naming the file, the key and the problem when anything is invalid.
    """
    data, files = _shipped_defaults()
    overrides: dict[str, Any] = {}
    if override is not None:
        overrides = _read_yaml(override)
        unknown = sorted(set(overrides) - set(TOP_LEVEL_KEYS))
        if unknown:
            raise RulesError(
                f"{override}: {unknown[0]}: unknown key (allowed: {', '.join(TOP_LEVEL_KEYS)})"
            )
        data = deep_merge(data, overrides)
        files.append(override)
    data["sources"] = [str(p) for p in files]
    try:
        return RuleBook.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        key = ".".join(str(part) for part in loc) or "(top level)"
        origin = override if override is not None and _contains_path(overrides, loc) else DATA_DIR
        raise RulesError(f"{origin}: {key}: {error['msg']}") from None


_DEFAULT: RuleBook | None = None


def default_rulebook() -> RuleBook:
    """The shipped rules without overrides, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_rulebook()
    return _DEFAULT
