"""The fast reading paths give what the full libraries give: DOCX parts parsed straight from
the zip versus python-docx's whole package, XLSX via python-calamine versus openpyxl
(which still reads what calamine cannot or should not)."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.enum.text import WD_BREAK

from audit_helpers import MS, ROOT
from poortwachter.audit.intake.readers import docx as docx_reader
from poortwachter.audit.intake.readers import xlsx as xlsx_reader
from poortwachter.audit.intake.readers.docx import read_docx
from poortwachter.audit.intake.readers.xlsx import read_xlsx


def _python_docx_parts(data: bytes) -> tuple[Any, list[tuple[str, Any]]]:
    """The reference: the whole package opened by python-docx."""
    document = docx.Document(io.BytesIO(data))
    found = [
        (str(rel.reltype), rel.target_part.element)
        for rel in document.part.rels.values()
        if not rel.is_external and str(rel.reltype).endswith(("/header", "/footer"))
    ]
    return document.element.body, found


def _docx_files(tmp_path: Path) -> list[Path]:
    made = MS.build_all(tmp_path / "samples")
    files = [p for folder in made.values() for p in sorted(folder.glob("*.docx"))]
    files += sorted(ROOT.glob("samples/**/*.docx")) + sorted(ROOT.glob("tests/**/*.docx"))
    d = docx.Document()  # header, footer, a table and a page break: python-docx itself
    d.sections[0].header.paragraphs[0].text = "Plan van aanpak — vertrouwelijk"
    d.sections[0].footer.paragraphs[0].text = "Handtekening werknemer: J. Jansen"
    d.add_heading("Plan van aanpak", 1)
    d.add_paragraph("Datum: 16 februari 2026")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # what add_page_break() does
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Naam", "Jan Jansen"
    d.save(str(tmp_path / "met_kop.docx"))
    return [*files, tmp_path / "met_kop.docx"]


def test_docx_parts_from_the_zip_read_like_python_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _docx_files(tmp_path)
    assert len(files) >= 10
    fast = [read_docx(p.read_bytes(), p.name) for p in files]
    monkeypatch.setattr(docx_reader, "_parts", _python_docx_parts)
    full = [read_docx(p.read_bytes(), p.name) for p in files]
    for path, a, b in zip(files, fast, full, strict=True):
        assert (a.pages, a.readable, a.rendered_pages) == (b.pages, b.readable, b.rendered_pages)
        assert a.readable, path
    assert "vertrouwelijk" in fast[-1].text and "Handtekening werknemer" in fast[-1].text


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Activiteiten"
    ws.append(["Activiteitenoverzicht", None, None])
    ws.append([])
    ws.append(["Datum", "Activiteit", "Uren", "Gedaan", "Tijd"])
    ws.append([date(2026, 2, 5), "Probleemanalyse", 4, True, time(9, 30)])
    ws.append([datetime(2026, 2, 16, 14, 0), "Plan van aanpak", 2.5, False, None])
    ws.append([None, "  spaties  ", 0, None, "=1+1"])
    hidden = wb.create_sheet("Verborgen")
    hidden.sheet_state = "hidden"
    hidden.append(["Eerste ziektedag", date(2026, 1, 1)])
    wb.save(path)
    return path


def test_xlsx_via_calamine_reads_like_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = MS.build_all(tmp_path / "samples")
    files = [p for folder in made.values() for p in sorted(folder.glob("*.xlsx"))]
    files += [*sorted(ROOT.glob("samples/**/*.xlsx")), _workbook(tmp_path / "soorten.xlsx")]
    calls: list[int] = []
    original = xlsx_reader._calamine_pages

    def spy(*args: Any) -> list[str] | None:
        pages = original(*args)
        calls.append(pages is not None)
        return pages

    monkeypatch.setattr(xlsx_reader, "_calamine_pages", spy)
    fast = [read_xlsx(p.read_bytes(), p.name) for p in files]
    assert all(calls) and len(calls) == len(files)
    monkeypatch.setattr(xlsx_reader, "_calamine_pages", lambda *args: None)
    full = [read_xlsx(p.read_bytes(), p.name) for p in files]
    for path, a, b in zip(files, fast, full, strict=True):
        assert (a.pages, a.readable) == (b.pages, b.readable), path
    assert "5 februari 2026 | Probleemanalyse | 4 | True" in fast[-1].text
    assert "Eerste ziektedag | 1 januari 2026" in fast[-1].text


def test_a_sheet_too_large_for_calamine_is_read_by_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Activiteitenoverzicht van Jan Jansen", "uit het verzuimsysteem"])
    ws.cell(row=200_000, column=20, value="einde")  # a used range of 4 million cells
    wb.save(tmp_path / "groot.xlsx")
    monkeypatch.setattr(xlsx_reader, "CALAMINE_MAX_CELLS", 1_000_000)
    assert xlsx_reader._calamine_pages((tmp_path / "groot.xlsx").read_bytes(), *_args()) is None
    doc = read_xlsx((tmp_path / "groot.xlsx").read_bytes(), "groot.xlsx")
    assert doc.readable and "Activiteitenoverzicht van Jan Jansen" in doc.text


def _args() -> tuple[Any, float]:
    from time import monotonic

    from poortwachter.audit.limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS, monotonic()
