"""The spreadsheets print as a table: landscape A4, one page wide, the header row on every
page, long text wrapped in rows that grow, sensible column widths. Read back with openpyxl
(what Excel and LibreOffice read: pageSetup, sheetPr/pageSetUpPr, _xlnm.Print_Titles)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[1]


def _cli(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "poortwachter", *args], cwd=cwd, capture_output=True, timeout=300
    )


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("print")
    samples = REPO / "samples"
    _cli("signalering", str(samples / "cases.xlsx"), "--peildatum", "2026-11-23",
         "--skip-invalid", "--format", "xlsx", "--output", str(out / "signalering.xlsx"),
         cwd=out)  # fmt: skip
    _cli("audit", str(samples / "dossiers"), "--peildatum", "2027-10-07", "--format", "xlsx",
         "-o", str(out / "overzicht.xlsx"), cwd=out)  # fmt: skip
    _cli("timeline", "--zaak", str(samples / "zaak.yaml"), "--format", "xlsx",
         "--output", str(out / "tijdlijn.xlsx"), cwd=out)  # fmt: skip
    _cli("batch", "plan_van_aanpak", str(samples / "batch_plan_van_aanpak.xlsx"),
         "--out", str(out / "batch"), "--format", "docx", cwd=out)  # fmt: skip
    [report] = (out / "batch").glob("foutrapport_*.xlsx")
    shutil.copy(report, out / "foutrapport.xlsx")
    return {p.stem: p for p in out.glob("*.xlsx")}


def _check_sheet(ws: Any) -> None:
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) == "9"  # A4
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows in ("1:1", "$1:$1")
    header = [c for c in ws[1] if c.value]
    assert header and all(c.alignment.wrap_text for c in header)
    widths = [ws.column_dimensions[c.column_letter].width for c in header]
    assert all(4 <= w <= 100 for w in widths), widths
    assert sum(widths) <= 260  # one page wide stays readable (scale above about 50 %)


@pytest.mark.parametrize("name", ["signalering", "overzicht", "tijdlijn", "foutrapport"])
def test_every_sheet_prints_as_a_table(workbooks: dict[str, Path], name: str) -> None:
    wb = load_workbook(workbooks[name])
    for ws in wb.worksheets:
        _check_sheet(ws)


@pytest.mark.parametrize("name", ["signalering", "overzicht"])
def test_rows_with_long_text_grow(workbooks: dict[str, Path], name: str) -> None:
    wb = load_workbook(workbooks[name])
    ws = wb.worksheets[-1] if name == "overzicht" else wb.worksheets[0]
    widths = {c.column_letter: ws.column_dimensions[c.column_letter].width for c in ws[1]}
    grown = 0
    for row in ws.iter_rows(min_row=2):
        longest = max(
            (len(str(c.value)) / widths[c.column_letter] for c in row if c.value), default=0
        )
        height = ws.row_dimensions[row[0].row].height
        if longest > 1.2:
            assert height is not None and height >= 30, (row[0].row, longest, height)
            grown += 1
        assert all(c.alignment.wrap_text for c in row if c.value is not None)
    assert grown
