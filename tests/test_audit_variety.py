"""A dossier in another house style: one DOCX holding two parts (page break), labels and
values on separate lines, a two-column signature table, a letter without a title line in
front, a scan-like file name. Made here with python-docx and fpdf2, not with our generator."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from audit_helpers import MS, rules_of
from poortwachter.audit.engine import audit_dossier
from poortwachter.audit.intake.dossier import collect, read_file, split_parts
from poortwachter.domain.vocabulary import DocumentKind as K


def _pdf(path: Path, lines: list[str]) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in lines:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def make(out: Path) -> Path:
    out.mkdir(parents=True)
    d = docx.Document()
    d.add_heading("Probleemanalyse", 1)
    for text in [
        "Werknemer: mevr. A. de Groot",
        "Burgerservicenummer: 1112.22.333",
        "Eerste verzuimdag: 5 januari 2026",
        "Datum spreekuur: 9 februari 2026",
        "De werknemer heeft beperkingen in het tillen. Benutbare mogelijkheden zijn aanwezig.",
        "Prognose: herstel binnen 3 maanden.",
        "dr. K. Visser, bedrijfsarts",
    ]:
        d.add_paragraph(text)
    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Plan van Aanpak", 1)
    for text in [
        "Naam werknemer: A. de Groot",
        "BSN: 111222333",
        "Datum opgesteld: 19 feb. 2026",
        "Casemanager: R. Bos (HR-adviseur)",
        "Doel: volledige terugkeer in eigen werk als administratief medewerker.",
        "Mening werkgever over het plan: haalbaar binnen drie maanden.",
        "Mening werknemer over het plan: ik ben het ermee eens.",
    ]:
        d.add_paragraph(text)
    table = d.add_table(rows=4, cols=2)
    rows = [
        ("Werkgever", "Werknemer"),
        ("Naam: R. Bos", "Naam: A. de Groot"),
        ("Functie: HR-adviseur", "Datum: 20-02-2026"),
        ("Datum: 20-02-2026", "Handtekening:"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    d.save(str(out / "Dossier deel 1.docx"))
    _pdf(
        out / "scan_0042.pdf",
        [
            "Arbodienst Gezond B.V.",
            "Utrecht, 2 januari 2027",
            "Betreft: actueel oordeel bedrijfsarts",
            "Werknemer: A. de Groot, BSN 111222333",
            "Geachte heer, mevrouw,",
            "Hierbij mijn actuele oordeel. Werknemer kan 20 uur per week werken.",
            "Met vriendelijke groet,",
            "K. Visser",
            "bedrijfsarts",
        ],
    )
    _pdf(
        out / "EJE.pdf",
        [
            "Evaluatie eerste ziektejaar",
            "Gegevens werknemer",
            "Naam",
            "A. de Groot",
            "BSN",
            "111222333",
            "Datum evaluatie",
            "15-12-2026",
            "1. Welke activiteiten zijn verricht? Aangepast werk en opbouw uren.",
            "2. Is het re-integratiedoel nog haalbaar? Ja, terugkeer in eigen functie is in zicht.",
            "3. Tweede spoor: niet nodig, volledige hervatting in eigen werk wordt verwacht.",
            "Standpunt werkgever: tevreden over de voortgang.",
            "Standpunt werknemer: eens met de evaluatie.",
            "Ondertekening werkgever",
            "Naam",
            "R. Bos",
            "Functie",
            "HR-adviseur",
            "Datum",
            "16-12-2026",
            "Ondertekening werknemer",
            "Naam",
            "A. de Groot",
            "Datum",
            "17-12-2026",
        ],
    )
    return out


def test_other_house_style(tmp_path: Path) -> None:
    result = audit_dossier([make(tmp_path / "d")], peildatum=date(2027, 1, 10))
    kinds = [d.kind for d in result.documents]
    assert kinds == [
        K.PROBLEEMANALYSE,
        K.PLAN_VAN_AANPAK,
        K.EERSTEJAARSEVALUATIE,
        K.ACTUEEL_OORDEEL,
    ]
    assert result.eerste_ziektedag == date(2026, 1, 5)
    assert result.werknemer_bsn == "111222333" and result.werknemer_naam == "A. de Groot"
    pva = result.documents[1]
    assert pva.date == date(2026, 2, 19) and pva.page_range == "2"
    assert {s.role for s in pva.signers} == {"werkgever", "werknemer"}
    # no activity log and no progress reports between the plan and the EJE
    assert rules_of(result) == ["EVAL-001"]


def test_scanned_page_inside_a_merged_pdf_is_its_own_unreadable_part(tmp_path: Path) -> None:
    MS.write_merged_pdf(MS.complete_parts()[:3], tmp_path / "a.pdf")
    MS.scanned_pdf(tmp_path / "s.pdf", "scan")
    writer = PdfWriter()
    pages = PdfReader(tmp_path / "a.pdf").pages
    for page in [pages[0], pages[1], PdfReader(tmp_path / "s.pdf").pages[0], pages[2]]:
        writer.add_page(page)
    writer.write(tmp_path / "m.pdf")
    parts = split_parts(read_file(collect([tmp_path / "m.pdf"])[0]))
    assert [(p.page_range, p.readable) for p in parts] == [
        ("1", True),
        ("2", True),
        ("3", False),
        ("4", True),
    ]
    assert "scan" in (parts[2].reason or "")


def _pdf_with_header(path: Path, header: str, lines: list[str]) -> None:
    class WithHeader(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, header, new_x="LMARGIN", new_y="NEXT")

    pdf = WithHeader()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in lines:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_titles_in_page_header_letters_and_prose_signatures(tmp_path: Path) -> None:
    out = tmp_path / "d"
    out.mkdir()
    _pdf_with_header(
        out / "doc1.pdf",
        "Plan van aanpak - K. Pietersen - vertrouwelijk",
        [
            "1. Gegevens",
            "Naam werknemer: K. Pietersen",
            "BSN: 123456782",
            "Doel: terugkeer in eigen werk",
            "Casemanager: M. de Wit",
            "Visie van de werkgever: terugkeer is haalbaar.",
            "Visie van de werknemer: akkoord.",
            "Aldus overeengekomen en ondertekend op 2 maart 2026",
            "M. de Wit, casemanager namens werkgever",
            "K. Pietersen, werknemer",
        ],
    )
    _pdf(
        out / "doc2.pdf",
        [
            "Evaluatie na een jaar ziekte",
            "Medewerker: K. Pietersen",
            "Datum: 20-12-2026",
            "Tweede spoor: niet nodig.",
            "Mening werkgever: positief",
            "Mening werknemer: positief",
            "Handtekening werkgever",
            "M. de Wit",
            "Handtekening werknemer",
            "K. Pietersen",
        ],
    )
    _pdf(
        out / "brief.pdf",
        [
            "K. Pietersen",
            "Amersfoort, 14 september 2027",
            "Betreft: mijn mening over de re-integratie",
            "Ik vind dat mijn werkgever voldoende heeft gedaan.",
            "Met vriendelijke groet,",
            "K. Pietersen",
        ],
    )
    _pdf(
        out / "doc4.pdf",
        [
            "ACTUEEL OORDEEL T.B.V. WIA-AANVRAAG",
            "Naam: K. Pietersen",
            "Datum spreekuur: 1 sept. 2027",
            "Belastbaarheid: 6 uur per dag.",
            "A. Bakker",
            "Bedrijfsarts, BIG 123",
        ],
    )
    result = audit_dossier([out], peildatum=date(2027, 9, 20), eerste_ziektedag=date(2026, 1, 10))
    by_path = {d.path: d for d in result.documents}
    assert by_path["doc1.pdf"].kind is K.PLAN_VAN_AANPAK
    assert by_path["doc2.pdf"].kind is K.EERSTEJAARSEVALUATIE
    assert by_path["brief.pdf"].kind is K.OORDEEL_WERKNEMER
    assert by_path["doc4.pdf"].kind is K.ACTUEEL_OORDEEL
    assert by_path["doc4.pdf"].date == date(2027, 9, 1)
    assert by_path["brief.pdf"].date == date(2027, 9, 14)
    for name in ("doc1.pdf", "doc2.pdf"):
        assert {s.role for s in by_path[name].signers} >= {"werkgever", "werknemer"}, name
    blockers = [f.rule for f in result.findings if f.severity.value == "blocker"]
    assert blockers == ["PA-001"]  # the only part really missing; the rest is not yet due


def test_merged_pdf_with_table_of_contents(tmp_path: Path) -> None:
    toc = MS.Part(
        "toc",
        "Re-integratiedossier K. Pietersen",
        ["Inhoudsopgave", "1. Probleemanalyse 2", "2. Plan van aanpak 3", "3. Eindevaluatie 4"],
    )
    MS.write_merged_pdf([toc, *MS.complete_parts()[1:3]], tmp_path / "m.pdf")
    result = audit_dossier([tmp_path / "m.pdf"], peildatum=date(2026, 3, 1))
    assert [(d.kind, d.page_range) for d in result.documents] == [
        (K.OTHER, "1"),
        (K.PROBLEEMANALYSE, "2"),
        (K.PLAN_VAN_AANPAK, "3"),
    ]


def test_untitled_spreadsheet_and_csv_logs_are_activity_overviews(tmp_path: Path) -> None:
    import openpyxl

    from poortwachter.audit.engine import read_documents

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws.append(["Datum", "Activiteit", "Door"])
    for n in range(8):
        ws.append([date(2026, 2, 1 + n * 3), f"Evaluatiegesprek {n}", "HR"])
    wb.save(tmp_path / "log.xlsx")
    rows = "\n".join(f"{1 + n * 3:02d}-03-2026;Evaluatie {n}" for n in range(6))
    (tmp_path / "log.csv").write_text("datum;activiteit\n" + rows, encoding="utf-8")
    docs = {d.path: d for d in read_documents([tmp_path])}
    assert docs["log.xlsx"].kind is K.ACTIVITEITENOVERZICHT
    assert len(docs["log.xlsx"].activity_dates) == 8
    assert docs["log.csv"].kind is K.ACTIVITEITENOVERZICHT


def test_merged_pdf_with_page_numbers_over_the_whole_file(tmp_path: Path) -> None:
    parts = MS.complete_parts()[:4]

    class Numbered(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 8, f"Pagina {self.page_no()} van {len(parts)}")

    pdf = Numbered()
    for part in parts:
        pdf.add_page()
        MS._pdf_part(pdf, part)
    pdf.output(str(tmp_path / "m.pdf"))
    split = split_parts(read_file(collect([tmp_path / "m.pdf"])[0]))
    assert [p.page_range for p in split] == ["1", "2", "3", "4"]


@pytest.mark.parametrize(
    "block",
    [
        [
            "Ondertekening",
            "Werkgever Werknemer",
            "Naam: P. de Vries Naam: J. Jansen",
            "Functie: HR-manager Functie: Timmerman",
            "Datum: 12-02-2026 Datum: 13-02-2026",
        ],
        [
            "Voor akkoord",
            "Naam werkgever: P. de Vries Naam werknemer: J. Jansen",
            "Handtekening werkgever: ______ Handtekening werknemer: ______",
        ],
    ],
)
def test_two_signature_columns_typed_with_tabs(block: list[str]) -> None:
    from poortwachter.audit.extract.signers import extract_signers
    from poortwachter.audit.text.lines import Line

    lines = [Line(1, text) for text in ["Plan van aanpak", "Afspraken over opbouw.", *block]]
    found = {(s.name, s.role) for s in extract_signers(lines)}
    assert found == {("P. de Vries", "werkgever"), ("J. Jansen", "werknemer")}
