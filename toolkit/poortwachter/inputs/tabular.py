"""Reading rows from a CSV or XLSX file, with exact row and column positions for messages.

* XLSX is read with python-calamine (about 15× faster than openpyxl for 100,000 rows),
  after the zip container has been checked (:mod:`poortwachter.support.zipcheck`).
* CSV: UTF-16 with BOM (Excel's "Unicode-tekst"), UTF-8 (with or without BOM), falling back
  to cp1252 (Excel on Windows), read as a stream (the row limit stops it early); the
  delimiter (``;``, ``,``, tab or ``|``) is taken from the header line.
* The header is the first non-empty row. Header names are compared case-insensitively,
  with spaces and hyphens read as ``_``.
"""

from __future__ import annotations

import csv
import itertools
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from poortwachter.errors import InputError, Location
from poortwachter.inputs.xlsx_extent import sheet_extent
from poortwachter.support.zipcheck import zip_problem

#: Default limits on a spreadsheet that is read (documented in SECURITY.md).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_ROWS = 250_000
DEFAULT_MAX_COLUMNS = 256
#: rows × columns of the used range: what a reader allocates, whatever the file size
MAX_CELLS = 10_000_000
_DELIMITERS = (";", ",", "\t", "|")


def normalise_header(name: Any) -> str:
    """A header as it is compared: trimmed, lower case, runs of spaces and hyphens as one ``_``."""
    return "_".join(str(name).strip().lower().replace("-", " ").split())


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Table:
    """Rows of one sheet, each a dict keyed by normalised header."""

    path: str
    sheet: str | None
    headers: list[str]
    #: normalised header → how a user finds the column ("C" in XLSX, "3" in CSV)
    columns: dict[str, str]
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    @property
    def where(self) -> str:
        """The file (and sheet) for messages about the table as a whole."""
        return _where(self.path, self.sheet)

    def no_cases_error(self) -> InputError:
        """The error for a table with a header but no rows of cases."""
        return InputError(f"{self.where}: er staan geen zaken onder de kolomnamen")

    def location(self, row: int, column: str | None = None) -> Location:
        """Where ``row`` (and the cell of ``column``, a normalised header) is, for messages."""
        return Location(
            self.path,
            sheet=self.sheet,
            row=row,
            column=self.columns.get(column) if column else None,
            field=column,
        )

    def iter_rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """The rows as (row number in the file, values by normalised header)."""
        return iter(self.rows)

    def resolve_columns(self, aliases: Mapping[str, str]) -> dict[str, str]:
        """Rename headers to the column they stand for (``aliases``: folded header →
        column, see :mod:`poortwachter.inputs.headers`); returns {header: column} renamed.

        A header is left alone when its column is already there under its own name."""
        from poortwachter.inputs.headers import fold

        renamed: dict[str, str] = {}
        for header in self.headers:
            column = aliases.get(fold(header))
            taken = column in self.columns or column in renamed.values()
            if column and column != header and not taken:
                renamed[header] = column
        if not renamed:
            return renamed
        self.headers = [renamed.get(h, h) for h in self.headers]
        self.columns = {renamed.get(h, h): c for h, c in self.columns.items()}
        for _number, values in self.rows:
            for old, new in renamed.items():
                values[new] = values.pop(old)
        return renamed


