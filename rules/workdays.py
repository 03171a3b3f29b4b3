"""Danish working days and the deadlines of OFL § 36 and GDPR art. 12, stk. 3."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    # The maintained calendar knows that Store Bededag is abolished from 2024.
    return frozenset(holidays.country_holidays("DK", years=year, categories=("public",)))


class WorkingCalendar:
    """Monday to Friday, less Danish public holidays and the municipality's closed days."""

    def __init__(self, closed_days: Iterable[str] = ()) -> None:
        self._once: set[date] = set()
        self._yearly: set[tuple[int, int]] = set()
        for value in closed_days:
            parts = [int(p) for p in str(value).split("-")]
            if len(parts) == 3:
                self._once.add(date(parts[0], parts[1], parts[2]))
            else:
                self._yearly.add((parts[0], parts[1]))

    def is_working_day(self, day: date) -> bool:
        """True for a day the municipality's offices are open."""
        return not (
            day.weekday() >= 5
            or day in _public_holidays(day.year)
            or day in self._once
            or (day.month, day.day) in self._yearly
        )

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, received: date, count: int) -> date:
        """The ``count``-th working day after ``received``.

        The day of receipt is not counted; a request received on a closed day counts as
        received on the next working day.
        """
        day = self.next_working_day(received)
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when overdue)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1
            for n in range(1, (end - start).days + 1)
            if self.is_working_day(start + timedelta(days=n))
        )

    def add_months(self, received: date, months: int) -> date:
        """Same day number ``months`` later (the month's last day where it is shorter),
        moved to the next working day."""
        return self.next_working_day(received + relativedelta(months=months))
