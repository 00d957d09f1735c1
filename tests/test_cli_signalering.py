"""`poortwachter signalering`: worklist per case, three formats, strict by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import RunCli

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "cases.xlsx"


def csv_file(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "zaken.csv"
    p.write_text("dossier;naam;bsn;eerste_ziektedag;gedaan_ziekmelding\n" + body, encoding="utf-8")
    return p


def test_overdue_and_due_soon(tmp_path: Path, run_cli: RunCli) -> None:
    p = csv_file(
        tmp_path, "Z1;Jan;123456782;2026-01-01;2026-01-02\nZ2;Piet;;2026-11-01;2026-11-02\n"
    )
    code, out, _ = run_cli("signalering", str(p), "--peildatum", "2026-03-01", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    z1 = doc["zaken"][0]
    assert z1["bsn"] == "*****6782"
    assert [m["id"] for m in z1["te_laat"]] == ["probleemanalyse", "plan_van_aanpak"]
    assert z1["binnenkort"] == []
    assert doc["zaken"][1]["te_laat"] == []


def test_horizon_is_configurable(tmp_path: Path, run_cli: RunCli) -> None:
    p = csv_file(tmp_path, "Z1;Jan;;2026-01-01;2026-01-02\n")
    _, out, _ = run_cli("signalering", str(p), "--peildatum", "2026-02-01", "--format", "json")
    assert json.loads(out)["zaken"][0]["binnenkort"] == [
        {"id": "probleemanalyse", "due": "2026-02-12"}
    ]
    _, out, _ = run_cli(
        "signalering", str(p), "--peildatum", "2026-02-01", "--horizon", "5", "--format", "json"
    )
    assert json.loads(out)["zaken"][0]["binnenkort"] == []
    _, out, _ = run_cli(
        "signalering", str(p), "--peildatum", "2026-02-01", "--horizon", "30", "--format", "json"
    )
    assert [m["id"] for m in json.loads(out)["zaken"][0]["binnenkort"]] == [
        "probleemanalyse",
        "plan_van_aanpak",
    ]


def test_toon_bsn(tmp_path: Path, run_cli: RunCli) -> None:
    p = csv_file(tmp_path, "Z1;Jan;123456782;2026-01-01;\n")
    _, out, _ = run_cli("signalering", str(p), "--peildatum", "2026-03-01")
    assert "*****6782" in out and "123456782" not in out
    _, out, _ = run_cli("signalering", str(p), "--peildatum", "2026-03-01", "--toon-bsn")
    assert "123456782" in out


def test_sample_is_strict_by_default_and_writes_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "s.xlsx"
    code, _, err = run_cli(
        "signalering", str(SAMPLE), "--peildatum", "2026-11-23", "--format", "xlsx", "-o", str(out)
    )
    assert code == 2
    assert "blad 'Zaken', rij 11, kolom C (bsn)" in err
    assert "rij 11, kolom G (eerste_ziektedag): '31-11-2026' bestaat niet als datum" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_sample_xlsx_worklist(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "s.xlsx"
    code, _, err = run_cli(
        "signalering",
        str(SAMPLE),
        "--peildatum",
        "2026-11-23",
        "--format",
        "xlsx",
        "-o",
        str(out),
        "--skip-invalid",
    )
    assert code == 1  # some rows failed, the good ones are written
    assert "9 zaken verwerkt, 1 rij met fouten overgeslagen" in err
    wb = load_workbook(out)
    ws = wb["Signalering"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:M10"
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == 9
    late = rows["Z-2025-002"]  # past week 91
    assert "Eindevaluatie" in late[6].value and late[0].fill.start_color.rgb.endswith("FFC7CE")
    soon = rows["Z-2026-001"]  # plan van aanpak due tomorrow
    assert soon[5].value == 0 and "Plan van aanpak" in soon[8].value
    assert soon[0].fill.start_color.rgb.endswith("FFE0B2")
    assert all(str(r[3].value).startswith("*****") for r in rows.values())
    assert "Fouten" in wb.sheetnames


def test_formula_injection_is_neutralised(tmp_path: Path, run_cli: RunCli) -> None:
    p = tmp_path / "z.csv"
    p.write_text(
        'dossier;naam;eerste_ziektedag\n=HYPERLINK("http://x");@SUM(A1);2026-01-01\n',
        encoding="utf-8",
    )
    out = tmp_path / "s.xlsx"
    code, _, _ = run_cli(
        "signalering", str(p), "--peildatum", "2026-03-01", "--format", "xlsx", "-o", str(out)
    )
    assert code == 0
    ws = load_workbook(out)["Signalering"]
    row = [c for c in ws[2]]
    assert row[1].data_type == "s" and row[1].value.startswith("'=")
    assert row[2].value.startswith("'@")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("naam;bsn\nA;1\n", "de verplichte kolom 'eerste_ziektedag' ontbreekt"),
        ("", "het bestand is leeg"),
        (
            "naam;eerste_ziektedag\nA;2026-02-30\n",
            "rij 2, kolom 2 (eerste_ziektedag): '2026-02-30' bestaat niet als datum",
        ),
    ],
)
def test_bad_files_exit_2(tmp_path: Path, content: str, message: str, run_cli: RunCli) -> None:
    p = tmp_path / "z.csv"
    p.write_text(content, encoding="utf-8")
    code, out, err = run_cli("signalering", str(p))
    assert code == 2
    assert message in err
    assert str(p) in err
    assert out == ""
