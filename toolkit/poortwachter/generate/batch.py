"""One form per spreadsheet row (``poortwachter batch``).

The spreadsheet
---------------
The first sheet (or the CSV file) has one row per form. Column names are the field names
of the form with ``_`` between group and field (case-insensitive, spaces count as ``_``):

* always: ``dossier``, ``formulierdatum``, ``eerste_ziektedag``, ``werknemer_naam``,
  ``werknemer_bsn``, ``werknemer_functie``, ``werknemer_geboortedatum``,
  ``werkgever_naam``, ``werkgever_kvk``, ``werkgever_aard_bedrijf``, ``werkgever_adres``,
  ``bedrijfsarts_naam``, ``bedrijfsarts_organisatie``, ``casemanager_naam``,
  ``casemanager_functie``;
* the form's own fields by name, e.g. ``einddoel``, ``visie_werknemer``; yes/no fields
  take ``ja``/``nee``; a list of dates (``evaluatiemomenten``) is written
  ``2026-04-03; 2026-05-15``.

Repeated items (``activiteiten``: wat, wie, wanneer; ``ondertekenaars``: naam, functie,
datum, rol) are given in one of two ways:

1. XLSX: a sheet named ``activiteiten`` / ``ondertekenaars`` with a ``dossier`` column and
   one row per item (columns ``wat``, ``wie``, ``wanneer`` or ``naam``, ``functie``,
   ``datum``, ``rol``); items belong to the main row with the same ``dossier``.
2. CSV or XLSX: a column ``activiteiten`` / ``ondertekenaars`` in the main sheet, items
   separated by a newline or ``;``, parts by ``|``:
   ``Start aangepast werk | Werknemer | 2026-02-23; Werkplekonderzoek | Casemanager | 2026-03-06``.

Rows that fail are collected (sheet, row, column and a Dutch reason) into an error report
of this run (``foutrapport_<form>_<JJJJMMDD-UUMMSS>.xlsx`` and ``.json`` in the output
folder; two runs never share one); every valid row is still written. Validation and
rendering run in a process pool; each worker compiles the templates once.

Nothing lost
------------
Every file is written to a temporary file and renamed. A file that already exists is
skipped (not replaced, not an error) unless ``overwrite``: rerunning an interrupted batch
makes only what is missing. On Ctrl-C the workers finish the row they are on, nothing else
is started, and :class:`BatchInterrupted` (a ``KeyboardInterrupt``) carries the result:
which rows were done. A worker that dies (killed, out of memory) fails the rows it had not
reported; the rows done before are kept. An output that cannot be written (no permission,
disk full) stops the batch like Ctrl-C: :class:`BatchOutputError` (an
:class:`~poortwachter.errors.OutputError`) carries the result, so the rows written and the
rows still to do can be told first.
"""

from __future__ import annotations

import concurrent.futures as cf
import gc
import json
import multiprocessing
import os
import re
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from poortwachter.domain.privacy import mask_bsn, scrub, scrub_data
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError, Location, OutputError, PoortwachterError
from poortwachter.generate.context import check_form
from poortwachter.generate.docx import compiled_docx
from poortwachter.generate.pdf import pdf_renderer
from poortwachter.generate.registry import FormSpec, find_template, form_spec
from poortwachter.generate.render import OutputFormat, output_formats, render_document
from poortwachter.generate.write import (
    DEFAULT_PATTERN,
    check_pattern,
    output_stem,
    prepare_out_dir,
    safe_component,
    target_path,
)
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
from poortwachter.schemas.forms import field_required
from poortwachter.support.files import remove_orphan_temp_files, write_atomic
from poortwachter.support.gc import paused_gc
from poortwachter.support.lifecycle import EXIT_INTERRUPTED, die_with_parent, exit_code
from poortwachter.support.xlsx.safe import safe_cell

