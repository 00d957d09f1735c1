"""Writing generated forms: safe file names that stay in the output folder, atomic writes.

Output names come from a pattern such as ``{werknemer}_{form}_{datum}``. The pattern itself
may hold no path separators or ``..``; every value put into it is reduced to letters,
digits, spaces, ``-``, ``_`` and ``.``; the final path is checked to lie directly in the
output folder. Files are written to a temporary file in the same folder and then renamed
(never half a file); an existing file is never replaced unless ``overwrite`` is set.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.forms import FormSpec
from poortwachter.generate.context import checked_document
from poortwachter.generate.render import OutputFormat, output_formats, render_document
from poortwachter.support.files import output_problem, write_atomic

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


def target_path(out_dir: Path, stem: str, fmt: OutputFormat) -> Path:
    """``out_dir/stem.ext``; raises when the result would not lie directly in ``out_dir``."""
    base = out_dir.resolve()
    path = base / f"{stem}.{fmt.value}"
    if path.parent != base or path.resolve().parent != base:
        raise InputError(f"bestandsnaam '{stem}' valt buiten de uitvoermap {out_dir}")
    return path


def prepare_out_dir(out_dir: str | Path) -> Path:
    """Create the output folder ``out_dir`` when needed and return it; raises
    :class:`~poortwachter.errors.InputError` when it is no folder or cannot be made."""
    path = Path(out_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"{out_dir} is geen map") from None
    except OSError as exc:
        raise output_problem(exc, path / ".") from None
    if not path.is_dir():
        raise InputError(f"{out_dir} is geen map")
    return path


def write_form(
    form: FormId | str,
    data: Mapping[str, Any],
    out_dir: str | Path,
    fmt: str = "docx",
    *,
    pattern: str = DEFAULT_PATTERN,
    templates_dir: str | Path | None = None,
    overwrite: bool = False,
    source: str = "",
    warnings: list[str] | None = None,
) -> list[Path]:
    """Validate, render and write one form as DOCX, PDF or both (``fmt="both"``).

    Returns the written paths. Nothing is written when any target already exists (unless
    ``overwrite``) or when the data are invalid (:class:`InputError`), e.g. when an
    employer's form holds a medical term. Warnings (a medical term in the probleemanalyse)
    are appended to ``warnings`` when given.
    """
    formats = output_formats(fmt)
    check_pattern(pattern)
    spec, doc = checked_document(form, data, source, warnings)
    folder = prepare_out_dir(out_dir)
    stem = output_stem(pattern, name_values(spec, doc))
    targets = [(f, target_path(folder, stem, f)) for f in formats]
    existing = [str(p) for _f, p in targets if p.exists()]
    if existing and not overwrite:
        raise InputError(
            [f"{p}: bestaat al; gebruik --overwrite om het te vervangen" for p in existing]
        )
    rendered = [(p, render_document(spec, doc, f, templates_dir)) for f, p in targets]
    for path, blob in rendered:
        write_atomic(path, blob, overwrite=overwrite)
    return [p for p, _b in rendered]
