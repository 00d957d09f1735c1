"""Build the form templates of templates/uwv/ from one readable description.

    python templates/uwv/build_templates.py      # rewrites <form>.docx and <form>.html
    python templates/uwv/build_templates.py DIR  # writes them into DIR (tests compare)

Each form is described once below (headings, field tables, text blocks, questions, the
activities table and the signature block); this script writes the same content as a DOCX
template for docxtpl and as an HTML template for weasyprint (styled by uwv.css). The
generated files are committed because the package needs them at run time; review changes
here, then run the script and commit its output too.

Jinja in the templates: ``{{ field }}`` prints a value (autoescaped), ``{%tr %}`` repeats a
table row in DOCX, ``{%p %}`` wraps a paragraph. Every variable must exist in the form's
schema (``poortwachter templates check`` verifies that).
"""

from __future__ import annotations

import html
import io
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from poortwachter.domain.vocabulary import FormId
from poortwachter.generate.registry import FORMS

HERE = Path(__file__).resolve().parent
DOCX_FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
#: Time stamp of every generated DOCX (core properties, zip members): reproducible output.
FIXED_TIME = datetime(2023, 7, 1, 0, 0, 0)


# --- the description ------------------------------------------------------------------


@dataclass
class Heading:
    text: str


#: A row of a field table: (label, expression) or (label, expression, OPTIONAL). An
#: optional row is left out when its value is empty; a required value always shows.
OPTIONAL = True


@dataclass
class FieldTable:
    rows: list[tuple[str, str] | tuple[str, str, bool]]


@dataclass
class TextBlock:
    label: str
    expr: str
    optional: bool = False


@dataclass
class Question:
    question: str
    answer: str  # expression giving ja/nee
    explanation: str | None = None
    explanation_optional: bool = True


@dataclass
class ListTable:
    """A table with one row per item of a list field (``{% for <item> in <name> %}``)."""

    name: str
    item: str
    columns: list[tuple[str, str, float]]  # (header, expression, width in cm)


def Activities() -> ListTable:
    return ListTable(
        "activiteiten",
        "a",
        [("Wat", "a.wat", 8.6), ("Wie", "a.wie", 4.5), ("Wanneer (uiterlijk)", "a.wanneer", 3.5)],
    )


@dataclass
class Signatures:
    """The signature block with its heading. Kept on one page together with the heading and
    the part before it, so the last page never holds the signatures alone."""

    heading: str
    intro: str = "Voor akkoord getekend door:"


@dataclass
class Form:
    id: FormId
    intro: str
    parts: list[object] = field(default_factory=list)


ADMIN = [
    Heading("1. Administratieve gegevens"),
    FieldTable(
        [
            ("Naam werknemer", "werknemer.naam"),
            ("Burgerservicenummer (BSN)", "werknemer.bsn"),
            ("Geboortedatum", "werknemer.geboortedatum", OPTIONAL),
            ("Functie", "werknemer.functie"),
            ("Werkgever", "werkgever.naam"),
            ("Adres werkgever", "werkgever.adres", OPTIONAL),
            ("KvK-nummer", "werkgever.kvk", OPTIONAL),
            ("Aard van het bedrijf", "werkgever.aard_bedrijf", OPTIONAL),
            ("Eerste ziektedag", "eerste_ziektedag"),
            ("Bedrijfsarts", "bedrijfsarts.naam"),
            ("Arbodienst", "bedrijfsarts.organisatie", OPTIONAL),
            ("Casemanager", "casemanager.naam"),
            ("Functie casemanager", "casemanager.functie", OPTIONAL),
            ("Dossiernummer", "dossier", OPTIONAL),
        ]
    ),
]

#: The statement "geen medische gegevens": the generator fills it in only when no value of
#: the form holds a medical term (poortwachter.generate.medical).
PRIVACY = "formulier.privacyverklaring"