@dataclass(frozen=True)
class SheetLimits:
    """Limits on a spreadsheet that is read (defaults in SECURITY.md): its size in bytes, its
    number of rows (the header not counted) and of columns."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_rows: int = DEFAULT_MAX_ROWS
    max_columns: int = DEFAULT_MAX_COLUMNS

    def check_extent(self, name: str, rows: int, columns: int) -> None:
        """Raise :class:`~poortwachter.errors.InputError` when sheet ``name`` (its used range:
        ``rows`` including the header, ``columns``) goes over the limits, or holds more than
        :data:`MAX_CELLS` cells."""
        problems = []
        if rows > self.max_rows + 1:  # + the header row
            problems.append(
                f"{name}: meer dan {self.max_rows:,} rijen (grens; verhoog met --max-rows)".replace(
                    ",", "."
                )
            )
        if columns > self.max_columns:
            problems.append(f"{name}: meer dan {self.max_columns} kolommen (grens)")
        if not problems and rows * columns > MAX_CELLS:
            problems.append(
                f"{name}: het gebruikte bereik van het blad is te groot ({rows} rijen × "
                f"{columns} kolommen); staat er ergens ver weg nog een cel?"
            )
        if problems:
            raise InputError(problems)


def size_text(n: int) -> str:
    """A size in a message: ``1048576`` → ``'1 MB'``; below a megabyte in bytes
    (``'512 bytes'``), so a small limit does not read as "0 MB"."""
    mb = 1024 * 1024
    return f"{n // mb} MB" if n >= mb else f"{n} bytes"


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_columns: int = DEFAULT_MAX_COLUMNS,
    name: str | None = None,
) -> Table:
    """Read the rows of a CSV or XLSX file; raises :class:`InputError` with a Dutch reason.

    Messages name the file as ``name`` (default: ``path``); a spreadsheet from standard
    input comes through :func:`poortwachter.inputs.stdin.spreadsheet_file`.

    SheetLimits: ``max_bytes`` on the file, ``max_rows`` data rows and ``max_columns`` columns,
    and at most ``MAX_CELLS`` cells in an XLSX sheet's used range (checked before reading).
    """
    limits = SheetLimits(max_bytes, max_rows, max_columns)
    p = Path(path)
    name = name or str(path)
    if not p.is_file():
        raise InputError(f"{name}: bestand niet gevonden")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{name}: het bestand is leeg")
    if size > max_bytes:
        raise InputError(
            f"{name}: het bestand is {size_text(size)}, meer dan de grens van "
            f"{size_text(max_bytes)}"
        )
    with p.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(p, name, sheet, limits)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{name}: dit is het oude Excel-formaat (.xls); sla het op als .xlsx of als CSV"
        )
    if p.suffix.lower() in {".xlsx", ".xlsm"}:
        raise InputError(
            f"{name}: is geen geldig Excel-bestand (.xlsx); het is beschadigd of iets anders"
        )
    if head.startswith(b"%PDF") or (not _utf16(head) and head.count(0) > len(head) // 4):
        raise InputError(f"{name}: is geen spreadsheet; gebruik een CSV- of XLSX-bestand")
    return _read_csv(p, name, limits, "utf-16" if _utf16(head) else "utf-8-sig")


def _where(path: str, sheet: str | None) -> str:
    return f"{path}, blad '{sheet}'" if sheet else path


def _is_empty(row: list[Any]) -> bool:
    """No cell with content (None, '' and spaces are empty; 0 and False are content)."""
    for cell in row:
        if cell is None:
            continue
        if type(cell) is str:
            if cell and not cell.isspace():
                return False
        else:
            return False
    return True


def _header_and_rows(
    name: str, sheet: str | None, raw_rows: list[list[Any]], letters: bool, first_row: int = 1
) -> Table:
    start = next(
        (i for i, r in enumerate(raw_rows) if not _is_empty(r)),
        None,
    )
    where = _where(name, sheet)
    if start is None:
        raise InputError(f"{where}: het blad is leeg; de eerste rij moet de kolomnamen bevatten")
    header = [normalise_header(c) if c is not None else "" for c in raw_rows[start]]
    columns: dict[str, str] = {}
    for i, h in enumerate(header):
        if h and h not in columns:
            columns[h] = column_letter(i) if letters else str(i + 1)
    dupes = sorted(h for h, n in Counter(header).items() if h and n > 1)
    if dupes:
        raise InputError(f"{where}: de kolom(men) {', '.join(dupes)} komen meer dan eens voor")
    table = Table(name, sheet, [h for h in header if h], columns)
    index = [(i, h) for i, h in enumerate(header) if h]
    for offset, raw in enumerate(raw_rows[start + 1 :], start=start + 1):
        if _is_empty(raw):
            continue
        values = {h: (raw[i] if i < len(raw) else None) for i, h in index}
        table.rows.append((first_row + offset, values))
    return table


def _read_xlsx(p: Path, name: str, sheet: str | None, limits: SheetLimits) -> Table:
    problem = zip_problem(str(p))
    if problem:
        raise InputError(f"{name}: {problem}")
    try:
        rows_used, columns_used = sheet_extent(str(p), sheet, stop_above=limits.max_rows + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{name}: is geen leesbaar Excel-bestand ({type(exc).__name__})") from None
    limits.check_extent(name, rows_used, columns_used)
    import python_calamine  # imported here: only XLSX input needs it

    try:
        wb = python_calamine.CalamineWorkbook.from_path(str(p))
        visible = [
            m.name for m in wb.sheets_metadata if str(m.visible).endswith("Visible")
        ] or list(wb.sheet_names)
        if sheet is None:
            sheet = visible[0]
        elif sheet not in wb.sheet_names:
            raise InputError(
                f"{name}: blad '{sheet}' bestaat niet; wel: {', '.join(wb.sheet_names)}"
            )
        rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except InputError:
        raise
    except Exception as exc:  # calamine raises its own error types for broken files
        raise InputError(f"{name}: is geen leesbaar Excel-bestand ({type(exc).__name__})") from None
    return _header_and_rows(name, sheet, rows, letters=True)


def _utf16(head: bytes) -> bool:
    """A UTF-16 byte order mark: Excel's "Unicode-tekst" (tab-separated) starts so."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _read_csv(p: Path, name: str, limits: SheetLimits, encoding: str) -> Table:
    """UTF-16 (with BOM), else UTF-8 (BOM allowed), else cp1252; streamed, so a file with
    too many rows is refused when the row limit is passed, not after reading it whole."""
    try:
        return _read_csv_as(p, name, limits, encoding)
    except UnicodeDecodeError:
        if encoding == "utf-16":
            raise InputError(f"{name}: is geen leesbare UTF-16-tekst") from None
        return _read_csv_as(p, name, limits, "cp1252")


def _read_csv_as(p: Path, name: str, limits: SheetLimits, encoding: str) -> Table:
    errors = "replace" if encoding == "cp1252" else "strict"
    rows: list[list[Any]] = []
    with p.open(encoding=encoding, errors=errors, newline="") as fh:
        start: list[str] = []
        for line in fh:  # the header line (the first that is not empty) gives the delimiter
            start.append(line)
            if line.strip():
                break
        delimiter = max(_DELIMITERS, key=start[-1].count) if start else ";"
        nul_lines: list[bool] = []

        def lines() -> Iterator[str]:
            for line in itertools.chain(start, fh):
                if "\x00" in line:
                    nul_lines.append(True)
                yield line

        try:
            for row in csv.reader(lines(), delimiter=delimiter):
                rows.append(row)
                if len(row) > limits.max_columns or len(rows) > limits.max_rows + 1:
                    limits.check_extent(name, len(rows), len(row))
                if nul_lines:
                    column = next((i for i, c in enumerate(row) if "\x00" in c), 0)
                    raise InputError(
                        f"{name}, rij {len(rows)}, kolom {column + 1}: bevat een NUL-teken "
                        "(byte 0); is het bestand beschadigd? Sla het opnieuw op als CSV"
                    )
        except csv.Error as exc:
            raise InputError(f"{name}: is geen leesbaar CSV-bestand ({exc})") from None
    return _header_and_rows(name, None, rows, letters=False)
