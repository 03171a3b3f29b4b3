"""The labelled request tables: the acceptance figures of the screening, measured per table.

Every table was written by a labeller who never saw the rules. cases.yaml tuned the phrase
lists; heldout.yaml, blind.yaml, final_blind.yaml, check.yaml, acceptance.yaml and
verify.yaml were each first scored blind (83.0 %, 90.4 %, 91.5 %, 92.4 %, 94.1 % and 91.6 %
all fields right) and then used for tuning too. These tests therefore guard against
regressions; they do not measure how the rules generalise to unseen phrasing.
"""

from pathlib import Path

import pytest

from rules import default_rulebook
from rules.evaluate import evaluate, format_report, load_cases

TABLES = sorted(Path(__file__).parent.glob("*.yaml"))


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_table_meets_the_acceptance_figures(table: Path) -> None:
    report = evaluate(load_cases(table), default_rulebook())
    summary = format_report(report, table.name)
    assert report.total >= 50, summary
    assert report.all_right / report.total >= 0.95, summary
    assert report.party_refusals == [], summary
    assert report.legitimate_above_low == [], summary


def test_tables_cover_what_the_issue_asks_for() -> None:
    cases = [c for t in TABLES for c in load_cases(t)]
    by_category: dict[str, int] = {}
    for case in cases:
        by_category[case.category] = by_category.get(case.category, 0) + 1
    assert len(cases) >= 80
    assert by_category["legitimate"] >= 25
    for category in (
        "threat",
        "expose",
        "slur",
        "history",
        "party",
        "personnel",
        "pre2024",
        "journalist",
    ):
        assert by_category.get(category, 0) >= 3, category
