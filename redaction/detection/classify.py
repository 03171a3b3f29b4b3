"""Turn one page's Presidio results into proposals, kept items and pending weak matches.

Overlaps are settled here, by priority: a strong match of a person the policy names beats
everything; an address beats a person name inside it (a street named after someone); a
person name that is longer than a weak first-name match around it wins (a citizen called
Birgitte Lund is not staff member Birgitte), otherwise it is the fallback of that match.
A person name that runs over a line break is first cut where a line holds nothing but a
weak match ("... Skam dig Birgitte / Bent Ravn: ...": the staff member, then a new name)
and before a strong match or an address that starts a later line ("Grethe Bundgaard /
Åboulevarden 72"), so neither swallows the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult

from redaction.detection.context_words import (
    ORGANISATION,
    PROFESSIONS,
    line_around,
    words_after,
    words_before,
)
from redaction.detection.email_recognizer import normalise_email
from redaction.detection.folding import digits, phone_key
from redaction.detection.layout import PageLayout
from redaction.detection.outcome import Outcome, decide, private
from redaction.detection.people_index import PeopleIndex, street_key
from redaction.detection.staff_register_recognizer import CASE_ENTITY, STAFF_ENTITY
from redaction.policy import Policy
from redaction.types import BBox, KeptItem, Redaction

KNOWN = (STAFF_ENTITY, CASE_ENTITY)
_WHAT = {"email": "email", "initials": "initials", "full": "name", "first": "name", "last": "name"}
FUNCTION_MAILBOXES = frozenset(
    [
        "post",
        "info",
        "kontakt",
        "sikkerpost",
        "mail",
        "noreply",
        "no-reply",
        "borgerservice",
        "jobcenter",
        "journal",
        "aktindsigt",
        "digitalpost",
        "sekretariat",
    ]
)


@dataclass
class Pending:
    """A weak match (first name or surname alone), decided once the whole document is read."""

    page: int
    pieces: list[tuple[BBox, str]]
    variant: str
    people: tuple[int, ...]
    fallback: list[Redaction] = field(default_factory=list)


@dataclass
class Spot:
    """Where a person is mentioned on a page: used to decide whose face a photo shows."""

    boxes: list[BBox]
    outcome: Outcome | None  # None: a weak match still pending
    people: tuple[int, ...] = ()
    name: str = ""


@dataclass
class PageFindings:
    """Everything found on one page."""

    proposals: list[Redaction] = field(default_factory=list)
    kept: list[KeptItem] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    evidence: set[int] = field(default_factory=set)
    spots: list[Spot] = field(default_factory=list)


def _overlaps(a: RecognizerResult, b: RecognizerResult) -> bool:
    return a.start < b.end and b.start < a.end


def _cut_before_lines_of(
    name: RecognizerResult, blockers: list[RecognizerResult], text: str
) -> RecognizerResult:
    """``name`` ending at the line break before a stronger finding that starts a later line.

    A name at the end of one line runs on into the next when that line starts with a
    capitalised word ("Grethe Bundgaard / Åboulevarden 72, ..."); the address or the staff
    member's full name on the next line is its own finding, and the name stays a name.
    """
    end = name.end
    for blocker in blockers:
        if name.start < blocker.start < end:
            cut = text.rfind("\n", name.start, blocker.start)
            if cut > name.start:
                end = min(end, len(text[name.start : cut].rstrip()) + name.start)
    if end == name.end:
        return name
    return RecognizerResult(
        name.entity_type,
        name.start,
        end,
        name.score,
        recognition_metadata=dict(name.recognition_metadata or {}),
    )


def _line_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` on each line, as (start, end) offsets."""
    segments: list[tuple[int, int]] = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        if stop > position:
            segments.append((position, stop))
        position = stop + 1
    return segments