FORM_SPECS: list[Form] = [
    Form(
        FormId.PROBLEEMANALYSE,
        "Probleemanalyse van de bedrijfsarts volgens artikel 2 van de Regeling procesgang "
        "eerste en tweede ziektejaar, in functionele termen.",
        [
            *ADMIN,
            Heading("2. Beperkingen en mogelijkheden"),
            TextBlock("Functionele beperkingen", "beperkingen"),
            TextBlock("Mogelijkheden", "mogelijkheden"),
            Question(
                "Heeft de werknemer benutbare mogelijkheden?",
                "benutbare_mogelijkheden",
                "reden_geen_mogelijkheden",
            ),
            Heading("3. Rol van werk en privé"),
            TextBlock("Werkgerelateerde factoren", "werkgerelateerde_factoren"),
            TextBlock("Privéfactoren", "prive_factoren"),
            Heading("4. Prognose"),
            TextBlock("Verwacht verloop en hersteltermijn", "prognose"),
            Heading("5. Advies over werkhervatting"),
            TextBlock("Advies aan werkgever en werknemer", "advies"),
            TextBlock("Toelichting", "toelichting", optional=True),
            Signatures("6. Ondertekening", "Opgesteld door:"),
        ],
    ),
    Form(
        FormId.PLAN_VAN_AANPAK,
        "Plan van aanpak volgens artikel 4 van de Regeling procesgang eerste en tweede "
        "ziektejaar, opgesteld door werkgever en werknemer op basis van de probleemanalyse.",
        [
            *ADMIN,
            FieldTable([("Datum probleemanalyse", "datum_probleemanalyse")]),
            TextBlock(
                "Belangrijkste conclusies van de probleemanalyse", "conclusies_probleemanalyse"
            ),
            Heading("2. Einddoel"),
            FieldTable(
                [("Soort einddoel", "einddoel_soort"), ("Te bereiken op", "einddoel_datum")]
            ),
            TextBlock("Toelichting op het einddoel", "einddoel"),
            Heading("3. Activiteiten"),
            Activities(),
            Heading("4. Evaluatie"),
            FieldTable([("Evaluatiemomenten", 'evaluatiemomenten|join(", ")')]),
            TextBlock("Overige afspraken", "afspraken", optional=True),
            Heading("5. Visie van de werkgever"),
            TextBlock("Visie werkgever op de re-integratie en dit plan", "visie_werkgever"),
            Heading("6. Visie van de werknemer"),
            TextBlock("Visie werknemer op de re-integratie en dit plan", "visie_werknemer"),
            Signatures("7. Ondertekening"),
        ],
    ),
    Form(
        FormId.BIJSTELLING_PLAN_VAN_AANPAK,
        "Bijstelling van het plan van aanpak, afgesproken door werkgever en werknemer.",
        [
            *ADMIN,
            FieldTable([("Datum oorspronkelijk plan van aanpak", "datum_plan_van_aanpak")]),
            Heading("2. Reden van de bijstelling"),
            TextBlock("Reden", "reden"),
            Heading("3. Wat verandert"),
            TextBlock("Wijzigingen", "wijzigingen"),
            TextBlock("Einddoel (na bijstelling)", "einddoel"),
            Heading("4. Activiteiten"),
            Activities(),
            FieldTable([("Evaluatiemomenten", 'evaluatiemomenten|join(", ")')]),
            Heading("5. Visie van de werkgever"),
            TextBlock("Visie werkgever op de re-integratie en de bijstelling", "visie_werkgever"),
            Heading("6. Visie van de werknemer"),
            TextBlock("Visie werknemer op de re-integratie en de bijstelling", "visie_werknemer"),
            Signatures("7. Ondertekening"),
        ],
    ),
    Form(
        FormId.EERSTEJAARSEVALUATIE,
        "Eerstejaarsevaluatie volgens artikel 4 van de Regeling procesgang eerste en tweede "
        "ziektejaar: terugblik op het eerste ziektejaar en de koers voor het tweede.",
        [
            *ADMIN,
            Heading("2. Activiteiten en resultaat tot nu toe"),
            TextBlock("Welke activiteiten zijn er verricht?", "activiteiten_tot_nu"),
            Question("Werkt de werknemer op dit moment?", "werkt"),
            TextBlock("Uren per week", "uren_per_week", optional=True),
            TextBlock("Soort werk", "werk_soort", optional=True),
            Heading("3. Vragen van UWV"),
            Question(
                "Zijn de activiteiten volgens plan verlopen?",
                "volgens_plan",
                "toelichting_plan",
                explanation_optional=False,
            ),
            Question(
                "Is het einddoel nog juist?",
                "einddoel_juist",
                "einddoel",
                explanation_optional=False,
            ),
            Question("Is de aanpak bijgesteld?", "aanpak_bijgesteld", "toelichting_aanpak"),
            Question("Is het tweede spoor gestart?", "spoor2_gestart"),
            TextBlock("Tweede spoor gestart op", "spoor2_startdatum", optional=True),
            TextBlock(
                "Reden dat het tweede spoor niet is gestart", "reden_geen_spoor2", optional=True
            ),
            TextBlock("Toelichting tweede spoor", "toelichting_spoor2", optional=True),
            Heading("4. Plan voor het tweede ziektejaar"),
            TextBlock("Plan en einddoel voor het tweede jaar", "plan_tweede_jaar"),
            Heading("5. Visie van de werkgever"),
            TextBlock("Visie werkgever", "visie_werkgever"),
            Heading("6. Visie van de werknemer"),
            TextBlock("Visie werknemer", "visie_werknemer"),
            Signatures("7. Ondertekening"),
        ],
    ),
    Form(
        FormId.EINDEVALUATIE,
        "Eindevaluatie van werkgever en werknemer bij de WIA-aanvraag, als onderdeel van het "
        "re-integratieverslag.",
        [
            *ADMIN,
            Heading("2. Resultaat van de re-integratie"),
            TextBlock("Resultaten", "resultaten"),
            FieldTable(
                [
                    ("Werkt nu (uren per week)", "uren_per_week"),
                    ("In de functie", "functie_nu", OPTIONAL),
                ]
            ),
            TextBlock("Werkhervatting", "werkhervatting", optional=True),
            Heading("3. Oordeel"),
            FieldTable([("Op basis van het actueel oordeel van", "datum_actueel_oordeel")]),
            TextBlock("Oordeel over de arbeidsrelatie", "oordeel_arbeidsrelatie"),
            TextBlock("Oordeel over passende arbeid", "passende_arbeid"),
            Heading("4. Visie van de werkgever"),
            TextBlock("Visie werkgever", "visie_werkgever"),
            Heading("5. Visie van de werknemer"),
            TextBlock("Oordeel werknemer over de re-integratie", "visie_werknemer"),
            Signatures("6. Ondertekening"),
        ],
    ),
]


