"""The `aktindsigt` console script: one module per command group, each with ``register()``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app.cli import admin, audit, demo, redact, screen, serve, worker
from app.cli.errors import CliError
from app.settings import ConfigurationError

# Each module adds its sub-commands; keep this list the only place that knows them all.
COMMAND_MODULES = [screen, serve, redact, demo, admin, worker, audit]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aktindsigt",
        description="Screening og anonymisering af anmodninger om aktindsigt.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args) or 0)
    except CliError as exc:
        sys.stderr.write(f"aktindsigt: {exc}\n")
        return exc.exit_code
    except ConfigurationError as exc:
        sys.stderr.write(f"aktindsigt: configuration: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
