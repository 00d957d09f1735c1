"""Build the sample dossiers with producers other than our own generator.

Run:  python samples/dossiers/make_samples.py [OUTPUT_DIR]   (default: next to this file)

Producers: python-docx (hand-styled DOCX with tables, headers and footers), fpdf2 (PDF),
openpyxl (XLSX activity log), pypdf (an encrypted copy), Pillow (a scan without text).
Each defective dossier is the complete one with one defect; its expected findings are
listed in EXPECTED (rule ids, at severity blocker or warning).
Dev dependencies: fpdf2, pillow (besides python-docx, openpyxl, pypdf).
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

Row = list[str]
Block = str | Row  # a line of text, or a table row

NAAM = "Jan Jansen"
BSN = "123456782"
ANDER_BSN = "111222333"
EZD = date(2026, 1, 1)
PEILDATUM = date(2027, 10, 7)
WERKGEVER = "Bouwbedrijf De Vries B.V."


def nl(d: date) -> str:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    return f"{d.day} {months[d.month - 1]} {d.year}"


def dmy(d: date) -> str:
    return d.strftime("%d-%m-%Y")


@dataclass
class Part:
    filename: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    producer: str = "pdf"  # pdf | docx


def admin(bsn: str = BSN, naam: str = NAAM) -> list[Block]:
    return [
        ["Naam werknemer", naam],
        ["BSN", bsn],
        ["Werkgever", WERKGEVER],
        ["Eerste ziektedag", dmy(EZD)],
    ]


def sign_table(when: date, werknemer: bool = True) -> list[Block]:
    rows: list[Block] = ["Ondertekening", ["Rol", "Naam", "Functie", "Datum", "Handtekening"]]
    rows.append(["Werkgever", "Piet de Vries", "HR-manager", dmy(when), "getekend"])
    if werknemer:
        rows.append(["Werknemer", NAAM, "Timmerman", dmy(when), "getekend"])
    return rows


RIV_FORM = "00_riv_formulier"
RIV_DATE = date(2027, 9, 24)


ENCLOSED = "Bijgevoegde onderdelen van het re-integratieverslag:"


def riv_form() -> Part:
    """Part 1 of the RIV (Regeling procesgang art. 6 lid 1 a): the administrative data and
    the list of the parts it encloses (filled in by :func:`with_enclosures`), dated and
    signed by the employer."""
    return Part(
        f"{RIV_FORM}.pdf",
        "Re-integratieverslag - administratieve gegevens",
        [
            *admin(),
            ["Adres werknemer", "Kerkstraat 12, 3511 AB Utrecht"],
            ["Geboortedatum", "14-05-1979"],
            ["Adres werkgever", "Industrieweg 8, 3542 AD Utrecht"],
            ["Loonheffingennummer", "123456789L01"],
            ["KvK-nummer", "30123456"],
            ["Contactpersoon", "Piet de Vries, HR-manager, 030 123 45 67"],
            ["Bedrijfsarts", "A. Bakker, Arbodienst Utrecht"],
            "Aard van het bedrijf: bouwbedrijf in woningbouw en onderhoud, 40 medewerkers.",
            ["Functie", "Timmerman"],
            ["Arbeidsduur", "38 uur per week"],
            ["Opleiding", "MBO Timmerman, niveau 3"],
            ENCLOSED,
            ["Datum", dmy(RIV_DATE)],
            "Opgesteld door: Piet de Vries, HR-manager",
        ],
        "pdf",
    )


def _is_enclosure(block: Block) -> bool:
    return isinstance(block, list) and len(block) == 2 and block[0][:-1].isdigit()


def with_enclosures(parts: list[Part]) -> list[Part]:
    """The RIV form lists exactly the parts that are in the dossier with it (numbered from
    2: the form is part 1)."""
    others = [p for p in parts if not p.filename.startswith(RIV_FORM)]
    listed: list[Block] = [[f"{n}.", p.title] for n, p in enumerate(others, 2)]

    def fill(form: Part) -> Part:
        blocks: list[Block] = []
        for block in form.blocks:
            if not _is_enclosure(block):
                blocks.append(block)
            if block == ENCLOSED:
                blocks += listed
        return replace(form, blocks=blocks)

    return [fill(p) if p.filename.startswith(RIV_FORM) else p for p in parts]


def complete_parts() -> list[Part]:
    """Every part of the complete dossier, the RIV form first."""
    return with_enclosures([riv_form(), *_report_parts()])


def _report_parts() -> list[Part]:
    pa = date(2026, 2, 5)
    pva = date(2026, 2, 16)
    eje = date(2026, 12, 28)
    ad = date(2027, 1, 15)
    sp2 = date(2027, 2, 1)
    ao = date(2027, 9, 1)
    eind = date(2027, 9, 20)
    ow = date(2027, 9, 22)
    return [
        Part(
            "01_probleemanalyse.pdf",
            "Probleemanalyse",
            [
                *admin(),
                f"Datum: {nl(pa)}",
                "Beperkingen en mogelijkheden",
                "Werknemer kan licht fysiek werk doen, niet langer dan 4 uur per dag.",
                "Prognose: gedeeltelijke hervatting binnen drie maanden verwacht.",
                "Advies: start met aangepast werk in de werkplaats.",
                "Opgesteld door: A. Bakker, bedrijfsarts",
            ],
            "pdf",
        ),
        Part(
            "02_plan_van_aanpak.docx",
            "Plan van aanpak re-integratie",
            [
                *admin(),
                ["Datum", dmy(pva)],
                ["Casemanager", "Piet de Vries"],
                "Einddoel: terugkeer in eigen functie als timmerman.",
                "Afspraken: opbouw van 2 naar 4 uur per dag in aangepast werk.",
                "Visie werkgever",
                "De werkgever biedt aangepast werk in de werkplaats en bouwt de uren samen op.",
                "Visie werknemer",
                "De werknemer is het eens met dit plan en wil graag snel terug.",
                *sign_table(pva + timedelta(days=1)),
            ],
            "docx",
        ),
        Part(
            "04_eerstejaarsevaluatie.pdf",
            "Eerstejaarsevaluatie",
            [
                *admin(),
                f"Datum evaluatie: {dmy(eje)}",
                "Welke activiteiten zijn in het eerste jaar ondernomen: aangepast werk, "
                "opbouw uren.",
                "Is het einddoel nog juist: nee, terugkeer in eigen werk is niet meer haalbaar.",
                "Is de aanpak bijgesteld: ja, zie bijstelling.",
                "Is het tweede spoor ingezet: ja, het 2e spoor wordt gestart op 1 februari 2027.",
                "Visie werkgever: de werkgever vindt dat alles is gedaan om terugkeer "
                "mogelijk te maken.",
                "Visie werknemer: de werknemer is het eens met de evaluatie.",
                *sign_table(eje),
            ],
            "pdf",
        ),
        Part(
            "05_arbeidsdeskundig_rapport.docx",
            "Arbeidsdeskundig rapport",
            [
                *admin(),
                ["Datum rapport", nl(ad)],
                "Conclusie: passend werk in eigen organisatie is niet aanwezig; advies 2e spoor.",
                "Opgesteld door: M. Smit, arbeidsdeskundige",
            ],
            "docx",
        ),
        Part(
            "06_trajectplan_2e_spoor.pdf",
            "Trajectplan 2e spoor",
            [
                *admin(),
                f"Datum: {dmy(sp2)}",
                "Re-integratiebedrijf: Werkfit Nederland",
                "Doel: werk bij een andere werkgever als magazijnmedewerker.",
                "Opgesteld door: K. de Boer, loopbaanadviseur",
            ],
            "pdf",
        ),
        Part(
            "07_actueel_oordeel.pdf",
            "Actueel oordeel bedrijfsarts",
            [
                *admin(),
                f"Datum: {nl(ao)}",
                "Actuele beperkingen: geen zwaar tillen; werken tot 6 uur per dag is mogelijk.",
                "Opgesteld door: A. Bakker, bedrijfsarts",
            ],
            "pdf",
        ),
        Part(
            "08_eindevaluatie.docx",
            "Eindevaluatie",
            [
                *admin(),
                ["Datum", dmy(eind)],
                "Resultaat: werknemer werkt 20 uur per week in aangepast werk.",
                "Oordeel over de dienstbetrekking: voortzetting in aangepaste functie.",
                *sign_table(eind),
            ],
            "docx",
        ),
        Part(
            "09_oordeel_werknemer.docx",
            "Oordeel werknemer",
            [
                *admin(),
                ["Datum", dmy(ow)],
                "Ik ben het eens met de re-integratie-inspanningen van mijn werkgever.",
                "Ondertekening",
                ["Naam", NAAM],
                ["Functie", "werknemer"],
                ["Datum", dmy(ow)],
            ],
            "docx",
        ),
    ]


def activity_rows(start: date, end: date, step: int = 35) -> list[tuple[date, str, str]]:
    rows = [(start - timedelta(days=11), "Probleemanalyse bedrijfsarts", "A. Bakker")]
    when = start
    n = 1
    while when <= end:
        rows.append((when, f"Evaluatiegesprek {n} plan van aanpak", "P. de Vries"))
        when += timedelta(days=step)
        n += 1
    return rows


# ------------------------------------------------------------------ producers


def write_pdf(part: Part, path: Path, page_breaks: bool = False) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    _pdf_part(pdf, part)
    pdf.output(str(path))


def _pdf_part(pdf: object, part: Part) -> None:
    p = pdf  # fpdf.FPDF
    p.set_font("Helvetica", "B", 16)  # type: ignore[attr-defined]
    p.cell(0, 10, part.title, new_x="LMARGIN", new_y="NEXT")  # type: ignore[attr-defined]
    p.set_font("Helvetica", "", 10)  # type: ignore[attr-defined]
    for block in part.blocks:
        if isinstance(block, list):
            width = 190 / len(block)
            for cell in block:
                p.cell(width, 7, cell, border=1)  # type: ignore[attr-defined]
            p.ln(7)  # type: ignore[attr-defined]
        else:
            p.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")  # type: ignore[attr-defined]


def write_merged_pdf(parts: list[Part], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for part in with_enclosures(parts):
        pdf.add_page()
        _pdf_part(pdf, part)
    pdf.output(str(path))


def write_docx(part: Part, path: Path) -> None:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = f"{WERKGEVER} - vertrouwelijk"
    d.sections[0].footer.paragraphs[0].text = f"Re-integratiedossier {NAAM}"
    _docx_part(d, part)
    d.save(str(path))


def write_merged_docx(parts: list[Part], path: Path) -> None:
    """One Word file holding every part, one after the other under its heading (no page
    breaks), as some casemanagers keep the whole RIV."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = f"Re-integratieverslag {NAAM}"
    for part in with_enclosures(parts):
        _docx_part(d, part)
    d.save(str(path))