class PageClassifier:
    """Classifies the results of one page against the policy."""

    def __init__(self, policy: Policy, index: PeopleIndex, page: int, layout: PageLayout):
        self.policy, self.index, self.page, self.layout = policy, index, page, layout
        self.found = PageFindings()
        self.people_spans: list[tuple[int, int]] = []  # people mentioned on the page

    def emit(
        self, result: RecognizerResult, outcome: Outcome, source: str, spot: bool = False
    ) -> list[Redaction]:
        """Record a finding as proposals (withheld) or kept items; returns the proposals."""
        pieces = self.layout.pieces(result.start, result.end)
        made: list[Redaction] = []
        for box, text in pieces:
            if outcome.category is not None:
                made.append(
                    Redaction(
                        self.page,
                        box,
                        outcome.category,
                        text,
                        outcome.label,
                        source,
                        outcome.person,
                    )
                )
            else:
                self.found.kept.append(
                    KeptItem(
                        self.page,
                        box,
                        outcome.kept_as,
                        text,
                        outcome.reason,
                        source,
                        outcome.person,
                    )
                )
        self.found.proposals.extend(made)
        if spot:
            self.found.spots.append(Spot([b for b, _ in pieces], outcome, name=outcome.person))
        return made

    def run(self, results: list[RecognizerResult]) -> PageFindings:
        """Classify every result of the page."""
        by_type: dict[str, list[RecognizerResult]] = {}
        for result in sorted(results, key=lambda r: (r.start, -r.end)):
            by_type.setdefault(result.entity_type, []).append(result)
        known = by_type.get(STAFF_ENTITY, []) + by_type.get(CASE_ENTITY, [])
        addresses = by_type.get("DK_ADDRESS", [])
        strong = [r for r in known if r.recognition_metadata["strength"] == "strong"]
        weak = [r for r in known if r.recognition_metadata["strength"] == "weak"]
        names = [
            r
            for r in self._split_names(by_type.get("PERSON", []), weak)
            for r in [_cut_before_lines_of(r, strong + addresses, self.layout.text)]
            if not any(_overlaps(r, k) for k in strong + addresses)
        ]
        self.people_spans = sorted(  # private persons: staff sit at the authority's address
            (r.start, r.end)
            for r in by_type.get(CASE_ENTITY, []) + names
            if r.recognition_metadata.get("strength", "strong") == "strong"
        )
        weak = [
            w
            for w in weak
            if not any(
                n.start <= w.start and w.end <= n.end and n.end - n.start > w.end - w.start
                for n in names
            )
        ]
        for result in strong:
            self._known(result)
        for result in weak:
            self._weak(result, [n for n in names if _overlaps(n, result)])
        for result in names:
            if not any(_overlaps(result, w) for w in weak):
                self._name(result)
        for result in by_type.get("EMAIL_ADDRESS", []):
            if not any(_overlaps(result, k) for k in strong):
                self._email(result)
        for result in by_type.get("DK_PHONE", []):
            self._phone(result)
        for result in by_type.get("DK_CPR", []):
            self._cpr(result)
        for result in addresses:
            self._address(result)
        return self.found

    def _split_names(
        self, names: list[RecognizerResult], weak: list[RecognizerResult]
    ) -> list[RecognizerResult]:
        """Split a name that runs over a line break where one line holds a weak match alone.

        "Skam dig Birgitte / Bent Ravn: ..." reads as one name to the name recognizer, but
        a line that holds nothing of the name but a staff member's first name is that
        staff member (kept or withheld by the policy), and the next line is a new name.
        """
        text = self.layout.text
        out: list[RecognizerResult] = []
        for name in names:
            segments = _line_segments(text, name.start, name.end)
            alone = len(segments) > 1 and any(
                (w.start, w.end) == segment for w in weak for segment in segments
            )
            if not alone:
                out.append(name)
                continue
            out.extend(
                RecognizerResult(
                    name.entity_type,
                    start,
                    end,
                    name.score,
                    recognition_metadata=dict(name.recognition_metadata or {}),
                )
                for start, end in segments
            )
        return out

    def _known(self, result: RecognizerResult) -> None:
        meta = result.recognition_metadata
        people = meta["people"]
        self.found.evidence.update(people)
        outcome = decide(self.policy, self.index, people, _WHAT[meta["variant"]])
        source = "staff_register" if result.entity_type == STAFF_ENTITY else "case_persons"
        self.emit(result, outcome, source, spot=True)

    def _weak(self, result: RecognizerResult, names: list[RecognizerResult]) -> None:
        meta = result.recognition_metadata
        fallback: list[Redaction] = []
        for name in names:
            fallback.extend(
                Redaction(
                    self.page,
                    box,
                    "person_name",
                    text,
                    self.policy.label_for("person_name"),
                    "presidio:PERSON",
                    text,
                )
                for box, text in self.layout.pieces(name.start, name.end)
            )
        pieces = self.layout.pieces(result.start, result.end)
        self.found.pending.append(
            Pending(self.page, pieces, meta["variant"], meta["people"], fallback)
        )
        self.found.spots.append(Spot([b for b, _ in pieces], None, meta["people"]))

    def _name(self, result: RecognizerResult) -> None:
        text = self.layout.text
        near = words_before(text, result.start, 2) + words_after(text, result.end, 1, 20)
        if any(w in PROFESSIONS for w in near):
            outcome = Outcome(
                text[result.start : result.end],
                kept_as="professional",
                reason="fagperson i en anden myndighed, i embeds medfør",
            )
        else:
            outcome = private(
                self.policy, "name", " ".join(text[result.start : result.end].split())
            )
        self.emit(result, outcome, "presidio:PERSON", spot=True)

    def _lookup(
        self,
        result: RecognizerResult,
        table: dict[str, list[int]],
        key: str,
        what: str,
        source: str,
    ) -> None:
        people = table.get(key, [])
        if people:
            self.found.evidence.update(people)
            self.emit(result, decide(self.policy, self.index, people, what), source)
        elif not self._organisation(result, what):
            self.emit(result, private(self.policy, what), source)

    def _organisation(self, result: RecognizerResult, what: str) -> bool:
        """Keep an organisation's own phone number or address (switchboard, town hall)."""
        line = line_around(self.layout.text, result.start, result.end)
        if what == "phone" and ORGANISATION.search(line):
            outcome = Outcome(
                "", kept_as="organisation", reason="myndighedens eller firmaets nummer"
            )
        elif what == "address" and ORGANISATION.search(
            self.layout.text[self._context_start(result.start, 60) : result.start]
        ):
            outcome = Outcome(
                "", kept_as="organisation", reason="myndighedens eller firmaets adresse"
            )
        else:
            return False
        self.emit(result, outcome, f"presidio:{result.entity_type}")
        return True

    def _context_start(self, start: int, reach: int) -> int:
        """Where the context before ``start`` begins: ``reach`` characters back, but never
        before the end of a private person named in between (the letterhead "Lindholm
        Kommune" above "Grethe Bundgaard / Åboulevarden 72" does not make hers the
        authority's address).
        """
        begin = max(0, start - reach)
        for span_start, span_end in self.people_spans:
            if begin <= span_start and span_end <= start:
                begin = span_end
        return begin

    def _email(self, result: RecognizerResult) -> None:
        address = normalise_email(self.layout.text[result.start : result.end])
        local, _, domain = address.partition("@")
        people = self.index.emails.get(address, [])
        if not people and (domain in self.index.staff_domains or local in FUNCTION_MAILBOXES):
            self.emit(
                result,
                Outcome("", kept_as="organisation", reason="myndighedens postkasse"),
                "presidio:EMAIL_ADDRESS",
            )
            return
        self._lookup(result, self.index.emails, address, "email", "presidio:EMAIL_ADDRESS")

    def _phone(self, result: RecognizerResult) -> None:
        key = phone_key(self.layout.text[result.start : result.end])
        self._lookup(result, self.index.phones, key, "phone", "presidio:DK_PHONE")

    def _cpr(self, result: RecognizerResult) -> None:
        key = digits(self.layout.text[result.start : result.end])
        self._lookup(result, self.index.cprs, key, "cpr", "presidio:DK_CPR")

    def _address(self, result: RecognizerResult) -> None:
        key = street_key(self.layout.text[result.start : result.end])
        people = self.index.addresses.get(key, [])
        if people:
            self.emit(
                result, decide(self.policy, self.index, people, "address"), "presidio:DK_ADDRESS"
            )
        elif not self._organisation(result, "address"):
            self.emit(result, private(self.policy, "address"), "presidio:DK_ADDRESS")
