"""python-docx helpers for the DOCX templates: tables with fixed column widths, shaded
label cells, rows that never break over two pages, docxtpl tag rows and page-number
fields."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

#: The fill of header and label cells.
LABEL_FILL = "E8EEF5"


def field_code(paragraph: Any, instr: str) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) to a footer paragraph (8.5 pt)."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")  # half-points: 8.5 pt like the rest of the footer
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def shade(cell: Any, fill: str) -> None:
    """Give a table cell a background colour (hex RGB)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def cell_text(cell: Any, text: str, *, bold: bool = False, size: float = 10) -> None:
    """Put ``text`` into the first paragraph of a cell."""
    para = cell.paragraphs[0]
    para.paragraph_format.space_after = Pt(0)
    run = para.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def new_table(doc: Any, widths: list[float]) -> Any:
    """An empty grid table with the given column widths (cm) and some cell padding."""
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")  # some air between text and cell borders
    for side, twips in (("top", 50), ("left", 100), ("bottom", 50), ("right", 100)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice and Word lay out by
    return table


def add_row(
    table: Any,
    texts: list[str],
    widths: list[float],
    *,
    bold: bool = False,
    fill: str | None = None,
    height: float | None = None,
    keep: bool = False,
    header: bool = False,
    size: float = 10,
) -> None:
    """A row that never breaks over two pages; ``header`` repeats it on every page, ``keep``
    keeps it with what follows."""
    row = table.add_row()
    if height:
        row.height = Cm(height)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    for i, text in enumerate(texts):
        cell = row.cells[i]
        cell.width = Cm(widths[i])
        cell_text(cell, text, bold=bold, size=size)
        if keep:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        if fill:
            shade(cell, fill)


def tag_row(table: Any, tag: str, widths: list[float]) -> None:
    """A row that only carries a ``{%tr %}`` tag (docxtpl removes the row itself)."""
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    merged.width = Cm(sum(widths))
    cell_text(merged, tag)
