"""Detection: Presidio recognizers for Danish case files, the staff register automaton, and
the classification of findings against the redaction policy. The entry point is
``redaction.analyze.analyze``.
"""

from redaction.detection.people_index import PeopleIndex
from redaction.detection.registry import build_analyzer, build_registry

__all__ = ["PeopleIndex", "build_analyzer", "build_registry"]
