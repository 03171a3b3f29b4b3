"""Command-line screening speed: `aktindsigt screen REQUEST.json` from a cold start; prints figures.

    .venv/bin/python benchmarks/cli_bench.py [--runs 10] [REQUEST.json]

Issue 2 asks for an answer "in well under a second". Each run is a fresh interpreter, as a
clerk or a case system calling the command gets: imports, the rule book, the phrase lists and
the sentence model are all read again. Prints min / median / max wall time, and one run split
into its phases so a slow one shows where the time goes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REQUEST = ROOT / "samples" / "data" / "requests" / "fvl-part-afslag-trussel.json"

PHASES = """
import time
t0 = time.perf_counter()
import app.cli.screen
from rules import default_rulebook
from rules.engine import screen
from rules.models import ScreeningRequest
from rules.signals import compile_screening
t1 = time.perf_counter()
book = default_rulebook()
t2 = time.perf_counter()
compile_screening(book.screening)
t3 = time.perf_counter()
request = ScreeningRequest.model_validate_json(open({path!r}, encoding="utf-8").read())
screen(request, book)
t4 = time.perf_counter()
print(f"{{t1 - t0:.3f}} {{t2 - t1:.3f}} {{t3 - t2:.3f}} {{t4 - t3:.3f}}")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("request", nargs="?", type=Path, default=DEFAULT_REQUEST)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    command = [sys.executable, "-m", "app.cli", "screen", str(args.request)]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    print(f"aktindsigt screen {args.request.name}, {args.runs} cold runs:")
    print(
        f"  wall time min {min(times):.2f} s, median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s"
    )
    split = subprocess.run(
        [sys.executable, "-c", PHASES.format(path=str(args.request))],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    names = ("imports", "rule book", "phrases + model", "screening")
    phases = zip(names, split, strict=True)
    print("  one run: " + ", ".join(f"{name} {float(t):.2f} s" for name, t in phases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