def _docx_part(d: object, part: Part) -> None:
    from docx.shared import Pt, RGBColor

    doc = d  # docx.Document
    title = doc.add_paragraph()  # type: ignore[attr-defined]
    run = title.add_run(part.title.upper())
    run.bold = True
    run.font.size = Pt(18)
    run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    table = None
    for block in part.blocks:
        if isinstance(block, list):
            if table is None or len(table.columns) != len(block):
                table = doc.add_table(rows=0, cols=len(block))  # type: ignore[attr-defined]
                table.style = "Table Grid"
            cells = table.add_row().cells
            for cell, text in zip(cells, block, strict=True):
                cell.text = text
        else:
            table = None
            if len(block) < 40 and not block.endswith("."):
                doc.add_heading(block, level=2)  # type: ignore[attr-defined]
            else:
                doc.add_paragraph(block)  # type: ignore[attr-defined]


def write_xlsx(rows: list[tuple[date, str, str]], path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Activiteiten"
    ws.append(["Activiteitenoverzicht re-integratie"])
    ws.append(["Werknemer", NAAM])
    ws.append(["Datum", "Activiteit", "Door"])
    for when, what, who in rows:
        ws.append([when, what, who])
        ws.cell(ws.max_row, 1).number_format = "DD-MM-YYYY"
    ws.auto_filter.ref = f"A3:C{ws.max_row}"
    wb.save(str(path))


def encrypted_copy(source: Path, target: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(source)))
    writer.encrypt("geheim", algorithm="RC4-128")
    with target.open("wb") as fh:
        writer.write(fh)


