"""Tables kept out of tuning and training, so the next change can be measured on them.

Written by labellers who never saw the rules (round 14), scored blind with the engine before
and after the sentence model fired T2 and T3 (189e0a6 / a0a4451): 94.7 / 94.7 % (1),
90.6 / 91.2 % (2), 90.6 / 90.6 % (6) all fields right (legitimate above low), 92.0 / 92.2 %
in all; rules alone 91.4 %. Nine legitimate requests above low is more than any round before;
they are not read, so whether the labels or the phrases are wrong is open. After tuning on
rounds 12 and 13 and retraining (de86edd): 95.3 % (1), 92.4 % (2), 90.6 % (6), 92.7 % in all.
Round 15, scored blind with that engine: 88.8 % (4), 95.3 % (1), 91.8 % (0), 92.0 % in all
(5); rules alone 90.6 %; the session-start engine (189e0a6) 91.4 % (4).
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
    assert len(TABLES) == 6
