"""`aktindsigt audit verify`: check the hash chain of the audit log."""

from __future__ import annotations

import argparse
import sys

from app.db import migrate, session_scope
from app.services.audit import verify_chain
from app.settings import get_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    verify = audit.add_parser("verify", help="check that no entry was altered or removed")
    verify.set_defaults(handler=run_verify)


def run_verify(_args: argparse.Namespace) -> int:
    settings = get_settings()
    migrate(settings)
    with session_scope(settings) as session:
        report = verify_chain(session)
    if report.ok:
        sys.stdout.write(f"audit log OK: {report.checked} entries, chain intact\n")
        return 0
    sys.stderr.write(
        f"aktindsigt: audit log broken at entry {report.first_bad_seq}: {report.problem} "
        f"({report.checked} entries before it are intact)\n"
    )
    return 1
