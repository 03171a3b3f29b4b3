"""Faces in embedded images and on scanned pages, with OpenCV's Haar cascade.

The frontal-face cascade ships inside opencv-python-headless (<5). Only image regions are
searched (a born-digital page without images has no photo), each rendered small: a
portrait needs no more than ~600 px for the cascade, which keeps a page well under
100 ms. A candidate whose pixels are nearly all paper-white or ink-black is text, not a
face, and is dropped (Haar cascades fire on some letter shapes in scans).

Which box is withheld: when the image is portrait-sized (at most 200 pt a side, as a
signature photo or an avatar) or the face fills a good part of it, the whole image;
otherwise (a face in a large screenshot, a group photo) the face with a margin.
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
PORTRAIT_SHARE = 0.02  # a face covering this share of its image makes the image a portrait
PORTRAIT_SIDE = 200.0  # points: an image no larger than this with a face is a portrait
MARGIN = 0.3  # extra border around a face that is withheld on its own
MIN_MIDTONES = 0.2  # share of pixels between ink and paper in a real face


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


def detect_faces(image: Image.Image, min_size: int = 24) -> list[tuple[int, int, int, int]]:
    """Face rectangles (x, y, w, h) in pixels of a grey or colour image."""
    grey = np.asarray(image.convert("L"))
    if min(grey.shape) < min_size:
        return []
    grey = cv2.equalizeHist(grey)
    found = _cascade().detectMultiScale(
        grey, scaleFactor=1.1, minNeighbors=5, minSize=(min_size, min_size)
    )
    faces: list[tuple[int, int, int, int]] = []
    raw = np.asarray(image.convert("L"))
    for x, y, w, h in found if len(found) else []:
        if not _looks_like_text(raw[y : y + h, x : x + w]):
            faces.append((int(x), int(y), int(w), int(h)))
    return faces


def _withheld_box(face: BBox, region: BBox) -> BBox:
    face_area = (face[2] - face[0]) * (face[3] - face[1])
    region_area = max((region[2] - region[0]) * (region[3] - region[1]), 1.0)
    small = max(region[2] - region[0], region[3] - region[1]) <= PORTRAIT_SIDE
    if small or face_area >= PORTRAIT_SHARE * region_area:
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
    finally:
        image.close()
    faces: list[Face] = []
    for x, y, w, h in rects:
        face = (x0 + x / scale, top + y / scale, x0 + (x + w) / scale, top + (y + h) / scale)
        faces.append(Face(_withheld_box(face, region.bbox), face, region.bbox))
    return faces


def find_faces(page: pdfium.PdfPage, regions: list[ImageRegion]) -> list[Face]:
    """Faces in every image region of the page."""
    faces: list[Face] = []
    for region in regions:
        faces.extend(faces_in_region(page, region))
    return faces
