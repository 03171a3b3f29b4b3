"""`aktindsigt redact FILE... --staff STAFF.csv --request REQUEST.json --out-dir DIR`.

Screens the request, builds the redaction policy and writes, for each input, the release
copy ``DIR/<file name>.pdf``, plus ``DIR/report.json`` (CONTRACT.md's redaction report, with
the assessment and the aktliste rows) and ``DIR/aktliste.pdf``.

A refusal releases nothing: every document is reported ``withheld`` and no PDF is written.
A bad input file gives one line on stderr, ``aktindsigt: <file>: <problem>``; the other files
are still processed and reported. Exit codes: 0 all files processed; 1 some files could
not be processed (the rest are written and reported); 2 the request, the staff register or
the rules are unusable (nothing is written).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from app.cli.errors import CliError
from app.cli.screen import read_request, rulebook_from_settings
from app.redaction_policy import ReleasePolicy, build_policy
from app.release.aktliste import aktliste_pdf, aktliste_rows
from app.staff_register import StaffRegisterError, parse_staff_csv
from redaction.apply import atomic_output
from redaction.errors import RedactionError
from redaction.pipeline import redact_file, withheld_report
from redaction.policy import StaffMember
from redaction.types import DocumentReport
from rules import Assessment, screen

log = logging.getLogger(__name__)
RESERVED = {"report.json", "aktliste.pdf"}
EXIT_SOME_FAILED = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("redact", help="screen a request and redact its documents for release")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="case documents (PDF)")
    parser.add_argument("--staff", type=Path, required=True, help="staff register CSV")
    parser.add_argument("--request", type=Path, required=True, help="request JSON")
    parser.add_argument("--out-dir", type=Path, required=True, help="output directory")
    parser.set_defaults(handler=run)


def read_staff(path: Path) -> list[StaffMember]:
    """The staff register; any problem becomes a CliError naming the file and line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot read the file: {exc.strerror}") from None
    try:
        return parse_staff_csv(data, filename=str(path))
    except StaffRegisterError as exc:
        raise CliError(str(exc)) from None


def output_names(files: list[Path]) -> list[str]:
    """``<stem>.pdf`` per input, made unique and never clashing with report/aktliste."""
    taken = set(RESERVED)
    names = []
    for path in files:
        stem = path.stem or "dokument"
        name, n = f"{stem}.pdf", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}.pdf"
        taken.add(name.lower())
        names.append(name)
    return names


def _process(path: Path, dst: Path, release: ReleasePolicy) -> DocumentReport:
    if not release.release:
        return withheld_report(path)
    return redact_file(path, dst, release.policy)


def redact_documents(
    files: list[Path], out_dir: Path, release: ReleasePolicy
) -> tuple[list[DocumentReport], int]:
    """Process every file; return the reports and how many failed."""
    reports: list[DocumentReport] = []
    failed = 0
    for path, name in zip(files, output_names(files), strict=True):
        try:
            reports.append(_process(path, out_dir / name, release))
        except RedactionError as exc:
            problem = exc.message
        except OSError as exc:
            problem = f"filen kan ikke læses ({exc.strerror})"
        except Exception as exc:  # a bug must not stop the other files
            log.exception("unexpected error in %s", path)
            problem = f"uventet fejl under behandlingen ({type(exc).__name__})"
        else:
            continue
        failed += 1
        sys.stderr.write(f"aktindsigt: {path}: {problem}\n")
        reports.append(withheld_report(path, problem))
    return reports, failed


def report_json(
    reports: list[DocumentReport], assessment: Assessment, release: ReleasePolicy
) -> dict[str, object]:
    """CONTRACT.md's redaction report, plus the aktliste rows."""
    summary = assessment.model_dump(mode="json")
    # The report knows the register: list everyone withheld by name (CONTRACT.md).
    summary["withheld_staff"] = list(release.plan.withheld_staff)
    refusal = assessment.legal_basis if not release.release else []
    return {
        "documents": [r.to_json() for r in reports],
        "assessment": summary,
        "aktliste": [row.to_json() for row in aktliste_rows(reports, refusal)],
    }


def run(args: argparse.Namespace) -> int:
    request = read_request(args.request)
    staff = read_staff(args.staff)
    book = rulebook_from_settings()
    assessment = screen(request, book)
    release = build_policy(request, assessment, staff, book)
    out_dir: Path = args.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"{out_dir}: cannot create the directory: {exc.strerror}") from None
    reports, failed = redact_documents(list(args.files), out_dir, release)
    report = report_json(reports, assessment, release)
    with atomic_output(out_dir / "report.json") as tmp:
        tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    refusal = assessment.legal_basis if not release.release else []
    pdf = aktliste_pdf(
        aktliste_rows(reports, refusal), case_number=request.case.number, received=request.received
    )
    with atomic_output(out_dir / "aktliste.pdf") as tmp:
        tmp.write_bytes(pdf)
    return EXIT_SOME_FAILED if failed else 0
