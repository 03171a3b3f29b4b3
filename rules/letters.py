"""Draft letters in Danish: a short grant letter, or a decision with begrundelse and
klagevejledning (FVL §§ 22-25) for every other outcome. Templates are data (letters.yaml)."""

from __future__ import annotations

from datetime import date

from jinja2 import Environment, StrictUndefined

from rules.engine import OutcomeFacts, outcome_row
from rules.models import Assessment, FiredSignal, ScreeningRequest
from rules.regime import choose_rule_set
from rules.schema import RuleBook, RuleSet
from rules.signals import incidents_on_record

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
INCIDENT_SIGNALS = {"H1": "threat", "H2": "aggression", "H3": "online_exposure"}

_ENV = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def danish_date(day: date) -> str:
    """20. november 2026."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def is_plain_grant(assessment: Assessment) -> bool:
    """A grant that withholds no staff member: it needs no reasoned decision."""
    return assessment.recommendation == "grant" and not assessment.withheld_staff


def _decision_paragraph(assessment: Assessment) -> str:
    if assessment.recommendation == "refuse":
        return "Vi afslår din anmodning om aktindsigt."
    parts = ["Du får aktindsigt i sagens dokumenter"]
    if assessment.withhold_all_staff:
        parts.append(
            ", men vi undtager navne, initialer, direkte telefonnumre, e-mailadresser og "
            "billeder af de medarbejdere, der ikke er ledere"
        )
        if assessment.threatened_staff:
            parts.append(", og af medarbejdere, der har været udsat for trusler")
    elif assessment.withheld_staff:
        parts.append(
            ", men vi undtager navn og andre oplysninger, der kan identificere "
            + ("en medarbejder" if len(assessment.withheld_staff) == 1 else "de medarbejdere")
            + ", som sagen angår"
            if assessment.objecting_staff
            else ", men vi undtager oplysninger, der kan identificere "
            + ("en medarbejder" if len(assessment.withheld_staff) == 1 else "medarbejdere")
            + ", der har været udsat for trusler"
        )
    return "".join(parts) + ". Oplysninger om privatpersoners private forhold er også undtaget."


def _fact(signal: FiredSignal, request: ScreeningRequest) -> str:
    kind = INCIDENT_SIGNALS.get(signal.id)
    if kind is None:
        return f"{signal.title}: {signal.evidence}"
    found = incidents_on_record(request.history.incidents, kind, request.received)
    dates = ", ".join(danish_date(i.date) for i in sorted(found, key=lambda i: i.date))
    return f"{signal.title}: registreret {dates}" if dates else signal.title


def _reasons(assessment: Assessment, rule_set: RuleSet) -> tuple[list[str], list[str]]:
    """Paragraphs of reasons and the law texts they rest on, without naming withheld staff."""
    row = outcome_row(rule_set, OutcomeFacts.of(assessment))  # the row the engine chose
    reasons: list[str] = []
    keys: list[str] = []
    if row.reason:
        reasons.append(" ".join(row.reason.split()))
    if row.basis:
        keys.append(row.basis)
    refused = assessment.recommendation == "refuse"
    if assessment.threatened_staff and not refused:
        reasons.append(
            "Der er inden for de seneste 24 måneder registreret trusler mod en eller flere af "
            "de medarbejdere, der har behandlet sagen. Hensynet til deres sikkerhed vejer "
            "tungere end interessen i at kende deres identitet."
        )
        keys.append(rule_set.threatened_staff_basis)
    if assessment.objecting_staff and not refused and rule_set.objecting_staff_basis:
        keys.append(rule_set.objecting_staff_basis)
    if not refused:  # private matters are only withheld from what is released
        keys.append(rule_set.private_basis)
    texts = [
        " ".join(rule_set.law_texts[k].split())
        for k in dict.fromkeys(keys)
        if k in rule_set.law_texts
    ]
    return reasons, texts


def draft_letter(
    request: ScreeningRequest, assessment: Assessment, book: RuleBook, today: date | None = None
) -> str:
    """The draft letter for ``assessment``: a grant letter for a plain grant, otherwise a
    decision with begrundelse, the rules applied and klagevejledning."""
    rule_set = (
        book.rule_sets[assessment.rule_set]
        if assessment.rule_set in book.rule_sets
        else choose_rule_set(book, assessment.regime, request.case.kind, request.received)
    )
    reasons, law_texts = _reasons(assessment, rule_set)
    context = {
        "municipality": book.municipality.model_copy(
            update={"signature": book.municipality.signature.replace("\\n", "\n")}
        ),
        "requester": request.requester,
        "case": request.case,
        "received": danish_date(request.received),
        "today": danish_date(today or date.today()),
        "rule_set": rule_set,
        "assessment": assessment,
        "complaint": book.complaints[assessment.regime],
        "decision": _decision_paragraph(assessment),
        "reasons": reasons,
        "facts": [_fact(s, request) for s in assessment.signals],
        "law_texts": law_texts,
    }
    template = book.letters.grant if is_plain_grant(assessment) else book.letters.decision
    return _ENV.from_string(template).render(**context).strip() + "\n"
