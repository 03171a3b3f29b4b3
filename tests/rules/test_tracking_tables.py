"""Tables that track how the screening generalises, below the 95 % target of issue 2.

dev_sms.yaml (informal, misspelt) and dev_formal.yaml (polite, veiled) were written to
stress threats and exposure; first scored blind they gave 67.8 % and 63.1 % all fields right,
and they were then used to widen the phrase lists. blind_x.yaml and blind_y.yaml were
representative tables, scored once blind after that work: 88.8 % and 93.6 %, with 2 and 2
legitimate requests above low. The lawful limits hold on all of them and are enforced; the
accuracy floor guards what the tuning reached, so a change that loses ground fails here.
"""

from pathlib import Path

import pytest

from rules import default_rulebook
from rules.evaluate import evaluate, format_report, load_cases

TABLES = sorted((Path(__file__).parent / "tracking").glob("*.yaml"))
ACCURACY_FLOOR = 0.90


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_tracking_table_keeps_the_lawful_limits(table: Path) -> None:
    report = evaluate(load_cases(table), default_rulebook())
    summary = format_report(report, table.name)
    assert report.total >= 150, summary
    assert report.party_refusals == [], summary
    assert report.legitimate_above_low == [], summary
    assert report.all_right / report.total >= ACCURACY_FLOOR, summary


def test_there_are_tracking_tables() -> None:
    assert len(TABLES) == 4
