"""Coercers and rule fragments shared by every schema.

Each coercer turns a raw value (from YAML, JSON, a CSV cell or an Excel cell) into a Python
value or raises ``ValueError`` with a Dutch reason; cerberus reports that reason for the
field. The same functions serve the fast row parser, so both paths agree by construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from stdnum.nl import bsn as stdnum_bsn

from poortwachter.domain.dates import parse_date
from poortwachter.domain.privacy import mask_bsn

_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MIN, _EXCEL_MAX = 1, 109_574  # 1900-01-01 .. 2199-12-31


def to_date(value: Any) -> date:
    """Dates as date/datetime, 'YYYY-MM-DD', 'DD-MM-YYYY' or an Excel serial number."""
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is geen datum")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _EXCEL_MIN <= value <= _EXCEL_MAX and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(f"'{value}' is geen datum")
    return parse_date(value)


def to_optional_date(value: Any) -> date | None:
    """Like :func:`to_date`, but a blank value gives ``None``."""
    return None if is_blank(value) else to_date(value)


def to_bsn(value: Any) -> str:
    """A BSN as 9 digits; numbers (Excel drops the leading zero) and 8 digits are padded."""
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is geen BSN")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not (len(text) == 9 and text.isascii() and text.isdigit()):
        text = re.sub(r"[\s.\-]", "", text)
    if not re.fullmatch(r"[0-9]{8,9}", text):  # str.isdigit() would accept '²' and '٣'
        raise ValueError(f"'{mask_bsn(text)}' is geen BSN: een BSN heeft 9 cijfers")
    text = text.zfill(9)
    # digits and length are checked above; stdnum's checksum is the 11-test itself
    # (is_valid() would clean the string again, which costs 3× as much in bulk input)
    if stdnum_bsn.checksum(text) != 0:
        raise ValueError(f"'{mask_bsn(text)}' is geen geldig BSN: de 11-proef klopt niet")
    return text


def to_kvk(value: Any) -> str:
    """A KvK number as its 8 digits (spaces removed, a number from Excel taken as is);
    ``ValueError`` when it has not 8 digits."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s", "", str(value))
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"'{value}' is geen KvK-nummer: dat heeft 8 cijfers")
    return text


_TRUE = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0", ""}


def to_bool(value: Any) -> bool:
    """Ja/nee: a bool, 0/1, or text such as ja, j, yes, waar, x and nee, n, no, onwaar (any
    case); an empty cell or ``None`` is ``False``; ``ValueError`` for anything else."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"'{value}' is geen ja/nee-waarde; gebruik ja of nee")


def to_int(value: Any) -> int:
    """A whole number: an int, a float without fraction, or text of digits; ``ValueError``
    for anything else (a bool too)."""
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is geen geheel getal")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    raise ValueError(f"'{value}' is geen geheel getal")


def to_text(value: Any) -> str:
    """Text, trimmed; a whole float (as Excel gives numbers) without its ``.0``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def is_blank(value: Any) -> bool:
    """True for ``None`` and for text that is empty or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def split_list(value: Any) -> list[str]:
    """Cell text with several items separated by ';' or a newline."""
    if is_blank(value):
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [part.strip() for part in re.split(r"[;\n]", str(value)) if part.strip()]


def to_period_list(value: Any, what: str = "herstelperiode") -> list[dict[str, date]]:
    """'2026-02-01:2026-02-10; 01-05-2026:10-05-2026' → list of {start, eind}."""
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value  # nested input: validated by the nested schema
    out = []
    for item in split_list(value):
        pieces = [p.strip() for p in re.split(r"\s*(?::|/| t/m | tot en met )\s*", item)]
        if len(pieces) != 2 or not all(pieces):
            raise ValueError(
                f"'{item}' is geen {what}; schrijf START:EIND, bijvoorbeeld 2026-02-01:2026-02-10"
            )
        out.append({"start": to_date(pieces[0]), "eind": to_date(pieces[1])})
    return out


def to_herstel_list(value: Any) -> list[dict[str, date]]:
    """Recovery periods (see :func:`to_period_list`)."""
    return to_period_list(value, "herstelperiode")


def to_verlof_list(value: Any) -> list[dict[str, date]]:
    """Leave periods (see :func:`to_period_list`)."""
    return to_period_list(value, "verlofperiode")


def to_int_list(value: Any) -> list[int]:
    """Whole numbers from a number, a list, or cell text separated by ``;`` or newlines."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [to_int(value)]
    if isinstance(value, list | tuple):
        return [to_int(v) for v in value]
    return [to_int(v) for v in split_list(value)]


