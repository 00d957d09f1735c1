"""A form's layout → its DOCX template for docxtpl (A4, Arial, header and footer with
name, BSN and page numbers on every page)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from poortwachter.forms.layout import (
    PRIVACY,
    FieldTable,
    Heading,
    ListTable,
    Part,
    Question,
    Signatures,
    TextBlock,
)
from poortwachter.forms.spec import FormSpec
from poortwachter.generate.template_build.docx_table import (
    LABEL_FILL,
    add_row,
    field_code,
    new_table,
    shade,
    tag_row,
)
from poortwachter.generate.template_build.html import var

FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
#: Time stamp of every generated DOCX (core properties, zip members): reproducible output.
FIXED_TIME = datetime(2023, 7, 1, 0, 0, 0)
#: Label and value column of a field table (cm).
FIELD_WIDTHS = [6.0, 10.6]
#: Rol, Naam, Functie, Datum, Handtekening: room for "Arbeidsdeskundige" and a long job
#: title, so no word is broken mid-word.
SIGNATURE_WIDTHS = [3.4, 3.0, 4.6, 2.5, 3.1]


def _heading(doc: Any, part: Heading, before_signatures: bool) -> None:
    doc.add_heading(part.text, level=1)


def _field_table(doc: Any, part: FieldTable, before_signatures: bool) -> None:
    # a table needs at least one row that is always there (an empty w:tbl is invalid)
    if not any(len(row) == 2 for row in part.rows):
        raise ValueError(f"een veldentabel heeft minstens één verplichte rij nodig: {part}")
    table = new_table(doc, FIELD_WIDTHS)
    for label, expr, *optional in part.rows:
        if optional:  # left out when empty (docxtpl removes the tag rows)
            tag_row(table, "{%tr if " + expr + " %}", FIELD_WIDTHS)
        add_row(table, [label, var(expr)], FIELD_WIDTHS)
        table.rows[-1].cells[0].paragraphs[0].runs[0].bold = True
        shade(table.rows[-1].cells[0], LABEL_FILL)
        if optional:
            tag_row(table, "{%tr endif %}", FIELD_WIDTHS)
    doc.add_paragraph()


def _text_block(doc: Any, part: TextBlock, before_signatures: bool) -> None:
    if part.optional:
        doc.add_paragraph("{%p if " + part.expr + " %}")
    heading = doc.add_paragraph()
    heading.add_run(part.label).bold = True
    heading.paragraph_format.space_after = Pt(2)
    heading.paragraph_format.keep_with_next = True  # never a label alone at a page end
    value = doc.add_paragraph(var(part.expr))
    if before_signatures:  # taken along to the signatures' page
        value.paragraph_format.keep_with_next = True
        value.paragraph_format.keep_together = True
    if part.optional:
        doc.add_paragraph("{%p endif %}")


def _question(doc: Any, part: Question, before_signatures: bool) -> None:
    q = doc.add_paragraph()
    q.add_run(part.question + " ").bold = True
    q.add_run(var(part.answer + "|capitalize"))
    q.paragraph_format.keep_with_next = bool(part.explanation)
    if part.explanation:
        if part.explanation_optional:
            doc.add_paragraph("{%p if " + part.explanation + " %}")
        doc.add_paragraph(var(part.explanation))
        if part.explanation_optional:
            doc.add_paragraph("{%p endif %}")


def _list_table(doc: Any, part: ListTable, before_signatures: bool) -> None:
    widths = [w for _h, _x, w in part.columns]
    table = new_table(doc, widths)
    heads = [h for h, _x, _w in part.columns]
    add_row(table, heads, widths, bold=True, fill=LABEL_FILL, header=True)
    tag_row(table, "{%tr for " + part.item + " in " + part.name + " %}", widths)
    add_row(table, [var(x) for _h, x, _w in part.columns], widths)
    tag_row(table, "{%tr endfor %}", widths)
    doc.add_paragraph()


def _signatures(doc: Any, part: Signatures, before_signatures: bool) -> None:
    doc.add_heading(part.heading, level=1).paragraph_format.keep_with_next = True
    doc.add_paragraph(part.intro).paragraph_format.keep_with_next = True
    widths = SIGNATURE_WIDTHS
    table = new_table(doc, widths)
    heads = ["Rol", "Naam", "Functie", "Datum", "Handtekening"]
    add_row(table, heads, widths, bold=True, fill=LABEL_FILL, keep=True, header=True, size=9)
    tag_row(table, "{%tr for s in ondertekenaars %}", widths)
    cells = [var("s.rol|capitalize"), var("s.naam"), var("s.functie"), var("s.datum"), ""]
    add_row(table, cells, widths, height=1.6, keep=True, size=9)
    tag_row(table, "{%tr endfor %}", widths)
    doc.add_paragraph("{%p if " + PRIVACY + " %}")
    note = doc.add_paragraph(var(PRIVACY))
    note.runs[0].font.size = Pt(8)
    note.runs[0].italic = True
    doc.add_paragraph("{%p endif %}")


#: Each writer gets the document, the part and whether the signature block follows it
#: (then the part goes along to the signatures' page).
_WRITERS: dict[type, Callable[[Any, Any, bool], None]] = {
    Heading: _heading,
    FieldTable: _field_table,
    TextBlock: _text_block,
    Question: _question,
    ListTable: _list_table,
    Signatures: _signatures,
}


def _page_setup(doc: Any, spec: FormSpec) -> None:
    """A4 portrait, Arial, the accent colour on title and headings, and a header and footer
    on every page: name, BSN, page numbers (UWV upload practice)."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name, size in (("Title", 22), ("Heading 1", 13)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        fonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)  # a theme font would win over Arial
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(14)

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run(f"{spec.title} · {var('werknemer.naam')} · BSN {var('werknemer.bsn')}")
    run.font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, instr in (("Pagina ", "PAGE"), (" van ", "NUMPAGES")):
        footer.add_run(text).font.size = Pt(8.5)
        field_code(footer, instr)
    lead = footer.insert_paragraph_before(
        f"{var('werkgever.naam')} · {spec.title} van {var('formulierdatum')}"
    )
    lead.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for r in lead.runs:
        r.font.size = Pt(8.5)


def _properties(doc: Any, spec: FormSpec) -> None:
    core = doc.core_properties
    core.title = spec.title
    core.author = "poortwachter"
    core.subject = "Re-integratie Wet verbetering poortwachter"
    core.comments = ""
    core.keywords = ""
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    core.last_modified_by = "poortwachter"


def _reproducible_zip(blob: bytes) -> bytes:
    """The same archive with fixed member times: one description gives one file."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(blob)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info))
    return out.getvalue()


def write_part(doc: Any, part: Part, *, before_signatures: bool = False) -> None:
    """Add one layout part to a python-docx document."""
    _WRITERS[type(part)](doc, part, before_signatures)


def build_docx(spec: FormSpec) -> bytes:
    """The DOCX template of a form (rendered by :mod:`poortwachter.generate.docx`)."""
    doc = Document()
    _page_setup(doc, spec)
    doc.add_paragraph(spec.title, style="Title")
    intro = doc.add_paragraph(spec.intro)
    intro.runs[0].italic = True
    dated = doc.add_paragraph()
    dated.add_run("Datum: ").bold = True
    dated.add_run(var("formulierdatum"))
    parts = spec.layout
    for index, part in enumerate(parts):
        follows = parts[index + 1] if index + 1 < len(parts) else None
        write_part(doc, part, before_signatures=isinstance(follows, Signatures))
    _properties(doc, spec)
    buf = io.BytesIO()
    doc.save(buf)
    return _reproducible_zip(buf.getvalue())
