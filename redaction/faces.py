"""Faces in embedded images and on scanned pages, with OpenCV's Haar cascade.

The frontal-face cascade ships inside opencv-python-headless (<5). Only image regions are
searched (a born-digital page without images has no photo), each rendered small: a
portrait needs no more than ~600 px for the cascade, which keeps a page well under
100 ms. A candidate whose pixels are nearly all paper-white or ink-black is text, not a
face, and is dropped (Haar cascades fire on some letter shapes in scans).

The cascade runs on the plain grey image first and, only when that finds nothing, on a
histogram-equalised copy: equalising a screenshot that is mostly flat background stretches
the few mid-tones of a photo inside it and hides the face.

Which box is withheld: when the image is portrait-sized (at most 200 pt a side, as a
signature photo or an avatar) or the face fills a good part of it, the whole image; when
the face sits in a photo inside a larger image (a photo in a screenshot of a post), that
photo: the textured area around the face, bounded by the flat background of the page;
otherwise (a group photo, a face on a scanned page) the face with a margin.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from redaction.images import ImageRegion, render_region
from redaction.types import BBox

logger = logging.getLogger(__name__)

MIN_REGION_SIDE = 24.0  # points: smaller images are icons and bullets
TARGET_LONG_SIDE = 640  # pixels the region is rendered to (long side)
MAX_FACE_DPI = 200.0
PORTRAIT_SHARE = 0.08  # a face covering this share of its image makes the image a portrait
PORTRAIT_SIDE = 200.0  # points: an image no larger than this with a face is a portrait
MARGIN = 0.3  # extra border around a face that is withheld on its own
MIN_MIDTONES = 0.2  # share of pixels between ink and paper in a real face
BACKGROUND_SHARE = 0.03  # a grey level this common is flat background (page, card, panel)
BACKGROUND_TOLERANCE = 8  # grey levels around a background level that still count as it
MAX_PHOTO_SHARE = 0.6  # a "photo" larger than this share of its image is the whole image


@dataclass(frozen=True)
class Face:
    """A face found on a page: the box to withhold and the face itself, in points."""

    bbox: BBox
    face: BBox
    region: BBox | None


@cache
def _cascade() -> Any:
    path = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
    classifier = cv2.CascadeClassifier(path)
    if classifier.empty():  # pragma: no cover - broken install
        raise RuntimeError(f"Haar cascade missing: {path}")
    return classifier


def _looks_like_text(grey: np.ndarray) -> bool:
    middle = np.count_nonzero((grey > 60) & (grey < 200))
    return bool(middle < MIN_MIDTONES * grey.size)


def _cascade_faces(grey: np.ndarray, raw: np.ndarray, min_size: int) -> list[tuple[int, ...]]:
    found = _cascade().detectMultiScale(
        grey, scaleFactor=1.1, minNeighbors=5, minSize=(min_size, min_size)
    )
    faces: list[tuple[int, ...]] = []
    for x, y, w, h in found if len(found) else []:
        if not _looks_like_text(raw[y : y + h, x : x + w]):
            faces.append((int(x), int(y), int(w), int(h)))
    return faces


def detect_faces(image: Image.Image, min_size: int = 24) -> list[tuple[int, int, int, int]]:
    """Face rectangles (x, y, w, h) in pixels of a grey or colour image."""
    raw = np.asarray(image.convert("L"))
    if min(raw.shape) < min_size:
        return []
    faces = _cascade_faces(raw, raw, min_size) or _cascade_faces(
        cv2.equalizeHist(raw), raw, min_size
    )
    return [(x, y, w, h) for x, y, w, h in faces]


def photo_around(grey: np.ndarray, face: tuple[int, int, int, int]) -> tuple[int, ...] | None:
    """The photo holding a face inside a larger image, (x0, y0, x1, y1) in pixels, or None.

    The grey levels that cover a large share of the image are its flat background (page,
    card, comment panels); the photo is the connected textured area around the face's
    centre. None when there is no such area or it is (nearly) the whole image.
    """
    height, width = grey.shape
    smooth = cv2.medianBlur(grey, 3)
    counts = np.bincount(smooth.ravel(), minlength=256)
    flat = np.zeros(smooth.shape, dtype=bool)
    for level in np.flatnonzero(counts >= BACKGROUND_SHARE * smooth.size):
        flat |= np.abs(smooth.astype(np.int16) - int(level)) <= BACKGROUND_TOLERANCE
    if not flat.any():
        return None
    textured = cv2.morphologyEx((~flat).astype(np.uint8), cv2.MORPH_CLOSE, np.ones((3, 3)))
    _, labels, stats, _ = cv2.connectedComponentsWithStats(textured, connectivity=8)
    x, y, w, h = face
    label = int(labels[min(y + h // 2, height - 1), min(x + w // 2, width - 1)])
    if label == 0:
        return None
    left, top, span_x, span_y = (int(v) for v in stats[label][:4])
    if span_x * span_y > MAX_PHOTO_SHARE * width * height or span_x < w or span_y < h:
        return None
    return (
        min(left, x),
        min(top, y),
        max(left + span_x, x + w),
        max(top + span_y, y + h),
    )


def _withheld_box(face: BBox, region: BBox, photo: BBox | None = None) -> BBox:
    face_area = (face[2] - face[0]) * (face[3] - face[1])
    region_area = max((region[2] - region[0]) * (region[3] - region[1]), 1.0)
    small = max(region[2] - region[0], region[3] - region[1]) <= PORTRAIT_SIDE
    if small:
        return region
    if photo is not None:
        return photo
    if face_area >= PORTRAIT_SHARE * region_area:
        return region
    dx, dy = (face[2] - face[0]) * MARGIN, (face[3] - face[1]) * MARGIN
    return (
        max(face[0] - dx, region[0]),
        max(face[1] - dy, region[1]),
        min(face[2] + dx, region[2]),
        min(face[3] + dy, region[3]),
    )


def faces_in_region(page: pdfium.PdfPage, region: ImageRegion) -> list[Face]:
    """Faces inside one image region of a page, boxes in page points."""
    x0, top, x1, bottom = region.bbox
    long_side = max(x1 - x0, bottom - top)
    if min(x1 - x0, bottom - top) < MIN_REGION_SIDE:
        return []
    dpi = min(MAX_FACE_DPI, TARGET_LONG_SIDE / long_side * 72.0)
    image, scale = render_region(page, region, dpi)
    if image is None:
        return []
    try:
        rects = detect_faces(image)
        grey = np.asarray(image.convert("L")) if rects else None
    finally:
        image.close()

    def points(box: tuple[int, ...]) -> BBox:
        return (
            x0 + box[0] / scale,
            top + box[1] / scale,
            x0 + box[2] / scale,
            top + box[3] / scale,
        )

    faces: list[Face] = []
    for x, y, w, h in rects:
        face = points((x, y, x + w, y + h))
        around = photo_around(grey, (x, y, w, h)) if grey is not None else None
        photo = points(around) if around is not None else None
        faces.append(Face(_withheld_box(face, region.bbox, photo), face, region.bbox))
    return faces


def find_faces(
    page: pdfium.PdfPage, regions: list[ImageRegion], *, one_thread: bool = False
) -> list[Face]:
    """Faces in every image region of the page.

    ``one_thread`` keeps OpenCV's cascade on one thread (the results are the same), for
    when another core is busy, e.g. with tesseract: OpenCV's worker threads would slow it.
    """
    if not regions:
        return []
    threads = cv2.getNumThreads()
    if one_thread:
        cv2.setNumThreads(1)
    try:
        faces: list[Face] = []
        for region in regions:
            faces.extend(faces_in_region(page, region))
        return faces
    finally:
        if one_thread:
            cv2.setNumThreads(threads)
