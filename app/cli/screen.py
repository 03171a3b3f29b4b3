"""`aktindsigt screen REQUEST.json [--letter]`: the assessment (or draft letter) on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from app.cli.errors import CliError
from app.settings import get_settings
from rules import RuleBook, RulesError, ScreeningRequest, draft_letter, load_rulebook, screen


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("screen", help="screen one request (JSON) and print the assessment")
    parser.add_argument("request", type=Path, help="the request JSON file (CONTRACT.md)")
    parser.add_argument(
        "--letter", action="store_true", help="print the draft letter in Danish instead"
    )
    parser.set_defaults(handler=run)


def validation_message(exc: ValidationError) -> str:
    """The first problem of a validation error as 'field.path: problem'."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"]) or "(top level)"
    problem = "field required" if error["type"] == "missing" else error["msg"]
    return f"{field}: {problem}"


def read_request(path: Path) -> ScreeningRequest:
    """Parse a request file; every problem becomes a CliError naming the file and the field."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot read the file: {exc.strerror}") from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise CliError(f"{path}: the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    try:
        return ScreeningRequest.model_validate(data)
    except ValidationError as exc:
        raise CliError(f"{path}: {validation_message(exc)}") from None


def rulebook_from_settings() -> RuleBook:
    """The shipped rules with the municipality's override file, if one is configured."""
    try:
        return load_rulebook(get_settings().rules_file)
    except (RulesError, ValidationError) as exc:
        raise CliError(str(exc).splitlines()[0]) from None


def run(args: argparse.Namespace) -> int:
    request = read_request(args.request)
    book = rulebook_from_settings()
    assessment = screen(request, book)
    if args.letter:
        sys.stdout.write(draft_letter(request, assessment, book))
    else:
        sys.stdout.write(assessment.model_dump_json(indent=2) + "\n")
    return 0
