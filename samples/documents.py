"""Synthetic Danish case files with ground truth: the exact box of every item and what it is.

``generate_documents(out_dir)`` writes the PDFs of one fictional child-and-family case in
Lindholm Kommune (party: Maja Winther) and ``ground_truth.json``. Everything is drawn with
fixed seeds, so the files are the same on every run. Persons are invented; the portrait is
scikit-image's public-domain ``astronaut`` picture.

Roles in the ground truth: ``staff`` (person = staff key of samples/data/staff.csv),
``party``, ``private`` (neighbours, relatives, commenters: never a party), ``professional``
(a doctor or police officer acting in office) and ``none`` (towns and other kept words).
Whether an item is withheld depends on the release (see ``expected_withheld``).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from samples import document_texts as texts
from samples.layout import PAGE, Layout, TruthItem
from samples.pictures import portrait, scan_pages, screenshot
from samples.staff import ANCHORS

PARTIES = {"Maja Winther"}
PROFESSIONALS = {"Anders Kirkegaard", "Rikke Mørch"}
STAFF_KEYS = {row.initials for row in ANCHORS if row.initials}
LEADERS = {row.initials for row in ANCHORS if row.leading}
GROUND_TRUTH = "ground_truth.json"


def role_of(person: str) -> str:
    """The ground-truth role of a person named in the markup."""
    if person in STAFF_KEYS:
        return "staff"
    if person in PARTIES:
        return "party"
    if person in PROFESSIONALS:
        return "professional"
    if person == "-":
        return "none"
    return "private"


def _canvas(target: io.BytesIO | Path, title: str, author: str) -> Canvas:
    canvas = Canvas(str(target) if isinstance(target, Path) else target, pagesize=PAGE, invariant=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)  # metadata naming staff: the release copy must drop it
    canvas.setSubject("27.24.00-G01-418-26")
    return canvas


def _write_blocks(layout: Layout, blocks: Iterable[str], size: float = 10.5) -> None:
    for index, block in enumerate(blocks):
        if index:
            layout.new_page()
        first, _, rest = block.strip("\n").partition("\n")
        layout.line(first.strip(), size=size + 3.5, bold=True)
        layout.skip(6)
        layout.lines(rest, size=size)


def born_digital(out_dir: Path, name: str, blocks: Iterable[str]) -> list[TruthItem]:
    """A text PDF; each block is one page whose first line is its heading."""
    canvas = _canvas(out_dir / name, f"Sag 27.24.00-G01-418-26: {name}", "Birgitte Holm Sørensen")
    layout = Layout(canvas, name, role_of)
    _write_blocks(layout, blocks)
    canvas.save()
    return layout.items


def email_with_photo(out_dir: Path, name: str = "email-signatur.pdf") -> list[TruthItem]:
    """An e-mail printed to PDF, with a signature block carrying a portrait photo."""
    canvas = _canvas(out_dir / name, "E-mail", "Mikkel Bruun Lauridsen")
    layout = Layout(canvas, name, role_of)
    _write_blocks(layout, [texts.EMAIL])
    layout.skip(8)
    layout.image(portrait(), 64, 72, tag="staff_photo@BIHS")
    layout.skip(4)
    layout.lines(texts.EMAIL_SIGNATURE)
    canvas.save()
    return layout.items


def scanned(out_dir: Path, name: str, blocks: list[str], seed: int) -> list[TruthItem]:
    """Pages drawn as text, then rendered, tilted, noised and embedded as image-only pages."""
    buffer = io.BytesIO()
    canvas = _canvas(buffer, "scan", "scanner")
    layout = Layout(canvas, name, role_of)
    _write_blocks(layout, blocks, size=12)
    canvas.save()
    images, transform = scan_pages(buffer.getvalue(), seed)
    canvas = _canvas(out_dir / name, "Scannet dokument", "Scanner 3 (Lindholm Rådhus)")
    for jpeg in images:
        canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, PAGE[0], PAGE[1])
        canvas.showPage()
    canvas.save()
    for item in layout.items:
        item.kind = "scan"
        item.boxes = [transform(item.page, box) for box in item.boxes]
    return layout.items


def screenshot_page(out_dir: Path, name: str = "skaermbillede.pdf") -> list[TruthItem]:
    """A born-digital cover note with a screenshot of a social-media post embedded."""
    canvas = _canvas(out_dir / name, "Bilag: skærmbillede", "Tina Østergaard")
    layout = Layout(canvas, name, role_of)
    _write_blocks(layout, [texts.SCREENSHOT_NOTE])
    layout.skip(10)
    image, marks = screenshot()
    x0, top, x1, bottom = layout.image(image, 64, 467, quality=80)
    scale = (x1 - x0) / image.width
    for text, tag, box in marks:
        category, person = tag.split("@")
        role = role_of(person)
        layout.items.append(
            TruthItem(
                f"{name}:{len(layout.items) + 1}",
                name,
                layout.page,
                "image",
                role,
                person if role != "none" else "",
                category,
                text,
                [
                    [
                        x0 + box[0] * scale,
                        top + box[1] * scale,
                        x0 + box[2] * scale,
                        top + box[3] * scale,
                    ]
                ],
            )
        )
    canvas.save()
    return layout.items


def generate_documents(out_dir: Path) -> list[TruthItem]:
    """Write every sample document and ground_truth.json into ``out_dir``; return the items."""
    out_dir.mkdir(parents=True, exist_ok=True)
    items: list[TruthItem] = []
    items += born_digital(out_dir, "journalnotat.pdf", texts.JOURNAL)
    items += email_with_photo(out_dir)
    items += born_digital(out_dir, "afgoerelse.pdf", texts.DECISION)
    items += born_digital(out_dir, "moedereferat.pdf", texts.MINUTES)
    items += scanned(out_dir, "scannet-brev.pdf", texts.SCANNED_LETTER, seed=7)
    items += screenshot_page(out_dir)
    payload = {"case": texts.CASE, "items": [item.to_json() for item in items]}
    (out_dir / GROUND_TRUTH).write_text(
        json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return items


def load_ground_truth(out_dir: Path) -> list[TruthItem]:
    """Read ground_truth.json back into TruthItems."""
    data = json.loads((out_dir / GROUND_TRUTH).read_text(encoding="utf-8"))
    return [TruthItem(**item) for item in data["items"]]


def expected_withheld(
    item: TruthItem, withheld_staff: Iterable[str], keep_parties: bool, requester: str = ""
) -> bool:
    """Whether DOMAIN.md's redaction table withholds ``item`` in a release.

    ``withheld_staff``: staff keys withheld by name; ``keep_parties``: the party's own access;
    ``requester``: the requester's name (their own identifiers are always kept).
    """
    if item.role in ("none", "professional") or (requester and item.person == requester):
        return False
    if item.role == "staff":
        return item.person in set(withheld_staff) or item.category in ("address", "cpr")
    if item.role == "party":
        return not keep_parties
    return True
