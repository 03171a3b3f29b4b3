"""Table models, one module per domain noun; importing this package registers them all."""

from app.models.api_key import ApiKey
from app.models.audit import AuditEvent, AuditHead
from app.models.case import Case, Objection
from app.models.decision import Decision
from app.models.document import Document
from app.models.history import Incident
from app.models.page import Page
from app.models.party import Party
from app.models.redaction import ProposedRedaction
from app.models.request import Request
from app.models.review import (
    Approval,
    Assignment,
    FinalDocument,
    LetterDraft,
    ManualBox,
    ReviewAction,
    ReviewDecision,
)
from app.models.staff import Staff
from app.models.user import User

__all__ = [
    "ApiKey",
    "Approval",
    "Assignment",
    "AuditEvent",
    "AuditHead",
    "Case",
    "Decision",
    "Document",
    "FinalDocument",
    "Incident",
    "LetterDraft",
    "ManualBox",
    "Objection",
    "Page",
    "Party",
    "ProposedRedaction",
    "Request",
    "ReviewAction",
    "ReviewDecision",
    "Staff",
    "User",
]
