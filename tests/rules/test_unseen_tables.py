"""Tables kept out of tuning and training, so the next change can be measured on them.

Round 17, written by labellers who never saw the rules (y: Esbjerg, social cases; z: Herning,
technical cases and metaphors; a: København, non-native writers and activists), scored once
blind and not read: the session-start engine (82250fe) 92.4 / 89.4 / 92.9 %, 91.6 % in all
(2 legitimate above low); after tuning on rounds 14 to 16 and retraining 91.8 / 88.8 / 92.9 %,
91.2 % in all (2); rules alone 89.8 %. The tuning that lifted rounds 14 to 16 in-sample did not
carry over to fresh wording.
rules.train_model does not read this folder. Only the lawful limit that holds whatever the
wording is enforced here: a party's own-case access is never refused on the harassment ground.
"""

from pathlib import Path

import pytest

from rules import default_rulebook
from rules.evaluate import evaluate, format_report, load_cases

TABLES = sorted((Path(__file__).parent / "unseen").glob("*.yaml"))


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_unseen_table_never_refuses_a_party_on_the_harassment_ground(table: Path) -> None:
    report = evaluate(load_cases(table), default_rulebook())
    assert report.total >= 150, format_report(report, table.name)
    assert report.party_refusals == [], format_report(report, table.name)


def test_there_are_unseen_tables() -> None:
    assert len(TABLES) == 3