RIV_FORM = Form(
    FormId.RIV_FORMULIER,
    "Deel 1 van het re-integratieverslag volgens artikel 6 lid 1 onder a van de Regeling "
    "procesgang eerste en tweede ziektejaar: de administratieve gegevens van werknemer, "
    "werkgever en bedrijfsarts, en welke onderdelen van het verslag zijn bijgevoegd.",
    [
        Heading("1. Gegevens van de werknemer"),
        FieldTable(
            [
                ("Naam werknemer", "werknemer.naam"),
                ("Adres", "werknemer.adres"),
                ("Burgerservicenummer (BSN)", "werknemer.bsn"),
                ("Geboortedatum", "werknemer.geboortedatum"),
                ("Eerste ziektedag", "eerste_ziektedag"),
                ("Dossiernummer", "dossier", OPTIONAL),
            ]
        ),
        Heading("2. Gegevens van de werkgever"),
        FieldTable(
            [
                ("Werkgever", "werkgever.naam"),
                ("Adres werkgever", "werkgever.adres"),
                ("Loonheffingennummer", "werkgever.loonheffingennummer"),
                ("KvK-nummer", "werkgever.kvk", OPTIONAL),
                ("Contactpersoon", "contactpersoon.naam"),
                ("Functie contactpersoon", "contactpersoon.functie", OPTIONAL),
                ("Telefoon", "contactpersoon.telefoon"),
                ("E-mail", "contactpersoon.email", OPTIONAL),
            ]
        ),
        Heading("3. Aard van het bedrijf"),
        TextBlock("Bedrijfsprofiel", "werkgever.aard_bedrijf"),
        Heading("4. Functie en vaardigheden van de werknemer"),
        FieldTable(
            [
                ("Functie", "werknemer.functie"),
                ("Arbeidsduur", "werknemer.arbeidsduur"),
            ]
        ),
        TextBlock("Opleiding", "werknemer.opleiding", optional=True),
        TextBlock("Vaardigheden en ervaring", "werknemer.vaardigheden", optional=True),
        Heading("5. Bedrijfsarts en arbodienst"),
        FieldTable(
            [
                ("Bedrijfsarts", "bedrijfsarts.naam"),
                ("Arbodienst", "bedrijfsarts.organisatie"),
            ]
        ),
        Heading("6. Bijgevoegde onderdelen van het re-integratieverslag"),
        ListTable("bijlagen", "b", [("Onderdeel", "b.onderdeel", 12.6), ("Datum", "b.datum", 4.0)]),
        Signatures("7. Ondertekening", "Opgesteld en ondertekend door:"),
    ],
)
FORM_SPECS.append(RIV_FORM)


