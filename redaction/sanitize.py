"""Strip everything from a release copy that could carry hidden identity or run code.

Removed: document info and XMP metadata, annotations on every page (comments, links,
stamps, widgets), embedded files and attachments, AcroForm fields, JavaScript and every
automatic action (OpenAction, AA), outlines, page thumbnails, PieceInfo (application
private data), the logical structure tree (with its alternate and actual texts) and
article threads. Rendering-relevant parts (resources, optional content) stay.
"""

from __future__ import annotations

import logging

import pikepdf

log = logging.getLogger(__name__)

_ROOT_KEYS = (
    "/Metadata",
    "/OpenAction",
    "/AA",
    "/Names",  # EmbeddedFiles, JavaScript, named destinations
    "/AcroForm",
    "/Outlines",
    "/StructTreeRoot",
    "/MarkInfo",
    "/PieceInfo",
    "/Threads",
    "/SpiderInfo",
    "/Perms",
    "/Collection",
    "/URI",
    "/Legal",
    "/Dests",
)
_PAGE_KEYS = (
    "/Annots",
    "/AA",
    "/Thumb",
    "/PieceInfo",
    "/Metadata",
    "/StructParents",
    "/B",
    "/PresSteps",
    "/ID",
)
# Keys removed wherever they occur (images, form XObjects, fonts).
_ANYWHERE_KEYS = ("/Metadata", "/PieceInfo", "/OPI")


def _drop(obj: pikepdf.Object, keys: tuple[str, ...]) -> int:
    removed = 0
    for key in keys:
        if key in obj:
            del obj[key]
            removed += 1
    return removed


def sanitize(pdf: pikepdf.Pdf) -> int:
    """Clean ``pdf`` in place; return how many entries were removed (for the log)."""
    removed = 0
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
        removed += 1
    root = pdf.Root
    removed += _drop(root, _ROOT_KEYS)
    if root.get("/PageMode") in (pikepdf.Name.UseOutlines, pikepdf.Name.UseAttachments):
        del root["/PageMode"]
    for page in pdf.pages:
        removed += _drop(page.obj, _PAGE_KEYS)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) and obj.objgen != root.objgen:
            removed += _drop(obj, _ANYWHERE_KEYS)
    log.debug("sanitize removed %d entries", removed)
    return removed
