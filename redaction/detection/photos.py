"""Whose face is it: a photo belongs to the nearest name mentioned next to it on the page.

A portrait in an e-mail signature sits beside the name, title, phone and e-mail of its
owner; an avatar in a screenshot of a post sits beside the poster's name; a photo in a post
comes after the text that names its subject, and before the comments (whose authors are
named below it). So a face takes the outcome of the nearest mention (name, initials,
e-mail) within ``REACH`` points of the photo (the box withheld for it), looking beside and
above it first and below it only when nothing is named beside or above:
a withheld staff member -> ``staff_photo`` under their label; a kept staff member, the
requester or a kept party -> kept; a private person, or nobody named nearby -> ``photo``
under the private label (a face of someone we cannot place is a private person's).
"""

from __future__ import annotations

from dataclasses import dataclass

from redaction.detection.classify import Spot
from redaction.detection.outcome import Outcome, private
from redaction.faces import Face
from redaction.policy import Policy
from redaction.types import BBox

REACH = 150.0  # points between a photo and the name it belongs to


@dataclass
class PhotoOwner:
    """The mention a face is attributed to (None: nobody named nearby)."""

    face: Face
    spot: Spot | None


def gap(a: BBox, b: BBox) -> float:
    """The distance between two boxes in points (0 when they touch or overlap)."""
    dx = max(b[0] - a[2], a[0] - b[2], 0.0)
    dy = max(b[1] - a[3], a[1] - b[3], 0.0)
    return float((dx * dx + dy * dy) ** 0.5)


def _below(photo: BBox, box: BBox) -> bool:
    """True when ``box`` lies entirely below the photo (a comment or text after it)."""
    return box[1] >= photo[3]


def owner_of(face: Face, spots: list[Spot]) -> PhotoOwner:
    """The nearest mention beside or above the photo, else the nearest below, within REACH."""
    target = face.bbox
    best: tuple[bool, float, Spot] | None = None
    for spot in spots:
        for box in spot.boxes:
            distance = gap(target, box)
            if distance > REACH:
                continue
            rank = (_below(target, box), distance)
            if best is None or rank < best[:2]:
                best = (rank[0], rank[1], spot)
    return PhotoOwner(face, best[2] if best else None)


def photo_outcome(policy: Policy, outcome: Outcome | None) -> Outcome:
    """The photo's outcome from its owner's: the same person, kept or withheld."""
    if outcome is None:
        return private(policy, "photo")
    if not outcome.withheld:
        return Outcome(outcome.person, kept_as=outcome.kept_as, reason=outcome.reason)
    if outcome.category is not None and outcome.category.startswith("staff_"):
        return Outcome(outcome.person, "staff_photo", outcome.label)
    return Outcome(outcome.person, "photo", policy.label_for("photo"))
