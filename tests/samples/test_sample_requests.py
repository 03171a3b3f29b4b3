"""The sample requests (demo and docs) are screened as their labels say and cover the table."""

import pytest

from rules import ScreeningRequest, default_rulebook, screen
from samples.requests import SAMPLE_REQUESTS

FIELDS = ("regime", "risk", "recommendation", "withhold_all_staff", "rule_set", "deadline")


@pytest.mark.parametrize("sample", SAMPLE_REQUESTS, ids=[s.slug for s in SAMPLE_REQUESTS])
def test_sample_is_screened_as_labelled(sample) -> None:
    assessment = screen(ScreeningRequest.model_validate(sample.request), default_rulebook())
    actual = assessment.model_dump(mode="json")
    for name in FIELDS:
        if name in sample.expected:
            assert str(actual[name]) == str(sample.expected[name]), name
    assert sorted(actual["withheld_staff"]) == sorted(sample.expected["withheld_staff"])


def test_samples_cover_every_row_of_the_outcome_table() -> None:
    rows = set()
    for sample in SAMPLE_REQUESTS:
        e = sample.expected
        rows.add(
            (
                e["rule_set"],
                e["risk"] if e["rule_set"] in ("ofl-2024", "personale") else "any",
                e["recommendation"],
            )
        )
    for row in [
        ("ofl-2024", "low", "grant"),
        ("ofl-2024", "elevated", "grant_without_staff_identity"),
        ("ofl-2024", "high", "grant_without_staff_identity"),
        ("ofl-2024", "high", "refuse"),
        ("ofl-2013", "any", "grant"),
        ("ofl-2013", "any", "refuse"),
        ("fvl", "any", "grant"),
        ("fvl", "any", "refuse"),
        ("personale", "low", "grant_without_staff_identity"),
        ("personale", "low", "grant"),
        ("gdpr", "any", "grant"),
    ]:
        assert row in rows, row