KEY_COLUMN = "dossier"
#: Rows per task sent to a worker process (amortises the inter-process traffic).
CHUNK_ROWS = 24
_BSN_DIGITS = re.compile(r"\d{5,}")
#: Test hook (tests/hostile): a worker process that reaches this row number ends itself
#: at once with ``os._exit``, like a worker killed by the system. Only worker processes
#: read it; the main process never ends itself.
CRASH_ROW_ENV = "POORTWACHTER_TEST_CRASH_WORKER_AT_ROW"
WORKER_DIED = (
    "niet gemaakt: het werkproces stopte onverwacht (bijvoorbeeld gestopt door het systeem "
    "of door geheugentekort); draai de batch opnieuw, wat al bestaat wordt overgeslagen"
)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem with one row: where it is and why, in Dutch."""

    row: int
    message: str
    sheet: str | None = None
    column: str | None = None
    field: str | None = None
    path: str | None = None

    def describe(self) -> str:
        where = Location(
            self.path, sheet=self.sheet, row=self.row, column=self.column, field=self.field
        ).describe()
        return scrub(f"{where}: {self.message}")

    def as_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "message": self.message,
        }


def row_ranges(rows: list[int]) -> str:
    """``[2, 3, 4, 7]`` → ``'2-4, 7'`` (each row once, in order)."""
    parts: list[str] = []
    ordered = sorted(set(rows))
    start = prev = None
    for row in [*ordered, None]:
        if row is not None and prev is not None and row == prev + 1:
            prev = row
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = row
    return ", ".join(parts)


@dataclass
class BatchResult:
    """What a batch did: the files written, skipped, and every row that failed."""

    form: FormId
    source: str
    written: list[Path] = field(default_factory=list)
    rows_ok: int = 0
    errors: list[RowError] = field(default_factory=list)
    report_paths: list[Path] = field(default_factory=list)
    #: existing files left alone (no ``overwrite``), and the rows whose files all existed
    skipped: list[Path] = field(default_factory=list)
    rows_skipped: int = 0
    #: columns of the spreadsheet that are not used (with the nearest known name)
    warnings: list[str] = field(default_factory=list)
    #: main-sheet rows of the batch, and those that were finished (made, skipped or failed)
    rows_total: int = 0
    rows_done: list[int] = field(default_factory=list)
    interrupted: bool = False
    #: why the batch stopped early because the output could not be written (Dutch)
    output_error: str | None = None
    #: exit code of the interruption: 130 (Ctrl-C) or 143 (SIGTERM)
    interrupt_code: int = EXIT_INTERRUPTED

    @property
    def failed_rows(self) -> list[tuple[str, int]]:
        """(sheet, row) of every row with a problem, each once."""
        return sorted({(e.sheet or "", e.row) for e in self.errors})

    @property
    def exit_code(self) -> int:
        """0 when every row was written, 1 when some rows failed (DESIGN.md)."""
        return 1 if self.errors else 0

    def summary(self) -> str:
        """``'48 formulieren gemaakt, 2 rijen met fouten'``; with skipped rows
        ``'0 formulieren gemaakt, 19 overgeslagen (bestonden al), 1 rij met fouten'``."""
        made = f"{self.rows_ok} {'formulier' if self.rows_ok == 1 else 'formulieren'} gemaakt"
        if len(self.written) != self.rows_ok:
            made += f" ({len(self.written)} bestanden)"
        if self.rows_skipped:
            made += f", {self.rows_skipped} overgeslagen (bestonden al)"
        bad = len(self.failed_rows)
        return f"{made}, {bad} {'rij' if bad == 1 else 'rijen'} met fouten"

    def interruption(self, how: str = "Afgebroken") -> str:
        """Dutch lines for an interrupted batch: which rows were done, how to go on."""
        done = sorted(set(self.rows_done))
        rest = max(0, self.rows_total - len(done))
        which = f" (rij {row_ranges(done)})" if done else ""
        return (
            f"{how}: {len(done)} van {self.rows_total} rijen klaar{which}; "
            f"{rest} {'rij' if rest == 1 else 'rijen'} niet gemaakt. Er zijn geen halve "
            "bestanden achtergebleven. Draai dezelfde opdracht opnieuw om verder te gaan: "
            "wat al bestaat wordt overgeslagen."
        )


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`run_batch`; ``result`` holds what was done until then."""

    def __init__(self, result: BatchResult) -> None:
        super().__init__("batch afgebroken")
        self.result = result


class BatchOutputError(OutputError):
    """The output folder could not be written (no permission, disk full) during
    :func:`run_batch`; ``result`` holds what was done until then."""

    def __init__(self, message: str, result: BatchResult) -> None:
        super().__init__(message)
        self.result = result


class _OutputBroken(Exception):
    """Internal: the first row whose output could not be written stops the batch."""


# --- reading -----------------------------------------------------------------------------


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


