"""The staff register, the parties and the requester: every name form, one automaton pass.

Each match carries in its metadata who it may be (``people``: indices into the
``PeopleIndex``), the form (``variant``) and its ``strength``:

- ``strong``: full name, first + last, e-mail, upper-case initials (3+ letters), or a first
  name / surname / lower-case code right after a staff cue ("Sagsbehandler:", "Fra:",
  "Med venlig hilsen"). A strong match is evidence that the person appears in the document.
- ``weak``: a capitalised first name or surname alone ("Birgitte sagde", "Holms"). It
  counts only where the same person has strong evidence somewhere in the same document,
  which ``analyze`` decides once all pages are read.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.detection.context_words import STAFF_CUES
from redaction.detection.folding import fold
from redaction.detection.name_lists import is_danish_word
from redaction.detection.people_index import Match, PeopleIndex

STAFF_ENTITY = "STAFF_MEMBER"
CASE_ENTITY = "CASE_PERSON"
NAME = "StaffRegisterRecognizer"


def _cue_before(text: str, start: int) -> bool:
    window = fold(text[max(0, start - 40) : start])
    return bool(STAFF_CUES.search(window)) or window.endswith("/")


def strength(text: str, match: Match) -> str | None:
    """``strong``, ``weak`` or None (not a name here, e.g. a lower-case common word)."""
    raw = text[match.start : match.end].rstrip("'’s") or text[match.start : match.end]
    if match.variant in ("email", "full"):
        return "strong"
    cue = _cue_before(text, match.start) or text[match.end : match.end + 1] == "/"
    if match.variant == "initials":
        if (raw.isupper() and len(raw) >= 3) or cue:
            return "strong"
        return "strong" if len(raw) >= 3 and not is_danish_word(raw) else None
    if not raw[:1].isupper():
        return None
    return "strong" if cue else "weak"


class StaffRegisterRecognizer(EntityRecognizer):
    """Recognizes the people the policy names (staff, parties, requester) in any form."""

    def __init__(self, index: PeopleIndex) -> None:
        self.index = index
        super().__init__(
            supported_entities=[STAFF_ENTITY, CASE_ENTITY],
            name=NAME,
            supported_language="da",
        )

    def load(self) -> None:
        """Nothing to load: the automaton is built with the index."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per match and kind of person (staff, or party/requester)."""
        results: list[RecognizerResult] = []
        for match in self.index.find(text):
            level = strength(text, match)
            if level is None:
                continue
            staff = tuple(i for i in match.people if self.index.people[i].kind == "staff")
            others = tuple(i for i in match.people if i not in staff)
            for entity, people in ((STAFF_ENTITY, staff), (CASE_ENTITY, others)):
                if not people:
                    continue
                results.append(
                    RecognizerResult(
                        entity,
                        match.start,
                        match.end,
                        1.0 if level == "strong" else 0.5,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: NAME,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            "variant": match.variant,
                            "people": people,
                            "strength": level,
                        },
                    )
                )
        return results