def scanned_pdf(path: Path, text: str) -> None:
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("L", (1240, 1754), "white")  # A4 at 150 dpi, as a scanner makes it
    ImageDraw.Draw(img).text((100, 100), text, fill="black")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buf, x=0, y=0, w=210)
    pdf.output(str(path))


# ------------------------------------------------------------------ dossiers


def write_dossier(
    folder: Path, parts: list[Part], rows: list[tuple[date, str, str]] | None
) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for part in with_enclosures(parts):
        target = folder / part.filename
        if part.producer == "docx":
            write_docx(part, target)
        else:
            write_pdf(part, target)
    if rows is not None:
        write_xlsx(rows, folder / "03_activiteitenoverzicht.xlsx")


def _without(parts: list[Part], prefix: str) -> list[Part]:
    return [p for p in parts if not p.filename.startswith(prefix)]


def _edit(parts: list[Part], prefix: str, fn: Callable[[Part], Part]) -> list[Part]:
    return [fn(p) if p.filename.startswith(prefix) else p for p in parts]


def _pva_unsigned(p: Part) -> Part:
    return replace(
        p, blocks=[b for b in p.blocks if not (isinstance(b, list) and b[0] == "Werknemer")]
    )


def _pva_medical(p: Part) -> Part:
    return replace(
        p, blocks=[*p.blocks[:6], "Werknemer is uitgevallen met een burn-out.", *p.blocks[6:]]
    )