def to_date_list(value: Any) -> list[date]:
    """Dates from a date, a list, or cell text separated by ``;`` or newlines."""
    if isinstance(value, date):
        return [to_date(value)]
    if isinstance(value, list | tuple):
        return [to_date(v) for v in value]
    return [to_date(v) for v in split_list(value)]


def blank_to_none(value: Any) -> Any:
    """``None`` for a blank value (see :func:`is_blank`), else the value unchanged."""
    return None if is_blank(value) else value


def _optional(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Blank input (None, '', spaces: an empty cell) means 'not given'."""

    def coerce(value: Any) -> Any:
        return None if is_blank(value) else func(value)

    return coerce


#: Coercers by the name a schema uses in ``"coerce": "<name>"``. The cerberus Validator
#: and the compiled fast path both take them from here.
COERCERS: dict[str, Callable[[Any], Any]] = {
    "text": _optional(to_text),
    "date": _optional(to_date),
    "optional_date": to_optional_date,
    "bsn": _optional(to_bsn),
    "kvk": _optional(to_kvk),
    "bool": to_bool,
    "int": _optional(to_int),
    "herstel": to_herstel_list,
    "verlof": to_verlof_list,
    "int_list": to_int_list,
    "date_list": to_date_list,
}


# Rule fragments (cerberus), reused by the nested and the flat schemas.
TEXT: dict[str, Any] = {"type": "string", "coerce": "text", "nullable": True}
REQUIRED_TEXT: dict[str, Any] = {
    "type": "string",
    "coerce": "text",
    "required": True,
    "nullable": False,
    "empty": False,
}
DATE: dict[str, Any] = {"type": "date", "coerce": "optional_date", "nullable": True}
REQUIRED_DATE: dict[str, Any] = {
    "type": "date",
    "coerce": "date",
    "required": True,
    "nullable": False,
}
BSN: dict[str, Any] = {"type": "string", "coerce": "bsn", "nullable": True}
KVK: dict[str, Any] = {"type": "string", "coerce": "kvk", "nullable": True}
BOOL: dict[str, Any] = {"type": "boolean", "coerce": "bool", "nullable": True}


_LOONHEFFINGEN = re.compile(r"[0-9]{9}L[0-9]{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def to_loonheffingennummer(value: Any) -> Any:
    """``'1234.56.789.L.01'`` → ``'123456789L01'``: 9 digits, the letter L, 2 digits."""
    if is_blank(value):
        return None
    text = re.sub(r"[\s.\-]", "", str(value)).upper()
    if not _LOONHEFFINGEN.fullmatch(text):
        raise ValueError(
            f"'{value}' is geen loonheffingennummer: dat is 9 cijfers, een L en 2 cijfers "
            "(bijvoorbeeld 123456789L01)"
        )
    return text


def to_email(value: Any) -> Any:
    """An e-mail address (``naam@domein.nl``), stripped; blank → None."""
    if is_blank(value):
        return None
    text = str(value).strip()
    if not _EMAIL.fullmatch(text):
        raise ValueError(f"'{text}' is geen e-mailadres")
    return text


REQUIRED_LOONHEFFINGENNUMMER: dict[str, Any] = {
    "type": "string",
    "coerce": to_loonheffingennummer,
    "required": True,
    "nullable": False,
}
EMAIL: dict[str, Any] = {"type": "string", "coerce": to_email, "nullable": True}
