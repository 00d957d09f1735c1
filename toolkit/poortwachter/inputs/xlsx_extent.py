"""How far the cells of an XLSX sheet reach, read from its XML before anything unpacks it.

A 2 KB sheet with one cell at XFD1048576 makes a spreadsheet reader allocate the whole
used range (rows × columns): python-calamine then asks for hundreds of GB and the process
aborts, beyond any Python error handling. So the sheet's XML is scanned first, in chunks
(bounded memory), for the highest row and column it names.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from defusedxml import ElementTree

_ROW = re.compile(rb'<row\b[^>]*?\sr="(\d{1,9})"')
# every row element, numbered or not: the r attribute is optional, and a sheet without it
# (1,000,000 rows) was read whole before anything counted its rows; bytes.count is ~10x
# faster than a regex ('<x:row' with a namespace prefix is counted by ':row')
_ROW_STARTS = (b"<row ", b"<row>", b":row ", b":row>")


def _rows_in(data: bytes) -> int:
    return sum(data.count(start) for start in _ROW_STARTS)


# Only references that are unusual in a case list are collected one by one: columns of
# two or three letters (beyond Z), and rows of seven digits or more. The patterns start
# with the literal 'r="' so the regex engine can skip ahead (a leading \s or '<c' with
# attributes in between made the scan 6x slower); a stray match only raises the estimate.
_WIDE_CELL = re.compile(rb'r="([A-Z]{2,3})[0-9]')
_DEEP_CELL = re.compile(rb'r="[A-Z]{0,3}([0-9]{7,9})"')
_CHUNK = 1 << 20
_OVERLAP = 256

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member of its XML, visible sheets first (in workbook order);
    empty when the workbook cannot be mapped."""
    try:
        wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, ValueError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG}Relationship")}
    sheets = list(wb.iter(f"{_NS_MAIN}sheet"))
    sheets.sort(key=lambda s: s.get("state", "visible") != "visible")  # stable: order kept
    parts: dict[str, str] = {}
    for sheet in sheets:
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            parts[sheet.get("name", "")] = str(PurePosixPath(path))
    return parts


def _scan(zf: zipfile.ZipFile, member: str, stop_above: int | None) -> tuple[int, int]:
    max_row, max_col, tail, counted = 0, 26, b"", 0
    with zf.open(member) as fh:
        while chunk := fh.read(_CHUNK):
            if stop_above is not None and max(max_row, counted) > stop_above:
                break  # too many rows already: the rest need not be read
            data = tail + chunk
            # row elements not wholly inside the tail (those were counted last time)
            counted += _rows_in(data) - _rows_in(tail)
            rows = _ROW.findall(data)
            if rows:
                max_row = max(max_row, *map(int, rows))
            deep = _DEEP_CELL.findall(data)
            if deep:
                max_row = max(max_row, *map(int, deep))
            wide = _WIDE_CELL.findall(data)
            if wide:
                max_col = max(max_col, *map(_column_number, wide))
            tail = data[-_OVERLAP:]
    return max(max_row, counted), max_col


def sheet_extent(path: str, sheet: str | None, stop_above: int | None = None) -> tuple[int, int]:
    """(highest row, highest column) the sheet's cells name. Without ``sheet``: the first
    visible sheet (the one that is read). For a workbook that cannot be mapped: the largest
    over all worksheets, to be safe. With ``stop_above`` the scan stops as soon as a row
    beyond it is seen (the sheet is refused anyway): the result is then a lower bound."""
    with zipfile.ZipFile(path) as zf:
        parts = _sheet_parts(zf)
        if sheet is None and parts:
            sheet = next(iter(parts))
        members = (
            [parts[sheet]]
            if sheet in parts
            else [n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        )
        extents = [_scan(zf, m, stop_above) for m in members if m in zf.NameToInfo]
    if not extents:
        return 0, 0
    return max(r for r, _ in extents), max(c for _, c in extents)