def _pva_late(p: Part) -> Part:
    late = date(2026, 3, 20)
    blocks = [
        ["Datum", dmy(late)] if isinstance(b, list) and b[0] == "Datum" else b for b in p.blocks
    ]
    blocks = [
        b
        if not (isinstance(b, list) and len(b) == 5 and b[0] != "Rol")
        else [*b[:3], dmy(late), b[4]]
        for b in blocks
    ]
    return replace(p, blocks=blocks)


def _other_bsn(p: Part) -> Part:
    return replace(
        p,
        blocks=[
            ["BSN", ANDER_BSN] if isinstance(b, list) and b[0] == "BSN" else b for b in p.blocks
        ],
    )


def _column_signatures(p: Part) -> Part:
    """The signature table with one column per party (Naam / Functie / Datum /
    Handtekening rows) instead of one row per signer."""
    signed = next(
        b for b in p.blocks if isinstance(b, list) and len(b) == 5 and b[0] == "Werkgever"
    )
    when = signed[3]
    blocks = [b for b in p.blocks if not (isinstance(b, list) and len(b) == 5)]
    blocks += [
        ["", "Werkgever", "Werknemer"],
        ["Naam", "Piet de Vries", NAAM],
        ["Functie", "HR-manager", "Timmerman"],
        ["Datum", when, when],
        ["Handtekening", "getekend", "getekend"],
    ]
    return replace(p, blocks=blocks)


def _labelled_signatures(p: Part) -> Part:
    """Rows labelled per party: 'Naam werkgever', 'Handtekening werknemer:'."""
    signed = next(
        b for b in p.blocks if isinstance(b, list) and len(b) == 5 and b[0] == "Werkgever"
    )
    when = signed[3]
    blocks = [b for b in p.blocks if not (isinstance(b, list) and len(b) == 5)]
    blocks += [
        ["Naam werkgever", "Piet de Vries"],
        ["Handtekening werkgever:", f"getekend {when}"],
        ["Naam werknemer", NAAM],
        ["Handtekening werknemer:", f"getekend {when}"],
    ]
    return replace(p, blocks=blocks)


