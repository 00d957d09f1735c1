"""Shared look of the spreadsheets the toolkit writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill

RED = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
ORANGE = PatternFill("solid", start_color="FFE0B2", end_color="FFE0B2")
GREY = PatternFill("solid", start_color="EEEEEE", end_color="EEEEEE")
BOLD = Font(bold=True)
DATE_FORMAT = "DD-MM-YYYY"
WRAP = Alignment(wrap_text=True, vertical="top")
#: Page footer of every printed sheet: sheet name left, page numbers right.
FOOTER_LEFT, FOOTER_RIGHT = "&A", "Pagina &P van &N"


def print_ready(ws: Any) -> None:
    """Print as a table: landscape A4, one page wide (as many pages long as needed), the
    header row on every page, grid lines, page numbers in the footer. Works for normal and
    write-only openpyxl sheets (set it before the rows are written)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.left.text = FOOTER_LEFT
    ws.oddFooter.right.text = FOOTER_RIGHT


def wrap_cells(ws: Any, widths: Sequence[float]) -> None:
    """Set the column widths, wrap long text in every cell (top-aligned) and make each row
    as high as its text needs, so a printed row shows all of it."""
    from openpyxl.utils import get_column_letter

    from poortwachter.support.xlsx.stream import LINE_HEIGHT, text_lines

    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = WRAP
        lines = text_lines([c.value for c in row], widths)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * LINE_HEIGHT
