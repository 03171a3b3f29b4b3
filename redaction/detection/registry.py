"""The Presidio registry and analyzer engine of this product: Danish, offline, policy-aware.

Only this package's recognizers are registered (no predefined ones: Presidio's e-mail and
URL recognizers call tldextract, which tries to download a suffix list).
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from redaction.detection.dk_address_recognizer import DkAddressRecognizer
from redaction.detection.dk_cpr_recognizer import DkCprRecognizer
from redaction.detection.dk_phone_recognizer import DkPhoneRecognizer
from redaction.detection.email_recognizer import EmailRecognizer
from redaction.detection.nlp_engine import LANGUAGE, BlankDanishNlpEngine
from redaction.detection.people_index import PeopleIndex
from redaction.detection.person_name_recognizer import PersonNameRecognizer
from redaction.detection.staff_register_recognizer import StaffRegisterRecognizer


def build_registry(index: PeopleIndex) -> RecognizerRegistry:
    """A registry with every recognizer of this package, the people index included."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE], global_regex_flags=0)
    for recognizer in (
        StaffRegisterRecognizer(index),
        DkCprRecognizer(),
        DkPhoneRecognizer(),
        EmailRecognizer(),
        DkAddressRecognizer(),
        PersonNameRecognizer(),
    ):
        registry.add_recognizer(recognizer)
    return registry


def build_analyzer(index: PeopleIndex) -> AnalyzerEngine:
    """A Presidio analyzer engine over the blank Danish NLP engine and ``build_registry``."""
    return AnalyzerEngine(
        registry=build_registry(index),
        nlp_engine=BlankDanishNlpEngine(),
        supported_languages=[LANGUAGE],
    )
