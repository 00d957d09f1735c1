"""Dutch working days: no weekend, no public holiday.

Public holidays follow the Algemene termijnenwet (art. 3) as used for legal deadlines:
the holidays of the ``holidays`` package for NL (which includes Goede Vrijdag, equated to a
feestdag by the Besluit of 1983), plus Bevrijdingsdag (5 May) in *every* year, where the
package lists it only in lustrum years.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache, lru_cache

import holidays


@cache
def _holidays_of(year: int) -> frozenset[date]:
    days = set(holidays.country_holidays("NL", years=year).keys())
    days.add(date(year, 5, 5))
    return frozenset(days)


def is_working_day(day: date) -> bool:
    """True on a Dutch working day: Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in _holidays_of(day.year)


@lru_cache(maxsize=8192)
def first_working_day_from(day: date) -> date:
    """The first working day on or after ``day``."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def last_working_day_until(day: date) -> date:
    """The last working day on or before ``day``."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day
