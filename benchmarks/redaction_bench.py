"""Redaction benchmark: end to end against the bare floor of the same libraries, one run.

    .venv/bin/python benchmarks/redaction_bench.py [--pages 40] [--big 1000]

Generates a mixed corpus in a temporary folder (born-digital pages of ~400 words naming
staff and a party, scanned pages, pages with photos), then prints:
- born-digital: redact_file pages/s on one core vs bare pdfplumber extract_words pages/s
  (target >= 0.65x), and with two worker processes (target >= 1.8x the one-core figure);
- scanned: redact_file s/page vs bare tesseract (dan, OMP_THREAD_LIMIT=1) on the same page
  image (target <= 1.2x);
- peak RSS of redacting a 1,000-page file in a fresh process (target <= 600 MB).
Timings are medians of three runs; compare ratios, the machines are noisy.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import argparse  # noqa: E402
import io  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402

import pdfplumber  # noqa: E402
import pikepdf  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.staff_register import parse_staff_csv  # noqa: E402
from redaction.pipeline import redact_file  # noqa: E402
from redaction.policy import Policy, PrivatePerson  # noqa: E402
from samples.pictures import portrait, scan_pages  # noqa: E402

WORDS = [
    "borgeren",
    "sagen",
    "afgørelsen",
    "kommunen",
    "familien",
    "barnet",
    "støtte",
    "hjemmet",
    "samtale",
    "møde",
    "klage",
    "vurdering",
    "oplysninger",
    "forløbet",
    "behandling",
    "bevilling",
    "uge",
    "måned",
    "aftale",
    "opfølgning",
    "skolen",
    "lægen",
    "trivsel",
    "forældrene",
    "netværk",
    "plan",
    "indsats",
    "handleplan",
    "underretning",
    "status",
    "og",
    "i",
    "på",
    "med",
    "at",
    "der",
    "som",
    "til",
    "af",
    "for",
    "er",
    "det",
    "en",
    "har",
    "ikke",
    "om",
    "blev",
    "skal",
    "kan",
    "efter",
]
NAMES = [
    "Birgitte Holm Sørensen",
    "BIHS",
    "Tina Østergaard",
    "mibl@lindholm-kommune.dk",
    "72 11 40 21",
    "Maja Winther",
    "050492-1840",
    "Karen Dahl Friis",
]


def _policy() -> Policy:
    staff = tuple(parse_staff_csv((ROOT / "samples" / "data" / "staff.csv").read_bytes()))
    withheld = {m.initials or m.name: "OFL § 9, stk. 2, nr. 2" for m in staff if not m.leading}
    party = PrivatePerson("Maja Winther", "050492-1840", "Åboulevarden 70, 3. th., 8000 Aarhus C")
    return Policy(
        staff=staff,
        withheld_staff=withheld,
        parties=(party,),
        requester=PrivatePerson("Jannik Holt"),
    )


def _text_page(canvas: Canvas, rng: random.Random, words: int = 400) -> None:
    canvas.setFont("Helvetica", 9)
    y, line, count = 790.0, "", 0
    while count < words:
        word = rng.choice(NAMES) if rng.random() < 0.02 else rng.choice(WORDS)
        count += len(word.split())
        if stringWidth(f"{line} {word}", "Helvetica", 9) > 470:
            canvas.drawString(60, y, line)
            y, line = y - 12.5, word
        else:
            line = f"{line} {word}".strip()
    canvas.drawString(60, y, line)
    canvas.showPage()


def make_corpus(folder: Path, pages: int) -> dict[str, Path]:
    """Born-digital, scanned and photo files; returns name -> path."""
    rng = random.Random(2026)
    paths = {k: folder / f"{k}.pdf" for k in ("born", "born2", "scan", "photo")}
    for key in ("born", "born2"):
        canvas = Canvas(str(paths[key]), invariant=1)
        for _ in range(pages):
            _text_page(canvas, rng)
        canvas.save()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for _ in range(3):
        _text_page(canvas, rng, words=180)
    canvas.save()
    jpegs, _ = scan_pages(buffer.getvalue(), seed=3)
    canvas = Canvas(str(paths["scan"]), invariant=1)
    for jpeg in jpegs:
        canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, 595.27, 841.89)
        canvas.showPage()
    canvas.save()
    canvas = Canvas(str(paths["photo"]), invariant=1)
    photo = io.BytesIO()
    portrait().save(photo, "JPEG")
    for _ in range(5):
        photo.seek(0)
        canvas.drawImage(ImageReader(photo), 60, 640, 108, 120)
        canvas.drawString(60, 620, "Birgitte Holm Sørensen, socialrådgiver, tlf. 72 11 40 21")
        _text_page(canvas, rng, words=250)
    canvas.save()
    return paths


def median_seconds(run: Callable[[], object], repeats: int = 3) -> float:
    """Median wall time of ``run``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_pdfplumber(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()


_POLICY: Policy | None = None


def _worker_redact(args: tuple[str, str]) -> int:
    global _POLICY
    _POLICY = _POLICY or _policy()
    return redact_file(Path(args[0]), Path(args[1]), _POLICY).pages


def _warm(path: str, out: str) -> None:
    _worker_redact((path, out))


def two_workers(paths: list[Path], out: Path, warm: Path) -> float:
    """Median wall time to redact ``paths`` on two worker processes (workers warmed first)."""
    with ProcessPoolExecutor(
        2, initializer=_warm, initargs=(str(warm), str(out / "w.pdf"))
    ) as pool:
        list(pool.map(_worker_redact, [(str(warm), str(out / f"w{i}.pdf")) for i in range(2)]))
        jobs = [(str(p), str(out / f"2w-{p.name}")) for p in paths]
        return median_seconds(lambda: list(pool.map(_worker_redact, jobs)))


def bare_tesseract(scan: Path, folder: Path) -> float:
    """Median seconds per page of tesseract (dan) on the scanned file's page images."""
    images = []
    with pikepdf.open(scan) as pdf:
        for index, page in enumerate(pdf.pages):
            for _, image in page.obj.Resources.XObject.items():
                target = folder / f"scan-{index}.png"
                pikepdf.PdfImage(image).as_pil_image().save(target)  # type: ignore[arg-type]
                images.append(target)

    def run() -> None:
        for image in images:
            subprocess.run(
                ["tesseract", str(image), "stdout", "-l", "dan"], capture_output=True, check=True
            )

    return median_seconds(run) / len(images)


def peak_rss_mb(big: Path, out: Path) -> float:
    """Peak RSS (MB) of a fresh process that redacts ``big``."""
    code = (
        "import resource, sys; from pathlib import Path; "
        "sys.path.insert(0, sys.argv[3]); "
        "from benchmarks.redaction_bench import _policy; "
        "from redaction.pipeline import redact_file; "
        "redact_file(Path(sys.argv[1]), Path(sys.argv[2]), _policy()); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(big), str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def make_big(born: Path, target: Path, pages: int) -> None:
    with pikepdf.open(born) as pdf:
        source = list(pdf.pages)
        while len(pdf.pages) < pages:
            pdf.pages.append(source[len(pdf.pages) % len(source)])
        pdf.save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description="redaction benchmark")
    parser.add_argument("--pages", type=int, default=40, help="born-digital pages per file")
    parser.add_argument("--big", type=int, default=1000, help="pages of the memory test file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="redaction-bench-") as tmp:
        folder = Path(tmp)
        out = folder / "out"
        out.mkdir()
        paths = make_corpus(folder, args.pages)
        policy = _policy()
        redact_file(paths["photo"], out / "warm.pdf", policy)  # imports, Presidio, caches
        n = args.pages
        plumber = n / median_seconds(lambda: bare_pdfplumber(paths["born"]))
        one = n / median_seconds(lambda: redact_file(paths["born"], out / "b.pdf", policy))
        two = 2 * n / two_workers([paths["born"], paths["born2"]], out, paths["photo"])
        photo = 5 / median_seconds(lambda: redact_file(paths["photo"], out / "p.pdf", policy))
        tess = bare_tesseract(paths["scan"], folder)
        scan = median_seconds(lambda: redact_file(paths["scan"], out / "s.pdf", policy)) / 3
        make_big(paths["born"], folder / "big.pdf", args.big)
        start = time.perf_counter()
        rss = peak_rss_mb(folder / "big.pdf", out / "big.pdf")
        big_seconds = time.perf_counter() - start
    rows = [
        ("born-digital, bare pdfplumber extract_words", f"{plumber:7.1f} pages/s", "", ""),
        (
            "born-digital, redact_file, 1 process",
            f"{one:7.1f} pages/s",
            f"{one / plumber:5.2f}x pdfplumber",
            ">= 0.65x",
        ),
        (
            "born-digital, redact_file, 2 processes",
            f"{two:7.1f} pages/s",
            f"{two / one:5.2f}x 1 process",
            ">= 1.8x",
        ),
        ("pages with photos, redact_file, 1 process", f"{photo:7.1f} pages/s", "", ""),
        ("scanned, bare tesseract dan (1 thread)", f"{tess:7.2f} s/page", "", ""),
        (
            "scanned, redact_file",
            f"{scan:7.2f} s/page",
            f"{scan / tess:5.2f}x tesseract",
            "<= 1.2x",
        ),
        (
            f"{args.big}-page file, peak RSS",
            f"{rss:7.0f} MB",
            f"{big_seconds:5.0f} s wall",
            "<= 600 MB",
        ),
    ]
    print(f"{'measure':46} {'figure':>15}  {'ratio':20} target")
    for name, figure, ratio, target in rows:
        print(f"{name:46} {figure:>15}  {ratio:20} {target}")


if __name__ == "__main__":
    main()
