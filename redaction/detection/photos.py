"""Whose face is it: a photo belongs to the nearest name mentioned next to it on the page.

A portrait in an e-mail signature sits beside the name, title, phone and e-mail of its
owner; an avatar in a screenshot of a post sits beside the poster's name. So a face takes
the outcome of the nearest mention (name, initials, e-mail) within ``REACH`` points:
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


def owner_of(face: Face, spots: list[Spot]) -> PhotoOwner:
    """The nearest mention of a person to the photo (its image region, else the face)."""
    target = face.region or face.bbox
    best: tuple[float, Spot] | None = None
    for spot in spots:
        for box in spot.boxes:
            distance = gap(target, box)
            if distance <= REACH and (best is None or distance < best[0]):
                best = (distance, spot)
    return PhotoOwner(face, best[1] if best else None)


def photo_outcome(policy: Policy, outcome: Outcome | None) -> Outcome:
    """The photo's outcome from its owner's: the same person, kept or withheld."""
    if outcome is None:
        return private(policy, "photo")
    if not outcome.withheld:
        return Outcome(outcome.person, kept_as=outcome.kept_as, reason=outcome.reason)
    if outcome.category is not None and outcome.category.startswith("staff_"):
        return Outcome(outcome.person, "staff_photo", outcome.label)
    return Outcome(outcome.person, "photo", policy.label_for("photo"))
