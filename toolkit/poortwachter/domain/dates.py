"""Parsing the date notations users type, and writing dates the Dutch way."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")

#: Shown in error messages so users know what is accepted.
ACCEPTED_FORMATS = "JJJJ-MM-DD of DD-MM-JJJJ"
#: Dates outside these years are typing errors in this domain (and would overflow
#: date arithmetic near year 9999); they are refused with a Dutch message.
MIN_YEAR, MAX_YEAR = 1900, 2200


def check_range(value: date) -> date:
    """``value`` itself, or ``ValueError`` when its year is implausible."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(
            f"'{value.isoformat()}' valt buiten de toegestane jaren {MIN_YEAR}–{MAX_YEAR}"
        )
    return value


def parse_date(value: object) -> date:
    """Return a date from a date/datetime or a string in YYYY-MM-DD or DD-MM-YYYY.

    Raises ``ValueError`` with a Dutch message for anything else, and for years outside
    ``MIN_YEAR``–``MAX_YEAR``.
    """
    if isinstance(value, datetime):
        return check_range(value.date())
    if isinstance(value, date):
        return check_range(value)
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:  # the common case, in C
                return check_range(date.fromisoformat(value))
            except ValueError:
                pass  # fall through for the Dutch message
        m = _ISO.match(value)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            m = _DMY.match(value)
            if not m:
                raise ValueError(f"'{value}' is geen datum; gebruik {ACCEPTED_FORMATS}")
            d, mo, y = int(m[1]), int(m[2]), int(m[3])
        try:
            parsed = date(y, mo, d)
        except ValueError:
            raise ValueError(f"'{value.strip()}' bestaat niet als datum") from None
        return check_range(parsed)
    raise ValueError(f"'{value}' is geen datum; gebruik {ACCEPTED_FORMATS}")


def format_nl(value: date) -> str:
    """``date(2026, 2, 12)`` → ``'12 februari 2026'``."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"
