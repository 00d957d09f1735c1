"""File names of generated forms: a pattern such as ``{werknemer}_{form}_{datum}``, checked
before use, filled with values reduced to letters, digits, spaces, ``-``, ``_`` and ``.``
(no path separators, no ``..``, no reserved Windows names)."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from poortwachter.errors import InputError
from poortwachter.forms import FormSpec

DEFAULT_PATTERN = "{werknemer}_{form}_{datum}"
#: Placeholders a name pattern may use (no BSN: file names end up in logs and mail).
PLACEHOLDERS = {
    "werknemer": "naam van de werknemer",
    "form": "formulier, bijv. plan_van_aanpak",
    "datum": "formulierdatum als JJJJ-MM-DD",
    "dossier": "dossiernummer",
    "rij": "rijnummer in de spreadsheet (alleen bij batch)",
}
MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w .\-]+")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def safe_component(value: Any) -> str:
    """Text → a piece of a file name: no separators, no control characters, no dots first."""
    text = unicodedata.normalize("NFKC", str(value))
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"_+", "_", text).strip(" ._-")
    text = re.sub(r"\.{2,}", ".", text)
    return text[:MAX_NAME]


def check_pattern(pattern: str) -> None:
    """Refuse a name pattern that could leave the output folder or uses unknown fields."""
    problems: list[str] = []
    if not pattern.strip():
        problems.append("het naampatroon is leeg")
    if "/" in pattern or "\\" in pattern or ".." in pattern or pattern.startswith("~"):
        problems.append(
            f"naampatroon '{pattern}' mag geen '/', '\\' of '..' bevatten: bestanden komen "
            "altijd direct in de uitvoermap"
        )
    try:
        fields = [f for _lit, f, _spec, _conv in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        problems.append(f"naampatroon '{pattern}' is ongeldig ({exc})")
        fields = []
    for name in fields:
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            problems.append(f"naampatroon: '{{{name}}}' is onbekend; gebruik {known}")
    if problems:
        raise InputError(problems)


def name_values(spec: FormSpec, doc: Mapping[str, Any], row: int | None = None) -> dict[str, str]:
    """The values of the name pattern's fields for one document: werknemer (its name),
    form, datum (the formulierdatum), dossier and rij (the spreadsheet row, in a batch)."""
    datum = doc.get("formulierdatum")
    return {
        "werknemer": str((doc.get("werknemer") or {}).get("naam") or "werknemer"),
        "form": spec.id.value,
        "datum": datum.isoformat() if isinstance(datum, date) else str(datum or ""),
        "dossier": str(doc.get("dossier") or ""),
        "rij": str(row) if row is not None else "",
    }


def output_stem(pattern: str, values: Mapping[str, str]) -> str:
    """The file name without extension for one document (pattern already checked)."""
    stem = safe_component(pattern.format_map({k: safe_component(v) for k, v in values.items()}))
    if not stem or stem.lower() in _RESERVED:
        stem = f"formulier_{stem}".rstrip("_")
    return stem
