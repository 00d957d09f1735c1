"""AOW (state pension) age and date from a date of birth.

Source: Algemene Ouderdomswet art. 7a, with the ages fixed by the government each year
(SVB table). Years after the last fixed one keep the last known age; pass an explicit
``aow_datum`` in the case when it is known.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

# (first calendar year in which the age applies, years, months)
_AGE_BY_YEAR: tuple[tuple[int, int, int], ...] = (
    (2013, 65, 1),
    (2014, 65, 2),
    (2015, 65, 3),
    (2016, 65, 6),
    (2017, 65, 9),
    (2018, 66, 0),
    (2019, 66, 4),
    (2022, 66, 7),
    (2023, 66, 10),
    (2024, 67, 0),
    (2028, 67, 3),
)


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    # 29 Feb / 31st: the AOW starts on the same day number, or the last day of the month
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _age_for_year(year: int) -> tuple[int, int]:
    if year < _AGE_BY_YEAR[0][0]:
        return 65, 0
    age = (65, 0)
    for first, years, months in _AGE_BY_YEAR:
        if year >= first:
            age = (years, months)
    return age


@lru_cache(maxsize=4096)
def aow_datum(geboortedatum: date) -> date:
    """The day the AOW age is reached for someone born on ``geboortedatum``."""
    # The age depends on the year in which it is reached; ages only rise, so take the
    # first candidate age whose date falls in a year that uses that age.
    candidates = sorted({(y, m) for _, y, m in _AGE_BY_YEAR} | {(65, 0)})
    for years, months in candidates:
        when = _add_months(geboortedatum, years * 12 + months)
        if _age_for_year(when.year) <= (years, months):
            return when
    years, months = candidates[-1]
    return _add_months(geboortedatum, years * 12 + months)
