"""Writing cell values that a spreadsheet program can never run as a formula."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    """Neutralise formula injection: text starting with = + - @ or a control character
    gets a leading apostrophe, so Excel and LibreOffice show it as text."""
    if value is None or isinstance(value, bool | int | float | date | datetime):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
