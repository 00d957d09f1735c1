"""Finding dates in free Dutch text, in every common notation.

12-02-2026, 12/02/2026, 12.02.2026, 12-2-26, 2026-02-12, 2026/02/12, 12 februari 2026,
12 feb. 2026, 12 feb 2026, 12-feb-2026, 1 mrt '26 ... Never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "maa": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: the month names and abbreviations as a regex alternation (for other modules)
MONTH_ALTERNATION = _MONTH_ALT
_NUMERIC = re.compile(
    r"(?<![\d.,/-])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/-]|\.\d)"
)
_ISO = re.compile(r"(?<![\d.,/-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-]|\.\d)")
_WORDED = re.compile(
    rf"(?<![\w])(\d{{1,2}})(?:e|ste|de)?[\s\-.]+({_MONTH_ALT})\.?[\s\-.,]+('?\d{{4}}|'\d{{2}})(?!\d)",
    re.IGNORECASE,
)

_HAS_DIGIT = re.compile(r"\d")
MIN_YEAR = 1900
MAX_YEAR = 2100


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in a text, with the start and end offset of its match."""

    value: date
    start: int
    end: int


def _make(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    text = text.lstrip("'")
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def find_dates(text: str) -> list[DateHit]:
    """Every date in ``text`` with its position, in order of appearance."""
    if not _HAS_DIGIT.search(text):
        return []
    return list(_find_dates(text))


@lru_cache(maxsize=32768)
def _find_dates(text: str) -> tuple[DateHit, ...]:
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def add(value: date | None, start: int, end: int) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        hits.append(DateHit(value, start, end))

    for m in _ISO.finditer(text):
        add(_make(int(m[1]), int(m[3]), int(m[4])), m.start(), m.end())
    for m in _WORDED.finditer(text):
        month = _MONTHS.get(m[2].lower())
        if month:
            add(_make(_year(m[3]), month, int(m[1])), m.start(), m.end())
    for m in _NUMERIC.finditer(text):
        if len(m[4]) == 2 and m[2] == ".":
            continue  # 1.2.26 is more often a version or section number
        add(_make(_year(m[4]), int(m[3]), int(m[1])), m.start(), m.end())
    hits.sort(key=lambda h: h.start)
    return tuple(hits)


def first_date(text: str) -> date | None:
    """The first date in ``text`` (see :func:`find_dates`), or ``None``."""
    hits = find_dates(text)
    return hits[0].value if hits else None
