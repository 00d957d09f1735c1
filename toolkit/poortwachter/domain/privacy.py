"""Privacy: BSN masking and scrubbing (DOMAIN.md: the BSN is masked in reports and logs).

:func:`mask_bsn` masks a BSN that is known to be one (``*****6782``). :func:`scrub` cleans
any text a report, message or log shows — an excerpt from a dossier document, a file name,
a title — before it is shown: every run of 9 digits that passes the 11-test (python-stdnum),
in any notation (``271828183``, ``2718.28.183``, ``271 828 183``, ``271-828-183``), becomes
``*****8183``; a date of birth right after ``geboren``/``geboortedatum``/``geb.`` becomes
``**-**-****``. Nine-digit runs that fail the 11-test (order numbers, amounts) stay as
they are. Every reporter and every message uses this one scrubber.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from stdnum.nl import bsn as stdnum_bsn

#: How many digits of a BSN stay visible.
VISIBLE = 4
MASKED_DATE = "**-**-****"

# nine digits, each pair separated by at most one space, dot or hyphen, and no digit
# directly before or after (the digit runs of longer numbers are not BSNs)
_NINE_DIGITS = re.compile(r"(?<!\d)\d(?:[ .\-]?\d){8}(?!\d)")
_SEPARATORS = re.compile(r"[ .\-]")
_MONTHS = (
    "jan(?:uari)?|feb(?:ruari)?|maa(?:rt)?|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|"
    "aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}"
)
_DATE_OF_BIRTH = re.compile(
    rf"(?i)(\b(?:geboren|geboortedatum|geboortedag|geb\.?|geb\.datum)"
    rf"(?:\s+(?:op|per|d\.?d\.?))?\s*[:|]?\s*)({_DATE})(?!\d)"
)


def is_bsn(digits: str) -> bool:
    """Nine digits that pass the 11-test."""
    return len(digits) == 9 and digits.isdigit() and stdnum_bsn.is_valid(digits)


def mask_bsn(bsn: str | None, *, show: bool = False) -> str:
    """``'123456782'`` → ``'*****6782'``; ``show=True`` keeps it whole. Also for a wrong
    BSN (it may be a typo of a real one): every character but the last four is hidden."""
    if not bsn:
        return ""
    if show:
        return bsn
    return "*" * max(len(bsn) - VISIBLE, 0) + bsn[-VISIBLE:]


def _mask_bsns(text: str) -> str:
    out: list[str] = []
    pos = 0
    while True:
        m = _NINE_DIGITS.search(text, pos)
        if m is None:
            break
        digits = _SEPARATORS.sub("", m.group())
        if is_bsn(digits):
            out.append(text[pos : m.start()])
            out.append("*" * (9 - VISIBLE) + digits[-VISIBLE:])
            pos = m.end()
            continue
        # not a BSN: maybe one starts further on (e.g. after a leading digit and a space)
        nxt = m.start() + 1
        out.append(text[pos:nxt])
        pos = nxt
    out.append(text[pos:])
    return "".join(out)


def scrub(text: str, *, show_bsn: bool = False) -> str:
    """``text`` with every BSN masked (unless ``show_bsn``) and every date of birth
    masked (always: no report needs it)."""
    if not text:
        return text
    if not show_bsn and any(c.isdigit() for c in text):
        text = _mask_bsns(text)
    if "eb" in text or "EB" in text or "Eb" in text:
        text = _DATE_OF_BIRTH.sub(lambda m: m.group(1) + MASKED_DATE, text)
    return text


def scrub_data(value: Any, *, show_bsn: bool = False) -> Any:
    """Every string in a JSON-like structure (dicts, lists, strings) scrubbed; the keys
    and other values (numbers, booleans, None) stay as they are."""
    if isinstance(value, str):
        return scrub(value, show_bsn=show_bsn)
    if isinstance(value, Mapping):
        return {k: scrub_data(v, show_bsn=show_bsn) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_data(v, show_bsn=show_bsn) for v in value]
    return value
