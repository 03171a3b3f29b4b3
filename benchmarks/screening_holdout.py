"""How the screening does on tables its sentence model has not seen. Prints figures.

    .venv/bin/python benchmarks/screening_holdout.py                # leave each table out in turn
    .venv/bin/python benchmarks/screening_holdout.py --held NEW.yaml [NEW2.yaml ...]

Needs the ``training`` extra (scikit-learn). Without --held, each table under tests/rules
(tracking/ too) is left out in turn: the sentence model is trained on the others (thresholds
by their own leave-one-table-out, as rules.train_model does) and the left-out table is screened
by the phrase rules alone and by rules + that model. With --held, the model is trained on every
table under tests/rules and each given table is screened.

CAVEAT: the phrase lists were tuned on every table under tests/rules, so "rules" on such a table
is optimistic; only on a --held table written after the rules is either column blind.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from rules.evaluate import Report, evaluate, load_cases
from rules.loader import load_rulebook
from rules.sentence_model import write_model
from rules.train_model import default_tables, train, with_sentence_model, without_model


def _line(name: str, off: Report, on: Report) -> str:
    fixed = sum(1 for a, b in zip(off.results, on.results, strict=True) if a.wrong and not b.wrong)
    broken = sum(1 for a, b in zip(off.results, on.results, strict=True) if not a.wrong and b.wrong)
    legit = sum(1 for r in on.results if r.case.category == "legitimate")
    return (
        f"{name:<14} {off.total:>4} {100 * off.all_right / off.total:>7.1f} % "
        f"{100 * on.all_right / on.total:>7.1f} % "
        f"{len(off.legitimate_above_low):>4}/{len(on.legitimate_above_low):<3} of {legit:<4}"
        f"{len(off.party_refusals):>3}/{len(on.party_refusals):<3}{fixed:>7}{broken:>7}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", nargs="+", type=Path, help="new tables, unseen by everything")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="list what the model changed")
    args = parser.parse_args(argv)
    started = time.monotonic()
    base = load_rulebook()
    rules_alone = without_model(base)
    tables = default_tables()
    runs: list[tuple[Path, list[Path]]]
    if args.held:
        runs = [(held, tables) for held in args.held]
    else:
        runs = [(t, [o for o in tables if o != t]) for t in tables]
    print(
        f"{'table':<14} {'n':>4} {'rules':>9} {'+model':>9} {'legit>low':>13} "
        f"{'party ref':>9} {'fixed':>6} {'broken':>6}"
    )
    totals: list[tuple[Report, Report]] = []
    trained_once: Path | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for held, training in runs:
            path = Path(tmp) / f"model-{held.stem}.json.gz"
            if args.held and trained_once is not None:
                path = trained_once  # the same training tables for every --held table
            else:
                write_model(train(training, args.jobs, log=False), path)
                trained_once = path
            cases = load_cases(held)
            off = evaluate(cases, rules_alone)
            on = evaluate(cases, with_sentence_model(base, file=str(path)))
            totals.append((off, on))
            print(_line(held.stem, off, on), flush=True)
            if args.verbose:
                for a, b in zip(off.results, on.results, strict=True):
                    added = [s for s in b.assessment.signals if "sprogmodel" in s.evidence]
                    for s in added:
                        verdict = (
                            "fixes"
                            if a.wrong and not b.wrong
                            else ("BREAKS" if b.wrong and not a.wrong else "no change in outcome")
                        )
                        print(
                            f"    {b.case.id} [{b.case.category}] +{s.id} {verdict}: "
                            f"{s.evidence[:150]}"
                        )
    all_off, all_on = Report(), Report()
    for off, on in totals:
        all_off.results += off.results
        all_on.results += on.results
    print(_line("TOTAL", all_off, all_on))
    print(
        "\nColumns: all scored fields right with the rules alone and with the sentence model; "
        "legitimate requests\nabove low (rules/with model); party own-case refusals without T1; "
        "cases the model fixed and broke."
    )
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
