"""run_signalering: the parallel path gives exactly the single-process output."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from poortwachter.errors import InputError
from poortwachter.report.signalering import run as signalering_run
from poortwachter.report.signalering.run import run_signalering

PEIL = date(2026, 11, 23)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = ["dossier;naam;bsn;eerste_ziektedag;herstel;gedaan_probleemanalyse"]
    for i in range(3000):
        ezd = date(2025, 1, 1) + timedelta(days=i % 700)
        herstel = f"{ezd + timedelta(days=30)}:{ezd + timedelta(days=40)}" if i % 7 == 0 else ""
        pa = (ezd + timedelta(days=35)).isoformat() if i % 3 else ""
        bsn = "123456789" if i % 500 == 499 else "123456782"  # a bad row now and then
        lines.append(f"Z{i};=Werknemer {i};{bsn};{ezd.isoformat()};{herstel};{pa}")
    p = tmp_path_factory.mktemp("run") / "zaken.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["table", "json", "xlsx"])
def test_parallel_output_equals_single_process(
    sheet: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    single = run_signalering(sheet, fmt, PEIL, skip_invalid=True, workers=1)
    monkeypatch.setattr(signalering_run, "PARALLEL_MIN_ROWS", 10)
    parallel = run_signalering(sheet, fmt, PEIL, skip_invalid=True, workers=3)
    assert parallel.cases == single.cases == 2994
    assert parallel.bad_rows == single.bad_rows == [501, 1001, 1501, 2001, 2501, 3001]
    assert parallel.problems == single.problems
    if fmt == "xlsx":
        assert isinstance(parallel.data, bytes) and isinstance(single.data, bytes)
        rows = [
            [c.value for c in r]
            for r in load_workbook(io.BytesIO(parallel.data))["Signalering"].iter_rows()
        ]
        expected = [
            [c.value for c in r]
            for r in load_workbook(io.BytesIO(single.data))["Signalering"].iter_rows()
        ]
        assert rows == expected
        assert len(rows) == 2995 and rows[1][0] == 2 and rows[-1][0] == 3000
        assert str(rows[1][2]).startswith("'=")  # formula text neutralised in workers too
    else:
        assert parallel.data == single.data


def test_strict_by_default(sheet: Path) -> None:
    with pytest.raises(InputError) as exc:
        run_signalering(sheet, "json", PEIL)
    assert "6 rijen met fouten; er is niets geschreven" in exc.value.problems[-1]
    assert "rij 501, kolom 3 (bsn)" in exc.value.problems[0]


def test_unknown_format(sheet: Path) -> None:
    with pytest.raises(ValueError, match="onbekend formaat"):
        run_signalering(sheet, "pdf", PEIL)
