"""`python -m samples.generate`: (re)write everything under samples/data reproducibly.

Writes the staff register (staff.csv), the sample case documents with their ground truth
(documents/) and, where samples.requests exists, one JSON file per sample request plus
expected.json (requests/).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
from pathlib import Path

from samples.documents import generate_documents
from samples.staff import generate_staff, staff_csv

DATA_DIR = Path(__file__).resolve().parent / "data"
log = logging.getLogger("samples.generate")


def write_requests(out_dir: Path) -> int:
    """Write samples.requests.SAMPLE_REQUESTS (if the module exists); return how many."""
    try:
        module = importlib.import_module("samples.requests")
    except ModuleNotFoundError:
        return 0
    samples = getattr(module, "SAMPLE_REQUESTS", [])
    out_dir.mkdir(parents=True, exist_ok=True)
    expected: dict[str, object] = {}
    for sample in samples:
        path = out_dir / f"{sample.slug}.json"
        path.write_text(json.dumps(sample.request, ensure_ascii=False, indent=2) + "\n", "utf-8")
        expected[sample.slug] = sample.expected
    (out_dir / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return len(samples)


def generate(data_dir: Path = DATA_DIR) -> None:
    """Write staff.csv, documents/ and requests/ under ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "staff.csv").write_text(staff_csv(generate_staff()), encoding="utf-8")
    items = generate_documents(data_dir / "documents")
    requests = write_requests(data_dir / "requests")
    log.info("wrote staff.csv, %d ground-truth items, %d requests", len(items), requests)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    generate(args.data_dir)


if __name__ == "__main__":
    main()
