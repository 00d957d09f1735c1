"""XLSX reader: every sheet as lines of `` | ``-separated cells, read with python-calamine,
or with openpyxl (read-only, row by row) for a sheet too large for calamine or a
workbook calamine cannot open.

Dates become Dutch text, so the extractors find the dated rows of an activity log."""

from __future__ import annotations

import io
import time
import warnings
from datetime import date, datetime
from typing import Any

from poortwachter.audit.intake.readers.common import clean_text, unreadable
from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Document
from poortwachter.domain.dates import format_nl
from poortwachter.inputs.xlsx_extent import sheet_extent
from poortwachter.support.zipcheck import zip_problem

#: columns read per sheet; an activity log never needs more
MAX_COLUMNS = 60
#: cells of a sheet's used range python-calamine may allocate; a larger sheet is read
#: row by row by openpyxl
CALAMINE_MAX_CELLS = 2_000_000


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # calamine gives 3.0 where openpyxl gives 3
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_nl(value)
    return str(value).strip()


def read_xlsx(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a workbook; a broken or unsafe file gives ``readable=False``."""
    size = len(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return unreadable(
            path, "xlsx", size, "is versleuteld met een wachtwoord of een oud Excel-bestand (.xls)"
        )
    problem = zip_problem(io.BytesIO(data))
    if problem:
        return unreadable(path, "xlsx", size, f"is geen leesbaar Excel-bestand: het {problem}")
    started = time.monotonic()
    pages = _calamine_pages(data, limits, started)
    if pages is None:
        try:
            pages = _openpyxl_pages(data, limits, started)
        except Exception:  # openpyxl raises many kinds on hostile input
            return unreadable(
                path, "xlsx", size, "is beschadigd en niet te lezen; sla het opnieuw op als XLSX"
            )
    text = "\n".join(pages)
    if len(text) < 25:
        return unreadable(path, "xlsx", size, "bevat (bijna) geen gegevens")
    return Document(
        path=path,
        file_type="xlsx",
        size=size,
        pages=["\n".join(pages)[: limits.max_chars]],
        page_count=1,
    )


def _calamine_pages(data: bytes, limits: Limits, started: float) -> list[str] | None:
    """Every worksheet as a text page, read with python-calamine (many times faster than
    openpyxl, the same text); None when calamine cannot read the workbook or a sheet's
    used range is larger than :data:`CALAMINE_MAX_CELLS` (calamine allocates the whole
    range at once), so that openpyxl, which goes row by row, reads it."""
    try:
        import python_calamine  # imported here so the package imports fast

        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [m.name for m in wb.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        pages: list[str] = []
        for name in sheets:
            rows, columns = sheet_extent(io.BytesIO(data), name)  # type: ignore[arg-type]
            if rows * columns > CALAMINE_MAX_CELLS:
                return None
            lines = [name]
            for n, row in enumerate(wb.get_sheet_by_name(name).iter_rows()):
                if n >= limits.max_rows or time.monotonic() - started > limits.seconds_per_file:
                    break
                texts = [t for t in (_cell_text(v) for v in row[:MAX_COLUMNS]) if t]
                if texts:
                    lines.append(" | ".join(texts))
            pages.append(clean_text("\n".join(lines)))
    except Exception:  # calamine's own errors on odd workbooks: openpyxl tries
        return None
    return pages


def _openpyxl_pages(data: bytes, limits: Limits, started: float) -> list[str]:
    """The pages read with openpyxl (read-only, row by row)."""
    import openpyxl

    # openpyxl warns on stderr about odd workbooks (no default style, dates out of range);
    # such a cell is just read as an error value, the user need not see it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return _sheet_pages(wb, limits, started)


def _sheet_pages(wb: Any, limits: Limits, started: float) -> list[str]:
    """One text page per sheet, within the row and time limits; closes the workbook."""
    pages: list[str] = []
    try:
        for ws in wb.worksheets:
            lines: list[str] = [f"{ws.title}"]
            for n, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)):
                if n >= limits.max_rows or time.monotonic() - started > limits.seconds_per_file:
                    break
                cells = [_cell_text(v) for v in row]
                texts = [c for c in cells if c]
                if not texts:
                    continue
                lines.append(" | ".join(texts))
            pages.append(clean_text("\n".join(lines)))
    finally:
        wb.close()
    return pages
