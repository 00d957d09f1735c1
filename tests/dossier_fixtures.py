"""Dossiers as casemanagers really assemble them, made with other producers than our own
generator: python-docx with raw OOXML (content controls, legacy form fields, text boxes,
tables in headers and footers, section breaks), reportlab and fpdf2 for PDFs.

Each :class:`Case` is the complete sample dossier (samples/dossiers/make_samples.py) with
one or more parts replaced by a variant layout, and the rule ids it must give at blocker
or warning level (its real gaps). ``tests/test_audit_real_dossiers.py`` checks every case;
``benchmarks/audit_accuracy.py`` prints recall and false alarms over all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from audit_helpers import MS

NAAM: str = MS.NAAM
BSN: str = MS.BSN
EZD: date = MS.EZD

Block = Any  # str, or a tuple whose first item names the block type
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLACEHOLDER = "Klik of tik om tekst in te voeren."


def dmy(d: date) -> str:
    return str(MS.dmy(d))


def nl(d: date) -> str:
    return str(MS.nl(d))


def admin() -> list[Block]:
    return [
        ("table", [["Naam werknemer", NAAM], ["BSN", BSN], ["Eerste ziektedag", dmy(EZD)]]),
    ]


PVA = date(2026, 2, 16)
EJE = date(2026, 12, 28)
EIND = date(2027, 9, 20)
OW = date(2027, 9, 22)


# ------------------------------------------------------------------ python-docx


def _xml(fragment: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(fragment.replace('xmlns:w="NS"', f'xmlns:w="{_W_NS}"'))


def _sdt(label: str, value: str | None) -> str:
    """A plain-text content control, showing Word's placeholder when ``value`` is None."""
    shown = PLACEHOLDER if value is None else value
    placeholder = "<w:showingPlcHdr/>" if value is None else ""
    return (
        f'<w:p xmlns:w="NS"><w:r><w:t xml:space="preserve">{label}: </w:t></w:r>'
        f'<w:sdt><w:sdtPr><w:alias w:val="{label}"/>{placeholder}</w:sdtPr>'
        f"<w:sdtContent><w:r><w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    )


def _formtext(label: str, value: str | None) -> str:
    """A legacy text form field (FORMTEXT); empty shows Word's five spaces."""
    shown = value if value is not None else "\u2002" * 5
    return (
        f'<w:p xmlns:w="NS"><w:r><w:t xml:space="preserve">{label}: </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Tekst1"/>'
        "<w:enabled/><w:textInput/></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{shown}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def _checkbox(label: str, checked: bool) -> str:
    """A legacy check box form field (FORMCHECKBOX) before a label."""
    state = '<w:default w:val="1"/>' if checked else '<w:default w:val="0"/>'
    return (
        '<w:p xmlns:w="NS"><w:r><w:fldChar w:fldCharType="begin"><w:ffData>'
        f'<w:name w:val="Selectievakje1"/><w:enabled/><w:checkBox><w:sizeAuto/>{state}'
        "</w:checkBox></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {label}</w:t></w:r></w:p>'
    )


def _textbox(text: str) -> str:
    """A VML text box (as older Word and LibreOffice write them) holding ``text``."""
    return (
        '<w:p xmlns:w="NS" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
        '<v:shape style="width:300pt;height:40pt"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )


SIGNATURE_PICTURE = "[handtekening]"


def _png() -> Any:
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(img).line([(10, 60), (80, 20), (150, 55), (230, 15)], fill="blue", width=4)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf


def _fill_table(table: Any, rows: Sequence[Sequence[str]]) -> None:
    """Cells with ``[handtekening]`` get a picture of a signature instead of text."""
    from docx.shared import Cm

    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == SIGNATURE_PICTURE:
                table.cell(r, c).paragraphs[0].add_run().add_picture(_png(), width=Cm(3))
            else:
                table.cell(r, c).text = text


def write_docx(path: Path, blocks: Sequence[Block], *, styled_title: str | None = None) -> None:
    """A DOCX from blocks: ``str`` paragraph; ``("h", text)`` heading; ``("table", rows)``;
    ``("sdt", label, value|None)``; ``("formtext", label, value|None)``;
    ``("check", label, checked)``; ``("textbox", text)``; ``("pagebreak",)``;
    ``("section",)``; ``("header_table", rows)``; ``("footer_table", rows)``;
    ``("header", text)``; ``("signature_image",)`` (a picture in the last table cell)."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.shared import Emu

    d = docx.Document()
    if styled_title:
        run = d.add_paragraph().add_run(styled_title)
        run.bold = True
    body = d.element.body
    for block in blocks:
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        kind = block[0]
        if kind == "h":
            d.add_heading(block[1], level=block[2] if len(block) > 2 else 1)
        elif kind == "table":
            rows = block[1]
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            _fill_table(table, rows)
        elif kind in ("sdt", "formtext", "check", "textbox"):
            makers: dict[str, Callable[..., str]] = {
                "sdt": _sdt,
                "formtext": _formtext,
                "check": _checkbox,
                "textbox": _textbox,
            }
            maker = makers[kind]
            body.insert(len(body) - 1, _xml(maker(*block[1:])))
        elif kind == "pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "section":
            d.add_section(WD_SECTION.NEW_PAGE)
        elif kind in ("header_table", "footer_table"):
            section = d.sections[-1]
            part = section.header if kind == "header_table" else section.footer
            rows = block[1]
            table = part.add_table(
                rows=len(rows), cols=max(len(r) for r in rows), width=Emu(6000000)
            )
            _fill_table(table, rows)
        elif kind == "header":
            d.sections[-1].header.paragraphs[0].text = block[1]
        else:  # pragma: no cover - a typo in a fixture
            raise ValueError(kind)
    d.save(str(path))


# ------------------------------------------------------------------ reportlab / fpdf2


def write_reportlab(path: Path, blocks: Sequence[Block]) -> None:
    """A PDF with reportlab's platypus: paragraphs, headings, tables with a grid,
    ``("pagebreak",)``; parts follow each other on the same page unless broken."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    styles = getSampleStyleSheet()
    story: list[Any] = []
    for block in blocks:
        if isinstance(block, str):
            story.append(Paragraph(block, styles["BodyText"]))
        elif block[0] == "h":
            story.append(Paragraph(block[1], styles["Heading1"]))
        elif block[0] == "table":
            table = Table([list(r) for r in block[1]])
            table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
            story.append(table)
            story.append(Spacer(1, 6))
        elif block[0] == "pagebreak":
            story.append(PageBreak())
        else:  # pragma: no cover
            raise ValueError(block[0])
    SimpleDocTemplate(str(path), pagesize=A4, title="dossier").build(story)


def write_fpdf(path: Path, blocks: Sequence[Block]) -> None:
    """A PDF with fpdf2: lines of text, tables as bordered cells, page breaks."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for block in blocks:
        if isinstance(block, str):
            pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
        elif block[0] == "h":
            pdf.set_font("Helvetica", "B", 15)
            pdf.cell(0, 10, block[1], new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=10)
        elif block[0] == "table":
            for row in block[1]:
                width = 190 / len(row)
                for cell in row:
                    pdf.cell(width, 7, cell, border=1)
                pdf.ln(7)
        elif block[0] == "pagebreak":
            pdf.add_page()
        else:  # pragma: no cover
            raise ValueError(block[0])
    pdf.output(str(path))


# ------------------------------------------------------------------ parts


VISIE = "Visie werknemer: de werknemer is het eens met dit plan."
CASEMANAGER = "Casemanager: K. Visser"


def pva_body(when: date = PVA, **replace: Block) -> list[Block]:
    """The plan's body; ``visie=`` / ``casemanager=`` replace those lines."""
    return [
        *admin(),
        f"Datum: {dmy(when)}",
        replace.get("casemanager", CASEMANAGER),
        "Einddoel: terugkeer in eigen functie als timmerman.",
        "Afspraken: opbouw van 2 naar 4 uur per dag in aangepast werk.",
        "Visie werkgever: de werkgever ondersteunt de opbouw in aangepast werk.",
        replace.get("visie", VISIE),
    ]


def eje_body() -> list[Block]:
    return [
        *admin(),
        f"Datum evaluatie: {dmy(EJE)}",
        "Welke activiteiten zijn in het eerste jaar ondernomen: aangepast werk, opbouw uren.",
        "Is het tweede spoor ingezet: ja, het 2e spoor wordt gestart op 1 februari 2027.",
        "Visie werkgever: de werkgever vindt dat alles is gedaan.",
        "Visie werknemer: de werknemer is het eens met de evaluatie.",
    ]


def column_signatures(when: date, werkgever: bool = True, werknemer: bool = True) -> Block:
    """One column per signer, rows Naam / Functie / Datum / Handtekening."""
    wg = ("P. de Vries", "HR-manager", dmy(when), "getekend") if werkgever else ("", "", "", "")
    wn = (NAAM, "Timmerman", dmy(when), "getekend") if werknemer else (NAAM, "Timmerman", "", "")
    return (
        "table",
        [
            ["", "Werkgever", "Werknemer"],
            ["Naam", wg[0], wn[0]],
            ["Functie", wg[1], wn[1]],
            ["Datum", wg[2], wn[2]],
            ["Handtekening", wg[3], wn[3]],
        ],
    )


PARTIES = ("werkgever", "werknemer", "casemanager")


def three_party_signatures(when: date, empty: int, rows: Sequence[str] = ("Naam",)) -> Block:
    """Werkgever | Werknemer | Casemanager, rows Naam / Datum / Handtekening; the ``rows``
    of party ``empty`` (0, 1, 2: first, middle, last column) left blank."""
    values = {
        "Naam": ["P. de Vries", NAAM, "K. Visser"],
        "Datum": [dmy(when)] * 3,
        "Handtekening": ["getekend"] * 3,
    }
    table = [["", "Werkgever", "Werknemer", "Casemanager"]]
    for label, cells in values.items():
        if label in rows:
            cells[empty] = ""
        table.append([label, *cells])
    return ("table", table)


def labelled_signatures(when: date, werknemer_signed: bool = True) -> Block:
    """Rows labelled per party: "Naam werkgever", "Handtekening werknemer:"."""
    return (
        "table",
        [
            ["Naam werkgever", "P. de Vries"],
            ["Datum", dmy(when)],
            ["Handtekening werkgever:", "getekend"],
            ["Naam werknemer", NAAM],
            ["Datum", dmy(when) if werknemer_signed else ""],
            ["Handtekening werknemer:", "getekend" if werknemer_signed else ""],
        ],
    )


def voor_akkoord(when: date) -> list[Block]:
    return [
        "Voor akkoord werkgever:",
        "P. de Vries",
        "HR-manager",
        dmy(when),
        "Voor akkoord werknemer:",
        NAAM,
        dmy(when),
    ]


def aldus(when: date) -> list[Block]:
    return [
        f"Aldus opgemaakt en ondertekend te Utrecht op {nl(when)}.",
        ("table", [["De werkgever", "De werknemer"], ["P. de Vries", NAAM]]),
    ]


# ------------------------------------------------------------------ cases


@dataclass(frozen=True)
class Case:
    name: str
    item: str  # the item of issue 11 the case is about
    build: Callable[[Path], None]
    expected: tuple[str, ...] = ()
    #: file name (with " (p. 2-3)" for a part) → the kind it must get
    kinds: tuple[tuple[str, str], ...] = ()


def base(folder: Path, drop: Sequence[str] = ()) -> None:
    """The complete sample dossier without the parts whose file names start with ``drop``."""
    parts = [p for p in MS.complete_parts() if not p.filename.startswith(tuple(drop))]
    MS.write_dossier(folder, parts, MS.activity_rows(date(2026, 2, 16), date(2027, 9, 20)))


def _replace(prefix: str, name: str, writer: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        base(folder, [prefix])
        writer(folder / name)

    return build


def _pva_docx(
    *signatures: Block, header: str | None = None, **replace: Block
) -> Callable[[Path], None]:
    signatures = signatures or (column_signatures(PVA),)
    blocks: list[Block] = [("h", "Plan van aanpak"), *pva_body(**replace), *signatures]
    if header:
        blocks.insert(0, ("header", header))
    return _replace("02_", "02_pva.docx", lambda p: write_docx(p, blocks))


def _pva_pdf(
    writer: Callable[[Path, Sequence[Block]], None], *signatures: Block, **replace: Block
) -> Any:
    signatures = signatures or (column_signatures(PVA),)
    blocks: list[Block] = [("h", "Plan van aanpak"), *pva_body(**replace), *signatures]
    return _replace("02_", "02_pva.pdf", lambda p: writer(p, blocks))


def _flat(*blocks: Block | list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        out.extend(b if isinstance(b, list) else [b])
    return out


CASES: list[Case] = [
    Case("compleet", "basis", base),
    # ---------------------------------------------------------------- 1 signatures
    Case("kolommen_docx", "1", _pva_docx(column_signatures(PVA))),
    Case(
        "kolommen_docx_werknemer_leeg",
        "1",
        _pva_docx(column_signatures(PVA, werknemer=False)),
        ("PVA-003",),
    ),
    Case(
        "kolommen_docx_werkgever_leeg",
        "1",
        _pva_docx(column_signatures(PVA, werkgever=False)),
        ("PVA-003",),
    ),
    Case("kolommen_reportlab", "1", _pva_pdf(write_reportlab, column_signatures(PVA))),
    Case(
        "kolommen_reportlab_werknemer_leeg",
        "1",
        _pva_pdf(write_reportlab, column_signatures(PVA, werknemer=False)),
        ("PVA-003",),
    ),
    Case("kolommen_fpdf", "1", _pva_pdf(write_fpdf, column_signatures(PVA))),
    # three parties, one cell empty: the value stays under its own party (PDF positions)
    Case(
        "drie_kolommen_reportlab_werknemer_naam_leeg",
        "1",
        _pva_pdf(write_reportlab, three_party_signatures(PVA, 1)),
        ("PVA-003",),
    ),
    Case(
        "drie_kolommen_fpdf_werknemer_datum_leeg",
        "1",
        _pva_pdf(write_fpdf, three_party_signatures(PVA, 1, ("Datum", "Handtekening"))),
        ("PVA-003",),
    ),
    # the casemanager signs for the werkgever: no gap, but not because of the empty column
    Case(
        "drie_kolommen_fpdf_werkgever_datum_leeg",
        "1",
        _pva_pdf(write_fpdf, three_party_signatures(PVA, 0, ("Datum", "Handtekening"))),
    ),
    Case(
        "drie_kolommen_reportlab_casemanager_leeg",
        "1",
        _pva_pdf(write_reportlab, three_party_signatures(PVA, 2, ("Datum", "Handtekening"))),
    ),
    Case(
        "drie_kolommen_docx_werknemer_naam_leeg",
        "1",
        _pva_docx(three_party_signatures(PVA, 1)),
        ("PVA-003",),
    ),
    Case("gelabelde_rijen_docx", "1", _pva_docx(labelled_signatures(PVA))),
    Case(
        "gelabelde_rijen_docx_werknemer_leeg",
        "1",
        _pva_docx(labelled_signatures(PVA, werknemer_signed=False)),
        ("PVA-003",),
    ),
    Case("gelabelde_rijen_reportlab", "1", _pva_pdf(write_reportlab, labelled_signatures(PVA))),
    Case(
        "naast_elkaar_docx",
        "1",
        _pva_docx(
            (
                "table",
                [
                    ["Naam werkgever:", "P. de Vries", "Naam werknemer:", NAAM],
                    ["Datum:", dmy(PVA), "Datum:", dmy(PVA)],
                    ["Handtekening:", "getekend", "Handtekening:", "getekend"],
                ],
            )
        ),
    ),
    Case(
        "voettekst_tabel_docx",
        "1",
        _pva_docx(
            (
                "footer_table",
                [
                    ["Paraaf werkgever", "Paraaf werknemer"],
                    ["P. de Vries", NAAM],
                    [dmy(PVA), dmy(PVA)],
                ],
            )
        ),
    ),
    Case("voor_akkoord_docx", "1", _pva_docx(*voor_akkoord(PVA))),
    Case("voor_akkoord_fpdf", "1", _pva_pdf(write_fpdf, *voor_akkoord(PVA))),
    Case("aldus_ondertekend_docx", "1", _pva_docx(*aldus(PVA))),
    Case("aldus_ondertekend_reportlab", "1", _pva_pdf(write_reportlab, *aldus(PVA))),
    Case(
        "koptekst_tabel_docx",
        "1",
        _pva_docx(
            (
                "header_table",
                [
                    ["", "Werkgever", "Werknemer"],
                    ["Naam", "P. de Vries", NAAM],
                    ["Datum", dmy(PVA), dmy(PVA)],
                ],
            )
        ),
    ),
    Case(
        "handtekening_afbeelding_docx",
        "1",
        _pva_docx(
            (
                "table",
                [
                    ["", "Werkgever", "Werknemer"],
                    ["Naam", "P. de Vries", NAAM],
                    ["Datum", dmy(PVA), dmy(PVA)],
                    ["Handtekening", SIGNATURE_PICTURE, SIGNATURE_PICTURE],
                ],
            )
        ),
    ),
    Case(
        "handtekening_afbeelding_ontbreekt_docx",
        "1",
        _pva_docx(
            (
                "table",
                [
                    ["", "Werkgever", "Werknemer"],
                    ["Naam", "P. de Vries", NAAM],
                    ["Datum", dmy(PVA), dmy(PVA)],
                    ["Handtekening", SIGNATURE_PICTURE, ""],
                ],
            )
        ),
        ("PVA-003",),
    ),
    Case(
        "casemanager_kolom_docx",
        "1",
        _pva_docx(
            (
                "table",
                [
                    ["Ondertekening", "Werkgever", "Werknemer", "Casemanager"],
                    ["Naam", "P. de Vries", NAAM, "K. Visser"],
                    ["Functie", "HR-manager", "Timmerman", "Casemanager"],
                    ["Datum", dmy(PVA), dmy(PVA), dmy(PVA)],
                ],
            )
        ),
    ),
    Case(
        "reintegratiebedrijf_rijen_docx",
        "1",
        _replace(
            "06_",
            "06_2e_spoor.docx",
            lambda p: write_docx(
                p,
                [
                    ("h", "Trajectplan 2e spoor"),
                    *admin(),
                    f"Datum: {dmy(date(2027, 2, 1))}",
                    "Doel: werk bij een andere werkgever als magazijnmedewerker.",
                    (
                        "table",
                        [
                            ["Re-integratiebedrijf - naam", "K. de Boer"],
                            ["Re-integratiebedrijf - functie", "loopbaanadviseur"],
                            ["Naam bedrijfsarts", "A. Bakker"],
                            ["Werknemer - naam", NAAM],
                            ["Datum", dmy(date(2027, 2, 1))],
                            ["Handtekening werknemer:", "getekend"],
                        ],
                    ),
                ],
            ),
        ),
    ),
    Case(
        "eje_kolommen_reportlab",
        "1",
        _replace(
            "04_",
            "04_eje.pdf",
            lambda p: write_reportlab(
                p,
                [
                    ("h", "Evaluatie na het eerste ziektejaar"),
                    *eje_body(),
                    (
                        "table",
                        [
                            ["", "Werkgever", "Werknemer", "Casemanager"],
                            ["Naam", "P. de Vries", NAAM, "K. Visser"],
                            ["Datum", dmy(EJE), dmy(EJE), dmy(EJE)],
                        ],
                    ),
                ],
            ),
        ),
    ),
]


def eind_blocks(*extra: Block) -> list[Block]:
    return [
        ("h", "Eindevaluatie"),
        *admin(),
        f"Datum: {dmy(EIND)}",
        "Resultaat: werknemer werkt 20 uur per week in aangepast werk.",
        *extra,
        column_signatures(EIND),
    ]


def _eind_without_ow(*extra: Block) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        base(folder, ["08_", "09_"])
        write_docx(folder / "08_eindevaluatie.docx", eind_blocks(*extra))

    return build


def _log(rows: list[tuple[date, str, str]]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        base(folder)
        MS.write_xlsx(rows, folder / "03_activiteitenoverzicht.xlsx")

    return build


def consults_only_log() -> list[tuple[date, str, str]]:
    """Evaluations until June 2026, then only phone calls and consults."""
    from datetime import timedelta

    rows = [r for r in MS.activity_rows(PVA, date(2027, 9, 20)) if r[0] <= date(2026, 6, 15)]
    when = date(2026, 7, 10)
    while when < date(2027, 9, 20):
        rows.append((when, "Telefonisch consult bedrijfsarts", "A. Bakker"))
        rows.append((when + timedelta(days=14), "Gesprek HR over verlof (telefonisch)", "HR"))
        when += timedelta(days=30)
    return sorted(rows)


CASES += [
    # ---------------------------------------------------------------- 4 filled in
    Case(
        "visie_plaatshouder_docx",
        "4",
        _pva_docx(visie=("sdt", "Visie werknemer", None)),
        ("PVA-005",),
    ),
    Case(
        "visie_inhoudsveld_gevuld_docx",
        "4",
        _pva_docx(visie=("sdt", "Visie werknemer", "ik sta achter dit plan")),
    ),
    Case(
        "visie_formulierveld_leeg_docx",
        "4",
        _pva_docx(visie=("formtext", "Visie werknemer", None)),
        ("PVA-005",),
    ),
    Case(
        "visie_formulierveld_gevuld_docx",
        "4",
        _pva_docx(visie=("formtext", "Visie werknemer", "eens met het plan")),
    ),
    Case(
        "visie_nvt_reportlab",
        "4",
        _pva_pdf(write_reportlab, visie="Visie werknemer: n.v.t."),
        ("PVA-005",),
    ),
    Case(
        "visie_plaatshoudertekst_fpdf",
        "4",
        _pva_pdf(write_fpdf, visie=f"Visie werknemer: {PLACEHOLDER}"),
        ("PVA-005",),
    ),
    Case(
        "visie_kop_leeg_docx",
        "4",
        _pva_docx(visie=("table", [["Visie werknemer", ""], ["Opmerkingen", "geen"]])),
        ("PVA-005",),
    ),
    Case(
        "visie_kop_gevuld_docx",
        "4",
        _pva_docx(visie=("table", [["Visie werknemer", "Ik wil graag terug."]])),
    ),
    Case("casemanager_volgt_docx", "4", _pva_docx(casemanager="Casemanager: volgt"), ("PVA-004",)),
    Case(
        "casemanager_nog_in_te_vullen_reportlab",
        "4",
        _pva_pdf(write_reportlab, casemanager="Casemanager: nog in te vullen"),
        ("PVA-004",),
    ),
    Case("oordeel_vakje_leeg_docx", "4", _eind_without_ow("☐ Oordeel werknemer"), ("OW-001",)),
    Case(
        "oordeel_formvakje_leeg_docx",
        "4",
        _eind_without_ow(("check", "Oordeel werknemer bijgevoegd", False)),
        ("OW-001",),
    ),
    Case(
        "oordeel_in_eindevaluatie_docx",
        "4",
        _eind_without_ow("Oordeel werknemer: ☒ eens ☐ oneens; ik ben tevreden."),
    ),
    Case("logboek_alleen_consulten", "4", _log(consults_only_log()), ("EVAL-001",)),
]


def _add(name: str, writer: Callable[[Path], None], drop: Sequence[str] = ()) -> Any:
    def build(folder: Path) -> None:
        base(folder, drop)
        writer(folder / name)

    return build


def _titled(prefix: str, name: str, title: str, body: list[Block], pdf: bool = False) -> Any:
    blocks: list[Block] = [("h", title), *body]
    if pdf:
        return _replace(prefix, name, lambda p: write_reportlab(p, blocks))
    return _replace(prefix, name, lambda p: write_docx(p, blocks))


def ao_body() -> list[Block]:
    return [
        *admin(),
        f"Datum: {nl(date(2027, 9, 1))}",
        "Actuele beperkingen: geen zwaar tillen; werken tot 6 uur per dag is mogelijk.",
        "A. Bakker, bedrijfsarts",
    ]


def ad_body() -> list[Block]:
    return [
        *admin(),
        f"Datum rapport: {nl(date(2027, 1, 15))}",
        "Conclusie: passend werk in eigen organisatie is niet aanwezig; advies 2e spoor.",
        "Opgesteld door: M. Smit, arbeidsdeskundige",
    ]


def ow_body() -> list[Block]:
    return [
        *admin(),
        f"Datum: {dmy(OW)}",
        "Ik ben het eens met de re-integratie-inspanningen van mijn werkgever.",
        ("table", [["Naam", NAAM], ["Functie", "werknemer"], ["Datum", dmy(OW)]]),
    ]


def riv_form() -> list[Block]:
    return [
        ("h", "Re-integratieverslag"),
        "Aanvraag WIA-uitkering: bijlagen bij dit verslag",
        *admin(),
        ("check", "Probleemanalyse", True),
        ("check", "Plan van aanpak", True),
        ("check", "Eerstejaarsevaluatie", True),
        ("check", "Actueel oordeel bedrijfsarts", True),
        ("check", "Eindevaluatie", True),
        ("check", "Oordeel werknemer", True),
        f"Datum: {dmy(date(2027, 9, 25))}",
        column_signatures(date(2027, 9, 25)),
    ]


def email_ow() -> list[Block]:
    return [
        f"Van: {NAAM} <jan.jansen@example.nl>",
        "Aan: P. de Vries <hr@devries-bouw.nl>",
        f"Verzonden: {nl(OW)} 10:14",
        "Onderwerp: RE: Eindevaluatie",
        "Beste Piet,",
        "Ik heb de eindevaluatie gelezen. Ik ben het eens met de re-integratie-inspanningen",
        "en met de inhoud van de eindevaluatie. BSN 123456782.",
        "Met vriendelijke groet,",
        NAAM,
    ]


def uwv_letter(subject: str, body: str) -> list[Block]:
    return [
        "UWV",
        "Postbus 58285, 1040 HG Amsterdam",
        "Bouwbedrijf De Vries B.V.",
        f"Datum: {nl(date(2027, 8, 1))}",
        f"Onderwerp: {subject}",
        "Geachte heer, mevrouw,",
        body,
        f"Het gaat om uw werknemer {NAAM}, BSN {BSN}.",
        "Met vriendelijke groet,",
        "UWV, afdeling Sociaal Medische Zaken",
    ]


CASES += [
    # ---------------------------------------------------------------- 3 classification
    Case(
        "titel_evaluatie_1e_ziektejaar",
        "3",
        _titled(
            "04_",
            "04_evaluatie.pdf",
            "Evaluatie 1e ziektejaar",
            [*eje_body(), column_signatures(EJE)],
            pdf=True,
        ),
        kinds=(("04_evaluatie.pdf", "eerstejaarsevaluatie"),),
    ),
    Case(
        "titel_reintegratieplan",
        "3",
        _titled("02_", "02_plan.docx", "Re-integratieplan", [*pva_body(), column_signatures(PVA)]),
        kinds=(("02_plan.docx", "plan_van_aanpak"),),
    ),
    Case(
        "titel_mijn_visie",
        "3",
        _titled("09_", "09_visie.docx", "Mijn visie op de re-integratie", ow_body()),
        kinds=(("09_visie.docx", "oordeel_werknemer"),),
    ),
    Case(
        "titel_actuele_oordeel",
        "3",
        _titled("07_", "07_ao.pdf", "Actuele oordeel bedrijfsarts", ao_body(), pdf=True),
        kinds=(("07_ao.pdf", "actueel_oordeel"),),
    ),
    Case(
        "titel_terugkoppeling_ad",
        "3",
        _titled("05_", "05_ad.docx", "Terugkoppeling arbeidsdeskundig onderzoek", ad_body()),
        kinds=(("05_ad.docx", "arbeidsdeskundig_rapport"),),
    ),
    Case(
        "titel_in_tekstvak",
        "3",
        _replace(
            "07_",
            "07_ao.docx",
            lambda p: write_docx(p, [("textbox", "Actueel oordeel bedrijfsarts"), *ao_body()]),
        ),
        kinds=(("07_ao.docx", "actueel_oordeel"),),
    ),
    Case(
        "titel_in_koptekst",
        "3",
        _replace(
            "04_",
            "04_eje.docx",
            lambda p: write_docx(
                p,
                [
                    ("header", "Eerstejaarsevaluatie - vertrouwelijk"),
                    *eje_body(),
                    "Zie ook de eindevaluatie later.",
                    column_signatures(EJE),
                ],
            ),
        ),
        kinds=(("04_eje.docx", "eerstejaarsevaluatie"),),
    ),
    Case(
        "titel_in_eerste_tabelcel",
        "3",
        _replace(
            "07_",
            "07_ao.docx",
            lambda p: write_docx(
                p,
                [
                    (
                        "table",
                        [["Actueel oordeel bedrijfsarts", f"Datum: {dmy(date(2027, 9, 1))}"]],
                    ),
                    *ao_body()[:-1],
                    "A. Bakker, bedrijfsarts",
                ],
            ),
        ),
        kinds=(("07_ao.docx", "actueel_oordeel"),),
    ),
    Case(
        "riv_formulier_met_bijlagenlijst",
        "3",
        _add("00_riv_formulier.docx", lambda p: write_docx(p, riv_form())),
        kinds=(("00_riv_formulier.docx", "riv_formulier"),),
    ),
    Case(
        "email_over_eindevaluatie",
        "3",
        _replace("09_", "09_mail_werknemer.pdf", lambda p: write_fpdf(p, email_ow())),
        kinds=(("09_mail_werknemer.pdf", "oordeel_werknemer"),),
    ),
    Case(
        "uwv_besluit_verlenging",
        "3",
        _add(
            "10_uwv_besluit.pdf",
            lambda p: write_reportlab(
                p,
                uwv_letter(
                    "Besluit verlenging loondoorbetalingsperiode",
                    "U heeft samen met uw werknemer gevraagd de wachttijd te verlengen. "
                    "Wij verlengen de loondoorbetaling tot en met 30 juni 2028. "
                    "Stuur het re-integratieverslag "
                    "later mee met de WIA-aanvraag.",
                ),
            ),
        ),
        kinds=(("10_uwv_besluit.pdf", "other"),),
    ),
    Case(
        "uwv_deskundigenoordeel",
        "3",
        _add(
            "10_uwv_deskundigenoordeel.pdf",
            lambda p: write_reportlab(
                p,
                uwv_letter(
                    "Uw aanvraag deskundigenoordeel",
                    "U heeft een deskundigenoordeel aangevraagd over de "
                    "re-integratie-inspanningen. Ons oordeel: de werkgever doet voldoende "
                    "aan de re-integratie.",
                ),
            ),
        ),
        kinds=(("10_uwv_deskundigenoordeel.pdf", "deskundigenoordeel"),),
    ),
]


def sample_blocks(part: Any) -> list[Block]:
    """A part of the sample dossier as blocks: its title as a heading, consecutive table
    rows as one table."""
    blocks: list[Block] = [("h", part.title)]
    for block in part.blocks:
        if isinstance(block, list):
            if blocks and isinstance(blocks[-1], tuple) and blocks[-1][0] == "table":
                blocks[-1][1].append(block)
            else:
                blocks.append(("table", [block]))
        else:
            blocks.append(block)
    return blocks


def _sample_parts(edit: Callable[[str, list[Block]], list[Block]] | None = None) -> list[Block]:
    """Every part of the sample dossier (not the log) one after the other."""
    out: list[Block] = []
    for part in MS.complete_parts():
        blocks = sample_blocks(part)
        out.extend(edit(part.filename, blocks) if edit else blocks)
    return out


def _merged(
    writer: Callable[[Path, Sequence[Block]], None],
    name: str,
    edit: Callable[[str, list[Block]], list[Block]] | None = None,
    between: Sequence[Block] = (),
) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        MS.write_dossier(folder, [], MS.activity_rows(date(2026, 2, 16), date(2027, 9, 20)))
        blocks: list[Block] = []
        for part in MS.complete_parts():
            if blocks:
                blocks.extend(between)
            part_blocks = sample_blocks(part)
            blocks.extend(edit(part.filename, part_blocks) if edit else part_blocks)
        writer(folder / name, blocks)

    return build


def _pva_without_werknemer(filename: str, blocks: list[Block]) -> list[Block]:
    if not filename.startswith("02_"):
        return blocks
    return [
        ("table", [r for r in b[1] if r[0] != "Werknemer"])
        if isinstance(b, tuple) and b[0] == "table"
        else b
        for b in blocks
    ]


def _eje_without_visie(filename: str, blocks: list[Block]) -> list[Block]:
    if not filename.startswith("04_"):
        return blocks
    return [b for b in blocks if not (isinstance(b, str) and b.startswith("Visie werknemer"))]


def evaluations(start: date, end: date, gap_after: int | None = None) -> list[Block]:
    """Numbered evaluation reports every 5 weeks, one after the other on the pages; after
    report ``gap_after`` the next one comes 9 weeks later."""
    from datetime import timedelta

    out: list[Block] = []
    when = start
    n = 1
    while when <= end:
        out += [
            ("h", f"Evaluatie {n}"),
            f"Datum gesprek: {dmy(when)}",
            f"Naam werknemer: {NAAM}, BSN: {BSN}",
            "Besproken: voortgang van de opbouw in aangepast werk; afspraken blijven staan.",
            (
                "table",
                [
                    ["", "Werkgever", "Werknemer"],
                    ["Naam", "P. de Vries", NAAM],
                    ["Datum", dmy(when), dmy(when)],
                ],
            ),
        ]
        when += timedelta(days=63 if n == gap_after else 35)
        n += 1
    return out


def _evaluations_file(gap_after: int | None) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        MS.write_dossier(folder, MS.complete_parts(), None)  # no activity log
        write_reportlab(
            folder / "10_evaluaties.pdf",
            evaluations(date(2026, 3, 20), date(2027, 9, 10), gap_after),
        )

    return build


CASES += [
    # ---------------------------------------------------------------- 2 parts in one file
    Case("samengevoegd_midden_op_pagina", "2", _merged(write_reportlab, "dossier.pdf")),
    Case(
        "samengevoegd_midden_pva_niet_getekend",
        "2",
        _merged(write_reportlab, "dossier.pdf", _pva_without_werknemer),
        ("PVA-003",),
    ),
    Case("een_docx_hele_riv", "2", _merged(write_docx, "dossier.docx")),
    Case(
        "een_docx_met_sectie_einden",
        "2",
        _merged(write_docx, "dossier.docx", between=[("section",)]),
    ),
    Case(
        "een_docx_eje_zonder_visie",
        "2",
        _merged(write_docx, "dossier.docx", _eje_without_visie),
        ("EJE-003",),
    ),
    Case("herhaalde_evaluaties", "2", _evaluations_file(None)),
    Case("herhaalde_evaluaties_gat", "2", _evaluations_file(3), ("EVAL-001",)),
]


def _with_extra(drop: Sequence[str], name: str, blocks: list[Block]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        base(folder, drop)
        write_reportlab(folder / name, blocks)

    return build


def gbm_log() -> list[tuple[date, str, str]]:
    """Evaluations every 5 weeks, none between June and November 2026."""
    rows = MS.activity_rows(PVA, date(2027, 9, 20))
    return [r for r in rows if not date(2026, 6, 10) < r[0] < date(2026, 11, 1)]


def _gbm(stated: bool) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        base(folder)
        MS.write_xlsx(gbm_log(), folder / "03_activiteitenoverzicht.xlsx")
        if stated:
            write_reportlab(
                folder / "03b_advies_bedrijfsarts.pdf",
                [
                    ("h", "Advies bedrijfsarts"),
                    *admin(),
                    f"Datum: {dmy(date(2026, 6, 9))}",
                    "Na het spreekuur: er zijn geen benutbare mogelijkheden van 10 juni 2026 "
                    "tot 1 november 2026; de re-integratieactiviteiten liggen zo lang stil.",
                    "A. Bakker, bedrijfsarts",
                ],
            )

    return build


CASES += [
    # ---------------------------------------------------------------- 5 facts
    Case(
        "verlenging_uwv_besluit",
        "5",
        _with_extra(
            ["08_", "09_"],
            "10_uwv_besluit.pdf",
            uwv_letter(
                "Besluit verlenging loondoorbetalingsperiode",
                "Wij verlengen de loondoorbetaling tot en met 29 december 2028.",
            ),
        ),
    ),
    Case(
        "zonder_eindevaluatie_geen_verlenging",
        "5",
        lambda folder: base(folder, ["08_", "09_"]),
        ("EIND-001", "OW-001"),
    ),
    Case(
        "hersteld_en_opnieuw_ziek",
        "5",
        _with_extra(
            ["08_", "09_"],
            "10_verzuimverloop.pdf",
            [
                ("h", "Voortgangsverslag"),
                *admin(),
                f"Datum: {dmy(date(2026, 6, 1))}",
                "Werknemer is hersteld gemeld per 1 mei 2026 en opnieuw ziek gemeld op "
                "22 mei 2026.",
                column_signatures(date(2026, 6, 1)),
            ],
        ),
    ),
    Case("geen_benutbare_mogelijkheden_periode", "5", _gbm(True)),
    Case("evaluaties_stil_zonder_reden", "5", _gbm(False), ("EVAL-001",)),
]


def _with_docx(drop: Sequence[str], name: str, blocks: list[Block]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        base(folder, drop)
        write_docx(folder / name, blocks)

    return build


def riv_form_blocks(title: str) -> list[Block]:
    """Part 1 of the RIV as a casemanager fills it in a word processor: headed groups of
    labelled rows and the enclosed parts with their dates."""
    return [
        ("h", title),
        ("h", "Gegevens werknemer", 2),
        ("table", [["Naam", NAAM], ["BSN", BSN], ["Geboortedatum", "14-05-1979"]]),
        ("h", "Gegevens werkgever", 2),
        (
            "table",
            [
                ["Naam", MS.WERKGEVER],
                ["Loonheffingennummer", "123456789L01"],
                ["Contactpersoon", "Piet de Vries (HR-manager), 030 123 45 67"],
            ],
        ),
        "Bedrijfsarts: A. Bakker, Arbodienst Utrecht.",
        f"Functie: timmerman, 38 uur per week. Eerste ziektedag: {dmy(EZD)}.",
        (
            "table",
            [
                ["Onderdeel", "Datum"],
                ["Probleemanalyse", dmy(date(2026, 2, 5))],
                ["Plan van aanpak", dmy(PVA)],
                ["Eerstejaarsevaluatie", dmy(EJE)],
                ["Eindevaluatie", dmy(EIND)],
                ["Oordeel werknemer", dmy(OW)],
            ],
        ),
        f"Datum: {dmy(date(2027, 9, 24))}",
        "Piet de Vries, HR-manager",
    ]


CASES += [
    # ---------------------------------------------------------------- RIV form (issue 10)
    Case("zonder_riv_formulier", "riv", lambda folder: base(folder, ["00_"]), ("ADM-003",)),
    Case(
        "riv_formulier_docx",
        "riv",
        _replace(
            "00_",
            "riv_jansen.docx",
            lambda p: write_docx(p, riv_form_blocks("Re-integratieverslag (RIV)")),
        ),
        kinds=(("riv_jansen.docx", "riv_formulier"),),
    ),
    Case(
        "riv_formulier_reportlab",
        "riv",
        _replace(
            "00_",
            "RIV deel 1.pdf",
            lambda p: write_reportlab(p, riv_form_blocks("Re-integratieverslag")),
        ),
        kinds=(("RIV deel 1.pdf", "riv_formulier"),),
    ),
    # the form lists the eindevaluatie and the oordeel werknemer, but they are not there:
    # an entry in the list of enclosed parts is not the part
    Case(
        "riv_formulier_noemt_ontbrekende_delen",
        "riv",
        _with_docx(
            ["00_", "08_", "09_"],
            "riv_jansen.docx",
            riv_form_blocks("Re-integratieverslag"),
        ),
        ("EIND-001", "OW-001"),
    ),
    # extended by UWV: the RIV is not due yet, so no RIV form is needed yet
    Case(
        "verlenging_zonder_riv_formulier",
        "riv",
        _with_extra(
            ["00_", "08_", "09_"],
            "10_uwv_besluit.pdf",
            uwv_letter(
                "Besluit verlenging loondoorbetalingsperiode",
                "Wij verlengen de loondoorbetaling tot en met 29 december 2028.",
            ),
        ),
    ),
]


def build_case(case: Case, root: Path) -> Path:
    folder = root / case.name
    case.build(folder)
    return folder