def var(expr: str) -> str:
    return "{{ " + expr + " }}"


# --- DOCX -----------------------------------------------------------------------------


def _field_code(paragraph: object, instr: str) -> None:
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
    paragraph._p.append(fld)  # type: ignore[attr-defined]


def _shade(cell: object, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _cell_text(cell: object, text: str, *, bold: bool = False, size: float = 10) -> None:
    para = cell.paragraphs[0]  # type: ignore[attr-defined]
    para.paragraph_format.space_after = Pt(0)
    run = para.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _table(doc: Any, cols: int, widths: list[float]) -> Any:
    table = doc.add_table(rows=0, cols=cols)
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


def _add_row(
    table: object,
    texts: list[str],
    *,
    bold: bool = False,
    fill: str | None = None,
    height: float | None = None,
    widths: list[float] | None = None,
    keep: bool = False,
    header: bool = False,
    size: float = 10,
) -> None:
    row = table.add_row()  # type: ignore[attr-defined]
    if height:
        row.height = Cm(height)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))  # a row never breaks over two pages
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeated on every page
    for i, text in enumerate(texts):
        cell = row.cells[i]
        if widths:
            cell.width = Cm(widths[i])
        _cell_text(cell, text, bold=bold, size=size)
        if keep:  # keep the signature block together with what follows
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        if fill:
            _shade(cell, fill)


def _loop_row(table: object, tag: str, widths: list[float]) -> None:
    """A row that only carries a ``{%tr %}`` tag (docxtpl removes the row itself)."""
    row = table.add_row()  # type: ignore[attr-defined]
    merged = row.cells[0].merge(row.cells[-1])
    merged.width = Cm(sum(widths))
    _cell_text(merged, tag)


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


