"""PDF work of the review (page images, release copies) in a helper process.

pdfium may not be called from two threads at once, and the service's job workers use it in
threads of the server process. The UI therefore renders and redacts in one separate process,
so that its calls never run alongside the workers' calls.
"""

from __future__ import annotations

import atexit
import io
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from redaction.types import BBox, Redaction

log = logging.getLogger(__name__)
T = TypeVar("T")
SCALE = 1.6  # page images at 115 dpi: sharp on a laptop, light enough to send
PAD_PT = 0.8  # as redaction.apply: boxes grow a little to cover glyph edges
TIMEOUT = 600.0
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            context = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=context,
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )
        return _pool


def shutdown() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


atexit.register(shutdown)


def _call(function: Callable[..., T], *args: Any) -> T:
    """Run ``function`` in the helper process; a crashed helper is replaced once."""
    for attempt in (1, 2):
        try:
            return _executor().submit(function, *args).result(timeout=TIMEOUT)
        except BrokenProcessPool:
            log.warning("PDF helper process died (attempt %d); starting a new one", attempt)
            shutdown()
    raise RuntimeError("PDF helper process keeps failing")


# --- run in the helper process ------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    """End the helper when the service is gone (killed, or stopped without a clean exit)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@lru_cache(maxsize=24)
def _page_image(path: str, page: int, scale: float) -> Any:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        pdf_page = document[page - 1]
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        pdf_page.close()
        return image
    finally:
        document.close()


def _render(path: str, page: int, scale: float, paint: Sequence[BBox]) -> bytes:
    from PIL import ImageDraw

    image = _page_image(path, page, scale).copy()
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in paint:
        box = [(x0 - PAD_PT) * scale, (top - PAD_PT) * scale]
        box += [(x1 + PAD_PT) * scale, (bottom + PAD_PT) * scale]
        draw.rectangle(box, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3)
    return out.getvalue()


def _page_count(path: str) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def _apply(src: str, dst: str, redactions: list[Redaction]) -> None:
    from redaction.apply import apply_redactions

    apply_redactions(Path(src), Path(dst), redactions)


# --- the API the UI uses ----------------------------------------------------------------


def page_png(path: Path, page: int, paint: Sequence[BBox] = ()) -> bytes:
    """The page as PNG, with the ``paint`` boxes blacked out in the pixels."""
    return _call(_render, str(path), page, SCALE, list(paint))


def page_count(path: Path) -> int:
    return _call(_page_count, str(path))


def apply_redactions(src: Path, dst: Path, redactions: Sequence[Redaction]) -> None:
    """redaction.apply_redactions, run in the helper process."""
    _call(_apply, str(src), str(dst), list(redactions))
