"""Deadlines: 7 Danish working days (OFL § 36, stk. 2) and one month for GDPR."""

from datetime import date

import pytest

from rules.workdays import WorkingCalendar

PLAIN = WorkingCalendar()
CLOSED_XMAS = WorkingCalendar(["12-24", "12-31", "06-05"])


@pytest.mark.parametrize(
    ("received", "deadline", "why"),
    [
        (date(2026, 11, 20), date(2026, 12, 1), "CONTRACT.md's example: Friday receipt"),
        (date(2026, 11, 21), date(2026, 12, 2), "Saturday counts as received Monday"),
        (date(2026, 11, 22), date(2026, 12, 2), "Sunday counts as received Monday"),
        (date(2026, 4, 1), date(2026, 4, 15), "Easter: Maundy Thursday to Easter Monday closed"),
        (date(2026, 4, 2), date(2026, 4, 16), "received on Maundy Thursday"),
        (date(2026, 5, 11), date(2026, 5, 21), "Ascension Day 14 May"),
        (date(2026, 5, 22), date(2026, 6, 3), "Whit Monday 25 May"),
        (date(2026, 12, 21), date(2026, 12, 31), "Christmas Day and Boxing Day"),
        (date(2026, 12, 30), date(2027, 1, 11), "New Year's Day"),
        (date(2023, 5, 1), date(2023, 5, 11), "Store Bededag 5 May 2023 was still a holiday"),
        (date(2024, 4, 22), date(2024, 5, 1), "Store Bededag is gone from 2024"),
    ],
)
def test_seven_working_days(received: date, deadline: date, why: str) -> None:
    assert PLAIN.add_working_days(received, 7) == deadline, why


def test_closed_days_configured_by_the_municipality() -> None:
    # 24 and 31 December closed as well: two more days.
    assert CLOSED_XMAS.add_working_days(date(2026, 12, 21), 7) == date(2027, 1, 5)
    assert not CLOSED_XMAS.is_working_day(date(2026, 6, 5))  # Grundlovsdag, a Friday
    assert PLAIN.is_working_day(date(2026, 6, 5))
    assert not WorkingCalendar(["2026-11-23"]).is_working_day(date(2026, 11, 23))


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 11, 20), date(2026, 12, 21)),  # 20 Dec is a Sunday
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28 Feb is a Saturday
        (date(2026, 3, 10), date(2026, 4, 10)),
        (date(2026, 11, 24), date(2026, 12, 24)),  # Christmas Eve is not a public holiday
    ],
)
def test_gdpr_one_month(received: date, deadline: date) -> None:
    assert PLAIN.add_months(received, 1) == deadline


def test_working_days_between_counts_forward_and_back() -> None:
    assert PLAIN.working_days_between(date(2026, 11, 20), date(2026, 12, 1)) == 7
    assert PLAIN.working_days_between(date(2026, 12, 1), date(2026, 11, 20)) == -7