def _pva_placeholder(p: Part) -> Part:
    """The visie werknemer left as Word's placeholder text."""
    blocks = [
        "Klik of tik om tekst in te voeren." if isinstance(b, str) and "is het eens" in b else b
        for b in p.blocks
    ]
    return replace(p, blocks=blocks)


#: dossier name → the rule ids it must produce at blocker/warning level (and nothing else)
EXPECTED: dict[str, list[str]] = {
    "compleet": [],
    "samengevoegd": [],
    "zonder_plan_van_aanpak": ["PVA-001"],
    "pva_niet_ondertekend": ["PVA-003"],
    "pva_te_laat": ["PVA-002"],
    "medische_termen": ["PRIV-001"],
    "bsn_verschilt": ["CONS-001"],
    "zonder_eindevaluatie": ["EIND-001", "OW-001"],
    "onleesbare_bestanden": ["READ-001", "READ-001", "READ-001"],
    "gescand": [],  # read with OCR (the ocr extra)
    "handtekeningtabellen": [],
    "een_wordbestand": [],
    "visie_niet_ingevuld": ["PVA-005"],
}


def _scans() -> ModuleType:
    """make_scans.py next to this file (the scanned sample's producer)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "poortwachter_make_scans", Path(__file__).resolve().parent / "make_scans.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def build_all(out: Path) -> dict[str, Path]:
    """Write every sample dossier under ``out``; returns name → folder."""
    out.mkdir(parents=True, exist_ok=True)
    parts = complete_parts()
    rows = activity_rows(date(2026, 2, 16), date(2027, 9, 20))
    made: dict[str, Path] = {}

    def make(name: str, p: list[Part]) -> Path:
        folder = out / name
        write_dossier(folder, p, rows)
        made[name] = folder
        return folder

    make("compleet", parts)
    made["gescand"] = _scans().build_gescand(out / "gescand", made["compleet"])
    make("zonder_plan_van_aanpak", _without(parts, "02_"))
    make("pva_niet_ondertekend", _edit(parts, "02_", _pva_unsigned))
    make("pva_te_laat", _edit(parts, "02_", _pva_late))
    make("medische_termen", _edit(parts, "02_", _pva_medical))
    make("bsn_verschilt", _edit(parts, "07_", _other_bsn))
    make("zonder_eindevaluatie", _without(_without(parts, "08_"), "09_"))

    folder = make("onleesbare_bestanden", parts)
    encrypted_copy(folder / "07_actueel_oordeel.pdf", folder / "10_kopie_versleuteld.pdf")
    data = (folder / "01_probleemanalyse.pdf").read_bytes()
    (folder / "11_afgebroken.pdf").write_bytes(data[: len(data) // 3])
    scanned_pdf(folder / "scan_0042.pdf", "Gescande brief")

    signatures = _edit(parts, "02_", _column_signatures)
    make("handtekeningtabellen", _edit(signatures, "08_", _labelled_signatures))
    make("visie_niet_ingevuld", _edit(parts, "02_", _pva_placeholder))
    one = out / "een_wordbestand"
    if one.exists():
        shutil.rmtree(one)
    one.mkdir(parents=True)
    write_merged_docx(parts, one / "reintegratieverslag_jansen.docx")
    write_xlsx(rows, one / "activiteiten.xlsx")
    made["een_wordbestand"] = one

    merged = out / "samengevoegd"
    if merged.exists():
        shutil.rmtree(merged)
    merged.mkdir(parents=True)
    as_pdf = [replace(p, producer="pdf") for p in parts]
    write_merged_pdf(as_pdf, merged / "dossier_jansen_compleet.pdf")
    write_xlsx(rows, merged / "activiteiten.xlsx")
    made["samengevoegd"] = merged
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for name, folder in build_all(target).items():
        print(f"{name}: {folder}")