def _structure(spec: FormSpec) -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
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
    groups, lists, _plain = _structure(spec)
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
    path: Path, main: Table, lists: Mapping[str, list[str]], limits: Mapping[str, int]
) -> dict[str, Table]:
    if main.sheet is None:
        return {}
    found: dict[str, Table] = {}
    for sheet in _sheet_names(path):
        name = normalise_header(sheet)
        if name in lists and sheet != main.sheet:
            table = read_table(path, sheet=sheet, **limits)
            if KEY_COLUMN not in table.columns:
                raise InputError(
                    f"{path}, blad '{sheet}': de kolom '{KEY_COLUMN}' ontbreekt; daarmee "
                    "horen de regels bij een formulier"
                )
            found[name] = table
    return found


def _check_columns(spec: FormSpec, table: Table, item_tables: Mapping[str, Table]) -> None:
    groups, lists, plain = _structure(spec)
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


def read_rows(
    spec: FormSpec,
    path: str | Path,
    pattern: str = DEFAULT_PATTERN,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BatchInput:
    """Read a batch spreadsheet into tasks (one per main row, items attached).

    Raises :class:`InputError` when the file or its columns are unusable, or the file is
    larger than ``max_bytes`` or a sheet has more than ``max_rows`` rows.
    """
    p = Path(path)
    limits = {"max_rows": max_rows, "max_bytes": max_bytes}
    table = read_table(p, max_rows=max_rows, max_bytes=max_bytes)
    groups, lists, plain = _structure(spec)
    known = [column for column, _required, _note in batch_columns(spec)]
    table.resolve_columns(alias_map(FORM_ALIASES, known))
    item_tables = _item_sheets(p, table, lists, limits)
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
    problems: list[RowError] = []
    keys = [_key(raw.get(KEY_COLUMN)) for _row, raw in table.rows]
    if item_tables:
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


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs besides the rows (small, pickled per chunk)."""

    form: FormId
    formats: tuple[OutputFormat, ...]
    out_dir: str
    templates_dir: str | None
    overwrite: bool
    path: str
    sheet: str | None
    columns: Mapping[str, str]
    list_fields: tuple[str, ...]


def _locate(job: Job, task: RowTask, dotted: str) -> tuple[str | None, int, str | None, str, str]:
    """(sheet, row, column letter, field name, message prefix) of a dotted schema field."""
    parts = dotted.split(".")
    if parts[0] in job.list_fields and len(parts) >= 2 and parts[1].isdigit():
        sources = task.items.get(parts[0], [])
        index = int(parts[1])
        if index < len(sources):
            src = sources[index]
            if src.inline:
                prefix = f"onderdeel {index + 1}" + (f", {parts[2]}" if len(parts) > 2 else "")
                return src.sheet, src.row, src.columns.get(parts[0]), parts[0], f"{prefix}: "
            column = parts[2] if len(parts) > 2 else parts[0]
            return src.sheet, src.row, src.columns.get(column), column, ""
    column = "_".join(p for p in parts if not p.isdigit())
    if column not in job.columns and parts[0] in job.list_fields:
        column = parts[0]
    return job.sheet, task.row, job.columns.get(column), column, ""


def _mask(field_name: str, message: str) -> str:
    if field_name.endswith("bsn"):  # a wrong BSN may be a typo of a real one: mask it too
        return _BSN_DIGITS.sub(lambda m: mask_bsn(m.group()), message)
    return scrub(message)


class RowOutcome(NamedTuple):
    """What became of one row: files written, files left alone because they existed."""

    row: int
    written: list[str]
    errors: list[RowError]
    skipped: list[str]
    #: the output could not be written (no permission, disk full): the batch stops
    fatal: str | None = None


def _crash_hook(row: int) -> None:
    """The test hook :data:`CRASH_ROW_ENV`: only ever ends a worker process."""
    wanted = os.environ.get(CRASH_ROW_ENV)
    if wanted and wanted == str(row) and multiprocessing.parent_process() is not None:
        os._exit(70)


def process_row(job: Job, task: RowTask) -> RowOutcome:
    """Validate, render and write one row; existing files are skipped unless overwrite."""
    _crash_hook(task.row)
    spec = form_spec(job.form)
    doc, problems = check_form(spec.id, task.data)
    if doc is None:
        errors = []
        for dotted, message in problems:
            sheet, row, column, name, prefix = _locate(job, task, dotted)
            errors.append(
                RowError(row, prefix + _mask(name, message), sheet, column, name, job.path)
            )
        return RowOutcome(task.row, [], errors, [])
    out_dir = Path(job.out_dir)
    written: list[str] = []
    skipped: list[str] = []
    try:
        for fmt in job.formats:
            target = target_path(out_dir, task.stem, fmt)
            if not job.overwrite and target.exists():
                skipped.append(str(target))  # made by an earlier run: leave it alone
                continue
            blob = render_document(spec, doc, fmt, job.templates_dir)
            try:
                write_atomic(target, blob, overwrite=job.overwrite)
            except OutputError:
                raise
            except InputError:
                if job.overwrite or not target.exists():
                    raise
                skipped.append(str(target))  # appeared meanwhile: still not replaced
                continue
            written.append(str(target))
    except OutputError as exc:  # not this row's fault: every row would fail the same way
        return RowOutcome(task.row, written, [], skipped, fatal=str(exc))
    except PoortwachterError as exc:
        error = RowError(task.row, str(exc), job.sheet, path=job.path)
        return RowOutcome(task.row, written, [error], skipped)
    except Exception as exc:  # one broken row must not stop the batch
        reason = f"onverwachte fout bij het maken ({type(exc).__name__}: {exc})"
        error = RowError(task.row, reason, job.sheet, path=job.path)
        return RowOutcome(task.row, written, [error], skipped)
    return RowOutcome(task.row, written, [], skipped)


#: Set in the main process on Ctrl-C; workers then start no further row.
_STOP: Any = None


def process_chunk(job: Job, tasks: list[RowTask]) -> list[RowOutcome]:
    """Rows of one chunk, with the cyclic garbage collector paused (weasyprint and docxtpl
    build many short-lived objects; pausing saves 10-20 % per PDF). It runs between chunks.
    After Ctrl-C (the stop event) the remaining rows are left undone (not in the list)."""
    out: list[RowOutcome] = []
    with paused_gc():
        for t in tasks:
            if _STOP is not None and _STOP.is_set():
                break
            out.append(process_row(job, t))
            if out[-1].fatal:
                break
    return out


def _worker_init(stop: Any = None) -> None:
    """In a fresh worker: objects inherited from the parent are never garbage; keep the
    collector from rescanning them (and from touching their pages, which forces copies).
    Ctrl-C and SIGTERM are handled by the main process alone: it sets ``stop`` and each
    worker ends after the row it is on, so no file is cut off halfway. A worker whose main
    process is gone (killed with SIGKILL) ends at once (:func:`die_with_parent`)."""
    global _STOP
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STOP = stop
    gc.freeze()


# --- orchestration ----------------------------------------------------------------------


def _chunks(tasks: list[RowTask], size: int) -> Iterator[list[RowTask]]:
    for i in range(0, len(tasks), size):
        yield tasks[i : i + size]


class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0

    def advance(self, n: int) -> None:
        self.done += n
        if self.enabled and self.total:
            width = 30
            filled = int(width * self.done / self.total)
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} rijen"
            )
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def prepare_templates(
    spec: FormSpec, formats: tuple[OutputFormat, ...], templates_dir: str | None
) -> None:
    """Compile the templates before any row is done.

    A broken template is then one clear :class:`InputError` instead of an error on every
    row, and worker processes started by fork inherit the compiled templates (and the
    imported weasyprint) instead of each paying for them.
    """
    tdir = Path(templates_dir) if templates_dir is not None else None
    for fmt in formats:
        if fmt is OutputFormat.DOCX:
            compiled_docx(find_template(spec.docx_template, tdir))
        else:
            find_template(spec.html_template, tdir)
            pdf_renderer(tdir).template(spec.html_template)


def write_error_report(result: BatchResult, out_dir: Path, stamp: str) -> list[Path]:
    """``foutrapport_<form>_<stamp>.xlsx`` and ``.json`` in ``out_dir``: one report per
    run (``-2``, ``-3`` ... when another run of the same second has one)."""
    from openpyxl import Workbook

    payload = scrub_data(
        {
            "form": result.form.value,
            "source": result.source,
            "documents_written": result.rows_ok,
            "rows_failed": len(result.failed_rows),
            "errors": [e.as_json() for e in result.errors],
        }
    )
    from poortwachter.support.xlsx.style import BOLD, print_ready, wrap_cells

    wb = Workbook()
    ws = wb.active
    ws.title = "Fouten"
    ws.append(["Bestand", "Blad", "Rij", "Kolom", "Veld", "Reden"])
    for e in result.errors:
        ws.append(
            [
                safe_cell(scrub_data(v))
                for v in (result.source, e.sheet, e.row, e.column, e.field, e.message)
            ]
        )
    wrap_cells(ws, (30, 14, 6, 8, 22, 80))
    print_ready(ws)
    ws.freeze_panes = "A2"
    for c in ws[1]:
        c.font = BOLD
    import io

    buf = io.BytesIO()
    wb.save(buf)
    blobs = {
        "xlsx": buf.getvalue(),
        "json": (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }
    for n in range(1, 1000):
        base = f"foutrapport_{result.form.value}_{stamp}" + (f"-{n}" if n > 1 else "")
        paths = [out_dir / f"{base}.{ext}" for ext in blobs]
        if any(p.exists() for p in paths):
            continue
        try:
            for path, blob in zip(paths, blobs.values(), strict=True):
                write_atomic(path, blob, overwrite=False)
        except OutputError:
            raise
        except InputError:  # another run took this name meanwhile
            continue
        return paths
    raise OutputError(f"{out_dir}: geen vrije naam voor het foutrapport")


def run_batch(
    form: FormId | str,
    spreadsheet: str | Path,
    out_dir: str | Path,
    fmt: str = "docx",
    *,
    workers: int | None = None,
    pattern: str = DEFAULT_PATTERN,
    templates_dir: str | Path | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    on_result: Callable[[int, list[str], list[RowError]], None] | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BatchResult:
    """Write one form per spreadsheet row into ``out_dir``.

    ``workers``: number of processes (default ``os.cpu_count()``; 1 runs in this process).
    Raises :class:`InputError` when the file, its columns or the options are unusable;
    row problems do not raise but end up in :attr:`BatchResult.errors` and in the error
    report in ``out_dir``. Existing files are skipped (counted in
    :attr:`BatchResult.rows_skipped`) unless ``overwrite``. ``max_rows``/``max_bytes``
    limit the spreadsheet (:func:`~poortwachter.inputs.tabular.read_table`). Ctrl-C raises
    :class:`BatchInterrupted` with the result so far; an output that cannot be written
    (no permission, disk full) :class:`BatchOutputError`, also with the result so far.
    """
    spec = form_spec(form)
    formats = output_formats(fmt)
    check_pattern(pattern)
    if workers is not None and workers < 1:
        raise InputError(f"--workers moet minstens 1 zijn, niet {workers}")
    tdir = str(Path(templates_dir).resolve()) if templates_dir is not None else None
    batch_input = read_rows(spec, spreadsheet, pattern, max_rows=max_rows, max_bytes=max_bytes)
    table, tasks = batch_input.table, batch_input.tasks
    folder = prepare_out_dir(out_dir)
    _groups, lists, _plain = _structure(spec)
    job = Job(
        spec.id,
        formats,
        str(folder.resolve()),
        tdir,
        overwrite,
        table.path,
        table.sheet,
        dict(table.columns),
        tuple(lists),
    )
    result = BatchResult(
        spec.id, table.path, errors=list(batch_input.problems), warnings=batch_input.warnings
    )
    result.rows_total = len(tasks) + len(
        {e.row for e in batch_input.problems if e.sheet == table.sheet}
    )
    result.rows_done.extend(e.row for e in batch_input.problems if e.sheet == table.sheet)
    prepare_templates(spec, formats, tdir)
    bar = progress if progress is not None else Progress(len(tasks))
    n_workers = min(workers or os.cpu_count() or 1, max(1, len(tasks) // 4))

    def collect(outcome: RowOutcome) -> None:
        row, written, errors, skipped, fatal = outcome
        result.written.extend(Path(p) for p in written)
        result.skipped.extend(Path(p) for p in skipped)
        if fatal:  # the row is still to do; the first such row stops the batch
            first = result.output_error is None
            result.output_error = result.output_error or fatal
            if first:
                raise _OutputBroken
            return
        result.rows_done.append(row)
        if errors:
            result.errors.extend(errors)
        elif written:
            result.rows_ok += 1
        else:
            result.rows_skipped += 1
        if on_result is not None:
            on_result(row, written, errors)

    started = time.time() - 2  # file system timestamps may be coarse
    stamp = time.strftime("%Y%m%d-%H%M%S")

    def lost(rows: list[RowTask]) -> None:
        """Rows whose worker died before it reported them: a row whose files all exist
        counts as made (written by this run) or skipped (older, no overwrite); any other
        row fails, and the rerun finishes it."""
        for task in rows:
            targets = [target_path(folder, task.stem, f) for f in formats]
            try:
                times = [t.stat().st_mtime for t in targets]
            except OSError:
                times = []
            names = [str(t) for t in targets]
            if times and all(t >= started for t in times):
                collect(RowOutcome(task.row, names, [], []))
            elif times and not overwrite:
                collect(RowOutcome(task.row, [], [], names))
            else:
                result.errors.append(RowError(task.row, WORKER_DIED, job.sheet, path=job.path))
                result.rows_done.append(task.row)

    # hand rows out in chunks and let go of each chunk once it is sent: a long batch
    # keeps only the rows in flight in memory
    # PDF rows are slow (~70 ms): small chunks keep both workers busy to the end
    largest = CHUNK_ROWS if OutputFormat.PDF not in formats else 2
    size = largest if n_workers <= 1 else max(1, min(largest, len(tasks) // (n_workers * 4)))
    queue = deque(_chunks(tasks, size))
    table.rows.clear()
    tasks.clear()
    try:
        if n_workers <= 1:
            while queue:
                chunk = queue.popleft()
                with paused_gc():
                    for task in chunk:
                        collect(process_row(job, task))
                bar.advance(len(chunk))
        else:
            try:
                _run_pool(job, queue, n_workers, collect, lost, bar)
            finally:
                remove_orphan_temp_files(folder)  # of a worker that was killed mid-write
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (lifecycle.Terminated)
        result.interrupted = True
        result.interrupt_code = exit_code(stop)
    except _OutputBroken:  # result.output_error says why
        pass
    finally:
        bar.close()
    result.errors.sort(key=lambda e: (e.row, e.sheet or "", e.column or ""))
    if result.errors:
        try:
            result.report_paths = write_error_report(result, folder, stamp)
        except OutputError as exc:
            if result.output_error is None:
                raise BatchOutputError(str(exc), result) from None
    if result.output_error is not None:
        raise BatchOutputError(result.output_error, result)
    if result.interrupted:
        raise BatchInterrupted(result)
    return result


def _run_pool(
    job: Job,
    queue: deque[list[RowTask]],
    n_workers: int,
    collect: Callable[[RowOutcome], None],
    lost: Callable[[list[RowTask]], None],
    bar: Progress,
) -> None:
    """Run the chunks in ``queue`` in a process pool.

    Ctrl-C (KeyboardInterrupt here) or an output that cannot be written (``collect`` raises
    :class:`_OutputBroken`): set the stop event, cancel the chunks not started, let the
    workers finish the row they are on, collect what they did, then re-raise.
    A dead worker (BrokenProcessPool): every row not reported goes to ``lost``, once the
    pool has ended (its other workers may still be writing until then).
    """
    stop = multiprocessing.get_context().Event()
    pending: dict[cf.Future[list[RowOutcome]], list[RowTask]] = {}
    unreported: list[list[RowTask]] = []
    try:
        _pool_loop(job, queue, n_workers, collect, bar, stop, pending, unreported)
    finally:  # the pool has shut down: no worker writes any more
        for rows in unreported:
            lost(rows)


def _pool_loop(
    job: Job,
    queue: deque[list[RowTask]],
    n_workers: int,
    collect: Callable[[RowOutcome], None],
    bar: Progress,
    stop: Any,
    pending: dict[cf.Future[list[RowOutcome]], list[RowTask]],
    unreported: list[list[RowTask]],
) -> None:
    lost = unreported.append

    def take(fut: cf.Future[list[RowOutcome]]) -> None:
        rows = pending.pop(fut)
        try:
            outcomes = [] if fut.cancelled() else fut.result()
        except cf.process.BrokenProcessPool:
            lost(rows)
            return
        for outcome in outcomes:
            collect(outcome)
        bar.advance(len(outcomes))

    with cf.ProcessPoolExecutor(
        max_workers=n_workers, initializer=_worker_init, initargs=(stop,)
    ) as pool:
        try:
            while queue or pending:
                while queue and len(pending) < n_workers * 3:
                    chunk = queue.popleft()
                    pending[pool.submit(process_chunk, job, chunk)] = chunk
                done, _ = cf.wait(list(pending), return_when=cf.FIRST_COMPLETED)
                broken = False
                for fut in done:
                    broken = broken or isinstance(fut.exception(), cf.process.BrokenProcessPool)
                    take(fut)
                if broken:  # the pool is unusable: every row not done is lost
                    for fut in list(pending):
                        take(fut) if fut.done() else lost(pending.pop(fut))
                    while queue:
                        lost(queue.popleft())
        except (KeyboardInterrupt, _OutputBroken):
            stop.set()
            for fut in list(pending):
                fut.cancel()
            cf.wait(list(pending))
            for fut in list(pending):
                take(fut)
            queue.clear()
            raise
