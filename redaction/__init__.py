"""Secure redaction of Danish case files: PDF + policy -> redacted PDF + report.

A plain library: it never imports the web service, the database, the settings or the rule
engine. The service (``app/``) builds a ``Policy`` from the screening and calls
``redact_file``; ``analyze`` proposes redactions and ``apply_redactions`` burns them in.
"""

from redaction.apply import apply_redactions
from redaction.errors import (
    CorruptPdfError,
    EncryptedPdfError,
    NotAPdfError,
    RedactionError,
    TooLargeError,
)
from redaction.pipeline import redact_file, withheld_report
from redaction.policy import Policy, PrivatePerson, StaffMember
from redaction.source import check_pdf
from redaction.types import DocumentReport, PageText, Redaction, Word

__all__ = [
    "CorruptPdfError",
    "DocumentReport",
    "EncryptedPdfError",
    "NotAPdfError",
    "PageText",
    "Policy",
    "PrivatePerson",
    "Redaction",
    "RedactionError",
    "StaffMember",
    "TooLargeError",
    "Word",
    "analyze",
    "apply_redactions",
    "check_pdf",
    "redact_file",
    "withheld_report",
]


def __getattr__(name: str) -> object:
    # analyze loads Presidio and the name lists; import it only when it is asked for.
    if name == "analyze":
        from redaction.analyze import analyze

        return analyze
    raise AttributeError(name)
