"""What a document job needs: the stored original and the redaction policy of its request.

The policy follows the person's decision where it changed the recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlmodel import Session

from app import redaction_policy
from app.models.decision import Decision
from app.models.request import Request
from app.services import requests as request_service
from app.services.documents import get_document
from app.services.staff import current_register
from redaction.policy import Policy, StaffMember
from rules import Assessment, RuleBook, ScreeningRequest, load_rulebook


@dataclass(frozen=True)
class JobInputs:
    source_sha256: str
    policy: Policy | None  # None: a refusal, nothing is released


@lru_cache(maxsize=8)
def rulebook(rules_file: Path | None) -> RuleBook:
    return load_rulebook(rules_file)


def job_inputs(session: Session, document_id: int, book: RuleBook | None = None) -> JobInputs:
    document = get_document(session, document_id)
    request = request_service.get_request(session, document.request_id)
    settings = session.info["settings"]
    book = book or rulebook(settings.rules_file)
    screening = request_service.screening_request(session, request)
    assessment = effective_assessment(
        request, request_service.latest_decision(session, document.request_id), book
    )
    policy = build_policy(screening, assessment, current_register(session), book)
    return JobInputs(document.sha256, policy)


def effective_assessment(request: Request, decision: Decision | None, book: RuleBook) -> Assessment:
    """The assessment, with the recommendation the person chose if they changed it."""
    assessment = request_service.assessment_of(request)
    if decision is None or decision.recommendation == assessment.recommendation:
        return assessment
    rule_set = book.rule_sets[assessment.rule_set]
    chosen = decision.recommendation
    legal_basis = assessment.legal_basis or [rule_set.labels[rule_set.threatened_staff_basis]]
    return assessment.model_copy(
        update={
            "recommendation": chosen,
            "withhold_all_staff": chosen == "grant_without_staff_identity",
            "withheld_staff": [] if chosen == "refuse" else assessment.withheld_staff,
            "legal_basis": legal_basis,
        }
    )


def build_policy(
    request: ScreeningRequest, assessment: Assessment, staff: list[StaffMember], book: RuleBook
) -> Policy | None:
    """The redaction policy, or None for a refusal (nothing is released)."""
    release = redaction_policy.build_policy(request, assessment, staff, book)
    return release.policy if release.release else None
