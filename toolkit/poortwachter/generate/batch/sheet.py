"""Reading the batch spreadsheet: one :class:`RowTask` per main-sheet row, with its items
from item sheets or inline cells, and every problem located by sheet, row and column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from poortwachter.errors import InputError
from poortwachter.forms import FormSpec
from poortwachter.generate.batch.result import RowError
from poortwachter.generate.names import DEFAULT_PATTERN, output_stem, safe_component
from poortwachter.inputs.headers import (
    FORM_ALIASES,
    accepted_names,
    alias_map,
    nearest,
    unknown_columns,
)
from poortwachter.inputs.tabular import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    Table,
    normalise_header,
    read_table,
)
from poortwachter.schemas.fields import is_blank, split_list, to_date
from poortwachter.schemas.paths import field_required

KEY_COLUMN = "dossier"


@dataclass(frozen=True, slots=True)
class Source:
    """Where the values of one item come from, for error messages."""

    sheet: str | None
    row: int
    columns: Mapping[str, str]
    #: the item was written in one cell of the main sheet (``wat | wie | wanneer; ...``)
    inline: bool = False


@dataclass(slots=True)
class RowTask:
    """One row on its way to a worker: raw nested data and where each value came from."""

    row: int
    data: dict[str, Any]
    stem: str
    items: dict[str, list[Source]]


def form_structure(spec: FormSpec) -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    """(groups: name → sub fields, lists of dicts: name → item fields, plain fields)."""
    groups: dict[str, list[str]] = {}
    lists: dict[str, list[str]] = {}
    plain: list[str] = []
    for name, rules in spec.schema.items():
        if rules.get("type") == "dict":
            groups[name] = list(rules["schema"])
        elif rules.get("type") == "list" and rules.get("schema", {}).get("type") == "dict":
            lists[name] = list(rules["schema"]["schema"])
        else:
            plain.append(name)
    return groups, lists, plain


def batch_columns(spec: FormSpec) -> list[tuple[str, bool, str]]:
    """(column or sheet, required?, note) of a batch spreadsheet for this form."""
    groups, lists, _plain = form_structure(spec)
    out: list[tuple[str, bool, str]] = []
    for name in spec.schema:
        rules = spec.schema[name]
        if name in groups:
            for sub in groups[name]:
                out.append((f"{name}_{sub}", bool(rules["schema"][sub].get("required")), ""))
        elif name in lists:
            parts = " | ".join(lists[name])
            note = f"blad '{name}' met kolom {KEY_COLUMN}, of één cel: {parts}; ..."
            out.append((name, bool(rules.get("required")), note))
        else:
            note = "ja/nee" if rules.get("type") == "boolean" else ""
            if name == KEY_COLUMN:
                note = "verplicht als activiteiten of ondertekenaars in een eigen blad staan"
            if rules.get("type") == "list":
                note = "datums gescheiden door ;"
            if "verplicht_sinds" in rules.get("meta", {}):
                note = "verplicht, behalve bij eerste ziektedag én formulierdatum vóór 1-7-2023"
            out.append((name, field_required(rules), note))
    return out


def _sheet_names(path: Path) -> list[str]:
    import python_calamine

    try:
        return list(python_calamine.CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception:  # the main sheet was read already; treat oddities as "no extra sheets"
        return []


def _item_sheets(
    path: Path,
    shown: str,
    main: Table,
    lists: Mapping[str, list[str]],
    limits: Mapping[str, int],
) -> dict[str, Table]:
    if main.sheet is None:
        return {}
    found: dict[str, Table] = {}
    for sheet in _sheet_names(path):
        name = normalise_header(sheet)
        if name in lists and sheet != main.sheet:
            table = read_table(path, sheet=sheet, name=shown, **limits)
            if KEY_COLUMN not in table.columns:
                raise InputError(
                    f"{shown}, blad '{sheet}': de kolom '{KEY_COLUMN}' ontbreekt; daarmee "
                    "horen de regels bij een formulier"
                )
            found[name] = table
    return found


def _check_columns(spec: FormSpec, table: Table, item_tables: Mapping[str, Table]) -> None:
    groups, lists, plain = form_structure(spec)
    where = table.where
    problems: list[str] = []
    missing = [
        f"{name}_{sub}"
        for name, subs in groups.items()
        for sub in subs
        if spec.schema[name]["schema"][sub].get("required") and f"{name}_{sub}" not in table.columns
    ]
    missing += [n for n in plain if spec.schema[n].get("required") and n not in table.columns]
    for column in missing:
        typo = nearest(column, table.headers)
        hint = f"; is '{typo}' een tikfout?" if typo else ""
        problems.append(
            f"{where}: de verplichte kolom '{column}' ontbreekt (toegestane namen: "
            f"{accepted_names(FORM_ALIASES, column)}){hint}"
        )
    if missing:
        found = ", ".join(f"'{h}'" for h in table.headers) or "geen"
        problems.append(f"{where}: gevonden kolommen: {found}")
    for name, subs in lists.items():
        if name in item_tables:
            t = item_tables[name]
            missing = [s for s in subs if s not in t.columns]
            if missing:
                problems.append(
                    f"{t.path}, blad '{t.sheet}': de kolom(men) {', '.join(missing)} ontbreken"
                )
            if KEY_COLUMN not in table.columns:
                problems.append(
                    f"{where}: de kolom '{KEY_COLUMN}' ontbreekt; die is nodig om de regels "
                    f"van blad '{t.sheet}' te koppelen"
                )
        elif name not in table.columns:
            problems.append(
                f"{where}: geen kolom '{name}' en geen blad '{name}'; geef de {name} in een "
                f"apart blad (met kolom '{KEY_COLUMN}') of in een kolom '{name}'"
            )
    if problems:
        raise InputError(problems)


def _inline_items(value: Any, subs: list[str]) -> list[dict[str, Any]]:
    items = []
    for text in split_list(value):
        parts = [p.strip() for p in text.split("|")]
        items.append({k: v for k, v in zip(subs, parts, strict=False) if v})
    return items


def _key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if not is_blank(value) else ""


def _stem_values(spec: FormSpec, raw: Mapping[str, Any], row: int) -> dict[str, str]:
    """Name values from raw cells, without full validation (a bad row writes nothing)."""
    datum_raw = raw.get("formulierdatum")
    try:
        datum = to_date(datum_raw).isoformat()
    except (ValueError, TypeError):
        datum = str(datum_raw or "")
    return {
        "werknemer": str(raw.get("werknemer_naam") or "werknemer"),
        "form": spec.id.value,
        "datum": datum,
        "dossier": _key(raw.get(KEY_COLUMN)),
        "rij": str(row),
    }


@dataclass
class BatchInput:
    """A batch spreadsheet read: the main sheet, one task per row, and item problems."""

    table: Table
    tasks: list[RowTask]
    #: rows of the item sheets that belong to no form, or to more than one
    problems: list[RowError]
    #: columns that are not used (with the nearest known name)
    warnings: list[str] = field(default_factory=list)


def _key_problems(table: Table, item_tables: Mapping[str, Table]) -> list[RowError]:
    """With item sheets: a dossier key used twice in the main sheet, and item rows whose key
    is in no main row (they would belong to no form)."""
    problems: list[RowError] = []
    if not item_tables:
        return problems
    keys = [_key(raw.get(KEY_COLUMN)) for _row, raw in table.rows]
    seen: set[str] = set()
    for (row, _raw), key in zip(table.rows, keys, strict=True):
        if key and key in seen:
            problems.append(
                RowError(
                    row,
                    f"dossier '{key}' komt vaker voor; dan is niet duidelijk bij welk "
                    "formulier de regels uit de andere bladen horen",
                    table.sheet,
                    table.columns.get(KEY_COLUMN),
                    KEY_COLUMN,
                    table.path,
                )
            )
        seen.add(key)
    for t in item_tables.values():
        for row, raw in t.rows:
            key = _key(raw.get(KEY_COLUMN))
            if key not in seen:
                problems.append(
                    RowError(
                        row,
                        f"dossier '{key}' staat niet in blad '{table.sheet}'; deze regel "
                        f"hoort bij geen enkel formulier",
                        t.sheet,
                        t.columns.get(KEY_COLUMN),
                        KEY_COLUMN,
                        t.path,
                    )
                )
    return problems


def read_rows(
    spec: FormSpec,
    path: str | Path,
    pattern: str = DEFAULT_PATTERN,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    name: str | None = None,
) -> BatchInput:
    """Read a batch spreadsheet into tasks (one per main row, items attached); messages
    name the file ``name`` (default: ``path``).

    Raises :class:`InputError` when the file or its columns are unusable, or the file is
    larger than ``max_bytes`` or a sheet has more than ``max_rows`` rows.
    """
    p = Path(path)
    limits = {"max_rows": max_rows, "max_bytes": max_bytes}
    shown = name or str(path)
    table = read_table(p, max_rows=max_rows, max_bytes=max_bytes, name=shown)
    groups, lists, plain = form_structure(spec)
    known = [column for column, _required, _note in batch_columns(spec)]
    table.resolve_columns(alias_map(FORM_ALIASES, known))
    item_tables = _item_sheets(p, shown, table, lists, limits)
    _check_columns(spec, table, item_tables)
    warnings = [f"{table.where}: {w}" for w in unknown_columns(table.headers, known)]
    for name, t in item_tables.items():
        item_known = [KEY_COLUMN, *lists[name]]
        warnings += [f"{t.where}: {w}" for w in unknown_columns(t.headers, item_known)]

    by_key: dict[str, dict[str, list[tuple[dict[str, Any], Source]]]] = {}
    for name, t in item_tables.items():
        for row, raw in t.rows:
            entry = {k: raw.get(k) for k in lists[name] if k in raw}
            by_key.setdefault(_key(raw.get(KEY_COLUMN)), {}).setdefault(name, []).append(
                (entry, Source(t.sheet, row, t.columns))
            )

    tasks: list[RowTask] = []
    used_stems: dict[str, int] = {}
    main_source = {c: letter for c, letter in table.columns.items()}
    problems = _key_problems(table, item_tables)
    duplicate_rows = {e.row for e in problems if e.sheet == table.sheet}
    for row, raw in table.rows:
        if row in duplicate_rows:
            continue
        data: dict[str, Any] = {n: raw[n] for n in plain if n in raw}
        for name, subs in groups.items():
            data[name] = {s: raw[f"{name}_{s}"] for s in subs if f"{name}_{s}" in raw}
        items: dict[str, list[Source]] = {}
        key = _key(raw.get(KEY_COLUMN))
        for name, subs in lists.items():
            if name in item_tables:
                pairs = by_key.get(key, {}).get(name, []) if key else []
                data[name] = [entry for entry, _src in pairs]
                items[name] = [src for _entry, src in pairs]
            else:
                data[name] = _inline_items(raw.get(name), subs)
                cell = Source(table.sheet, row, {name: main_source[name]}, inline=True)
                items[name] = [cell] * len(data[name])
        stem = output_stem(pattern, _stem_values(spec, raw, row))
        count = used_stems.get(stem.lower(), 0) + 1
        used_stems[stem.lower()] = count
        if count > 1:
            stem = safe_component(f"{stem}_{count}")
        tasks.append(RowTask(row, data, stem, items))
    if not tasks and not problems:
        where = table.where
        raise InputError(f"{where}: er staan geen rijen onder de kolomnamen")
    return BatchInput(table, tasks, problems, warnings)


# --- the work (runs in worker processes) -------------------------------------------------
