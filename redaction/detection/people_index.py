"""The people the policy names, and one Aho-Corasick automaton over all their name forms.

One automaton holds every variant of every staff member, party and the requester (full
name, first + last, first alone, surname alone, initials, e-mail, spelling variants), so a
register of 10,000+ staff costs one pass over the folded page text (NOTES.md: a Presidio
deny list of 5,000 names ran 27 pages/s; an automaton 7,900).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from redaction.detection.folding import digits, fold, normalise, phone_key, spelling_variants
from redaction.policy import Policy, PrivatePerson, StaffMember

PersonKind = Literal["staff", "party", "requester"]
Variant = Literal["full", "first", "last", "initials", "email"]
OCR_AT = ("q", "&", "©", "æ", "®", "(a)", " @ ", "@ ", " @")  # how OCR reads "@"


@dataclass(frozen=True)
class Person:
    """A person known by name from the policy."""

    kind: PersonKind
    key: str  # staff key, or the private person's name
    name: str
    staff: StaffMember | None = None
    private: PrivatePerson | None = None


@dataclass(frozen=True)
class Match:
    """A name form found in the text: offsets in the original text and who it may be."""

    start: int
    end: int
    variant: Variant
    people: tuple[int, ...]


def _name_forms(name: str) -> Iterator[tuple[str, Variant]]:
    tokens = normalise(name).split()
    if not tokens:
        return
    first, last = tokens[0], tokens[-1]
    yield " ".join(tokens), "full"
    if len(tokens) >= 2:
        yield f"{first} {last}", "full"
        yield f"{last}, {first}", "full"
        yield f"{last}, {' '.join(tokens[:-1])}", "full"
        yield first, "first"
        for index in range(1, len(tokens)):
            yield tokens[index], "last"
        if len(tokens) >= 3:
            yield " ".join(tokens[:-1]), "full"
            yield " ".join(tokens[1:]), "full"


def _email_forms(email: str) -> Iterator[str]:
    folded = normalise(email)
    if "@" not in folded:
        return
    yield folded
    for replacement in OCR_AT:
        yield folded.replace("@", replacement)


class PeopleIndex:
    """Every person of the policy and the automaton of their name forms."""

    def __init__(self, policy: Policy) -> None:
        self.people: list[Person] = []
        self.phones: dict[str, list[int]] = defaultdict(list)
        self.emails: dict[str, list[int]] = defaultdict(list)
        self.cprs: dict[str, list[int]] = defaultdict(list)
        self.staff_domains: set[str] = set()
        self.addresses: dict[str, list[int]] = defaultdict(list)  # "vestergade 12" -> people
        forms: dict[str, dict[int, Variant]] = defaultdict(dict)
        for member in policy.staff:
            self._add(
                Person("staff", member.key, member.name, staff=member),
                forms,
                member.initials,
                member.email,
                member.phone,
                "",
            )
        for party in policy.parties:
            self._add(
                Person("party", party.name, party.name, private=party),
                forms,
                "",
                party.email,
                party.phone,
                party.cpr,
            )
        if policy.requester is not None:
            req = policy.requester
            self._add(
                Person("requester", req.name, req.name, private=req),
                forms,
                "",
                req.email,
                req.phone,
                req.cpr,
            )
        self.automaton = ahocorasick.Automaton()
        for key, owners in forms.items():
            entries = tuple(sorted(owners.items()))
            self.automaton.add_word(key, (len(key), entries))
        if forms:
            self.automaton.make_automaton()

    def _add(
        self,
        person: Person,
        forms: dict[str, dict[int, Variant]],
        initials: str,
        email: str,
        phone: str,
        cpr: str,
    ) -> None:
        index = len(self.people)
        self.people.append(person)

        def put(form: str, variant: Variant) -> None:
            for spelled in spelling_variants(form):
                # a stronger variant of the same text wins (full > initials > first/last)
                if forms[spelled].get(index) in (None, "first", "last"):
                    forms[spelled][index] = variant

        for form, variant in _name_forms(person.name):
            if len(form) >= 2:
                put(form, variant)
        if len(initials) >= 2:
            put(fold(initials), "initials")
        for form in _email_forms(email):
            forms[form][index] = "email"
        if email and "@" in email:
            self.emails[normalise(email)].append(index)
            if person.kind == "staff":
                self.staff_domains.add(normalise(email).rsplit("@", 1)[1])
        if len(phone_key(phone)) == 8:
            self.phones[phone_key(phone)].append(index)
        if len(digits(cpr)) == 10:
            self.cprs[digits(cpr)].append(index)
        if person.private is not None and person.private.address:
            self.addresses[street_key(person.private.address)].append(index)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping name forms in ``text`` at word boundaries, longest first.

        A genitive ``s`` or apostrophe directly after a name belongs to the match
        (Birgittes, Holms, Jens').
        """
        if not self.people or len(self.automaton) == 0:
            return []
        folded = fold(text)
        found: list[Match] = []
        for end_index, (length, entries) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            variants = {variant for _, variant in entries}
            if "email" not in variants:
                end = _genitive_end(folded, end)
            if end < len(folded) and (folded[end].isalnum() or folded[end] == "@"):
                continue
            variant = _strongest(variants)
            people = tuple(i for i, v in entries if v == variant)
            found.append(Match(start, end, variant, people))
        return _longest_first(found)


_STREET_FOLD = str.maketrans({"å": "a", "æ": "a", "ø": "o", "é": "e", "ü": "u", ",": " ", ".": " "})


def street_key(address: str) -> str:
    """Street and house number of an address, folded ("Åboulevarden 70, 3. th." -> ...).

    Danish letters are folded with their spelling variants and OCR misreadings
    (Åboulevarden, Aaboulevarden, Aboulevarden; Ørstedsvej, Oerstedsvej), so the party's
    address from the case system matches the one in the text or on a scan.
    """
    folded = normalise(address).replace("aa", "å").replace("ae", "æ").replace("oe", "ø")
    tokens = folded.translate(_STREET_FOLD).split()
    for position, token in enumerate(tokens):
        if token[:1].isdigit():
            return " ".join(tokens[: position + 1])
    return " ".join(tokens)


_ORDER: tuple[Variant, ...] = ("email", "full", "initials", "last", "first")


def _strongest(variants: set[Variant]) -> Variant:
    return next(v for v in _ORDER if v in variants)


def _genitive_end(folded: str, end: int) -> int:
    if folded[end : end + 2] in ("'s",):
        return end + 2
    if folded[end : end + 1] in ("s", "'"):
        after = folded[end + 1 : end + 2]
        if not after or not after.isalnum():
            return end + 1
    return end


def _longest_first(matches: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if any(match.start < e and s < match.end for s, e in taken):
            continue
        chosen.append(match)
        taken.append((match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)
