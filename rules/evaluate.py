"""Measure the engine against labelled request tables (YAML) and print the figures.

    python -m rules.evaluate tests/rules/cases.yaml tests/rules/heldout.yaml [--rules FILE]

A municipality that changes phrase lists or thresholds runs this to see what the change does.
A table has ``defaults`` (a request) and ``cases`` with ``id``, ``category``, ``text``, an
optional ``request`` merged over the defaults, and ``expect`` (assessment fields).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rules.engine import screen
from rules.loader import deep_merge, load_rulebook
from rules.models import Assessment, ScreeningRequest
from rules.schema import RuleBook

SCORED_FIELDS = (
    "regime",
    "risk",
    "recommendation",
    "withhold_all_staff",
    "withheld_staff",
    "deadline",
    "rule_set",
)


@dataclass(frozen=True)
class LabelledCase:
    id: str
    category: str
    request: ScreeningRequest
    expect: Mapping[str, Any]


@dataclass
class CaseResult:
    case: LabelledCase
    assessment: Assessment
    wrong: dict[str, tuple[Any, Any]]  # field -> (expected, actual)
    signals_expected: set[str] | None
    signals_actual: set[str]


@dataclass
class Report:
    results: list[CaseResult] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def all_right(self) -> int:
        return sum(1 for r in self.results if not r.wrong)

    @property
    def party_refusals(self) -> list[CaseResult]:
        """A party's own-case access refused without a threat in the request text."""
        return [
            r
            for r in self.results
            if r.assessment.is_party
            and r.assessment.recommendation == "refuse"
            and "T1" not in r.signals_actual
        ]

    @property
    def legitimate_above_low(self) -> list[CaseResult]:
        return [
            r
            for r in self.results
            if r.case.category == "legitimate" and r.assessment.risk != "low"
        ]

    @property
    def signals_right(self) -> int:
        return sum(
            1
            for r in self.results
            if r.signals_expected is None or r.signals_expected == r.signals_actual
        )


def load_cases(path: Path) -> list[LabelledCase]:
    """Read a labelled table; every case becomes a validated request."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults = data.get("defaults", {})
    cases = []
    for raw in data["cases"]:
        request = deep_merge(defaults, raw.get("request") or {})
        request["text"] = raw["text"]
        cases.append(
            LabelledCase(
                raw["id"],
                raw.get("category", ""),
                ScreeningRequest.model_validate(request),
                raw["expect"],
            )
        )
    return cases


def _normalise(name: str, value: Any) -> Any:
    if name == "withheld_staff":
        return sorted(str(v).casefold() for v in value or [])
    return str(value)


def evaluate(cases: Sequence[LabelledCase], book: RuleBook) -> Report:
    """Screen every case and compare the scored fields that the case labels."""
    report = Report()
    for case in cases:
        assessment = screen(case.request, book)
        actual = assessment.model_dump(mode="json")
        wrong = {
            name: (case.expect[name], actual[name])
            for name in SCORED_FIELDS
            if name in case.expect
            and _normalise(name, case.expect[name]) != _normalise(name, actual[name])
        }
        expected_signals = case.expect.get("signals")
        report.results.append(
            CaseResult(
                case,
                assessment,
                wrong,
                set(expected_signals) if expected_signals is not None else None,
                {s.id for s in assessment.signals},
            )
        )
    return report


def format_report(report: Report, title: str, verbose: bool = True) -> str:
    """The figures, then one line per wrong case."""
    lines = [
        f"== {title}",
        f"cases: {report.total}",
        f"all scored fields right: {report.all_right}/{report.total} "
        f"({100 * report.all_right / max(report.total, 1):.1f} %)",
        f"signal sets right: {report.signals_right}/{report.total}",
        f"party own-case refusals on the harassment ground: {len(report.party_refusals)}",
        f"legitimate requests above low risk: {len(report.legitimate_above_low)} "
        f"of {sum(1 for r in report.results if r.case.category == 'legitimate')}",
    ]
    by_category: Counter[str] = Counter()
    wrong_by_category: Counter[str] = Counter()
    for r in report.results:
        by_category[r.case.category] += 1
        wrong_by_category[r.case.category] += bool(r.wrong)
    lines.append(
        "per category (wrong/total): "
        + ", ".join(f"{c} {wrong_by_category[c]}/{n}" for c, n in sorted(by_category.items()))
    )
    if verbose:
        for r in report.results:
            if r.wrong or (
                r.signals_expected is not None and r.signals_expected != r.signals_actual
            ):
                fields = "; ".join(f"{k}: want {e} got {a}" for k, (e, a) in r.wrong.items())
                sig = (
                    f" signals want {sorted(r.signals_expected)} got {sorted(r.signals_actual)}"
                    if r.signals_expected is not None and r.signals_expected != r.signals_actual
                    else ""
                )
                lines.append(f"  {r.case.id}: {fields}{sig}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rules.evaluate", description=__doc__)
    parser.add_argument("tables", nargs="+", type=Path)
    parser.add_argument("--rules", type=Path, default=None, help="a municipality override file")
    parser.add_argument("-q", "--quiet", action="store_true", help="figures only")
    args = parser.parse_args(argv)
    book = load_rulebook(args.rules)
    combined = Report()
    for table in args.tables:
        report = evaluate(load_cases(table), book)
        combined.results += report.results
        sys.stdout.write(format_report(report, str(table), not args.quiet) + "\n")
    if len(args.tables) > 1:
        sys.stdout.write(format_report(combined, "all tables", verbose=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