def build_docx(form: Form, out_dir: Path = HERE) -> Path:
    spec = FORMS[form.id]
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)

    normal = doc.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), DOCX_FONT)
    for name, size in (("Title", 22), ("Heading 1", 13)):
        style = doc.styles[name]
        style.font.name = DOCX_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        fonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)  # a theme font would win over Arial
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(14)

    # header and footer on every page: name, BSN, page numbers (UWV upload practice)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run(f"{spec.title} · {var('werknemer.naam')} · BSN {var('werknemer.bsn')}")
    run.font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, instr in (("Pagina ", "PAGE"), (" van ", "NUMPAGES")):
        r = footer.add_run(text)
        r.font.size = Pt(8.5)
        _field_code(footer, instr)
    lead = footer.insert_paragraph_before(
        f"{var('werkgever.naam')} · {spec.title} van {var('formulierdatum')}"
    )
    lead.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for r in lead.runs:
        r.font.size = Pt(8.5)

    doc.add_paragraph(spec.title, style="Title")
    intro = doc.add_paragraph(form.intro)
    intro.runs[0].italic = True
    dated = doc.add_paragraph()
    dated.add_run("Datum: ").bold = True
    dated.add_run(var("formulierdatum"))

    label_w, value_w = 6.0, 10.6
    for index, part in enumerate(form.parts):
        before_signatures = index + 1 < len(form.parts) and isinstance(
            form.parts[index + 1], Signatures
        )
        if isinstance(part, Heading):
            doc.add_heading(part.text, level=1)
        elif isinstance(part, FieldTable):
            # a table needs at least one row that is always there (an empty w:tbl is invalid)
            assert any(len(row) == 2 for row in part.rows), part
            table = _table(doc, 2, [label_w, value_w])
            for label, expr, *optional in part.rows:
                if optional:  # left out when empty (docxtpl removes the tag rows)
                    _loop_row(table, "{%tr if " + expr + " %}", [label_w, value_w])
                _add_row(table, [label, var(expr)], widths=[label_w, value_w])
                table.rows[-1].cells[0].paragraphs[0].runs[0].bold = True
                _shade(table.rows[-1].cells[0], "E8EEF5")
                if optional:
                    _loop_row(table, "{%tr endif %}", [label_w, value_w])
            doc.add_paragraph()
        elif isinstance(part, TextBlock):
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
        elif isinstance(part, Question):
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
        elif isinstance(part, ListTable):
            widths = [w for _h, _x, w in part.columns]
            table = _table(doc, len(widths), widths)
            _add_row(
                table,
                [h for h, _x, _w in part.columns],
                bold=True,
                fill="E8EEF5",
                widths=widths,
                header=True,
            )
            _loop_row(table, "{%tr for " + part.item + " in " + part.name + " %}", widths)
            _add_row(table, [var(x) for _h, x, _w in part.columns], widths=widths)
            _loop_row(table, "{%tr endfor %}", widths)
            doc.add_paragraph()
        elif isinstance(part, Signatures):
            doc.add_heading(part.heading, level=1).paragraph_format.keep_with_next = True
            doc.add_paragraph(part.intro).paragraph_format.keep_with_next = True
            # room for "Arbeidsdeskundige" and a long job title: no word broken mid-word
            widths = [3.4, 3.0, 4.6, 2.5, 3.1]
            table = _table(doc, 5, widths)
            _add_row(
                table,
                ["Rol", "Naam", "Functie", "Datum", "Handtekening"],
                bold=True,
                fill="E8EEF5",
                widths=widths,
                keep=True,
                header=True,
                size=9,
            )
            _loop_row(table, "{%tr for s in ondertekenaars %}", widths)
            _add_row(
                table,
                [var("s.rol|capitalize"), var("s.naam"), var("s.functie"), var("s.datum"), ""],
                height=1.6,
                widths=widths,
                keep=True,
                size=9,
            )
            _loop_row(table, "{%tr endfor %}", widths)
            doc.add_paragraph("{%p if " + PRIVACY + " %}")
            note = doc.add_paragraph(var(PRIVACY))
            note.runs[0].font.size = Pt(8)
            note.runs[0].italic = True
            doc.add_paragraph("{%p endif %}")
        else:  # pragma: no cover - the description above is closed
            raise TypeError(part)

    core = doc.core_properties
    core.title = spec.title
    core.author = "poortwachter"
    core.subject = "Re-integratie Wet verbetering poortwachter"
    core.comments = ""
    core.keywords = ""
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    core.last_modified_by = "poortwachter"
    buf = io.BytesIO()
    doc.save(buf)
    target = out_dir / spec.docx_template
    target.write_bytes(_reproducible_zip(buf.getvalue()))
    return target


# --- HTML -----------------------------------------------------------------------------


