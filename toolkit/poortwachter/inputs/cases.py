"""Cases from files: many from a spreadsheet (:func:`read_cases`), one from YAML/JSON
(:func:`load_case_file`). Every problem is one Dutch sentence naming file/sheet/row/column."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from poortwachter.domain.case import Case
from poortwachter.errors import InputError, Location
from poortwachter.inputs.headers import (
    CASE_ALIASES,
    accepted_names,
    alias_map,
    nearest,
    unknown_columns,
)
from poortwachter.inputs.safe_yaml import DocumentError, load_document
from poortwachter.inputs.tabular import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, Table, read_table
from poortwachter.schemas.case import (
    CASE_SCHEMA,
    IDENTIFYING_COLUMNS,
    REQUIRED_COLUMNS,
    ROW_SCHEMA,
    case_from_nested,
    case_from_row,
    case_problems,
)
from poortwachter.schemas.compiled import compile_flat
from poortwachter.schemas.validator import validate
from poortwachter.support.gc import paused_gc

#: Largest case file (YAML/JSON) that is read.
MAX_CASE_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class CaseRows:
    """The result of reading a case spreadsheet: good cases and every row problem."""

    path: str
    cases: list[tuple[int, Case]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: row numbers that had problems
    bad_rows: list[int] = field(default_factory=list)
    #: columns that are not used (with the nearest known name)
    warnings: list[str] = field(default_factory=list)


_fast_parse = None


def _row_parser() -> Any:
    global _fast_parse
    if _fast_parse is None:
        _fast_parse = compile_flat(ROW_SCHEMA)
    return _fast_parse


def check_columns(table: Table) -> list[str]:
    """Resolve the headers people write (:data:`~poortwachter.inputs.headers.CASE_ALIASES`:
    'Naam werknemer', '1e ziektedag', ...) and check the required ones; raises
    :class:`InputError` naming the columns found and the names accepted. Returns a Dutch
    warning per column that is not used (with the nearest known name)."""
    table.resolve_columns(alias_map(CASE_ALIASES, ROW_SCHEMA))
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    where = table.where
    found = ", ".join(f"'{h}'" for h in table.headers) or "geen"
    problems = [
        f"{where}: de verplichte kolom '{c}' ontbreekt (gevonden kolommen: {found}; "
        f"toegestane namen: {accepted_names(CASE_ALIASES, c)})"
        + (f"; is '{typo}' een tikfout?" if (typo := nearest(c, table.headers)) else "")
        for c in missing
    ]
    if not any(c in table.columns for c in IDENTIFYING_COLUMNS):
        problems.append(
            f"{where}: er is geen kolom 'dossier' of 'naam' (gevonden kolommen: {found}; "
            f"toegestane namen: {accepted_names(CASE_ALIASES, 'naam')}); zonder die kolommen "
            "is een zaak niet te herkennen"
        )
    if problems:
        raise InputError(problems)
    return [f"{where}: {w}" for w in unknown_columns(table.headers, ROW_SCHEMA)]


def rows_nl(count: int) -> str:
    """``1`` → ``'1 rij'``, ``2`` → ``'2 rijen'``."""
    return f"{count} {'rij' if count == 1 else 'rijen'}"


def row_to_case(
    table: Table, row_number: int, raw: dict[str, Any]
) -> tuple[Case | None, list[str]]:
    """One row → (case, []) or (None, Dutch problems naming sheet, row and column)."""
    known = {k: v for k, v in raw.items() if k in ROW_SCHEMA}
    doc = _row_parser()(known)
    problems: list[tuple[str, str]] = []
    if doc is None:
        doc, problems = validate(ROW_SCHEMA, known)
    if doc is not None:
        if not any(doc.get(c) for c in IDENTIFYING_COLUMNS):
            problems.append(("naam", "is leeg; vul 'naam' of 'dossier' in"))
        problems += case_problems(doc)
    case = None
    if not problems:
        assert doc is not None
        try:
            case = case_from_row(doc)
        except ValueError as exc:  # the model's own checks: a row problem, never a crash
            problems.append(("eerste_ziektedag", str(exc)))
    if case is None:
        return None, [
            f"{table.location(row_number, f.split('.')[0]).describe()}: {msg}"
            for f, msg in problems
        ]
    return case, []


def read_cases(
    path: str | Path,
    *,
    sheet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> CaseRows:
    """Read every case of a CSV/XLSX file.

    Raises :class:`InputError` when the file itself is unusable (not found, not a
    spreadsheet, empty, a required column missing). Row problems do not raise: they are
    collected in :attr:`CaseRows.problems`, all of them, so a user sees every error at once.
    """
    with paused_gc():
        table = read_table(path, sheet=sheet, max_bytes=max_bytes, max_rows=max_rows)
        warnings = check_columns(table)
        result = CaseRows(table.path, warnings=warnings)
        for row_number, raw in table.iter_rows():
            case, problems = row_to_case(table, row_number, raw)
            if case is None:
                result.problems.extend(problems)
                result.bad_rows.append(row_number)
            else:
                result.cases.append((row_number, case))
    if not result.cases and not result.problems:
        raise table.no_cases_error()
    return result


#: The path that means standard input (``--data -``, ``--zaak -``).
STDIN = "-"
STDIN_NAME = "standaardinvoer"


def _case_bytes(path: str | Path) -> tuple[str, bytes]:
    """The name to show and the bytes of a case file, or of standard input for ``-``."""
    too_big = f"het bestand is groter dan {MAX_CASE_FILE_BYTES // (1024 * 1024)} MB"
    if str(path) == STDIN:
        raw = sys.stdin.buffer.read(MAX_CASE_FILE_BYTES + 1)
        if len(raw) > MAX_CASE_FILE_BYTES:
            raise InputError(f"{STDIN_NAME}: {too_big}")
        return STDIN_NAME, raw
    p = Path(path)
    name = str(path)
    if not p.is_file():
        raise InputError(f"{name}: bestand niet gevonden")
    if p.stat().st_size > MAX_CASE_FILE_BYTES:
        raise InputError(f"{name}: {too_big}")
    return name, p.read_bytes()


def load_case_document(path: str | Path) -> dict[str, Any]:
    """Parse a YAML or JSON file into a dict (safe loaders only); ``-`` reads standard input
    (YAML, which also reads JSON)."""
    name, raw = _case_bytes(path)
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        data = load_document(text, json_syntax=Path(str(path)).suffix.lower() == ".json")
    except DocumentError as exc:
        line = f" (regel {exc.line})" if exc.line else ""
        raise InputError(f"{name}{line}: {exc.reason}") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: verwacht velden (sleutel: waarde) op het hoogste niveau")
    return data


def case_from_document(data: dict[str, Any], source: str = "") -> Case:
    """A nested dict (as from YAML/JSON) → :class:`Case`; raises :class:`InputError`."""
    doc, problems = validate(CASE_SCHEMA, data, allow_unknown=True)
    if doc is not None:
        problems = case_problems(doc)
    if not problems:
        assert doc is not None
        try:
            return case_from_nested(doc)
        except ValueError as exc:  # the model's own checks
            problems = [("eerste_ziektedag", str(exc))]
    raise InputError(
        [f"{Location(source or None, field=f).describe()}: {msg}" for f, msg in problems]
    )


def case_from_options(
    eerste_ziektedag: str | date,
    *,
    herstel: Sequence[str] = (),
    verlof: Sequence[str] = (),
    zwanger: bool = False,
    iva: bool = False,
    verlenging_weken: Sequence[int] = (),
    loonsanctie_weken: int | None = None,
    loonsanctie_hersteld: date | None = None,
    geboortedatum: date | None = None,
    aow_datum: date | None = None,
    einde_dienstverband: date | None = None,
    gedaan: Sequence[str] = (),
    evaluaties: Sequence[date] = (),
    source: str = "opdrachtregel",
) -> Case:
    """A :class:`Case` from the facts as the ``timeline`` command takes them, validated like a
    case file (the same Dutch messages; raises :class:`InputError`).

    ``herstel`` and ``verlof`` are periods ``"START:EIND"``; ``gedaan`` items are
    ``"MIJLPAAL=DATUM"`` (e.g. ``"probleemanalyse=2026-02-10"``); dates may be
    :class:`~datetime.date` objects or text in ``JJJJ-MM-DD`` or ``DD-MM-JJJJ``.

    >>> case_from_options("2026-01-05", herstel=["2026-02-01:2026-02-10"]).eerste_ziektedag
    datetime.date(2026, 1, 5)
    """
    doc: dict[str, Any] = {"eerste_ziektedag": eerste_ziektedag}
    if herstel:
        doc["herstel"] = "; ".join(herstel)
    if verlof:
        doc["verlof"] = "; ".join(verlof)
    if verlenging_weken:
        doc["verlenging_weken"] = list(verlenging_weken)
    flags = {"zwanger": zwanger, "iva": iva, "loonsanctie_weken": loonsanctie_weken}
    doc.update({key: value for key, value in flags.items() if value})
    dates = {
        "aow_datum": aow_datum,
        "einde_dienstverband": einde_dienstverband,
        "loonsanctie_hersteld": loonsanctie_hersteld,
    }
    doc.update({key: value for key, value in dates.items() if value is not None})
    if geboortedatum:
        doc["werknemer"] = {"naam": "werknemer", "geboortedatum": geboortedatum}
    if evaluaties:
        doc["evaluaties"] = list(evaluaties)
    if gedaan:
        doc["gedaan"] = _done_items(gedaan)
    return case_from_document(doc, source)


def _done_items(items: Sequence[str]) -> dict[str, str]:
    done: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise InputError(
                f"--gedaan '{item}': schrijf MIJLPAAL=DATUM, "
                "bijvoorbeeld probleemanalyse=2026-02-10"
            )
        done[key.strip()] = value.strip()
    return done


def load_case_file(path: str | Path) -> Case:
    """Read one case from a YAML or JSON file (nested fields, see ``CASE_SCHEMA``); ``-`` reads
    standard input."""
    return case_from_document(load_case_document(path), shown_name(path))


def shown_name(path: str | Path) -> str:
    """How messages name an input: its path, or 'standaardinvoer' for ``-``."""
    return STDIN_NAME if str(path) == STDIN else str(path)
