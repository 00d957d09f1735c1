"""Big and odd spreadsheets (issue 12, items 11 and 12).

Before: a 1,000,000-row CSV was read whole (bytes and text in memory, ~350 MB) before the
row limit refused it, and an XLSX sheet's XML was scanned to its end; a UTF-16 CSV
(Excel's "Unicode-tekst") and a CSV with one NUL byte were "geen spreadsheet".
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from poortwachter.inputs.xlsx_extent import sheet_extent

from . import corpus
from .measure import poortwachter, run_measured

pytestmark = pytest.mark.slow

#: peak memory of a refused 1,000,000-row run (the command's own RSS)
PEAK_MB = 256


@pytest.mark.parametrize("make", [corpus.csv_million_rows, corpus.xlsx_million_rows])
@pytest.mark.parametrize("command", ["signalering", "batch"])
def test_a_million_rows_are_refused_while_streaming(
    make: corpus.Generator, command: str, tmp_path: Path
) -> None:
    case = make(tmp_path)
    args = [command, str(case.path)] if command == "signalering" else [
        command, "eindevaluatie", str(case.path), "--out", str(tmp_path / "out")
    ]  # fmt: skip
    m = run_measured(poortwachter(*args))
    assert not m.timed_out
    assert m.code == 2, m.stderr
    assert "meer dan 250.000 rijen" in m.stderr and "--max-rows" in m.stderr, m.stderr
    assert case.path.name in m.stderr
    assert m.peak_mb < PEAK_MB, f"peak {m.peak_mb:.0f} MB: read whole before refused"


def _xlsx_rows_without_numbers(folder: Path, rows: int) -> Path:
    """Rows without the (optional) r attribute, cells as inline strings."""
    path = folder / "zonder_rijnummers.xlsx"
    parts = corpus.xlsx_parts([("Zaken", "")])
    del parts["xl/worksheets/sheet1.xml"]

    def row(*values: str) -> str:
        return (
            "<row>"
            + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in values)
            + "</row>"
        )

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            fh.write(b'<?xml version="1.0"?><worksheet xmlns="' + main + b'"><sheetData>')
            fh.write(row("dossier", "naam", "eerste_ziektedag").encode())
            for start in range(0, rows, 10_000):
                block = "".join(
                    row(f"Z-{i}", f"W {i}", "2026-01-05") for i in range(start, start + 10_000)
                )
                fh.write(block.encode())
            fh.write(b"</sheetData></worksheet>")
    return path


def test_a_million_unnumbered_xlsx_rows_are_refused(tmp_path: Path) -> None:
    """Before: no row numbers, so the extent scan saw nothing and python-calamine read all
    1,000,000 rows (over a minute and 1.6 GB on this machine), and nothing refused them."""
    path = _xlsx_rows_without_numbers(tmp_path, 1_000_000)
    m = run_measured(poortwachter("signalering", str(path)))
    assert not m.timed_out
    assert m.code == 2, m.stderr
    assert "meer dan 250.000 rijen" in m.stderr and "--max-rows" in m.stderr, m.stderr
    assert m.peak_mb < PEAK_MB, f"peak {m.peak_mb:.0f} MB"
    assert sheet_extent(str(path), None)[0] == 1_000_001


def test_the_xlsx_scan_stops_at_the_limit(tmp_path: Path) -> None:
    case = corpus.xlsx_million_rows(tmp_path)
    rows, _columns = sheet_extent(str(case.path), None)
    assert rows >= 1_000_000
    early, _columns = sheet_extent(str(case.path), None, stop_above=250_001)
    assert 250_001 < early < 1_000_000  # a lower bound, enough to refuse


def test_utf16_csv_with_bom_is_read(tmp_path: Path) -> None:
    """Excel's "Unicode-tekst": UTF-16 LE with BOM, tab-separated."""
    cases = tmp_path / "unicode.txt"
    text = "dossier\tnaam\teerste_ziektedag\nZ-1\tJosé Müller\t2026-01-05\n"
    cases.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    m = run_measured(poortwachter("signalering", str(cases), "--peildatum", "2026-06-01",
                                  "--format", "json"), keep_stdout=True)  # fmt: skip
    assert m.code == 0, m.stderr
    assert "José Müller" in m.stdout and "Z-1" in m.stdout


@pytest.mark.parametrize("offset", [0, 20_000])
def test_a_nul_byte_is_named_with_row_and_column(offset: int, tmp_path: Path) -> None:
    cases = tmp_path / "nul.csv"
    lines = ["dossier;naam;eerste_ziektedag"]
    lines += [f"Z-{i};Werknemer {i};2026-01-05" for i in range(offset // 30)]
    lines.append("Z-x;Jan\x00Jansen;2026-01-05")
    cases.write_text("\n".join(lines) + "\n", "utf-8")
    row = len(lines)
    m = run_measured(poortwachter("signalering", str(cases)))
    assert m.code == 2, m.stderr
    assert f"nul.csv, rij {row}, kolom 2: bevat een NUL-teken" in m.stderr, m.stderr
