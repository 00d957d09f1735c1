"""A small streaming XLSX writer for large, flat worklists.

openpyxl needs about 100 µs per styled row in write-only mode: 10 seconds for 100,000
cases. This writer streams SpreadsheetML straight into the zip with a fixed style table
(bold header, date, red and orange rows, long text wrapped), a frozen header row, an
autofilter and a print setup (landscape A4, one page wide, the header row on every page,
page numbers), which is all a worklist needs, at about a tenth of that cost. Text is written as inline strings, XML
escaped, with characters that XML 1.0 forbids removed. Small or richly formatted
spreadsheets use openpyxl.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

from poortwachter.support.xlsx.safe import safe_cell


class Style(IntEnum):
    """Row styles; the cell style index is ``2 * style + is_date`` (see _STYLES)."""

    PLAIN = 0
    RED = 1
    ORANGE = 2
    HEADER = 3


_EPOCH = date(1899, 12, 30)
_XML_TEXT: dict[int, str | None] = {c: None for c in range(32) if c not in (9, 10, 13)}
_XML_TEXT.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"})

_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="DD-MM-YYYY"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFE0B2"/><bgColor rgb="FFFFE0B2"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


@dataclass(frozen=True)
class RenderedRows:
    """Rows already turned into XML by :func:`row_xml` (in another process, say)."""

    xml: str
    count: int


@dataclass
class Sheet:
    """One sheet for :func:`write_xlsx`: its name, headers, rows (values with a style, or
    rows already rendered), column widths, and whether the header is frozen, filtered and
    repeated on print."""

    name: str
    headers: Sequence[str]
    rows: Iterable[tuple[Sequence[object], Style] | RenderedRows]
    widths: Sequence[float] = ()
    freeze_header: bool = True
    autofilter: bool = True
    #: landscape A4, fit to one page wide, header row repeated (``_xlnm.Print_Titles``)
    print_ready: bool = True


#: Print setup of a worksheet (after autoFilter; the order is fixed by the schema).
_PRINT_SETUP = (
    '<printOptions gridLines="1"/>'
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPagina &amp;P van &amp;N</oddFooter>"
    "</headerFooter>"
)


def quoteattr_sheet(name: str) -> str:
    """A sheet name as a formula reference: ``'Fouten'`` (inner quotes doubled)."""
    return "'" + name.replace("'", "''") + "'"


def _cell(value: object, s: int) -> str:
    """One cell with style index ``s`` (dates use ``s + 1``). Cells carry no reference:
    each row writes every column, empty ones as ``<c s=".."/>`` so the row's fill is whole."""
    if type(value) is str:  # the common case first
        return _text_cell(value, s) if value else f'<c s="{s}"/>'
    if value is None:
        return f'<c s="{s}"/>'
    if isinstance(value, bool):
        return f'<c t="b" s="{s}"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c s="{s}"><v>{value}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c s="{s + 1}"><v>{(value - _EPOCH).days}</v></c>'
    return _text_cell(str(value), s)


#: Height of one line of text in a row (points, Calibri 11).
LINE_HEIGHT = 15.0


def text_lines(values: Sequence[object], widths: Sequence[float]) -> int:
    """How many lines the wrapped text of a row needs, estimated from the text length and
    the column widths (in characters)."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if type(value) is str and (len(value) > width or "\n" in value):
            room = int(max(width - 1.0, 1.0))
            needed = sum(-(-len(part) // room) or 1 for part in value.split("\n"))
            lines = max(lines, needed)
    return lines


def row_height(values: Sequence[object], widths: Sequence[float]) -> str:
    """`` ht=".." customHeight="1"`` for a row whose wrapped text needs more than one line
    (spreadsheet programs do not all grow a row for wrapped text by themselves), else ``""``."""
    lines = text_lines(values, widths)
    return f' ht="{lines * LINE_HEIGHT:g}" customHeight="1"' if lines > 1 else ""


def row_xml(
    values: Sequence[object], style: Style, width: int, widths: Sequence[float] = ()
) -> str:
    """One row without a row number: rows without ``r`` follow the previous one, so rows
    rendered apart can be joined in order. With ``widths`` the row is as high as its
    wrapped text needs (:func:`row_height`)."""
    s = 2 * style
    height = row_height(values, widths) if widths else ""
    return f"<row{height}>" + "".join([_cell(v, s) for v in values[:width]]) + "</row>"


def _text_cell(value: str, s: int) -> str:
    # one pass: escape XML and drop the control characters XML 1.0 forbids
    text = safe_cell(value).translate(_XML_TEXT)
    return f'<c t="inlineStr" s="{s}"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet_xml(out: TextIO, sheet: Sheet) -> None:
    write = out.write
    width = len(sheet.headers)
    last_column = get_column_letter(width)
    write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS} {_RNS}>')
    if sheet.print_ready:
        write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    if sheet.freeze_header:
        write(
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        )
    if sheet.widths:
        write("<cols>")
        for i, w in enumerate(sheet.widths, start=1):
            write(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>')
        write("</cols>")
    write("<sheetData>")
    header = "".join(_cell(h, 2 * Style.HEADER) for h in sheet.headers)
    write(f'<row r="1"{row_height(sheet.headers, sheet.widths)}>{header}</row>')
    n = 1
    for item in sheet.rows:
        if isinstance(item, RenderedRows):
            write(item.xml)
            n += item.count
            continue
        values, style = item
        n += 1
        s = 2 * style
        cells = "".join([_cell(v, s) for v in values[:width]])
        write(f'<row r="{n}"{row_height(values, sheet.widths)}>{cells}</row>')
    write("</sheetData>")
    if sheet.autofilter:
        write(f'<autoFilter ref="A1:{last_column}{n}"/>')
    if sheet.print_ready:
        write(_PRINT_SETUP)
    write("</worksheet>")


def write_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an XLSX file (bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f"{overrides}</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        names = "".join(
            f'<sheet name={quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(sheets, start=1)
        )
        titles = "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
            f"{escape(quoteattr_sheet(s.name))}!$1:$1</definedName>"
            for i, s in enumerate(sheets)
            if s.print_ready
        )
        defined = f"<definedNames>{titles}</definedNames>" if titles else ""
        zf.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS} {_RNS}>'
            f"<sheets>{names}</sheets>{defined}</workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        style_id = len(sheets) + 1
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{rels}<Relationship Id="rId{style_id}" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        )
        zf.writestr("xl/styles.xml", _STYLES)
        for i, sheet in enumerate(sheets, start=1):
            with (
                zf.open(f"xl/worksheets/sheet{i}.xml", "w") as raw,
                io.TextIOWrapper(raw, "utf-8") as text,
            ):
                _sheet_xml(text, sheet)
    return buf.getvalue()
