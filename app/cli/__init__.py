"""The `aktindsigt` console script: one module per command group, each with ``register()``."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from app.cli.errors import CliError
from app.settings import ConfigurationError

# Each module adds its sub-commands; keep this table the only place that knows them all.
# Only the module of the command given is imported, so `aktindsigt screen` does not pay for
# the database, the web service and the PDF libraries.
COMMAND_MODULES = {
    "screen": "app.cli.screen",
    "serve": "app.cli.serve",
    "redact": "app.cli.redact",
    "demo": "app.cli.demo",
    "user": "app.cli.admin",
    "apikey": "app.cli.admin",
    "worker": "app.cli.worker",
    "audit": "app.cli.audit",
}


def _modules_for(argv: Sequence[str] | None) -> list[ModuleType]:
    args = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args if not a.startswith("-")), None)
    names = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else COMMAND_MODULES.values()
    return [importlib.import_module(name) for name in dict.fromkeys(names)]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the sub-commands ``argv`` needs (all of them for help or a typo)."""
    parser = argparse.ArgumentParser(
        prog="aktindsigt",
        description="Screening og anonymisering af anmodninger om aktindsigt.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _modules_for(argv):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    parser = build_parser(argv)
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