def build_html(form: Form, out_dir: Path = HERE) -> Path:
    spec = FORMS[form.id]
    e = html.escape
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(spec.title)} — {var('werknemer.naam')}</title>",
        "</head>",
        "<body>",
        '<div class="kop">',
        f'  <span class="kop-titel">{e(spec.title)}</span> · {var("werknemer.naam")} · '
        f'BSN <span class="bsn">{var("werknemer.bsn")}</span>',
        "</div>",
        '<div class="voet">',
        f"  {var('werkgever.naam')} · {e(spec.title)} van {var('formulierdatum')}",
        "</div>",
        f"<h1>{e(spec.title)}</h1>",
        f'<p class="intro">{e(form.intro)}</p>',
        f'<p class="datum"><strong>Datum:</strong> {var("formulierdatum")}</p>',
    ]
    for part in form.parts:
        if isinstance(part, Heading):
            out.append(f"<h2>{e(part.text)}</h2>")
        elif isinstance(part, FieldTable):
            out.append('<table class="gegevens">')
            for label, expr, *optional in part.rows:
                row = f"  <tr><th>{e(label)}</th><td>{var(expr)}</td></tr>"
                out.append(
                    "  {% if " + expr + " %}" + row.strip() + "{% endif %}" if optional else row
                )
            out.append("</table>")
        elif isinstance(part, TextBlock):
            block = [
                '<div class="blok">',
                f'  <p class="label">{e(part.label)}</p>',
                f'  <p class="tekst">{var(part.expr)}</p>',
                "</div>",
            ]
            if part.optional:
                block = ["{% if " + part.expr + " %}", *block, "{% endif %}"]
            out.extend(block)
        elif isinstance(part, Question):
            out.append('<div class="vraag">')
            out.append(
                f"  <p><strong>{e(part.question)}</strong> "
                f'<span class="antwoord">{var(part.answer + "|capitalize")}</span></p>'
            )
            if part.explanation:
                line = f'  <p class="tekst">{var(part.explanation)}</p>'
                if part.explanation_optional:
                    line = "{% if " + part.explanation + " %}" + line + "{% endif %}"
                out.append(line)
            out.append("</div>")
        elif isinstance(part, ListTable):
            heads = "".join(f"<th>{e(h)}</th>" for h, _x, _w in part.columns)
            cells = "".join(f"<td>{var(x)}</td>" for _h, x, _w in part.columns)
            out += [
                f'<table class="lijst {part.name}">',
                f"  <thead><tr>{heads}</tr></thead>",
                "  <tbody>",
                "  {% for " + part.item + " in " + part.name + " %}",
                f"  <tr>{cells}</tr>",
                "  {% endfor %}",
                "  </tbody>",
                "</table>",
            ]
        elif isinstance(part, Signatures):
            # the last section before (heading and text), the heading and the signatures
            # form one block that is not broken over two pages (CSS .slot)
            last = max(i for i, line in enumerate(out) if line.startswith("<h2"))
            out.insert(last, '<div class="slot">')
            out += [
                f"<h2>{e(part.heading)}</h2>",
                '<div class="ondertekening">',
                f"<p>{e(part.intro)}</p>",
                '<table class="lijst handtekeningen">',
                "  <thead><tr><th>Rol</th><th>Naam</th><th>Functie</th><th>Datum</th>"
                "<th>Handtekening</th></tr></thead>",
                "  <tbody>",
                "  {% for s in ondertekenaars %}",
                f"  <tr><td>{var('s.rol|capitalize')}</td><td>{var('s.naam')}</td>"
                f"<td>{var('s.functie')}</td><td>{var('s.datum')}</td>"
                '<td class="handtekening"></td></tr>',
                "  {% endfor %}",
                "  </tbody>",
                "</table>",
                "{% if " + PRIVACY + f' %}}<p class="privacy">{var(PRIVACY)}</p>{{% endif %}}',
                "</div>",
                "</div>",
            ]
        else:  # pragma: no cover
            raise TypeError(part)
    out += ["</body>", "</html>", ""]
    target = out_dir / spec.html_template
    target.write_text("\n".join(out), encoding="utf-8")
    return target


def build_all(out_dir: Path = HERE) -> list[Path]:
    """Write every template into ``out_dir``; returns the paths written."""
    return [
        p for form in FORM_SPECS for p in (build_docx(form, out_dir), build_html(form, out_dir))
    ]


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for path in build_all(out_dir):
        print(path)


if __name__ == "__main__":
    main()
