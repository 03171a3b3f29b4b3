"""Rule sets as data and the small engine that applies them: Request -> Assessment.

Usable as a plain library; it never imports the web service, the database or settings.
"""

from rules.engine import screen
from rules.letters import draft_letter, is_plain_grant
from rules.loader import RulesError, default_rulebook, load_rulebook
from rules.models import Assessment, FiredSignal, ScreeningRequest
from rules.plan import RedactionPlan, redaction_plan
from rules.schema import RuleBook

__all__ = [
    "Assessment",
    "FiredSignal",
    "RedactionPlan",
    "RuleBook",
    "RulesError",
    "ScreeningRequest",
    "default_rulebook",
    "draft_letter",
    "is_plain_grant",
    "load_rulebook",
    "redaction_plan",
    "screen",
]
