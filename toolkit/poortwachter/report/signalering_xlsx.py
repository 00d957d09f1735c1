"""Signalering as a casemanager's worklist: one row per case, frozen header, autofilter,
overdue rows red, due-soon rows orange; rows that could not be read on a second sheet."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from poortwachter.report.signalering_rows import SignalRow
from poortwachter.report.xlsx_safe import safe_cell
from poortwachter.report.xlsx_style import BOLD, DATE_FORMAT, ORANGE, RED

HEADERS = [
    "Rij",
    "Dossier",
    "Werknemer",
    "BSN",
    "Eerste ziektedag",
    "Aantal te laat",
    "Te laat",
    "Aantal binnenkort",
    "Binnenkort",
    "Eerstvolgende",
    "Eerstvolgende datum",
]
WIDTHS = [6, 14, 24, 12, 14, 8, 50, 8, 50, 28, 14]
DATE_COLUMNS = {4, 10}


def render(rows: Iterable[SignalRow], problems: Sequence[str] = ()) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Signalering")
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    header = []
    for h in HEADERS:
        c = WriteOnlyCell(ws, h)
        c.font = BOLD
        header.append(c)
    ws.append(header)
    n = 0
    for r in rows:
        n += 1
        values = [
            r.rij,
            safe_cell(r.dossier),
            safe_cell(r.naam),
            r.bsn,
            r.eerste_ziektedag,
            r.n_te_laat,
            r.te_laat,
            r.n_binnenkort,
            r.binnenkort,
            r.volgende,
            r.volgende_datum,
        ]
        fill = RED if r.n_te_laat else ORANGE if r.n_binnenkort else None
        if fill is None:
            ws.append(values)
            continue
        cells = []
        for i, v in enumerate(values):
            c = WriteOnlyCell(ws, v)
            c.fill = fill
            if i in DATE_COLUMNS:
                c.number_format = DATE_FORMAT
            cells.append(c)
        ws.append(cells)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{n + 1}"
    if problems:
        errs = wb.create_sheet("Fouten")
        errs.append([WriteOnlyCell(errs, "Fout") ])
        for p in problems:
            errs.append([safe_cell(p)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
